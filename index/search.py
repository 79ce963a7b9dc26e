"""Hybrid search: dense and lexical results fused, with exact references put first.

Reciprocal rank fusion needs no score calibration between BM25 and cosine similarity, and an
explicit reference in the question ("activity 27", "objetivo específico 8", "AG/RES. 2883")
is a promise the user expects kept, so those passages lead whatever the models think.
"""

from __future__ import annotations

import re

import numpy as np
from pydantic import BaseModel

from index.chunk import Chunk
from index.encoder import Encoder
from index.lexical import LexicalIndex
from index.query import Query, parse_query
from index.vectors import VectorStore

RRF_K = 60
CANDIDATES = 50

_CITED_SYMBOL = re.compile(r"AG/RES\. (\d{3,4})")


class SearchHit(BaseModel):
    """One passage returned for a question, with the scores that ranked it."""

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

    def __init__(self, encoder: Encoder, vectors: VectorStore, lexical: LexicalIndex, chunks: list[Chunk]) -> None:
        self.encoder = encoder
        self.vectors = vectors
        self.lexical = lexical
        self.chunks = chunks
        self._by_id = {chunk.id: chunk for chunk in chunks}
        self._by_label: dict[str, list[int]] = {}
        self._by_symbol: dict[str, list[int]] = {}  # "2883" → passages that cite AG/RES. 2883
        for position, chunk in enumerate(chunks):
            if chunk.label:
                self._by_label.setdefault(chunk.label, []).append(position)
            for number in dict.fromkeys(_CITED_SYMBOL.findall(chunk.text)):
                self._by_symbol.setdefault(number, []).append(position)

    def search(self, query: Query | str, k: int = 5, *, query_vector: np.ndarray | None = None) -> list[SearchHit]:
        """The k best passages for a question (a parsed `Query`, or text that is parsed here)."""
        if isinstance(query, str):
            query = parse_query(query)
        if not query.text or not self.chunks:
            return []
        vector = query_vector if query_vector is not None else self.encoder.encode_queries([query.search_text])[0]
        dense = self.vectors.search(vector, CANDIDATES)
        lexical = self.lexical.search(list(query.terms), CANDIDATES)

        fused: dict[int, float] = {}
        for ranking in (dense, lexical):
            for rank, (position, _score) in enumerate(ranking):
                fused[position] = fused.get(position, 0.0) + 1.0 / (RRF_K + rank + 1)
        for position in self._referenced(query):
            fused[position] = fused.get(position, 0.0) + 1.0  # exact references lead
        kind = query.asked_kind
        if kind:  # "which activity asks countries to share statistics?": numbered items first
            for position in fused:
                label = self.chunks[position].label or ""
                if kind in label:
                    fused[position] += 1.0 / RRF_K

        dense_scores = dict(dense)
        lexical_scores = dict(lexical)
        missing_dense = [p for p in fused if p not in dense_scores]
        if missing_dense:
            dense_scores.update(self._cosines(vector, missing_dense))
        ordered = sorted(fused.items(), key=lambda item: (-item[1], -dense_scores.get(item[0], 0.0)))[:k]
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

    def _referenced(self, query: Query) -> list[int]:
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
