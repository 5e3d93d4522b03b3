"""Speaker turns recovered from the real transcripts of eval/quotes, per file.

``python -m benchmarks turns [--verbose]``

``find_turns`` (on the text the sources stage reads, ``read_source_file``) is compared with a
count made by a simple, independent method on the raw file, one per source format:

* Kremlin HTML: ``<p>`` paragraphs that open with a bold tag and whose text starts with a
  short label and a colon;
* Congressional Record: lines indented by one or two spaces (or opening with
  ``<bullet>``) that start with ``Mr.``/``Mrs.``/``Ms.`` + a name in capitals, or
  ``The PRESIDING OFFICER`` / ``The ACTING PRESIDENT``, and a period;
* Federal Reserve text: blank-line separated paragraphs that start with a label in capitals
  and a period.

Then two more measures:

* **news articles are not transcripts**: ``find_turns`` on the PolNeAR articles of one split
  (``--split dev`` by default; rules were studied on train). Turns found there are false
  unless the article holds an interview (``--verbose`` lists each article's labels);
* **speed**: ``find_turns`` on the eval transcripts joined into one text of 1x and 4x
  ``--megabytes``, against one pass over its lines (``line_starts``) in the same run; the
  4x/1x ratio shows whether the work grows linearly.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import eval_root

_KREMLIN_P = re.compile(r"<p[^>]*>\s*<(?:b|strong)\b(.*?)</p>", re.S | re.I)
_CREC_LINE = re.compile(
    r"^(?: {1,2}|<bullet> {0,2})(?:(?:Mr|Mrs|Ms)\. (?:Mc)?[A-Z][A-Z'\-]+(?: of [A-Z][a-z]+)?"
    r"|The (?:PRESIDING OFFICER|ACTING PRESIDENT(?: pro tempore)?))\.",
    re.M,
)
_FOMC_PARA = re.compile(r"^[A-Z][A-Z’'\-. ]+[A-Z]\.(?= )")


def simple_count(path: Path, raw: str) -> int:
    """Turns counted the plain way, without the project's reader (see the module doc)."""
    if path.suffix == ".html":
        count = 0
        for m in _KREMLIN_P.finditer(raw):
            text = html.unescape(re.sub(r"<[^>]+>", "", "<b" + m.group(1)))
            text = re.sub(r"\([^)]*\)", "", text.split(">", 1)[-1] if ">" in text[:1] else text)
            head = text.split(":", 1)
            if len(head) == 2 and 0 < len(head[0].split()) <= 14:
                count += 1
        return count
    if path.suffix == ".htm":
        return len(_CREC_LINE.findall(raw))
    paragraphs = [p.strip() for p in raw.split("\n\n")[1:]]
    return sum(1 for p in paragraphs if _FOMC_PARA.match(p))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.turns")
    parser.add_argument("--verbose", action="store_true", help="list each file's speakers")
    parser.add_argument("--split", default="dev", help="PolNeAR split for the news measure")
    parser.add_argument("--megabytes", type=float, default=2.0, help="text size for speed")
    args = parser.parse_args(argv)
    root = eval_root()
    if root is None:
        return 0
    base = root / "quotes" / "sources"
    files = sorted(p for p in base.rglob("*") if p.suffix in (".htm", ".html", ".txt"))
    if not files:
        print(f"skip: no transcripts under {base}")
        return 0
    from factcheck.sources import read_source_file

    print(f"{'file':<48}{'turns':>7}{'simple':>8}{'diff':>6}{'speakers':>10}{'unnamed':>9}")
    total_found = total_simple = total_unnamed = 0
    mismatched = 0
    for path in files:
        raw = path.read_text(encoding="utf-8")
        source = read_source_file(path)
        # One labelled turn may be cut into segments (around a quoted letter): count labels.
        labelled = {(t.label_span.start if t.label_span else t.span.start) for t in source.turns}
        found = len(labelled)
        simple = simple_count(path, raw)
        unnamed = sum(1 for t in source.turns if not t.speaker)
        speakers = sorted({t.speaker for t in source.turns if t.speaker})
        total_found += found
        total_simple += simple
        total_unnamed += unnamed
        mismatched += found != simple
        print(f"{path.name[:47]:<48}{found:>7}{simple:>8}{found - simple:>+6}{len(speakers):>10}"
              f"{unnamed:>9}")  # fmt: skip
        if args.verbose:
            print("    " + ", ".join(speakers))
    print(f"{'all ' + str(len(files)) + ' files':<48}{total_found:>7}{total_simple:>8}"
          f"{total_found - total_simple:>+6}{'':>10}{total_unnamed:>9}")  # fmt: skip
    print(
        f"files where the two counts differ: {mismatched}; turns without a speaker: {total_unnamed}"
    )
    news_articles(root, args.split, args.verbose)
    speed([read_source_file(path).text for path in files], args.megabytes)
    return 0


def news_articles(root: Path, split: str, verbose: bool) -> None:
    """Turns found in news articles, which are not transcripts (see the module doc)."""
    from factcheck.documents.transcripts import find_turns

    articles = sorted((root / "attribution" / "polnear" / split / "text").glob("*.txt"))
    if not articles:
        print(f"\nnews: skip, no PolNeAR {split} articles")
        return
    with_turns = turns = 0
    for path in articles:
        found = find_turns(path.read_text(encoding="utf-8"))
        if found:
            with_turns += 1
            turns += len(found)
            if verbose:
                labels = sorted({t.label or "" for t in found})
                print(f"    {path.name[:60]}: {', '.join(labels)[:120]}")
    print(f"\nnews articles (PolNeAR {split}): {len(articles)}; with turns: {with_turns}; "
          f"turns: {turns}")  # fmt: skip


def speed(texts: list[str], megabytes: float) -> None:
    """find_turns time per megabyte against one pass over the lines, at two sizes."""
    from factcheck.documents.transcripts import find_turns
    from factcheck.model import line_starts

    joined = "\n\n".join(texts)
    if not joined:
        return
    print(f"\nspeed: the eval transcripts joined and repeated to {megabytes:g} MB and 4x that")
    per_size: list[float] = []
    for factor in (1, 4):
        size = int(megabytes * factor * 1_000_000)
        text = (joined * (size // len(joined) + 1))[:size]
        turns_s = _best_of(3, lambda t=text: find_turns(t))
        lines_s = _best_of(3, lambda t=text: line_starts(t))
        per_size.append(turns_s)
        print(f"  {size / 1e6:5.1f} MB: find_turns {turns_s:.3f} s "
              f"({turns_s * 1e3 / (size / 1e6):.0f} ms/MB); one pass over the lines "
              f"{lines_s:.4f} s; ratio {turns_s / lines_s:.0f}x")  # fmt: skip
    print(f"  4x the text took {per_size[1] / per_size[0]:.2f}x the time (linear: 4)")


def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
