"""Primary sources: gather, fetch (polite, safe), cache in SQLite, read into ``Source``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.model import Source

__all__ = ["SourceOptions", "load_sources"]


@dataclass
class SourceOptions:
    """How sources are fetched and cached."""

    offline: bool = False
    refresh: bool = False
    allow_private: bool = False
    cache_path: str | None = None
    wayback: bool = False
    wayback_url: str = "https://archive.org/wayback/available"
    timeout: float = 20.0
    max_bytes: int = 25 * 1024 * 1024


def load_sources(specs: Sequence[str], options: SourceOptions | None = None) -> list[Source]:
    """Read or fetch each source (a path or an http(s) URL), in order, ids ``S1``, ``S2``, ...

    Never raises for one bad source: it comes back with ``status="error"`` and the reason.
    """
    raise NotImplementedError("sources stage: see issue 4")
