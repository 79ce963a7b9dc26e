"""Checking a new document before it enters the corpus: readable text, metadata, a file name.

Shared by `migrantsbot corpus add` and the chat upload, so both refuse the same bad files with
the same messages, which name the file as the maintainer sent it. `DOCUMENT_ERRORS` are the
failures a user can cause (a corrupt PDF, a name already taken, a bad date, a copy of a
document already there); their message says what is wrong.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from index.corpus import CorpusError, DocumentInfo, content_hash, load_manifest
from index.extract import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, ExtractionError, extract_text
from index.metadata import detect_metadata, short_name, slugify

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
    """Extract the text (raising ExtractionError with the reason) and settle the metadata.

    The same content under another name is refused (CorpusError naming the document already in
    the corpus): two copies would answer every question twice.
    """
    name = original_name or source.name
    text = extract_text(source, name=name)
    documents = load_manifest(corpus_dir)
    digest = content_hash(source)
    twin = next((doc for doc in documents if content_hash(corpus_dir / doc.file) == digest), None)
    if twin is not None:
        raise CorpusError(f"{name} has the same content as {twin.file} ({twin.short}), already in the corpus.")
    detected = detect_metadata(source, text)
    suffix = Path(name).suffix.lower()
    taken = {doc.file for doc in documents}
    stem = slugify(Path(name).stem)
    file = f"{stem}{suffix}"
    counter = 2
    while file in taken or (corpus_dir / file).exists():
        file = f"{stem}-{counter}{suffix}"
        counter += 1
    final_title = title or detected.title or Path(name).stem
    info = DocumentInfo(
        file=file,
        title=final_title,
        short=short or short_name(final_title),
        kind=kind or detected.kind,
        date=date or detected.date,
        symbols=symbols or detected.symbols,
        original=name,
    )
    return info, text
