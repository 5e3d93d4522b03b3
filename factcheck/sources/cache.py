"""The source cache: one plain SQLite file (WAL mode) that sqlite-utils or Datasette can open.

Tables (see docs/sources.md):

- ``responses``: one row per URL as fetched: final URL, HTTP status, headers (JSON), the raw
  body, its sha256, when it was fetched, and the ETag / Last-Modified used to revalidate.
- ``readings``: the text we read from a body (keyed by the body's sha256 and the reader's
  version), with main-text spans, title, author, bold spans and speaker turns (JSON).
- ``meta``: the schema version.

The file is made and written with sqlite-utils. Every write is one short transaction, so a
run killed at any moment leaves the last committed state; WAL plus a busy timeout lets two
runs share the file.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from factcheck.errors import FactcheckError
from factcheck.model import Span, Turn

__all__ = ["Cache", "CacheEntry", "CacheError", "default_cache_path", "utc_now"]

SCHEMA_VERSION = 1
# How long a second run waits for the first one's write to finish before giving up.
BUSY_TIMEOUT_S = 30.0

# Column types for sqlite-utils; NOT NULL where a row without the value would be useless.
RESPONSES_COLUMNS: dict[str, type] = {
    "url": str, "final_url": str, "status": int, "headers": str, "content_type": str,
    "etag": str, "last_modified": str, "body": bytes, "size": int, "sha256": str,
    "fetched_at": str,
}  # fmt: skip
READINGS_COLUMNS: dict[str, type] = {
    "sha256": str, "reader_version": int, "media_type": str, "title": str, "author": str,
    "text": str, "main_text": str, "bold": str, "turns": str, "read_at": str,
}  # fmt: skip


class CacheError(FactcheckError):
    """The cache file cannot be used (corrupt, not SQLite, unwritable)."""


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/factcheck/cache.sqlite`` on Linux (platformdirs elsewhere)."""
    from platformdirs import user_cache_path

    return user_cache_path("factcheck", appauthor=False) / "cache.sqlite"


def resolve_cache_path(path: str | os.PathLike[str] | None) -> Path:
    """The cache file to use: an explicit path, else ``FACTCHECK_CACHE``, else the default."""
    if path:
        return Path(path).expanduser()
    env = os.environ.get("FACTCHECK_CACHE")
    return Path(env).expanduser() if env else default_cache_path()


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class CacheEntry:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    sha256: str
    fetched_at: str

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    def validators(self) -> dict[str, str]:
        """Request headers that let the server answer 304 if the page has not changed."""
        found: dict[str, str] = {}
        if self.headers.get("etag"):
            found["If-None-Match"] = self.headers["etag"]
        if self.headers.get("last-modified"):
            found["If-Modified-Since"] = self.headers["last-modified"]
        return found


@dataclass
class CachedReading:
    text: str
    media_type: str
    main_text: list[Span] | None
    title: str | None
    author: str | None
    bold: list[Span]
    turns: list[Turn]


