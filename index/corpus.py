"""The corpus folder: its manifest and the text of each document."""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from pathlib import Path

from pydantic import BaseModel, Field

MANIFEST_NAME = "manifest.toml"


class CorpusError(Exception):
    """A document or the manifest cannot be read; the message says which and why."""


class DocumentInfo(BaseModel):
    """One document as the manifest describes it."""

    file: str
    title: str
    short: str
    kind: str = "document"
    date: dt.date | None = None
    symbols: list[str] = Field(default_factory=list)
    original: str | None = None
    note: str = ""
    reported_by: str | None = None

    @property
    def doc_id(self) -> str:
        return Path(self.file).stem

    @property
    def year(self) -> str:
        return str(self.date.year) if self.date else ""


def load_manifest(corpus_dir: Path) -> list[DocumentInfo]:
    path = corpus_dir / MANIFEST_NAME
    if not path.exists():
        raise CorpusError(f"No {MANIFEST_NAME} in {corpus_dir}: the corpus folder needs one (see README).")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CorpusError(f"{path} is not valid TOML: {error}") from error
    documents = [DocumentInfo(**entry) for entry in data.get("document", [])]
    missing = [doc.file for doc in documents if not (corpus_dir / doc.file).exists()]
    if missing:
        raise CorpusError(f"The manifest lists files that are not in {corpus_dir}: {', '.join(missing)}")
    return documents


def read_text(path: Path) -> str:
    """The plain text of a corpus file (TXT or Markdown; other formats through `index.extract`)."""
    from index.extract import extract_text

    return extract_text(path)


def content_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(corpus_dir: Path, documents: list[DocumentInfo]) -> None:
    """Rewrite manifest.toml atomically: a crash leaves the old one, never half a file."""
    import os
    import tempfile

    import tomli_w

    entries = []
    for doc in documents:
        entry = {k: v for k, v in doc.model_dump(mode="json").items() if v not in (None, "", [])}
        entries.append(entry)
    header = "# The documents migrantsbot answers from. One [[document]] per file in this folder.\n\n"
    body = header + tomli_w.dumps({"document": entries})
    handle, temporary = tempfile.mkstemp(dir=corpus_dir, prefix=".manifest.", suffix=".toml")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(body)
    os.replace(temporary, corpus_dir / MANIFEST_NAME)


def add_document(corpus_dir: Path, source: Path, info: DocumentInfo, *, replace: bool = False) -> DocumentInfo:
    """Copy a checked file into the corpus under `info.file` and record it in the manifest."""
    import shutil

    documents = load_manifest(corpus_dir)
    existing = [doc for doc in documents if doc.file == info.file]
    if existing and not replace:
        raise CorpusError(f"{info.file} is already in the corpus; remove it first or replace it.")
    target = corpus_dir / info.file
    temporary = corpus_dir / f".{info.file}.part"
    shutil.copyfile(source, temporary)
    temporary.replace(target)
    documents = [doc for doc in documents if doc.file != info.file] + [info]
    write_manifest(corpus_dir, documents)
    return info


def remove_document(corpus_dir: Path, file: str) -> DocumentInfo:
    documents = load_manifest(corpus_dir)
    found = next((doc for doc in documents if doc.file == file), None)
    if found is None:
        raise CorpusError(f"{file} is not in the corpus.")
    write_manifest(corpus_dir, [doc for doc in documents if doc.file != file])
    (corpus_dir / file).unlink(missing_ok=True)
    return found
