"""The second encoder's sentence index: built, saved, carried over by updates, and used by search.

The tests' hashing encoder has no second encoder, so here a small hashing encoder stands in for
USE: what is checked is the bookkeeping (which sentence belongs to which passage), not the model.
"""

from __future__ import annotations

import numpy as np
import pytest

import index.store
import index.update
from index.corpus import DocumentInfo, add_document
from index.encoder import HashingEncoder
from index.language import analyse as parse_query
from index.sentences import sentences_of
from index.store import build_index, current_version, load_searcher
from index.update import update_index


class SentenceHashing(HashingEncoder):
    def __init__(self) -> None:
        super().__init__(dimension=512)
        self.name = "sentence-hashing"


@pytest.fixture
def with_second_encoder(monkeypatch):
    second = SentenceHashing()
    monkeypatch.setattr(index.store, "sentence_encoder_for", lambda encoder: second)
    monkeypatch.setattr(index.update, "sentence_encoder_for", lambda encoder: second)
    return second


def _owners_match(searcher) -> bool:
    """Every sentence vector is its own passage's sentence: re-embedding it gives the same vector."""
    sentences = searcher.sentences
    expected = [(position, text) for position, chunk in enumerate(searcher.chunks) for text in sentences_of(chunk)]
    if [position for position, _ in expected] != sentences.owner.tolist():
        return False
    stored = sentences.vectors.vectors(list(range(len(sentences))))
    fresh = searcher.sentence_encoder.encode_passages([text for _, text in expected])
    return bool(np.allclose(stored, fresh, atol=1e-5))


def test_build_saves_a_sentence_index_that_search_uses(small_corpus, tmp_path, with_second_encoder):
    manifest = build_index(small_corpus, tmp_path / "index", HashingEncoder())
    assert manifest.second_model == "sentence-hashing"
    assert (current_version(tmp_path / "index") / "sentences.faiss").exists()
    searcher, _ = load_searcher(tmp_path / "index", HashingEncoder())
    assert searcher.sentences is not None and _owners_match(searcher)
    query = parse_query("PAHO workshops")
    signals, *_ = searcher.signals(query)
    assert signals.second is not None and len(signals.second) == len(signals.positions)
    assert "PAHO" in searcher.search(query, k=1)[0].chunk.text


def test_update_carries_unchanged_sentences_over(small_corpus, tmp_path, with_second_encoder):
    index_dir = tmp_path / "index"
    build_index(small_corpus, index_dir, HashingEncoder())
    new = tmp_path / "bulletin.txt"
    new.write_text("Remittances to Ecuador grew in 2010 according to the quarterly remittance bulletin.\n")
    add_document(small_corpus, new, DocumentInfo(file="bulletin.txt", title="Remittance bulletin", short="Bulletin"))
    result = update_index(small_corpus, index_dir, HashingEncoder())
    assert result.embedded_chunks == 1 and result.reused_chunks > 10
    searcher, _ = load_searcher(index_dir, HashingEncoder())
    assert _owners_match(searcher)


def test_an_index_without_the_second_encoder_asks_for_a_rebuild(small_corpus, tmp_path, monkeypatch):
    build_index(small_corpus, tmp_path / "index", HashingEncoder())  # no second encoder
    monkeypatch.setattr(index.store, "sentence_encoder_for", lambda encoder: SentenceHashing())
    monkeypatch.setattr(index.update, "sentence_encoder_for", lambda encoder: SentenceHashing())
    with pytest.raises(index.store.IndexLoadError, match="sentence encoder"):
        load_searcher(tmp_path / "index", HashingEncoder())
    assert index.update.plan_update(small_corpus, tmp_path / "index", HashingEncoder()).full_rebuild
