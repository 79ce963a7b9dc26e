"""The dense side of the index: FAISS inner product over unit vectors (= cosine similarity).

Flat (exact) search while the collection is small; an IVF index beyond `FLAT_LIMIT` chunks, where
exact search would cost more than the latency budget.
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

FLAT_LIMIT = 50_000  # exact search up to here: ~3 ms a query at 50k × 384 on 2 cores
IVF_PROBES = 24


class VectorStore:
    def __init__(self, index: faiss.Index) -> None:
        self.index = index
        if isinstance(index, faiss.IndexIVF):
            index.nprobe = IVF_PROBES

    @classmethod
    def build(cls, vectors: np.ndarray, *, kind: str | None = None) -> VectorStore:
        """Flat (exact) while small; IVF beyond FLAT_LIMIT (chosen by bench/scale.py figures)."""
        vectors = np.ascontiguousarray(vectors, dtype="float32")
        count, dimension = vectors.shape
        kind = kind or ("ivf" if count > FLAT_LIMIT else "flat")
        if kind == "hnsw":
            index = faiss.IndexHNSWFlat(dimension, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            index.hnsw.efSearch = 96
        elif kind in ("ivf", "ivf_sq8"):
            lists = max(64, int(4 * np.sqrt(count)))
            quantizer = faiss.IndexFlatIP(dimension)
            if kind == "ivf_sq8":  # 1 byte per dimension: a quarter of the memory
                index = faiss.IndexIVFScalarQuantizer(
                    quantizer, dimension, lists, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
                )
            else:
                index = faiss.IndexIVFFlat(quantizer, dimension, lists, faiss.METRIC_INNER_PRODUCT)
            sample = vectors[np.random.default_rng(0).choice(count, size=min(count, lists * 50), replace=False)]
            index.train(sample)
        else:
            index = faiss.IndexFlatIP(dimension)
        if count:
            index.add(vectors)
        return cls(index)

    @property
    def kind(self) -> str:
        if isinstance(self.index, faiss.IndexHNSWFlat):
            return "hnsw"
        if isinstance(self.index, faiss.IndexIVFScalarQuantizer):
            return "ivf_sq8"
        return "ivf" if isinstance(self.index, faiss.IndexIVF) else "flat"

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
