"""Embeddings of every quotable sentence, so an answer can be chosen by meaning and not only by words.

"go missing" meets "disappearances", and a French question meets the English sentence that
answers it, because the question and each sentence are compared in the encoder's space (the
same multilingual model that ranks the passages). Sentences are embedded once, when the
answerer is built, and kept in a cache file keyed by model and text, so a restart or an index
update embeds only sentences it has not seen.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bot.answering.units import Unit

logger = logging.getLogger(__name__)


def _key(model: str, text: str) -> str:
    return hashlib.sha1(f"{model}\n{text}".encode(), usedforsecurity=False).hexdigest()[:20]


class UnitVectors:
    def __init__(self, encoder, cache_dir: Path | None = None) -> None:
        self.encoder = encoder
        self.cache_path = Path(cache_dir) / f"sentences-{_safe(encoder.name)}.npz" if cache_dir is not None else None
        self._rows: dict[str, int] = {}
        self._matrix = np.zeros((0, encoder.dimension), dtype="float32")

    def prepare(self, units: list[Unit], *, report: Callable[[str], None] | None = None) -> int:
        """Embed the units not embedded yet (from the cache when it has them); returns how many were new."""
        self._load()
        wanted: dict[str, str] = {}
        keyed = [(unit, _key(self.encoder.name, unit.text)) for unit in units]
        for unit, key in keyed:
            if key not in self._rows:
                wanted.setdefault(key, unit.text)
        if not wanted:
            for unit, key in keyed:
                unit.row = self._rows[key]
            return 0
        (report or logger.info)(
            f"Embedding {len(wanted)} sentences to choose answers by meaning (once; kept in the cache)…"
        )
        vectors = np.asarray(
            self.encoder.encode_passages(list(wanted.values()), show_progress=report is not None), dtype="float32"
        )
        start = len(self._matrix)
        self._matrix = np.vstack([self._matrix, vectors]) if len(self._matrix) else vectors
        for offset, key in enumerate(wanted):
            self._rows[key] = start + offset
        for unit, key in keyed:
            unit.row = self._rows[key]
        self._save()
        return len(wanted)

    def similarities(self, units: list[Unit], query_vector: np.ndarray) -> list[float | None]:
        """Cosine of each unit with the question (None for a unit that was never embedded)."""
        rows = [unit.row for unit in units]
        known = [row for row in rows if row is not None]
        values = iter((self._matrix[known] @ query_vector).tolist() if known else [])
        return [next(values) if row is not None else None for row in rows]

    def _load(self) -> None:
        if self._rows or self.cache_path is None or not self.cache_path.exists():
            return
        try:
            with np.load(self.cache_path, allow_pickle=False) as data:
                keys, matrix = data["keys"].tolist(), data["vectors"].astype("float32")
        except (OSError, ValueError, KeyError) as error:  # a damaged cache is rebuilt, never fatal
            logger.warning("Ignoring the sentence cache %s: %s", self.cache_path, error)
            return
        if matrix.ndim == 2 and matrix.shape[1] == self.encoder.dimension and len(keys) == len(matrix):
            self._matrix = matrix
            self._rows = {key: row for row, key in enumerate(keys)}

    def _save(self) -> None:
        if self.cache_path is None:
            return
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(self._rows, key=self._rows.get)
        # A name of its own: two processes (the bot and a CLI command) may save at the same time.
        handle, name = tempfile.mkstemp(dir=self.cache_path.parent, prefix=".sentences-", suffix=".npz")
        with os.fdopen(handle, "wb") as out:
            np.savez(out, keys=np.array(keys), vectors=self._matrix)
        os.replace(name, self.cache_path)  # readers never see half a file


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
