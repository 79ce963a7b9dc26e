"""A document in Spanish among English ones: indexed and stemmed in its own language, found by
questions in English and in Portuguese (the glossaries carry their terms into Spanish), and quoted
as written with the frame saying the original is in Spanish."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.services import load_answerer
from bot.texts import t
from index.encoder import HashingEncoder
from index.store import build_index
from tests.conftest import make_settings

SPANISH = PROJECT_ROOT / "bench" / "eval" / "documents" / "multilingual" / "es-plan-trabajo-cam-2025.txt"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    folder = tmp_path_factory.mktemp("languages")
    corpus = folder / "corpus"
    shutil.copytree(Path(__file__).parent / "data" / "small_corpus", corpus)
    shutil.copy(SPANISH, corpus / "plan-trabajo-cam-2025.txt")
    settings = make_settings(folder, corpus_dir=corpus)
    encoder = HashingEncoder()
    build_index(settings.source_dirs, settings.index_dir, encoder)  # the folder scan registers the new file
    return load_answerer(settings, encoder=encoder, allow_llm=False, update_if_stale=False)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Which objective of the CAM work plan deals with unaccompanied migrant children?", "en"),
        ("Qual objetivo do plano de trabalho da CAM trata das crianças migrantes desacompanhadas?", "pt"),
    ],
)
def test_a_spanish_document_is_found_by_english_and_portuguese_questions(answerer, question, lang):
    hits = answerer.searcher.search(question, k=3)
    assert any("plan-trabajo" in hit.chunk.doc and "no acompañada" in hit.chunk.text for hit in hits), [
        (hit.chunk.doc, hit.chunk.text[:60]) for hit in hits
    ]
    spanish = [hit.chunk for hit in hits if "plan-trabajo" in hit.chunk.doc]
    assert all(chunk.lang == "es" for chunk in spanish)


def test_the_quote_stays_in_spanish_and_the_frame_says_so(answerer):
    answer = answerer.answer("What will the CIM study according to the CAM 2025-2026 work plan?", cached=False)
    assert answer.found
    assert any("trabajo doméstico" in sentence.text for sentence in answer.sentences)
    assert t("en", "in_language.es") in answer.intro
