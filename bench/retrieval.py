"""Retrieval quality and speed on the fixed split: each signal alone and fused, per language and part.

    python bench/retrieval.py [--index-dir DIR] [--part tune|validation|all] [--show-misses]

For each part of bench/split.py and each language: recall@1, @5, @10 and MRR with a 95%
bootstrap interval, for the default encoder alone (dense), BM25 alone (lexical), the second
encoder's sentences alone (second) and the fused ranking that `Searcher.search` returns. Then
the warm search latency (query embedding included) and the full index build time. A hit is a
passage that contains one of the question's evidence strings (whitespace collapsed).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import LANGS, first_hit, percentile, questions, with_interval
from bot.config import Settings
from index.encoder import load_encoder
from index.store import build_index, current_version, load_searcher

DEPTH = 10
TIMING_PASSES = 3


def rankings(searcher, item: dict) -> dict[str, list[str]]:
    """The top DEPTH passage texts of each signal alone and of the fused search."""
    query = searcher.analyser.analyse(item["question"])
    vector = searcher.encoder.encode_queries([query.search_text])[0]
    chunks = searcher.chunks
    found = {
        "dense": [chunks[p].text for p, _ in searcher.vectors.search(vector, DEPTH)],
        "lexical": [
            chunks[p].text
            for p, _ in searcher.lexical.search({lang: query.terms_in(lang) for lang in searcher.languages}, DEPTH)
        ],
    }
    if searcher.sentences is not None:
        sentence_vector = searcher.sentence_encoder.encode_queries([query.text])[0]
        best = searcher.sentences.search(sentence_vector, DEPTH * 4)
        ordered = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:DEPTH]
        found["second"] = [chunks[p].text for p, _ in ordered]
    found["fused"] = [hit.chunk.text for hit in searcher.search(query, k=DEPTH, query_vector=vector)]
    return found


def summary(ranks: list[int | None]) -> str:
    def at(k: int) -> list[float]:
        return [1.0 if rank and rank <= k else 0.0 for rank in ranks]

    reciprocal = [1.0 / rank if rank else 0.0 for rank in ranks]
    return "  ".join(with_interval(values) for values in (at(1), at(5), at(10), reciprocal))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index-dir", type=Path, help="reuse (or build into) this index folder")
    parser.add_argument("--part", default="both", choices=["tune", "validation", "both"])
    parser.add_argument("--show-misses", action="store_true", help="tune questions whose evidence is not first")
    args = parser.parse_args()

    settings = Settings()
    started = time.perf_counter()
    encoder = load_encoder(settings.embedding_model)
    load_seconds = time.perf_counter() - started
    index_dir = args.index_dir or Path(tempfile.mkdtemp())
    build_seconds = None
    if current_version(index_dir) is None:
        started = time.perf_counter()
        build_index(settings.corpus_dir, index_dir, encoder)
        build_seconds = time.perf_counter() - started
    searcher, manifest = load_searcher(index_dir, encoder)

    parts = ["tune", "validation"] if args.part == "both" else [args.part]
    print(f"encoder {manifest.model} (load {load_seconds:.1f} s), second encoder {manifest.second_model or 'none'}")
    print(
        f"index: {manifest.chunk_count} passages"
        + (f", full build {build_seconds:.1f} s" if build_seconds is not None else " (reused)")
    )
    print(f"{'signal':8} {'part':10} {'lang':4} {'n':>3}  {'r@1':17} {'r@5':17} {'r@10':17} {'MRR':17}")
    timed = []
    for part in parts:
        items = [item for item in questions(part) if item.get("evidence")]
        timed += items
        ranks: dict[str, dict[str, list[int | None]]] = {}
        for item in items:
            for signal, texts in rankings(searcher, item).items():
                rank = first_hit(texts, item["evidence"])
                ranks.setdefault(signal, {}).setdefault(item["lang"], []).append(rank)
                if args.show_misses and signal == "fused" and part == "tune" and rank != 1:
                    print(f"  miss [{item['lang']}] rank {rank}: {item['question']}")
        for signal, by_lang in ranks.items():
            for lang in LANGS:
                values = by_lang.get(lang, [])
                if values:
                    print(f"{signal:8} {part:10} {lang:4} {len(values):>3}  {summary(values)}")

    latencies = []
    for item in timed:  # one warm-up pass, then the timed ones
        searcher.search(item["question"], k=5)
    for _ in range(TIMING_PASSES):
        for item in timed:
            started = time.perf_counter()
            searcher.search(item["question"], k=5)
            latencies.append((time.perf_counter() - started) * 1000)
    print(
        f"search latency, warm, every signal on (query embeddings included): p50 {percentile(latencies, 0.5):.1f} ms, "
        f"p95 {percentile(latencies, 0.95):.1f} ms over {len(latencies)} searches"
    )


if __name__ == "__main__":
    main()
