"""End to end on the real corpus with the real bundled model: a few questions delegates ask.

The index is built once for the module (about a minute on 2 cores). Figures over the whole dev set
are in bench/; these check behaviour that must never regress.
"""

from __future__ import annotations

import pytest

from bot.answering.answer import Answerer
from bot.answering.catalogue import Catalogue
from bot.config import BUNDLED_MODEL
from index.encoder import load_encoder
from index.store import build_index, load_searcher
from tests.conftest import CORPUS

pytestmark = pytest.mark.real_model


@pytest.fixture(scope="module")
def real_answerer(tmp_path_factory) -> Answerer:
    encoder = load_encoder(BUNDLED_MODEL)
    index_dir = tmp_path_factory.mktemp("real") / "index"
    build_index(CORPUS, index_dir, encoder)
    searcher, _ = load_searcher(index_dir, encoder)
    return Answerer(searcher, Catalogue(searcher.chunks))


@pytest.mark.parametrize(
    ("question", "evidence"),
    [
        ("Which resolution created the CAM?", "AG/RES. 2738 (XLII-O/12)"),
        ("Who held the RCM presidency pro tempore in 2008-2009?", "Guatemala"),
        ("How many countries have victims helped by IOM's US trafficking return program come from?", "30 countries"),
        ("Where were the leaders when they issued the Declaration of Nuevo León?", "Monterrey"),
        (
            "¿Qué dijeron los líderes en la Declaración de la Ciudad de Quebec sobre la trata de personas?",
            "trafficking in human beings",
        ),
    ],
)
def test_known_questions_are_answered_with_evidence(real_answerer, question, evidence):
    answer = real_answerer.answer(question)
    assert answer.found
    assert evidence in answer.text or evidence in answer.citations[0].text


@pytest.mark.parametrize(
    "question",
    [
        "What's the weather like in Washington DC today?",
        "Who won the 2022 football World Cup?",
        "Give me a recipe for chocolate cake",
        "¿Quién es el presidente actual de Brasil?",
    ],
)
def test_off_topic_questions_are_refused(real_answerer, question):
    answer = real_answerer.answer(question)
    assert not answer.found and answer.kind == "not_found"


def test_spanish_question_finds_the_english_passage(real_answerer):
    hits = real_answerer.searcher.search(
        "¿Qué proyecto sobre la primera infancia implementa el Departamento de Educación y Cultura?", k=5
    )
    assert any("Early Childhood Transition Policies" in hit.chunk.text for hit in hits)


@pytest.mark.parametrize(
    ("question", "evidence"),
    [
        (
            "Quelles activités le Programme propose-t-il à la CIDH pour lutter contre la traite des personnes ?",
            "Design and promote instruments to fight trafficking in persons",
        ),
        (
            "O que o Programa sugere aos Estados sobre documentos de identidade dos migrantes?",
            "Issue and facilitate provision of identity documents to migrants",
        ),
        ("Quel pays a accueilli la Déclaration de Nuevo León ?", "assembled in Monterrey, Mexico"),
    ],
)
def test_french_and_portuguese_questions_find_their_passage(real_answerer, question, evidence):
    hits = real_answerer.searcher.search(question, k=3)
    assert evidence in hits[0].chunk.text
