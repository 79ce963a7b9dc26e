"""Vector search at archive scale: synthetic corpora of 100,000 and 1,000,000 passages.

    python bench/scale.py [--sizes 100000 1000000] [--kinds flat hnsw ivf] [--queries 300]

Vectors are 384-dimensional like the bundled models', drawn around 2,000 topic centres so that
neighbours exist as in real text; queries are perturbed passages. For each size and index type:
build time, resident memory of a fresh process that loads and serves the index, query latency
p50/p95 (one query at a time, query embedding excluded), and recall@10 against exact search.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DIMENSION = 384


def synthetic(count: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((2000, DIMENSION)).astype("float32")
    vectors = np.empty((count, DIMENSION), dtype="float32")
    for start in range(0, count, 100_000):
        end = min(count, start + 100_000)
        picks = rng.integers(0, len(centres), end - start)
        block = centres[picks] + 0.9 * rng.standard_normal((end - start, DIMENSION)).astype("float32")
        vectors[start:end] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return vectors


def queries_from(vectors: np.ndarray, count: int) -> np.ndarray:
    rng = np.random.default_rng(1)
    picked = vectors[rng.integers(0, len(vectors), count)]
    noisy = picked + 0.5 * rng.standard_normal(picked.shape).astype("float32") / np.sqrt(DIMENSION) * 4
    return (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype("float32")


SERVE = """
import json, sys, time
import numpy as np
sys.path.insert(0, {root!r})
from index.vectors import VectorStore
store = VectorStore.load(__import__("pathlib").Path({path!r}))
queries = np.load({queries!r})
for q in queries[:20]:
    store.search(q, 10)
latencies, results = [], []
for q in queries:
    started = time.perf_counter()
    hits = store.search(q, 10)
    latencies.append((time.perf_counter() - started) * 1000)
    results.append([i for i, _ in hits])
# VmHWM: this process's peak resident memory (ru_maxrss would include the parent's, from before exec)
status = open("/proc/self/status").read()
rss_mb = int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1]) / 1024
print(json.dumps({{"latencies": latencies, "results": results, "rss_mb": rss_mb}}))
"""


def measure(size: int, kinds: list[str], query_count: int) -> None:
    import faiss

    from index.vectors import VectorStore

    vectors = synthetic(size)
    queries = queries_from(vectors, query_count)
    exact = faiss.IndexFlatIP(DIMENSION)
    exact.add(vectors)
    _, truth = exact.search(queries, 10)
    del exact
    with tempfile.TemporaryDirectory() as scratch:
        query_path = Path(scratch) / "queries.npy"
        np.save(query_path, queries, allow_pickle=False)
        for kind in kinds:
            started = time.perf_counter()
            store = VectorStore.build(vectors, kind=kind)
            build_seconds = time.perf_counter() - started
            path = Path(scratch) / f"{kind}.faiss"
            store.save(path)
            del store
            code = SERVE.format(
                root=str(Path(__file__).resolve().parent.parent), path=str(path), queries=str(query_path)
            )
            output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            served = json.loads(output)
            latencies = sorted(served["latencies"])
            recall = np.mean(
                [
                    len(set(found) & set(expected)) / 10
                    for found, expected in zip(served["results"], truth.tolist(), strict=True)
                ]
            )
            p50 = latencies[len(latencies) // 2]
            p95 = latencies[int(0.95 * (len(latencies) - 1))]
            print(
                f"{size:>9,} {kind:5} build {build_seconds:7.1f} s  serving RSS {served['rss_mb']:7.0f} MB  "
                f"search p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  recall@10 {recall:.3f}",
                flush=True,
            )
            path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--kinds", nargs="+", default=["flat", "hnsw", "ivf", "ivf_sq8"])
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    for size in args.sizes:
        measure(size, args.kinds, args.queries)


if __name__ == "__main__":
    main()
