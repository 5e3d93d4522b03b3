"""Speaker turns in the public transcript styles founders will meet: briefings, Hansard,
podcast and interview services, TV captions, courts; and texts that must give no turns.

Every transcript here is invented test text (made-up names and words), written in the
layout of the style it stands for.
"""

from __future__ import annotations

from factcheck.documents.html import read_html
from factcheck.documents.transcripts import find_turns
from factcheck.model import Turn


def speakers(turns: list[Turn]) -> list[str | None]:
    return [t.speaker for t in turns]


def said(text: str, turns: list[Turn]) -> list[str]:
    return [text[t.span.start : t.span.end] for t in turns]


WHITE_HOUSE = """THE WHITE HOUSE
Office of the Press Secretary

Press Briefing by Press Secretary Odile Marchand-Pryce
Briefing Room

1:04 P.M. EDT

MS. MARCHAND-PRYCE:  Good afternoon, everyone. The zorblat plan starts today.

Q  Thank you, Odile. Does the zorblat plan cover snibbets?

MS. MARCHAND-PRYCE:  It covers every snibbet. [Laughter.] Every single one.

[Laughter.]

Q:  A follow-up on the quibbet fund?

MS. MARCHAND-PRYCE:  The quibbet fund is fully glorped.

Q.  And the flarn talks?

(Cross-talk.)

MS. MARCHAND-PRYCE:  One at a time, please. The flarn talks go on.

END  1:52 P.M. EDT
"""


def test_white_house_briefing_q_lines_and_the_official_named_in_the_header() -> None:
    turns = find_turns(WHITE_HOUSE)
    assert speakers(turns) == [
        "Odile Marchand-Pryce",
        "Question",
        "Odile Marchand-Pryce",
        "Question",
        "Odile Marchand-Pryce",
        "Question",
        "Odile Marchand-Pryce",
    ]
    spoken = said(WHITE_HOUSE, turns)
    assert spoken[1] == "Thank you, Odile. Does the zorblat plan cover snibbets?"
    # An inline stage direction stays (the matcher skips it); one on its own line is cut.
    assert spoken[2] == "It covers every snibbet. [Laughter.] Every single one."
    assert spoken[5] == "And the flarn talks?"
    assert spoken[6] == "One at a time, please. The flarn talks go on."
    assert turns[0].label == "MS. MARCHAND-PRYCE"


STATE_DEPARTMENT = """Department Press Briefing
Tobias Wren, Department Spokesperson
Secretary of State Imogen R. Hale

MR WREN: Good afternoon. The Secretary will join us first.

SECRETARY HALE: Thanks, Tobias. The glimmer accord is signed.

QUESTION: Madam Secretary, when does the accord begin?

SECRETARY HALE: On the first of Quintember.

MR WREN: Next question.

QUESTION: Tobias, on the flarn talks?

MR WREN: They continue.
"""


def test_state_department_briefing_surnames_take_the_headers_full_names() -> None:
    turns = find_turns(STATE_DEPARTMENT)
    assert speakers(turns) == [
        "Tobias Wren",
        "Imogen R. Hale",
        "Question",
        "Imogen R. Hale",
        "Tobias Wren",
        "Question",
        "Tobias Wren",
    ]


REMARKS = """Remarks by President Ardent and Prime Minister Vell of Zembla in Joint Press Conference

East Room

THE PRESIDENT: Welcome, Prime Minister. Zembla and we share the quorb.

PRIME MINISTER VELL: Thank you, Mr. President. The quorb is strong.

THE PRESIDENT: We will take two questions.

Q Mr. President, will the quorb hold?

THE PRESIDENT: It will hold.
"""


def test_remarks_role_labels_take_the_role_holder_named_in_the_header() -> None:
    turns = find_turns(REMARKS)
    assert speakers(turns) == [
        "President Ardent",
        "Prime Minister Vell",
        "President Ardent",
        "Question",
        "President Ardent",
    ]


def test_a_role_label_stays_a_role_when_the_header_does_not_name_one_holder() -> None:
    text = REMARKS.replace("Remarks by President Ardent and", "Remarks by")
    assert speakers(find_turns(text))[0] == "The President"


HANSARD = """Prime Minister
The Prime Minister was asked—
Engagements

Zara Quint (Puddleby East) (Lab): If he will list his official engagements for Quintember 3.

The Prime Minister (Edmund Farrow): This morning I had meetings about the glimmerstone plan.

Zara Quint: The glimmerstone plan has helped Puddleby. Will he extend it?

The Prime Minister: I will.

Mr Speaker: I call the Leader of the Opposition.

Priya O'Holt (Wexmoor and Dunley) (Con): The glimmerstone plan has failed. Will he admit it?

Hon. Members: Hear, hear!

The Prime Minister: No. The plan is working.
"""


