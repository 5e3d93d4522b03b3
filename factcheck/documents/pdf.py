"""PDF sources: text via pypdf (pdfminer.six when pypdf glues words), cleaned for matching.

Cleaning repairs what PDF typesetting does to words (ligature glyphs, hyphenation at line
ends) and drops running headers and footers, which otherwise cut quotes that cross a page.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass

from factcheck.errors import InputError

__all__ = ["PdfText", "clean_pages", "read_pdf"]

LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
}  # fmt: skip
# A word broken at a line end: "gov-\nernment". Only lower-case on both sides, so that
# "Jean-\nPierre" and "COVID-\n19" keep their hyphen.
HYPHENATED = re.compile(r"(?<=[a-zà-ÿ])[-\u00ad]\n[ \t]*(?=[a-zà-ÿ])")
SOFT_HYPHEN = "\u00ad"
# More than this share of characters in "words" of 25+ letters means the spaces were lost.
GLUED_SHARE = 0.3


@dataclass
class PdfText:
    text: str
    title: str | None = None
    author: str | None = None
    pages: int = 0


def read_pdf(data: bytes, name: str = "PDF") -> PdfText:
    """The cleaned text of a PDF; raise ``InputError`` if it cannot be read or has no text."""
    # pypdf logs warnings about every malformed object; they are noise for our users.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty user password only to restrict printing.
            try:
                opened = bool(reader.decrypt(""))
            except Exception:
                opened = False
            if not opened:
                raise InputError(f"{name}: the PDF is encrypted with a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = _meta(info.title if info else None)
        author = _meta(info.author if info else None)
    except InputError:
        raise
    except Exception as exc:  # malformed files trip pypdf in many ways (PdfReadError, ...)
        raise InputError(f"{name}: not a readable PDF ({type(exc).__name__})") from None
    if _glued("\n".join(pages)):
        pages = _pdfminer_pages(data) or pages
    text = clean_pages(pages)
    if not text.strip():
        raise InputError(f"{name}: the PDF has no text layer (a scan needs OCR first)")
    return PdfText(text=text, title=title, author=author, pages=len(pages))


def _meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _glued(text: str) -> bool:
    """True if the text looks like its spaces were lost (``Thepresidentsaid``).

    >>> _glued("The president said that the talks were useful and would go on.")
    False
    >>> _glued("Thepresidentsaidthatthetalkswereusefulandwouldgoon.")
    True
    """
    letters = sum(1 for ch in text if not ch.isspace())
    if letters == 0:
        return False
    long_words = sum(len(w) for w in text.split() if len(w) >= 25)
    return long_words / letters > GLUED_SHARE


def _pdfminer_pages(data: bytes) -> list[str] | None:
    try:
        from pdfminer.high_level import extract_text

        text = extract_text(io.BytesIO(data))
    except Exception:  # pdfminer raises many unrelated types on malformed files
        return None
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages if not _glued(text) else None


def _repair(text: str) -> str:
    """Undo ligature glyphs and line-end hyphenation.

    >>> _repair("the \ufb01nal gov-\\nernment of\ufb01cials")
    'the final government officials'
    >>> _repair("Jean-\\nPierre said")
    'Jean-\\nPierre said'
    """
    for glyph, letters in LIGATURES.items():
        text = text.replace(glyph, letters)
    text = HYPHENATED.sub("", text)
    return text.replace(SOFT_HYPHEN, "")


def _line_key(line: str) -> str:
    # Page numbers differ from page to page; the header around them does not.
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _edges(content: list[str]) -> tuple[list[str], list[str]]:
    # A short page has no room for a two-line header and footer: only its first and last
    # lines can be running ones, and a line is never both.
    n = 2 if len(content) >= 6 else 1
    if len(content) < 3:
        return [], []
    return content[:n], content[-n:]


def clean_pages(pages: list[str]) -> str:
    """Join pages, dropping running headers/footers: a line among a page's first or last two
    that recurs (digits ignored) at the same end of at least half the pages, given 3+ pages.

    >>> pages = [f"Hearing record\\nText {n} here.\\nPage {n}" for n in range(1, 5)]
    >>> clean_pages(pages)
    'Text 1 here.\\n\\nText 2 here.\\n\\nText 3 here.\\n\\nText 4 here.'
    >>> clean_pages(["One page\\nPage 1"])
    'One page\\nPage 1'
    """
    split = [page.replace("\r\n", "\n").split("\n") for page in pages]
    drop: set[str] = set()
    if len(split) >= 3:
        heads: Counter[str] = Counter()
        feet: Counter[str] = Counter()
        for lines in split:
            top, bottom = _edges([line for line in lines if line.strip()])
            heads.update({_line_key(line) for line in top})
            feet.update({_line_key(line) for line in bottom})
        need = max(2, (len(split) + 1) // 2)
        drop = {key for key, n in (heads + feet).items() if n >= need and key}
        # A line that recurs at both ends is counted twice above; require real recurrence.
        drop = {key for key in drop if heads[key] >= need or feet[key] >= need}
    kept_pages: list[str] = []
    for lines in split:
        content = [i for i, line in enumerate(lines) if line.strip()]
        dropped: set[int] = set()
        # Peel from the outside in: an inner line goes only if the one outside it went too.
        for _ in range(2):
            if len(content) > 1 and _line_key(lines[content[0]]) in drop:
                dropped.add(content.pop(0))
            if len(content) > 1 and _line_key(lines[content[-1]]) in drop:
                dropped.add(content.pop())
        kept = [line for i, line in enumerate(lines) if i not in dropped]
        kept_pages.append("\n".join(kept).strip("\n"))
    return _repair("\n\n".join(page for page in kept_pages if page.strip()))
