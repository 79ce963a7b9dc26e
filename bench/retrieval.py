"""Retrieval quality and speed on the dev questions: recall@1, recall@5, MRR by language and retriever.

    python bench/retrieval.py [--eval ../shared/eval/dev.jsonl] [--model bundled:all-MiniLM-L6-v2]

A hit is a passage that contains one of the question's evidence strings (whitespace collapsed).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import Settings
from index.encoder import load_encoder
from index.query import parse_query
from index.store import build_index, load_searcher
from index.text import collapse_whitespace

DEFAULT_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.jsonl"


def load_questions(path: Path) -> list[dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [item for item in items if item.get("evidence")]


def first_hit(texts: list[str], evidence: list[str]) -> int | None:
    spans = [collapse_whitespace(span) for span in evidence]
    for rank, text in enumerate(texts, start=1):
        flat = collapse_whitespace(text)
        if any(span in flat for span in spans):
            return rank
    return None


def metrics(ranks: list[int | None]) -> dict[str, float]:
    count = len(ranks) or 1
    return {
        "n": len(ranks),
        "r@1": sum(1 for r in ranks if r == 1) / count,
        "r@5": sum(1 for r in ranks if r and r <= 5) / count,
        "mrr": sum(1 / r for r in ranks if r) / count,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--model", default=None)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()

    settings = Settings()
    model = args.model or settings.embedding_model
    started = time.perf_counter()
    encoder = load_encoder(model, query_prompt=settings.query_prompt, passage_prompt=settings.passage_prompt)
    load_seconds = time.perf_counter() - started
    questions = load_questions(args.eval)

    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        manifest = build_index(settings.corpus_dir, Path(scratch), encoder)
        build_seconds = time.perf_counter() - started
        searcher, _ = load_searcher(Path(scratch), encoder)

        results: dict[str, dict[str, list[int | None]]] = {}
        latencies: list[float] = []
        misses = []
        for item in questions:
            lang = item.get("lang", "en")
            query = parse_query(item["question"])
            vector = encoder.encode_queries([query.search_text])[0]
            dense = [searcher.chunks[p].text for p, _ in searcher.vectors.search(vector, 5)]
            lexical = [searcher.chunks[p].text for p, _ in searcher.lexical.search(list(query.terms), 5)]
            started = time.perf_counter()
            hits = searcher.search(item["question"], k=5)
            latencies.append((time.perf_counter() - started) * 1000)
            fused = [hit.chunk.text for hit in hits]
            for name, texts in (("dense", dense), ("lexical", lexical), ("fused", fused)):
                results.setdefault(name, {}).setdefault(lang, []).append(first_hit(texts, item["evidence"]))
            if first_hit(fused, item["evidence"]) != 1:
                misses.append(
                    (
                        item["id"],
                        item["question"],
                        first_hit(fused, item["evidence"]),
                        hits[0].chunk.section_path if hits else "",
                    )
                )

        for _ in range(3):  # warm timing pass over all questions
            for item in questions:
                started = time.perf_counter()
                searcher.search(item["question"], k=5)
                latencies.append((time.perf_counter() - started) * 1000)

    print(
        f"model {model}: load {load_seconds:.1f} s; index build {build_seconds:.1f} s for {manifest.chunk_count} passages"
    )
    print(f"{'retriever':10} {'lang':4} {'n':>3} {'r@1':>6} {'r@5':>6} {'mrr':>6}")
    for name, by_lang in results.items():
        for lang in sorted(by_lang):
            m = metrics(by_lang[lang])
            print(f"{name:10} {lang:4} {m['n']:>3} {m['r@1']:>6.2f} {m['r@5']:>6.2f} {m['mrr']:>6.2f}")
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(
        f"search latency (warm, with query embedding): p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(latencies)} queries"
    )
    if args.show_misses:
        for miss in misses:
            print("miss", miss)


if __name__ == "__main__":
    main()
