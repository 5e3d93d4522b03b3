"""Each extraction rule on sentences we wrote: one that must match, one that must not."""

from __future__ import annotations

import pytest

from factcheck.claims import extract_claims
from factcheck.documents import load_document
from factcheck.model import Claim, Document


def doc_of(text: str) -> Document:
    return Document(raw=text, text=text)


def claims_of(text: str) -> list[Claim]:
    return extract_claims(doc_of(text))


def only(text: str) -> Claim:
    found = claims_of(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def speaker_name(c: Claim) -> str | None:
    return c.speaker.name if c.speaker else None


# -- direct quotes -------------------------------------------------------------------------


def test_postposed_quote() -> None:
    c = only("“The bridge will open in May,” Mayor Ana Ortiz said.")
    assert c.kind == "quote"
    assert c.text == "The bridge will open in May"
    assert c.quoted_text == "The bridge will open in May"
    assert speaker_name(c) == "Ana Ortiz" and c.cue and c.cue.text == "said"


def test_split_quote_is_one_claim_with_two_spans() -> None:
    text = '"We are ready," she said, "and we will not wait."'
    c = only("Lena Park spoke first. " + text)
    assert c.kind == "quote"
    assert len(c.content_spans) == 2
    assert c.text == "We are ready and we will not wait"
    assert speaker_name(c) == "Lena Park" and c.speaker and c.speaker.resolved_from == "pronoun"


def test_inverted_said_name() -> None:
    c = only('"Prices will fall," said Tom Reyes, a trader.')
    assert speaker_name(c) == "Tom Reyes" and c.kind == "quote"


def test_colon_and_preposed_quote() -> None:
    c = only("Governor Kim Lee said: “Schools stay open.”")
    assert c.kind == "quote" and c.text == "Schools stay open"
    assert speaker_name(c) == "Kim Lee"


def test_dash_signature() -> None:
    c = only("“Nobody reads the fine print.” — Marta Diaz")
    assert speaker_name(c) == "Marta Diaz" and c.cue is None


def test_speaker_line() -> None:
    c = only("Paula Reed: “The vote is on Friday.”")
    assert speaker_name(c) == "Paula Reed" and c.text == "The vote is on Friday"


def test_scare_quote_alone_is_no_claim() -> None:
    assert claims_of("The “workplace” issue grew over the summer.") == []


def test_quote_over_paragraphs_has_a_span_per_paragraph() -> None:
    text = "Dr. Ivo Brandt said: “The data are clear.\n\n“We act now or pay later.”\n\nRain fell."
    c = only(text)
    assert c.kind == "quote" and len(c.content_spans) == 2
    assert c.text == "The data are clear We act now or pay later"


def test_floating_quote_carries_the_previous_speaker() -> None:
    # The follow-on quote is more of the same statement: one claim, one span per sentence.
    text = "“We will rebuild,” Mayor Ana Ortiz said. “It will take years.”"
    c = only(text)
    assert speaker_name(c) == "Ana Ortiz" and c.kind == "quote"
    assert [s.slice(text) for s in c.content_spans] == ["We will rebuild", "It will take years"]


def test_floating_quote_needs_a_speaker_before() -> None:
    assert claims_of("“It will take years.” The rain kept falling.") == []


# -- partial quotes and paraphrase --------------------------------------------------------


def test_partial_quote_is_one_claim() -> None:
    c = only("Senator Rui Alves called the bill “a gift to insurers” on Monday.")
    assert c.kind == "partial_quote"
    assert c.quoted_text == "a gift to insurers"
    assert "a gift to insurers" in c.text and "“" not in c.text


def test_paraphrase_with_that() -> None:
    c = only("Finance Minister Ada Novak argued that the tax would hurt farmers.")
    assert c.kind == "paraphrase" and c.quoted_text is None
    assert c.text == "the tax would hurt farmers"
    assert speaker_name(c) == "Ada Novak" and c.cue and c.cue.text == "argued"


def test_listener_is_skipped() -> None:
    c = only("Ada Novak told reporters that the tax would go.")
    assert c.text == "the tax would go" and c.cue and c.cue.text == "told"


def test_postposed_paraphrase() -> None:
    c = only("The tax will go next year, Ada Novak said on Tuesday.")
    assert c.text == "The tax will go next year" and speaker_name(c) == "Ada Novak"


def test_parenthetical_attribution() -> None:
    c = only("The tax, Ada Novak said, will go next year.")
    assert c.text == "The tax will go next year" and len(c.content_spans) == 2


def test_participle_keeps_the_speaker() -> None:
    found = claims_of("Ada Novak defended the tax, adding that farmers would be spared.")
    added = [c for c in found if c.cue and c.cue.text == "adding"]
    assert added and speaker_name(added[0]) == "Ada Novak"
    assert added[0].text == "farmers would be spared"


def test_weak_verb_needs_a_clause() -> None:
    assert claims_of("Ada Novak found the keys on Tuesday.") == []
    c = only("Ada Novak thinks that the keys are lost.")
    assert c.text == "the keys are lost"


def test_noun_is_not_a_cue() -> None:
    assert claims_of("The report was long and the claims were many.") == []


# -- according to and vague attribution ---------------------------------------------------


def test_according_to_name() -> None:
    c = only("According to the Finance Ministry, the tax will go.")
    assert c.text == "the tax will go" and speaker_name(c) == "Finance Ministry"
    assert c.speaker and c.speaker.resolved_from == "group" and not c.vague


@pytest.mark.parametrize(
    "text",
    [
        "The tax will go, according to sources.",
        "These plans, according to statements made, must wait.",
        "It was reported that the tax will go.",
        "Sources said the tax will go.",
        "People familiar with the plan said the tax will go.",
    ],
)
def test_vague_attribution_has_no_speaker(text: str) -> None:
    c = only(text)
    assert c.vague and c.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "Ada Novak said the dam “will be finished by spring,” according to a transcript.",
        "Ada Novak said the dam would be finished by spring, according to a transcript.",
    ],
)
def test_according_to_after_reported_speech_cites_where_it_was_read(text: str) -> None:
    c = only(text)
    assert speaker_name(c) == "Ada Novak" and c.cue and c.cue.text == "said"
    assert "transcript" not in c.text


