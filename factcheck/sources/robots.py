"""robots.txt: fetched once per site and run, obeyed for every URL of that site.

Following RFC 9309: a robots.txt that is missing (any 4xx) allows everything; one the server
fails to deliver (5xx after retries) disallows everything, since the site may be saying
"not now". A site we cannot reach at all fails with that reason.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

if TYPE_CHECKING:
    from factcheck.sources.fetch import Fetcher

__all__ = ["RobotsCache", "parse_robots"]

# RFC 9309 asks crawlers to read at least 500 KiB; anything beyond is ignored.
ROBOTS_MAX_BYTES = 512 * 1024


def parse_robots(text: str) -> RobotFileParser:
    """A parser for a robots.txt body.

    >>> rules = parse_robots("User-agent: *\\nDisallow: /private/")
    >>> rules.can_fetch("factcheck", "https://example.org/private/x")
    False
    >>> rules.can_fetch("factcheck", "https://example.org/news/x")
    True
    """
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return parser


class RobotsCache:
    """The robots.txt rules of each site (scheme + host + port) seen in this run."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._rules: dict[str, RobotFileParser] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        from factcheck.sources.fetch import ROBOTS_AGENT

        parts = urlsplit(url)
        site = urlunsplit((parts.scheme, parts.netloc.lower(), "", "", ""))
        with self._lock:
            rules = self._rules.get(site)
        if rules is None:
            rules = self._load(site)
            with self._lock:
                self._rules[site] = rules
        return rules.can_fetch(ROBOTS_AGENT, url)

    def _load(self, site: str) -> RobotFileParser:
        from factcheck.sources.decode import decode_bytes
        from factcheck.sources.fetch import FetchError

        try:
            response = self.fetcher.get(
                f"{site}/robots.txt",
                check_robots=False,
                max_bytes=ROBOTS_MAX_BYTES,
                any_host=True,  # asked only for a page of this site, which passed the check
            )
        except FetchError as exc:
            if exc.status is None:
                # Unreachable: the page itself would fail the same way; say why, not "robots".
                raise
            if exc.status is not None and 400 <= exc.status < 500:
                return parse_robots("")
            return parse_robots("User-agent: *\nDisallow: /")
        text, _ = decode_bytes(response.body, response.content_type)
        return parse_robots(text)