class Cache:
    """A connection to the cache file. Use as a context manager; one per thread."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, create: bool = True) -> None:
        self.path = resolve_cache_path(path)
        self.conn: sqlite3.Connection | None = None
        self.db: sqlite_utils.Database
        if not self.path.exists() and not create:
            return  # offline with no cache yet: everything is a miss, and nothing is created
        if self.path.is_dir():
            raise CacheError(f"cache {self.path} is a directory, not a SQLite file")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit (isolation_level=None): every write below is its own short
            # transaction, or an explicit BEGIN IMMEDIATE ... COMMIT when it has several steps.
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self.db = sqlite_utils.Database(self.conn, execute_plugins=False)
            self.db.enable_wal()
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._create_tables()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise CacheError(self._problem(exc)) from None
        except OSError as exc:
            self.close()
            raise CacheError(f"cache {self.path}: cannot open ({exc.strerror or exc})") from None

    def _problem(self, exc: sqlite3.Error) -> str:
        message = str(exc)
        if "not a database" in message or "malformed" in message or "corrupt" in message:
            return (
                f"cache {self.path} is not a usable SQLite database ({message}); "
                "move it away or choose another with --cache"
            )
        if "locked" in message or "busy" in message:
            return f"cache {self.path} is locked by another process ({message}); try again"
        return f"cache {self.path}: {message}"

    def _create_tables(self) -> None:
        # IF NOT EXISTS inside one IMMEDIATE transaction: two runs creating a new cache at once
        # both succeed (the second waits for the first, then finds the tables).
        with self._transaction():
            self._create_tables_now()

    def _create_tables_now(self) -> None:
        self.db.table("meta").create({"key": str, "value": str}, pk="key", if_not_exists=True)
        self.db.table("responses").create(
            RESPONSES_COLUMNS, pk="url", if_not_exists=True,
            not_null={"final_url", "status", "headers", "body", "size", "sha256", "fetched_at"},
        )  # fmt: skip
        self.db.table("readings").create(
            READINGS_COLUMNS, pk=("sha256", "reader_version"), if_not_exists=True,
            not_null={"media_type", "text", "bold", "turns", "read_at"},
        )  # fmt: skip
        self.db.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
            [str(SCHEMA_VERSION)],
        )

    def _transaction(self) -> Any:
        from contextlib import contextmanager

        @contextmanager
        def transaction() -> Any:
            assert self.conn is not None
            # IMMEDIATE takes the write lock up front, waiting up to the busy timeout. A write
            # that starts as a read and upgrades later fails at once with "database is locked"
            # when another run committed in between (SQLite's busy handler cannot help there).
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            # sqlite-utils commits when its one statement is done; that is our commit too.
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

        return transaction()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- responses ---------------------------------------------------------------------------

    def get(self, url: str) -> CacheEntry | None:
        if self.conn is None:
            return None
        try:
            row = self.conn.execute(
                "SELECT url, final_url, status, headers, body, sha256, fetched_at "
                "FROM responses WHERE url = ?",
                (url,),
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise CacheError(self._problem(exc)) from None
        if row is None:
            return None
        return CacheEntry(row[0], row[1], row[2], json.loads(row[3]), bytes(row[4]), row[5], row[6])

    def put(self, entry: CacheEntry) -> None:
        if self.conn is None:
            return
        headers = entry.headers
        record = {
            "url": entry.url, "final_url": entry.final_url, "status": entry.status,
            "headers": json.dumps(headers), "content_type": headers.get("content-type"),
            "etag": headers.get("etag"), "last_modified": headers.get("last-modified"),
            "body": entry.body, "size": len(entry.body), "sha256": entry.sha256,
            "fetched_at": entry.fetched_at,
        }  # fmt: skip
        try:
            with self._transaction():
                self.db.table("responses").insert(record, replace=True)
        except sqlite3.DatabaseError as exc:
            raise CacheError(self._problem(exc)) from None

    def touch(self, url: str, fetched_at: str, headers: dict[str, str]) -> None:
        """Record a 304: the cached body is still current as of ``fetched_at``."""
        if self.conn is None:
            return
        entry = self.get(url)
        if entry is None:
            return
        # A 304 may carry fresher validators; keep the body's own content headers.
        merged = {**entry.headers, **{k: v for k, v in headers.items() if k in ("etag",
                  "last-modified", "cache-control", "expires", "date")}}  # fmt: skip
        entry.headers = merged
        entry.fetched_at = fetched_at
        self.put(entry)

    def forget(self, url: str) -> bool:
        if self.conn is None:
            return False
        with self._transaction():
            cursor = self.conn.execute("DELETE FROM responses WHERE url = ?", (url,))
            self._drop_orphan_readings()
        return cursor.rowcount > 0

    def _drop_orphan_readings(self) -> None:
        assert self.conn is not None
        self.conn.execute("DELETE FROM readings WHERE sha256 NOT IN (SELECT sha256 FROM responses)")

    def clear(self) -> int:
        """Delete every cached response and reading; return how many responses there were."""
        if self.conn is None:
            return 0
        with self._transaction():
            count = self.conn.execute("SELECT count(*) FROM responses").fetchone()[0]
            self.conn.execute("DELETE FROM responses")
            self.conn.execute("DELETE FROM readings")
        self.conn.execute("VACUUM")
        return int(count)

    def entries(self) -> list[dict[str, Any]]:
        """Every cached URL with its metadata (not its body), oldest first."""
        if self.conn is None:
            return []
        try:
            rows = self.conn.execute(
                "SELECT r.url, r.final_url, r.status, r.content_type, r.size, r.sha256, "
                "r.fetched_at, (SELECT title FROM readings g WHERE g.sha256 = r.sha256 "
                "ORDER BY reader_version DESC LIMIT 1) FROM responses r ORDER BY r.fetched_at"
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise CacheError(self._problem(exc)) from None
        keys = ("url", "final_url", "status", "content_type", "size", "sha256", "fetched_at")
        return [{**dict(zip(keys, row[:7], strict=True)), "title": row[7]} for row in rows]

    def stats(self) -> dict[str, Any]:
        entries = self.entries()
        readings = 0
        if self.conn is not None:
            readings = self.conn.execute("SELECT count(*) FROM readings").fetchone()[0]
        size = 0
        for suffix in ("", "-wal", "-shm"):
            candidate = Path(f"{self.path}{suffix}")
            if candidate.exists():
                size += candidate.stat().st_size
        return {
            "path": str(self.path),
            "exists": self.path.exists(),
            "responses": len(entries),
            "readings": int(readings),
            "body_bytes": sum(int(e["size"]) for e in entries),
            "file_bytes": size,
        }

    # -- readings ----------------------------------------------------------------------------

    def get_reading(self, sha256: str, reader_version: int) -> CachedReading | None:
        if self.conn is None:
            return None
        try:
            row = self.conn.execute(
                "SELECT media_type, title, author, text, main_text, bold, turns FROM readings "
                "WHERE sha256 = ? AND reader_version = ?",
                (sha256, reader_version),
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise CacheError(self._problem(exc)) from None
        if row is None:
            return None
        main = json.loads(row[4]) if row[4] else None
        return CachedReading(
            text=row[3],
            media_type=row[0],
            main_text=[Span(a, b) for a, b in main] if main is not None else None,
            title=row[1],
            author=row[2],
            bold=[Span(a, b) for a, b in json.loads(row[5])],
            turns=[_turn_from_json(t) for t in json.loads(row[6])],
        )

    def put_reading(self, sha256: str, reader_version: int, reading: CachedReading) -> None:
        if self.conn is None:
            return
        main = [s.to_list() for s in reading.main_text] if reading.main_text is not None else None
        record = {
            "sha256": sha256, "reader_version": reader_version,
            "media_type": reading.media_type, "title": reading.title, "author": reading.author,
            "text": reading.text, "main_text": json.dumps(main) if main is not None else None,
            "bold": json.dumps([s.to_list() for s in reading.bold]),
            "turns": json.dumps([_turn_to_json(t) for t in reading.turns]), "read_at": utc_now(),
        }  # fmt: skip
        try:
            with self._transaction():
                self.db.table("readings").insert(record, replace=True)
        except sqlite3.DatabaseError as exc:
            raise CacheError(self._problem(exc)) from None


def _turn_to_json(turn: Turn) -> dict[str, Any]:
    return {
        "speaker": turn.speaker,
        "span": turn.span.to_list(),
        "label": turn.label,
        "label_span": turn.label_span.to_list() if turn.label_span else None,
    }


def _turn_from_json(data: dict[str, Any]) -> Turn:
    label_span = data.get("label_span")
    return Turn(
        speaker=data.get("speaker"),
        span=Span(*data["span"]),
        label=data.get("label"),
        label_span=Span(*label_span) if label_span else None,
    )
