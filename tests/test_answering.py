"""The answerer on the real corpus (hashing encoder): complete lists, small talk, referrals, follow-ups,
years from OAS symbols, sources only as cited, pages of a long answer."""

from __future__ import annotations

import re

import pytest

from bot.answering.answer import Answerer
from bot.answering.models import PAGE_CHARS
from bot.formatting import TELEGRAM_LIMIT, answer_html, answer_plain
from bot.texts import t
from index.text import collapse_whitespace


@pytest.fixture
def answerer(services) -> Answerer:
    return services.answerer


def _numbers(answer) -> list[int]:
    return [int(s.text.split(".")[0]) for s in answer.sentences if re.match(r"\d+\.", s.text)]


@pytest.mark.parametrize(
    ("question", "numbers"),
    [
        ("What should states do?", list(range(21, 43))),
        ("¿Qué deben hacer los Estados miembros?", list(range(21, 43))),
        ("Que doit faire la CIDH ?", [7, 8, 9, 10, 11]),
        ("O que a OPAS deve fazer?", [17, 18, 19, 20]),
    ],
)
def test_mandate_lists_every_activity(answerer, question, numbers):
    answer = answerer.answer(question)
    assert answer.found and answer.kind == "catalogue"
    assert _numbers(answer) == numbers


@pytest.mark.parametrize(
    ("question", "count", "lang"),
    [
        ("What are the general objectives?", 3, "en"),
        ("What is the purpose of the Program?", 3, "en"),
        ("¿Cuáles son los objetivos específicos del Programa?", 12, "es"),
        ("Quels sont les objectifs du Programme ?", 15, None),
    ],
)
def test_objectives_are_listed_whole(answerer, question, count, lang):
    answer = answerer.answer(question, lang="fr" if lang is None else None)
    assert answer.kind == "catalogue" and len(answer.sentences) == count
    assert all(c.label and "objective" in c.label for c in answer.citations)
    if lang:
        assert answer.lang == lang


def test_role_question_gives_the_mandate_then_the_activities(answerer):
    answer = answerer.answer("What is the mandate of the CAM?")
    assert answer.kind == "catalogue"
    assert "principal forum" in answer.sentences[0].text
    assert _numbers(answer) == [4, 5, 6]
    assert "CIM" not in answer.sentences[0].text  # the CAM, not the Commission of Women


def test_actor_paragraph_when_the_program_numbers_no_activities(answerer):
    answer = answerer.answer("What does the Program expect from multilateral organizations?")
    assert answer.kind == "catalogue" and "Urge multilateral organizations" in answer.sentences[0].text


@pytest.mark.parametrize(
    ("message", "lang", "key"),
    [
        ("hello", "en", "greeting"),
        ("¡gracias!", "es", "thanks"),
        ("bonjour", "fr", "greeting"),
        ("Quem é você?", "pt", "identity"),
    ],
)
def test_small_talk_is_answered_briefly_and_not_as_unanswered(answerer, message, lang, key):
    answer = answerer.answer(message)
    assert answer.kind == "small_talk" and answer.lang == lang and answer.intro == t(lang, key)
    assert not answer.unanswered and not answer.citations and answer.context is None


@pytest.mark.parametrize(
    ("message", "lang"),
    [("How do I apply for asylum in Mexico?", "en"), ("Mi hermano está detenido en la frontera, ¿qué hago?", "es")],
)
def test_personal_case_gets_a_referral_not_a_quote(answerer, message, lang):
    answer = answerer.answer(message)
    assert answer.kind == "referral" and not answer.citations and not answer.unanswered
    assert answer.intro == t(lang, "referral")
    assert "UNHCR" in answer.intro or "ACNUR" in answer.intro


def test_follow_up_resolves_against_the_previous_turn_and_not_without_it(answerer):
    first = answerer.answer("What does the Program ask of the IACHR?", now=1000.0)
    assert _numbers(first) == [7, 8, 9, 10, 11] and first.context is not None
    follow = answerer.answer("and the CIM?", context=first.context, now=1060.0)
    assert follow.resolved_question == "What does the Program ask of the CIM?"
    assert follow.kind == "catalogue" and _numbers(follow) == [12, 13, 14]
    alone = answerer.answer("and the CIM?", now=1060.0)
    assert alone.resolved_question is None and _numbers(alone) != [12, 13, 14]
    other_chat = answerer.answer("and the CIM?", context=None, now=1060.0)
    assert other_chat.resolved_question is None


