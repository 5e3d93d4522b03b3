"""Claim extraction: quotes, partial quotes and reported speech, with speaker and cue."""

from __future__ import annotations

from factcheck.model import Claim, Document

__all__ = ["extract_claims"]


def extract_claims(doc: Document) -> list[Claim]:
    """Every attribution in ``doc``, in reading order, ids ``C1``, ``C2``, ...

    Spans are raw spans (``doc.raw``); ``location`` is filled from them.
    """
    raise NotImplementedError("claims stage: see issue 3")
