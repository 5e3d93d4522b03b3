"""The SQLite cache: offline, revalidation, corruption, two processes, a killed process."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_sources_helpers import fast_options
from werkzeug import Request, Response

from factcheck.sources import load_sources
from factcheck.sources.cache import Cache, CacheError

TESTS = Path(__file__).parent


def _requests(server: HTTPServer, path: str) -> int:
    return len([r for r, _ in server.log if r.path == path])


def _comparable(source: object) -> dict[str, object]:
    data = asdict(source)  # type: ignore[call-overload]
    data.pop("_line_starts", None)
    return data


def test_offline_reads_the_same_source_from_the_cache(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/speech").respond_with_data(
        "<html><head><title>Speech</title></head><body><p>We will “stay the course”.</p>"
        "</body></html>",
        content_type="text/html; charset=utf-8",
    )
    url = server.url_for("/speech")
    [online] = load_sources([url], fast_options(tmp_path))
    assert online.ok
    [cached] = load_sources([url], fast_options(tmp_path))  # a second run: no request
    [offline] = load_sources([url], fast_options(tmp_path, offline=True))
    assert _requests(server, "/speech") == 1
    assert _comparable(offline) == _comparable(online) == _comparable(cached)


def test_offline_without_a_cached_copy_is_unverifiable_and_creates_nothing(
    tmp_path: Path,
) -> None:
    [source] = load_sources(["https://example.org/x"], fast_options(tmp_path, offline=True))
    assert source.status == "error"
    assert source.error == "not in the cache, and --offline forbids fetching it"
    assert not (tmp_path / "cache.sqlite").exists()


def test_refresh_revalidates_with_etag_and_304_keeps_the_body(
    server: HTTPServer, tmp_path: Path
) -> None:
    seen: list[dict[str, str]] = []

    def handler(request: Request) -> Response:
        seen.append(dict(request.headers))
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(
            "Original words.",
            content_type="text/plain",
            headers={"ETag": '"v1"', "Last-Modified": "Wed, 21 Oct 2015 07:28:00 GMT"},
        )

    server.expect_request("/doc").respond_with_handler(handler)
    url = server.url_for("/doc")
    [first] = load_sources([url], fast_options(tmp_path))
    time.sleep(1.1)  # fetched_at has one-second resolution
    [second] = load_sources([url], fast_options(tmp_path, refresh=True))
    assert len(seen) == 2
    assert seen[1].get("If-None-Match") == '"v1"'
    assert seen[1].get("If-Modified-Since") == "Wed, 21 Oct 2015 07:28:00 GMT"
    assert second.text == first.text == "Original words."
    assert second.sha256 == first.sha256
    assert second.fetched_at and first.fetched_at and second.fetched_at > first.fetched_at


def test_refresh_replaces_a_changed_page(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_oneshot_request("/doc").respond_with_data("Old text.", content_type="text/plain")
    server.expect_oneshot_request("/doc").respond_with_data("New text.", content_type="text/plain")
    url = server.url_for("/doc")
    load_sources([url], fast_options(tmp_path))
    [fresh] = load_sources([url], fast_options(tmp_path, refresh=True))
    [offline] = load_sources([url], fast_options(tmp_path, offline=True))
    assert fresh.text == offline.text == "New text."


def test_refresh_keeps_the_cached_copy_when_the_server_fails(
    server: HTTPServer, tmp_path: Path
) -> None:
    server.expect_oneshot_request("/doc").respond_with_data("Kept.", content_type="text/plain")
    url = server.url_for("/doc")
    load_sources([url], fast_options(tmp_path))
    server.expect_request("/doc").respond_with_data("down", status=503)
    [source] = load_sources([url], fast_options(tmp_path, refresh=True, retries=0))
    assert source.ok and source.text == "Kept."


def test_the_cache_is_a_plain_sqlite_file_sqlite_utils_can_read(
    server: HTTPServer, tmp_path: Path
) -> None:
    import sqlite_utils

    server.expect_request("/doc").respond_with_data("Some words.", content_type="text/plain")
    url = server.url_for("/doc")
    load_sources([url], fast_options(tmp_path))
    db = sqlite_utils.Database(tmp_path / "cache.sqlite")
    assert db.journal_mode == "wal"
    [row] = list(db["responses"].rows)
    assert row["url"] == url and row["status"] == 200 and row["body"] == b"Some words."
    assert json.loads(row["headers"])["content-type"].startswith("text/plain")
    [reading] = list(db["readings"].rows)
    assert reading["text"] == "Some words." and reading["sha256"] == row["sha256"]


def test_a_corrupt_cache_is_a_one_line_error_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    garbage = b"this is not a database at all\n" * 100
    path.write_bytes(garbage)
    with pytest.raises(CacheError) as caught:
        load_sources(["https://example.org/x"], fast_options(tmp_path))
    message = str(caught.value)
    assert "not a usable SQLite database" in message and "\n" not in message
    assert path.read_bytes() == garbage


def test_local_files_never_open_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"garbage" * 100)  # would be an error if opened
    source_file = tmp_path / "speech.txt"
    source_file.write_text("Words.", encoding="utf-8")
    [source] = load_sources([str(source_file)], fast_options(tmp_path))
    assert source.ok


LOADER = """
import json, sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from test_sources_helpers import fast_options
from factcheck.sources import load_sources
urls = json.loads(sys.argv[1])
sources = load_sources(urls, fast_options(Path({tmp!r}), **json.loads(sys.argv[2])))
print(json.dumps([[s.status, s.error, s.text] for s in sources]))
"""


def _loader(tmp_path: Path, urls: list[str], **options: object) -> subprocess.Popen[str]:
    script = LOADER.format(tests=str(TESTS), tmp=str(tmp_path))
    return subprocess.Popen(
        [sys.executable, "-c", script, json.dumps(urls), json.dumps(options)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_two_processes_share_the_cache(server: HTTPServer, tmp_path: Path) -> None:
    def handler(request: Request) -> Response:
        time.sleep(0.05)
        return Response(f"Page {request.path}.", content_type="text/plain")

    paths = [f"/p{n}" for n in range(8)]
    for path in paths:
        server.expect_request(path).respond_with_handler(handler)
    urls = [server.url_for(p) for p in paths]
    # Overlapping sets: both processes write some of the same rows at the same time.
    # Generous limits: two processes on a loaded 2-core machine must not time out.
    patient = {"timeout": 15.0, "total_timeout": 40.0}
    first = _loader(tmp_path, urls[:6], **patient)
    second = _loader(tmp_path, urls[2:], **patient)
    outputs = [p.communicate(timeout=60) for p in (first, second)]
    for (out, err), process in zip(outputs, (first, second), strict=True):
        assert process.returncode == 0, err
        assert all(status == "ok" for status, _, _ in json.loads(out))
    with Cache(tmp_path / "cache.sqlite") as cache:
        assert {e["url"] for e in cache.entries()} == set(urls)
    [[status, _, text]] = json.loads(
        subprocess.run(
            _loader(tmp_path, [urls[0]], offline=True).args, capture_output=True, text=True,
            timeout=60,
        ).stdout
    )  # fmt: skip
    assert (status, text) == ("ok", "Page /p0.")


def test_a_process_killed_mid_fetch_leaves_a_usable_cache(
    server: HTTPServer, tmp_path: Path
) -> None:
    server.expect_request("/kept").respond_with_data("Kept words.", content_type="text/plain")
    kept = server.url_for("/kept")
    load_sources([kept], fast_options(tmp_path))
    started: list[float] = []

    def drip(request: Request) -> Response:
        def chunks() -> Iterator[bytes]:
            started.append(time.monotonic())
            for _ in range(200):
                yield b"more words " * 100
                time.sleep(0.05)

        return Response(chunks(), content_type="text/plain")

    server.expect_request("/drip").respond_with_handler(drip)
    victim = _loader(tmp_path, [server.url_for("/drip"), kept], refresh=True)
    deadline = time.monotonic() + 30
    while not started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert started, "the child never reached the server"
    time.sleep(0.2)
    os.kill(victim.pid, signal.SIGKILL)
    victim.communicate(timeout=30)
    assert victim.returncode == -signal.SIGKILL

    connection = sqlite3.connect(tmp_path / "cache.sqlite")
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
    [offline] = load_sources([kept], fast_options(tmp_path, offline=True))
    assert offline.text == "Kept words."
    server.expect_request("/after").respond_with_data("After.", content_type="text/plain")
    [after] = load_sources([server.url_for("/after")], fast_options(tmp_path))
    assert after.ok


def test_check_online_then_offline_gives_the_same_sources(
    server: HTTPServer, tmp_path: Path
) -> None:
    from factcheck.documents import load_document
    from factcheck.pipeline import gather_source_specs

    server.expect_request("/transcript").respond_with_data(
        "MR. SMITH: We never said that.\n\nMS. JONES: You did, on Monday.",
        content_type="text/plain; charset=utf-8",
    )
    server.expect_request("/statement").respond_with_data(
        "<html><body><article><p>“We will act,” the mayor said.</p></article></body></html>",
        content_type="text/html",
    )
    article = tmp_path / "draft.md"
    article.write_text(
        f"Smith said “we never said that” ([transcript]({server.url_for('/transcript')})).\n\n"
        f"The mayor promised action ([statement]({server.url_for('/statement')})).\n",
        encoding="utf-8",
    )
    specs = gather_source_specs(load_document(article))
    assert len(specs) == 2
    online = load_sources(specs, fast_options(tmp_path))
    requests = len(server.log)
    offline = load_sources(specs, fast_options(tmp_path, offline=True))
    assert len(server.log) == requests
    assert all(s.ok for s in online)
    assert [_comparable(s) for s in offline] == [_comparable(s) for s in online]
    _compare_verdicts_if_the_pipeline_is_complete(article, tmp_path)


def _compare_verdicts_if_the_pipeline_is_complete(article: Path, tmp_path: Path) -> None:
    """With every stage built, the whole check gives the same verdicts from the cache."""
    from factcheck.pipeline import CheckOptions, check

    online = check(str(article), options=CheckOptions(fetch=fast_options(tmp_path)))
    assert online.results
    offline = check(str(article), options=CheckOptions(fetch=fast_options(tmp_path, offline=True)))
    assert [r.verdict.label for r in offline.results] == [r.verdict.label for r in online.results]


def test_a_directory_as_cache_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CacheError, match="is a directory, not a SQLite file"):
        load_sources(["https://example.org/x"], fast_options(tmp_path, cache_path=str(tmp_path)))


def test_many_processes_create_a_new_cache_at_once(tmp_path: Path) -> None:
    """Creating the tables is one IMMEDIATE transaction: racing runs wait instead of failing
    with "database is locked"."""
    script = (
        "import sys; from factcheck.sources.cache import Cache\n"
        "with Cache(sys.argv[1]) as cache: print(cache.stats()['responses'])"
    )
    path = str(tmp_path / "new.sqlite")
    processes = [
        subprocess.Popen([sys.executable, "-c", script, path], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]  # fmt: skip
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        assert out.strip() == "0"


WRITER = """
import sys
from factcheck.sources.cache import Cache, CacheEntry
with Cache(sys.argv[1]) as cache:
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        body = (b"%d " % n) * 20000
        cache.put(CacheEntry(f"https://example.org/{n % 50}", "u", 200, {}, body, str(n), "t"))
"""


def test_a_process_killed_mid_write_leaves_a_usable_cache(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                              text=True)  # fmt: skip
    assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    time.sleep(0.5)  # hundreds of writes of 60 kB each are under way
    os.kill(writer.pid, signal.SIGKILL)
    writer.communicate(timeout=30)
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
    with Cache(path) as cache:
        entries = cache.entries()
        assert entries, "no write completed before the kill"
        for entry in entries:
            cached = cache.get(entry["url"])
            assert cached is not None
            # Every row is whole: the body is the one its sha256 column names.
            assert cached.body == (cached.sha256.encode() + b" ") * 20000
