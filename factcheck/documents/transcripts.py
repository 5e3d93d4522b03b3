"""Speaker turns in transcripts: who speaks each passage of a source.

A turn starts at a speaker label at the start of a paragraph (or line) and runs until the
next label. The forms recognised:

* bold labels from HTML: ``<p><b>Vladimir Putin:</b> …``, ``<p><strong>Name</strong>: …``,
  also split over two bold tags (``<b>Vladimir</b> <b>Putin</b>:``);
* capitals and a period: ``CHAIR POWELL. …``, ``MICHELLE SMITH. …``, ``  Mr. McCONNELL. …``,
  ``Mr. NELSON of Nebraska.``, ``The PRESIDING OFFICER.`` (Federal Reserve, Congressional
  Record);
* a name and a colon: ``NAME: …``, ``Jane Doe: …``, ``Q: …`` / ``A: …``, ``QUESTION: …``,
  ``MS. JEAN-PIERRE: …``, ``>> JANE DOE: …`` (TV captions), ``INTERVIEWER:``, time stamps
  before or after (``[00:01:23] Jane Doe:``, ``Speaker 1 (00:01:23):``), Hansard's
  ``Keir Starmer (Holborn and St Pancras) (Lab):`` and ``The Prime Minister (Keir Starmer):``;
* ``Q``/``A`` lines: ``Q. …`` / ``A. …`` (courts, with ``BY MR. SMITH:`` naming who asks),
  the White House's bare ``Q  …``;
* a name and a time stamp alone on a line, the speech below (``Jane Doe  00:01:23``).

Names are completed from the transcript itself: ``MS. JEAN-PIERRE`` is ``Karine Jean-Pierre``
when the header names her, ``THE PRESIDENT`` the president the header names, a Hansard role
the person it named first, ``A.`` and ``THE WITNESS`` the witness sworn in.

What is not a turn: headings alone on a line (``ABSTRACT.``), page furniture (``Note:``,
``Media Contact:``, ``Photo:``), ``Label:`` lines that never recur (a list, headings,
datelines), a name with a figure only (``Clinton: 1,769.``), prose.

Inside a turn some text is nobody's speech and is cut out of it: stage directions on their
own (``(Applause.)``, ``[Laughter.]``, ``END 1:52 P.M. EDT``), text indented five or more
spaces under a label indented by at most two (quoted bills and letters in the Congressional
Record), and the Record's clerk lines (``The amendment (No. 1293) was agreed to.``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from factcheck.model import Span, Turn, line_starts

__all__ = ["canonical_names", "clean_label", "find_turns"]


def _words(text: str) -> list[str]:
    return text.split()


# One word of a label in capitals: "POWELL", "McCONNELL", "MARSHALL-GENZER", "O’GRADY".
_CAP = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][A-Z'’\-]*[A-Z]"
_PERIOD_LABEL = re.compile(
    rf"(?P<label>(?:(?i:mr|mrs|ms|miss|dr)\.\s|(?i:the)\s)?{_CAP}(?:\s{_CAP}){{0,3}}"
    r"(?:\spro\stempore)?(?:\sof\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?)\.(?=\s|$)"
)
# Abbreviated titles: "SEN." in "SEN. JANE ROE (D-NY):" is no label of its own.
_HONORIFIC_ALONE = re.compile(
    r"(?i:mr|mrs|ms|miss|messrs|dr|st|sen|rep|gov|gen|lt|col|capt|sgt|prof|rev|hon|amb|sec|pres)"
)
_HONORIFIC = re.compile(r"(?i:mr|mrs|ms|miss|dr)\.\s|(?i:the)\s")
# A name before a colon: capitalised words and the small words of names.
_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|\d{1,3}|of|de|da|del|der|van|von|la|le|al|bin|ibn|and|for|the)"
# Blanks between a label's words: web pages put no-break spaces there ("Q&nbsp;&nbsp;Hi").
_SP = r"[ \t\xa0]"
# Time stamps that transcription services put before or after a label.
_STAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?"
# A name and a colon. After the name may come a role after a comma, and parenthesised notes:
# "(retranslated)", "(00:01:23)", a Hansard member's "(Holborn and St Pancras) (Lab)", a
# minister's "(Keir Starmer)". The first parenthesis is kept apart.
_COLON_LABEL = re.compile(
    rf"(?:\[?{_STAMP}\]?{_SP}+)?"
    rf"(?P<label>[A-Z][\w'’.\-]*(?:{_SP}{_NAME_WORD}){{0,8}})"
    # A TV transcript's first label adds the role: "WOLF BLITZER, CNN ANCHOR:".
    rf"(?:,{_SP}(?P<role>[A-Z][\w'’.\-]*(?:{_SP}{_NAME_WORD}){{0,6}}))?"
    rf"(?:{_SP}*\((?P<paren>[^()\n]{{1,60}})\))?(?:{_SP}*\([^()\n]{{1,40}}\))?"
    rf"(?:{_SP}*\[{_STAMP}\])?"
    rf"{_SP}*:(?=\s)"
)
# Q and A lines: "Q. Where were you?", "A: At home.", the White House's bare "Q  Thank you".
# A bare "A" is the article ("A new study..."), so only Q goes without punctuation.
_QA_LABEL = re.compile(rf"(?P<label>[QA])(?:[.:](?={_SP}|\n|$)|(?P<bare>{_SP}+)(?=[^\sa-z]))")
# A name and a time stamp alone on a line, the speech on the next lines (Otter and similar):
# "Jane Doe  00:01:23".
_STAMP_LINE = re.compile(
    rf"(?P<label>[A-Z][\w'’.\-]*(?:{_SP}{_NAME_WORD}){{0,4}}){_SP}+\[?{_STAMP}\]?{_SP}*(?=\n|$)"
)
# A deposition's "BY MR. SMITH:" line: who asks the questions that follow.
_BY_LINE = re.compile(
    rf"BY{_SP}+(?P<label>(?i:mr|mrs|ms|dr)\.?{_SP}+[A-Z][\w'’\-]+(?:{_SP}[A-Z][\w'’\-]+)?)"
    rf"{_SP}*:{_SP}*(?=\n|$)"
)
# TV captions mark a new speaker with ">>": ">> JANE DOE: Good evening."
_CAPTION = re.compile(r">{2,3}[ \t\xa0]*")
_PARTICLES = frozenset({"of", "de", "da", "del", "der", "van", "von", "la", "le", "al", "bin"})
# Words that look like labels but head ordinary lines.
_NOT_LABELS = frozenset(
    _words(
        """note notes source sources update updated subject date time title from to cc re tags
    photo photos credit credits warning example summary transcript location posted editor
    copyright tel email address phone url link see also section sec amendment chapter part
    article no ok yes so well and but the i table figure step http https correction
    corrections clarification disclosure related read watch listen more contact contacts
    media about abstract background caption video audio image images file dateline byline
    editors editor's attention embargoed release pictured above below left right top
    bottom meanwhile plus however name age"""
    )
)  # fmt: skip
# A label ending in one of these is a page's furniture: "Media Contact:", "Editor's Note:".
_NOT_LABEL_ENDS = frozenset(
    _words("note notes contact contacts update correction credit credits source sources")
)
_GENERIC = {"q": "Question", "question": "Question", "remark": "Remark", "reply": "Reply",
            "answer": "Answer", "a": "Answer", "voice": "Voice",
            "audience": "Audience", "interviewer": "Interviewer",
            "interviewee": "Interviewee"}  # fmt: skip
_AFTER_BOLD = re.compile(r"[ \t\xa0]*(?:\([^()\n]{1,40}\)[ \t\xa0]*)?:")
# Stage directions on a line of their own: "(Applause.)", "[Laughter.]", "(Cross-talk.)", and
# the White House's closing "END 1:52 P.M. EDT".
_STAGE = re.compile(r"\([^()\n]{1,80}\)|\[[^\[\]\n]{1,80}\]|END[ \t]+\d{1,2}:\d{2}[^\n]{0,20}")

# Congressional Record reporters' lines: procedure, not anyone's words.
# A reporter's line names a procedural thing and what happened to it ("The amendment (No.
# 1293) was agreed to.", "The legislative clerk read as follows:"); a senator's paragraph that
# merely starts "The Foreign Operations bill provides..." or "The amendment I offer..." is not.
_CLERK = re.compile(
    r"(?:The\s(?:[a-z]+\s){0,3}(?:clerk|amendments?|motion|bill|resolution|yeas and nays|"
    r"result|question|nomination|report|text|material|letter|article)"
    r"(?:\s\([^)]*\))?(?:,\s[a-z ,]+,)?"
    r"\s(?:was|were|(?:is|are) as follows|read|proceeded|called|will (?:call|report|state))\b"
    r"|There being no objection|Pending:|Without objection, it is so ordered"
    r"|(?:Mr|Mrs|Ms)\.\s\S+(?:\s\S+)?\saddressed the Chair"
    r"|\[|\(|_{3,}|<bullet>)"
)
_INTERVIEWEE = re.compile(r"[Ii]nterview(?:ed)?\s+with\s+((?:[A-Z][\w'’\-]+\s?){2,4})")


@dataclass
class _Label:
    start: int  # where the label starts
    body: int  # where the speech after it starts
    text: str
    indent: int
    kind: str = "bold"
    label_end: int = -1  # where the label's text ends (after a time stamp, if any)
    line: int = -1  # where the line ends the turn before it (before a caption's ">>")
    strong: bool = False  # a time stamp, a caption's ">>" or a parenthesis: surely a label
    person: str | None = None  # the person a role label names: "The Prime Minister (Name)"


@lru_cache(maxsize=8192)
def clean_label(label: str) -> str:
    """A label as a display name: parentheticals and punctuation gone, capitals tamed.

    >>> clean_label("Mr. McCONNELL"), clean_label("CHAIR POWELL")
    ('Mr. McConnell', 'Chair Powell')
    >>> clean_label("Ann Lee (retranslated)")
    'Ann Lee'

    Mixed-case words are kept as written: ``clean_label("Fyodor Lukyanov")`` is unchanged,
    not ``"Fyodor lukyanov"``.
    """
    # Some pages repeat the name in a tooltip after a run of spaces: keep the label proper.
    label = re.split(r"\s{3,}", label.replace("\xa0", " ").strip())[0]
    label = re.sub(r"\([^)]*\)", " ", label)
    label = " ".join(label.strip(" :.\t\n").split())
    return " ".join(_tame(word) for word in label.split(" "))


def _tame(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if len(letters) < 2 or upper < len(letters) - 2 or upper < 2:
        return word
    for prefix in ("Mc", "Mac"):
        if word.startswith(prefix) and word[len(prefix) :].isupper():
            return prefix + _tame(word[len(prefix) :])
    # "MCTAVISH" is McTavish; "MAC" is left alone ("MACK", "MACE").
    if word.startswith("MC") and len(letters) > 3 and word.isupper():
        return "Mc" + _tame(word[2:]).capitalize()
    return re.sub(r"[A-Za-z]+", lambda m: m.group().capitalize(), word)


def _bold_labels(text: str, bold: Sequence[Span]) -> list[_Label]:
    """Bold runs at a paragraph start ending in (or followed by) a colon."""
    labels: list[_Label] = []
    spans = sorted(bold)
    i = 0
    while i < len(spans):
        start, end = spans[i].start, spans[i].end
        j = i + 1
        # Labels split over several bold tags: merge runs separated by whitespace only.
        while (
            j < len(spans)
            and spans[j].start >= end
            and not text[end : spans[j].start].strip()
            and "\n" not in text[end : spans[j].start]
        ):
            end = max(end, spans[j].end)
            j += 1
        i = j
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip():
            continue
        raw = text[start:end]
        # The colon may follow the bold run, after a note: "<b>Name </b><i>(retranslated)</i>:".
        after = _AFTER_BOLD.match(text, end)
        if raw.rstrip(" \t\xa0\n").endswith(":") or raw.strip(" \t\xa0\n.") == "Q":
            body = end
        elif after:
            body = after.end()
        else:
            continue
        label = raw.strip(" \t\xa0\n:")
        if not label or len(label.split()) > 14 or "\n\n" in label:
            continue
        while body < len(text) and text[body] in " \t\xa0\n":
            body += 1
        labels.append(_Label(start, body, label, 0))
    return labels


def _line_labels(text: str) -> list[_Label]:
    """Labels at the start of a line, of one style: ``NAME.`` in capitals, ``Name:``, or a
    name and a time stamp alone on a line; ``Q``/``A`` lines go with any style."""
    found: list[_Label] = []
    for line_start in line_starts(text):
        indent = 0
        while indent < 17 and line_start + indent < len(text) and text[line_start + indent] == " ":
            indent += 1
        pos = line_start + indent
        if pos >= len(text) or text[pos] in " \n":
            continue
        caption = _CAPTION.match(text, pos)
        if caption:
            pos = caption.end()
        label = _label_at(text, pos, indent)
        if caption and not label and text[pos : pos + 1] not in ("", "\n"):
            # A bare ">>" is a new speaker the captions do not name: not the one before.
            label = _Label(caption.start(), pos, ">>", indent, "unnamed", caption.end())
        if label:
            label.strong = label.strong or bool(caption)
            label.line = line_start + indent
            found.append(label)
    return _one_style(text, found)


def _label_at(text: str, pos: int, indent: int) -> _Label | None:
    """The label starting at ``pos``, if the line starts with one.

    >>> [_label_at(t, 0, 0).kind for t in ("Q  Hi.", "Jane Doe  0:03\\nHi.", "CHAIR ROE. Hi.")]
    ['bare_q', 'stamp', 'period']

    Not labels: the article ``A``, a heading alone on its line, a lone honorific:

    >>> [_label_at(t, 0, 0) for t in ("A new study.", "ABSTRACT.\\n\\nText.", "MS. JONES: Hi.")][:2]
    [None, None]
    >>> _label_at("MS. JONES: Hi.", 0, 0).text
    'MS. JONES'
    """
    m = _BY_LINE.match(text, pos)
    if m:
        return _Label(pos, _skip_blanks(text, m.end()), m.group("label"), indent, "by", m.end())
    m = _QA_LABEL.match(text, pos)
    if m:
        kind = "bare_q" if m.group("bare") else "qa"
        if not (kind == "bare_q" and m.group("label") == "A"):
            return _Label(pos, _skip_blanks(text, m.end()), m.group("label"), indent, kind, pos + 1)
    m = _PERIOD_LABEL.match(text, pos)
    if m and _is_label(m.group("label")) and not _HONORIFIC_ALONE.fullmatch(m.group("label")):
        body = _skip_blanks(text, m.end())
        # A heading alone on its line ("ABSTRACT.", "FULL TEXT.") is not a speaker; a label
        # with an honorific may be ("  Mr. KOHL." and the speech on the next line).
        alone = body >= len(text) or text[body] in "\r\n"
        if not alone or _HONORIFIC.match(m.group("label")):
            return _Label(pos, body, m.group("label"), indent, "period", m.end("label"))
    m = _COLON_LABEL.match(text, pos)
    if m and _is_label(m.group("label")) and _says_words(text, m.end()):
        paren = m.group("paren")
        person = paren if paren and _is_person(paren) else None
        if paren or _titled(m.group("label")) or not _looks_like_sentence(m.group("label")):
            stamp = bool(re.search(r"\d:\d", m.group()))
            return _Label(
                pos, _skip_blanks(text, m.end()), m.group("label"), indent, "colon",
                m.end("label"), strong=bool(paren) or stamp, person=person,
            )  # fmt: skip
    m = _STAMP_LINE.match(text, pos)
    if m and _is_label(m.group("label")) and not _looks_like_sentence(m.group("label")):
        body = _skip_blanks(text, m.end(), newlines=True)
        return _Label(pos, body, m.group("label"), indent, "stamp", m.end(), strong=True)
    return None


def _says_words(text: str, at: int) -> bool:
    """Whether what follows a colon label on its line can be speech: words, or nothing (the
    speech starts on the next line), not a figure alone as in a table ("Clinton: 1,769.").

    >>> _says_words("Clinton: We won.", 8), _says_words("Clinton: 1,769.", 8)
    (True, False)
    """
    line_end = text.find("\n", at)
    rest = text[at : len(text) if line_end < 0 else line_end]
    return not rest.strip() or any(c.isalpha() for c in rest)


def _line_of(label: _Label) -> int:
    return label.line if label.line >= 0 else label.start


def _skip_blanks(text: str, at: int, newlines: bool = False) -> int:
    blanks = " \t\xa0\n" if newlines else " \t\xa0"
    while at < len(text) and text[at] in blanks:
        at += 1
    return at


def _is_label(label: str) -> bool:
    """Whether a line's head can name a speaker: not a page's furniture.

    >>> _is_label("MS. JEAN-PIERRE"), _is_label("Media Contact"), _is_label("Note")
    (True, False, False)
    """
    words = label.lower().replace(".", " ").split()
    if not words or (len(words) == 1 and words[0] in _NOT_LABELS):
        return False
    return words[-1] not in _NOT_LABEL_ENDS


def _is_person(paren: str) -> bool:
    """Whether a parenthesis after a label names a person, as Hansard names a minister.

    >>> _is_person("Keir Starmer"), _is_person("Lab"), _is_person("retranslated")
    (True, False, False)
    >>> _is_person("Holborn and St Pancras"), _is_person("00:01:23")
    (False, False)
    """
    words = paren.split()
    return 2 <= len(words) <= 5 and all(re.fullmatch(r"[A-Z][\w'’.\-]*", w) for w in words)


def _one_style(text: str, found: list[_Label]) -> list[_Label]:
    """The labels of the transcript's one label style, or ``[]`` when they look like prose.

    "NAME." labels make "Truman:" rows of a table plain text; when most labels are indented
    (Congressional Record) unindented ones are not labels. ``Q``/``A`` lines join any style
    (a court's ``THE COURT:`` and ``Q.``), but a bare ``Q`` or an ``A`` needs company: the
    official a briefing names, the ``Q`` an answer follows.

    >>> len(find_turns("Ann Vell: Hi.\\nBo Quint: Hello.\\nAnn Vell: Bye."))
    3

    Lines that each occur once read as a list, and one label alone is no conversation:

    >>> find_turns("Iowa: cold.\\nNevada: dry.\\nOhio: wet."), find_turns("Result: a.\\nResult: b.")
    ([], [])
    """
    if not found:
        return []
    by_kind: dict[str, list[_Label]] = {}
    for f in found:
        by_kind.setdefault(f.kind, []).append(f)
    qa = by_kind.get("qa", [])
    colon_like = len(by_kind.get("colon", [])) + sum(1 for f in qa if text[f.label_end] == ":")
    styles = [("period", len(by_kind.get("period", []))), ("colon", colon_like),
              ("stamp", len(by_kind.get("stamp", [])))]  # fmt: skip
    style = max(styles, key=lambda kv: kv[1])[0] if any(n for _, n in styles) else "qa"
    chosen = by_kind.get(style, [])
    if chosen:
        chosen = chosen + by_kind.get("bare_q", [])
        if any(f.strong for f in chosen):
            chosen = chosen + by_kind.get("unnamed", [])
    if chosen or qa:
        chosen = chosen + by_kind.get("by", [])
    if not any(f.text == "Q" for f in chosen + qa):
        qa = [f for f in qa if f.text != "A"]
    chosen = sorted(chosen + qa, key=lambda f: f.start)
    if style == "period":
        # Labels are indented by at most two spaces in the Congressional Record; deeper lines
        # are quoted material. (Court transcripts set in columns indent every label deeply.)
        chosen = [f for f in chosen if f.indent <= 2]
    shallow = [f for f in chosen if f.indent <= 2]
    if sum(1 for f in shallow if f.indent > 0) * 2 > len(shallow):
        chosen = [f for f in chosen if f.indent > 0]
    speaking = [f for f in chosen if f.kind not in ("by", "unnamed")]
    if len(speaking) < 2:
        return []
    if style == "period":
        return chosen
    # A transcript has several speakers and most of them speak more than once; a few "Label:"
    # lines that each occur once ("Iowa:", "Nevada:"; "Background:") are a list or headings.
    counts = Counter(clean_label(f.text).lower() for f in speaking)
    if len(counts) < 2:
        return []
    if len(counts) == len(speaking) and not (
        len(speaking) >= 3 and all(f.strong for f in speaking)
    ):
        return []
    return chosen


def _with_question_lines(text: str, bold: list[_Label]) -> list[_Label]:
    """Bold name labels plus the plain ``Q`` lines between them: pages that bold the
    officials' names often leave the reporters' ``Q`` as plain text.

    >>> from factcheck.documents.html import read_html
    >>> page = read_html("<p><b>MS. MARCH:</b> Hi.</p><p>Q&nbsp;&nbsp;Why?</p>"
    ...                  "<p><b>MS. MARCH:</b> Because.</p>")
    >>> [t.speaker for t in find_turns(page.text, bold_spans=page.bold)]
    ['Ms. March', 'Question', 'Ms. March']

    A line opening with "A" is not an answer without questions: "A new plan" stays speech.
    """
    questions: list[_Label] = []
    for line_start in line_starts(text):
        m = _QA_LABEL.match(text, line_start)
        if m and not (m.group("bare") and m.group("label") == "A"):
            kind = "bare_q" if m.group("bare") else "qa"
            body = _skip_blanks(text, m.end())
            questions.append(_Label(line_start, body, m.group("label"), 0, kind, line_start + 1))
    if not any(q.text == "Q" for q in questions):
        return bold
    starts = [lab.start for lab in bold]  # sorted: bold runs come in text order

    def inside_bold(at: int) -> bool:
        i = bisect_right(starts, at) - 1
        return i >= 0 and at < bold[i].body

    extra = [q for q in questions if not inside_bold(q.start)]
    return sorted(bold + extra, key=lambda lab: lab.start)


def _names_someone(label: str) -> bool:
    """A lone bold label that reads as a name or title, not a heading or a note.

    >>> _names_someone("Volodymyr Zelenskyy"), _names_someone("Note")
    (True, False)
    """
    words = clean_label(label).split()
    if not words or len(words) > 8 or words[0].lower() in _NOT_LABELS:
        return False
    return all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)


def _titled(label: str) -> bool:
    """A label that opens with a title may be long: Hansard's ``The Secretary of State for
    Health and Social Care:`` and ``Lord Quint of Puddleby:``.

    >>> _titled("The Secretary of State for Health"), _titled("Meeting of the Board of Trade")
    (True, False)
    """
    return label.split()[0].lower().strip(".") in _TITLE_HEADS


def _looks_like_sentence(label: str) -> bool:
    """A colon label with lower-case words that are not name particles is prose."""
    words = label.split()
    return any(w[0].islower() for w in words) and len(words) > 3


def find_turns(text: str, *, bold_spans: Sequence[Span] = ()) -> list[Turn]:
    """The speaker turns of a transcript's text, in order, spans indexing ``text``.

    ``bold_spans`` are spans of ``text`` that were bold in the HTML it came from (speaker
    labels on government sites are bold). Text with no recognisable turns gives ``[]``.

    >>> text = "CHAIR POWELL. Good afternoon.\\n\\nMICHELLE SMITH. Howard."
    >>> [t.speaker for t in find_turns(text)]
    ['Chair Powell', 'Michelle Smith']

    An ordinary article line is not a turn: ``find_turns("Note: prices rose.")`` is ``[]``.
    """
    labels = _bold_labels(text, bold_spans) if bold_spans else []
    if len(labels) < 2:
        # A statement page has one bold label ("<b>Volodymyr Zelenskyy:</b> ..."): one turn,
        # if it names someone and no plain-text labels do better.
        single = [lab for lab in labels if _names_someone(lab.text)]
        lines = _line_labels(text)
        labels = lines if len(lines) > len(single) else single
    else:
        labels = _with_question_lines(text, labels)
    if not labels:
        return []
    speaking = [lab for lab in labels if lab.kind not in ("by", "unnamed")]
    resolved = _resolve_names(text[: min(labels[0].start, _HEADER_CHARS)], speaking)
    witnesses = _witnesses(text)
    askers = [display_name(lab.text) for lab in labels if lab.kind == "by"]
    names = canonical_names(
        [resolved[lab.text] for lab in speaking] + askers + [name for _, name in witnesses]
    )
    interviewee = _interviewee(text[: labels[0].start])
    courtroom = bool(askers or witnesses) or any(
        clean_label(lab.text).lower() == "the witness" for lab in speaking
    )
    asker: str | None = None
    turns: list[Turn] = []
    for i, lab in enumerate(labels):
        if lab.kind == "by":
            asker = names[display_name(lab.text)]
            continue
        end = _line_of(labels[i + 1]) if i + 1 < len(labels) else len(text)
        speaker: str | None = None if lab.kind == "unnamed" else names[resolved[lab.text]]
        role = clean_label(lab.text).lower()
        if role == "q" and asker:
            speaker = asker
        elif role in ("a", "answer", "interviewee", "the witness"):
            witness = _latest(witnesses, lab.start)
            if witness:
                speaker = names[witness]
            elif interviewee and role != "the witness":
                speaker = interviewee
            elif courtroom:
                speaker = "The Witness"
        label_span = Span(
            lab.start, lab.label_end if lab.label_end >= 0 else lab.start + len(lab.text)
        )
        for seg in _speech_segments(text, lab.body, end, lab.indent):
            turns.append(Turn(speaker, seg, label=lab.text, label_span=label_span))
    return turns


# How much of a transcript's start is read for the names of its people ("Press Briefing by
# Press Secretary Karine Jean-Pierre"): a header, not a whole document before a late label.
_HEADER_CHARS = 5000
# Words that stand before a surname in a header but are no one's given name.
_NOT_GIVEN = frozenset(
    _words("by with and from to on at in of the remarks briefing statement interview transcript")
)
# "... JANE ROE, called as a witness ..., having been first duly sworn ...": a witness.
_SWORN = re.compile(r"called as a witness|(?:having|having first) been (?:first )?(?:duly )?sworn")
_WITNESS_NAME = re.compile(
    r"(?P<name>[A-Z][A-Za-z'’.\-]+(?:[ \t]+[A-Z][A-Za-z'’.\-]+){1,3})[ \t]*,"
)


def _resolve_names(header: str, labels: Sequence[_Label]) -> dict[str, str]:
    """Each label's name, completed from the transcript itself where it says more.

    A minister's label names the person once (``The Prime Minister (Keir Starmer):``), and
    the role means that person in the transcript's later ``The Prime Minister:`` labels. A
    surname label (``MS. JEAN-PIERRE:``, ``SECRETARY BLINKEN:``) takes the given names the
    header gives (``Press Briefing by Press Secretary Karine Jean-Pierre``), and a role label
    (``THE PRESIDENT:``) the name after that role in the header (``Remarks by President Biden
    and ...``), when the header names exactly one such person; else the label stays as it is.

    >>> briefing = "MS. MARCH: Hello.\\nQ  Hi.\\nMS. MARCH: Bye."
    >>> find_turns("Briefing by Press Secretary Ida March\\n\\n" + briefing)[0].speaker
    'Ida March'
    >>> find_turns(briefing)[0].speaker
    'Ms. March'
    """
    from factcheck.match.speakers import name_parts

    roles: dict[str, str] = {}
    for lab in labels:
        if lab.person and lab.text.split()[0].lower().strip(".") in _ROLE_HEADS:
            roles.setdefault(clean_label(lab.text).lower(), display_name(lab.person))
    resolved: dict[str, str] = {}
    in_header = _header_names(header)
    for lab in labels:
        if lab.text in resolved:
            continue
        name = display_name(lab.text)
        key = clean_label(lab.text).lower()
        if key in roles:
            name = roles[key]
        elif key not in _GENERIC and key != "the witness":
            parts = name_parts(name)
            if not parts.surname:
                name = _role_holder_in(header, name) or name
            elif not parts.given and not key.startswith("the "):
                # ("The Court", "The Clerk": a role that no name of the header holds.)
                full = in_header.get(name.split()[-1].lower(), set())
                name = next(iter(full)) if len(full) == 1 else name
        resolved[lab.text] = name
    return resolved


def _role_heads() -> frozenset[str]:
    from factcheck.match.speakers import ROLE_WORDS

    return ROLE_WORDS | {"the"}


_ROLE_HEADS = _role_heads()
_TITLE_HEADS = (_ROLE_HEADS - frozenset(_words("a an at for and in on of"))) | frozenset(
    _words("lord lady baroness baron earl viscount dame sir")
)


def _header_names(header: str) -> dict[str, set[str]]:
    """The full names a header gives, by lower-case surname (read once per transcript).

    >>> _header_names("Press Briefing by Press Secretary Karine Jean-Pierre")["jean-pierre"]
    {'Karine Jean-Pierre'}
    >>> "blinken" in _header_names("Remarks by Secretary Blinken")
    False
    """
    names: dict[str, set[str]] = {}
    for run in _CAPITALISED_RUN.finditer(header):
        words = run.group().split()
        for j in range(1, len(words)):
            surname = re.sub(r"(?:['’]s)?[.,]?$", "", words[j])
            given: list[str] = []
            for word in reversed(words[max(0, j - 3) : j]):
                plain = word.lower().strip(".")
                if plain in _ROLE_HEADS or plain in _NOT_GIVEN or not _GIVEN.fullmatch(word):
                    break
                given.insert(0, word)
            if given and len(surname) > 1:
                names.setdefault(surname.lower(), set()).add(" ".join([*given, surname]))
    return names


_GIVEN = re.compile(r"[A-Z][a-z][\w'’\-]*|[A-Z]\.")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’\-]*\.?(?:[ \t]+[A-Z][\w'’\-]*\.?)*")


def _role_holder_in(header: str, label: str) -> str | None:
    """Who holds a role label's role, when the header says so once.

    >>> _role_holder_in("Remarks by President Biden and Prime Minister Kishida", "The President")
    'President Biden'
    >>> _role_holder_in("Remarks by Vice President Harris", "The President") is None
    True

    A title-case run too long to be a name is not taken: in "Remarks by President Biden
    Before Marine One Departure" the name's end cannot be told, so ``None``.
    """
    role = " ".join(w for w in label.split() if w.lower() != "the")
    if not role:
        return None
    found: set[str] = set()
    pattern = re.compile(
        r"(?<!Vice )(?<!Deputy )(?<!Acting )\b"
        + re.escape(role)
        + r"[ \t]+((?:[A-Z][\w'’\-]*\.?)(?:[ \t]+[A-Z][\w'’\-]*\.?)*)"
    )
    for m in pattern.finditer(header):
        run = m.group(1).split()
        if len(run) <= 3:
            found.add(f"{role} {' '.join(run)}")
    return found.pop() if len(found) == 1 else None


def _witnesses(text: str) -> list[tuple[int, str]]:
    """Where each witness of a court transcript is sworn in, and the witness's name.

    >>> _witnesses("JANE ROE, having been first duly sworn, testified as follows:")
    [(10, 'Jane Roe')]

    No oath, no witness: ``_witnesses("JANE ROE, the editor, wrote as follows:")`` is ``[]``.
    """
    found: list[tuple[int, str]] = []
    for m in _SWORN.finditer(text):
        window = text[max(0, m.start() - 150) : m.start()]
        names = list(_WITNESS_NAME.finditer(window))
        if names:
            name = display_name(names[-1].group("name"))
            if not found or found[-1][1] != name:
                found.append((m.start(), name))
    return found


def _latest(marks: Sequence[tuple[int, str]], at: int) -> str | None:
    """The name of the last mark at or before ``at`` (marks in text order)."""
    i = bisect_right(marks, (at, "\U0010ffff")) - 1
    return marks[i][1] if i >= 0 else None


def _interviewee(header: str) -> str | None:
    m = _INTERVIEWEE.search(header)
    return clean_label(m.group(1)) if m else None


def _speech_segments(text: str, start: int, end: int, label_indent: int) -> list[Span]:
    """``[start, end)`` minus what is nobody's speech, as trimmed spans."""
    cuts: list[tuple[int, int]] = []
    record_style = 1 <= label_indent <= 2  # labels indented like the Congressional Record
    pos = start
    first = True
    in_clerk = False
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:line_end]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if not first and stripped:
            if indent >= 5 and label_indent < 5:
                cuts.append((pos, line_end))
                in_clerk = False
            elif _STAGE.fullmatch(stripped):
                cuts.append((pos, line_end))
            elif record_style and 1 <= indent <= 2:
                in_clerk = bool(_CLERK.match(stripped))
                if in_clerk:
                    cuts.append((pos, line_end))
            elif record_style and indent == 0 and in_clerk:
                cuts.append((pos, line_end))
        first = False
        pos = line_end + 1
    spans: list[Span] = []
    cursor = start
    for a, b in [*cuts, (end, end)]:
        seg_start, seg_end = cursor, a
        while seg_start < seg_end and text[seg_start].isspace():
            seg_start += 1
        while seg_end > seg_start and text[seg_end - 1].isspace():
            seg_end -= 1
        if seg_end > seg_start:
            spans.append(Span(seg_start, seg_end))
        cursor = max(cursor, b)
    return spans


