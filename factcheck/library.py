"""A local library of primary sources, searched when a claim links to none.

The library is one SQLite file (default ``platformdirs.user_cache_dir("factcheck")/
library.sqlite``; ``FACTCHECK_LIBRARY`` or an explicit path overrides it). Each source is cut
into passages (a speaker turn, or a slice of a long one) and every passage is indexed by
*winnowed* word-trigram hashes: in each run of three consecutive trigrams the smallest hash is
kept, so any five words a quote shares with a passage are guaranteed to be found while only
about half of the trigrams are stored. A search hashes every trigram of the quote, asks SQLite
which passages hold the most of them, and runs the ordinary matcher on those few passages
only: nothing ever scans the whole library.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import accumulate
from pathlib import Path

from factcheck.errors import ConfigError, InputError
from factcheck.match.align import register_index
from factcheck.model import (
    Claim,
    Source,
    Span,
    Turn,
    Verdict,
    line_starts,
    location_from_line_starts,
)
from factcheck.text import Tokens, tokenize

__all__ = [
    "Library",
    "LibraryEntry",
    "default_library_path",
    "gram_hashes",
    "judge_with_library",
    "open_library",
]

SCHEMA_VERSION = 3
# Passages: a turn, or slices of a long turn this many words long, overlapping by OVERLAP so a
# quote that straddles a slice boundary is still whole in one of them.
PASSAGE_WORDS = 400
OVERLAP = 100
WINNOW = 3
# A trigram held by more passages than this is a stop-phrase for search.
MAX_POSTINGS = 64

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY, spec TEXT UNIQUE NOT NULL, path TEXT, url TEXT, title TEXT,
    sha256 TEXT, media_type TEXT, chars INTEGER, turns INTEGER, speakers TEXT, added_at TEXT);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY, source INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL, speaker TEXT,
    label TEXT, text TEXT NOT NULL, keys TEXT NOT NULL, offsets BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS passages_source ON passages(source);
CREATE TABLE IF NOT EXISTS grams (
    hash INTEGER NOT NULL, passage INTEGER NOT NULL, PRIMARY KEY (hash, passage)
) WITHOUT ROWID;
"""


def default_library_path() -> Path:
    """``$FACTCHECK_LIBRARY``, else ``library.sqlite`` in the user cache folder."""
    env = os.environ.get("FACTCHECK_LIBRARY")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck")) / "library.sqlite"


def gram_hashes(keys: Sequence[str]) -> list[int]:
    """Stable 32-bit hashes of consecutive word trigrams (the same in every process).

    >>> gram_hashes(["we", "will", "act", "now"]) == gram_hashes(["we", "will", "act", "now"])
    True

    Python's own ``hash`` would differ between runs and break a stored index; two different
    trigrams almost never share a value: ``len(set(gram_hashes("a b c d e".split())))`` is 3.
    """
    return [
        zlib.crc32(f"{keys[i]} {keys[i + 1]} {keys[i + 2]}".encode()) for i in range(len(keys) - 2)
    ]


def winnow(hashes: Sequence[int], window: int = WINNOW) -> set[int]:
    """The smallest hash of every ``window`` consecutive hashes (all of them if fewer).

    Any run of ``window`` consecutive trigrams keeps at least one, so shared text of
    ``window + 2`` words is always found:

    >>> sorted(winnow([5, 3, 8, 9, 7, 1], window=2))
    [1, 3, 7, 8]

    A short passage keeps every hash: ``winnow([4, 2], window=4) == {2, 4}`` (not ``{2}``).
    """
    if len(hashes) <= window:
        return set(hashes)
    return {min(hashes[i : i + window]) for i in range(len(hashes) - window + 1)}


@dataclass
class LibraryEntry:
    """One source in the library, as ``factcheck library list`` shows it."""

    id: int
    spec: str
    title: str | None
    chars: int
    turns: int
    speakers: list[str]
    added_at: str

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "source": self.spec,
            "title": self.title,
            "chars": self.chars,
            "turns": self.turns,
            "speakers": self.speakers,
            "added_at": self.added_at,
        }


