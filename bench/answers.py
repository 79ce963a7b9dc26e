"""Answer quality and speed, per language, per part and per held-out document (extractive mode).

    python bench/answers.py                          # every part, then every document's questions
    python bench/answers.py --part validation        # one part (tune, validation, train_wide, calibration)
    python bench/answers.py --fold 2009              # only the test questions of one document's fold
    python bench/answers.py --save run.jsonl         # one line per question, for bench/compare.py
    python bench/answers.py --dump answers.jsonl     # the answers as a delegate reads them
    python bench/answers.py --fit bench.my_fit:fit   # fit per fold, measure each held-out document

The questions (bench/folds.py gathers them): the fixed split's `tune` and `validation` parts,
eval/train_wide.jsonl, the near misses made from each (eval/near_misses*.jsonl, reported with
the part of the question they came from), out_of_scope.jsonl as the `calibration` part, and
small_talk.jsonl on its own line. Every question is answered once; the tables regroup the same
answers by part and by document (for the current bot without fitting, each document's rows are
its leave-one-document-out test figures).

Per language, with 95% bootstrap intervals (with 15 French questions one miss is 7 points):
- evidence: in-scope answers whose quoted sentences hold an evidence span (refusals count as misses)
- direct: of the questions with a `direct` field (who, when, how many, which resolution...), the
  share whose direct line names it — `Answer.direct` when the answerer has it, otherwise the first
  sentence of the answer
- in-scope refused, near misses refused, out of scope refused ("partial" — "the documents mention X
  but do not say Y" — counts as refused, since it tells the reader the fact is not there)
- latency: p50 and p95 of `answer()` warm (model loaded, cache off), the median over `--runs` passes

Leave-one-document-out with fitted models: `--fit module:function` names a callable
`fit(fold: bench.folds.Fold) -> Answerer` that fits whatever it fits on `fold.train` and returns an
answerer; this script calls it for each of the five folds, measures the fold's `test` questions
with it, and prints each document's figures and the pooled ones. The same thing from Python:
`measure_folds(fit)` returns the per-question rows. Without `--fit`, the one answerer of
`load_answerer(Settings(), allow_llm=False)` answers every fold.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import LANGS, contains, direct_hit, percentile, with_interval
from bench.folds import Fold, every_question, fold_for, folds, kind
from bench.split import load

HERE = Path(__file__).resolve().parent
SMALL_TALK = HERE / "small_talk.jsonl"
PARTS = ("tune", "validation", "train_wide", "calibration", "probe")


def ask(answerer, item: dict):
    """One answer, never from the cache: each question is measured, not remembered."""
    return answerer.answer(item["question"], item.get("lang"), cached=False)


def direct_line(answer) -> str:
    """The answer's short direct line; until answers carry one, the first sentence quoted."""
    line = getattr(answer, "direct", None)
    if line:
        return line
    if not answer.found or not answer.sentences:
        return ""
    from index.text import split_sentences

    text = answer.sentences[0].text
    spans = split_sentences(text)
    return text[spans[0][0] : spans[0][1]] if spans else text


def score(answer, item: dict) -> dict:
    """One question's result: what was asked, what the bot did, and whether that was right."""
    what = kind(item)
    row = {
        "id": item["id"],
        "part": item.get("part"),
        "fold": item.get("fold") or item.get("doc"),
        "lang": item.get("lang", "en"),
        "expected": what,
        "style": item.get("style"),
        "question": item["question"],
        "answer_kind": answer.kind,
        "found": answer.found,
        "declined": not answer.found,
        "direct_line": direct_line(answer),
        "answer": answer.text,
    }
    if what == "in_scope":
        body = " ".join(s.text for s in answer.sentences) if answer.found else ""
        cited = [c.text for c in answer.citations] if answer.found else []
        row["text"] = contains(body, item["evidence"])
        row["first"] = row["text"] or bool(cited and contains(cited[0], item["evidence"]))
        row["any"] = row["first"] or any(contains(text, item["evidence"]) for text in cited)
        if item.get("direct"):
            row["direct"] = answer.found and direct_hit(row["direct_line"], item["direct"])
        row["right"] = row["text"] and row.get("direct", True)
    else:
        row["right"] = row["declined"]
    return row


