"""Acceptance on the seed article (Putin rejects talks with Zelenskyy): who said what."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.claims import extract_claims
from factcheck.documents import load_document
from factcheck.model import Claim

SEED = Path(__file__).parent / "fixtures" / "seed_article.txt"


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    return extract_claims(load_document(str(SEED)))


@pytest.fixture(scope="module")
def raw() -> str:
    with open(SEED, encoding="utf-8", newline="") as fh:
        return fh.read()


def by(claims: list[Claim], name: str | None) -> list[Claim]:
    return [c for c in claims if (c.speaker.name if c.speaker else None) == name]


def test_putin_claims(claims: list[Claim]) -> None:
    putin = by(claims, "Vladimir Putin")
    cues = {c.cue.text for c in putin if c.cue}
    assert {"stated", "asserting", "maintained", "counter-argued", "labeling"} <= cues
    rude = next(c for c in putin if c.cue and c.cue.text == "labeling")
    assert rude.kind == "partial_quote"
    assert rude.quoted_text == "rude"
    maintained = next(c for c in putin if c.cue and c.cue.text == "maintained")
    assert maintained.text.startswith("genuine peace talks require far more")
    assert maintained.speaker is not None and maintained.speaker.resolved_from == "alias"


def test_zelenskyy_claims(claims: list[Claim]) -> None:
    zel = by(claims, "Volodymyr Zelenskyy")
    cues = {c.cue.text for c in zel if c.cue}
    assert "called for" in cues and "emphasized" in cues
    appeal = next(c for c in zel if c.cue and c.cue.text == "called for")
    assert appeal.speaker is not None and appeal.speaker.text == "Zelenskyy"
    assert appeal.text == "immediate, direct negotiations"


def test_groups_and_vague(claims: list[Claim]) -> None:
    officials = by(claims, "Russian officials")
    assert officials and officials[0].speaker and officials[0].speaker.resolved_from == "group"
    assert officials[0].text.startswith("any path to a durable settlement")
    leadership = by(claims, "Ukrainian leadership")
    assert leadership and leadership[0].text.startswith("the refusal demonstrated")
    vague = [c for c in claims if c.vague]
    assert len(vague) == 1
    assert vague[0].speaker is None
    assert vague[0].cue is not None and vague[0].cue.text == "according to"
    assert vague[0].text.startswith("These agreements must satisfy")


def test_spans_slice_the_file(claims: list[Claim], raw: str) -> None:
    assert [c.id for c in claims] == [f"C{i}" for i in range(1, len(claims) + 1)]
    starts = [c.content_spans[0].start for c in claims]
    assert starts == sorted(starts)
    for c in claims:
        assert " ".join(s.slice(raw) for s in c.content_spans) == c.text
        for span in c.content_spans:
            piece = span.slice(raw)
            assert piece == piece.strip() and piece[0] not in "\"“‘'’”"
        if c.speaker and c.speaker.span:
            assert c.speaker.span.slice(raw) == c.speaker.text
        if c.cue:
            assert c.cue.span.slice(raw) == c.cue.text
        assert c.sentence.start <= c.content_spans[0].start
        assert c.location is not None and c.location.line >= 1
        assert c.links == []
