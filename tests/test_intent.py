"""What a message asks for, before any search: small talk, personal cases, mandates, lists, answer types."""

from __future__ import annotations

import pytest

from bot.answering.answer_type import expected_types, holds, question_years, years_in
from bot.answering.followup import asks_for_more, is_follow_up, resolve
from bot.answering.intent import classify
from bot.answering.models import TurnContext
from index.query import parse_query


def intent(text: str):
    return classify(parse_query(text))


@pytest.mark.parametrize(
    ("message", "detail", "lang"),
    [
        ("hello", "greeting", "en"),
        ("Good evening!", "greeting", "en"),
        ("thanks!", "thanks", "en"),
        ("who are you?", "identity", "en"),
        ("Hola, buenos días", "greeting", "es"),
        ("¡Muchas gracias!", "thanks", "es"),
        ("¿Qué puedes hacer?", "identity", "es"),
        ("bonjour", "greeting", "fr"),
        ("merci beaucoup", "thanks", "fr"),
        ("Qui êtes-vous ?", "identity", "fr"),
        ("olá", "greeting", "pt"),
        ("muito obrigada", "thanks", "pt"),
        ("Quem é você?", "identity", "pt"),
        ("tchau", "bye", "pt"),
    ],
)
def test_small_talk_in_four_languages(message, detail, lang):
    found = intent(message)
    assert (found.kind, found.detail, found.lang) == ("small_talk", detail, lang)


def test_a_greeting_before_a_question_leaves_the_question():
    found = intent("Hi! What must the IIN do?")
    assert found.kind == "question" and found.rest == "What must the IIN do?"


@pytest.mark.parametrize(
    "message",
    [
        "How do I apply for asylum in Mexico?",
        "My brother is detained at the border, what can I do?",
        "¿Cómo puedo pedir asilo en Costa Rica?",
        "Mi hijo fue deportado",
        "Comment obtenir un titre de séjour ?",
        "Mon mari est détenu à la frontière",
        "Como faço para pedir refúgio no Brasil?",
        "Meu irmão foi detido",
    ],
)
def test_personal_cases_are_referred(message):
    assert intent(message).kind == "referral"


@pytest.mark.parametrize(
    "message",
    [
        "What does the Program say about arbitrary detention?",
        "¿Qué dice el Programa sobre el asilo?",
        "Which activity deals with identity documents and passports?",
        "What did the IACHR recommend about the right to seek asylum?",
    ],
)
def test_questions_about_the_documents_on_the_same_topics_are_questions(message):
    assert intent(message).kind == "question"


@pytest.mark.parametrize(
    ("message", "actor", "role"),
    [
        ("What must the IIN do?", "IIN", False),
        ("What does the Program ask of the IACHR?", "IACHR", False),
        ("¿Qué debe hacer la CIDH?", "IACHR", False),
        ("¿Cuál es el mandato de la CAM?", "CAM", True),
        ("Que doit faire la CIM ?", "CIM", False),
        ("Quel est le rôle de l'OPS ?", "PAHO", True),
        ("O que a OPAS deve fazer?", "PAHO", False),
        ("Qual é o papel da Secretaria-Geral?", "GS", True),
        ("What is the role of the CAM?", "CAM", True),
        ("What should states do?", "MEMBER_STATES", False),
        ("What does the Program expect from multilateral organizations?", "MULTILATERAL", False),
    ],
)
def test_mandate_questions_in_four_languages(message, actor, role):
    found = intent(message)
    assert (found.kind, found.actor.id, found.role) == ("mandate", actor, role)


@pytest.mark.parametrize(
    ("message", "detail"),
    [
        ("What are the general objectives?", "general"),
        ("List the specific objectives of the Program", "specific"),
        ("¿Cuáles son los objetivos del Programa?", "all"),
        ("Quels sont les objectifs généraux du Programme ?", "general"),
        ("Quais são os objetivos específicos?", "specific"),
        ("What is the purpose of the Program?", "general"),
        ("¿Cuál es la finalidad del Programa?", "general"),
        ("Quel est le but du Programme ?", "general"),
        ("Qual é o propósito do Programa?", "general"),
    ],
)
def test_objective_and_purpose_questions_list_the_objectives(message, detail):
    found = intent(message)
    assert (found.kind, found.detail) == ("objectives", detail)


