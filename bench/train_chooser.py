"""Fit the chooser: which quotable unit of the candidate passages answers a question.

    python bench/train_chooser.py [--index-dir DIR] [--dry-run] [--extra bench/eval/train_wide.jsonl]

For every in-scope training question (the tune part of bench/split.py, plus the extra sets written
for training, never the validation part), the answerer's own steps give the candidate units and
their features (bot/answering/choose.py, FEATURES); a unit is right when it holds an evidence span
(or is part of one). A pairwise logistic regression (each right unit against the units the current
model ranks highest among the wrong ones) learns one weight per feature; C is chosen by 5-fold
cross-validation over questions. Reported, per part: how often the top unit is right, and how
often the quoted answer (the top unit with what comes along: its list, lead-in, next sentence)
holds the evidence; and leave-one-document-out: fitted on the questions about four documents,
measured on the fifth. The weights go to index/chooser.json under the encoder's name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import contains, open_index, questions
from bench.split import load
from bot.answering.choose import MODEL_FILE, Chooser, choose, load_chooser
from bot.answering.features import FEATURES, Candidate
from bot.services import make_answerer
from index.language import Question
from index.text import collapse_whitespace

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5
NEGATIVES = 12  # wrong units paired with each right one: those the current model ranks highest
EVAL = Path(__file__).resolve().parent / "eval"


@dataclass
class Case:
    item: dict
    question: Question
    candidates: list[Candidate]
    features: np.ndarray
    right: np.ndarray


def right_unit(text: str, evidence: list[str]) -> bool:
    """The unit holds an evidence span, or is a sizeable part of one (a span across two sentences)."""
    flat = collapse_whitespace(text)
    return contains(text, evidence) or (len(flat) >= 30 and any(flat in collapse_whitespace(span) for span in evidence))


def collect(answerer, items: list[dict]) -> list[Case]:
    cases = []
    for item in items:
        question = answerer.analyse(item["question"])
        if question.intent not in {"question", "mandate", "objectives", "activities", "actors", "summary"}:
            continue
        if answerer.listings.answer(question) is not None:
            continue  # answered whole from the catalogue: nothing to choose
        vector = answerer.searcher.encoder.encode_queries([question.search_text])[0]
        hits = answerer.retrieve(question, vector)
        candidates, _ = answerer.candidates(question, hits, vector)
        if not candidates:
            continue
        right = np.array([right_unit(c.unit.text, item["evidence"]) for c in candidates])
        features = np.array([c.features for c in candidates], dtype="float64")
        cases.append(Case(item, question, candidates, features, right))
    return cases


def pairs(cases: list[Case], weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    differences, targets = [], []
    for case in cases:
        if not case.right.any() or case.right.all():
            continue
        scores = case.features @ weights
        wrong = np.where(~case.right)[0]
        wrong = wrong[np.argsort(-scores[wrong])][:NEGATIVES]
        for row in case.features[case.right]:
            differences += [row - case.features[wrong], case.features[wrong] - row]
            targets += [np.ones(len(wrong)), np.zeros(len(wrong))]
    return np.vstack(differences), np.concatenate(targets)


def fit(cases: list[Case], c: float, start: np.ndarray) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    weights = start
    for _ in range(2):  # negatives picked by the model being fitted, once more
        x, y = pairs(cases, weights)
        weights = LogisticRegression(C=c, fit_intercept=False, max_iter=5000).fit(x, y).coef_[0]
    return weights


def measure(cases: list[Case], weights: np.ndarray, answerer, chooser: Chooser) -> tuple[float, float]:
    """(top unit right, evidence in the quoted answer), over the cases."""
    fitted = replace(chooser, weights=tuple(weights))
    top, quoted = [], []
    for case in cases:
        scores = case.features @ weights
        order = np.argsort(-scores, kind="stable")
        ranked = [replace(case.candidates[i], score=float(scores[i])) for i in order]
        top.append(bool(case.right[order[0]]))
        chosen = choose(ranked, answerer.units, fitted, whole_list=case.question.listing)
        quoted.append(contains(" ".join(c.unit.text for c in chosen), case.item["evidence"]))
    return float(np.mean(top)) if top else 0.0, float(np.mean(quoted)) if quoted else 0.0


def cross_validate(cases: list[Case], c: float, start: np.ndarray, answerer, chooser) -> float:
    rng = np.random.default_rng(0)
    folds = np.array_split(rng.permutation(len(cases)), FOLDS)
    found = []
    for fold in folds:
        held = set(fold.tolist())
        weights = fit([case for i, case in enumerate(cases) if i not in held], c, start)
        found.append(measure([cases[i] for i in fold], weights, answerer, chooser)[1] * len(fold))
    return sum(found) / len(cases)


def training_items(extra: list[Path]) -> list[dict]:
    items = [item for item in questions("tune") if item.get("evidence")]
    for path in extra:
        if path.exists():
            items += [item for item in load(path) if item.get("evidence")]
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index-dir", type=Path, help="reuse (or build into) this index folder")
    parser.add_argument("--extra", type=Path, nargs="*", default=[EVAL / "train_wide.jsonl"])
    parser.add_argument("--dry-run", action="store_true", help="print the weights, do not write them")
    parser.add_argument("--validation", action="store_true", help="also measure on the validation part")
    args = parser.parse_args()

    settings, encoder, searcher, manifest = open_index(args.index_dir)
    answerer = make_answerer(settings, searcher)
    chooser = load_chooser(encoder.name)
    start = np.asarray(chooser.weights, dtype="float64")

    cases = collect(answerer, training_items(args.extra))
    usable = [case for case in cases if case.right.any()]
    print(f"{len(cases)} training questions choose among units; {len(usable)} have a right unit among the candidates")
    before = measure(usable, start, answerer, chooser)
    print(f"current weights on them: top unit right {before[0]:.3f}, evidence in the quote {before[1]:.3f}")
    results = {c: cross_validate(usable, c, start, answerer, chooser) for c in C_GRID}
    for c, value in results.items():
        print(f"C={c:<5} cross-validated evidence in the quote {value:.3f}")
    best = max(C_GRID, key=lambda c: (round(results[c], 3), -c))
    weights = fit(usable, best, start)
    print("weights:", ", ".join(f"{name} {value:.2f}" for name, value in zip(FEATURES, weights, strict=True)))

    documents = sorted({case.item["doc"] for case in usable})
    print("leave one document out (fitted on the other four; top unit right / evidence in the quote):")
    held_out = []
    for doc in documents:
        train = [case for case in usable if case.item["doc"] != doc]
        test = [case for case in usable if case.item["doc"] == doc]
        fold_weights = fit(train, best, start)
        top, quoted = measure(test, fold_weights, answerer, chooser)
        old = measure(test, start, answerer, chooser)
        held_out.append((len(test), quoted))
        print(
            f"  {doc}: {len(test):3} questions  {top:.3f} / {quoted:.3f}   (current weights {old[0]:.3f} / {old[1]:.3f})"
        )
    total = sum(n for n, _ in held_out)
    print(f"  all held out: evidence in the quote {sum(n * q for n, q in held_out) / total:.3f}")

    if args.validation:
        validation = [case for case in collect(answerer, [i for i in questions("validation") if i.get("evidence")])]
        valid = [case for case in validation if case.right.any()]
        print(f"validation ({len(valid)} of {len(validation)} with a right candidate):")
        print("  fitted  top {:.3f}  quote {:.3f}".format(*measure(valid, weights, answerer, chooser)))
        print("  current top {:.3f}  quote {:.3f}".format(*measure(valid, start, answerer, chooser)))

    if args.dry_run:
        return
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["weights"][manifest.model] = [round(float(w), 4) for w in weights]
    data.setdefault("fitted", {})[manifest.model] = {
        "on": "bench/split.py part 'tune' and " + ", ".join(str(p.relative_to(EVAL.parent)) for p in args.extra),
        "questions": len(usable),
        "C": best,
        "model": f"pairwise logistic regression, C={best} by {FOLDS}-fold cross-validation",
        "cv_evidence_in_quote": round(results[best], 4),
        "leave_one_document_out": round(sum(n * q for n, q in held_out) / total, 4),
        "date": dt.date.today().isoformat(),
    }
    MODEL_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    load_chooser.cache_clear()
    print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    main()
