"""Speaker judgement: do two names (an article's and a transcript's label) mean one person?"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

__all__ = ["NameParts", "name_parts", "same_person"]


def _words(text: str) -> list[str]:
    return text.split()


# Honorifics and roles that stand before (or instead of) a name and never identify anyone.
ROLE_WORDS = frozenset(
    _words(
        """mr mrs ms miss mx dr prof professor sir dame madam madame lord lady the chair chairman
    chairwoman chairperson president presidential vice prime minister secretary senator sen
    rep representative congressman congresswoman governor gov mayor judge justice general
    gen colonel col captain capt ambassador press deputy director moderator host anchor
    acting spokesman spokeswoman spokesperson chancellor king queen prince princess pope
    his her excellency honorable hon majesty leader member chief executive ceo founder
    head commissioner official officer minority majority whip foreign defence defense
    finance interior state federal reserve board of a an at for and in on journalist
    correspondent reporter editor presiding pro tempore"""
    )
)  # fmt: skip


class NameParts(NamedTuple):
    """A name taken apart: given names, surname and a qualifier (``of Nebraska``)."""

    given: tuple[str, ...]
    surname: str
    qualifier: str
    whole: str


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").casefold()


@lru_cache(maxsize=4096)
def name_parts(name: str) -> NameParts:
    """Split a speaker name or label into its identifying parts.

    >>> name_parts("President of Russia Vladimir Putin")[:3]
    (('vladimir',), 'putin', '')
    >>> name_parts("Mr. NELSON of Nebraska").qualifier
    'nebraska'

    A role alone names nobody in particular: ``name_parts("The PRESIDING OFFICER").surname``
    is ``""`` (not ``"officer"``).
    """
    text = re.sub(r"\([^)]*\)", " ", _plain(name))
    # "Research Director of the Club, moderator Fyodor Lukyanov": the name is in the last
    # comma segment that holds something other than role words.
    segments = [s for s in text.split(",") if s.strip()]
    words: list[str] = []
    for segment in reversed(segments or [text]):
        candidate = re.findall(r"[a-z0-9][a-z0-9'\-]*", segment)
        if any(w not in ROLE_WORDS for w in candidate):
            words = candidate
            break
    whole = " ".join(re.findall(r"[a-z0-9][a-z0-9'\-]*", text))
    qualifier = ""
    # "NELSON of Nebraska": a place after a surname tells two senators apart.
    if "of" in words:
        at = words.index("of")
        if at > 0 and words[at - 1] not in ROLE_WORDS and at + 1 < len(words):
            qualifier = " ".join(words[at + 1 :])
            words = words[:at]
    names: list[str] = []
    skip = 0
    for i, w in enumerate(words):
        if skip:
            skip -= 1
            continue
        # "President of Russia", "Director of the Club": the place belongs to the role.
        if w == "of" and i > 0 and words[i - 1] in ROLE_WORDS:
            skip = 2 if i + 1 < len(words) and words[i + 1] == "the" else 1
            continue
        if w not in ROLE_WORDS:
            names.append(w)
    if not names:
        return NameParts((), "", qualifier, whole)
    return NameParts(tuple(names[:-1]), names[-1], qualifier, whole)


def _similar(a: str, b: str, cutoff: float) -> bool:
    return a == b or (min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= cutoff)


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two names can mean the same person.

    Surnames must agree (a near spelling counts when given names agree too); given names must
    not contradict (one missing, one a subset of the other, or near spellings); qualifiers
    (``of Nebraska``) must agree when both are given.

    >>> same_person("Putin", "President of Russia Vladimir Putin")
    True
    >>> same_person("Mr. McCONNELL", "Mitch McConnell")
    True
    >>> same_person("Michelle Smith", "Colby Smith")
    False
    >>> same_person("Mr. NELSON of Nebraska", "Mr. NELSON of Florida")
    False
    """
    if not a or not b:
        return False
    pa, pb = name_parts(a), name_parts(b)
    if not pa.surname or not pb.surname:
        # Roles only ("The PRESIDING OFFICER", "Question"): the same role, written alike.
        return pa.whole == pb.whole and bool(pa.whole)
    if pa.qualifier and pb.qualifier and pa.qualifier != pb.qualifier:
        return False
    given_a, given_b = set(pa.given), set(pb.given)
    if pa.surname != pb.surname:
        # A misspelt surname ("Shakhijanyan" / "Shakhidjanyan") only with the same given name.
        if not (given_a and given_b and _given_agree(pa.given, pb.given)):
            return False
        return _similar(pa.surname, pb.surname, 85)
    if not given_a or not given_b:
        return True
    if given_a <= given_b or given_b <= given_a:
        return True
    return _given_agree(pa.given, pb.given)


def _given_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First given names agree: equal, an initial of the other, or a near spelling."""
    if not a or not b:
        return False
    x, y = a[-1] if len(a) == 1 else a[0], b[-1] if len(b) == 1 else b[0]
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    if any(w in b for w in a):
        return True
    return _similar(x, y, 80)
