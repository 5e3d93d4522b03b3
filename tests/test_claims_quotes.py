"""Quotation-mark pairing: the mark styles, apostrophes, nesting, runs over paragraphs."""

from __future__ import annotations

import pytest

from factcheck.claims.quotes import find_quotes
from factcheck.claims.sentences import paragraphs


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said "we will win" today.', ["we will win"]),
        ("She said “we will win” today.", ["we will win"]),
        ("She said ‘we will win’ today.", ["we will win"]),
        ("She said 'we will win' today.", ["we will win"]),
        ("Elle a dit « nous gagnerons » hier.", [" nous gagnerons "]),
        ("He said ``we will win'' today.", ["we will win"]),
    ],
)
def test_mark_styles(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zelenskyy’s appeal and the mayor's plan",
        "a rock ’n’ roll band from the ’90s",
        "the voters’ choice and the '16 race",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert quoted(text) == []


def test_nested_quote_stays_inside() -> None:
    text = "He said “the memo called it ‘a disaster’ twice” on Monday."
    assert quoted(text) == ["the memo called it ‘a disaster’ twice"]


def test_quote_over_paragraphs_is_one_chain() -> None:
    text = "He said: “First part.\n\n“Second part.\n\n“Last part,” he added.\n\nAfter."
    quotes = find_quotes(text, paragraphs(text))
    assert [text[q.start : q.end] for q in quotes] == ["First part.", "Second part.", "Last part,"]
    assert len({q.chain for q in quotes}) == 1
    assert quotes[-1].close_end is not None


def test_unbalanced_mark_stops_at_its_paragraph() -> None:
    text = "He said “this never closes.\n\nThe next paragraph is ordinary prose."
    quotes = find_quotes(text, paragraphs(text))
    assert [text[q.start : q.end] for q in quotes] == ["this never closes."]
    assert quotes[0].close_end is None


def test_stray_single_mark_quotes_nothing() -> None:
    assert quoted("The ‘plan was announced and nothing closed it.") == []


def test_triple_apostrophe_closes_a_nested_quote_and_its_double() -> None:
    # NYT style: '' is the double mark, so a nested single at either edge makes '''.
    assert quoted("''We call it 'old-school,''' he said.") == ["We call it 'old-school,'"]
    assert quoted("'''Old-school' is our word,'' he said.") == ["'Old-school' is our word,"]
    assert quoted("''We call it old-school,'' he said.") == ["We call it old-school,"]
