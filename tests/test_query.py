"""A question's language, and its terms in English, whatever of the four languages it is asked in."""

from __future__ import annotations

import pytest

from index.glossary import translate_terms
from index.query import detect_language, parse_query


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What does the Program ask the member states to do about consular assistance?", "en"),
        ("¿Qué le pide el Programa a los Estados miembros sobre la asistencia consular?", "es"),
        ("Que demande le Programme aux États membres en matière d'assistance consulaire ?", "fr"),
        ("O que o Programa pede aos Estados membros sobre a assistência consular?", "pt"),
        ("Which body follows up the Program?", "en"),
        ("¿Quién coordina el Programa?", "es"),
        ("Qui coordonne le Programme ?", "fr"),
        ("O que o Programa pede à CIDH?", "pt"),
        ("Quais são as atividades da OPAS?", "pt"),
    ],
)
def test_language_of_short_and_long_questions(question, lang):
    assert detect_language(question) == lang
    assert parse_query(question, fallback_lang="en" if lang != "en" else "es").lang == lang


def test_a_question_of_a_few_words_takes_the_users_language():
    assert detect_language("OIM", "pt") == "pt"
    assert detect_language("activity 9", "fr") == "fr"
    assert parse_query("CIDH", fallback_lang="es").lang == "es"
    assert detect_language("activity 9") == "en"
    assert detect_language("?!", None) == "en"  # nothing to tell, no user language: English


def test_other_languages_fall_back_to_the_users_or_english():
    german = "Welche Aufgaben hat die Interamerikanische Menschenrechtskommission in diesem Programm?"
    assert detect_language(german, "fr") in {"fr", "en", "es", "pt"}
    assert detect_language("", "pt") == "pt"


@pytest.mark.parametrize(
    ("question", "lang", "english"),
    [
        ("¿Qué hace la CIDH contra la trata de personas?", "es", {"iachr", "trafficking", "persons"}),
        ("Que fait l'OIM contre la traite des personnes ?", "fr", {"iom", "trafficking", "persons"}),
        ("O que a OPAS faz sobre o tráfico de pessoas?", "pt", {"paho", "trafficking", "persons"}),
        ("¿Qué piden las trabajadoras migrantes?", "es", {"migrant", "worker"}),
        ("Quels sont les objectifs spécifiques du plan de travail ?", "fr", {"specific", "objective", "work", "plan"}),
    ],
)
def test_glossary_terms_reach_the_english_search(question, lang, english):
    query = parse_query(question)
    assert query.lang == lang
    assert english <= set(query.terms)
    assert all(word.lower() in query.search_text.lower() for word in english)


def test_translated_words_are_searched_in_english_only_and_unknown_ones_stay():
    english, untranslated = translate_terms("¿Qué dice el Programa sobre Monterrey?", "es")
    assert "program" in english and "monterrey" in untranslated and "programa" not in untranslated
    terms = parse_query("¿Qué dice el Programa sobre Monterrey?").terms
    assert "programa" not in terms and {"program", "monterrey"} <= set(terms)
    assert translate_terms("What does the Program say?", "en") == ("", [])


def test_words_that_differ_only_by_an_accent_keep_their_own_meaning():
    """French "traite" (trafficking) and "traité" (treaty) fold to one word and one stem."""
    assert translate_terms("la lutte contre la traite", "fr")[0].split()[-1] == "trafficking"
    assert "trafficking" not in translate_terms("le traité de Vienne", "fr")[0]
    assert "treaty" in translate_terms("le traité de Vienne", "fr")[0]


def test_function_words_the_glossary_lacks_are_not_kept_as_names():
    """Kept, "ont" or "contre" would take a rare word's weight from a French title quoted in English."""
    _, rest = translate_terms("Qu'ont dit les chefs d'État de Bolivie contre ce plan ?", "fr")
    assert "bolivie" in rest
    assert not {"ont", "contre", "ce"} & set(rest)
    _, rest = translate_terms("¿Qué hace el MESECVI respecto de ellas?", "es")
    assert rest == ["mesecvi"]


def test_references_and_year_survive_in_every_language():
    assert parse_query("actividad 27").labels == ["activity 27"]
    assert parse_query("Que dit la résolution AG/RES. 2883 ?").symbols == ["2883"]
