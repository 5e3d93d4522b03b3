"""Properties of find_turns on text made of label-like pieces in any order: whatever the
input, turns are in order, inside the text, never overlap, carry no surrounding blanks, and
never cover a label line of their own kind."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.documents.transcripts import find_turns

PIECES = [
    "MS. QUILL:", "Q", "Q:", "Q.", "A.", "A:", "THE COURT:", "BY MR. FENN:", ">> DANA QUILL:",
    "Dana Quill  0:03", "[00:01:02] Marco Fenn:", "Speaker 1 (00:00:02):", "CHAIR ROE.",
    "  Mr. FENN.", "The Prime Minister (Ann Vell):", "The Prime Minister:", "Note:",
    "WOLF BRANDT, GLN ANCHOR:", "(Laughter.)", "[Laughter.]", "END 1:52 P.M. EDT", "10:30",
    "1. Item", "https://example.org/a:b", "ABSTRACT.", "called as a witness, having been sworn",
    ">> ", ">>", "snibbet", "the zorblat is fine.", "\u00a0", " ", "\n", "\n\n", ":", ".", "(", ")",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_turns_are_ordered_disjoint_trimmed_spans_of_the_text(text: str) -> None:
    last = 0
    for turn in find_turns(text):
        assert last <= turn.span.start < turn.span.end <= len(text)
        passage = text[turn.span.start : turn.span.end]
        assert passage == passage.strip()
        assert turn.speaker or turn.label == ">>"  # only an unnamed caption speaker is None
        if turn.label_span is not None:
            assert turn.label_span.start <= turn.span.start
        last = turn.span.end
