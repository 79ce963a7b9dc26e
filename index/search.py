"""Hybrid search: dense, lexical and sentence candidates, ranked by a learned linear fusion.

Each retriever proposes its best passages: the default encoder's nearest passages, BM25 over
stemmed English terms (the question's own words and the glossary's translations), and, when the
index has one, the second encoder's nearest sentences. Every candidate gets the features of `index/rank.py`
(scores of all retrievers, document cue, heading and coverage of the question's terms, the
current Program's prior) and the weights fitted on the tuning questions order them. An explicit
reference in the question ("activity 27", "objetivo específico 8", "AG/RES. 2883") is a promise
the user expects kept, so those passages lead whatever the model thinks.
"""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel

from index.chunk import Chunk
from index.documents import Analyser, DocumentCatalogue
from index.encoder import Encoder
from index.language import Question
from index.language.patterns import symbol_numbers
from index.lexical import LexicalIndex
from index.rank import Ranker, Signals, TermStats, configuration, load_ranker
from index.sentences import SentenceIndex
from index.units import UnitIndex
from index.vectors import VectorStore

CANDIDATES = 30  # from each retriever: the misses of the top 5 are nearly all within 30
SENTENCE_CANDIDATES = 90  # sentences, so that about CANDIDATES distinct passages come back
REFERENCE_BOOST = 1000.0


class SearchHit(BaseModel):
    """One passage returned for a question, with the scores that ranked it.

    `dense` is the cosine similarity of the default encoder (the answerer's refusal gate reads
    it); `lexical` is BM25 (0 when BM25 did not return the passage); `score` is the fused score.
    """

    rank: int
    score: float
    dense: float
    lexical: float
    chunk: Chunk

    def as_json(self) -> dict:
        return {
            "rank": self.rank,
            "score": round(self.score, 6),
            "text": self.chunk.text,
            "doc": self.chunk.doc,
            "title": self.chunk.title,
            "section": self.chunk.section_path,
            "label": self.chunk.label,
            "start": self.chunk.start,
            "end": self.chunk.end,
        }