def measure(
    answerer, items: Iterable[dict], *, verbose: bool = False, plain: Callable[[object], str] | None = None
) -> list[dict]:
    """Answer and score every item; `plain` renders each answer for --dump (kept as row["bot"])."""
    rows = []
    for item in items:
        answer = ask(answerer, item)
        row = score(answer, item)
        if plain is not None:
            row["bot"] = plain(answer)
        rows.append(row)
        if verbose and not row["right"] and row["part"] != "validation":  # validation is read only when finished
            print(
                f"MISS {row['id']} [{row['lang']}] {row['question']}\n   -> {row['answer_kind']}: {row['answer'][:300]!r}"
            )
    return rows


def _share(rows: list[dict], key: str) -> str:
    values = [float(r[key]) for r in rows if key in r]
    return f"{with_interval(values)} ({len(values)})" if values else "—"


def _count(rows: list[dict]) -> str:
    return f"{sum(r['declined'] for r in rows)}/{len(rows)}" if rows else "—"


def table(rows: list[dict], label: str) -> list[str]:
    """Per language: evidence in the answer, direct line right, and refusals by kind of question."""
    lines = [f"{label} ({len(rows)} questions):"]
    header = f"  {'lang':4} {'in':>4}  {'evidence':24} {'direct':24} {'in refused':>10} {'near refused':>12} {'out refused':>11}"
    lines.append(header)
    for lang in (*LANGS, "all"):
        mine = [r for r in rows if lang == "all" or r["lang"] == lang]
        if not mine:
            continue
        inside = [r for r in mine if r["expected"] == "in_scope"]
        near = [r for r in mine if r["expected"] == "near_miss"]
        outside = [r for r in mine if r["expected"] == "out_of_scope"]
        lines.append(
            f"  {lang:4} {len(inside):>4}  {_share(inside, 'text'):24} {_share(inside, 'direct'):24} "
            f"{_count(inside):>10} {_count(near):>12} {_count(outside):>11}"
        )
    return lines


def style_table(rows: list[dict]) -> list[str]:
    """Evidence and direct line per question style (the wide training set carries styles)."""
    styled = [r for r in rows if r.get("style") and r["expected"] == "in_scope"]
    if not styled:
        return []
    lines = ["  by style:"]
    for style in sorted({r["style"] for r in styled}):
        mine = [r for r in styled if r["style"] == style]
        lines.append(
            f"    {style:17} {len(mine):>3}  evidence {_share(mine, 'text'):24} direct {_share(mine, 'direct'):24} "
            f"refused {_count(mine)}"
        )
    return lines


def report(rows: list[dict], *, titles: dict[str, str]) -> list[str]:
    """Tables per part (fixed split, wide set, calibration) and per document, from one set of rows."""
    lines: list[str] = []
    for part in PARTS:
        mine = [r for r in rows if r["part"] == part]
        if mine:
            lines += table(mine, part)
            if part == "train_wide":
                lines += style_table(mine)
    for doc, title in titles.items():
        mine = [r for r in rows if r["fold"] == doc]
        if mine:
            lines += table(mine, f"document {title} — leave-one-document-out test")
    if len({r["fold"] for r in rows}) > 1:
        lines += table(rows, "all documents pooled")
    return lines


def latency(answerer, items: list[dict], runs: int) -> tuple[float, float]:
    """p50 and p95 in ms of warm answers: each pass's percentiles, then their median over passes."""
    for item in items:  # warm: model, tokenizer and numpy paths all exercised once
        ask(answerer, item)
    p50s, p95s = [], []
    for _ in range(runs):
        times = []
        for item in items:
            started = time.perf_counter()
            ask(answerer, item)
            times.append((time.perf_counter() - started) * 1000)
        p50s.append(percentile(times, 0.5))
        p95s.append(percentile(times, 0.95))
    return statistics.median(p50s), statistics.median(p95s)


def measure_folds(fit: Callable[[Fold], object], *, verbose: bool = False) -> list[dict]:
    """Leave-one-document-out: for each fold, `fit(fold)` returns an answerer fitted on `fold.train`,
    which answers `fold.test`. The rows of all five folds, each marked with its fold."""
    rows: list[dict] = []
    for fold in folds():
        answerer = fit(fold)
        rows += measure(answerer, fold.test, verbose=verbose)
    return rows


