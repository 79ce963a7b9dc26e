"""Answer quality and speed on the dev questions (extractive mode).

    python bench/answers.py [--eval ../shared/eval/dev.jsonl] [--extra bench/out_of_scope.jsonl] [--verbose]

In-scope: share of answers whose text, first citation or any citation contains an evidence
string; in-scope questions wrongly refused. Out-of-scope: share refused (dev set's own plus
bench/out_of_scope.jsonl, written by us for calibration). Latency p50/p95 of `answer()`, warm.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import Settings
from bot.services import load_answerer
from index.text import collapse_whitespace

DEFAULT_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.jsonl"
DEFAULT_EXTRA = Path(__file__).resolve().parent / "out_of_scope.jsonl"


def contains(text: str, evidence: list[str]) -> bool:
    flat = collapse_whitespace(text)
    return any(collapse_whitespace(span) in flat for span in evidence)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--extra", type=Path, default=DEFAULT_EXTRA)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    answerer = load_answerer(Settings(), allow_llm=False)
    items = [json.loads(line) for line in args.eval.read_text(encoding="utf-8").splitlines() if line.strip()]
    extra = (
        [json.loads(line) for line in args.extra.read_text(encoding="utf-8").splitlines() if line.strip()]
        if args.extra.exists()
        else []
    )

    in_text = in_first = in_any = refused_in = total_in = 0
    refused_out = total_out = refused_extra = 0
    for item in items + [{**e, "extra": True} for e in extra]:
        answer = answerer.answer(item["question"], cached=False)
        if item.get("evidence"):
            total_in += 1
            body = " ".join(s.text for s in answer.sentences)
            ok_text = contains(body, item["evidence"])
            ok_first = ok_text or (answer.citations and contains(answer.citations[0].text, item["evidence"]))
            ok_any = ok_first or any(contains(c.text, item["evidence"]) for c in answer.citations)
            in_text += ok_text
            in_first += bool(ok_first)
            in_any += bool(ok_any)
            refused_in += not answer.found
            if args.verbose and not ok_first:
                print(f"MISS {item['id']}: {item['question']}\n   -> {answer.text[:300]!r}")
        else:
            if item.get("extra"):
                refused_extra += not answer.found
            else:
                total_out += 1
                refused_out += not answer.found
            if args.verbose and answer.found:
                print(f"FALSE ANSWER {item['id']}: {item['question']}\n   -> {answer.text[:200]!r}")

    latencies = []
    for _ in range(3):
        for item in items:
            started = time.perf_counter()
            answerer.answer(item["question"], cached=False)
            latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    print(f"in-scope questions: {total_in}")
    print(f"  evidence in answer text:               {in_text / total_in:.2f}")
    print(f"  evidence in answer text or citation 1: {in_first / total_in:.2f}")
    print(f"  evidence within any citation:          {in_any / total_in:.2f}")
    print(f"  wrongly refused:                       {refused_in / total_in:.2f} ({refused_in})")
    print(
        f"out-of-scope refused (dev): {refused_out}/{total_out}; (extra calibration set): {refused_extra}/{len(extra)}"
    )
    print(
        f"answer latency warm: p50 {statistics.median(latencies):.1f} ms, p95 {latencies[int(0.95 * (len(latencies) - 1))]:.1f} ms"
    )


if __name__ == "__main__":
    main()
