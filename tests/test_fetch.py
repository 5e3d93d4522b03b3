"""Fetching against a real HTTP server on 127.0.0.1: redirects, retries, limits, safety."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_sources_helpers import fast_options, serve_no_robots, start_server
from werkzeug import Request, Response

from factcheck.sources import load_sources

PAGE = (
    "<html><head><title>Briefing</title></head><body><article><h1>Briefing</h1>"
    "<p>The minister said the talks were “useful and frank” and would continue.</p>"
    "</article></body></html>"
)


@pytest.fixture
def server(shared_server: HTTPServer) -> Iterator[HTTPServer]:
    """conftest's shared server without the robots.txt answer: these tests set their own."""
    yield shared_server
    shared_server.clear()


def test_a_page_is_fetched_read_and_described(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    server.expect_request("/briefing").respond_with_data(
        PAGE.encode(), content_type="text/html; charset=utf-8"
    )
    url = server.url_for("/briefing")
    [source] = load_sources([url], fast_options(tmp_path))
    assert source.ok, source.error
    assert source.id == "S1"
    assert "“useful and frank”" in source.text
    assert source.title == "Briefing"
    assert source.final_url == url
    assert source.media_type == "text/html"
    assert source.fetched_at and source.fetched_at.endswith("Z")
    assert source.sha256 and len(source.sha256) == 64


def test_the_user_agent_is_honest(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    server.expect_request("/ua", headers={"User-Agent": "factcheck/"}).respond_with_data("no")
    seen: list[str] = []

    def handler(request: Request) -> Response:
        seen.append(request.headers.get("User-Agent", ""))
        return Response("plain text source", content_type="text/plain")

    server.expect_request("/page").respond_with_handler(handler)
    [source] = load_sources([server.url_for("/page")], fast_options(tmp_path))
    assert source.ok
    assert seen and seen[0].startswith("factcheck/")


def test_a_redirect_chain_is_followed_to_the_final_url(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    for hop, target in (("/a", "/b"), ("/b", "/c")):
        server.expect_request(hop).respond_with_data("", status=302, headers={"Location": target})
    server.expect_request("/c").respond_with_data("Final words.", content_type="text/plain")
    [source] = load_sources([server.url_for("/a")], fast_options(tmp_path))
    assert source.ok, source.error
    assert source.url == server.url_for("/a")
    assert source.final_url == server.url_for("/c")
    assert source.text == "Final words."


def test_a_redirect_loop_is_an_error_not_a_hang(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    server.expect_request("/x").respond_with_data("", status=301, headers={"Location": "/y"})
    server.expect_request("/y").respond_with_data("", status=301, headers={"Location": "/x"})
    [source] = load_sources([server.url_for("/x")], fast_options(tmp_path))
    assert source.status == "error"
    assert "redirect loop" in (source.error or "")


def test_too_many_redirects_is_an_error(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    for n in range(5):
        server.expect_request(f"/r{n}").respond_with_data(
            "", status=307, headers={"Location": f"/r{n + 1}"}
        )
    [source] = load_sources([server.url_for("/r0")], fast_options(tmp_path, max_redirects=3))
    assert source.status == "error"
    assert "too many redirects" in (source.error or "")


@pytest.mark.parametrize(("status", "words"), [(404, "404 Not Found"), (410, "410 Gone")])
def test_missing_pages_are_unverifiable_with_the_status(
    server: HTTPServer, tmp_path: Path, status: int, words: str
) -> None:
    serve_no_robots(server)
    server.expect_request("/gone").respond_with_data("nope", status=status)
    ok_url = server.url_for("/ok")
    server.expect_request("/ok").respond_with_data("Still here.", content_type="text/plain")
    sources = load_sources([server.url_for("/gone"), ok_url], fast_options(tmp_path))
    assert [s.status for s in sources] == ["error", "ok"]
    assert words in (sources[0].error or "")


def test_429_is_retried_after_the_servers_retry_after(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    times: list[float] = []

    def handler(request: Request) -> Response:
        times.append(time.monotonic())
        if len(times) == 1:
            return Response("slow down", status=429, headers={"Retry-After": "1"})
        return Response("Patience pays.", content_type="text/plain")

    server.expect_request("/busy").respond_with_handler(handler)
    [source] = load_sources([server.url_for("/busy")], fast_options(tmp_path))
    assert source.ok, source.error
    assert len(times) == 2
    # The backoff in the options is 0.01 s: only Retry-After explains a one-second wait.
    assert times[1] - times[0] >= 0.9


def test_a_retry_after_beyond_the_limit_fails_fast(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    server.expect_request("/later").respond_with_data(
        "", status=503, headers={"Retry-After": "3600"}
    )
    started = time.monotonic()
    [source] = load_sources([server.url_for("/later")], fast_options(tmp_path))
    assert source.status == "error"
    assert "retry after 3600 s" in (source.error or "")
    assert time.monotonic() - started < 2


def test_a_500_then_200_is_retried(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    server.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    server.expect_oneshot_request("/flaky").respond_with_data(
        "Recovered.", content_type="text/plain"
    )
    [source] = load_sources([server.url_for("/flaky")], fast_options(tmp_path))
    assert source.ok, source.error
    assert source.text == "Recovered."


def test_persistent_500_gives_up_after_the_retries(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    server.expect_request("/broken").respond_with_data("oops", status=500)
    [source] = load_sources([server.url_for("/broken")], fast_options(tmp_path, retries=1))
    assert source.error == "HTTP 500 Internal Server Error"
    assert len([r for r, _ in server.log if r.path == "/broken"]) == 2


def test_a_slow_server_times_out(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)

    import threading

    answered = threading.Event()

    def slow(request: Request) -> Response:
        time.sleep(0.8)
        answered.set()
        return Response("too late", content_type="text/plain")

    server.expect_request("/slow").respond_with_handler(slow)
    options = fast_options(tmp_path, timeout=0.2, retries=0)
    [source] = load_sources([server.url_for("/slow")], options)
    assert source.status == "error"
    assert source.error == "timed out after 0.2 s"
    # The late answer must land in this test's server log, not the next test's.
    answered.wait(5)
    deadline = time.monotonic() + 5
    while not any(r.path == "/slow" for r, _ in server.log) and time.monotonic() < deadline:
        time.sleep(0.01)


def test_an_endless_body_stops_at_the_cap(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)

    def endless(request: Request) -> Response:
        def chunks() -> Iterator[bytes]:
            while True:
                yield b"word " * 10_000

        return Response(chunks(), content_type="text/plain")

    server.expect_request("/endless").respond_with_handler(endless)
    options = fast_options(tmp_path, max_bytes=500_000)
    [source] = load_sources([server.url_for("/endless")], options)
    assert source.status == "error"
    assert "larger than the 500 kB limit" in (source.error or "")


def test_a_gzip_bomb_is_stopped_at_the_cap(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    server.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/plain", headers={"Content-Encoding": "gzip"}
    )
    options = fast_options(tmp_path, max_bytes=1_000_000)
    [source] = load_sources([server.url_for("/bomb")], options)
    assert source.status == "error"
    assert "larger than the 1 MB limit" in (source.error or "")


def test_an_honest_gzip_body_is_decompressed(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    server.expect_request("/gz").respond_with_data(
        gzip.compress("Compressed “words”.".encode()),
        content_type="text/plain; charset=utf-8",
        headers={"Content-Encoding": "gzip"},
    )
    [source] = load_sources([server.url_for("/gz")], fast_options(tmp_path))
    assert source.text == "Compressed “words”."


def test_robots_txt_disallow_is_obeyed(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    server.expect_request("/private/page").respond_with_data("secret")
    server.expect_request("/public/page").respond_with_data("Open words.")
    private, public = load_sources(
        [server.url_for("/private/page"), server.url_for("/public/page")], fast_options(tmp_path)
    )
    assert private.status == "error"
    assert "robots.txt" in (private.error or "")
    assert public.ok
    assert not [r for r, _ in server.log if r.path == "/private/page"]
    # One robots.txt request serves every URL of the site.
    assert len([r for r, _ in server.log if r.path == "/robots.txt"]) == 1


def test_private_addresses_are_refused_directly(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/page").respond_with_data("should never be read")
    options = fast_options(tmp_path, allow_private=False)
    [source] = load_sources([server.url_for("/page")], options)
    assert source.status == "error"
    assert "loopback" in (source.error or "")
    assert not server.log


def test_a_redirect_from_a_public_host_to_a_private_one_is_refused(
    server: HTTPServer, tmp_path: Path
) -> None:
    """The first hop (127.0.0.1, treated as public for this test) redirects to 10.0.0.1:
    the guard checks every hop, so the redirect is refused and 10.0.0.1 never contacted."""
    from factcheck.sources import safety

    serve_no_robots(server)
    server.expect_request("/start").respond_with_data(
        "", status=302, headers={"Location": "http://10.0.0.1/internal"}
    )
    original = safety.address_problem

    def loopback_is_public(ip: str) -> str | None:
        return None if ip == "127.0.0.1" else original(ip)

    safety.address_problem = loopback_is_public
    try:
        options = fast_options(tmp_path, allow_private=False, retries=0)
        [source] = load_sources([server.url_for("/start")], options)
    finally:
        safety.address_problem = original
    assert source.status == "error"
    assert "after a redirect" in (source.error or "")
    assert "10.0.0.1 is a private address" in (source.error or "")


def test_unsupported_schemes_are_errors(tmp_path: Path) -> None:
    [source] = load_sources(["ftp://example.org/file.txt"], fast_options(tmp_path))
    assert source.status == "error"
    assert "unsupported URL scheme" in (source.error or "")


def test_hosts_are_fetched_concurrently(tmp_path: Path) -> None:
    servers = [start_server() for _ in range(3)]
    started = [next(s) for s in servers]
    try:
        for srv in started:
            serve_no_robots(srv)

            def slow(request: Request) -> Response:
                time.sleep(0.5)
                return Response("words", content_type="text/plain")

            srv.expect_request("/p").respond_with_handler(slow)
        begin = time.monotonic()
        sources = load_sources([s.url_for("/p") for s in started], fast_options(tmp_path))
        elapsed = time.monotonic() - begin
    finally:
        for gen in servers:
            gen.close()
    assert all(s.ok for s in sources)
    assert elapsed < 1.3  # three 0.5 s pages one after another would take 1.5 s


def test_one_hosts_pages_are_spaced_by_the_host_delay(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    times: list[float] = []

    def handler(request: Request) -> Response:
        times.append(time.monotonic())
        return Response("words", content_type="text/plain")

    server.expect_request("/a").respond_with_handler(handler)
    server.expect_request("/b").respond_with_handler(handler)
    urls = [server.url_for("/a"), server.url_for("/b")]
    load_sources(urls, fast_options(tmp_path, host_delay=0.3))
    assert len(times) == 2
    assert times[1] - times[0] >= 0.25


def test_wayback_fallback_for_a_dead_link(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    dead = server.url_for("/dead")
    server.expect_request("/dead").respond_with_data("", status=404)
    snapshot = server.url_for("/web/20200101000000/snap")
    server.expect_request("/wayback", query_string={"url": dead}).respond_with_json(
        {"archived_snapshots": {"closest": {"available": True, "url": snapshot, "status": "200"}}}
    )
    server.expect_request("/web/20200101000000id_/snap").respond_with_data(
        "Archived words.", content_type="text/plain"
    )
    options = fast_options(tmp_path, wayback=True, wayback_url=server.url_for("/wayback"))
    [source] = load_sources([dead], options)
    assert source.ok, source.error
    assert source.text == "Archived words."
    assert source.url == dead
    assert source.final_url and "id_/snap" in source.final_url
    # Without --wayback the dead link stays dead.
    [plain] = load_sources([dead], fast_options(tmp_path / "other"))
    assert plain.error == "HTTP 404 Not Found"


def test_wayback_without_a_snapshot_keeps_the_original_reason(
    server: HTTPServer, tmp_path: Path
) -> None:
    serve_no_robots(server)
    server.expect_request("/dead").respond_with_data("", status=410)
    server.expect_request("/wayback").respond_with_json({"archived_snapshots": {}})
    options = fast_options(tmp_path, wayback=True, wayback_url=server.url_for("/wayback"))
    [source] = load_sources([server.url_for("/dead")], options)
    assert source.error == "HTTP 410 Gone (Wayback Machine: no snapshot)"


def test_the_connection_itself_is_guarded(
    server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even if the name check before a request were fooled (DNS rebinding: a public answer
    first, a private one at connect time), the connection is refused."""
    import factcheck.sources.fetch as fetch_module
    from factcheck.sources.fetch import Fetcher, FetchError, FetchPolicy

    server.expect_request("/page").respond_with_data("should never be read")
    monkeypatch.setattr(fetch_module, "check_address", lambda *a, **k: None)
    policy = FetchPolicy(allow_private=False, respect_robots=False, retries=0, host_delay=0.0)
    with Fetcher(policy) as fetcher, pytest.raises(FetchError, match=r"refused: .*loopback"):
        fetcher.get(server.url_for("/page"))
    assert not server.log


def test_fetch_article_returns_bytes_and_raises_input_error(server: HTTPServer) -> None:
    from factcheck.errors import InputError
    from factcheck.sources.fetch import fetch_article

    serve_no_robots(server)
    server.expect_request("/article").respond_with_data(
        "<p>Hi</p>", content_type="text/html; charset=utf-8"
    )
    body, content_type, final_url = fetch_article(server.url_for("/article"), allow_private=True)
    assert (body, content_type, final_url) == (
        b"<p>Hi</p>",
        "text/html; charset=utf-8",
        server.url_for("/article"),
    )
    with pytest.raises(InputError, match="loopback"):
        fetch_article(server.url_for("/article"))
    with pytest.raises(InputError, match="larger than"):
        fetch_article(server.url_for("/article"), max_bytes=4, allow_private=True)


def test_progress_is_reported_once_per_source(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    server.expect_request("/a").respond_with_data("A.", content_type="text/plain")
    server.expect_request("/b").respond_with_data("", status=404)
    local = tmp_path / "c.txt"
    local.write_text("C.", encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    specs = [server.url_for("/a"), server.url_for("/b"), str(local)]
    options = fast_options(tmp_path, progress=lambda *args: calls.append(args))
    sources = load_sources(specs, options)
    assert [s.id for s in sources] == ["S1", "S2", "S3"]
    assert [done for done, _, _ in calls] == [1, 2, 3]
    assert {total for _, total, _ in calls} == {3}
    assert sorted(spec for _, _, spec in calls) == sorted(specs)


def test_a_slow_drip_is_stopped_by_the_total_timeout(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)

    def drip(request: Request) -> Response:
        def chunks() -> Iterator[bytes]:
            for _ in range(100):
                yield b"x" * 10
                time.sleep(0.05)

        return Response(chunks(), content_type="text/plain")

    server.expect_request("/drip").respond_with_handler(drip)
    options = fast_options(tmp_path, total_timeout=0.5, retries=0)
    started = time.monotonic()
    [source] = load_sources([server.url_for("/drip")], options)
    assert (source.error or "").startswith("the download took longer than")
    assert time.monotonic() - started < 2


def test_a_failing_robots_txt_disallows_the_site(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/robots.txt").respond_with_data("", status=503)
    server.expect_request("/page").respond_with_data("words")
    [source] = load_sources([server.url_for("/page")], fast_options(tmp_path, retries=0))
    assert source.status == "error"
    assert "robots.txt" in (source.error or "")
    assert not [r for r, _ in server.log if r.path == "/page"]


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"Location": "file:///etc/passwd"}, "only http and https URLs are fetched"),
        ({}, "HTTP 302 redirect without a Location"),
    ],
    ids=["to-file-scheme", "no-location"],
)
def test_bad_redirects_are_reasons(
    server: HTTPServer, tmp_path: Path, headers: dict[str, str], reason: str
) -> None:
    serve_no_robots(server)
    server.expect_request("/r").respond_with_data("", status=302, headers=headers)
    [source] = load_sources([server.url_for("/r")], fast_options(tmp_path))
    assert source.status == "error"
    assert reason in (source.error or "")


def test_a_timeout_is_retried_once_only(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    calls: list[float] = []

    def slow(request: Request) -> Response:
        calls.append(time.monotonic())
        time.sleep(0.4)
        return Response("late", content_type="text/plain")

    server.expect_request("/slow").respond_with_handler(slow)
    options = fast_options(tmp_path, timeout=0.1, retries=5)
    [source] = load_sources([server.url_for("/slow")], options)
    assert source.error == "timed out after 0.1 s"
    time.sleep(0.5)  # let the last late answer land in this test's log
    assert len(calls) == 2


def test_allowed_hosts_limit_every_hop(server: HTTPServer, tmp_path: Path) -> None:
    serve_no_robots(server)
    server.expect_request("/page").respond_with_data("Allowed.", content_type="text/plain")
    server.expect_request("/away").respond_with_data(
        "", status=302, headers={"Location": f"http://localhost:{server.port}/page"}
    )
    options = fast_options(tmp_path, allowed_hosts=["127.0.0.1"])
    page, away = load_sources([server.url_for("/page"), server.url_for("/away")], options)
    assert page.ok
    assert away.error == "refused (after a redirect): localhost is not in allowed-hosts"
    elsewhere = fast_options(tmp_path / "x", allowed_hosts=["example.org"])
    [other] = load_sources([server.url_for("/page")], elsewhere)
    assert other.error == "refused: 127.0.0.1 is not in allowed-hosts"
