"""Claim extraction: quotes, partial quotes and reported speech, with speaker and cue.

``extract_claims(doc)`` is the stage's one entry point; ``extract_attributions(text)`` is the
engine underneath (plain-text spans, used by the PolNeAR benchmark).
"""

from __future__ import annotations

import logging

from factcheck.claims.extract import Attribution, extract_attributions
from factcheck.model import Claim, Document

__all__ = ["Attribution", "extract_attributions", "extract_claims"]


def extract_claims(doc: Document) -> list[Claim]:
    """Every attribution in ``doc``, in reading order, ids ``C1``, ``C2``, ...

    Spans are raw spans (``doc.raw``); ``location`` is filled from them. Never raises: text
    the rules cannot read yields fewer claims, not an exception.
    """
    from factcheck.claims.convert import to_claim

    try:
        found = extract_attributions(doc.text)
    except Exception:  # the stage must not take the pipeline down (docs/claims.md)
        logging.getLogger(__name__).warning("claim extraction failed", exc_info=True)
        return []
    claims: list[Claim] = []
    for attribution in found:
        try:
            claim = to_claim(doc, len(claims) + 1, attribution)
        except Exception:  # one odd attribution must not cost the others
            logging.getLogger(__name__).warning("claim %s dropped", attribution, exc_info=True)
            continue
        if claim is not None:
            claims.append(claim)
    return claims
