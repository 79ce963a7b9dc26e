"""The dense side of the index: FAISS inner product over unit vectors (= cosine similarity).

Flat (exact) search while the collection is small; HNSW beyond `HNSW_THRESHOLD` chunks, where
exact search would cost more than the latency budget.
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

HNSW_THRESHOLD = 50_000


class VectorStore:
    def __init__(self, index: faiss.Index) -> None:
        self.index = index

    @classmethod
    def build(cls, vectors: np.ndarray, *, kind: str | None = None) -> VectorStore:
        count, dimension = vectors.shape if vectors.size else (0, vectors.shape[1])
        kind = kind or ("hnsw" if count >= HNSW_THRESHOLD else "flat")
        if kind == "hnsw":
            index = faiss.IndexHNSWFlat(dimension, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            index.hnsw.efSearch = 64
        else:
            index = faiss.IndexFlatIP(dimension)
        if count:
            index.add(np.ascontiguousarray(vectors, dtype="float32"))
        return cls(index)

    @property
    def kind(self) -> str:
        return "hnsw" if isinstance(self.index, faiss.IndexHNSWFlat) else "flat"

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        if len(self) == 0:
            return []
        scores, ids = self.index.search(np.ascontiguousarray(query.reshape(1, -1), dtype="float32"), min(k, len(self)))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def vectors(self, positions: list[int]) -> np.ndarray:
        """Stored vectors, so an update can carry unchanged documents over without re-embedding."""
        if not positions:
            return np.zeros((0, self.index.d), dtype="float32")
        keys = np.asarray(positions, dtype="int64")
        try:
            return self.index.reconstruct_batch(keys)
        except RuntimeError:
            if hasattr(self.index, "make_direct_map"):  # IVF indexes map ids to lists on demand
                self.index.make_direct_map()
                return self.index.reconstruct_batch(keys)
            raise

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> VectorStore:
        return cls(faiss.read_index(str(path)))