class Searcher:
    """Everything needed to answer `search(question)`; built once, shared by all handlers."""

    def __init__(
        self,
        encoder: Encoder,
        vectors: VectorStore,
        lexical: LexicalIndex,
        chunks: list[Chunk],
        *,
        sentence_encoder: Encoder | None = None,
        sentences: SentenceIndex | None = None,
        ranker: Ranker | None = None,
        units: UnitIndex | None = None,
    ) -> None:
        self.encoder = encoder
        self.vectors = vectors
        self.lexical = lexical
        self.chunks = chunks
        self.sentence_encoder = sentence_encoder if sentences is not None else None
        self.sentences = sentences if sentence_encoder is not None else None
        self.ranker = ranker or load_ranker()
        self.configuration = configuration(self.sentence_encoder.name if self.sentence_encoder else None)
        self.catalogue = DocumentCatalogue(chunks)
        # Quotable units, their stems and neighbours: built once with the index, for answering.
        self.units = units if units is not None else UnitIndex(chunks)
        self.analyser = Analyser(self.catalogue, chunks)
        self.terms = TermStats(
            [f"{c.heading} {c.context}" for c in chunks], [c.text for c in chunks], [c.lang for c in chunks]
        )
        self.languages = sorted({chunk.lang for chunk in chunks}) or ["en"]
        self._by_id = {chunk.id: chunk for chunk in chunks}
        self._by_label: dict[str, list[int]] = {}
        self._by_symbol: dict[str, list[int]] = {}  # "2883" → passages that cite AG/RES. 2883
        for position, chunk in enumerate(chunks):
            if chunk.label:
                self._by_label.setdefault(chunk.label, []).append(position)
            for number in symbol_numbers(chunk.text):
                self._by_symbol.setdefault(number, []).append(position)

    def search(self, query: Question | str, k: int = 5, *, query_vector: np.ndarray | None = None) -> list[SearchHit]:
        """The k best passages for a question (a `Question`, or text that is analysed here)."""
        if isinstance(query, str):
            query = self.analyser.analyse(query)
        if not query.text or not self.chunks:
            return []
        signals, dense_scores, lexical_scores, referenced = self.signals(query, query_vector=query_vector)
        ordered = self.ranker.order(signals, self.configuration)
        ordered = sorted(
            ((position, score + (REFERENCE_BOOST if position in referenced else 0.0)) for position, score in ordered),
            key=lambda item: (-item[1], item[0]),
        )[:k]
        return [
            SearchHit(
                rank=rank,
                score=score,
                dense=dense_scores.get(position, 0.0),
                lexical=lexical_scores.get(position, 0.0),
                chunk=self.chunks[position],
            )
            for rank, (position, score) in enumerate(ordered, start=1)
        ]

    def signals(
        self, query: Question, *, query_vector: np.ndarray | None = None
    ) -> tuple[Signals, dict[int, float], dict[int, float], set[int]]:
        """Candidates and their raw scores (what `search` ranks, and what bench/ measures)."""
        # The default encoder sees the question with the glossary's English terms, as it did when
        # the answerer's refusal threshold on `SearchHit.dense` was calibrated.
        vector = query_vector if query_vector is not None else self.encoder.encode_queries([query.search_text])[0]
        dense_scores = dict(self.vectors.search(vector, CANDIDATES))
        terms = {lang: query.terms_in(lang) for lang in self.languages}  # the question in each document language
        lexical_scores = dict(self.lexical.search(terms, CANDIDATES))
        sentence_scores: dict[int, float] = {}
        sentence_vector = None
        if self.sentences is not None and self.sentence_encoder is not None:
            sentence_vector = self.sentence_encoder.encode_queries([query.text])[0]
            sentence_scores = self.sentences.search(sentence_vector, SENTENCE_CANDIDATES)
        referenced = set(self._referenced(query))
        positions = sorted(set(dense_scores) | set(lexical_scores) | set(sentence_scores) | referenced)

        missing = [p for p in positions if p not in dense_scores]
        if missing:
            dense_scores.update(self._cosines(vector, missing))
        second = None
        if sentence_vector is not None and self.sentences is not None:
            missing = [p for p in positions if p not in sentence_scores]
            sentence_scores.update(zip(missing, self.sentences.scores(sentence_vector, missing), strict=True))
            second = [sentence_scores[p] for p in positions]
        cue = dict(query.document_scores)
        heading, coverage = self.terms.features(terms, positions)
        kind = query.asked_item
        signals = Signals(
            positions=positions,
            dense=[dense_scores.get(p, 0.0) for p in positions],
            lexical=[lexical_scores.get(p, 0.0) for p in positions],
            second=second,
            kind=[1.0 if kind and kind in (self.chunks[p].label or "") else 0.0 for p in positions],
            cue=[cue.get(self.chunks[p].doc, 0.0) for p in positions],
            heading=heading,
            coverage=coverage,
            program=[1.0 if self.chunks[p].kind == "program" else 0.0 for p in positions],
        )
        return signals, dense_scores, lexical_scores, referenced

    def _referenced(self, query: Question) -> list[int]:
        positions: list[int] = []
        for reference in query.references:
            if reference.label:
                positions += self._by_label.get(reference.label, [])
            elif reference.symbol:
                positions += self._by_symbol.get(reference.symbol, [])[:3]
        return positions

    def _cosines(self, vector: np.ndarray, positions: list[int]) -> dict[int, float]:
        """Dense scores for passages the ANN did not return (exact references, lexical-only hits)."""
        try:
            stored = self.vectors.vectors(positions)
        except RuntimeError:  # an index type that cannot give its vectors back
            return {}
        return dict(zip(positions, (stored @ vector).tolist(), strict=True))

    def chunk_by_id(self, chunk_id: str) -> Chunk | None:
        return self._by_id.get(chunk_id)
