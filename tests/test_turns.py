"""Speaker turns in transcripts of every common form (texts written for these tests)."""

from __future__ import annotations

from factcheck.documents.html import read_html
from factcheck.documents.transcripts import find_turns
from factcheck.model import Turn

FED = """Transcript of Chair Lindqvist’s Press Conference
March 4, 2031

CHAIR LINDQVIST. Good afternoon. We held rates steady today.

ANNA BERG. Thanks. Tom.

TOM O’HARA. Chair Lindqvist, what about (Laughter.) the labor market?

CHAIR LINDQVIST. It remains solid.
"""

RECORD = """<html><body><pre>
                         SMALL FARMS ACT

  Mr. HALVORSEN. Mr. President, I rise today to speak about farms.
Family farms are the backbone of our state.
  I yield the floor.
  The PRESIDING OFFICER. The Senator from Idaho.
  Mrs. OKAFOR of Idaho. Mr. President, I ask that a letter be printed.
  There being no objection, the material was ordered to be printed in
the Record, as follows:

       Dear Senator, we farmers oppose every new fee.

  Mrs. OKAFOR of Idaho. That letter speaks for itself.
  The amendment (No. 12) was agreed to.
</pre></body></html>"""

KREMLIN = """<html><body><p>The meeting took place in the Kremlin.</p>
<p><b>President of Russia Ivan Petrov:</b> Good afternoon, colleagues.</p>
<p>We have much to discuss.</p>
<p><b>Research Director, moderator Olga Smirnova</b>: Thank you, Mr President.</p>
<p><b>Ivan</b> <b>Petrov</b>: Please go ahead.</p>
<p><strong>Olga Smirnova </strong><i>(retranslated)</i><strong>:</strong> My question is short.</p>
<p><b>Question:</b> And mine is long.</p>
<p>(Applause.)</p>
<p><b>Ivan Petrov:</b> Then be brief.</p></body></html>"""


def speakers(turns: list[Turn]) -> list[str | None]:
    return [t.speaker for t in turns]


def test_federal_reserve_capitals_and_period() -> None:
    turns = find_turns(FED)
    assert speakers(turns) == [
        "Chair Lindqvist",
        "Anna Berg",
        "Tom O’Hara",
        "Chair Lindqvist",
    ]
    assert (
        FED[turns[0].span.start : turns[0].span.end]
        == "Good afternoon. We held rates steady today."
    )
    assert turns[0].label == "CHAIR LINDQVIST"


def test_congressional_record_turns_skip_quoted_material_and_clerk_lines() -> None:
    view = read_html(RECORD)
    turns = find_turns(view.text, bold_spans=view.bold)
    names = speakers(turns)
    assert names[0] == "Mr. Halvorsen"
    assert "The Presiding Officer" in names
    assert "Mrs. Okafor of Idaho" in names
    spoken = " ".join(view.text[t.span.start : t.span.end] for t in turns)
    assert "I yield the floor." in spoken  # a new paragraph of the same speech
    assert "we farmers oppose" not in spoken  # a letter read into the Record
    assert "There being no objection" not in spoken  # the reporter's line
    assert "was agreed to" not in spoken


def test_kremlin_bold_labels_titles_split_tags_and_notes() -> None:
    view = read_html(KREMLIN)
    turns = find_turns(view.text, bold_spans=view.bold)
    assert speakers(turns) == [
        "Ivan Petrov",
        "Olga Smirnova",
        "Ivan Petrov",
        "Olga Smirnova",
        "Question",
        "Ivan Petrov",
    ]
    first = view.text[turns[0].span.start : turns[0].span.end]
    assert first.startswith("Good afternoon") and "We have much to discuss." in first
    assert "(Applause.)" not in " ".join(view.text[t.span.start : t.span.end] for t in turns)


def test_colon_labels_and_interviewee_answers() -> None:
    text = (
        "Interview with Maria Lopez, mayor of Springfield\n\n"
        "Q: How is the budget?\n\nA: It is balanced.\n\nQ: Taxes?\n\nA: No new taxes.\n"
    )
    assert speakers(find_turns(text)) == ["Question", "Maria Lopez", "Question", "Maria Lopez"]
    chat = "JOHN SMITH: We won.\nJANE DOE: Not yet.\nJOHN SMITH: Soon, then.\n"
    assert speakers(find_turns(chat)) == ["John Smith", "Jane Doe", "John Smith"]


def test_ordinary_prose_has_no_turns() -> None:
    assert find_turns("Note: the meeting is at noon.\n\nPrices rose. OK. We left.") == []
    assert find_turns("") == []


def test_spans_index_the_text_and_do_not_overlap() -> None:
    turns = find_turns(FED)
    ends = 0
    for turn in turns:
        assert ends <= turn.span.start < turn.span.end <= len(FED)
        ends = turn.span.end


def test_capitals_with_honorific_in_capitals_and_numbered_speakers() -> None:
    record = "MR. SMITH. We object.\n\nMS. JONES. We do not.\n\nMR. SMITH. Noted.\n"
    assert speakers(find_turns(record)) == ["Mr. Smith", "Ms. Jones", "Mr. Smith"]
    numbered = "Speaker 1: Hello there.\nSpeaker 2: Hi.\nSpeaker 1: Bye.\n"
    assert speakers(find_turns(numbered)) == ["Speaker 1", "Speaker 2", "Speaker 1"]


def test_time_stamps_around_labels() -> None:
    text = (
        "Jane Roe (00:01:02): We are open.\n\n"
        "[00:01:09] Tom Poe: Since when?\n\n"
        "Jane Roe (00:01:15): Since today.\n"
    )
    turns = find_turns(text)
    assert speakers(turns) == ["Jane Roe", "Tom Poe", "Jane Roe"]
    assert text[turns[1].span.start : turns[1].span.end] == "Since when?"


def test_a_statement_page_with_one_bold_label_is_one_turn() -> None:
    page = (
        "<html><body><nav>Home | News</nav><p><b>Mayor Ana Ruiz:</b> The bridge will reopen.</p>"
        "<p>Thank you.</p></body></html>"
    )
    view = read_html(page)
    turns = find_turns(view.text, bold_spans=view.bold)
    assert speakers(turns) == ["Ana Ruiz"]
    assert view.text[turns[0].span.start : turns[0].span.end].startswith("The bridge will reopen.")
    heading = read_html("<p><b>Note:</b> prices rose.</p>")
    assert find_turns(heading.text, bold_spans=heading.bold) == []


def test_a_senators_paragraph_about_a_bill_is_not_a_clerk_line() -> None:
    record = (
        "<pre>\n  Mr. HALVORSEN. Mr. President, I support this bill.\n"
        "  The Foreign Operations bill provides $120 million for schools.\n"
        "  The amendment I am offering today adds $5 million.\n"
        "  The amendment (No. 12) was agreed to.\n"
        "  Mr. BRANDT. I thank the Senator.\n</pre>"
    )
    view = read_html(record)
    turns = find_turns(view.text, bold_spans=view.bold)
    spoken = " ".join(
        view.text[t.span.start : t.span.end] for t in turns if t.speaker == "Mr. Halvorsen"
    )
    assert "provides $120 million" in spoken and "adds $5 million" in spoken
    assert "was agreed to" not in spoken