def save(path: Path, rows: list[dict]) -> None:
    """One line per question (JSONL, or CSV when the name ends in .csv), for bench/compare.py."""
    fields = ["id", "part", "fold", "lang", "expected", "style", "right", "text", "first", "any", "direct",
              "declined", "answer_kind", "question", "direct_line", "answer"]  # fmt: skip
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
    else:
        path.write_text(
            "".join(json.dumps({k: r.get(k) for k in fields}, ensure_ascii=False) + "\n" for r in rows),
            encoding="utf-8",
        )


def dump(path: Path, rows: list[dict], items: dict[str, dict]) -> None:
    """The answers as a delegate reads them, beside the reference, for reading one by one."""
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            item = items[row["id"]]
            record = {
                "id": row["id"],
                "part": row["part"],
                "lang": row["lang"],
                "expected": row["expected"],
                "style": row.get("style"),
                "question": row["question"],
                "reference": item.get("answer", "not in the documents"),
                "direct_expected": item.get("direct"),
                "direct_line": row["direct_line"],
                "bot": row.get("bot", row["answer"]),
                "kind": row["answer_kind"],
                "found": not row["declined"],
                **{key: row[key] for key in ("text", "first", "any", "direct") if key in row},
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _callable(spec: str) -> Callable[[Fold], object]:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name or "fit")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=[*PARTS, "all"], default="all", help="measure one part only")
    parser.add_argument("--fold", help="measure only the test questions of this document's fold")
    parser.add_argument("--fit", help="module:function fitting one answerer per fold (leave-one-document-out)")
    parser.add_argument("--dump", type=Path, help="write the answers as JSONL for reading")
    parser.add_argument("--save", type=Path, help="write one line per question (JSONL or .csv) for bench/compare.py")
    parser.add_argument("--verbose", action="store_true", help="print the misses (never those of validation)")
    parser.add_argument("--runs", type=int, default=3, help="timed passes for the latency (0: none)")
    args = parser.parse_args()

    from bot.config import Settings
    from bot.formatting import answer_plain
    from bot.services import load_answerer

    titles = {fold.doc: fold.title for fold in folds()}
    if args.fit:
        rows = measure_folds(_callable(args.fit), verbose=args.verbose)
        print("\n".join(report(rows, titles=titles)))
        return

    answerer = load_answerer(Settings(), allow_llm=False)
    if args.fold:
        items = fold_for(args.fold).test
    else:
        fold_of = {item["id"]: fold.doc for fold in folds() for item in fold.test}
        items = [{**item, "fold": fold_of.get(item["id"])} for item in every_question()]
    if args.part != "all":
        items = [item for item in items if item["part"] == args.part]

    rows = measure(answerer, items, verbose=args.verbose, plain=answer_plain if args.dump else None)
    print("\n".join(report(rows, titles=titles)))

    small_talk = load(SMALL_TALK) if SMALL_TALK.exists() and not args.fold else []
    handled: dict[str, list[bool]] = {}
    for item in small_talk:
        answer = answerer.answer(item["question"], item.get("lang"), cached=False)
        handled.setdefault(item["expect"], []).append(answer.kind == item["expect"])
        if args.verbose and answer.kind != item["expect"]:
            print(f"SMALL TALK MISS {item['id']} {item['question']!r} -> {answer.kind}")
    for expected, values in sorted(handled.items()):
        print(f"small_talk.jsonl {expected}: {sum(values)}/{len(values)} handled")

    if args.save:
        save(args.save, rows)
        print(f"saved {len(rows)} rows to {args.save}")
    if args.dump:
        dump(args.dump, rows, {item["id"]: item for item in items})
        print(f"wrote {len(rows)} answers to {args.dump}")
    if args.runs > 0:
        timed = items + small_talk
        p50, p95 = latency(answerer, timed, args.runs)
        print(
            f"answer latency warm over {len(timed)} questions, median of {args.runs} passes: p50 {p50:.1f} ms, p95 {p95:.1f} ms"
        )


if __name__ == "__main__":
    main()
