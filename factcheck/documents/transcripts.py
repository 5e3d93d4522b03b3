"""Speaker turns in transcripts: who speaks each passage of a source.

A turn starts at a speaker label at the start of a paragraph (or line) and runs until the
next label. The forms recognised:

* bold labels from HTML: ``<p><b>Vladimir Putin:</b> …``, ``<p><strong>Name</strong>: …``,
  also split over two bold tags (``<b>Vladimir</b> <b>Putin</b>:``);
* capitals and a period: ``CHAIR POWELL. …``, ``MICHELLE SMITH. …``, ``  Mr. McCONNELL. …``,
  ``Mr. NELSON of Nebraska.``, ``The PRESIDING OFFICER.`` (Federal Reserve, Congressional
  Record);
* a name and a colon: ``NAME: …``, ``Jane Doe: …``, ``Q: …`` / ``A: …``, ``QUESTION: …``.

Inside a turn some text is nobody's speech and is cut out of it: stage directions on their
own (``(Applause.)``), text indented five or more spaces under a label indented by at most
two (quoted bills and letters in the Congressional Record), and the Record's clerk lines
(``The amendment (No. 1293) was agreed to.``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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
# A name before a colon: capitalised words and the small words of names.
_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|\d{1,3}|of|de|da|del|der|van|von|la|le|al|bin|ibn|and)"
# Time stamps that transcription services put before or after a label.
_STAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?"
_COLON_LABEL = re.compile(
    rf"(?:\[?{_STAMP}\]?[ \t]+)?"
    rf"(?P<label>[A-Z][\w'’.\-]*(?:[ \t]{_NAME_WORD}){{0,5}})"
    r"(?:[ \t]*\((?:retranslated|via interpreter|through (?:an )?interpreter|translated)\))?"
    rf"(?:[ \t]*[\[(]{_STAMP}[\])])?"
    r"[ \t]*:(?=\s)"
)
_PARTICLES = frozenset({"of", "de", "da", "del", "der", "van", "von", "la", "le", "al", "bin"})
# Words that look like labels but head ordinary lines.
_NOT_LABELS = frozenset(
    _words(
        """note source sources update updated subject date time title from to cc re tags photo
    credit warning example summary transcript location posted editor copyright tel email
    address phone url link see also section sec amendment chapter part article no ok yes so
    well and but the i table figure step http https"""
    )
)  # fmt: skip
_GENERIC = {"q": "Question", "question": "Question", "remark": "Remark", "reply": "Reply",
            "answer": "Answer", "a": "Answer", "voice": "Voice",
            "audience": "Audience"}  # fmt: skip
_AFTER_BOLD = re.compile(r"[ \t\xa0]*(?:\([^()\n]{1,40}\)[ \t\xa0]*)?:")
_STAGE = re.compile(r"\([^()\n]{1,80}\)")
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
        if raw.rstrip(" \t\xa0\n").endswith(":"):
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
    """Labels at the start of a line: ``NAME.`` in capitals or ``Name:``."""
    found: list[_Label] = []
    for line_start in line_starts(text):
        stripped = len(text) - line_start
        indent = 0
        while indent < 3 and line_start + indent < len(text) and text[line_start + indent] == " ":
            indent += 1
        pos = line_start + indent
        if pos >= len(text) or text[pos] in " \n" or stripped == 0:
            continue
        for pattern in (_PERIOD_LABEL, _COLON_LABEL):
            m = pattern.match(text, pos)
            if not m:
                continue
            label = m.group("label")
            words = label.lower().replace(".", " ").split()
            if not words or (words[0] in _NOT_LABELS and len(words) == 1):
                continue
            if pattern is _COLON_LABEL and _looks_like_sentence(label):
                continue
            body = m.end()
            while body < len(text) and text[body] in " \t":
                body += 1
            kind = "period" if pattern is _PERIOD_LABEL else "colon"
            found.append(_Label(pos, body, label, indent, kind, m.end("label")))
            break
    if not found:
        return []
    # One transcript, one label style: "NAME." labels make "Truman:" rows of a table plain
    # text, and when most labels are indented (Congressional Record) unindented ones are not.
    periods = [f for f in found if not f.text.endswith(":") and f.kind == "period"]
    colons = [f for f in found if f.kind == "colon"]
    found = periods if len(periods) >= len(colons) else colons
    indented = sum(1 for f in found if f.indent > 0)
    if indented * 2 > len(found):
        found = [f for f in found if f.indent > 0]
    if not found:
        return []
    # A lone candidate is more likely an ordinary line ("Warning: ...") than a transcript;
    # in a transcript most labels recur, and there are several of them.
    counts = Counter(clean_label(f.text).lower() for f in found)
    if len(found) < 2:
        return []
    if found[0].kind == "colon" and len(counts) == len(found) and len(found) < 3:
        return []
    return found


def _names_someone(label: str) -> bool:
    """A lone bold label that reads as a name or title, not a heading or a note.

    >>> _names_someone("Volodymyr Zelenskyy"), _names_someone("Note")
    (True, False)
    """
    words = clean_label(label).split()
    if not words or len(words) > 8 or words[0].lower() in _NOT_LABELS:
        return False
    return all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)


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
    if not labels:
        return []
    names = canonical_names([lab.text for lab in labels])
    interviewee = _interviewee(text[: labels[0].start])
    turns: list[Turn] = []
    for i, lab in enumerate(labels):
        end = labels[i + 1].start if i + 1 < len(labels) else len(text)
        speaker = names[lab.text]
        generic = _GENERIC.get(clean_label(lab.text).lower())
        if generic == "Answer" and interviewee:
            speaker = interviewee
        label_span = Span(
            lab.start, lab.label_end if lab.label_end >= 0 else lab.start + len(lab.text)
        )
        for seg in _speech_segments(text, lab.body, end, lab.indent):
            turns.append(Turn(speaker, seg, label=lab.text, label_span=label_span))
    return turns


def _interviewee(header: str) -> str | None:
    m = _INTERVIEWEE.search(header)
    return clean_label(m.group(1)) if m else None


def _speech_segments(text: str, start: int, end: int, label_indent: int) -> list[Span]:
    """``[start, end)`` minus what is nobody's speech, as trimmed spans."""
    cuts: list[tuple[int, int]] = []
    record_style = label_indent >= 1  # labels indented like the Congressional Record
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
    or a near spelling) map to the person's most frequent label:

    >>> names = canonical_names(["Vladimir Putin", "President of Russia Vladimir Putin",
    ...                          "Vladimir Putin", "Fyodor Lukyanov", "Fyodor Lukyanov",
    ...                          "Fydor Lukyanov"])
    >>> names["President of Russia Vladimir Putin"], names["Fydor Lukyanov"]
    ('Vladimir Putin', 'Fyodor Lukyanov')

    Two people who share a surname stay apart: ``Michelle Smith`` never becomes ``Colby Smith``.
    """
    from factcheck.match.speakers import same_person

    counts = Counter(display_name(lab) for lab in labels)
    generic = {c for c in counts if c.lower() in _GENERIC}
    canon: list[str] = []
    mapping: dict[str, str] = {}
    for name, _n in sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]))):
        if name in generic:
            mapping[name] = _GENERIC[name.lower()]
            continue
        for other in canon:
            if same_person(name, other):
                mapping[name] = other
                break
        else:
            canon.append(name)
            mapping[name] = name
    return {lab: mapping[display_name(lab)] for lab in labels}


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
