"""Reported speech (paraphrases) and not_found evidence, on transcripts we wrote ourselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents.transcripts import find_turns
from factcheck.match import judge_claim, judge_quote
from factcheck.match.align import index_for
from factcheck.match.passages import sentences
from factcheck.model import Claim, Source, Span, Speaker, Verdict

ROOT = Path(__file__).resolve().parents[1]
# The bundled example's press conference (invented by the factcheck developers).
PRESS = (ROOT / "fixtures" / "sources" / "press-conference.txt").read_text(encoding="utf-8")
PRESSER = (ROOT / "tests" / "fixtures" / "presser.txt").read_text(encoding="utf-8")


def source(text: str = PRESS, source_id: str = "S1") -> Source:
    src = Source(id=source_id, path="press-conference.txt", text=text)
    src.turns = find_turns(text)
    return src


def judge(text: str, speaker: str | None = "Vladimir Putin", src: str = PRESS) -> Verdict:
    who = Speaker(speaker, speaker, None) if speaker else None
    claim = Claim("C1", "paraphrase", text, [], Span(0, 0), who, None)
    return judge_claim(claim, [source(src)])


def assert_evidence_is_whole_sentences_of_one_turn(verdict: Verdict, text: str = PRESS) -> None:
    src = source(text)
    for evidence in verdict.evidence:
        assert text[evidence.span.start : evidence.span.end] == evidence.text
        turn = [t for t in src.turns if t.span.start <= evidence.span.start < t.span.end]
        assert turn and evidence.span.end <= turn[0].span.end, "evidence crosses a turn"
        assert turn[0].speaker == evidence.speaker
        assert evidence.text[-1] in ".?!", "evidence ends mid-sentence"
        assert evidence.diff == []


def test_seed_paraphrase_is_supported_by_the_one_sentence_that_carries_it() -> None:
    verdict = judge(
        "Putin dismissed the proposal, asserting that any discussion regarding an end to the "
        "conflict must first be predicated on Russia achieving its established objectives"
    )
    assert verdict.label == "supported", verdict.reason
    assert ("negation" not in verdict.reason and not verdict.flags) or verdict.flags == [
        "partly_supported"
    ]
    [evidence] = verdict.evidence
    assert evidence.text == (
        "Any discussion about ending the conflict must first rest on Russia achieving its "
        "stated objectives."
    )
    assert evidence.speaker == "Vladimir Putin" and evidence.location is not None
    assert_evidence_is_whole_sentences_of_one_turn(verdict)


def test_partial_support_is_supported_but_flagged_with_what_is_missing() -> None:
    verdict = judge(
        "Putin counter-argued that a ceasefire alone would merely grant Ukraine time to "
        "reorganize its military capabilities, thus undermining Moscow's stated goals"
    )
    assert verdict.label == "supported", verdict.reason
    assert "partly_supported" in verdict.flags and 50 <= verdict.score < 75
    assert "'undermining'" in verdict.reason
    assert verdict.evidence[0].text.startswith("A ceasefire alone would simply give Ukraine")
    assert_evidence_is_whole_sentences_of_one_turn(verdict)


def test_close_paraphrase_is_fully_supported() -> None:
    verdict = judge("Putin said a ceasefire would give Ukraine time to rearm its forces.")
    assert verdict.label == "supported" and verdict.score >= 75 and not verdict.flags


def test_content_said_by_someone_else_is_misattributed_and_names_them() -> None:
    verdict = judge("Putin said Zelenskyy had proposed direct talks to end the fighting.")
    assert verdict.label == "misattributed", verdict.reason
    assert "Anna Petrova" in verdict.reason and verdict.evidence[0].speaker == "Anna Petrova"
    assert_evidence_is_whole_sentences_of_one_turn(verdict)
    # The same content attributed to the one who said it is supported.
    assert judge("Petrova said Zelenskyy had proposed direct talks to end the fighting.",
                 "Anna Petrova").label == "supported"  # fmt: skip


def test_content_nobody_said_is_not_found_without_misleading_evidence() -> None:
    verdict = judge("Putin said Russia would send grain to Africa next winter.")
    assert verdict.label == "not_found" and verdict.score < 50
    assert verdict.evidence == []


def test_negation_flip_is_not_supported_and_is_flagged() -> None:
    flipped = judge("Putin said the door was closed.")
    assert flipped.label == "not_found" and "negation_mismatch" in flipped.flags
    assert "opposite" in flipped.reason
    assert flipped.evidence[0].text == "The door is not closed."
    # The faithful version is supported.
    assert judge("Putin said the door was not closed.").label == "supported"
    # A claim that adds a negation the speaker did not use.
    added = judge("Putin said a ceasefire would not give Ukraine time to rearm.")
    assert added.label == "not_found" and "negation_mismatch" in added.flags


def test_a_negation_in_a_neighbouring_sentence_is_not_the_claims_polarity() -> None:
    # "I see no reason to meet." comes just before the supporting sentence.
    verdict = judge("Putin said talks about ending the conflict rest on Russia achieving "
                    "its objectives.")  # fmt: skip
    assert verdict.label == "supported" and verdict.flags == []


@pytest.mark.parametrize(
    ("claim", "label", "flag"),
    [
        # The negation governs the same words on both sides: fine.
        ("Lindqvist said the Committee would not cut rates this year", "supported", None),
        # "not" dropped while another negation ("unless") stays: still caught by scope.
        ("Lindqvist said she was going to cut rates this year", "not_found", "negation"),
        ("Lindqvist said the policy rate would be held at four percent", "supported", None),
        ("Lindqvist said the policy rate would be held at 5 percent", "not_found", "number"),
        # An opposite where the speaker's word was.
        (
            "Lindqvist said the labor market remained weak and wage growth was moderating",
            "not_found",
            "opposite",
        ),
        (
            "Lindqvist said the labor market remained strong and wage growth was moderating",
            "supported",
            None,
        ),
    ],
)
def test_negation_scope_and_numbers(claim: str, label: str, flag: str | None) -> None:
    verdict = judge(claim, "Chair Lindqvist", PRESSER)
    assert verdict.label == label, verdict.reason
    if flag:
        assert f"{flag}_mismatch" in verdict.flags


def test_no_speaker_checks_only_the_content() -> None:
    verdict = judge("Experts must first work out long-term agreements before leaders meet.", None)
    assert verdict.label == "supported" and verdict.evidence[0].speaker == "Vladimir Putin"


def test_no_readable_source_is_unverifiable() -> None:
    broken = Source(id="S1", status="error", error="HTTP 404")
    claim = Claim("C1", "paraphrase", "Putin said the door was open.", [], Span(0, 0),
                  Speaker("Putin", "Vladimir Putin", None), None)  # fmt: skip
    assert judge_claim(claim, [broken]).label == "unverifiable"


def test_sentences_stay_inside_turns_and_keep_decimals_and_titles_whole() -> None:
    text = (
        "MODERATOR: Mr. Putin, the figure is 1.8 billion. Is that right?\n\n"
        "VLADIMIR PUTIN: Yes. It grew from 1.2 billion in 2020.\n\n"
        "MODERATOR: Thank you.\n\n"
        "VLADIMIR PUTIN: Thank you.\n"
    )
    src = source(text)
    index = index_for(src)
    found = [index.char_span(s.start, s.end).slice(text) for s in sentences(index)]
    assert found == [
        "Mr. Putin, the figure is 1.8 billion",
        "Is that right",
        "Yes",
        "It grew from 1.2 billion in 2020",
        "Thank you",
        "Thank you",
    ]


# Quotes: a not_found verdict must not dress a chance overlap up as an alteration.


def test_not_found_quote_shows_no_fragment_and_no_diff() -> None:
    verdict = judge_quote("We will never negotiate with them", "Vladimir Putin", [source()])
    assert verdict.label == "not_found"
    assert verdict.evidence == []
    assert "similar" not in verdict.reason


def test_not_found_quote_shows_the_close_sentence_whole_without_a_diff() -> None:
    verdict = judge_quote(
        "Any discussion about ending the war must never rest on our objectives, he said",
        "Vladimir Putin",
        [source()],
    )
    assert verdict.label == "not_found"
    [evidence] = verdict.evidence
    assert evidence.text == (
        "Any discussion about ending the conflict must first rest on Russia achieving its "
        "stated objectives."
    )
    assert evidence.diff == [] and evidence.flags == ["closest_passage"]
    assert_evidence_is_whole_sentences_of_one_turn(verdict)


def test_one_clause_carried_is_support_in_part_and_names_the_rest() -> None:
    verdict = judge(
        "Putin argued that a ceasefire would simply give Ukraine time to regroup and rearm its "
        "forces, thereby jeopardising Kremlin security guarantees for Crimean residents"
    )
    assert verdict.label == "supported" and "partly_supported" in verdict.flags
    assert verdict.score < 50, "supported by its first clause, not by the whole claim"
    assert "not found: 'thereby jeopardising Kremlin" in verdict.reason
    # Every clause only half there: not supported.
    half = judge("Putin argued that a truce would hand Kyiv months, thereby jeopardising "
                 "Kremlin security guarantees")  # fmt: skip
    assert half.label == "not_found"


def test_too_few_content_words_are_never_attributed() -> None:
    verdict = judge("Putin mentioned the proposal.")
    assert verdict.label == "not_found" and "too few content words" in verdict.reason
    other = judge("Putin mentioned direct talks.")  # said by Petrova and the moderator
    assert other.label != "misattributed"


def test_a_transcript_title_is_nobodys_speech() -> None:
    verdict = judge("Putin spoke at the press conference on the proposal for direct talks.")
    assert verdict.label != "misattributed"
    assert all(e.speaker is not None for e in verdict.evidence)


def test_misattributed_in_the_linked_source_looks_at_the_other_sources() -> None:
    statement = source(
        "Statement\n\nJOHN DOE: Thank you.\n\nMARIA LOPEZ: The harbour will reopen to "
        "fishing boats next spring after the repairs.\n\nJOHN DOE: Questions?\n",
        "S2",
    )
    interview = source(
        "Interview\n\nHOST: Maria Lopez says the harbour will reopen to fishing boats next "
        "spring after the repairs. Is that true?\n\nGUEST: I hope so.\n\nHOST: Thanks.\n",
        "S1",
    )
    claim = Claim("C1", "paraphrase", "Lopez said the harbour would reopen to fishing boats "
                  "next spring after repairs.", [], Span(0, 0),
                  Speaker("Lopez", "Maria Lopez", None), None)  # fmt: skip
    only_linked = judge_claim(claim, [interview])
    assert only_linked.label == "misattributed" and "Host" in only_linked.reason
    verdict = judge_claim(claim, [interview, statement], preferred=["S1"])
    assert verdict.label == "supported" and verdict.evidence[0].source_id == "S2"


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=300), st.sampled_from([None, "Vladimir Putin", "Nobody"]))
def test_any_reported_speech_gets_a_well_formed_verdict(text: str, speaker: str | None) -> None:
    verdict = judge(text, speaker)
    assert verdict.label in ("supported", "misattributed", "not_found")
    assert 0 <= verdict.score <= 100 and verdict.reason
    for evidence in verdict.evidence:
        assert PRESS[evidence.span.start : evidence.span.end] == evidence.text


def test_a_pasted_page_as_reported_speech_is_judged() -> None:
    page = " ".join(["Putin said a ceasefire would give Ukraine time to rearm."] * 3000)
    assert judge(page).label in ("supported", "not_found")


def test_nothing_in_the_linked_source_still_reports_a_misattribution_elsewhere() -> None:
    unrelated = source("Notes\n\nJOHN DOE: Thank you.\n\nJANE ROE: Fine.\n\nJOHN DOE: Bye.\n", "S2")
    claim = Claim("C1", "paraphrase", "Putin said Zelenskyy had proposed direct talks to end "
                  "the fighting.", [], Span(0, 0), Speaker("Putin", "Vladimir Putin", None),
                  None)  # fmt: skip
    verdict = judge_claim(claim, [unrelated, source()], preferred=["S2"])
    assert verdict.label == "misattributed" and "Anna Petrova" in verdict.reason


def test_verdicts_do_not_depend_on_the_hash_seed() -> None:
    import os
    import subprocess
    import sys

    script = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from test_match_paraphrase import judge\n"
        "for text in ['Putin said genuine peace talks require far more than simply implementing"
        " a temporary cessation of fighting', 'Russia: Talks with Ukraine',"
        " 'Putin said discussion about ending the conflict must rest on its objectives']:\n"
        "    v = judge(text)\n"
        "    print(v.label, round(v.score, 6), v.reason, [e.span for e in v.evidence])\n"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=True, timeout=60)  # fmt: skip
        outputs.add(done.stdout)
    assert len(outputs) == 1
