"""Fit the chooser and the gate on one leave-one-document-out fold, for bench/answers.py.

    python bench/answers.py --fit bench.fit_models:fit

`fit(fold)` fits both models on `fold.train` only (questions about the other four documents, their
near misses, and out-of-scope questions of the other folds) exactly as bench/train_chooser.py and
bench/train_gate.py fit them on the whole training data, and returns an answerer that uses them:
bench/answers.py then measures the held-out document's questions with it. What does not depend on
the weights (search, the candidate units and their features) is computed once per question and
kept for the five folds.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import train_chooser, train_gate
from bench.folds import Fold
from bot.answering.answer import Answerer
from bot.answering.choose import MODEL_FILE as CHOOSER_FILE
from bot.answering.choose import load_chooser
from bot.answering.gate import MODEL_FILE as GATE_FILE
from bot.answering.gate import Gate, Logistic, load_gate
from bot.config import Settings
from bot.services import load_answerer


@cache
def _base() -> Answerer:
    return load_answerer(Settings(), allow_llm=False, build_if_needed=True, update_if_stale=False)


_PREPARED: dict[str, tuple | None] = {}


def _prepared(answerer: Answerer, item: dict):
    """(question, hits, vector, scored candidates) of a question that reaches the chooser, once."""
    if item["id"] not in _PREPARED:
        question = answerer.analyse(item["question"])
        if question.intent in {"empty", "small_talk", "referral", "more"} or answerer.listings.answer(question):
            _PREPARED[item["id"]] = None
        else:
            vector = answerer.searcher.encoder.encode_queries([question.search_text])[0]
            hits = answerer.retrieve(question, vector)
            scored = answerer.candidates(question, hits, vector)
            _PREPARED[item["id"]] = (question, hits, vector, scored)
    return _PREPARED[item["id"]]


def _c(path: Path, model: str) -> float:
    """The regularisation the whole-data fit chose by cross-validation (kept in the model file)."""
    return float(json.loads(path.read_text(encoding="utf-8")).get("fitted", {}).get(model, {}).get("C", 0.1))


def _logistic(model, cutoff: float) -> Logistic:
    return Logistic(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), cutoff)


def fit(fold: Fold) -> Answerer:
    answerer = _base()
    chooser = load_chooser(answerer.searcher.encoder.name)
    start = np.asarray(chooser.weights, dtype="float64")

    cases = []
    for item in fold.train:
        if not item.get("evidence") or item.get("kind") == "near_miss":
            continue
        prepared = _prepared(answerer, item)
        if prepared is None or not prepared[3][0]:
            continue
        question, _, _, (candidates, _) = prepared
        right = np.array([train_chooser.right_unit(c.unit.text, item["evidence"]) for c in candidates])
        if right.any():
            features = np.array([c.features for c in candidates], dtype="float64")
            cases.append(train_chooser.Case(item, question, candidates, features, right))
    name = answerer.searcher.encoder.name
    weights = train_chooser.fit(cases, _c(CHOOSER_FILE, name), start)
    fitted_chooser = replace(chooser, weights=tuple(weights))

    rows = []
    gate = load_gate(answerer.searcher.encoder.name)
    for item in fold.train:
        prepared = _prepared(answerer, item)
        if prepared is None:
            continue
        question, hits, vector, scored = prepared
        _, verdict = answerer.decide(question, hits, vector, chooser=fitted_chooser, gate=gate, scored=scored)
        if verdict.features:
            rows.append(train_gate.Row(item, np.asarray(verdict.features), train_gate.scope_of(item)))
    c = _c(GATE_FILE, name)
    answer_model = train_gate.fit_answer(rows, c)
    inside = np.vstack([r.features for r in rows if r.scope == "in"])
    cutoff = train_gate.cutoff_for(answer_model.predict_proba(inside)[:, 1])
    mention_model = train_gate.fit_mention(rows, c)
    fitted_gate = Gate(_logistic(answer_model, cutoff), _logistic(mention_model, 0.5))
    return Answerer(answerer.searcher, answerer.catalogue, chooser=fitted_chooser, gate=fitted_gate)
