"""Quotation marks: pair them into quotes, tell them from apostrophes.

Works paragraph by paragraph (a paragraph is a line), so a stray mark never swallows more
than the rest of its paragraph. A quote left open at the end of a paragraph continues when
the next paragraph opens with a quotation mark (the newspaper convention for a quote running
over several paragraphs); the pieces share a ``chain`` number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = frozenset("“„‟«")
DOUBLE_CLOSE = frozenset("”»")
SINGLE_OPEN = frozenset("‘‚‹")
SINGLE_CLOSE = frozenset("’›")
ALL_MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | SINGLE_OPEN | SINGLE_CLOSE | {'"', "'", "`"}
# One quotation mark (a lone backquote is no mark); `` and '' count as one double mark, and
# ''' as a double mark beside a nested single one (NYT style: ''the word 'old-school,''').
_MARK_RUN = re.compile("``|'''|''|[\"'“”„‟«»‘’‚‹›]")
_OPEN_CONTEXT = frozenset(" \t\r\n([{—–-/:;")


@dataclass
class Quote:
    """One quoted stretch inside a paragraph.

    ``start``/``end`` bound the quoted words (marks excluded); ``open_at`` is the index of the
    opening mark, ``close_end`` the index just after the closing mark (``None``: the quote runs
    to the end of its paragraph unclosed). ``chain`` groups the paragraphs of one long quote.
    """

    open_at: int
    start: int
    end: int
    close_end: int | None
    chain: int = 0

    @property
    def outer_end(self) -> int:
        return self.close_end if self.close_end is not None else self.end


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ' that belongs to a word rather than to a quotation.

    >>> _is_apostrophe("Zelenskyy’s appeal", 9)
    True
    >>> _is_apostrophe("the ’90s", 4)
    True
    >>> _is_apostrophe("rock ’n’ roll", 5), _is_apostrophe("rock ’n’ roll", 7)
    (True, True)
    >>> _is_apostrophe("as ‘rude.’ Then", 9)
    False
    """
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return True  # inside a word: don't, Zelenskyy’s
    if nxt.isdigit() and not prev.isalnum():
        # ’90s, '16: an elided century
        j = i + 1
        while j < len(text) and text[j].isdigit():
            j += 1
        return j - i - 1 == 2
    # rock ’n’ roll, ’em
    if text[i + 1 : i + 3] in ("n’", "n'") or text[i - 2 : i] in ("’n", "'n"):
        return True
    return text[i + 1 : i + 3].lower() in ("em",) and (
        i + 3 >= len(text) or not text[i + 3].isalnum()
    )


def _flank(text: str, i: int, width: int = 1) -> tuple[bool, bool]:
    """(can open, can close) for a mark at ``text[i:i+width]`` judged by its neighbours."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    can_open = (
        prev in _OPEN_CONTEXT or prev in DOUBLE_OPEN or prev in SINGLE_OPEN
    ) and not nxt.isspace()
    can_close = not prev.isspace() and (not nxt.isalnum())
    return can_open, can_close


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[Quote], bool]:
    """Quotes in ``text[start:end]``; the flag says the last one is left open."""
    found: list[Quote] = []
    open_double: tuple[int, int] | None = None  # (mark index, content start)
    open_single: tuple[int, int] | None = None
    for m in _MARK_RUN.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        width = m.end() - i
        pair = m.group()
        can_open, can_close = _flank(text, i, width)
        if width == 3:
            # ''' is '' plus a nested ' : the nested mark is inside the quote, whichever side
            if open_double is None and can_open:
                open_double, open_single = (i, i + 2), None
            elif open_double is not None and can_close:
                found.append(Quote(open_double[0], open_double[1], i + 1, i + 3))
                open_double = None
            continue
        double = ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch == '"' or width == 2
        if double:
            if open_double is None:
                opener = (ch in DOUBLE_OPEN or pair == "``") or (
                    (ch in '"”' or pair == "''") and can_open
                )
                if ch == "»" and can_open and not can_close:
                    opener = True
                if opener:
                    open_double = (i, i + width)
                    open_single = None  # singles inside a double quote are nested quotes
            elif (
                (ch in DOUBLE_CLOSE or pair == "''" or ch == '"') and (can_close or not can_open)
            ) or (
                ch in DOUBLE_OPEN and can_close and not can_open  # a typo'd closer: ,“ said
            ):
                found.append(Quote(open_double[0], open_double[1], i, i + width))
                open_double = None
            continue
        # single marks: only outside double quotes (nested ones are part of the quote)
        if open_double is not None or _is_apostrophe(text, i):
            continue
        if open_single is None:
            if (ch in SINGLE_OPEN or ch == "'") and can_open:
                open_single = (i, i + 1)
        elif (ch in SINGLE_CLOSE or ch == "'") and can_close:
            content = text[open_single[1] : i]
            if len(content.strip()) > 2:
                found.append(Quote(open_single[0], open_single[1], i, i + 1))
            open_single = None
    if open_double is not None:
        body_end = end
        while body_end > open_double[1] and text[body_end - 1].isspace():
            body_end -= 1
        found.append(Quote(open_double[0], open_double[1], body_end, None))
        return found, True
    # A single quote never closed is taken for a stray apostrophe: it quotes nothing.
    return found, False


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """All quotes in reading order.

    >>> t = 'He said "no," then ‘maybe.’'
    >>> [t[q.start:q.end] for q in find_quotes(t, [(0, len(t))])]
    ['no,', 'maybe.']
    >>> t = "''We say 'old-school,''' he said."
    >>> [t[q.start:q.end] for q in find_quotes(t, [(0, len(t))])]
    ["We say 'old-school,'"]
    >>> t = '“One.\\n“Two.\\nNot quoted.'
    >>> [(t[q.start:q.end], q.chain) for q in find_quotes(t, [(0, 5), (6, 11), (12, 23)])]
    [('One.', 1), ('Two.', 1)]
    """
    quotes: list[Quote] = []
    chain = 0
    carrying = False
    for p_start, p_end in paragraphs:
        p_quotes, left_open = _paragraph_quotes(text, p_start, p_end)
        opens_with_mark = False
        j = p_start
        while j < p_end and text[j].isspace():
            j += 1
        if p_quotes and p_quotes[0].open_at == j:
            opens_with_mark = True
        if p_quotes:
            if carrying and opens_with_mark:
                p_quotes[0].chain = chain
            else:
                chain += 1
                p_quotes[0].chain = chain
            for q in p_quotes[1:]:
                chain += 1
                q.chain = chain
        carrying = left_open
        quotes.extend(p_quotes)
    return quotes
