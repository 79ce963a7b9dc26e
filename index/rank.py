"""Fusion of the retrieval signals into one ranking, by weights learned on the tuning questions.

Every retriever proposes candidates (dense, BM25, the second encoder's sentences, exact
references); each candidate gets a row of features that say why it might answer the question;
a linear model scores the rows. An exact reference ("activity 27") is a promise, not a
feature: those passages lead whatever the model says (index/search.py). The weights are fitted by `bench/train_ranker.py` on the tuning part of the
development questions only (cross-validated there, measured on the validation part) and stored
in `ranker.json` beside this file: nothing is trained at start-up, and the same question always
gets the same ranking (ties go to the earlier passage).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from index.language.vocabulary import all_stop_words, stem_words
from index.lexical import content_words

FEATURES = (
    "dense",  # cosine of the default encoder, min-max scaled over the candidates
    "dense_gap",  # cosine minus the best candidate's cosine
    "lexical",  # BM25 over the best candidate's BM25
    "second",  # best sentence's cosine by the second encoder, min-max scaled (0 when it is off)
    "kind",  # the question asks "which activity/objective" and this is one
    "cue",  # the question names this passage's document (index/documents.py)
    "heading",  # share of the question's terms in the passage's heading and context
    "coverage",  # share of the question's terms (idf-weighted) in the passage
    "program",  # the passage is from the current normative text (kind "program")
)
WEIGHTS_FILE = Path(__file__).with_name("ranker.json")


@dataclass
class Signals:
    """Raw scores of one question's candidates, aligned with `positions`."""

    positions: list[int]
    dense: list[float]
    lexical: list[float]
    second: list[float] | None = None
    kind: list[float] = field(default_factory=list)
    cue: list[float] = field(default_factory=list)
    heading: list[float] = field(default_factory=list)
    coverage: list[float] = field(default_factory=list)
    program: list[float] = field(default_factory=list)


def _minmax(values: Sequence[float]) -> np.ndarray:
    array = np.asarray(values, dtype="float64")
    low, high = float(array.min()), float(array.max())
    return (array - low) / (high - low) if high > low else np.zeros_like(array)


def feature_matrix(signals: Signals) -> np.ndarray:
    """One row per candidate, one column per name in FEATURES."""
    count = len(signals.positions)
    dense = np.asarray(signals.dense, dtype="float64")
    lexical = np.asarray(signals.lexical, dtype="float64")
    best_lexical = float(lexical.max()) if count else 0.0
    columns = [
        _minmax(dense),
        dense - (float(dense.max()) if count else 0.0),
        lexical / best_lexical if best_lexical > 0 else np.zeros(count),
        _minmax(signals.second) if signals.second is not None else np.zeros(count),
    ]
    for name in FEATURES[4:]:
        values = getattr(signals, name)
        columns.append(np.asarray(values, dtype="float64") if values else np.zeros(count))
    return np.column_stack(columns) if count else np.zeros((0, len(FEATURES)))


class TermStats:
    """Stems of every passage (heading and body) and their document frequencies, for the
    heading and coverage features."""

    def __init__(self, headings: list[str], bodies: list[str], languages: list[str] | None = None) -> None:
        self.languages = languages or ["en"] * len(bodies)
        self.heading_stems = [
            frozenset(_content_stems(t, lang)) for t, lang in zip(headings, self.languages, strict=True)
        ]
        self.body_stems = [
            frozenset(_content_stems(body, lang)) | heading
            for body, heading, lang in zip(bodies, self.heading_stems, self.languages, strict=True)
        ]
        frequency: dict[str, int] = {}
        for passage in self.body_stems:
            for stem in passage:
                frequency[stem] = frequency.get(stem, 0) + 1
        self._frequency = frequency
        self._count = max(1, len(bodies))

    def idf(self, stem: str) -> float:
        return math.log(1 + self._count / (1 + self._frequency.get(stem, 0)))

    def features(
        self, terms: dict[str, Sequence[str]] | Sequence[str], positions: list[int]
    ) -> tuple[list[float], list[float]]:
        """(heading share, idf-weighted coverage) of the query terms, per candidate; each passage is
        read against the terms in its own language ({"en": [...], "es": [...]})."""
        stop = all_stop_words()
        by_language = terms if isinstance(terms, dict) else {"en": terms}
        queries = {
            lang: list(dict.fromkeys(stem_words([t for t in found if t not in stop], lang)))
            for lang, found in by_language.items()
        }
        heading, coverage = [], []
        for p in positions:
            query = queries.get(self.languages[p]) or queries.get("en") or []
            if not query:
                heading.append(0.0)
                coverage.append(0.0)
                continue
            weights = {stem: self.idf(stem) for stem in query}
            total = sum(weights.values()) or 1.0
            heading.append(sum(s in self.heading_stems[p] for s in query) / len(query))
            coverage.append(sum(w for s, w in weights.items() if s in self.body_stems[p]) / total)
        return heading, coverage


def _content_stems(text: str, lang: str = "en") -> list[str]:
    return stem_words(content_words(text), lang)


def configuration(second_model: str | None) -> str:
    """The key of the weights fitted for an index without ("all") or with a second encoder."""
    return f"all+{second_model}" if second_model else "all"


@dataclass(frozen=True)
class Ranker:
    """A linear model over FEATURES, one row of weights per configuration (see `configuration`)."""

    weights: dict[str, tuple[float, ...]]

    def scores(self, features: np.ndarray, key: str = "all") -> np.ndarray:
        row = self.weights.get(key) or self.weights["all"]
        return features @ np.asarray(row, dtype="float64")

    def order(self, signals: Signals, key: str = "all") -> list[tuple[int, float]]:
        """(position, score), best first; equal scores keep the earlier passage first."""
        if not signals.positions:
            return []
        scores = self.scores(feature_matrix(signals), key)
        ranked = sorted(zip(signals.positions, scores.tolist(), strict=True), key=lambda item: (-item[1], item[0]))
        return ranked


# Used when no ranker.json ships: dense and lexical evidence equally.
DEFAULT_WEIGHTS = (1.0, 0.0, 1.0, 0.5, 0.3, 0.3, 0.2, 0.5, 0.0)


@cache
def load_ranker(path: Path = WEIGHTS_FILE) -> Ranker:
    if not path.exists():
        return Ranker({"all": DEFAULT_WEIGHTS})
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path} was fitted for features {data['features']}, not {FEATURES}")
    return Ranker({key: tuple(values) for key, values in data["weights"].items()})
