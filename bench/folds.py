"""Leave-one-document-out folds: fit on questions about four documents, measure on the fifth.

    python bench/folds.py            # prints each fold's sizes per part and language

    from bench.folds import folds
    for fold in folds():             # five folds, one per corpus document
        model = fit(fold.train)      # questions about the other four documents (+ out of scope)
        measure(model, fold.test)    # every question about fold.doc, of every part

With one fixed split, a rule written for a sentence of one document is tuned and measured on
that same document; leaving the whole document out shows whether the rule carries to text it was
never written for. Every fitted model and every hand-written rule is reported this way beside the
fixed split (issue 23).

What goes where, for the fold of document D:
- `train`: the in-scope questions of the `tune` part and of eval/train_wide.jsonl, and the near
  misses made from them (eval/near_misses.jsonl), whose `doc` is not D and whose `alt_docs` do
  not include D (a question another document also answers would leak D's text); plus the
  out-of-scope questions of the tune part and of out_of_scope.jsonl assigned to another fold.
  The `validation` part never enters `train`: it stays for measuring.
- `test`: every question whose `doc` is D — tune, validation and train_wide parts — and the near
  misses of those (both files), plus the out-of-scope questions assigned to this fold.
- Out-of-scope questions (no document) are dealt to the five folds in turn, in the order of their
  source and id, so each fold's test holds about a fifth of them and the others train on the rest.

Each item carries `part` (tune, validation, train_wide, calibration for out_of_scope.jsonl) and
`fold` (the document it is tested with). The fixed split of bench/split.py is unchanged.
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.split import load, questions

HERE = Path(__file__).resolve().parent
EVAL_DIR = HERE / "eval"
CORPUS = HERE.parent / "corpus"
OUT_OF_SCOPE = HERE / "out_of_scope.jsonl"


@dataclass
class Fold:
    """One document held out: `train` never mentions it, `test` is every question about it."""

    doc: str  # the document's original name, as the question sets write it
    title: str  # its short title, for printing
    train: list[dict] = field(default_factory=list)
    test: list[dict] = field(default_factory=list)


def documents(corpus: Path = CORPUS) -> dict[str, str]:
    """The corpus documents in manifest order: original name → short title."""
    manifest = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))
    return {entry["original"]: entry.get("short", entry["file"]) for entry in manifest["document"]}


def every_question(eval_dir: Path = EVAL_DIR, out_of_scope: Path = OUT_OF_SCOPE) -> list[dict]:
    """All questions with their `part`: the fixed split, train_wide, near misses, out of scope."""
    items = [dict(item) for item in questions(eval_dir)]
    optional = {
        "train_wide.jsonl": "train_wide",
        "out_of_scope_train.jsonl": "train_out",  # plain off-topic questions written for training
        "near_misses.jsonl": None,  # each keeps the part of the question it was made from
        "near_misses_validation.jsonl": None,
        "near_misses_unlisted.jsonl": "probe",  # names no list of the bot holds: measuring only
    }
    for name, part in optional.items():
        path = eval_dir / name
        if path.exists():
            items += [{**item, "part": part or item["source_part"]} for item in load(path)]
    if out_of_scope.exists():
        items += [
            {**item, "part": "calibration", "kind": item.get("kind", "out_of_scope")} for item in load(out_of_scope)
        ]
    return items


def in_scope(item: dict) -> bool:
    return bool(item.get("evidence"))


def folds(eval_dir: Path = EVAL_DIR, corpus: Path = CORPUS, out_of_scope: Path = OUT_OF_SCOPE) -> list[Fold]:
    """The five leave-one-document-out folds, computed the same way every time."""
    docs = documents(corpus)
    result = {doc: Fold(doc, title) for doc, title in docs.items()}
    order = list(docs)
    items = every_question(eval_dir, out_of_scope)
    unassigned = sorted(
        (item for item in items if not item.get("doc")),
        key=lambda item: (item["part"] != "tune", item["part"], item["id"]),
    )
    for n, item in enumerate(unassigned):
        item["fold"] = order[n % len(order)]
    for item in items:
        if item.get("doc"):
            item["fold"] = item["doc"]
    for fold in result.values():
        for item in items:
            if item["fold"] == fold.doc:
                fold.test.append(item)
            elif item["part"] in ("tune", "train_wide", "train_out", "calibration") and fold.doc not in item.get(
                "alt_docs", []
            ):
                fold.train.append(item)
    return list(result.values())


def fold_for(name: str, eval_dir: Path = EVAL_DIR) -> Fold:
    """The fold of one document, named by its original name, file name, or a word of its title."""
    wanted = name.lower()
    manifest = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))
    for entry in manifest["document"]:
        names = [entry["original"], entry["file"], entry.get("short", ""), entry.get("title", "")]
        if any(wanted == n.lower() for n in names) or any(wanted in n.lower() for n in names[2:] if n):
            return next(fold for fold in folds(eval_dir) if fold.doc == entry["original"])
    raise ValueError(f"no document matches {name!r}; use the original name, the file name or a word of its title")


def kind(item: dict) -> str:
    """in_scope, near_miss or out_of_scope: what the right behaviour is."""
    if item.get("kind") == "near_miss":
        return "near_miss"
    return "in_scope" if in_scope(item) else "out_of_scope"


if __name__ == "__main__":
    for fold in folds():
        print(f"{fold.title} ({fold.doc}): train {len(fold.train)}, test {len(fold.test)}")
        for label, items in (("train", fold.train), ("test", fold.test)):
            counts = Counter((item["part"], kind(item)) for item in items)
            print(f"  {label}:", ", ".join(f"{p}/{k} {n}" for (p, k), n in sorted(counts.items())))