def test_according_to_without_a_speech_verb_names_the_speaker() -> None:
    c = only("The dam will be finished by spring, according to Ada Novak.")
    assert speaker_name(c) == "Ada Novak" and c.cue and c.cue.text == "according to"


def test_according_to_plan_is_not_vague() -> None:
    assert not any(c.vague for c in claims_of("Ada Novak said the work went according to plan."))


# -- speakers -----------------------------------------------------------------------------


def test_title_is_stripped_and_alias_is_shared() -> None:
    text = (
        "Finance Minister Ada Novak said the tax would go. "
        "Later, Novak said farmers would be spared. "
        "Minister Novak insisted that the budget was fair."
    )
    found = claims_of(text)
    assert [speaker_name(c) for c in found] == ["Ada Novak"] * 3
    assert [c.speaker.resolved_from for c in found if c.speaker] == ["name", "alias", "alias"]


def test_pronoun_resolves_to_last_person() -> None:
    found = claims_of("Ada Novak met Carl Berg. He said the meeting went well.")
    assert speaker_name(found[-1]) == "Carl Berg"
    assert found[-1].speaker and found[-1].speaker.text == "He"


def test_unresolvable_pronoun_has_no_name() -> None:
    c = only("She said the meeting went well.")
    assert c.speaker and c.speaker.name is None and c.speaker.resolved_from == "pronoun"


def test_group_speaker() -> None:
    c = only("Hospital officials warned that beds were running out.")
    assert speaker_name(c) == "Hospital officials" and c.speaker
    assert c.speaker.resolved_from == "group"


def test_possessive_utterance_noun() -> None:
    c = only("Novak’s letter urged calm across the region.")
    assert c.speaker and c.speaker.text == "Novak" and c.cue and c.cue.text == "urged"


def test_title_abbreviation_and_parenthesis() -> None:
    c = claims_of("“Turnout was low,” Mr. Ortiz said. Sen. Ana Ruiz (D) said the count was fair.")
    assert [speaker_name(x) for x in c] == ["Ortiz", "Ana Ruiz"]
    found = claims_of("Sen. Ana Ruiz (D) said the count was fair.")
    assert speaker_name(found[0]) == "Ana Ruiz" and found[0].text == "the count was fair"


def test_quantifier_and_poll_subjects() -> None:
    assert speaker_name(only("Most said the count was fair.")) == "Most"
    c = only("About six in 10 said they trust the count.")
    assert c.speaker and c.speaker.text == "About six in 10"


def test_coordinated_verb_takes_the_clause_subject() -> None:
    c = only("Ana Ruiz left office and says the count was fair.")
    assert speaker_name(c) == "Ana Ruiz"


def test_appositive_subject() -> None:
    c = only("Ada Novak, the finance minister, said the tax would go.")
    assert speaker_name(c) == "Ada Novak"


# -- documents with markup map back to raw offsets ----------------------------------------


