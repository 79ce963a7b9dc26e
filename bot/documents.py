"""Checking a new document before it enters the corpus: readable text, metadata, a file name.

Shared by `migrantsbot corpus add` and the chat upload, so both refuse the same bad files with
the same messages, which name the file as the maintainer sent it. `DOCUMENT_ERRORS` are the
failures a user can cause (a corrupt PDF, a name already taken, a bad date, a copy of a
document already there); their message says what is wrong (`document_error` gives it in the
maintainer's language when it is one of the string table's).

A new document's file name is checked against every source folder (the corpus and the generated
folder of focal points' reports) before anything is written, and never takes the reports'
reserved namespace (`index.corpus.GENERATED_PREFIX`): an upload named "Focal report 1.txt"
becomes `document-focal-report-1.txt`, so it cannot collide with report #1.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import ValidationError

from bot.texts import t
from index.corpus import GENERATED_PREFIX, CorpusError, DocumentInfo, find_twin, load_manifest, twin_error
from index.extract import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, ExtractionError, extract
from index.metadata import KINDS, detect_metadata, short_name, slugify

__all__ = [
    "DOCUMENT_ERRORS",
    "KINDS",
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "DocumentInfo",
    "MetadataError",
    "document_error",
    "free_name",
    "prepare_document",
]


class MetadataError(CorpusError):
    """A metadata value given by the maintainer (caption, option) that does not fit; `key` names the text."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(t("en", key, **values))


DOCUMENT_ERRORS = (ExtractionError, CorpusError, ValueError)


def document_error(error: Exception, lang: str) -> str:
    """What the maintainer reads: the string table's text when there is one, else the message."""
    return t(lang, error.key, **error.values) if isinstance(error, MetadataError) else str(error)


def taken_names(folders: list[Path]) -> set[str]:
    """Every document name of every source folder: listed in a manifest, or a file in the folder."""
    taken: set[str] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        taken |= {path.name for path in folder.iterdir()}
        if (folder / "manifest.toml").exists():
            taken |= {doc.file for doc in load_manifest(folder)}
    return taken


def free_name(wanted: str, folders: list[Path]) -> str:
    """`wanted`, or `stem-2.txt`, `stem-3.txt`…: a name no source folder holds, outside the reserved namespace."""
    path = Path(wanted)
    stem, suffix = path.stem, path.suffix
    if f"{stem}-".startswith(GENERATED_PREFIX):
        stem = f"document-{stem}"
    taken = taken_names(folders)
    file, counter = f"{stem}{suffix}", 2
    while file in taken:
        file = f"{stem}-{counter}{suffix}"
        counter += 1
    return file


def _date(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise MetadataError("doc.bad_date", name=name, value=value.strip()) from None


def prepare_document(
    source: Path,
    corpus_dir: Path,
    *,
    source_dirs: list[Path] | None = None,
    original_name: str | None = None,
    title: str | None = None,
    short: str | None = None,
    date: str | dt.date | None = None,
    kind: str | None = None,
    symbols: list[str] | None = None,
) -> tuple[DocumentInfo, str]:
    """Extract the text (raising ExtractionError with the reason) and settle the metadata.

    The same content under another name, or in another format (a DOCX beside its PDF), is
    refused (CorpusError naming the document already in the corpus): two copies would answer
    every question twice. It is the check the folder scan makes (`index.corpus.find_twin`). `source_dirs` are all the folders
    the index is built from (the corpus first); the name chosen is free in all of them.
    """
    name = original_name or source.name
    given_date = _date(date, name)  # before the work of extracting: a typo in the caption is said at once
    extracted = extract(source, name=name)
    text = extracted.text
    twin = find_twin(corpus_dir, text, load_manifest(corpus_dir))
    if twin is not None:
        raise CorpusError(twin_error(name, twin))
    detected = detect_metadata(source, text, extracted)
    file = free_name(f"{slugify(Path(name).stem)}{Path(name).suffix.lower()}", source_dirs or [corpus_dir])
    final_title = title or detected.title or Path(name).stem
    try:
        info = DocumentInfo(
            file=file,
            title=final_title,
            short=short or short_name(final_title),
            kind=kind or detected.kind,
            date=given_date or detected.date,
            symbols=symbols or detected.symbols,
            original=name,
        )
    except ValidationError as error:  # a value given by hand that the manifest cannot hold
        first = error.errors()[0]
        field = ".".join(str(part) for part in first.get("loc", ())) or "value"
        raise MetadataError("doc.bad_field", name=name, field=field, problem=first.get("msg", "invalid")) from None
    return info, text