def canonical_names(labels: Sequence[str]) -> dict[str, str]:
    """One display name per person for every label of a transcript.

    Labels of one person (same surname, compatible given names, one contained in the other
    or a near spelling) map to the person's most frequent label that gives a given name:

    >>> names = canonical_names(["Vladimir Putin", "President of Russia Vladimir Putin",
    ...                          "Vladimir Putin", "Fyodor Lukyanov", "Fyodor Lukyanov",
    ...                          "Fydor Lukyanov"])
    >>> names["President of Russia Vladimir Putin"], names["Fydor Lukyanov"]
    ('Vladimir Putin', 'Fyodor Lukyanov')

    >>> canonical_names(["BLITZER", "WOLF BLITZER", "BLITZER"])["BLITZER"]
    'Wolf Blitzer'

    Two people who share a surname stay apart: ``Michelle Smith`` never becomes ``Colby Smith``,
    and a bare ``Smith`` between them stays ``Smith``:

    >>> canonical_names(["Smith", "Smith", "Michelle Smith", "Colby Smith"])["Smith"]
    'Smith'
    """
    from factcheck.match.speakers import name_parts, same_person

    counts = Counter(display_name(lab) for lab in labels)
    generic = {c for c in counts if c.lower() in _GENERIC}
    canon: list[str] = []
    by_surname: dict[str, list[str]] = {}
    mapping: dict[str, str] = {}
    for name, _n in sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]))):
        if name in generic:
            mapping[name] = _GENERIC[name.lower()]
            continue
        surname = name_parts(name).surname
        # Every pair is compared in a transcript's few dozen speakers; past a few hundred
        # (hostile or odd input) only names with the same surname are, so the work stays
        # linear in practice rather than quadratic.
        others = canon if len(canon) <= _COMPARE_ALL else by_surname.get(surname, [])
        for other in others:
            if same_person(name, other):
                mapping[name] = other
                break
        else:
            canon.append(name)
            by_surname.setdefault(surname, []).append(name)
            mapping[name] = name
    # "BLITZER" is most frequent, but "Wolf Blitzer" says who it is: a group is named by its
    # most frequent member with a given name, if all such members can be one person.
    members: dict[str, list[str]] = {}
    for name, anchor in mapping.items():
        if name not in generic:
            members.setdefault(anchor, []).append(name)
    for anchor, group in members.items():
        given = [n for n in group if name_parts(n).given]
        if not given or name_parts(anchor).given:
            continue
        best = max(given, key=lambda n: counts[n])
        if all(same_person(best, n) for n in given):
            for n in group:
                mapping[n] = best
    return {lab: mapping[display_name(lab)] for lab in labels}


