"""Speaker judgement: names, titles, label forms; and words that are nobody's speech."""

from __future__ import annotations

import pytest

from factcheck.documents.html import read_html
from factcheck.documents.transcripts import find_turns
from factcheck.match import judge_quote
from factcheck.match.speakers import same_person
from factcheck.model import Source


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Putin", "Vladimir Putin"),
        ("President Putin", "President of Russia Vladimir Putin"),
        ("Mr. McCONNELL", "Mitch McConnell"),
        ("CHAIR POWELL", "Jerome H. Powell"),
        ("Dmitry PeskoV", "Presidential Press Secretary Dmitry Peskov"),
        ("Fydor Lukyanov", "Fyodor Lukyanov"),
        ("Mr. NELSON of Nebraska", "Ben Nelson"),
    ],
)
def test_same_person(a: str, b: str) -> None:
    assert same_person(a, b) and same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Michelle Smith", "Colby Smith"),
        ("Mr. NELSON of Nebraska", "Mr. NELSON of Florida"),
        ("Vladimir Putin", "Vladimir Shakhijanyan"),
        ("The PRESIDING OFFICER", "Mr. McCONNELL"),
        ("Powell", None),
    ],
)
def test_different_people(a: str, b: str | None) -> None:
    assert not same_person(a, b)


RECORD = """<html><body><pre>
  Mr. HALVORSEN. Mr. President, I will read a letter from a farmer.

       We will never sell our land to the highway department.

  Mr. HALVORSEN. That is the voice of my state, and I agree with every word.
  Mr. BRANDT. I thank my colleague for sharing the letter today.
</pre></body></html>"""


def test_quoted_material_is_not_the_senators_own_words() -> None:
    view = read_html(RECORD)
    source = Source(id="S1", text=view.text, turns=find_turns(view.text, bold_spans=view.bold))
    verdict = judge_quote("We will never sell our land", "Mr. HALVORSEN", [source])
    assert verdict.label == "misattributed"
    assert "quoted material" in verdict.reason
    own = judge_quote("I agree with every word", "Senator Halvorsen", [source])
    assert own.label == "verified"
    wrong = judge_quote("I agree with every word", "Mr. BRANDT", [source])
    assert wrong.label == "misattributed" and "Mr. Halvorsen" in wrong.reason
