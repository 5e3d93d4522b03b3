"""Turn source specs (paths and URLs) into ``Source`` objects: cache first, then the network.

Network fetches run in worker threads, one per host at a time (so per-host delays and
robots.txt are respected while several hosts download at once); the cache and the readers run
in the calling thread, so one SQLite connection serves the whole run.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from urllib.parse import urlsplit

from factcheck.errors import FactcheckError, InputError
from factcheck.model import Source
from factcheck.sources import SourceOptions
from factcheck.sources.cache import Cache, CachedReading, CacheEntry, CacheError, utc_now
from factcheck.sources.fetch import Fetcher, FetchError, FetchPolicy, Response
from factcheck.sources.reader import READER_VERSION, read_source_bytes, read_source_file

__all__ = ["SourceLoader", "is_url"]

FetchResult = Response | FetchError


def is_url(spec: str) -> bool:
    """True for a spec we fetch rather than open.

    >>> is_url("https://example.org/speech")
    True
    >>> is_url("transcripts/speech.txt")
    False
    """
    # Not urlsplit: it raises on a malformed URL ("http://[::1"), which must be a failed
    # source, not a crash.
    return spec[:8].lower().startswith(("http://", "https://"))


def _error(source_id: str, spec: str, reason: str, *, url: bool) -> Source:
    reason = " ".join(reason.split())
    return Source(
        id=source_id,
        url=spec if url else None,
        path=None if url else spec,
        status="error",
        error=reason,
    )


class SourceLoader:
    """Loads sources for one run; holds the cache connection and the HTTP client."""

    def __init__(self, options: SourceOptions) -> None:
        self.options = options
        self._cache: Cache | None = None
        self._fetcher: Fetcher | None = None

    def __enter__(self) -> SourceLoader:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._cache is not None:
            self._cache.close()
        if self._fetcher is not None:
            self._fetcher.close()

    @property
    def cache(self) -> Cache | None:
        if self._cache is None and self.options.use_cache:
            self._cache = Cache(self.options.cache_path, create=not self.options.offline)
        return self._cache

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            o = self.options
            self._fetcher = Fetcher(
                FetchPolicy(
                    timeout=o.timeout, total_timeout=o.total_timeout, max_bytes=o.max_bytes,
                    max_redirects=o.max_redirects, retries=o.retries, backoff=o.backoff,
                    max_retry_after=o.max_retry_after, host_delay=o.host_delay,
                    allow_private=o.allow_private, respect_robots=o.respect_robots,
                    allowed_hosts=tuple(o.allowed_hosts),
                )
            )  # fmt: skip
        return self._fetcher

    def load(self, specs: list[str]) -> list[Source]:
        results: list[Source | None] = [None] * len(specs)
        total = len(specs)
        done = 0

        def finished(index: int, source: Source) -> None:
            nonlocal done
            results[index] = source
            done += 1
            if self.options.progress is not None:
                self.options.progress(done, total, specs[index])

        # Plan first (cache lookups are cheap), start the downloads, then read local files and
        # cached pages while the network works.
        to_fetch: dict[str, dict[str, str]] = {}  # url -> request headers (validators)
        waiting: dict[str, list[int]] = {}
        ready: list[tuple[int, str, CacheEntry | None]] = []  # local files and cache hits
        for index, spec in enumerate(specs):
            if not is_url(spec):
                ready.append((index, spec, None))
                continue
            try:
                urlsplit(spec)
            except ValueError as exc:  # e.g. an unclosed IPv6 bracket in a draft's link
                finished(index, _error(f"S{index + 1}", spec, f"invalid URL ({exc})", url=True))
                continue
            cached = self.cache.get(spec) if self.cache is not None else None
            if self.options.offline or (cached is not None and not self.options.refresh):
                ready.append((index, spec, cached))
                continue
            to_fetch.setdefault(spec, cached.validators() if cached is not None else {})
            waiting.setdefault(spec, []).append(index)

        with _Downloads(self, to_fetch) as downloads:
            for index, spec, cached in ready:
                source_id = f"S{index + 1}"
                if not is_url(spec):
                    finished(index, self.load_file(spec, source_id))
                elif cached is not None:
                    finished(index, self.from_entry(cached, source_id))
                else:
                    reason = "not in the cache, and --offline forbids fetching it"
                    finished(index, _error(source_id, spec, reason, url=True))
            for url, result in downloads.results():
                for index in waiting[url]:
                    finished(index, self._from_result(url, result, f"S{index + 1}"))
        return [source for source in results if source is not None]

    # -- the network ---------------------------------------------------------------------------

    def _fetch_one(self, fetcher: Fetcher, url: str, headers: dict[str, str]) -> FetchResult:
        try:
            return fetcher.get(url, headers=headers)
        except FetchError as exc:
            if self.options.wayback and _dead_link(exc):
                return self._wayback(fetcher, url, exc)
            return exc
        except FactcheckError as exc:
            return FetchError(str(exc))
        except Exception as exc:  # a bug in a library must cost one source, not the run
            return FetchError(f"unexpected error while fetching ({type(exc).__name__}: {exc})")

    def _wayback(self, fetcher: Fetcher, url: str, failure: FetchError) -> FetchResult:
        """The Internet Archive's closest snapshot of a dead link, or the original failure."""
        import json
        from urllib.parse import urlencode

        query = f"{self.options.wayback_url}?{urlencode({'url': url})}"
        try:
            answer = fetcher.get(query, max_bytes=1_000_000, any_host=True)
            snapshot = json.loads(answer.body)["archived_snapshots"]["closest"]
            if not snapshot.get("available") or not snapshot.get("url"):
                raise KeyError("url")
            response = fetcher.get(raw_snapshot_url(str(snapshot["url"])), any_host=True)
        except (FetchError, ValueError, KeyError, TypeError) as exc:
            why = "no snapshot" if isinstance(exc, (KeyError, TypeError)) else str(exc)
            return FetchError(f"{failure} (Wayback Machine: {why})", failure.status)
        response.url = url
        return response

    def _from_result(self, url: str, result: FetchResult, source_id: str) -> Source:
        cache = self.cache
        if isinstance(result, FetchError):
            cached = cache.get(url) if cache is not None else None
            if cached is not None:
                # --refresh could not reach the server: the copy we have beats no source.
                return self.from_entry(cached, source_id)
            return _error(source_id, url, str(result), url=True)
        now = utc_now()
        if result.status == 304 and cache is not None:
            cache.touch(url, now, result.headers)
            entry = cache.get(url)
            if entry is not None:
                return self.from_entry(entry, source_id)
            return _error(source_id, url, "HTTP 304 but the cached copy vanished", url=True)
        entry = CacheEntry(
            url=url,
            final_url=result.final_url,
            status=result.status,
            headers=result.headers,
            body=result.body,
            sha256=hashlib.sha256(result.body).hexdigest(),
            fetched_at=now,
        )
        if cache is not None:
            cache.put(entry)
        return self.from_entry(entry, source_id)

    # -- reading ---------------------------------------------------------------------------

    def from_entry(self, entry: CacheEntry, source_id: str) -> Source:
        """A Source from fetched bytes, reusing the cached reading when there is one."""
        from factcheck.documents.transcripts import find_turns

        cache = self.cache
        reading = cache.get_reading(entry.sha256, READER_VERSION) if cache is not None else None
        if reading is None:
            try:
                read = read_source_bytes(
                    entry.body, entry.content_type, entry.final_url, url=entry.final_url
                )
            except InputError as exc:
                return _error(source_id, entry.url, _strip_name(str(exc), entry.final_url),
                              url=True)  # fmt: skip
            except CacheError:
                raise
            except Exception as exc:  # a reader bug must cost one source, not the run
                reason = f"could not read the page ({type(exc).__name__}: {exc})"
                return _error(source_id, entry.url, reason, url=True)
            reading = CachedReading(
                text=read.text, media_type=read.media_type, main_text=read.main_text,
                title=read.title, author=read.author, bold=read.bold,
                turns=find_turns(read.text, bold_spans=read.bold),
            )  # fmt: skip
            if cache is not None:
                cache.put_reading(entry.sha256, READER_VERSION, reading)
        else:
            # Turn finding is cheap and improves between versions: always redo it.
            reading.turns = find_turns(reading.text, bold_spans=reading.bold)
        return Source(
            id=source_id,
            url=entry.url,
            final_url=entry.final_url,
            title=reading.title,
            author=reading.author,
            fetched_at=entry.fetched_at,
            sha256=entry.sha256,
            text=reading.text,
            turns=reading.turns,
            media_type=reading.media_type,
            main_text=reading.main_text,
        )

    def load_file(self, spec: str, source_id: str) -> Source:
        """A local source file (``read_source_file``), its failure an error Source."""
        scheme = spec.split("://", 1)[0].lower()
        if "://" in spec and scheme not in ("", "file"):
            return _error(source_id, spec, f"unsupported URL scheme {scheme!r}", url=True)
        try:
            return read_source_file(spec, source_id, max_bytes=self.options.max_bytes)
        except InputError as exc:
            return _error(source_id, spec, _strip_name(str(exc), spec), url=False)
        except Exception as exc:  # a reader bug must cost one source, not the run
            reason = f"could not read the file ({type(exc).__name__}: {exc})"
            return _error(source_id, spec, reason, url=False)


