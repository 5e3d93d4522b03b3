"""Attribution extraction on PolNeAR: content and speaker against gold, and speed.

``python -m benchmarks attribution [--split dev|train] [--limit N] [--keep PATH]``

Reads the PolNeAR split under $FACTCHECK_POLNEAR or ``eval_root()/attribution``, runs the
extractor on every document (plain text read with ``newline=""``, the offsets the gold uses),
writes the scorer's JSONL, runs the corpus's own ``score.py`` and prints a table beside the
published baselines. Speed is compared with a plain regex quote finder run in the same
process on the same texts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import eval_root

# Published anchor figures on dev (eval/attribution/README.md), for the table.
BASELINES = {
    "GGT rules (spaCy)": {
        "overlap_f1": 57.4,
        "e2e_f1": 44.9,
        "direct": 89.7,
        "mixed": 67.4,
        "indirect": 29.0,
        "speaker_direct": 71.7,
        "docs_s": 6.3,
    },
    "textacy per paragraph": {
        "overlap_f1": 35.0,
        "e2e_f1": 31.2,
        "direct": 79.1,
        "mixed": 52.0,
        "indirect": 4.5,
        "speaker_direct": 94.0,
        "docs_s": 4.6,
    },
}
_PLAIN_QUOTE = re.compile(r"[\"“]([^\"“”\n]{1,2000})[\"”]")


def _data_dir() -> Path | None:
    env = os.environ.get("FACTCHECK_POLNEAR")
    if env:
        root = Path(env)
    else:
        base = eval_root()
        if base is None:
            return None
        root = base / "attribution"
    if not (root / "score.py").is_file() or not (root / "polnear").is_dir():
        print(f"skip: PolNeAR not found at {root} (set FACTCHECK_POLNEAR)")
        return None
    return root


def _documents(root: Path, split: str, limit: int | None) -> list[tuple[str, str]]:
    folder = root / "polnear" / split / "text"
    if not folder.is_dir():
        return []
    names = sorted(folder.glob("*.txt"))
    if limit:
        names = names[:limit]
    docs = []
    for path in names:
        with open(path, encoding="utf-8", newline="") as fh:
            docs.append((path.stem, fh.read()))
    return docs


def _predict(text: str) -> list[dict[str, list[list[int]]]]:
    from factcheck.claims import extract_attributions

    out = []
    for a in extract_attributions(text):
        out.append(
            {
                "content": [[s, e] for s, e in a.content],
                "source": [[a.source.start, a.source.end]] if a.source is not None else [],
                "cue": [list(a.cue)] if a.cue is not None else [],
            }
        )
    return out


def _row(name: str, m: dict[str, float]) -> str:
    return (
        f"| {name} | {m['overlap_f1']:.1f} | {m['e2e_f1']:.1f} | {m['direct']:.1f} / "
        f"{m['mixed']:.1f} / {m['indirect']:.1f} | {m['speaker_direct']:.1f} | {m['docs_s']:.0f} |"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks attribution")
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--keep", help="also write the predictions JSONL here")
    args = parser.parse_args(argv)

    root = _data_dir()
    if root is None:
        return 0
    docs = _documents(root, args.split, args.limit)
    if not docs:
        print(f"skip: no documents in split {args.split!r} under {root}")
        return 0

    from factcheck.claims import extract_attributions

    extract_attributions("Warm-up: Smith said so.")  # load the lexicon outside the timing
    crashes = 0
    lines = []
    for name, text in docs:
        try:
            preds = _predict(text)
        except Exception as exc:  # counted and reported: the target is zero
            crashes += 1
            print(f"crash on {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            preds = []
        lines.append(json.dumps({"doc": name, "attributions": preds}))

    # Timing: best of three passes each (the machine is shared; the minimum is the least
    # disturbed), ours and the plain regex quote finder on the same texts in this process.
    ours_s = regex_s = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _, text in docs:
            extract_attributions(text)
        ours_s = min(ours_s, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _, text in docs:
            [m.span(1) for m in _PLAIN_QUOTE.finditer(text)]
        regex_s = min(regex_s, time.perf_counter() - t0)

    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(args.keep) if args.keep else Path(tmp) / "preds.jsonl"
        pred_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        score_json = Path(tmp) / "scores.json"
        cmd = [
            sys.executable,
            str(root / "score.py"),
            "--split",
            args.split,
            "--gold",
            str(root / "polnear"),
            "--pred",
            str(pred_path),
            "--json",
            str(score_json),
        ]
        if args.limit:
            cmd.append("--only-listed")
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        if proc.returncode != 0 or not score_json.exists():
            print(f"score.py failed: {proc.stderr.strip()[-500:]}")
            return 1
        scores = json.loads(score_json.read_text(encoding="utf-8"))

    rec = scores["recall_by_gold_type(overlap)"]
    ours = {
        "overlap_f1": scores["content_overlap"]["F1"],
        "e2e_f1": scores["e2e_content+source_overlap"]["F1"],
        "direct": rec.get("direct", {}).get("R", 0.0),
        "mixed": rec.get("mixed", {}).get("R", 0.0),
        "indirect": rec.get("indirect", {}).get("R", 0.0),
        "speaker_direct": scores["source_overlap_acc_by_gold_type"].get("direct", 0.0),
        "docs_s": len(docs) / ours_s if ours_s else 0.0,
    }
    print(f"PolNeAR {args.split}: {len(docs)} documents, {crashes} crashes")
    print(
        "| system | content overlap F1 | e2e content+source F1 | recall direct / mixed / "
        "indirect | speaker on direct | docs/s |"
    )
    print("|---|---:|---:|---|---:|---:|")
    if args.split == "dev":
        for name, m in BASELINES.items():
            print(_row(name + " (published)", m))
    print(_row("factcheck rules", ours))
    co = scores["content_overlap"]
    e2e = scores["e2e_content+source_overlap"]
    print(
        f"content overlap P/R {co['P']}/{co['R']}; e2e P/R {e2e['P']}/{e2e['R']}; "
        f"content exact F1 {scores['content_exact']['F1']}"
    )
    ratio = ours_s / regex_s if regex_s else float("inf")
    print(
        f"speed: {ours['docs_s']:.0f} docs/s; plain regex quote finder "
        f"{len(docs) / regex_s:.0f} docs/s in the same run (ours takes {ratio:.0f}x its time)"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
