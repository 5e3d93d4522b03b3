"""Quote verdicts on a press conference we wrote for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents.transcripts import find_turns
from factcheck.match import judge_claim, judge_quote
from factcheck.model import Claim, Source, Span, Speaker, Verdict

# A press conference written for these tests (not a real one).
TRANSCRIPT = (Path(__file__).parent / "fixtures" / "presser.txt").read_text(encoding="utf-8")


def source(text: str = TRANSCRIPT, source_id: str = "S1") -> Source:
    src = Source(id=source_id, path="presser.txt", text=text)
    src.turns = find_turns(text)
    return src


def judge(quote: str, speaker: str | None = "Chair Lindqvist") -> Verdict:
    return judge_quote(quote, speaker, [source()])


def test_exact_quote_is_verified_with_evidence_on_real_characters() -> None:
    verdict = judge("The labor market remains strong, and wage growth is moderating.")
    assert verdict.label == "verified" and verdict.score == 100
    evidence = verdict.evidence[0]
    assert evidence.speaker == "Chair Lindqvist"
    assert TRANSCRIPT[evidence.span.start : evidence.span.end] == evidence.text
    assert evidence.text.startswith("The labor market") and evidence.text.endswith("moderating")
    assert evidence.location is not None and evidence.location.line == 3


def test_typography_and_case_do_not_matter() -> None:
    verdict = judge("no, I'm NOT worried about a crash")
    assert verdict.label == "verified"


def test_speaker_aliases_and_label_forms() -> None:
    for name in ("Lindqvist", "Chair Lindqvist", "CHAIR LINDQVIST", "Erik Lindqvist"):
        assert judge("Inflation is still too high", name).label == "verified", name


def test_substitution_is_altered_with_a_word_diff() -> None:
    verdict = judge("We are going to cut rates this year unless inflation falls much faster.")
    assert verdict.label == "altered"
    changes = [(d.op, d.quote, d.source) for d in verdict.evidence[0].diff if d.op != "equal"]
    assert changes == [("delete", "", "not")]
    assert "'not' was left out" in verdict.reason


def test_replaced_word_shows_both_sides() -> None:
    verdict = judge("The labor market remains weak, and wage growth is moderating.")
    assert verdict.label == "altered"
    assert [(d.quote, d.source) for d in verdict.evidence[0].diff if d.op == "replace"] == [
        ("weak", "strong")
    ]


def test_dropped_qualifier_is_altered_not_verified() -> None:
    assert judge("Inflation is too high, but it is coming down.").label == "altered"


def test_dropped_repetition_and_filler_are_still_verified() -> None:
    verdict = judge("Housing is cooling, and that is what we expected. We will watch it closely.")
    assert verdict.label == "verified"
    assert "dropped repetition" in verdict.reason and "dropped filler" in verdict.reason
    assert {"disfluency_removed", "filler_removed"} <= set(verdict.flags)


def test_misattributed_names_who_really_said_it() -> None:
    verdict = judge("Consumer spending has held up remarkably well this quarter.")
    assert verdict.label == "misattributed"
    assert "Rachel Kim" in verdict.reason
    assert verdict.evidence[0].speaker == "Rachel Kim"


def test_fair_ellipsis_is_verified() -> None:
    quote = "Households have savings ... so we are watching consumer credit closely."
    assert judge(quote).label == "altered"  # it hides "though": a qualifier
    fair = "The labor market remains strong ... Inflation is still too high, but it is coming down."
    verdict = judge(fair)
    assert verdict.label == "verified" and 90 <= verdict.score < 100


def test_ellipsis_hiding_a_negation_is_altered() -> None:
    verdict = judge("We are ... going to cut rates this year")
    assert verdict.label == "altered"
    assert "negation" in verdict.reason and "not" in verdict.reason


def test_ellipsis_joining_distant_turns_is_altered() -> None:
    verdict = judge("Today the Committee decided ... to bring inflation back to 2 percent")
    assert verdict.label == "altered"
    assert len(verdict.evidence) == 2


def test_splice_without_ellipsis_is_altered() -> None:
    quote = (
        "Inflation is still too high, but it is coming down. "
        "Our job is to bring inflation back to 2 percent, and we will do that job."
    )
    verdict = judge(quote)
    assert verdict.label == "altered"
    assert "splice" in verdict.flags and len(verdict.evidence) == 2


def test_brackets_stand_for_a_few_words() -> None:
    assert judge("[The labor market] remains strong").label == "verified"
    assert (
        judge("Today [the Fed] decided to hold the policy rate at 4 percent.").label == "verified"
    )


def test_fabricated_quote_is_not_found() -> None:
    verdict = judge("We will raise rates sharply at the next meeting to fight speculation.")
    assert verdict.label == "not_found"
    assert verdict.score < 70


def test_unverifiable_when_no_source_is_usable() -> None:
    broken = Source(id="S1", url="https://example.org/x", status="error", error="HTTP 404")
    verdict = judge_quote("anything at all", "Someone", [broken])
    assert verdict.label == "unverifiable"
    assert "HTTP 404" in verdict.reason
    assert judge_quote("anything", None, []).label == "unverifiable"


def test_no_speaker_checks_words_only_and_says_so() -> None:
    verdict = judge("Inflation is still too high", speaker=None)
    assert verdict.label == "verified"
    assert "names no speaker" in verdict.reason


def test_context_flags_question_and_quotation() -> None:
    question = judge("Are you worried that the housing market will crash", "Tom O’Hara")
    assert question.label == "verified" and "question" in question.flags
    quoted = judge("the Fed does not predict, it prepares")
    assert quoted.label == "verified" and "quoting_someone" in quoted.flags


def test_line_end_hyphenation_is_repaired() -> None:
    text = TRANSCRIPT.replace("Households have savings", "Savings matter. Households have savings")
    verdict = judge_quote("The well-known savings buffer is shrinking", "Lindqvist", [source(text)])
    assert verdict.label == "verified"
    assert "sav-\nings" in verdict.evidence[0].text


def test_plain_source_without_turns_uses_its_author() -> None:
    speech = Source(id="S1", text="My fellow citizens, the harvest was good.", author="Mayor Ruiz")
    assert judge_quote("the harvest was good", "Ruiz", [speech]).label == "verified"
    wrong = judge_quote("the harvest was good", "Governor Li", [speech])
    assert wrong.label == "misattributed"


def claim(kind: str, text: str, speaker: str | None, quoted: str | None = None) -> Claim:
    return Claim(
        id="C1",
        kind=kind,  # type: ignore[arg-type]
        text=text,
        content_spans=[Span(0, len(text))],
        sentence=Span(0, len(text)),
        speaker=Speaker(speaker or "", speaker, None) if speaker else None,
        cue=None,
        quoted_text=quoted,
    )


def test_judge_claim_prefers_quoted_text_and_linked_sources() -> None:
    other = source("PRESIDENT VOSS. Nothing here.\n\nANNA BERG. Fine.\n", "S2")
    c = claim("quote", "Lindqvist said wage growth is moderating.", "Chair Lindqvist",
              quoted="wage growth is moderating")  # fmt: skip
    verdict = judge_claim(c, [other, source()], preferred=["S1"])
    assert verdict.label == "verified" and verdict.evidence[0].source_id == "S1"


@pytest.mark.parametrize(
    ("text", "speaker", "label"),
    [
        (
            "Lindqvist said wage growth was moderating while the labor market stayed strong.",
            "Chair Lindqvist",
            "supported",
        ),
        (
            "Kim said consumer spending held up well this quarter.",
            "Chair Lindqvist",
            "misattributed",
        ),
        ("Lindqvist said the bank would buy gold reserves.", "Chair Lindqvist", "not_found"),
    ],
)
def test_paraphrase_by_content(text: str, speaker: str, label: str) -> None:
    verdict = judge_claim(claim("paraphrase", text, speaker), [source()])
    assert verdict.label == label, verdict.reason
    assert 0 <= verdict.score <= 100 and verdict.reason


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=300), st.sampled_from([None, "Chair Lindqvist", "Nobody"]))
def test_any_quote_gets_a_well_formed_verdict(quote: str, speaker: str | None) -> None:
    verdict = judge_quote(quote, speaker, [source()])
    assert verdict.label in ("verified", "altered", "misattributed", "not_found")
    assert 0 <= verdict.score <= 100 and verdict.reason
    for evidence in verdict.evidence:
        assert TRANSCRIPT[evidence.span.start : evidence.span.end] == evidence.text


def test_a_pasted_page_as_quote_is_judged_quickly_enough_to_finish() -> None:
    quote = " ".join(["the labor market remains strong"] * 800)
    assert judge(quote).label in ("altered", "not_found")


def test_a_role_is_not_a_person_so_only_words_are_checked() -> None:
    verdict = judge("Inflation is still too high", "the chair")
    assert verdict.label == "verified"
    assert "names a role" in verdict.reason and "speaker_unchecked" in verdict.flags


@pytest.mark.parametrize(
    ("quote", "label", "why"),
    [
        ("Today the Committee decided ... at 4 percent.", "verified", ""),
        ("Today the Committee ... hold the policy rate at 4 percent.", "verified", ""),
        (
            "Households have savings, and ... we are watching consumer credit closely.",
            "altered",
            "sentences",
        ),
        ("We are not going to cut rates this year ... faster.", "altered", "qualifier"),
        ("We are ... going to cut rates", "altered", "negation"),
        ("the policy rate at ... percent", "altered", "number"),
        ("Today [they] decided to hold the policy rate", "verified", ""),
        ("We are [certainly] going to cut rates", "altered", "negation"),
    ],
)
def test_ellipsis_and_bracket_rules(quote: str, label: str, why: str) -> None:
    verdict = judge(quote)
    assert verdict.label == label, verdict.reason
    assert why in verdict.reason
