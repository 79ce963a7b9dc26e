"""A newcomer's first start: from an empty data folder to the first answer, the bundled corpus.

    python bench/first_start.py [--runs 1]

Each run is a fresh process (`migrantsbot run` without a token, the console chat `make run`
starts, on an empty `MIGRANTSBOT_DATA_DIR`, one question typed then /quit), so the time holds what
a first `make run` waits for after installing: loading the model, reading and chunking
the corpus, embedding the passages and their quotable units in one pass, writing the index, and
answering one question. Prints each run and the median. The issue's target: at most 60 s on a
quiet 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "What does specific objective 8 say?"


def one_start() -> float:
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "MIGRANTSBOT_DATA_DIR": data, "HF_HUB_OFFLINE": "1"}
        env.pop("TELEGRAM_BOT_TOKEN", None)
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "bot.cli", "run"],
            cwd=ROOT,
            env=env,
            input=f"{QUESTION}\n/quit\n",
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - started
        if done.returncode != 0 or "objective" not in done.stdout.lower():
            raise SystemExit(f"the first start failed:\n{done.stdout}\n{done.stderr}")
        return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    times = []
    for run in range(1, args.runs + 1):
        times.append(one_start())
        print(f"run {run}: {times[-1]:.1f} s to the first answer")
    load = os.getloadavg()[0]
    print(f"first start, median of {len(times)}: {statistics.median(times):.1f} s (load average {load:.2f})")


if __name__ == "__main__":
    main()