class _Downloads:
    """Worker threads fetching a set of URLs, one thread per host at a time (so per-host
    delays and robots.txt hold while several hosts download at once)."""

    def __init__(self, loader: SourceLoader, requests: dict[str, dict[str, str]]) -> None:
        self.requests = requests
        self.outbox: queue.Queue[tuple[str, FetchResult]] = queue.Queue()
        self.pool: ThreadPoolExecutor | None = None
        self.futures: list[Future[None]] = []
        self.stopped = threading.Event()
        if not requests:
            return
        by_host: dict[str, list[str]] = {}
        for url in requests:
            by_host.setdefault(urlsplit(url).netloc.lower(), []).append(url)
        fetcher = loader.fetcher

        def work(urls: list[str]) -> None:
            for url in urls:
                if self.stopped.is_set():
                    return
                self.outbox.put((url, loader._fetch_one(fetcher, url, requests[url])))

        workers = max(1, min(loader.options.concurrency, len(by_host)))
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="factcheck-fetch")
        self.futures = [self.pool.submit(work, urls) for urls in by_host.values()]

    def __enter__(self) -> _Downloads:
        return self

    def __exit__(self, *exc: object) -> None:
        # On an error (a broken cache, Ctrl-C) no new download starts; running ones finish.
        self.stopped.set()
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def results(self) -> Iterator[tuple[str, FetchResult]]:
        """Each URL's result as it arrives, so one page is read while the next downloads."""
        reported: set[str] = set()
        while len(reported) < len(self.requests):
            try:
                url, result = self.outbox.get(timeout=0.2)
            except queue.Empty:
                if all(f.done() for f in self.futures) and self.outbox.empty():
                    break  # a worker died: the URLs it never reported are failures
                continue
            reported.add(url)
            yield url, result
        for url in self.requests:
            if url not in reported:
                yield url, FetchError("the fetch was interrupted by an internal error")


def _strip_name(message: str, name: str) -> str:
    """Readers prefix errors with the file name; the Source already says which one it is."""
    prefix = f"{name}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _dead_link(error: FetchError) -> bool:
    """Whether a failure looks like a dead link the Internet Archive might have kept.

    >>> _dead_link(FetchError("HTTP 404 Not Found", 404))
    True
    >>> _dead_link(FetchError("refused: 10.0.0.1 is a private address"))
    False
    """
    if error.status is not None:
        return error.status in (404, 410) or error.status >= 500
    reason = str(error)
    return reason.startswith(("cannot connect", "timed out", "cannot resolve", "network error"))


def raw_snapshot_url(url: str) -> str:
    """The Wayback URL of a snapshot's original bytes, without the archive's toolbar.

    >>> raw_snapshot_url("http://web.archive.org/web/20200101000000/https://example.org/a")
    'http://web.archive.org/web/20200101000000id_/https://example.org/a'
    >>> raw_snapshot_url("http://127.0.0.1:5000/snap")
    'http://127.0.0.1:5000/snap'
    """
    import re

    return re.sub(r"(/web/\d{14})/", r"\1id_/", url, count=1)
