"""Matching claims against sources and the verdict on each."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.model import Claim, Source, Verdict

__all__ = ["judge_claim", "judge_quote"]


def judge_claim(claim: Claim, sources: Sequence[Source], preferred: Sequence[str] = ()) -> Verdict:
    """The verdict on one claim. ``preferred`` are ids of sources the claim links to."""
    raise NotImplementedError("matching stage: see issue 5")


def judge_quote(text: str, speaker: str | None, sources: Sequence[Source]) -> Verdict:
    """The verdict on a bare quote attributed to ``speaker``."""
    raise NotImplementedError("matching stage: see issue 5")