def test_hansard_minister_in_parentheses_members_with_constituency_and_party() -> None:
    turns = find_turns(HANSARD)
    assert speakers(turns) == [
        "Zara Quint",
        "Edmund Farrow",
        "Zara Quint",
        "Edmund Farrow",
        "Mr Speaker",
        "Priya O'Holt",
        "Hon. Members",
        "Edmund Farrow",
    ]
    assert said(HANSARD, turns)[1].startswith("This morning I had meetings")


REV = """Glimmer Talk, episode 12

Speaker 1 (00:00:02):
Welcome to Glimmer Talk. Today, snibbets.

Speaker 2 (00:00:09):
Thanks for having me. Snibbets are underrated.

Speaker 1 (00:01:23):
Tell us why.
"""

OTTER = """Glimmer Talk 12.txt

Dana Quill  0:02
Welcome back. Today we talk about the zorblat.

Marco Fenn  0:09
Glad to be here. The zorblat is
older than people think.

Dana Quill  1:15
How old?
"""

DESCRIPT = """[00:00:02] Dana Quill: Welcome back.
[00:00:09] Marco Fenn: Glad to be here.
[00:01:15] Dana Quill: How old is the zorblat?
"""


def test_hansard_long_ministerial_titles_peers_and_deputy_speakers() -> None:
    text = (
        "Madam Deputy Speaker (Ms Nusrat Ahmed): Order.\n\n"
        "The Secretary of State for Health and Social Care (Ann Vell): The plan works.\n\n"
        "Lord Quint of Puddleby (Lab): Will the Minister give way?\n\n"
        "The Secretary of State for Health and Social Care: Once more, the plan works.\n\n"
        "Lord Quint of Puddleby: Thank you.\n\n"
        "Madam Deputy Speaker: Order.\n"
    )
    assert speakers(find_turns(text)) == [
        "Nusrat Ahmed",
        "Ann Vell",
        "Lord Quint of Puddleby",
        "Ann Vell",
        "Lord Quint of Puddleby",
        "Nusrat Ahmed",
    ]


def test_podcast_services_time_stamps_before_after_and_on_their_own_line() -> None:
    rev = find_turns(REV)
    assert speakers(rev) == ["Speaker 1", "Speaker 2", "Speaker 1"]
    assert said(REV, rev)[0] == "Welcome to Glimmer Talk. Today, snibbets."
    otter = find_turns(OTTER)
    assert speakers(otter) == ["Dana Quill", "Marco Fenn", "Dana Quill"]
    # The speech is on the lines after the name, and runs over line breaks.
    assert said(OTTER, otter)[1] == "Glad to be here. The zorblat is\nolder than people think."
    descript = find_turns(DESCRIPT)
    assert speakers(descript) == ["Dana Quill", "Marco Fenn", "Dana Quill"]
    assert said(DESCRIPT, descript)[2] == "How old is the zorblat?"


def test_all_capitals_names_with_apostrophes_hyphens_and_mc_are_tamed() -> None:
    text = (
        "DANA O'BRIEN: Good morning, it is snibbet day.\n\n"
        "SABRI MARSHALL-GENZER: Snibbets up two percent.\n\n"
        "SEAN MCTAVISH: And the quorb?\n\n"
        "DANA O'BRIEN: Flat.\n\n"
        "SABRI MARSHALL-GENZER: Flat as a flarn.\n"
    )
    assert speakers(find_turns(text)) == [
        "Dana O'Brien",
        "Sabri Marshall-Genzer",
        "Sean McTavish",
        "Dana O'Brien",
        "Sabri Marshall-Genzer",
    ]


def test_tv_captions_mark_speakers_with_chevrons() -> None:
    text = (
        ">> DANA QUILL: Good evening. Tonight, the glimmer vote.\n"
        ">> PAT LEE: Thanks, Dana. Turnout is high.\n"
        ">> DANA QUILL: How high?\n"
        ">> PAT LEE: Record high.\n"
    )
    turns = find_turns(text)
    assert speakers(turns) == ["Dana Quill", "Pat Lee", "Dana Quill", "Pat Lee"]
    assert said(text, turns)[1] == "Thanks, Dana. Turnout is high."


def test_a_bare_caption_chevron_is_a_new_unnamed_speaker_not_the_one_before() -> None:
    text = (
        ">> DANA QUILL: Good evening. Tonight, the glimmer vote.\n"
        ">> PAT LEE: Thanks, Dana. Turnout is high.\n"
        ">> I voted twice, actually.\n"
        ">> DANA QUILL: How high?\n"
        ">> PAT LEE: Record high.\n"
    )
    turns = find_turns(text)
    assert speakers(turns) == ["Dana Quill", "Pat Lee", None, "Dana Quill", "Pat Lee"]
    assert said(text, turns)[1] == "Thanks, Dana. Turnout is high."
    assert said(text, turns)[2] == "I voted twice, actually."


