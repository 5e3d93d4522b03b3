"""Fetch one URL politely and safely.

Redirects are followed here, hop by hop, so that every hop passes the address guard and
robots.txt; the body is streamed and capped *after* decompression (we decode gzip/deflate
ourselves with a bounded output, so a gzip bomb costs at most the cap); 429 and 5xx are
retried with exponential backoff that honours ``Retry-After``; requests to one host are
spaced by a delay.
"""

from __future__ import annotations

import email.utils
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from factcheck import __version__
from factcheck.errors import FactcheckError, InputError
from factcheck.sources import SourceOptions
from factcheck.sources.safety import BlockedAddress, GuardedBackend, check_address

__all__ = ["FetchError", "FetchPolicy", "Fetcher", "Response", "fetch_article"]

USER_AGENT = f"factcheck/{__version__} (quote checker; fetches the sources an article cites)"
ROBOTS_AGENT = "factcheck"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(FactcheckError):
    """A URL that could not be fetched; ``str(error)`` is the one-sentence reason."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


@dataclass
class FetchPolicy:
    """Limits and manners of fetching. Tests shrink the delays; users rarely need to.

    The defaults are ``SourceOptions``' (one place to change them).
    """

    timeout: float = SourceOptions.timeout
    # A slow-drip server cannot hold us longer than this per URL, however often it sends.
    total_timeout: float = SourceOptions.total_timeout
    max_bytes: int = SourceOptions.max_bytes
    max_redirects: int = SourceOptions.max_redirects
    retries: int = SourceOptions.retries
    backoff: float = SourceOptions.backoff
    # A server that asks us to come back later than this is treated as a failure.
    max_retry_after: float = SourceOptions.max_retry_after
    host_delay: float = SourceOptions.host_delay
    allow_private: bool = SourceOptions.allow_private
    # Only these hosts and their subdomains may be fetched (empty: any host).
    allowed_hosts: tuple[str, ...] = ()
    respect_robots: bool = SourceOptions.respect_robots
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str
    final_url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


class _Inflater:
    """Decompress a Content-Encoding stream with the output bounded at every step."""

    def __init__(self, encoding: str, limit: int) -> None:
        encoding = encoding.strip().lower()
        self.limit = limit
        self.total = 0
        self.raw_deflate = False
        if encoding in ("", "identity"):
            self.zlib = None
        elif encoding in ("gzip", "x-gzip"):
            self.zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self.zlib = zlib.decompressobj(zlib.MAX_WBITS)
            self.raw_deflate = True  # some servers send raw deflate; retried on first error
        else:
            raise FetchError(f"unsupported content encoding {encoding!r}")

    def feed(self, chunk: bytes) -> bytes:
        if self.zlib is None:
            self._count(len(chunk))
            return chunk
        out: list[bytes] = []
        data = chunk
        while data:
            try:
                piece = self.zlib.decompress(data, self.limit - self.total + 1)
            except zlib.error:
                if self.raw_deflate and self.total == 0:
                    self.zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    self.raw_deflate = False
                    continue
                raise FetchError("the compressed body is corrupt") from None
            self.raw_deflate = False
            self._count(len(piece))
            out.append(piece)
            data = self.zlib.unconsumed_tail
        return b"".join(out)

    def _count(self, n: int) -> None:
        self.total += n
        if self.total > self.limit:
            raise FetchError(f"the response is larger than the {_size(self.limit)} limit")


def _size(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1_000_000 else f"{n / 1e3:.0f} kB"


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks us to wait (a number or an HTTP date).

    >>> retry_after_seconds("3")
    3.0
    >>> retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0)
    10.0
    >>> retry_after_seconds("soon") is None
    True
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class Fetcher:
    """One HTTP client shared by all fetches of a run (thread-safe: hosts run in parallel)."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        from factcheck.sources.robots import RobotsCache

        self.policy = policy or FetchPolicy()
        transport = httpx.HTTPTransport(retries=0)
        # Every TCP connection goes through the guard: it resolves the name itself and
        # connects to the address it checked, so DNS cannot change its answer in between.
        transport._pool._network_backend = GuardedBackend(allow_private=self.policy.allow_private)
        self.client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,
            trust_env=False,  # a proxy would connect on our behalf, beyond the guard
            headers={
                "User-Agent": self.policy.user_agent,
                "Accept-Encoding": "gzip, deflate",
                "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,"
                "*/*;q=0.5",
            },
        )
        self.robots = RobotsCache(self)
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        check_robots: bool = True,
        max_bytes: int | None = None,
        any_host: bool = False,
    ) -> Response:
        """GET ``url``, following redirects; a 2xx or 304 response, else ``FetchError``.

        ``any_host`` lifts ``allowed_hosts`` (for the Internet Archive, which the user asked
        for with --wayback); the address guard always applies.
        """
        seen: set[str] = set()
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"cannot fetch {current!r}: only http and https URLs are fetched")
            port = parts.port or (443 if parts.scheme == "https" else 80)
            if not any_host and not host_allowed(parts.hostname, self.policy.allowed_hosts):
                hop = "" if current == url else " (after a redirect)"
                raise FetchError(f"refused{hop}: {parts.hostname} is not in allowed-hosts")
            try:
                check_address(parts.hostname, port, allow_private=self.policy.allow_private)
            except BlockedAddress as exc:
                hop = "" if current == url else " (after a redirect)"
                raise FetchError(f"refused{hop}: {exc}") from None
            except httpx.HTTPError as exc:
                raise FetchError(str(exc)) from None
            except Exception as exc:  # httpcore.ConnectError from name resolution
                raise FetchError(str(exc) or type(exc).__name__) from None
            if check_robots and self.policy.respect_robots and not self.robots.allowed(current):
                raise FetchError(f"robots.txt of {parts.hostname} disallows fetching {current}")
            seen.add(current)
            response = self._request(current, headers or {}, max_bytes or self.policy.max_bytes)
            if response.status in REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {response.status} redirect without a Location")
                target = urljoin(current, location.strip()).split("#", 1)[0]
                if target in seen:
                    raise FetchError(f"redirect loop at {target}")
                current = target
                continue
            response.url = url
            if response.status == 304 or 200 <= response.status < 300:
                return response
            raise FetchError(_status_reason(response.status), response.status)
        raise FetchError(f"too many redirects (more than {self.policy.max_redirects})")

    def _wait_for_host(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + self.policy.host_delay
        if slot > now:
            time.sleep(slot - now)

    def _request(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        host = urlsplit(url).netloc.lower()
        attempt = 0
        while True:
            self._wait_for_host(host)
            try:
                response = self._once(url, headers, max_bytes)
            except BlockedAddress as exc:  # the name resolved differently at connect time
                raise FetchError(f"refused: {exc}") from None
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                # A server that timed out twice will time out again: each try costs a full
                # timeout, so timeouts get one retry however many the policy allows.
                limit = min(1, self.policy.retries) if _is_timeout(exc) else self.policy.retries
                if attempt >= limit:
                    raise FetchError(_transport_reason(exc, self.policy.timeout)) from None
                time.sleep(self.policy.backoff * 2**attempt)
                attempt += 1
                continue
            if response.status not in RETRY_STATUSES or attempt >= self.policy.retries:
                return response
            asked = retry_after_seconds(response.headers.get("retry-after"))
            if asked is not None and asked > self.policy.max_retry_after:
                raise FetchError(
                    f"HTTP {response.status}: the server asks to retry after {asked:.0f} s",
                    response.status,
                )
            time.sleep(asked if asked is not None else self.policy.backoff * 2**attempt)
            attempt += 1

    def _once(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        deadline = time.monotonic() + self.policy.total_timeout
        with self.client.stream("GET", url, headers=headers) as stream:
            response_headers = {k.lower(): v for k, v in stream.headers.items()}
            status = stream.status_code
            if status in REDIRECTS or status == 304 or status >= 400:
                # Error and redirect bodies are not needed; do not download them.
                return Response(url, str(stream.url), status, response_headers)
            declared = response_headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"the response is larger than the {_size(max_bytes)} limit")
            inflater = _Inflater(response_headers.get("content-encoding", ""), max_bytes)
            chunks: list[bytes] = []
            # No chunk_size: httpx would buffer up to it, hiding a slow drip from the deadline.
            for chunk in stream.iter_raw():
                chunks.append(inflater.feed(chunk))
                if time.monotonic() > deadline:
                    raise FetchError(
                        f"the download took longer than {self.policy.total_timeout:.0f} s"
                    )
        # The body is now identity-encoded; the header would mislead anyone reading the cache.
        response_headers.pop("content-encoding", None)
        return Response(url, str(stream.url), status, response_headers, b"".join(chunks))


def host_allowed(host: str, allowed: tuple[str, ...] | list[str]) -> bool:
    """Whether ``host`` is one of ``allowed`` or a subdomain of one (no list: any host).

    >>> host_allowed("www.example.org", ["example.org"])
    True
    >>> host_allowed("badexample.org", ["example.org"])
    False
    >>> host_allowed("anything.net", [])
    True
    """
    if not allowed:
        return True
    host = host.lower().rstrip(".")
    return any(host == a or host.endswith("." + a) for a in (h.lower().strip(".") for h in allowed))


def _status_reason(status: int) -> str:
    """A one-line reason for an HTTP error status.

    >>> _status_reason(404)
    'HTTP 404 Not Found'
    >>> _status_reason(410)
    'HTTP 410 Gone'
    """
    from http import HTTPStatus

    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "error"
    return f"HTTP {status} {phrase}"


def _is_timeout(exc: Exception) -> bool:
    return isinstance(exc, httpx.TimeoutException)


def _transport_reason(exc: Exception, timeout: float) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({exc})" if str(exc) else "cannot connect"
    return f"network error ({type(exc).__name__}{': ' + str(exc) if str(exc) else ''})"


def fetch_article(
    url: str, max_bytes: int = 20 * 1024 * 1024, *, allow_private: bool = False
) -> tuple[bytes, str | None, str]:
    """Fetch an article given by URL: its bytes, Content-Type and final URL.

    Raise ``InputError`` with the reason if it cannot be fetched (the article is the run's
    input, so unlike a source its failure stops the run).
    """
    policy = FetchPolicy(max_bytes=max_bytes, allow_private=allow_private)
    try:
        with Fetcher(policy) as fetcher:
            response = fetcher.get(url)
    except FetchError as exc:
        raise InputError(f"{url}: {exc}") from None
    return response.body, response.content_type, response.final_url
