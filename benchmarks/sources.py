"""Sources: how fast real transcripts are fetched, read and cached, and whether reading keeps
every word a quote may need.

Serves ``eval/quotes/sources`` from a local HTTP server (no internet), then loads every
transcript three times: cold (fetch + read + cache), warm (cache hit) and ``--offline``.
The baseline is the bare minimum (read the file and strip tags with ``read_html``, or take
the text as is), measured in the same run. Fidelity: each exact quote (``a_exact`` case)
must occur in its source's text once whitespace and quote marks are normalised.

    python -m benchmarks sources
"""

from __future__ import annotations

import functools
import http.server
import json
import tempfile
import threading
import time
from pathlib import Path

from benchmarks import eval_root

QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "`": "'"})


def _normalise(text: str) -> str:
    text = text.translate(QUOTE_MARKS).replace("''", '"')
    return " ".join(text.split())


def _serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main(argv: list[str]) -> int:
    from factcheck.documents.html import read_html
    from factcheck.sources import SourceOptions, load_sources

    root = eval_root()
    if root is None:
        return 0
    quotes = root / "quotes"
    files = sorted(
        p for p in (quotes / "sources").rglob("*") if p.suffix in (".html", ".htm", ".txt")
    )
    if not files:
        print(f"skip: no transcripts under {quotes / 'sources'}")
        return 0

    started = time.perf_counter()
    for path in files:
        raw = path.read_bytes().decode("utf-8", "replace")
        _ = read_html(raw).text if path.suffix != ".txt" else raw
    baseline = time.perf_counter() - started

    server, base = _serve(quotes)
    urls = [f"{base}/{p.relative_to(quotes).as_posix()}" for p in files]
    with tempfile.TemporaryDirectory() as tmp:
        options = dict(allow_private=True, cache_path=str(Path(tmp) / "bench.sqlite"),
                       host_delay=0.0, respect_robots=False)  # fmt: skip
        timings: dict[str, float] = {}
        results = {}
        for phase, extra in (("cold", {}), ("warm", {}), ("offline", {"offline": True})):
            started = time.perf_counter()
            results[phase] = load_sources(urls, SourceOptions(**options, **extra))  # type: ignore[arg-type]
            timings[phase] = time.perf_counter() - started
        cache_bytes = (Path(tmp) / "bench.sqlite").stat().st_size
    server.shutdown()

    cold = results["cold"]
    failed = [s for s in cold if not s.ok]
    same = all(
        a.text == b.text and a.sha256 == b.sha256
        for a, b in zip(cold, results["offline"], strict=True)
    )
    print(
        f"sources: {len(files)} transcripts, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB; "
        f"failed: {len(failed)} {[s.error for s in failed][:3]}"
    )
    print(f"baseline (read file + strip tags): {baseline:.2f} s")
    for phase, seconds in timings.items():
        print(f"{phase:>8}: {seconds:.3f} s  ({seconds / baseline:.3f}x baseline)")
    print(f"offline texts identical to online: {same}; cache file {cache_bytes / 1e6:.1f} MB")

    by_url = {s.url: s for s in cold}
    kremlin = [s for s in cold if "/kremlin/" in (s.url or "") and s.ok]
    for source in kremlin:
        main = (
            "all"
            if source.main_text is None
            else f"{sum(len(s) for s in source.main_text) / max(1, len(source.text)):.0%}"
        )
        print(f"  kremlin main text share: {main}  {source.title}")

    cases = [json.loads(line) for line in (quotes / "cases.jsonl").read_text("utf-8").splitlines()]
    exact = [c for c in cases if c["category"] == "a_exact"]
    found = 0
    missing_by_corpus: dict[str, int] = {}
    in_main = total_main = 0
    for case in exact:
        source = by_url.get(f"{base}/{case['transcript_file']}")
        if source is None or not source.ok:
            continue
        needle = _normalise(case["quote"])
        haystack = _normalise(source.text)
        if needle in haystack:
            found += 1
        else:
            missing_by_corpus[case["corpus"]] = missing_by_corpus.get(case["corpus"], 0) + 1
        if source.main_text is not None:
            total_main += 1
            main_text = _normalise(" ".join(s.slice(source.text) for s in source.main_text))
            in_main += needle in main_text
    print(
        f"exact quotes found verbatim in the read text: {found}/{len(exact)} "
        f"(missing by corpus: {missing_by_corpus or 'none'})"
    )
    if total_main:
        print(f"  on pages with a main-text label, inside the main text: {in_main}/{total_main}")
    bomb_ok = _gzip_bomb()
    return 0 if not failed and same and bomb_ok else 1


def _gzip_bomb(inflated_mb: int = 200, cap_mb: int = 5) -> bool:
    """Peak memory fetching a gzip bomb with our capped inflater vs httpx's own decoding."""
    import gc
    import tracemalloc
    import zlib

    import httpx

    from factcheck.sources import SourceOptions, load_sources

    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1024 * 1024)
    bomb = b"".join(packer.compress(zeros) for _ in range(inflated_mb)) + packer.flush()

    class Bomb(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(bomb)))
            self.end_headers()
            self.wfile.write(bomb)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Bomb)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/bomb"

    def peak(run: object) -> float:
        gc.collect()
        tracemalloc.start()
        run()  # type: ignore[operator]
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top / 1e6

    with tempfile.TemporaryDirectory() as tmp:
        options = SourceOptions(allow_private=True, cache_path=str(Path(tmp) / "b.sqlite"),
                                host_delay=0.0, respect_robots=False, retries=0,
                                max_bytes=cap_mb * 1024 * 1024)  # fmt: skip
        result: list[object] = []
        ours = peak(lambda: result.extend(load_sources([url], options)))
    baseline = peak(lambda: httpx.get(url).content)
    server.shutdown()
    error = getattr(result[0], "error", None)
    print(f"gzip bomb ({len(bomb) / 1e3:.0f} kB inflating to {inflated_mb} MB), cap {cap_mb} MB: "
          f"peak {ours:.1f} MB (refused: {error}); httpx decoding it: peak {baseline:.1f} MB "
          f"({ours / baseline:.3f}x)")  # fmt: skip
    return bool(error) and ours < 4 * cap_mb
