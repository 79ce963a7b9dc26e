"""The one fixed split of the development questions into a tuning part and a validation part.

    python bench/split.py            # prints the sizes per language and part

`dev.jsonl` (30 questions) was tuned on by the first version of the bot, so all of it is in the
tuning part. `dev2.jsonl` is split half and half within each (language, in scope / out of scope)
stratum by a fixed seed. Tune on `tune`; only measure on `validation`. The split is computed,
never edited by hand: changing SEED or the rule is a new split and old figures no longer compare.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent / "eval"
SEED = 20261202
PARTS = ("tune", "validation")


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def questions(eval_dir: Path = EVAL_DIR) -> list[dict]:
    """Every development question with its `part` ("tune" or "validation")."""
    first = [{**item, "part": "tune"} for item in load(eval_dir / "dev.jsonl")]
    second = load(eval_dir / "dev2.jsonl")
    strata: dict[tuple[str, bool], list[dict]] = {}
    for item in sorted(second, key=lambda item: item["id"]):
        strata.setdefault((item["lang"], bool(item.get("evidence"))), []).append(item)
    rng = random.Random(SEED)
    split: list[dict] = []
    for key in sorted(strata):
        items = strata[key][:]
        rng.shuffle(items)
        half = len(items) // 2
        split += [{**item, "part": "tune"} for item in items[:half]]
        split += [{**item, "part": "validation"} for item in items[half:]]
    return first + sorted(split, key=lambda item: item["id"])


def part(name: str, eval_dir: Path = EVAL_DIR) -> list[dict]:
    if name not in (*PARTS, "all"):
        raise ValueError(f"part must be one of {', '.join(PARTS)} or all")
    return [item for item in questions(eval_dir) if name == "all" or item["part"] == name]


if __name__ == "__main__":
    counts = Counter((item["part"], item["lang"], "in" if item.get("evidence") else "out") for item in questions())
    for key in sorted(counts):
        print(*key, counts[key])