class Library:
    """The SQLite-backed library. Open it, ``add`` sources, ``search`` or ``judge_quote``."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, create: bool = True) -> None:
        self.path = Path(path) if path is not None else default_library_path()
        if not create and not self.path.exists():
            raise ConfigError(
                f"no library at {self.path} (add sources with 'factcheck library add')"
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(_SCHEMA)
            self.db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
            self.db.commit()
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"{self.path}: not a usable library ({exc})") from None
        except OSError as exc:
            raise ConfigError(f"{self.path}: cannot open library ({exc.strerror or exc})") from None
        if row is None or row[0] != str(SCHEMA_VERSION):
            self.db.close()
            raise ConfigError(
                f"{self.path} was made by another version of factcheck; delete it and add "
                "the sources again"
            )

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- adding --------------------------------------------------------------------------

    def add(self, source: Source, spec: str | None = None) -> int:
        """Index a source (replacing an older copy of the same spec); returns its row id.

        One transaction per source: a run killed midway leaves the library as it was.
        """
        spec = spec or source.url or source.path or source.id
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        speakers = sorted({t.speaker for t in source.turns if t.speaker})
        with self.db:
            self.db.execute("DELETE FROM sources WHERE spec = ?", (spec,))
            cur = self.db.execute(
                "INSERT INTO sources (spec, path, url, title, sha256, media_type, chars, turns,"
                " speakers, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (spec, source.path, source.url, source.title, source.sha256, source.media_type,
                 len(source.text), len(source.turns), json.dumps(speakers), now),
            )  # fmt: skip
            source_row = int(cur.lastrowid or 0)
            starts = line_starts(source.text)
            for start, end, speaker, label in _passages(source):
                text = source.text[start:end]
                loc = location_from_line_starts(starts, Span(start, max(start + 1, end)))
                # The passage's words are stored with it: a search never tokenises again.
                tokens = tokenize(text)
                offsets = _pack_offsets(tokens)
                cur = self.db.execute(
                    "INSERT INTO passages (source, start, line, col, speaker, label, text, keys,"
                    " offsets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (source_row, start, loc.line, loc.column, speaker, label, text,
                     " ".join(tokens.keys), offsets),
                )  # fmt: skip
                passage = int(cur.lastrowid or 0)
                hashes = winnow(gram_hashes(tokens.keys))
                self.db.executemany(
                    "INSERT OR IGNORE INTO grams VALUES (?, ?)", ((h, passage) for h in hashes)
                )
        return source_row

    def add_spec(self, spec: str) -> Source:
        """Add a local file or an http(s) URL, read (or fetched) by the sources stage."""
        from factcheck.sources import load_sources
        from factcheck.sources.loader import is_url

        [source] = load_sources([spec])
        if not source.ok:
            raise InputError(f"{spec}: {source.error or 'could not be read'}")
        self.add(source, spec if is_url(spec) else str(Path(spec).resolve()))
        return source

    def remove(self, spec: str) -> bool:
        with self.db:
            cur = self.db.execute("DELETE FROM sources WHERE spec = ? OR id = ?", (spec, spec))
            # Grams of deleted passages are dropped lazily by search (a JOIN filters them).
        return cur.rowcount > 0

    # -- reading -------------------------------------------------------------------------

    def entries(self) -> list[LibraryEntry]:
        rows = self.db.execute(
            "SELECT id, spec, title, chars, turns, speakers, added_at FROM sources ORDER BY id"
        ).fetchall()
        return [LibraryEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5] or "[]"), r[6])
                for r in rows]  # fmt: skip

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM sources").fetchone()[0])

    def search(self, text: str, limit: int = 3) -> list[Source]:
        """The passages most likely to hold ``text``, each as a small Source.

        A passage Source keeps its library spec as ``path``/``url``; ``judge_quote`` maps
        evidence back to the whole source's offsets and lines.
        """
        hashes = sorted(set(gram_hashes(tokenize(text).keys)))
        if not hashes:
            return []
        # A trigram found in few passages says much about where the quote is, one found in
        # hundreds ("i think that") nearly nothing: each hit weighs 1 / passages holding it.
        hashes = hashes[:200]
        # One statement, each trigram's postings capped (a stop-phrase costs no more).
        cap = MAX_POSTINGS + 1
        part = f"SELECT * FROM (SELECT hash, passage FROM grams WHERE hash = ? LIMIT {cap})"
        query = " UNION ALL ".join([part] * len(hashes))
        postings: dict[int, list[int]] = {}
        for h, passage in self.db.execute(query, hashes):
            postings.setdefault(h, []).append(passage)
        found: dict[int, float] = {}
        for rows in postings.values():
            if len(rows) > MAX_POSTINGS:
                continue
            weight = 1.0 / len(rows)
            for passage in rows:
                found[passage] = found.get(passage, 0.0) + weight
        best = sorted(found, key=lambda p: -found[p])[:limit]
        # Passages far behind the best share only common phrases with the quote.
        if best:
            floor = found[best[0]] / 10
            best = [p for p in best if found[p] >= floor]
        return [s for s in (self._passage(p) for p in best) if s is not None]

    def _passage(self, passage: int) -> Source | None:
        row = self.db.execute(
            "SELECT p.id, p.start, p.line, p.col, p.speaker, p.label, p.text, s.spec, s.path,"
            " s.url, s.title, s.id, p.keys, p.offsets FROM passages p"
            " JOIN sources s ON s.id = p.source"
            " WHERE p.id = ?",
            (passage,),
        ).fetchone()
        if row is None:
            return None
        _pid, start, line, col, speaker, label, text, spec, path, url, title, sid, keys, blob = row
        source = Source(id=f"L{sid}", path=path, url=url, title=title, text=text)
        source.turns = [Turn(speaker, Span(0, len(text)), label=label)] if speaker else []
        source._line_starts = line_starts(text)
        words = keys.split(" ") if keys else []
        starts, ends = _unpack_offsets(blob)
        register_index(source, Tokens(words, starts, ends))
        source._library = (start, line, col, spec)  # type: ignore[attr-defined]
        return source

    def judge_quote(self, text: str, speaker: str | None, limit: int = 3) -> Verdict:
        """The verdict on a quote against the library (its best passages)."""
        from factcheck.match import judge_quote
        from factcheck.match.ellipsis import split_quote

        pieces = len(split_quote(text)[0])
        passages = self.search(text, limit + max(0, pieces - 1))
        if not passages:
            return Verdict("not_found", 0.0, "Nothing in the library shares words with the quote.")
        return remap(judge_quote(text, speaker, passages), passages)


def open_library(path: str | os.PathLike[str] | None = None) -> Library | None:
    """The library a check should search: ``path`` (which must exist), else the default
    library if one has been made; ``None`` when there is none."""
    target = Path(path) if path else default_library_path()
    if not target.exists():
        if path:
            raise ConfigError(f"no library at {target}")
        return None
    return Library(target, create=False)


def judge_with_library(
    claim: Claim, sources: Sequence[Source], library: Library
) -> tuple[Verdict, list[Source]]:
    """The verdict on a claim that links no source: against ``sources`` and the library's
    best passages for it. Returns the verdict (evidence at the whole library source's offsets
    and lines) and the library passages its evidence cites (for the report's sources)."""
    from factcheck.match import judge_claim

    passages = library.search(claim.quoted_text or claim.text)
    verdict = remap(judge_claim(claim, [*sources, *passages]), passages)
    cited_ids = {e.source_id for e in verdict.evidence}
    cited = {p.id: p for p in passages if p.id in cited_ids}
    return verdict, list(cited.values())


def remap(verdict: Verdict, passages: Iterable[Source]) -> Verdict:
    """Evidence from passage Sources, moved to the whole source's offsets and lines."""
    by_text = {id(p): p for p in passages}
    for evidence in verdict.evidence:
        match = next(
            (p for p in by_text.values() if p.id == evidence.source_id
             and evidence.text == p.text[evidence.span.start : evidence.span.end]),
            None,
        )  # fmt: skip
        info = getattr(match, "_library", None) if match is not None else None
        if match is None or info is None:
            continue
        start, line, col, _spec = info
        local = evidence.location
        evidence.span = Span(evidence.span.start + start, evidence.span.end + start)
        if local is not None:
            first_col = local.column + (col - 1 if local.line == 1 else 0)
            last_col = local.end_column + (col - 1 if local.end_line == 1 else 0)
            evidence.location = type(local)(
                local.line + line - 1, first_col, local.end_line + line - 1, last_col
            )
    return verdict


def _pack_offsets(tokens: Tokens) -> bytes:
    """Token spans as (gap before, length) pairs: two bytes each when they fit, else four.

    >>> t = Tokens(["a", "bc"], [1, 4], [2, 6])
    >>> _unpack_offsets(_pack_offsets(t))
    ([1, 4], [2, 6])

    A gap too long for two bytes switches the passage to four-byte values, never wraps:
    ``_unpack_offsets(_pack_offsets(Tokens(["a"], [70000], [70001])))`` is ``([70000], [70001])``.
    """
    pairs: list[int] = []
    previous = 0
    for start, end in zip(tokens.starts, tokens.ends, strict=True):
        pairs.extend((start - previous, end - start))
        previous = end
    wide = any(v > 0xFFFF or v < 0 for v in pairs)
    return (b"i" if wide else b"H") + array("i" if wide else "H", pairs).tobytes()


def _unpack_offsets(blob: bytes) -> tuple[list[int], list[int]]:
    values = array(blob[:1].decode())
    values.frombytes(blob[1:])
    # Running sums of (gap, length) pairs are start, end, start, end...: C-speed decoding.
    positions = list(accumulate(values))
    return positions[0::2], positions[1::2]


def _passages(source: Source) -> Iterator[tuple[int, int, str | None, str | None]]:
    """Character ranges to index: turns (or the whole text), long ones in overlapping slices."""
    regions: list[tuple[int, int, str | None, str | None]]
    if source.turns:
        regions = [(t.span.start, t.span.end, t.speaker, t.label) for t in source.turns]
    else:
        regions = [(0, len(source.text), source.author, None)]
    for start, end, speaker, label in regions:
        tokens = tokenize(source.text[start:end])
        n = len(tokens)
        if n == 0:
            continue
        if n <= PASSAGE_WORDS:
            yield start, end, speaker, label
            continue
        step = PASSAGE_WORDS - OVERLAP
        for first in range(0, n, step):
            last = min(n, first + PASSAGE_WORDS)
            yield start + tokens.starts[first], start + tokens.ends[last - 1], speaker, label
            if last == n:
                break