def test_markdown_spans_map_to_raw(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Budget\n\nAda **Novak** said that *the tax* would go.\n", encoding="utf-8")
    doc = load_document(str(path))
    (c,) = extract_claims(doc)
    # markup between the words splits the span, so each piece is words alone
    assert [s.slice(doc.raw) for s in c.content_spans] == ["the tax", "would go"]
    assert c.text == "the tax would go" and speaker_name(c) == "Ada Novak"
    assert c.location is not None and c.location.line == 3


def test_descriptive_speaker_between_quote_and_cue() -> None:
    c = only("“We stayed up all night,” her cousin Nadia el Amin recalled.")
    assert c.speaker and c.speaker.text == "her cousin Nadia el Amin"


def test_listener_after_postposed_speaker() -> None:
    c = only("The vote was close, a county spokesman told The Ledger.")
    assert c.text == "The vote was close" and c.speaker
    assert c.speaker.text == "a county spokesman"


def test_relative_who_takes_its_antecedent() -> None:
    c = only("Turnout rose among farmers who said prices were too low.")
    assert c.speaker and c.speaker.text == "who" and c.speaker.name == "farmers"
    assert c.text == "prices were too low"
    c = only("Ana Ruiz, who chairs the board, said the count was fair.")
    assert speaker_name(c) == "Ana Ruiz"


def test_participle_after_a_quote() -> None:
    found = claims_of("“It was a mistake,” Ana Ruiz said, referring to the vote.")
    assert [c.cue.text for c in found if c.cue] == ["said", "referring to"]
    assert speaker_name(found[1]) == "Ana Ruiz"


def test_weak_verb_closes_a_quote_or_a_clause() -> None:
    c = only("“Keep out,” the sign reads.")
    assert c.kind == "quote" and c.speaker and c.speaker.text == "the sign"
    c = only("The gap is closing, new polls show.")
    assert c.text == "The gap is closing" and c.speaker and c.speaker.text == "new polls"
    assert claims_of("The new polls show up late on Sundays.") == []


def test_capitalised_cue_word_mid_sentence_is_no_cue() -> None:
    assert claims_of("He moved back to the United States in May.") == []


def test_transcript_label_turn_runs_to_paragraph_end() -> None:
    c = only("REYES: Do you think the count is fair? I do not.\n\nThe end.")
    assert c.speaker and c.speaker.text == "REYES"
    assert c.text == "Do you think the count is fair? I do not"


def test_inverted_speaker_without_a_name() -> None:
    c = only('"The roof leaked for years," said the tired old tenant, who asked not to be named.')
    assert c.speaker and c.speaker.text == "the tired old tenant"


def test_mistyped_closing_mark() -> None:
    c = only("“Rents will rise,“ said Ana Ruiz, a landlord.")
    assert c.kind == "quote" and speaker_name(c) == "Ana Ruiz" and c.text == "Rents will rise"


def test_colon_introduces_a_quote_whatever_the_verb() -> None:
    c = only("The union put it bluntly: “Nobody fixes anything.”")
    assert c.kind == "quote" and c.speaker and c.speaker.text == "The union"
    assert c.cue and c.cue.text == "put it bluntly:"
    assert claims_of("Three items: “milk”, “eggs” and bread.") == []


def test_passive_report_names_its_agent_or_nobody() -> None:
    c = only("The new tariff was criticized by Senate Democrats.")
    assert c.text == "The new tariff" and speaker_name(c) == "Senate Democrats"
    c = only("The new tariff was announced on Monday.")
    assert c.vague and c.speaker is None and c.text == "The new tariff"


def test_subject_across_an_aside() -> None:
    c = only("The audit, ordered by the council in May, also found that records were lost.")
    assert c.speaker and c.speaker.text == "The audit" and c.text == "records were lost"
    assert claims_of("The audit met resistance and the clerk found the keys.") == []


def test_quotation_dash_signature_with_apposition() -> None:
    c = only("“We need more teachers.” ― Ana Ruiz, 34, Tucson")
    assert c.kind == "quote" and speaker_name(c) == "Ana Ruiz" and c.text == "We need more teachers"
    assert claims_of("“We will win” ― and they did.") == []


def test_signature_paragraph_signs_the_quote_before() -> None:
    text = "Rain fell.\n\n“Schools must stay open all winter.”\n\n- Ana Ruiz, mayor\n"
    c = only(text)
    assert c.kind == "quote" and speaker_name(c) == "Ana Ruiz"
    assert c.text == "Schools must stay open all winter"
    assert claims_of("Rain fell.\n\nWe went home.\n\n- Ana Ruiz\n") == []


def test_poll_share_subjects() -> None:
    for text, who in [
        ("Two in three said the count was fair.", "Two in three"),
        ("Nearly half said the count was fair.", "Nearly half"),
        ("Three-fourths say the count was fair.", "Three-fourths"),
    ]:
        c = only(text)
        assert c.speaker and c.speaker.text == who and c.speaker.resolved_from == "group"


def test_subject_across_a_dash_aside() -> None:
    c = only("Ana Ruiz — long tipped as the favourite — told reporters that she would run.")
    assert speaker_name(c) == "Ana Ruiz" and c.text == "she would run"


def test_opinion_verb_after_a_person_reports_a_view() -> None:
    c = only("Ana Ruiz sees the council as her main obstacle.")
    assert c.text == "the council as her main obstacle" and speaker_name(c) == "Ana Ruiz"
    assert claims_of("The council sees heavy traffic on Mondays.") == []


def test_fronted_question_is_not_a_speaker() -> None:
    c = only("Asked whether she would run, Ana Ruiz said no.")
    assert speaker_name(c) == "Ana Ruiz" and c.text == "no"


def test_title_resolves_to_the_person_introduced_with_it() -> None:
    text = (
        "Russian President Vladimir Putin met Mayor Ana Ruiz. "
        "The Russian president said talks must wait. The mayor said she disagreed."
    )
    found = claims_of(text)
    assert [(speaker_name(c), c.speaker.resolved_from if c.speaker else None) for c in found] == [
        ("Vladimir Putin", "title"),
        ("Ana Ruiz", "title"),
    ]


def test_name_before_a_colon_and_bracketed_citation() -> None:
    c = only("The result does not surprise pollster Dana Shaw: “Early winners get a boost.”")
    assert speaker_name(c) == "Dana Shaw" and c.kind == "quote"
    c = only("“Small samples mislead.”  [Pollwatch.]")
    assert speaker_name(c) == "Pollwatch"


def test_relative_that_before_a_cue() -> None:
    c = only("Fans waved signs that said, “Vote early.”")
    assert c.speaker and c.speaker.text == "that" and c.speaker.name == "signs"
    assert claims_of("That said, the plan failed.") == []


def test_name_between_commas_and_adverbial_before_that() -> None:
    c = only("A delegate from the north, Jo Park, said she was “leaning yes.”")
    assert speaker_name(c) == "Jo Park" and c.kind == "partial_quote"
    c = only("Jo Park declared in an interview that the vote was fair.")
    assert c.text == "the vote was fair"


def test_noun_uses_and_tallies_are_not_claims() -> None:
    assert claims_of("The FBI is continuing its investigation into the emails.") == []
    assert claims_of("Several Republican states passed the law.") == []
    assert claims_of("Ana Ruiz won.\n\nRuiz: 547.\n") == []
    c = only("She continued, “I will run.”")
    assert c.kind == "quote" and c.cue and c.cue.text == "continued"


def test_subject_with_prepositional_phrases() -> None:
    c = only("Supporters of tighter rules on rents here say the market is broken.")
    assert c.speaker and c.speaker.text == "Supporters" and c.text == "the market is broken"


# -- recall rules (claims2) ------------------------------------------------------------------


def test_coordinated_cue_stops_the_first_content() -> None:
    found = claims_of("Ruiz praised the plan and warned that costs would rise.")
    assert [c.text for c in found] == ["the plan", "costs would rise"]
    assert all(speaker_name(c) == "Ruiz" for c in found)
    c = only("Ruiz said prices and wages would rise.")
    assert c.text == "prices and wages would rise"


def test_poll_frame_before_and_after() -> None:
    c = only("In a Gallup survey released Monday, the mayor's lead had vanished.")
    assert c.text == "the mayor's lead had vanished"
    assert c.speaker and c.speaker.text == "a Gallup survey released Monday"
    assert c.cue and c.cue.text == "In"
    c = only("Ruiz holds a six-point lead in the latest Marist poll.")
    assert c.text == "Ruiz holds a six-point lead"
    assert c.speaker and c.speaker.text == "the latest Marist poll"
    assert claims_of("In the city, the mayor's lead had vanished.") == []
    assert claims_of("Ruiz holds a six-point lead in the city.") == []


def test_stance_verb_with_a_bare_object() -> None:
    c = only("Most voters support deportation.")
    assert c.text == "deportation" and c.speaker and c.speaker.text == "Most voters"
    c = only("Republicans oppose raising taxes.")
    assert c.text == "raising taxes"
    assert claims_of("The economy shows growth.") == []
    assert claims_of("Voters show up late.") == []


def test_surname_that_is_also_a_word_after_a_title() -> None:
    c = only("“We are fine,” Ms. English said of the plan.")
    assert c.speaker and c.speaker.text == "Ms. English"


def test_colon_after_a_second_cue_opens_a_new_quote() -> None:
    found = claims_of("“We will win,” Ruiz said before adding: “And soon.”")
    assert [c.text for c in found] == ["We will win", "And soon"]
    assert [speaker_name(c) for c in found] == ["Ruiz", "Ruiz"]
    assert found[1].cue and found[1].cue.text == "adding"
    c = only("“We will win,” Ruiz said: “and soon.”")  # the colon right after the cue
    assert len(c.content_spans) == 2


def test_quote_after_colon_is_not_taken_by_an_earlier_clause() -> None:
    found = claims_of("After Lee said taxes rise “a lot,” Ruiz said: “That is false.”")
    assert [(c.text, speaker_name(c)) for c in found] == [
        ("taxes rise a lot", "Lee"),
        ("That is false", "Ruiz"),
    ]


def test_paragraph_ending_in_cue_and_colon_takes_the_next_quote_paragraph() -> None:
    c = only("Ruiz responded:\n\n“We will appeal. We will win.”\n\nThe court closed.")
    assert c.text == "We will appeal. We will win" and speaker_name(c) == "Ruiz"
    assert c.cue and c.cue.text == "responded"
    c = only("Ruiz responded:\n\n“We will appeal,” Lee said.")
    assert speaker_name(c) == "Lee"
    assert claims_of("Ruiz responded:\n\nThe court closed.") == []


def test_quote_then_a_new_sentence_opening_a_quote_with_a_colon() -> None:
    found = claims_of("Lee has given no details. “We are busy.” Ruiz added: “We will appeal.”")
    assert [(c.text, speaker_name(c)) for c in found][-1] == ("We will appeal", "Ruiz")


def test_quoted_show_title_before_the_speaker_is_not_the_content() -> None:
    c = only("Sunday on ABC’s “This Week,” Ruiz said the tax would fall.")
    assert c.text == "the tax would fall" and speaker_name(c) == "Ruiz"
    c = only("“We Will Win,” Ruiz said.")  # a quote opening the sentence is speech
    assert c.text == "We Will Win"
    c = only("On Fox, “we will win,” Ruiz said.")  # lower-case words: speech, not a title
    assert "we will win" in c.text


def test_but_said_and_contrasting_clause_split_the_content() -> None:
    found = claims_of("Ruiz admitted that the figure was wrong, but said the error was small.")
    assert [c.text for c in found] == ["the figure was wrong", "the error was small"]
    found = claims_of("Most Democrats said yes, but 55 percent of all voters say no.")
    assert [c.text for c in found] == ["yes", "no"]
    found = claims_of("Nearly a third say they do not know, and one in five say no.")
    assert [c.text for c in found] == ["they do not know", "no"]
    c = only("Ruiz said that prices, but not wages, will rise.")
    assert c.text == "prices, but not wages, will rise"


def test_subject_with_a_place_and_an_aside_reaches_its_cue() -> None:
    c = only("Officials in the Ohio capital, including the mayor, also argued that taxes fall.")
    assert c.text == "taxes fall" and c.speaker and c.speaker.text == "Officials"


def test_cue_after_to_takes_the_subject_of_the_verb_before() -> None:
    c = only("He went on to say, “The bridge will open in May.”")
    assert c.text == "The bridge will open in May" and c.speaker and c.speaker.text == "He"
    c = only("Ruiz was quick to add that the tax would fall.")
    assert c.text == "the tax would fall" and speaker_name(c) == "Ruiz"
    assert claims_of("It is too soon to say whether the tax will fall.") == []
    assert claims_of("The plan to say no failed.") == []


def test_another_can_be_a_whole_subject() -> None:
    c = only("Another said the tax would fall.")
    assert c.speaker and c.speaker.text == "Another"


def test_fronted_adverbial_is_not_the_content_of_a_later_cue() -> None:
    c = only("In the excerpt, the author wrote, “The bridge will open in May.”")
    assert c.text == "The bridge will open in May" and c.speaker
    assert c.speaker.text == "the author"
    c = only("In May taxes rise, Smith said.")
    assert c.text == "In May taxes rise"


def test_passive_report_with_first_before_the_participle() -> None:
    c = only("The merger was first reported by the Ledger.")
    assert c.text == "The merger" and c.speaker and c.speaker.text == "the Ledger"


def test_as_clause_attributes_the_rest_of_the_sentence() -> None:
    c = only("As Ruiz put it, the tax is a fraud.")
    assert c.text == "the tax is a fraud" and speaker_name(c) == "Ruiz"
    assert c.cue and c.cue.text == "put it"
    c = only("The tax, as Ruiz put it, is a fraud.")
    assert len(c.content_spans) == 2 and speaker_name(c) == "Ruiz"
    c = only("The tax is a fraud, as Ruiz noted in May.")
    assert c.text == "The tax is a fraud"
    assert claims_of("Ruiz put it in the bank.") == []


def test_he_said_after_a_quote_sentence_is_a_new_claim() -> None:
    found = claims_of("Lee objected: “That is false.” He said Ruiz would not go far enough.")
    assert [(c.text, c.speaker and c.speaker.text) for c in found] == [
        ("That is false", "Lee"),
        ("Ruiz would not go far enough", "He"),
    ]
    c = only("“Why?” Biden said Tuesday.")
    assert c.text == "Why?" and speaker_name(c) == "Biden"


def test_quote_inside_a_fronted_participle_phrase_is_not_the_content() -> None:
    c = only("Citing “duties at home,” the spokeswoman said Gore would stay away.")
    assert c.text == "Gore would stay away" and c.speaker
    assert c.speaker.text == "the spokeswoman"
    c = only("In May, taxes were “a fraud,” Ruiz said on Fox.")
    assert c.text.startswith("In May, taxes were") and speaker_name(c) == "Ruiz"


def test_asked_clause_is_not_the_speakers_words() -> None:
    c = only("Asked whether he would run, Lee said, “Never.”")
    assert c.text == "Never" and speaker_name(c) == "Lee"
    assert len(c.content_spans) == 1
    c = only("Taxes rise, Lee said, “always.”")
    assert len(c.content_spans) == 2


def test_quote_sentence_then_he_added_comma_quote_is_two_claims() -> None:
    found = claims_of("Lee said, “The zeal is odd.” He added, “Nothing here is normal.”")
    assert [c.text for c in found] == ["The zeal is odd", "Nothing here is normal"]


def test_inverted_speaker_ending_in_jr_with_an_apposition() -> None:
    c = only("“We must be careful,” said Sen. Robert P. Casey Jr., a party elder.")
    assert c.speaker and c.speaker.text == "Sen. Robert P. Casey Jr"


def test_view_verb_after_a_group_noun_reports_a_view() -> None:
    c = only("Most voters see the tax as a mistake.")
    assert c.text == "the tax as a mistake" and c.speaker and c.speaker.text == "Most voters"
    assert claims_of("The plan sees delays.") == []


def test_time_reflexive_and_poll_words_between_subject_and_cue() -> None:
    c = only("Sen. Ana Ruiz (D-Ohio) last week said the tax would fall.")
    assert speaker_name(c) == "Ana Ruiz"
    c = only("Ruiz herself said Tuesday that the tax would fall.")
    assert speaker_name(c) == "Ruiz"
    c = only("Some 56 percent of farmers polled said the tax would fall.")
    assert c.speaker and "farmers" in c.speaker.text


def test_new_particle_verbs_and_nouns_after_a_possessive() -> None:
    c = only("Ruiz laid out a plan to cut the tax.")
    assert c.cue and c.cue.text == "laid out" and c.text == "a plan to cut the tax"
    c = only("Ruiz went after Lee for his vote.")
    assert c.cue and c.cue.text == "went after"
    assert claims_of("Editor’s note: the tax rose in May.") == []
    c = only("He’s predicting that the tax will fall.")
    assert c.text == "the tax will fall"


def test_maintain_needs_a_clause() -> None:
    assert claims_of("Ruiz maintains a wide lead in Ohio.") == []
    c = only("Ruiz maintained that the tax would fall.")
    assert c.text == "the tax would fall"


def test_possessive_stance_noun_with_a_preposition() -> None:
    c = only("Voters cheered Ruiz’s attacks on Lee, the incumbent.")
    assert c.text == "Lee" and speaker_name(c) == "Ruiz"
    c = only("Ruiz’s criticism of the tax was harsh.")
    assert c.text == "the tax"
    assert claims_of("The criticism of the tax was harsh.") == []


def test_colon_quote_subject_after_a_fronted_phrase() -> None:
    c = only("But back home, she returned to her usual lines: “We will win.”")
    assert c.text == "We will win" and c.speaker and c.speaker.text == "she"


def test_relative_who_after_an_inverted_speaker_makes_a_second_claim() -> None:
    found = claims_of("“The plan is a fraud,” said Beck, who added that the tax would rise.")
    assert [(c.text, speaker_name(c)) for c in found] == [
        ("The plan is a fraud", "Beck"),
        ("the tax would rise", "Beck"),
    ]


def test_participle_after_a_closing_quote_and_apposition_before_a_noun_like_cue() -> None:
    found = claims_of("Lee defended “New York values,” saying the city was brave.")
    assert [(c.text, speaker_name(c)) for c in found] == [
        ("New York values", "Lee"),
        ("the city was brave", "Lee"),
    ]
    c = only("Ana Ruiz, a GOP consultant, notes that the tax would rise.")
    assert c.text == "the tax would rise" and speaker_name(c) == "Ana Ruiz"


def test_asked_not_to_be_named_is_no_claim() -> None:
    c = only("“The roof leaked,” said a tenant, who asked not to be named.")
    assert c.text == "The roof leaked"


def test_by_phrase_of_means_is_no_claim() -> None:
    assert claims_of("The council responded by abruptly closing the park.") == []
    c = only("Ruiz reacted by asserting that the tax was a fraud.")
    assert c.text == "the tax was a fraud" and speaker_name(c) == "Ruiz"
    c = only("The vote was announced by the clerk.")  # a passive keeps its "by" agent phrase
    assert c.text == "The vote"


def test_state_before_a_title_is_part_of_a_name() -> None:
    c = only("Ohio state Rep. Ana Ruiz said the tax would rise.")
    assert c.cue and c.cue.text == "said"
    assert c.speaker and c.speaker.text == "Ohio state Rep. Ana Ruiz"
    c = only("Ruiz states that the tax would rise.")
    assert c.cue and c.cue.text == "states"


def test_subject_reaches_its_cue_across_an_aside_and_a_time() -> None:
    c = only(
        "Ruiz, who has feuded with her party all week, on Friday described a plan to cut taxes."
    )
    assert speaker_name(c) == "Ruiz" and c.text == "a plan to cut taxes"


def test_quote_signed_by_an_unlisted_verb() -> None:
    c = only("“Go home now,” Mayor Ana Ortiz barked and a guard walked him out.")
    assert c.text == "Go home now" and speaker_name(c) == "Ana Ortiz"
    assert c.cue and c.cue.text == "barked"
    c = only("“Is it over?” Ortiz pressed. “Maybe not.”")
    assert c.text == "Is it over? Maybe not" and c.cue and c.cue.text == "pressed"
    assert claims_of("“Go home now,” the word, is short.") == []
    assert claims_of("“Go home.” Ortiz walked out.") == []


def test_clause_opener_is_no_subject_before_a_colon_quote() -> None:
    c = only("As if talking to the mayor, the city board was firm: “Further talk is useless.”")
    assert c.text == "Further talk is useless"
    assert c.speaker and c.speaker.text == "the city board"


def test_passive_as_clause_names_its_agent() -> None:
    c = only("As first reported by The Ledger, the tax rose in May.")
    assert c.text == "the tax rose in May" and c.speaker and c.speaker.text == "The Ledger"
    assert claims_of("As reported, the tax rose in May.") == []


def test_quote_after_a_colon_is_the_claim_of_the_cue_after_it() -> None:
    found = claims_of("Ruiz hinted that the deal was dead: “It is over,” Lee said.")
    assert [(c.text, speaker_name(c)) for c in found] == [
        ("the deal was dead", "Ruiz"),
        ("It is over", "Lee"),
    ]
    c = only("The deal, “it is over,” Lee said.")
    assert c.text.startswith("The deal") and speaker_name(c) == "Lee"


def test_paragraph_ending_in_a_colon_introduces_the_quote_paragraph() -> None:
    c = only("When the vote ended, Ruiz issued the following statement:\n\n“We won today.”")
    assert c.text == "We won today" and speaker_name(c) == "Ruiz"
    c = only("Stated Ruiz:\n\n“We won today.”")
    assert c.text == "We won today" and speaker_name(c) == "Ruiz"
    assert claims_of("Here are the results:\n\n“We won today.”") == []
    assert claims_of("Ruiz issued the following statement:\n\nWe won today.") == []


def test_quote_then_reporter_circumstance_ends_the_content() -> None:
    c = only("Ruiz said, “We’ll see,” when asked about the race.")
    assert c.text == "We’ll see" and c.kind == "quote"
    c = only("The crowd chanted “No more,” raising questions about the vote.")
    assert c.text == "No more"
    c = only("Ruiz said “the tax” would rise.")
    assert c.text.endswith("would rise")


def test_speaker_with_an_apposition_or_relative_after_a_quote() -> None:
    c = only("“We had better days,” Ohio delegate Bill Lee, wearing a cowboy hat, said flatly.")
    assert c.text == "We had better days" and speaker_name(c) == "Bill Lee"
    c = only("“We lost,” said one of two witnesses who asked not to be named.")
    assert c.speaker and c.speaker.text == "one of two witnesses"
    found = claims_of("“We lost,” he said, and the crowd, tired and wet, said nothing.")
    assert found and found[0].text == "We lost" and found[0].speaker
    assert found[0].speaker.text == "he"


def test_a_sign_that_read_a_quote() -> None:
    c = only("The clerk carried a sign that read “Vote no.”")
    assert c.text == "Vote no" and c.cue and c.cue.text == "read"
    c = only("He held up the sign — which read “Ruiz for Mayor” — and waved it.")
    assert c.text == "Ruiz for Mayor"
    assert claims_of("The clerk carried a book that read well.") == []


def test_initials_in_a_speaker_between_quote_and_cue() -> None:
    c = only("“These are dark days,” former George W. Bush aide Ana Ruiz wrote in a column.")
    assert c.text == "These are dark days" and speaker_name(c) == "Ana Ruiz"
    assert c.cue and c.cue.text == "wrote"


def test_an_adverb_between_and_and_a_second_cue() -> None:
    c = only("Col. Ana Ruiz raised the bombing and later said, “It is not just them.”")
    assert c.text == "It is not just them" and speaker_name(c) == "Ana Ruiz"
    found = claims_of("Ruiz praised the plan but quickly added that it would cost more.")
    assert [(c.text, c.cue and c.cue.text) for c in found] == [
        ("the plan", "praised"),
        ("it would cost more", "added"),
    ]
    assert claims_of("Ruiz raised the bombing and later left.") == []


def test_a_comma_after_an_utterance_noun_introduces_a_quote() -> None:
    c = only("Right after the attacks, Ruiz issued a statement, “Our city was attacked.”")
    assert c.text == "Our city was attacked" and speaker_name(c) == "Ruiz"
    assert claims_of("Right after the attacks, Ruiz left the table, “tired” and wet.") == []


def test_colon_quote_subject_reaches_across_an_aside() -> None:
    c = only("The Ruiz campaign, in a Q&A on the tax, worded it even more carefully: “No.”")
    assert c.text == "No" and c.speaker and c.speaker.text == "The Ruiz campaign"
    assert c.cue and c.cue.text == "worded it even more carefully:"


def test_adding_after_a_show_title_and_at_a_sentence_start() -> None:
    found = claims_of("“We won,” Lee said on ABC’s “This Week,” adding, “We will win again.”")
    assert [(c.text, speaker_name(c)) for c in found] == [
        ("We won", "Lee"),
        ("We will win again", "Lee"),
    ]
    found = claims_of("Lee said the audit failed. Adding, “It is worse.”")
    assert [(c.text, speaker_name(c)) for c in found] == [
        ("the audit failed", "Lee"),
        ("It is worse", "Lee"),
    ]
    assert claims_of("Adding, “It is worse.”") == []
    assert len(claims_of("Lee said the audit failed. Adding salt helps.")) == 1


def test_passive_cue_before_a_quote_claims_the_quote() -> None:
    c = only("Ruiz was asked, “Would you run again?”")
    assert c.text == "Would you run again?" and c.speaker is None and c.vague
    c = only("The vote was announced by the clerk.")
    assert c.text == "The vote"


def test_a_title_is_the_words_of_whoever_made_the_thing() -> None:
    c = only("The PAC launched an ad in Ohio on Saturday titled, “Scam.”")
    assert c.text == "Scam" and c.speaker and c.speaker.text == "The PAC"
    assert c.cue and c.cue.text == "titled"
    assert claims_of("The book is titled after the town.") == []


def test_colon_quote_subject_a_long_verb_phrase_away() -> None:
    c = only("Ruiz waved as if to stop the noise, then leaned in and boomed: “Win in May.”")
    assert c.text == "Win in May" and speaker_name(c) == "Ruiz"


def test_circumstance_after_a_cue_keeps_the_question_in_the_sentence() -> None:
    c = only("“Who can count them all?” Ruiz asks as a waiter walks by.")
    assert c.text == "Who can count them all?" and speaker_name(c) == "Ruiz"
    c = only("“Who do they think they are?” Ruiz said of the firm in May.")
    assert c.text == "Who do they think they are?"
    assert claims_of("“Why?” The sky fell as a waiter walked by.") == []


def test_naming_verb_content_ends_with_the_quoted_name() -> None:
    c = only("Ruiz called the plan “a fraud” and walked out.")
    assert c.text == "the plan a fraud" and c.kind == "partial_quote"
    c = only("Ruiz called the plan “a fraud” that hurts voters.")
    assert c.text.endswith("hurts voters")


def test_a_pronoun_after_a_clock_time_starts_a_sentence() -> None:
    found = claims_of(
        "Ruiz says she will wait until the polls close at 7 p.m. She says “it is close.”"
    )
    assert [c.text for c in found] == [
        "she will wait until the polls close at 7 p.m",
        "it is close",
    ]
    c = only("Ruiz says the polls close at 7 p.m. Eastern time.")
    assert c.text == "the polls close at 7 p.m. Eastern time"


def test_content_ending_on_an_entity_keeps_the_whole_entity() -> None:
    from factcheck.documents import document_from_text

    raw = 'Ada Novak said the fee "is five &euro;" this year.\n'
    doc = document_from_text(raw, format="markdown")
    [claim] = extract_claims(doc)
    pieces = [span.slice(raw) for span in claim.content_spans]
    assert "&euro;" in pieces and not any(p.endswith("&") for p in pieces)