def test_a_specific_question_about_an_actor_is_not_a_listing():
    assert intent("What did the IACHR ask states to do when migrants die or go missing?").kind == "question"
    assert intent("When was the CAM created?").kind == "question"


def test_a_mandate_question_with_a_topic_searches_that_actor_s_activities():
    found = intent("Que demande le Programme aux États membres en matière de santé ?")
    assert found.kind == "question" and found.topic and found.actor.id == "MEMBER_STATES"


@pytest.mark.parametrize(
    ("question", "types"),
    [
        ("Who held the RCM presidency pro tempore?", ("who",)),
        ("¿Cuándo se aprobó el Programa?", ("when",)),
        ("Quand le Programme a-t-il été adopté ?", ("when",)),
        ("Em que ano foi criada a CAM?", ("when",)),
        ("How many countries have victims come from?", ("how_many",)),
        ("¿Cuántos ministerios participaron?", ("how_many",)),
        ("Which countries are RCM observers?", ("countries",)),
        ("Quels pays sont observateurs ?", ("countries",)),
        ("Why does the Program call for cooperation?", ("why",)),
        ("¿Dónde y cuándo se celebró la conferencia?", ("where", "when")),
        ("Où se tiendra l'atelier ?", ("where",)),
        ("How much money did CIDA give?", ("amount",)),
        # "when" inside a clause is a conjunction, not a question about a date
        ("What is the DPS's main concern when it comes to migration?", ()),
        ("Qu'est-ce que l'initiative qui lutte contre la traite ?", ()),
    ],
)
def test_answer_type_from_question_words(question, types):
    assert expected_types(question) == types


def test_sentences_holding_an_answer_type():
    assert holds("when", "The World Congress was held in September 2005, in Orlando, Florida.")
    assert holds("how_many", "has assisted victims from 30 countries.")
    assert not holds("how_many", "1. Circulation of the Work Plan of the CAM Vice Chair")  # a list number
    assert not holds("how_many", "resolution AG/RES. 2141 (XXXV-O/05)")  # a symbol
    assert holds("countries", "Argentina, Colombia, Ecuador, Jamaica and Peru participate as observers")
    assert holds("amount", "a contribution of US$ 250,000") and not holds("amount", "over 100 organizations")


def test_years_from_oas_symbols_and_ranges():
    assert years_in("AG/RES. 2910 (XLVII-O/17) Migration in the Americas") == {2017}
    assert years_in("AG/RES. 2141 (XXXV-O/05)") == {2005}
    assert years_in("the 2018-2019 period and 2004-05") == {2018, 2019, 2004, 2005}
    assert 2027 not in years_in("AG/RES. 2027 (XXXIV-O/04)")  # a resolution number is not a year
    assert question_years("¿Qué se decidió en 2009?") == {2009}


def _context(question: str, lang: str = "en") -> TurnContext:
    return TurnContext(question=question, lang=lang, kind="extractive", chunk_ids=["x#1"], at=1000.0)


@pytest.mark.parametrize(
    ("previous", "follow_up", "resolved"),
    [
        ("What does the Program ask of the IACHR?", "and the IOM?", "What does the Program ask of the IOM?"),
        (
            "¿Con quiénes se reunió el IIN en marzo de 2008?",
            "¿y en 2009?",
            "¿Con quiénes se reunió el IIN en marzo de 2009?",
        ),
        ("Que demande le Programme à la CIDH ?", "et l'OIM ?", "Que demande le Programme à la OIM ?"),
        ("O que o Programa pede à CIDH?", "e sobre a CIM?", "O que o Programa pede à CIM?"),
    ],
)
def test_follow_up_is_read_against_the_previous_question(previous, follow_up, resolved):
    assert resolve(follow_up, _context(previous), now=1060.0) == resolved


def test_follow_up_without_context_or_after_it_expired_is_a_new_question():
    assert resolve("and the IOM?", None, now=1060.0) is None
    assert resolve("and the IOM?", _context("What does the Program ask of the IACHR?"), now=1000.0 + 3600) is None
    assert not is_follow_up("What does the Program ask of the IOM regarding trafficking in persons?")


def test_tell_me_more_in_four_languages():
    assert all(asks_for_more(text) for text in ["tell me more", "¿Más detalles?", "dis-m'en plus", "conte-me mais"])
    assert not asks_for_more("more about the IACHR's activities on detention")
