"""Fit the gate: does the quote answer the question, and when it does not, is it a near miss.

    python bench/train_gate.py [--index-dir DIR] [--dry-run] [--validation]

Training data (never the validation part): the in-scope questions of the tune part and of
eval/train_wide.jsonl (label: answered), the tune part's out-of-scope questions and
bench/out_of_scope.jsonl (not answered, unrelated), and eval/near_misses.jsonl — tune and
train_wide questions with their year, amount, actor or place changed to one no document holds
(not answered, but their topic is there). For each, the answerer's own steps choose the quote and
the gate's features are computed on it (bot/answering/gate.py, FEATURES).

Two logistic regressions: `answer` (in scope against the rest) and `mention` (near misses against
unrelated questions). C by 5-fold cross-validation; the `answer` cut-off is the lowest probability
that keeps in-scope refusals at or under TARGET_REFUSED (cross-validated), `mention`'s is 0.5.
Reported per language: in-scope refused, out-of-scope refused, near misses refused and among them
told "mention X but do not say Y"; then leave-one-document-out (bench/folds.py): fitted on the
questions about four documents, measured on the fifth.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import LANGS, open_index, questions
from bench.split import load
from bot.answering.gate import FEATURES, MODEL_FILE, load_gate
from bot.services import make_answerer

HERE = Path(__file__).resolve().parent
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5
TARGET_REFUSED = 0.03  # at most this share of in-scope questions refused


@dataclass
class Row:
    item: dict
    features: np.ndarray
    scope: str  # "in", "near" or "out"


def scope_of(item: dict) -> str:
    if item.get("kind") == "near_miss":
        return "near"
    return "in" if item.get("evidence") else "out"


def collect(answerer, items: list[dict]) -> list[Row]:
    """The gate's features for every question that reaches it (not small talk, not a catalogue list)."""
    rows = []
    for item in items:
        question = answerer.analyse(item["question"])
        if question.intent in {"empty", "small_talk", "referral", "more"}:
            continue
        if answerer.listings.answer(question) is not None:
            continue
        vector = answerer.searcher.encoder.encode_queries([question.search_text])[0]
        hits = answerer.retrieve(question, vector)
        _, verdict = answerer.decide(question, hits, vector)
        if not verdict.features:
            continue
        rows.append(Row(item, np.asarray(verdict.features, dtype="float64"), scope_of(item)))
    return rows


@dataclass
class Fitted:
    """A logistic regression fitted on standardised features, its weights given back on the raw ones
    (what bot/answering/gate.py multiplies)."""

    coef_: np.ndarray
    intercept_: np.ndarray

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-(x @ self.coef_[0] + self.intercept_[0])))
        return np.column_stack([1 - p, p])


def _fit(x: np.ndarray, y: np.ndarray, c: float) -> Fitted:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit((x - mean) / scale, y)
    weights = model.coef_[0] / scale
    return Fitted(np.array([weights]), np.array([model.intercept_[0] - float(np.dot(weights, mean))]))


def fit_answer(rows: list[Row], c: float):
    x = np.vstack([r.features for r in rows])
    y = np.array([r.scope == "in" for r in rows])
    return _fit(x, y, c)


def fit_mention(rows: list[Row], c: float):
    refused = [r for r in rows if r.scope != "in"]
    x = np.vstack([r.features for r in refused])
    y = np.array([r.scope == "near" for r in refused])
    return _fit(x, y, c)


def cutoff_for(probabilities: list[float]) -> float:
    """The highest cut-off that refuses at most TARGET_REFUSED of these in-scope probabilities."""
    ordered = sorted(probabilities)
    index = int(np.floor(TARGET_REFUSED * len(ordered)))
    return float(ordered[index]) if ordered else 0.5


def folds_of(rows: list[Row]) -> list[list[int]]:
    rng = np.random.default_rng(0)
    return [fold.tolist() for fold in np.array_split(rng.permutation(len(rows)), FOLDS)]


def cross_validated(rows: list[Row], c: float) -> tuple[np.ndarray, float]:
    """Held-out probabilities of every row, and the cut-off chosen inside each fold (averaged)."""
    probabilities = np.zeros(len(rows))
    cutoffs = []
    for fold in folds_of(rows):
        held = set(fold)
        train = [row for i, row in enumerate(rows) if i not in held]
        model = fit_answer(train, c)
        cutoffs.append(cutoff_for(model.predict_proba(np.vstack([r.features for r in train if r.scope == "in"]))[:, 1]))
        probabilities[fold] = model.predict_proba(np.vstack([rows[i].features for i in fold]))[:, 1]
    return probabilities, float(np.mean(cutoffs))


def report(rows: list[Row], refused: np.ndarray, told: np.ndarray, label: str) -> list[str]:
    lines = [f"{label}:"]
    for lang in (*LANGS, "all"):
        mine = [i for i, row in enumerate(rows) if lang == "all" or row.item.get("lang") == lang]
        if not mine:
            continue
        parts = [f"  {lang:3}"]
        for scope, name in (
            ("in", "in-scope refused"),
            ("out", "out of scope refused"),
            ("near", "near misses refused"),
        ):
            idx = [i for i in mine if rows[i].scope == scope]
            if idx:
                parts.append(f"{name} {int(refused[idx].sum())}/{len(idx)}")
        near = [i for i in mine if rows[i].scope == "near" and refused[i]]
        if near:
            parts.append(f"(told what is missing {int(told[near].sum())}/{len(near)})")
        lines.append("  ".join(parts))
    return lines


