"""What the benchmarks share: the question split, the hit rules, bootstrap intervals, percentiles."""

from __future__ import annotations

import random
import re
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.split import part as split_part
from index.text import collapse_whitespace, fold

LANGS = ("en", "es", "fr", "pt")


def open_index(index_dir: Path | None):
    """What the fitting scripts start from: (settings, the configured encoder, a searcher, its
    manifest) on `index_dir`, built there first when it holds no index (a temporary folder when None)."""
    import tempfile

    from bot.config import Settings
    from index.encoder import load_encoder
    from index.store import build_index, current_version, load_searcher

    settings = Settings()
    encoder = load_encoder(settings.embedding_model)
    index_dir = index_dir or Path(tempfile.mkdtemp())
    if current_version(index_dir) is None:
        build_index(settings.corpus_dir, index_dir, encoder)
    searcher, manifest = load_searcher(index_dir, encoder)
    return settings, encoder, searcher, manifest


def contains(text: str, evidence: list[str]) -> bool:
    """The dev sets' hit rule: an evidence span inside the text, runs of whitespace collapsed."""
    flat = collapse_whitespace(text)
    return any(collapse_whitespace(span) in flat for span in evidence)


def first_hit(texts: Sequence[str], evidence: list[str]) -> int | None:
    for rank, text in enumerate(texts, start=1):
        if contains(text, evidence):
            return rank
    return None


def bootstrap(
    values: Sequence[float],
    statistic: Callable[[Sequence[float]], float] = statistics.fmean,
    *,
    rounds: int = 2000,
    seed: int = 7,
) -> tuple[float, float]:
    """A 95% percentile-bootstrap interval: small sets have wide error bars, and this shows them."""
    if not values:
        return (0.0, 0.0)
    rng = random.Random(seed)
    n = len(values)
    samples = sorted(statistic([values[rng.randrange(n)] for _ in range(n)]) for _ in range(rounds))
    return samples[int(0.025 * rounds)], samples[int(0.975 * rounds) - 1]


def with_interval(values: Sequence[float]) -> str:
    if not values:
        return "  —"
    low, high = bootstrap(values)
    return f"{statistics.fmean(values):.2f} [{low:.2f}–{high:.2f}]"


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))] if ordered else 0.0


def questions(part: str) -> list[dict]:
    return split_part(part)


def _plain(text: str) -> str:
    return collapse_whitespace(fold(text).replace("’", "'").replace("‘", "'"))


def direct_hit(line: str | None, expected: list[str]) -> bool:
    """Whether a direct answer line names what was asked: any expected string, accents and case
    folded, as a whole token run ("12" is not found in "120" or "2012")."""
    if not line:
        return False
    flat = _plain(line)
    return any(
        re.search(rf"(?<![0-9a-z]){re.escape(_plain(want))}(?![0-9a-z])", flat) is not None
        for want in expected
        if want.strip()
    )
