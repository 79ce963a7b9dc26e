"""Checking a new document before it enters the corpus: readable text, metadata, a file name.

Shared by `migrantsbot corpus add` and the chat upload, so both refuse the same bad files with
the same messages. `DOCUMENT_ERRORS` are the failures a user can cause (a corrupt PDF, a name
already taken, a bad date); their message says what is wrong.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from index.corpus import CorpusError, DocumentInfo, load_manifest
from index.extract import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, ExtractionError, extract_text
from index.metadata import detect_metadata, slugify

__all__ = ["DOCUMENT_ERRORS", "MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "DocumentInfo", "prepare_document"]

DOCUMENT_ERRORS = (ExtractionError, CorpusError, ValueError)


def prepare_document(
    source: Path,
    corpus_dir: Path,
    *,
    original_name: str | None = None,
    title: str | None = None,
    short: str | None = None,
    date: str | dt.date | None = None,
    kind: str | None = None,
    symbols: list[str] | None = None,
) -> tuple[DocumentInfo, str]:
    """Extract the text (raising ExtractionError with the reason) and settle the metadata."""
    name = original_name or source.name
    text = extract_text(source)
    detected = detect_metadata(source, text)
    suffix = Path(name).suffix.lower()
    taken = {doc.file for doc in load_manifest(corpus_dir)}
    stem = slugify(Path(name).stem)
    file = f"{stem}{suffix}"
    counter = 2
    while file in taken:
        file = f"{stem}-{counter}{suffix}"
        counter += 1
    final_title = title or detected.title or Path(name).stem
    info = DocumentInfo(
        file=file,
        title=final_title,
        short=short or (final_title if len(final_title) <= 48 else final_title[:45].rsplit(" ", 1)[0] + "…"),
        kind=kind or detected.kind,
        date=date or detected.date,
        symbols=symbols or detected.symbols,
        original=name,
    )
    return info, text
