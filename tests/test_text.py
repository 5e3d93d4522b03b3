"""Normalisation and tokens: every offset points at the source's real characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.text import fold_char, normalize, tokenize


def test_normalize_folds_typography_case_and_space() -> None:
    n = normalize("  “Don’t”\u00a0 STOP—now  ")
    assert n.text == '"don\'t" stop-now'


def test_ligature_expands_and_both_letters_map_to_it() -> None:
    source = "the ﬁrst"
    n = normalize(source)
    assert n.text == "the first"
    f, i = n.text.index("f"), n.text.index("i")
    assert source[n.offsets[f]] == "ﬁ" and source[n.offsets[i]] == "ﬁ"


def test_tokens_point_at_real_characters() -> None:
    source = "Chair\u00a0Powell said: “We’re moving—expeditiously.”"
    tokens = tokenize(source)
    assert tokens.keys == ["chair", "powell", "said", "we're", "moving", "expeditiously"]
    for key, start, end in zip(tokens.keys, tokens.starts, tokens.ends, strict=True):
        assert normalize(source[start:end]).text.replace("’", "'") == key


def test_page_markers_and_stage_directions_are_not_words() -> None:
    assert tokenize("a 6-\n[[Page S8515]]\nmonth-old child").keys == [
        "a",
        "6",
        "month",
        "old",
        "child",
    ]
    assert tokenize("Thank you. (Applause.) Next.").keys == ["thank", "you", "next"]


def test_line_end_hyphenation_joined_only_when_the_text_knows_the_word() -> None:
    joined = tokenize("the information age; the infor-\nmation age")
    assert joined.keys == ["the", "information", "age", "the", "information", "age"]
    text = "the information age; the infor-\nmation age"
    assert text[joined.starts[4] : joined.ends[4]] == "infor-\nmation"
    compound = tokenize("a long-\nterm plan")
    assert compound.keys == ["a", "long", "term", "plan"]


def test_fold_char_never_leaves_capitals() -> None:
    assert fold_char("Q") == "q" and fold_char("É") == "é"


@given(st.text(max_size=200))
def test_offset_map_is_monotonic_and_in_range(text: str) -> None:
    n = normalize(text)
    assert len(n.offsets) == len(n.text) + 1
    assert all(0 <= o <= len(text) for o in n.offsets)
    assert all(a <= b for a, b in zip(n.offsets, n.offsets[1:], strict=False))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_token_spans_are_ordered_and_inside_the_text(text: str) -> None:
    tokens = tokenize(text)
    previous_start = 0
    for start, end in zip(tokens.starts, tokens.ends, strict=True):
        # One character may give two tokens ("¼" is "1⁄4"), never a step back.
        assert previous_start <= start < end <= len(text)
        previous_start = start