def test_tell_me_more_shows_the_passage_around_the_quote(answerer):
    first = answerer.answer("Which resolution created the CAM?", now=1000.0)
    assert first.found
    more = answerer.answer("tell me more", context=first.context, now=1030.0)
    assert more.kind == "more" and more.found
    assert more.citations[0].chunk_id == first.citations[0].chunk_id
    assert any(s.text == first.sentences[0].text for s in more.sentences)
    assert len(more.sentences) >= len(first.sentences)


def test_year_read_from_an_oas_symbol(answerer):
    # the corpus says "AG/RES. 2910 (XLVII-O/17)", never "2017"
    answer = answerer.answer(
        "Which 2017 General Assembly resolution on migration in the Americas is a CAM Vice Chair mandate?"
    )
    assert answer.found, answer.text
    assert any("XLVII-O/17" in s.text for s in answer.sentences)


def test_a_year_the_documents_lack_is_said_plainly_with_the_source(answerer):
    answer = answerer.answer("What did the CAM decide in 2023?")
    assert not answer.found and answer.unanswered
    if answer.kind == "partial":
        assert "2023" in answer.intro and answer.citations and len(answer.citations) == 1


def test_sources_are_only_those_cited_without_duplicates(answerer):
    for question in [
        "Which resolution created the CAM?",
        "How many training workshops has PAHO organized?",
        "Where were the first two Hispanic Forums held?",
        "What should states do?",
    ]:
        answer = answerer.answer(question)
        cited = {s.n for s in answer.sentences}
        assert {c.n for c in answer.citations} == cited
        assert len({c.chunk_id for c in answer.citations}) == len(answer.citations)
        by_number = {c.n: c for c in answer.citations}
        for sentence in answer.sentences:
            assert collapse_whitespace(sentence.text) in collapse_whitespace(by_number[sentence.n].text)
        assert all(
            c.source.startswith(("Program 2016", "Annual Report 2009", "CAM", "GT/TM")) for c in answer.citations
        )


def test_source_label_is_short_and_the_full_path_stays_for_the_passage(answerer):
    answer = answerer.answer("activity 9")
    citation = answer.citations[0]
    assert citation.source == "Program 2016 · activity 9"
    assert citation.section.startswith("Program (2016 revision) ›") and citation.section.endswith("activity 9")
    spanish = answerer.answer("¿Qué dice la actividad 9 del Programa?")
    assert spanish.citations[0].source == "Program 2016 · actividad 9"


def test_a_long_answer_is_paged(answerer):
    answer = answerer.answer("What should states do?")
    assert len(answer.pages) > 1
    shown = [index for page in answer.pages for index in page.sentences]
    assert shown == list(range(len(answer.sentences)))  # every sentence once, in order
    for number, page in enumerate(answer.pages):
        assert set(page.citations) == {answer.sentences[i].n for i in page.sentences}
        assert sum(len(answer.sentences[i].text) for i in page.sentences) <= PAGE_CHARS
        for render in (answer_plain(answer, number), answer_html(answer, number)):
            assert len(render) <= TELEGRAM_LIMIT
            assert f"{number + 1} of {len(answer.pages)}" in render
    last = answer_plain(answer, len(answer.pages) - 1)
    assert "42. Protect the right to property" in last and "21. Exchange information" not in last


def test_quotations_stay_in_english_and_are_labelled(answerer):
    answer = answerer.answer("¿Qué resolución creó la Comisión de Asuntos Migratorios?")
    assert answer.lang == "es" and "texto original en inglés" in answer.intro
    french = answerer.answer("Quels sont les objectifs généraux du Programme ?", lang="fr")
    assert french.intro.startswith("Objectifs généraux du Programme") or french.lang != "fr"