def test_interviewer_and_interviewee_roles() -> None:
    text = (
        "Oral history interview with Rosa Delgado-Finch, glimmer weaver\n\n"
        "INTERVIEWER: When did you start weaving?\n\n"
        "INTERVIEWEE: In the year of the great flarn.\n\n"
        "INTERVIEWER: And why?\n\n"
        "INTERVIEWEE: My mother wove.\n"
    )
    assert speakers(find_turns(text)) == [
        "Interviewer",
        "Rosa Delgado-Finch",
        "Interviewer",
        "Rosa Delgado-Finch",
    ]
    unnamed = text.split("\n\n", 1)[1]
    assert speakers(find_turns(unnamed))[1] == "Interviewee"


COURT = """UNITED STATES DISTRICT COURT
FOR THE DISTRICT OF ZEMBLA

                    DIRECT EXAMINATION

MARTA VOSS,
called as a witness by the Plaintiff, having been first duly sworn, testified as follows:

BY MR. KELLAN:
Q. Ms. Voss, where were you on the night of the glimmer festival?
A. At home, reading.
MR. DRAY: Objection, Your Honor.
THE COURT: Overruled.
THE WITNESS: May I answer again?
THE COURT: You may.
A. I was at home all night.

                    CROSS-EXAMINATION

BY MR. DRAY:
Q. You were not at the festival?
A. No.
"""


def test_court_transcript_questions_by_counsel_answers_by_the_sworn_witness() -> None:
    turns = find_turns(COURT)
    assert speakers(turns) == [
        "Mr. Kellan",
        "Marta Voss",
        "Mr. Dray",
        "The Court",
        "Marta Voss",
        "The Court",
        "Marta Voss",
        "Mr. Dray",
        "Marta Voss",
    ]
    spoken = said(COURT, turns)
    assert spoken[0] == "Ms. Voss, where were you on the night of the glimmer festival?"
    assert not any("BY MR." in s for s in spoken)  # the examiner's line is not speech


def test_a_deposition_without_a_witness_name_answers_as_the_witness() -> None:
    text = "BY MS. ORR:\nQ. State your trade.\nA. Flarn polisher.\nQ. For how long?\nA. Years.\n"
    assert speakers(find_turns(text)) == [
        "Ms. Orr",
        "The Witness",
        "Ms. Orr",
        "The Witness",
    ]


PRESS_RELEASE = """FOR IMMEDIATE RELEASE

Media Contact: Lena Brook, 555-0100
Investor Contact: Tom Hask, 555-0101

Zorblat Widgets Reports Record Quarter

SPRINGFIELD, March 3, 2031 -- Zorblat Widgets today reported record snibbet sales.

"We are thrilled with the quarter," said Lena Brook, chief executive of Zorblat Widgets.
"Snibbets are the future."

Highlights:
1. Sales rose 12 percent.
2. Flarn costs fell.

About Zorblat Widgets: Zorblat Widgets makes snibbets and flarns.

Contact: press@zorblat.example
###
"""


def test_a_press_release_has_no_turns_even_with_a_quote_and_contacts() -> None:
    assert find_turns(PRESS_RELEASE) == []


NEWS = """Glimmer prices hit a record as flarn supply dries up

WASHINGTON: Glimmer prices rose to a record on Tuesday, traders said.

Update: This story has been updated with comment from the ministry.

Update: Prices fell back at the close.

Note: All prices are in zembla dollars.

Correction: An earlier version misstated the date.

The numbers: at 10:30 a.m., glimmer traded at 4.12; at 14:45 it reached 4.30.
Read the report at https://example.org/glimmer: it runs to 40 pages.

Three things to watch:
1. Flarn output.
2. Snibbet demand.

What it means: Prices may stay high. Why it matters: Glimmer heats homes.

Officials were blunt. Their verdict: more supply is needed.
Analysts agreed: "It is a squeeze," one said.

BACKGROUND: Glimmer has been traded since 1990.

Photo: Dana Quill
"""


def test_an_ordinary_news_article_full_of_colons_has_no_turns() -> None:
    assert find_turns(NEWS) == []


def test_a_news_article_with_headings_in_capitals_and_a_period_has_no_turns() -> None:
    text = (
        "Glimmer vote nears\n\nABSTRACT.\n\nThe vote is close.\n\n"
        "FULL TEXT.\n\nThe glimmer vote is close, polls show.\n\nLETTERS.\n\nWe want snibbets.\n"
    )
    assert find_turns(text) == []


