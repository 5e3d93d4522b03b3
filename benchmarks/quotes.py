"""Quote verification on the real transcripts of eval/quotes: accuracy and error table.

``python -m benchmarks quotes [--cases FILE] [--predictions OUT.jsonl] [--limit N]``

Each transcript is read once by the sources stage (``factcheck.sources.read_source_file``,
as ``check --source`` reads it, speaker turns included); every case goes through
``factcheck.match.judge_quote``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict

from benchmarks import load_quote_cases, quote_cases_path

LABELS = ("verified", "altered", "misattributed", "not_found", "unverifiable", "supported")


def category(case: dict) -> str:  # type: ignore[type-arg]
    alteration = case.get("alteration") or {}
    kind = alteration.get("type")
    return {
        None: {"a_exact": "exact", "c_misattributed": "misattributed",
               "d_fabricated": "fabricated"}.get(case["category"], case["category"]),
        "ellipsis_fair": "fair ellipsis",
        "word_substitution": "substitution",
        "words_dropped": "dropped words",
        "splice": "splice",
        "ellipsis_unfair": "unfair ellipsis",
    }[kind]  # fmt: skip


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.quotes")
    parser.add_argument("--cases", default=None)
    parser.add_argument("--predictions", default=None)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    args = parser.parse_args(argv)
    cases_path = quote_cases_path(args.cases)
    if cases_path is None:
        return 0
    from factcheck.match import judge_quote

    t0 = time.perf_counter()
    cases, sources = load_quote_cases(cases_path, args.limit)
    t_read = time.perf_counter() - t0
    confusion: Counter[tuple[str, str]] = Counter()
    per_cat: dict[str, Counter[str]] = defaultdict(Counter)
    per_corpus: dict[str, Counter[str]] = defaultdict(Counter)
    out = open(args.predictions, "w", encoding="utf-8") if args.predictions else None  # noqa: SIM115
    errors: list[tuple[dict, object]] = []  # type: ignore[type-arg]
    t1 = time.perf_counter()
    for case in cases:
        verdict = judge_quote(
            case["quote"], case["claimed_speaker"], [sources[case["transcript_file"]]]
        )  # type: ignore[list-item]
        expected = case["expected_label"]
        confusion[(expected, verdict.label)] += 1
        cat = category(case)
        per_cat[cat]["n"] += 1
        per_cat[cat]["ok"] += verdict.label == expected
        per_corpus[case.get("corpus", "?")]["n"] += 1
        per_corpus[case.get("corpus", "?")]["ok"] += verdict.label == expected
        if verdict.label != expected:
            errors.append((case, verdict))
        if out:
            out.write(
                json.dumps(
                    {
                        "case_id": case["case_id"],
                        "label": verdict.label,
                        "score": round(verdict.score, 1),
                    }
                )
                + "\n"
            )
    t_judge = time.perf_counter() - t1
    if out:
        out.close()
    n = len(cases)
    correct = sum(v for (e, p), v in confusion.items() if e == p)
    print(
        f"cases: {n}   transcripts: {len(sources)}   read+turns: {t_read:.1f}s   "
        f"judging: {t_judge:.1f}s ({1000 * t_judge / max(n, 1):.2f} ms/case)"
    )
    print(f"accuracy: {100 * correct / max(n, 1):.2f}%")
    used = [lab for lab in LABELS if any(lab in k for k in confusion)]
    print("\nconfusion (rows expected, columns predicted)")
    print(f"{'':>15}" + "".join(f"{lab[:13]:>14}" for lab in used))
    for e in used:
        print(f"{e:>15}" + "".join(f"{confusion[(e, p)]:>14}" for p in used))
    print("\nper label: precision / recall")
    for lab in used:
        tp = confusion[(lab, lab)]
        pred = sum(v for (e, p), v in confusion.items() if p == lab)
        gold = sum(v for (e, p), v in confusion.items() if e == lab)
        prec = 100 * tp / pred if pred else float("nan")
        rec = 100 * tp / gold if gold else float("nan")
        print(f"{lab:>15}  {prec:6.2f}% / {rec:6.2f}%   (predicted {pred}, expected {gold})")
    print("\nper category")
    order = ["exact", "fair ellipsis", "substitution", "dropped words", "splice",
             "unfair ellipsis", "misattributed", "fabricated"]  # fmt: skip
    for cat in order:
        c = per_cat.get(cat)
        if c:
            print(f"{cat:>16}  {c['ok']:>4}/{c['n']:<4} {100 * c['ok'] / c['n']:6.2f}%")
    print("\nper corpus")
    for corpus, c in sorted(per_corpus.items()):
        print(f"{corpus:>22}  {c['ok']:>4}/{c['n']:<4} {100 * c['ok'] / c['n']:6.2f}%")
    for case, verdict in errors[: args.errors]:
        print(
            "\n--",
            case["case_id"],
            category(case),
            case["expected_label"],
            "->",
            verdict.label,
            round(verdict.score, 1),
        )  # type: ignore[attr-defined]
        print("   quote:", case["quote"][:300], "| speaker:", case["claimed_speaker"])
        print(
            "   source:",
            (case.get("source_sentence") or "")[:300],
            "| true:",
            case.get("true_speaker"),
        )
        print("   reason:", verdict.reason[:300])  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