_COMPARE_ALL = 300


@lru_cache(maxsize=8192)
def display_name(label: str) -> str:
    """A label without the titles in front of a full name.

    >>> display_name("President of Russia Vladimir Putin")
    'Vladimir Putin'
    >>> display_name("Research Director, moderator Olga Smirnova")
    'Olga Smirnova'

    A title before a surname alone stays, as the transcript names the person that way:
    ``display_name("Mr. McCONNELL")`` is ``"Mr. McConnell"``, not ``"McConnell"``.
    """
    from factcheck.match.speakers import ROLE_WORDS

    name = clean_label(label)
    segments = [s.strip() for s in name.split(",") if s.strip()]
    for segment in reversed(segments):
        words = segment.split()
        plain = [re.sub(r"[^\w'’\-]", "", w).lower() for w in words]
        if not any(p and p not in ROLE_WORDS for p in plain):
            continue
        # Drop leading role words (and "of <place>" after them) when a full name remains.
        i = 0
        while i < len(words) and (plain[i] in ROLE_WORDS or not plain[i]):
            i += 2 if plain[i] == "of" and i + 1 < len(words) else 1
        rest = words[i:]
        if len(rest) >= 2 and all(w[:1].isupper() for w in rest):
            return " ".join(rest)
        return segment if len(segments) > 1 else name
    return name
