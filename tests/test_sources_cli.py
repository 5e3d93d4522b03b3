"""``factcheck sources`` and ``factcheck cache`` commands, run through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from factcheck.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_fetch_list_show_forget_round_trip(
    server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.expect_request("/speech").respond_with_data(
        "<html><head><title>The Speech</title></head><body><p>Words “here”.</p></body></html>",
        content_type="text/html",
    )
    server.expect_request("/gone").respond_with_data("", status=404)
    cache = str(tmp_path / "c.sqlite")
    url, gone = server.url_for("/speech"), server.url_for("/gone")

    code, out, _ = run(["sources", "fetch", url, gone, "--allow-private", "--cache", cache], capsys)
    assert code == 1  # one source failed
    assert f"S1  ok     {url}" in out and "The Speech" in out
    assert f"S2  error  {gone}: HTTP 404 Not Found" in out

    code, out, _ = run(["sources", "list", "--cache", cache, "--format", "json"], capsys)
    assert code == 0
    [entry] = json.loads(out)
    assert entry["url"] == url and entry["title"] == "The Speech" and entry["status"] == 200

    code, out, _ = run(["sources", "show", url, "--cache", cache, "--text"], capsys)
    assert code == 0
    assert "title: The Speech" in out and "Words “here”." in out

    code, out, _ = run(["sources", "forget", url, "--cache", cache], capsys)
    assert (code, out.strip()) == (0, f"forgot {url}")
    code, _, err = run(["sources", "show", url, "--cache", cache], capsys)
    assert code == 2 and err.strip() == f"factcheck: error: {url} is not in the cache"
    code, _, err = run(["sources", "forget", url, "--cache", cache], capsys)
    assert code == 1 and f"not cached: {url}" in err


def test_fetch_refuses_loopback_without_allow_private(
    server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url_for("/x")
    code, out, _ = run(["sources", "fetch", url, "--cache", str(tmp_path / "c.sqlite")], capsys)
    assert code == 1
    assert "loopback address (use --allow-private to fetch it)" in out


def test_wayback_option_reaches_the_loader(
    server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """--wayback makes the loader ask the archive (here a local stand-in) about a dead link."""
    import functools

    import factcheck.sources

    server.expect_request("/dead").respond_with_data("", status=404)
    local_archive = functools.partial(
        factcheck.sources.SourceOptions, wayback_url=server.url_for("/wayback")
    )
    monkeypatch.setattr(factcheck.sources, "SourceOptions", local_archive)
    server.expect_request("/wayback").respond_with_json({"archived_snapshots": {}})
    argv = ["sources", "fetch", server.url_for("/dead"), "--allow-private", "--wayback",
            "--cache", str(tmp_path / "c.sqlite")]  # fmt: skip
    code, out, _ = run(argv, capsys)
    assert code == 1
    assert "HTTP 404 Not Found (Wayback Machine: no snapshot)" in out
    assert [r.path for r, _ in server.log if r.path == "/wayback"] == ["/wayback"]


def test_cache_info_and_clear(
    server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.expect_request("/a").respond_with_data("Alpha.", content_type="text/plain")
    cache = str(tmp_path / "c.sqlite")
    run(["sources", "fetch", server.url_for("/a"), "--allow-private", "--cache", cache], capsys)
    code, out, _ = run(["cache", "info", "--cache", cache, "--format", "json"], capsys)
    stats = json.loads(out)
    assert code == 0 and stats["responses"] == 1 and stats["body_bytes"] == len("Alpha.")
    code, out, _ = run(["cache", "clear", "--cache", cache, "--yes"], capsys)
    assert code == 0 and "cleared 1 cached sources" in out
    code, out, _ = run(["cache", "info", "--cache", cache, "--format", "json"], capsys)
    assert json.loads(out)["responses"] == 0
    assert Path(cache).exists()  # emptied, not deleted


def test_cache_info_on_a_missing_cache_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "none.sqlite"
    code, out, _ = run(["cache", "info", "--cache", str(cache)], capsys)
    assert code == 0 and "(not created yet)" in out
    assert not cache.exists()


def test_the_cache_path_comes_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "env.sqlite"))
    code, out, _ = run(["cache", "info", "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["path"] == str(tmp_path / "env.sqlite")


def test_the_default_cache_is_under_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.sources.cache import default_cache_path

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert default_cache_path() == tmp_path / "factcheck" / "cache.sqlite"


def test_a_corrupt_cache_is_exit_2_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"garbage" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "sources", "list", "--cache", str(path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith(f"factcheck: error: cache {path} is not a usable SQLite")
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == b"garbage" * 100


def test_cache_clear_without_yes_off_a_terminal_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck.sources.cache import Cache

    cache = tmp_path / "c.sqlite"
    Cache(cache).close()
    code, _, err = run(["cache", "clear", "--cache", str(cache)], capsys)
    assert code == 2 and "without --yes" in err


class _Terminal:
    """A stand-in for stderr that says it is a terminal and keeps what is written."""

    def __init__(self, tty: bool) -> None:
        import io

        self.buffer = io.StringIO()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        return self.buffer.write(text)

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        raise OSError("no file descriptor")


@pytest.mark.parametrize(
    ("tty", "total", "drawn"), [(True, 5, True), (True, 2, False), (False, 5, False)]
)
def test_the_progress_bar_shows_only_for_many_sources_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, tty: bool, total: int, drawn: bool
) -> None:
    from factcheck.cli.sources import progress_reporter

    terminal = _Terminal(tty)
    monkeypatch.setattr(sys, "stderr", terminal)
    with progress_reporter() as report:
        for done in range(1, total + 1):
            report(done, total, f"https://example.org/{done}")
    assert ("fetching sources" in terminal.buffer.getvalue()) is drawn
