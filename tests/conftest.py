from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def no_personal_library_or_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A developer's own library and cache must not change what the tests see."""
    home = tmp_path_factory.mktemp("factcheck-home")
    monkeypatch.setenv("FACTCHECK_LIBRARY", str(home / "no-library.sqlite"))
    monkeypatch.setenv("FACTCHECK_CACHE", str(home / "cache.sqlite"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg"))


@pytest.fixture(autouse=True)
def every_json_report_is_valid(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Validate every JSON report any test builds in-process against the shipped schema."""
    from schema_check import assert_valid_report

    import factcheck.report.json as json_report

    for name in ("report_to_dict", "reports_to_dict"):
        original = getattr(json_report, name)

        def validated(*args: Any, _original: Any = original, **kwargs: Any) -> dict[str, Any]:
            data: dict[str, Any] = _original(*args, **kwargs)
            assert_valid_report(data)
            return data

        monkeypatch.setattr(json_report, name, validated)
    yield


@pytest.fixture(scope="module")
def shared_server() -> Iterator[Any]:
    """One threaded HTTP server on 127.0.0.1 per test module (stopping one takes 0.5 s)."""
    from test_sources_helpers import start_server

    yield from start_server()


@pytest.fixture
def server(shared_server: Any) -> Iterator[Any]:
    """The module's server, answering robots.txt with 404 (fetch anything), cleared after
    each test. A module that tests robots.txt itself overrides this fixture."""
    from test_sources_helpers import serve_no_robots

    serve_no_robots(shared_server)
    yield shared_server
    shared_server.clear()
