"""The terminal report (rich)."""

from __future__ import annotations

from factcheck.model import Claim, Report, Verdict


def render_terminal(report: Report, *, color: bool | None = None) -> str:
    raise NotImplementedError("report stage: see issue 6")


def render_claims(documents: list[tuple[str, list[Claim]]], *, color: bool | None = None) -> str:
    """The claims of each document as a readable list (``factcheck claims``)."""
    raise NotImplementedError("report stage: see issue 6")


def render_verdict(
    text: str, speaker: str | None, verdict: Verdict, *, color: bool | None = None
) -> str:
    """One quote's verdict with its evidence (``factcheck quote``)."""
    raise NotImplementedError("report stage: see issue 6")
