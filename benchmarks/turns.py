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
"""

from __future__ import annotations

import argparse
import html
import re
import sys
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
