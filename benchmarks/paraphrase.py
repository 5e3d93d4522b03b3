"""Reported speech on real transcripts: paraphrases made at run time from real sentences.

``python -m benchmarks paraphrase [--errors N] [--seed S]``

There is no gold data for paraphrases, so the cases are generated here, deterministically,
from the real ``source_sentence`` of each exact-quote case of eval/quotes (nothing is
written to the repository). Each sentence is rewritten as reported speech ("Powell said that
...") by meaning-preserving steps: fillers dropped, first person turned into third, tenses
shifted back, clauses around ", and" swapped, and up to two words swapped for synonyms from
this file's own list (kept apart from the matcher's equivalence table, so the benchmark does
not grade the matcher on its own vocabulary). Then:

* ``preserved``     attributed to the true speaker             -> expected ``supported``
* ``other speaker`` attributed to another speaker of the same transcript -> ``misattributed``
* ``elsewhere``     a sentence of another corpus, attributed to a speaker of this transcript
                    -> ``not_found``
* ``negation``, ``antonym``, ``number``: the preserved paraphrase with its meaning changed,
  attributed to the true speaker -> must not be ``supported`` (``not_found``).

Transcripts are split by a hash of their file name: ``train`` (studied while developing) and
``dev`` (reported). The previous implementation (git history, commit f896a36) is run on the
same cases as the baseline when git can show it.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import time
import types
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from benchmarks import load_quote_cases, quote_cases_path

BASELINE_COMMIT = "f896a36"
KINDS = ("preserved", "summarised", "other speaker", "elsewhere", "negation", "antonym (listed)",
         "antonym (unlisted)", "number")  # fmt: skip
EXPECTED = {
    "preserved": "supported",
    "summarised": "supported",
    "other speaker": "misattributed",
    "elsewhere": "not_found",
    "negation": "not_found",
    "antonym (listed)": "not_found",
    "antonym (unlisted)": "not_found",
    "number": "not_found",
}

_FILLERS = re.compile(
    r"\b(?:uh|um|you know|i mean|i think|frankly|actually|basically|really|of course),?\s*",
    re.IGNORECASE,
)
_THIRD_PERSON = {
    "i": "he", "me": "him", "my": "his", "mine": "his", "myself": "himself", "i'm": "he was",
    "i've": "he had", "i'll": "he would", "i'd": "he would", "we": "they", "us": "them",
    "our": "their", "ours": "theirs", "ourselves": "themselves", "we're": "they were",
    "we've": "they had", "we'll": "they would", "we'd": "they would",
}  # fmt: skip
_BACKSHIFT = {
    "is": "was", "are": "were", "am": "was", "will": "would", "can": "could", "has": "had",
    "have": "had", "do": "did", "does": "did", "don't": "didn't", "doesn't": "didn't",
    "won't": "wouldn't", "can't": "couldn't", "isn't": "wasn't", "aren't": "weren't",
    "shall": "should", "it's": "it was", "that's": "that was", "there's": "there was",
}  # fmt: skip
# The benchmark's own synonyms (none of them in the matcher's equivalence table).
_SYNONYMS = {
    "very": "extremely", "want": "wish", "people": "individuals", "get": "obtain",
    "make": "create", "use": "utilize", "see": "observe", "keep": "maintain",
    "ask": "request", "difficult": "hard", "happy": "pleased", "allow": "permit",
    "often": "frequently", "maybe": "perhaps", "great": "tremendous", "problem": "issue",
    "problems": "issues", "change": "alter", "changes": "alterations", "continue": "persist",
    "strong": "robust", "decision": "choice", "idea": "notion", "understand": "comprehend",
    "able": "capable", "clear": "evident", "situation": "circumstances", "discuss": "debate",
    "answer": "response", "wrong": "mistaken", "begin": "commence", "children": "kids",
    "believe": "think", "already": "previously",
}  # fmt: skip
_ANTONYMS = {
    "increase": "decrease", "decrease": "increase", "more": "less", "less": "more",
    "higher": "lower", "lower": "higher", "strong": "weak", "weak": "strong", "good": "bad",
    "bad": "good", "better": "worse", "worse": "better", "up": "down", "down": "up",
    "rise": "fall", "fall": "rise", "support": "oppose", "agree": "disagree",
    "include": "exclude", "accept": "reject", "easy": "difficult", "difficult": "easy",
    "positive": "negative", "negative": "positive", "win": "lose", "open": "closed",
    "before": "after", "after": "before", "first": "last", "many": "few", "most": "least",
    "high": "low", "low": "high", "large": "small", "small": "large", "always": "rarely",
    "right": "wrong", "important": "unimportant", "new": "old", "long": "short",
    "stronger": "weaker", "raise": "lower", "best": "worst", "early": "late", "late": "early",
}  # fmt: skip
_AUXILIARIES = frozenset(
    str.split(
        "is are was were will would can could should must has have had do does did may might "
        "am shall"
    )
)
_NEGATED = {
    "don't": "do", "doesn't": "does", "didn't": "did", "won't": "will", "can't": "can",
    "isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "wouldn't": "would",
    "couldn't": "could", "shouldn't": "should", "haven't": "have", "hasn't": "has",
    "cannot": "can",
}  # fmt: skip
_NUMBER_WORDS = {"two": "three", "three": "four", "four": "five", "five": "six", "ten": "twelve"}
_WORD = re.compile(r"[A-Za-z0-9’']+")


def _map_words(text: str, table: dict[str, str], limit: int | None = None) -> str:
    count = 0

    def swap(m: re.Match[str]) -> str:
        nonlocal count
        word = m.group()
        key = word.replace("’", "'").lower()
        if key not in table or (limit is not None and count >= limit):
            return word
        count += 1
        new = table[key]
        return new[0].upper() + new[1:] if word[0].isupper() and key != "i" else new

    return _WORD.sub(swap, text)


def preserve(sentence: str, rng: random.Random) -> str:
    """A meaning-preserving rewrite of a first-person sentence as reported content."""
    text = _FILLERS.sub("", sentence).strip()
    text = _map_words(text, _THIRD_PERSON)
    text = _map_words(text, _BACKSHIFT)
    swappable = [w for w in _WORD.findall(text) if w.lower() in _SYNONYMS]
    if swappable:
        chosen = {w.lower() for w in rng.sample(swappable, min(2, len(swappable)))}
        text = _map_words(text, {k: v for k, v in _SYNONYMS.items() if k in chosen})
    parts = text.rstrip(".!?").split(", and ")
    if len(parts) == 2 and all(len(p.split()) >= 4 for p in parts):
        text = f"{parts[1]}, and {parts[0][0].lower()}{parts[0][1:]}"
    return text.rstrip(".!?;: ")


_FRAMES = ("dismissed the criticism, arguing that", "pushed back, insisting that",
           "struck a cautious tone, saying that", "went further, asserting that")  # fmt: skip


def summarise(speaker: str, content: str, rng: random.Random) -> str:
    """A looser report: framed by the reporter, with a fifth of the words (never a negation
    or a number) left out, as a summary would."""
    from factcheck.match.speakers import name_parts

    words = content.split(" ")
    keep = [w for w in words
            if rng.random() > 0.2 or re.search(r"\d|not|n't|n’t|never|\bno\b", w)]  # fmt: skip
    surname = name_parts(speaker).surname.title() or speaker
    text = " ".join(keep) or content
    return f"{surname} {rng.choice(_FRAMES)} {text[0].lower()}{text[1:]}."


def negate(text: str) -> str | None:
    """Flip the polarity: drop every ``not``/``never``/``n't``, else add ``not`` after the
    first auxiliary. Sentences with ``no``, ``nothing``... are left alone (no simple flip)."""
    words = [w.replace("’", "'").lower() for w in _WORD.findall(text)]
    if any(w in ("no", "none", "nothing", "nobody", "neither", "nor", "without") for w in words):
        return None

    def drop(m: re.Match[str]) -> str:
        key = m.group().replace("’", "'").lower()
        if key in ("not", "never"):
            return ""
        return _NEGATED.get(key, m.group())

    flipped = re.sub(r" {2,}", " ", _WORD.sub(drop, text))
    if flipped != text:
        return flipped
    for i, word in enumerate(text.split(" ")):
        if word.lower() in _AUXILIARIES:
            parts = text.split(" ")
            return " ".join([*parts[: i + 1], "not", *parts[i + 1 :]])
    return None


def antonym(text: str, rng: random.Random) -> tuple[str, str] | None:
    """The text with one word swapped for its opposite, and the kind of case it makes:
    ``antonym (listed)`` when the matcher's own table of opposites knows the pair (so the figure is
    optimistic: the benchmark grades the matcher on its own list), ``antonym (unlisted)``
    otherwise."""
    from factcheck.match.paraphrase import opposite_in

    found = [w for w in _WORD.findall(text) if w.lower() in _ANTONYMS]
    if not found:
        return None
    pick = rng.choice(found).lower()
    listed = opposite_in([pick], [_ANTONYMS[pick]]) is not None
    changed = _map_words(text, {pick: _ANTONYMS[pick]}, limit=1)
    return changed, "antonym (listed)" if listed else "antonym (unlisted)"


def change_number(text: str) -> str | None:
    digits = re.search(r"\b\d+\b", text)
    if digits:
        value = int(digits.group())
        new = str(value + 1 if value < 10 else value * 2)
        return text[: digits.start()] + new + text[digits.end() :]
    word = re.search(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", text, re.IGNORECASE)
    if word:
        return text[: word.start()] + _NUMBER_WORDS[word.group().lower()] + text[word.end() :]
    return None


def reported(speaker: str, content: str) -> str:
    from factcheck.match.speakers import name_parts

    surname = name_parts(speaker).surname.title() or speaker
    return f"{surname} said that {content[0].lower()}{content[1:]}."


def split_of(transcript: str) -> str:
    return "dev" if zlib.crc32(transcript.encode()) % 3 == 0 else "train"


def _baseline() -> Callable[..., object] | None:
    """The paraphrase judge as it was before this benchmark existed (from git history)."""
    root = Path(__file__).resolve().parents[1]
    try:
        code = subprocess.run(
            ["git", "show", f"{BASELINE_COMMIT}:factcheck/match/paraphrase.py"],
            cwd=root, capture_output=True, text=True, check=True, timeout=20,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    module = types.ModuleType("factcheck_paraphrase_baseline")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(code, "paraphrase@" + BASELINE_COMMIT, "exec"), module.__dict__)
    judge: Callable[..., object] = module.judge_paraphrase
    return judge


def make_cases(cases: list[dict], sources: dict, seed: int) -> list[dict]:  # type: ignore[type-arg]
    """The generated paraphrase cases (dicts with transcript, speaker, text, kind)."""
    from factcheck.match.speakers import name_parts, same_person

    seen: set[tuple[str, str]] = set()
    utterances = []
    for case in cases:
        if case["category"] != "a_exact":
            continue
        key = (case["transcript_file"], case["source_sentence"])
        words = case["source_sentence"].split()
        if key in seen or not 8 <= len(words) <= 60:
            continue
        seen.add(key)
        utterances.append(case)
    out: list[dict] = []  # type: ignore[type-arg]
    for case in utterances:
        rng = random.Random(f"{seed}:{case['case_id']}")
        transcript, speaker = case["transcript_file"], case["true_speaker"]
        source = sources[transcript]
        base = preserve(case["source_sentence"], rng)
        row = {"transcript": transcript, "split": split_of(transcript), "corpus": case["corpus"],
               "sentence": case["source_sentence"]}  # fmt: skip
        out.append({**row, "kind": "preserved", "speaker": speaker,
                    "text": reported(speaker, base)})  # fmt: skip
        out.append({**row, "kind": "summarised", "speaker": speaker,
                    "text": summarise(speaker, base, rng)})  # fmt: skip
        words_by = Counter[str]()
        for turn in source.turns:
            if turn.speaker:
                words_by[turn.speaker] += len(source.text[turn.span.start : turn.span.end])
        others = sorted(
            s for s in words_by
            if not same_person(s, speaker) and name_parts(s).surname and words_by[s] > 200
        )  # fmt: skip
        if others:
            other = rng.choice(others)
            out.append({**row, "kind": "other speaker", "speaker": other,
                        "text": reported(other, base)})  # fmt: skip
        foreign = [u for u in utterances if u["corpus"] != case["corpus"]]
        stranger = rng.choice(foreign)
        content = preserve(stranger["source_sentence"], rng)
        out.append({**row, "kind": "elsewhere", "speaker": speaker,
                    "sentence": stranger["source_sentence"],
                    "text": reported(speaker, content)})  # fmt: skip
        changes: list[tuple[str, str | None]] = [("negation", negate(base))]
        flipped = antonym(base, rng)
        if flipped:
            changes.append((flipped[1], flipped[0]))
        changes.append(("number", change_number(base)))
        for kind, changed in changes:
            if changed and changed != base:
                out.append({**row, "kind": kind, "speaker": speaker,
                            "text": reported(speaker, changed)})  # fmt: skip
    return out


def _judge_all(judge: Callable[..., object], generated: list[dict],
               sources: dict) -> tuple[list[tuple[str, list[str], float]], float]:  # type: ignore[type-arg]  # fmt: skip
    results = []
    t0 = time.perf_counter()
    for case in generated:
        verdict = judge(case["text"], case["speaker"], [sources[case["transcript"]]])
        results.append((verdict.label, list(verdict.flags), verdict.score))  # type: ignore[attr-defined]
    return results, time.perf_counter() - t0


def _table(name: str, generated: list[dict], results: list, split: str) -> None:  # type: ignore[type-arg]
    rows = [(c, r) for c, r in zip(generated, results, strict=True)
            if split == "all" or c["split"] == split]  # fmt: skip
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for case, (label, flags, _score) in rows:
        by_kind[case["kind"]][label] += 1
        by_kind[case["kind"]]["n"] += 1
        if any(f.endswith("_mismatch") for f in flags):
            by_kind[case["kind"]]["flagged"] += 1
    meaning = ("preserved", "summarised", "other speaker", "elsewhere")
    tp = by_kind["preserved"]["supported"] + by_kind["summarised"]["supported"]
    predicted = sum(by_kind[k]["supported"] for k in meaning)
    changed = ("negation", "antonym (listed)", "antonym (unlisted)", "number")
    print(f"\n{name} — {split} ({len(rows)} cases)")
    print(f"{'kind':>18} {'n':>5} {'supported':>10} {'misattr.':>9} {'not_found':>10} "
          f"{'flagged':>8}   expected")  # fmt: skip
    for kind in KINDS:
        c = by_kind.get(kind)
        if not c:
            continue
        print(f"{kind:>18} {c['n']:>5} {c['supported']:>10} {c['misattributed']:>9} "
              f"{c['not_found']:>10} {c['flagged']:>8}   {EXPECTED[kind]}")  # fmt: skip

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:6.2f}%" if b else "   n/a"

    loose = by_kind["summarised"]
    print(f"  supported precision (meaning-preserving cases): {pct(tp, predicted)}"
          f"   recall: {pct(tp, by_kind['preserved']['n'] + loose['n'])}"
          f" (summarised alone: {pct(loose['supported'], loose['n'])})")  # fmt: skip
    print(f"  misattributed recall: "
          f"{pct(by_kind['other speaker']['misattributed'], by_kind['other speaker']['n'])}"
          f"   not_found recall (elsewhere): "
          f"{pct(by_kind['elsewhere']['not_found'], by_kind['elsewhere']['n'])}")  # fmt: skip
    for kind in changed:
        c = by_kind.get(kind)
        if c:
            print(f"  {kind} changed, still supported: {pct(c['supported'], c['n'])}"
                  f" ({c['supported']}/{c['n']})")  # fmt: skip


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.paraphrase")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--errors", type=int, default=0, help="print this many errors (train)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--kind", default=None, help="print errors of this kind only")
    args = parser.parse_args(argv)
    cases_path = quote_cases_path()
    if cases_path is None:
        return 0
    from factcheck.match.paraphrase import judge_paraphrase

    cases, sources = load_quote_cases(cases_path)
    generated = make_cases(cases, sources, args.seed)
    results, seconds = _judge_all(judge_paraphrase, generated, sources)
    print(f"cases: {len(generated)} generated from {len({c['sentence'] for c in generated})} real "
          f"sentences of {len(sources)} transcripts; judging {1000 * seconds / len(generated):.2f}"
          f" ms/case")  # fmt: skip
    for split in ("dev", "train", "all"):
        _table("current", generated, results, split)
    baseline = None if args.no_baseline else _baseline()
    if baseline is None:
        print("\nbaseline: not available (needs git history)")
    else:
        base_results, base_seconds = _judge_all(baseline, generated, sources)
        _table(f"baseline (paraphrase.py at {BASELINE_COMMIT})", generated, base_results, "dev")
        _table(f"baseline (paraphrase.py at {BASELINE_COMMIT})", generated, base_results, "all")
        print(f"\nspeed: {1000 * seconds / len(generated):.2f} ms/case vs baseline "
              f"{1000 * base_seconds / len(generated):.2f} ms/case "
              f"(ratio {seconds / max(base_seconds, 1e-9):.2f})")  # fmt: skip
    shown = 0
    for case, (label, flags, score) in zip(generated, results, strict=True):
        if shown >= args.errors or case["split"] != "train" or label == EXPECTED[case["kind"]]:
            continue
        if args.kind and case["kind"] != args.kind:
            continue
        shown += 1
        print(f"\n-- {case['kind']}: expected {EXPECTED[case['kind']]}, got {label} "
              f"{score:.0f} {flags}")  # fmt: skip
        print("   claim: ", case["text"][:300], "|", case["speaker"])
        print("   source:", case["sentence"][:300])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