def test_a_list_of_names_each_with_a_figure_is_a_table_not_a_transcript() -> None:
    text = "Delegates so far:\n\nAnn Vell: 1,769.\n\nBo Quint: 1,501.\n\nAnn Vell: 2,316.\n"
    assert find_turns(text) == []


def test_one_label_repeated_alone_is_not_a_conversation() -> None:
    assert find_turns("Result: a draw.\n\nResult: a win.\n\nResult: a loss.\n") == []


def test_turn_spans_never_overlap_in_any_style() -> None:
    for text in (WHITE_HOUSE, HANSARD, REV, OTTER, COURT):
        last = 0
        for turn in find_turns(text):
            assert last <= turn.span.start < turn.span.end <= len(text)
            assert (
                text[turn.span.start : turn.span.end].strip()
                == text[turn.span.start : turn.span.end]
            )
            last = turn.span.end


def test_bold_briefing_labels_in_html_are_still_read() -> None:
    page = (
        "<html><body><h1>Press Briefing by Press Secretary Odile Marchand-Pryce</h1>"
        "<p><b>MS. MARCHAND-PRYCE:</b> Good afternoon.</p>"
        "<p><b>Q</b> Thank you. About the zorblat?</p>"
        "<p><b>MS. MARCHAND-PRYCE:</b> It is fine.</p></body></html>"
    )
    view = read_html(page)
    turns = find_turns(view.text, bold_spans=view.bold)
    assert speakers(turns) == ["Odile Marchand-Pryce", "Question", "Odile Marchand-Pryce"]


def test_briefing_web_page_with_no_break_spaces_and_bold_names_but_plain_q() -> None:
    plain = read_html(
        "<h1>Press Briefing by Press Secretary Odile Marchand-Pryce</h1>"
        "<p>MS.&nbsp;MARCHAND-PRYCE:&nbsp; Good afternoon.</p>"
        "<p>Q&nbsp;&nbsp;&nbsp; Odile, about the zorblat?</p>"
        "<p>MS.&nbsp;MARCHAND-PRYCE:&nbsp; It is fine.</p>"
    )
    turns = find_turns(plain.text, bold_spans=plain.bold)
    assert speakers(turns) == ["Odile Marchand-Pryce", "Question", "Odile Marchand-Pryce"]
    assert said(plain.text, turns)[1] == "Odile, about the zorblat?"
    bold = read_html(
        "<h1>Press Briefing by Press Secretary Odile Marchand-Pryce</h1>"
        "<p><b>MS. MARCHAND-PRYCE:</b> Good afternoon.</p>"
        "<p>Q: Odile, about the zorblat?</p>"
        "<p><b>MS. MARCHAND-PRYCE:</b> It is fine.</p>"
        "<p>A new zorblat is coming, she added.</p>"
    )
    turns = find_turns(bold.text, bold_spans=bold.bold)
    assert speakers(turns) == ["Odile Marchand-Pryce", "Question", "Odile Marchand-Pryce"]
    assert said(bold.text, turns)[2].endswith("A new zorblat is coming, she added.")


CABLE_NEWS = """THE GLIMMER ROOM

WOLF BRANDT, GLN ANCHOR: Welcome to the Glimmer Room. The snibbet vote is tonight.

(BEGIN VIDEOTAPE)

SEN. JANE ROE (D-ZM): We will vote no on the snibbet bill.

(END VIDEOTAPE)

BRANDT: Senator Roe there. Dana, what do you hear?

DANA QUILL, GLN CORRESPONDENT: Wolf, the votes are not there.

BRANDT: Thank you, Dana.

QUILL: Thank you.
"""


def test_cable_news_first_labels_add_a_role_later_ones_give_the_surname() -> None:
    turns = find_turns(CABLE_NEWS)
    assert speakers(turns) == [
        "Wolf Brandt",
        "Jane Roe",
        "Wolf Brandt",
        "Dana Quill",
        "Wolf Brandt",
        "Dana Quill",
    ]
    spoken = said(CABLE_NEWS, turns)
    assert spoken[1] == "We will vote no on the snibbet bill."  # (END VIDEOTAPE) cut
    assert not any("VIDEOTAPE" in s for s in spoken)


def test_a_court_transcript_set_in_columns_with_deeply_indented_q_and_a() -> None:
    text = (
        "                         CROSS-EXAMINATION\n"
        "          BY MS. ORR:\n"
        "          Q.   You polish flarns for a living, do you\n"
        "     not?\n"
        "          A.   I do.\n"
        "               THE COURT:  Speak up, please.\n"
        "          A.   I do, Your Honor.\n"
    )
    turns = find_turns(text)
    assert speakers(turns) == ["Ms. Orr", "The Witness", "The Court", "The Witness"]
    assert said(text, turns)[0] == "You polish flarns for a living, do you\n     not?"
