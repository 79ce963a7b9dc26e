"""Fit how much dictionary words weigh in choosing a question's language (index/identify.json).

    python bench/fit_identify.py [--dry-run]

The language identifier (fastText lite) misreads short keyword questions ("Texas fact finding
mision IACHR - when?" looks French to it); index/language/identify.py adds to each language's
score this weight times the share of the question's words its dictionary holds. The weight is
chosen on the tune part and eval/train_wide.jsonl (never validation): the value on the grid with
the fewest questions read in a language other than their own, the smallest on a tie. Printed with
the count for every value, and with a leave-one-document-out check (chosen on four documents'
questions, counted on the fifth's).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.folds import every_question, folds
from index.language import identify

GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)


def wrong(items: list[dict], weight: float) -> int:
    """How many questions are read in another language than their own with this weight."""
    identify.dictionary_weight.cache_clear()
    original = identify.dictionary_weight
    identify.dictionary_weight = lambda: weight  # the one number being fitted
    try:
        return sum(identify.detect_language(item["question"]) != item["lang"] for item in items)
    finally:
        identify.dictionary_weight = original


def best(items: list[dict]) -> tuple[float, dict[float, int]]:
    counts = {weight: wrong(items, weight) for weight in GRID}
    return min(GRID, key=lambda weight: (counts[weight], weight)), counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print, do not write index/identify.json")
    args = parser.parse_args()
    training = [item for item in every_question() if item["part"] in ("tune", "train_wide")]
    chosen, counts = best(training)
    print(f"{len(training)} questions (tune part and train_wide); read in another language, by weight:")
    for weight, count in counts.items():
        print(f"  {weight:4.2f}: {count}{'   <- chosen' if weight == chosen else ''}")
    held = 0
    for fold in folds():
        train_ids = {item["id"] for item in fold.train}
        fitted, _ = best([item for item in training if item["id"] in train_ids])
        test = [item for item in fold.test if item["part"] in ("tune", "train_wide")]
        held += wrong(test, fitted)
        print(
            f"  leave out {fold.title}: weight {fitted:.2f}, {wrong(test, fitted)}/{len(test)} of its questions misread"
        )
    print(f"leave one document out: {held} misread")
    if args.dry_run:
        return
    identify.WEIGHTS_FILE.write_text(
        json.dumps(
            {
                "about": "Weight of dictionary words in choosing a question's language (index/language/identify.py).",
                "dictionary_weight": chosen,
                "fitted": {
                    "on": "tune part and eval/train_wide.jsonl",
                    "misread": counts[chosen],
                    "questions": len(training),
                    "date": dt.date.today().isoformat(),
                },
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {identify.WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
