"""factcheck: check quotes and reported speech in news articles against primary sources.

>>> import factcheck
>>> doc = factcheck.load_document("draft.md")                         # doctest: +SKIP
>>> claims = factcheck.extract_claims(doc)                            # doctest: +SKIP
>>> report = factcheck.check(doc, sources=["transcript.txt"])         # doctest: +SKIP
>>> factcheck.verify_quote("rude", speaker="Putin", sources=["k.html"])  # doctest: +SKIP
"""

from __future__ import annotations

from factcheck.claims import extract_claims
from factcheck.documents import load_document
from factcheck.errors import FactcheckError, InputError
from factcheck.pipeline import CheckOptions, check, verify_quote

__version__ = "0.1.0"

__all__ = [
    "CheckOptions",
    "FactcheckError",
    "InputError",
    "__version__",
    "check",
    "extract_claims",
    "load_document",
    "verify_quote",
]
