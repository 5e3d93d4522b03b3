"""Primary sources: gather, fetch (polite, safe), cache in SQLite, read into ``Source``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from factcheck.model import Source
from factcheck.sources.folders import expand_source_specs
from factcheck.sources.reader import MAX_SOURCE_BYTES, read_source_file

__all__ = ["SourceOptions", "expand_source_specs", "load_sources", "read_source_file"]


@dataclass
class SourceOptions:
    """How sources are fetched and cached.

    The delays and retry counts are for politeness toward real servers; tests shrink them.
    """

    offline: bool = False
    refresh: bool = False
    allow_private: bool = False
    # Fetch only from these hosts and their subdomains (empty: any public host).
    allowed_hosts: list[str] = field(default_factory=list)
    cache_path: str | None = None
    # False: fetch every time and write nothing (for library users who want no cache file).
    use_cache: bool = True
    wayback: bool = False
    wayback_url: str = "https://archive.org/wayback/available"
    timeout: float = 20.0
    total_timeout: float = 120.0
    max_bytes: int = MAX_SOURCE_BYTES
    max_redirects: int = 10
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 60.0
    host_delay: float = 1.0
    respect_robots: bool = True
    # Hosts fetched at the same time (one host's URLs are always fetched one after another).
    concurrency: int = 4
    # Called with (done, total, spec) after each source: the CLI's progress bar.
    progress: Callable[[int, int, str], None] | None = None


def load_sources(specs: Sequence[str], options: SourceOptions | None = None) -> list[Source]:
    """Read or fetch each source (a path or an http(s) URL), in order, ids ``S1``, ``S2``, ...

    Never raises for one bad source: it comes back with ``status="error"`` and the reason.
    A cache file that cannot be used raises ``CacheError`` (one line, exit 2): that is not
    one source's problem, and the file is never deleted or rewritten to "fix" it.
    """
    from factcheck.sources.loader import SourceLoader

    with SourceLoader(options or SourceOptions()) as loader:
        return loader.load(list(specs))
