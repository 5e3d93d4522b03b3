"""Extraction never raises, and every span it reports slices the text to the claimed words."""

from __future__ import annotations

import doctest
import importlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims import extract_claims
from factcheck.documents import document_from_text
from factcheck.errors import FactcheckError
from factcheck.model import Document

# Text built from the pieces attribution rules react to, so the rules actually fire.
PIECES = [
    "Ana Ortiz",
    "he",
    "She",
    "officials",
    "the Kremlin",
    "Putin’s",
    "said",
    "told",
    "says",
    "according to",
    "that",
    "insisted",
    "labeling",
    "adding",
    ",",
    ".",
    ":",
    ";",
    " -- ",
    " — ",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "``",
    "''",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "’90s",
    "rock ’n’ roll",
    "Mr.",
    "U.S.",
    "?",
    "!",
    "(",
    ")",
    "\u00a0",
    "\t",
    "x",
    "Ünïcödé",
    "🙂",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=60).map("".join))
def test_never_raises_and_spans_slice(text: str) -> None:
    doc = Document(raw=text, text=text)
    claims = extract_claims(doc)
    for i, c in enumerate(claims, 1):
        assert c.id == f"C{i}"
        assert c.kind in ("quote", "partial_quote", "paraphrase")
        assert " ".join(s.slice(text) for s in c.content_spans) == c.text
        for s in [*c.content_spans, c.sentence]:
            assert 0 <= s.start <= s.end <= len(text)
        if c.speaker is not None and c.speaker.span is not None:
            assert c.speaker.span.slice(text) == c.speaker.text
        if c.cue is not None:
            assert c.cue.span.slice(text) == c.cue.text
        if c.vague:
            assert c.speaker is None


MARKUP = ["**", "*", "_", "<b>", "</b>", "<p>", "</p>", "&amp;", "&rdquo;", "# ", "> ", "[x](y)"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES + MARKUP), max_size=50).map("".join),
    st.sampled_from(["markdown", "html"]),
)
def test_markup_views_map_inside_the_file(text: str, fmt: str) -> None:
    try:
        doc = document_from_text(text, format=fmt)
    except FactcheckError:
        return  # the reader refused it with a clear error; nothing to extract
    for c in extract_claims(doc):
        for s in [*c.content_spans, c.sentence]:
            assert 0 <= s.start <= s.end <= len(doc.raw)
        for s in c.content_spans:
            piece = s.slice(doc.raw)
            assert piece and piece == piece.strip()


def test_hostile_inputs() -> None:
    for text in [
        "",
        "\x00" * 50,
        '"' * 5000,
        "“" * 3000 + "said",
        "said " * 20000,
        "“a,” he said, " * 3000,
        "\n" * 9000,
    ]:
        assert isinstance(extract_claims(Document(raw=text, text=text)), list)


@pytest.mark.parametrize(
    "module",
    ["cues", "convert", "extract", "lexicon", "quotes", "sentences", "speakers", "units"],
)
def test_docstring_examples(module: str) -> None:
    """The passing and failing example in each rule's docstring hold."""
    result = doctest.testmod(importlib.import_module(f"factcheck.claims.{module}"))
    assert result.failed == 0
