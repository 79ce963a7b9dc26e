"""The second encoder's index: every sentence of every passage, with the passage it belongs to.

A passage of 800 characters can be mostly about one thing and answer a question in one
sentence; its whole-passage vector then hides that sentence. The sentences are embedded by the
second encoder (USE, a few seconds for the corpus) and a passage scores its best sentence.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.chunk import Chunk
from index.encoder import Encoder
from index.text import split_sentences
from index.vectors import VectorStore

MIN_SENTENCE_CHARS = 16


def sentences_of(chunk: Chunk) -> list[str]:
    """The passage's sentences worth embedding (the whole text when none is long enough)."""
    found = [chunk.text[a:b].strip() for a, b in split_sentences(chunk.text)]
    found = [sentence for sentence in found if len(sentence) >= MIN_SENTENCE_CHARS]
    return found or [chunk.text]


class SentenceIndex:
    def __init__(self, vectors: VectorStore, owner: np.ndarray) -> None:
        self.vectors = vectors
        self.owner = np.asarray(owner, dtype="int64")  # passage position of each sentence, ascending

    @classmethod
    def build(cls, encoder: Encoder, chunks: list[Chunk]) -> SentenceIndex:
        texts, owner = [], []
        for position, chunk in enumerate(chunks):
            for sentence in sentences_of(chunk):
                texts.append(sentence)
                owner.append(position)
        return cls.from_vectors(encoder.encode_passages(texts), owner)

    @classmethod
    def from_vectors(cls, vectors: np.ndarray, owner) -> SentenceIndex:
        return cls(VectorStore.build(vectors), np.asarray(owner, dtype="int64"))

    def _rows(self, positions: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """Sentence rows of the given passages, and which of the passages each row belongs to."""
        keys = np.asarray(positions, dtype="int64")
        starts = np.searchsorted(self.owner, keys, side="left")
        ends = np.searchsorted(self.owner, keys, side="right")
        rows = [np.arange(a, b) for a, b in zip(starts, ends, strict=True)]
        which = np.concatenate([np.full(len(r), i) for i, r in enumerate(rows)]) if rows else np.zeros(0, "int64")
        return (np.concatenate(rows) if rows else np.zeros(0, "int64")), which

    def vectors_of(self, positions: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """(vectors, passage index within `positions`) of the passages' sentences, to reuse them."""
        rows, which = self._rows(positions)
        return self.vectors.vectors(rows.tolist()), which

    def search(self, query: np.ndarray, k: int) -> dict[int, float]:
        """The passages of the k best sentences, each with its best sentence's cosine."""
        best: dict[int, float] = {}
        for row, score in self.vectors.search(query, k):
            position = int(self.owner[row])
            best[position] = max(score, best.get(position, -1.0))
        return best

    def scores(self, query: np.ndarray, positions: list[int]) -> list[float]:
        """Each passage's best sentence cosine, for passages the search did not return."""
        if not positions:
            return []
        rows, which = self._rows(positions)
        sims = self.vectors.vectors(rows.tolist()) @ query if len(rows) else np.zeros(0)
        best = np.full(len(positions), -1.0)
        np.maximum.at(best, which, sims)
        return best.tolist()

    def save(self, folder: Path) -> None:
        self.vectors.save(folder / "sentences.faiss")
        np.save(folder / "sentences.npy", self.owner)

    @classmethod
    def load(cls, folder: Path) -> SentenceIndex:
        return cls(VectorStore.load(folder / "sentences.faiss"), np.load(folder / "sentences.npy"))

    def __len__(self) -> int:
        return len(self.owner)
