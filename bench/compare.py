"""Which questions changed between two runs of bench/answers.py --save.

    python bench/answers.py --save before.jsonl      # (then change the code)
    python bench/answers.py --save after.jsonl
    python bench/compare.py before.jsonl after.jsonl [--part tune] [--what right|text|direct|declined]

A change in a figure of two points is three questions; this names them. For each measure
(`right` by default: in scope, the evidence quoted and the direct line right where one is
expected; out of scope and near misses, refused) it lists the questions that went from right to
wrong and from wrong to right, with their part, language and the new answer's first words, then
the counts. Questions present in only one run are counted apart. The validation part is listed
like the others: read it only when a change is finished.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

MEASURES = ("right", "text", "direct", "declined")


def read(path: Path) -> dict[str, dict]:
    """The rows of one saved run by question id (JSONL, or CSV with 'True'/'False' cells)."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [
                {k: {"True": True, "False": False, "": None}.get(v, v) for k, v in row.items()}
                for row in csv.DictReader(handle)
            ]
    else:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["id"]: row for row in rows}


def changes(before: dict[str, dict], after: dict[str, dict], what: str, part: str | None = None) -> dict[str, list]:
    """Questions whose `what` went from True to False ("lost") and back ("gained")."""
    lost, gained = [], []
    for ident in sorted(before.keys() & after.keys()):
        old, new = before[ident], after[ident]
        if part and new.get("part") != part:
            continue
        if old.get(what) is None or new.get(what) is None or bool(old[what]) == bool(new[what]):
            continue
        (lost if old[what] else gained).append(new)
    return {"lost": lost, "gained": gained}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--part", help="only questions of this part (tune, validation, train_wide, calibration)")
    parser.add_argument("--what", choices=MEASURES, action="append", help="measures to compare (default: right)")
    args = parser.parse_args()

    before, after = read(args.before), read(args.after)
    for what in args.what or ["right"]:
        found = changes(before, after, what, args.part)
        for label, rows in (("right → wrong", found["lost"]), ("wrong → right", found["gained"])):
            if what == "declined":
                label = "refused → answered" if label == "right → wrong" else "answered → refused"
            print(f"{what}: {label} ({len(rows)})")
            for row in rows:
                print(f"  {row['id']:16} {row.get('part') or '':11} {row.get('lang') or '':2} {row['question'][:90]}")
                print(f"  {'':16} -> {str(row.get('answer') or '')[:110]!r}")
        print(f"{what}: {len(found['gained'])} gained, {len(found['lost'])} lost")
    only = (before.keys() ^ after.keys()) if not args.part else set()
    if only:
        print(f"{len(only)} question(s) in only one of the runs: {', '.join(sorted(only)[:10])}")


if __name__ == "__main__":
    main()