def training_items() -> list[dict]:
    items = [item for item in questions("tune")]
    for name in (
        "eval/train_wide.jsonl",
        "eval/near_misses.jsonl",
        "eval/out_of_scope_train.jsonl",
        "out_of_scope.jsonl",
    ):
        path = HERE / name
        if path.exists():
            items += load(path)
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index-dir", type=Path, help="reuse (or build into) this index folder")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, do not write the model")
    parser.add_argument("--validation", action="store_true", help="also measure on the validation part")
    parser.add_argument("--save-rows", type=Path, help="keep the training rows (features) in this JSONL file")
    parser.add_argument("--rows", type=Path, help="fit on rows kept by --save-rows instead of answering again")
    args = parser.parse_args()

    settings, _, searcher, manifest = open_index(args.index_dir)
    answerer = make_answerer(settings, searcher)

    if args.rows:
        rows = [
            Row(line["item"], np.asarray(line["features"]), line["scope"])
            for line in map(json.loads, args.rows.read_text(encoding="utf-8").splitlines())
        ]
    else:
        rows = collect(answerer, training_items())
    if args.save_rows:
        args.save_rows.write_text(
            "".join(
                json.dumps({"item": r.item, "features": r.features.tolist(), "scope": r.scope}, ensure_ascii=False)
                + "\n"
                for r in rows
            ),
            encoding="utf-8",
        )
    counts = {scope: sum(r.scope == scope for r in rows) for scope in ("in", "out", "near")}
    print(f"training rows reaching the gate: {counts}")

    results = {}
    for c in C_GRID:
        probabilities, cutoff = cross_validated(rows, c)
        refused = probabilities < cutoff
        in_refused = refused[[i for i, r in enumerate(rows) if r.scope == "in"]].mean()
        out_refused = refused[[i for i, r in enumerate(rows) if r.scope != "in"]].mean()
        results[c] = (out_refused - 3 * max(0.0, in_refused - TARGET_REFUSED), cutoff, in_refused, out_refused)
        print(
            f"C={c:<5} cross-validated: in-scope refused {in_refused:.3f}, out of scope and near misses refused {out_refused:.3f}"
        )
    best = max(C_GRID, key=lambda c: (round(results[c][0], 3), -c))
    answer_model = fit_answer(rows, best)
    in_probabilities = answer_model.predict_proba(np.vstack([r.features for r in rows if r.scope == "in"]))[:, 1]
    cutoff = cutoff_for(in_probabilities)
    mention_model = fit_mention(rows, best)
    print("answer weights:", ", ".join(f"{n} {w:.2f}" for n, w in zip(FEATURES, answer_model.coef_[0], strict=True)))
    print("mention weights:", ", ".join(f"{n} {w:.2f}" for n, w in zip(FEATURES, mention_model.coef_[0], strict=True)))

    probabilities, _ = cross_validated(rows, best)
    refused = probabilities < results[best][1]
    mention_probabilities = mention_model.predict_proba(np.vstack([r.features for r in rows]))[:, 1]
    print("\n".join(report(rows, refused, mention_probabilities >= 0.5, "cross-validated on the training rows")))

    from bench.folds import folds

    by_id = {row.item["id"]: row for row in rows}
    held_rows, held_refused, held_told = [], [], []
    for fold in folds():
        train = [by_id[item["id"]] for item in fold.train if item["id"] in by_id]
        test = [by_id[item["id"]] for item in fold.test if item["id"] in by_id]
        if not test or not train:
            continue
        model = fit_answer(train, best)
        fold_cutoff = cutoff_for(model.predict_proba(np.vstack([r.features for r in train if r.scope == "in"]))[:, 1])
        mention = fit_mention(train, best)
        x = np.vstack([r.features for r in test])
        held_rows += test
        held_refused += list(model.predict_proba(x)[:, 1] < fold_cutoff)
        held_told += list(mention.predict_proba(x)[:, 1] >= 0.5)
    print("\n".join(report(held_rows, np.array(held_refused), np.array(held_told), "leave one document out")))

    if args.validation:
        from bench.split import load as load_items

        items = questions("validation")
        path = HERE / "eval" / "near_misses_validation.jsonl"
        if path.exists():
            items += load_items(path)
        valid = collect(answerer, items)
        x = np.vstack([r.features for r in valid])
        print(
            "\n".join(
                report(
                    valid,
                    answer_model.predict_proba(x)[:, 1] < cutoff,
                    mention_model.predict_proba(x)[:, 1] >= 0.5,
                    "validation",
                )
            )
        )

    if args.dry_run:
        return
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["models"][manifest.model] = {
        "answer": {
            "weights": [round(float(w), 5) for w in answer_model.coef_[0]],
            "intercept": round(float(answer_model.intercept_[0]), 5),
            "cutoff": round(cutoff, 5),
        },
        "mention": {
            "weights": [round(float(w), 5) for w in mention_model.coef_[0]],
            "intercept": round(float(mention_model.intercept_[0]), 5),
            "cutoff": 0.5,
        },
    }
    data.setdefault("fitted", {})[manifest.model] = {
        "on": "tune part, eval/train_wide.jsonl, eval/near_misses.jsonl, eval/out_of_scope_train.jsonl, out_of_scope.jsonl",
        "rows": counts,
        "C": best,
        "model": f"logistic regression (balanced classes), C={best} by {FOLDS}-fold cross-validation",
        "cutoff": f"in-scope refusals at most {TARGET_REFUSED:.0%} on the training rows",
        "date": dt.date.today().isoformat(),
    }
    MODEL_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    load_gate.cache_clear()
    print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    main()
