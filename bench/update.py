"""Adding one document to the bundled corpus: incremental update versus full rebuild.

    python bench/update.py

Model loading is excluded from both times. Prints the passages embedded by each, so that
"zero embeddings for unchanged documents" is visible, and the speed-up.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import Settings
from bot.services import make_encoder
from index.corpus import DocumentInfo, add_document
from index.store import build_index
from index.update import update_index


class Counting:
    """Wraps the real encoder and counts the passages it embeds."""

    def __init__(self, encoder) -> None:
        self.inner = encoder
        self.name, self.dimension = encoder.name, encoder.dimension
        self.passages = 0

    def encode_queries(self, texts):
        return self.inner.encode_queries(texts)

    def encode_passages(self, texts, *, show_progress=False):
        self.passages += len(texts)
        return self.inner.encode_passages(texts)


NEW_DOCUMENT = """I. INTRODUCTION
The Committee on Migration Issues held its first meeting of the 2020-2021 period on October 15, 2020.
II. FINDINGS
· Member states reported on regularization programs for Venezuelan migrants and on access to health services during the pandemic.
· The IACHR presented its Inter-American Principles on the Human Rights of All Migrants, Refugees, Stateless Persons and Victims of Human Trafficking.
· The IIN described its work on unaccompanied migrant children at borders.
"""


def main() -> None:
    settings = Settings()
    encoder = Counting(make_encoder(settings))
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        shutil.copytree(settings.corpus_dir, corpus)
        index_dir = Path(scratch) / "index"

        started = time.perf_counter()
        build_index(corpus, index_dir, encoder)
        full_seconds = time.perf_counter() - started
        full_passages = encoder.passages

        new = Path(scratch) / "cam-meeting-2020.txt"
        new.write_text(NEW_DOCUMENT, encoding="utf-8")
        add_document(
            corpus, new, DocumentInfo(file="cam-meeting-2020.txt", title="CAM meeting 2020", short="CAM meeting 2020")
        )
        encoder.passages = 0
        started = time.perf_counter()
        result = update_index(corpus, index_dir, encoder)
        update_seconds = time.perf_counter() - started

    print(f"full rebuild:        {full_seconds:6.2f} s, {full_passages} passages embedded")
    print(
        f"add one document:    {update_seconds:6.2f} s, {encoder.passages} passages embedded, {result.reused_chunks} reused"
    )
    print(f"speed-up: {full_seconds / update_seconds:.0f}×")


if __name__ == "__main__":
    main()
