"""Answer quality and speed, per language and per part of the fixed split (extractive mode).

    python bench/answers.py [--part tune|validation|all] [--dump FILE] [--verbose] [--runs 3]

In scope (questions with evidence): share of answers whose own sentences hold an evidence span
("text"), or whose first citation does ("first"), or any citation ("any"); in-scope questions
refused (a "partial" answer — "the documents mention X but do not say Y" — counts as refused).
Out of scope: share refused or answered "partial", over the dev questions of the part plus
bench/out_of_scope.jsonl (written by us, used for calibration, reported on its own row).
Small talk and personal cases (bench/small_talk.jsonl): share given the expected kind.
Latency: p50/p95 of `answer()` warm (model loaded, answer cache off), over every question.
Figures come with 95% bootstrap intervals: with 5 French questions one miss is 20 points.

`--dump FILE` writes one JSON line per question of the part: the question, the reference answer,
the bot's answer as a delegate would read it, its kind and sources — for reading by a person.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import LANGS, contains, percentile, questions, with_interval
from bench.split import load
from bot.config import Settings
from bot.formatting import answer_plain
from bot.services import load_answerer

HERE = Path(__file__).resolve().parent
OUT_OF_SCOPE = HERE / "out_of_scope.jsonl"
SMALL_TALK = HERE / "small_talk.jsonl"


def declined(answer) -> bool:
    """Refused, or "the documents mention X but do not say Y": both tell the reader it is not there."""
    return not answer.found


def score(answer, item: dict) -> dict:
    row = {"id": item["id"], "lang": item.get("lang", "en"), "kind": answer.kind, "declined": declined(answer)}
    if item.get("evidence"):
        body = " ".join(s.text for s in answer.sentences) if answer.found else ""
        cited = [c.text for c in answer.citations] if answer.found else []
        row["text"] = contains(body, item["evidence"])
        row["first"] = row["text"] or bool(cited and contains(cited[0], item["evidence"]))
        row["any"] = row["first"] or any(contains(text, item["evidence"]) for text in cited)
    return row


def table(rows: list[dict], label: str) -> list[str]:
    lines = [f"{label}:"]
    for lang in (*LANGS, "all"):
        mine = [r for r in rows if lang == "all" or r["lang"] == lang]
        inside = [r for r in mine if "text" in r]
        outside = [r for r in mine if "text" not in r]
        if not mine:
            continue
        parts = [f"  {lang:3} in-scope {len(inside):3}"]
        if inside:
            parts += [
                f"text {with_interval([float(r['text']) for r in inside])}",
                f"first {with_interval([float(r['first']) for r in inside])}",
                f"any {with_interval([float(r['any']) for r in inside])}",
                f"refused {sum(r['declined'] for r in inside)}",
            ]
        if outside:
            parts.append(f"| out-of-scope declined {sum(r['declined'] for r in outside)}/{len(outside)}")
        lines.append("  ".join(parts))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", default="both", choices=["tune", "validation", "all", "both"])
    parser.add_argument("--dump", type=Path, help="write the validation part's answers as JSONL for reading")
    parser.add_argument("--verbose", action="store_true", help="print the misses of the tune part")
    parser.add_argument("--runs", type=int, default=3, help="timed passes over all questions")
    args = parser.parse_args()

    answerer = load_answerer(Settings(), allow_llm=False)
    parts = ["tune", "validation"] if args.part == "both" else [args.part]
    extra = load(OUT_OF_SCOPE) if OUT_OF_SCOPE.exists() else []
    small_talk = load(SMALL_TALK) if SMALL_TALK.exists() else []
    every_question: list[str] = [e["question"] for e in extra + small_talk]

    for name in parts:
        items = questions(name)
        every_question += [item["question"] for item in items]
        rows, dumped = [], []
        for item in items:
            answer = answerer.answer(item["question"], cached=False)
            row = score(answer, item)
            rows.append(row)
            if (
                args.verbose
                and name == "tune"
                and (("text" in row and not row["text"]) or ("text" not in row and not row["declined"]))
            ):
                print(
                    f"MISS {item['id']} [{item['lang']}] {item['question']}\n   -> {answer.kind}: {answer.text[:300]!r}"
                )
            if args.dump and name == "validation":
                dumped.append(
                    {
                        "id": item["id"],
                        "lang": item.get("lang"),
                        "question": item["question"],
                        "reference": item.get("answer", "not in the documents"),
                        "bot": answer_plain(answer),
                        "kind": answer.kind,
                        "found": answer.found,
                        **{key: row[key] for key in ("text", "first", "any") if key in row},
                    }
                )
        print("\n".join(table(rows, name)))
        if dumped:
            args.dump.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in dumped), encoding="utf-8")
            print(f"  wrote {len(dumped)} answers to {args.dump}")

    if extra:
        refused = [declined(answerer.answer(e["question"], cached=False)) for e in extra]
        print(f"out_of_scope.jsonl (calibration): declined {sum(refused)}/{len(refused)}")
    if small_talk:
        handled = {}
        for item in small_talk:
            answer = answerer.answer(item["question"], cached=False)
            handled.setdefault(item["expect"], []).append(answer.kind == item["expect"])
            if args.verbose and answer.kind != item["expect"]:
                print(f"SMALL TALK MISS {item['id']} {item['question']!r} -> {answer.kind}")
        for kind, values in sorted(handled.items()):
            print(f"small_talk.jsonl {kind}: {sum(values)}/{len(values)} handled")

    for question in every_question:  # warm: model, tokenizer and numpy paths all exercised once
        answerer.answer(question, cached=False)
    latencies = []
    for _ in range(args.runs):
        for question in every_question:
            started = time.perf_counter()
            answerer.answer(question, cached=False)
            latencies.append((time.perf_counter() - started) * 1000)
    print(
        f"answer latency warm over {len(every_question)} questions × {args.runs}: "
        f"p50 {percentile(latencies, 0.5):.1f} ms, p95 {percentile(latencies, 0.95):.1f} ms"
    )


if __name__ == "__main__":
    main()
