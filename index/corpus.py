"""The corpus folder: its manifest and the text of each document.

The folder is the truth. A supported file that `manifest.toml` does not list is a new document
(`scan_folder` finds it, `register_new_files` detects its metadata and lists it); a listed file
that is gone is reported, not fatal. The manifest is edited in place with tomlkit, so the
comments, order and layout a maintainer gave it survive every upload and removal, and each write
replaces the file atomically.

One content check serves every way in (a file copied into the folder, `corpus add`, an upload):
`find_twin` compares a new document's normalised text (words only, case and accents folded) with
each listed document's, so the same text under another name, or as DOCX beside its PDF, is named
as the document already there. Texts are compared by a sketch of their word 5-grams (a few
differences, such as a page header left in, still match); sketches are kept by file hash in
`.fingerprints.json` in the folder, so a check does not read every PDF again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import tomllib
from pathlib import Path

import tomlkit
from pydantic import BaseModel, Field, ValidationError

MANIFEST_NAME = "manifest.toml"
# Generated documents (focal points' reports, bot/reporting/report_docs.py) are named
# "focal-report-<id>.txt" in their own folder; no maintained document may take such a name.
GENERATED_PREFIX = "focal-report-"
MANIFEST_HEADER = "# The documents migrantsbot answers from. One [[document]] per file in this folder.\n"
FINGERPRINTS_NAME = ".fingerprints.json"  # a cache (file hash → text sketch); safe to delete
SHINGLE_WORDS = 5
SKETCH_SIZE = 256
TWIN_SIMILARITY = 0.8  # share of word 5-grams in common (estimated) from which two texts are one document


class CorpusError(Exception):
    """A document or the manifest cannot be read; the message says which and why."""


class DocumentInfo(BaseModel):
    """One document as the manifest describes it."""

    file: str
    title: str
    short: str
    kind: str = "other"
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


class FolderScan(BaseModel):
    """What the folder holds compared with what its manifest lists."""

    listed: list[DocumentInfo] = []  # listed and present
    missing: list[str] = []  # listed, but the file is gone
    unlisted: list[str] = []  # supported files the manifest does not list: new documents
    unsupported: list[str] = []  # other files (spreadsheets, images…), left alone


def _read_entries(corpus_dir: Path) -> list[DocumentInfo]:
    path = corpus_dir / MANIFEST_NAME
    if not path.exists():
        raise CorpusError(f"No {MANIFEST_NAME} in {corpus_dir}: the corpus folder needs one (see README).")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return [DocumentInfo(**entry) for entry in data.get("document", [])]
    except tomllib.TOMLDecodeError as error:
        raise CorpusError(f"{path} is not valid TOML: {error}") from error
    except (ValidationError, TypeError) as error:
        raise CorpusError(f"{path} has an entry that is not a document description: {error}") from error


def load_manifest(corpus_dir: Path) -> list[DocumentInfo]:
    """The listed documents whose files exist (the ones the index can be built from)."""
    return [doc for doc in _read_entries(corpus_dir) if (corpus_dir / doc.file).is_file()]


def scan_folder(corpus_dir: Path) -> FolderScan:
    from index.extract import SUPPORTED_SUFFIXES

    entries = _read_entries(corpus_dir)
    listed_names = {doc.file for doc in entries}
    scan = FolderScan(
        listed=[doc for doc in entries if (corpus_dir / doc.file).is_file()],
        missing=[doc.file for doc in entries if not (corpus_dir / doc.file).is_file()],
    )
    for path in sorted(corpus_dir.iterdir()):
        if not path.is_file() or path.name.startswith(".") or path.name == MANIFEST_NAME or path.name in listed_names:
            continue
        (scan.unlisted if path.suffix.lower() in SUPPORTED_SUFFIXES else scan.unsupported).append(path.name)
    return scan


class NewFile(BaseModel):
    """A file found in the folder: listed with detected metadata, or refused with the reason."""

    file: str
    info: DocumentInfo | None = None
    error: str | None = None


def register_new_files(corpus_dir: Path, *, dry_run: bool = False) -> list[NewFile]:
    """List every supported unlisted file in the manifest, with the metadata read from it.

    A file that cannot become text, or whose text is a document already listed (or another new
    file of this scan), is reported with its reason and not listed, so the next run tries it
    again once it is fixed or removed.
    """
    from index.extract import ExtractionError, extract
    from index.metadata import detect_metadata, short_name

    found: list[NewFile] = []
    listed = load_manifest(corpus_dir)
    for name in scan_folder(corpus_dir).unlisted:
        path = corpus_dir / name
        if is_generated_name(name):
            found.append(NewFile(file=name, error=reserved_name_error(name)))
            continue
        try:
            extracted = extract(path)
        except ExtractionError as error:
            found.append(NewFile(file=name, error=str(error)))
            continue
        twin = find_twin(corpus_dir, extracted.text, listed + [new.info for new in found if new.info])
        if twin is not None:
            found.append(NewFile(file=name, error=twin_error(name, twin)))
            continue
        detected = detect_metadata(path, extracted.text, extracted)
        title = detected.title or path.stem
        info = DocumentInfo(
            file=name,
            title=title,
            short=short_name(title),
            kind=detected.kind,
            date=detected.date,
            symbols=detected.symbols,
            note="added from the folder; metadata detected",
        )
        if not dry_run:
            add_entry(corpus_dir, info)
        found.append(NewFile(file=name, info=info))
    return found


def twin_error(name: str, twin: DocumentInfo) -> str:
    return f"{name} has the same content as {twin.file} ({twin.short}), already in the corpus."


# -- the content check --------------------------------------------------------------------------


def normalised_words(text: str) -> list[str]:
    """The words of a text, case and accents folded, without punctuation, layout or list marks."""
    from index.text import fold

    return re.findall(r"[^\W_]+", fold(text))


def sketch(text: str) -> dict:
    """A text's fingerprint: the hash of its normalised words, and the smallest hashes of its word 5-grams."""
    words = normalised_words(text)
    size = min(SHINGLE_WORDS, max(len(words), 1))
    shingles = {" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 1))}
    hashes = sorted(
        int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big") for shingle in shingles
    )
    return {"exact": hashlib.sha256(" ".join(words).encode()).hexdigest(), "sketch": hashes[:SKETCH_SIZE]}


def similarity(first: dict, second: dict) -> float:
    """Estimated share of word 5-grams the two texts have in common (Jaccard, by bottom-k sketches)."""
    if first["exact"] == second["exact"]:
        return 1.0
    a, b = set(first["sketch"]), set(second["sketch"])
    union = sorted(a | b)[:SKETCH_SIZE]
    if not union:
        return 0.0
    return sum(1 for value in union if value in a and value in b) / len(union)


def find_twin(corpus_dir: Path, text: str, documents: list[DocumentInfo] | None = None) -> DocumentInfo | None:
    """The listed document whose text is this one's (the same words, give or take a few), if any."""
    from index.extract import ExtractionError, extract_text

    documents = load_manifest(corpus_dir) if documents is None else documents
    mine = sketch(text)
    cache_path = corpus_dir / FINGERPRINTS_NAME
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    fresh: dict[str, dict] = {}
    twin = None
    for document in documents:
        path = corpus_dir / document.file
        if not path.is_file():
            continue
        digest = content_hash(path)
        theirs = cache.get(digest)
        if not isinstance(theirs, dict) or "sketch" not in theirs:
            try:
                theirs = sketch(extract_text(path))
            except ExtractionError:
                continue
        fresh[digest] = theirs
        if twin is None and similarity(mine, theirs) >= TWIN_SIMILARITY:
            twin = document
    if fresh.keys() != cache.keys():
        _write_cache(cache_path, fresh)
    return twin


def _write_cache(path: Path, fingerprints: dict[str, dict]) -> None:
    """Replace the fingerprint cache atomically; a folder that cannot be written simply has none."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".fingerprints.", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(fingerprints, out)
        os.replace(temporary, path)
    except OSError:
        pass


def is_generated_name(file: str) -> bool:
    """A name of the generated namespace (focal points' reports), which maintained documents cannot use."""
    return file.lower().startswith(GENERATED_PREFIX)


def reserved_name_error(file: str) -> str:
    return f"{file}: names starting with '{GENERATED_PREFIX}' are reserved for focal points' reports; rename the file."


def read_text(path: Path) -> str:
    """The plain text of a corpus file (TXT or Markdown; other formats through `index.extract`)."""
    from index.extract import extract_text

    return extract_text(path)


def content_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- manifest edits that keep the file's layout -----------------------------------------------


def _entry_table(info: DocumentInfo) -> tomlkit.items.Table:
    table = tomlkit.table()
    for key, value in info.model_dump(mode="json").items():
        if value not in (None, "", []):
            table[key] = value
    return table


def _load_document(corpus_dir: Path) -> tomlkit.TOMLDocument:
    path = corpus_dir / MANIFEST_NAME
    if not path.exists():
        return tomlkit.parse(MANIFEST_HEADER)
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except tomlkit.exceptions.TOMLKitError as error:
        raise CorpusError(f"{path} is not valid TOML: {error}") from error


def _save_document(corpus_dir: Path, document: tomlkit.TOMLDocument) -> None:
    """Replace manifest.toml atomically: a crash leaves the old one, never half a file."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=corpus_dir, prefix=".manifest.", suffix=".toml")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(tomlkit.dumps(document))
    os.replace(temporary, corpus_dir / MANIFEST_NAME)


def _documents_array(document: tomlkit.TOMLDocument) -> tomlkit.items.AoT:
    if "document" not in document:
        document.append("document", tomlkit.aot())
    return document["document"]


def add_entry(corpus_dir: Path, info: DocumentInfo, *, replace: bool = False) -> None:
    """Append (or, with `replace`, update in place) one document's entry, touching nothing else."""
    document = _load_document(corpus_dir)
    documents = _documents_array(document)
    for position, table in enumerate(documents):
        if table.get("file") == info.file:
            if not replace:
                raise CorpusError(f"{info.file} is already in the corpus; remove it first or replace it.")
            documents[position] = _entry_table(info)
            break
    else:
        documents.append(_entry_table(info))
    _save_document(corpus_dir, document)


def update_entry(corpus_dir: Path, file: str, **changes: object) -> DocumentInfo:
    """Change some fields of one entry (`corpus edit`); other fields, comments and order stay."""
    given = {key: value for key, value in changes.items() if value is not None}
    document = _load_document(corpus_dir)
    for table in _documents_array(document):
        if table.get("file") == file:
            try:
                updated = DocumentInfo.model_validate({**table.unwrap(), **given})
            except ValidationError as error:
                raise CorpusError(f"Not changed: {_first_problem(error)}") from error
            values = updated.model_dump(mode="json")
            for key in given:
                if values[key] in (None, "", []):
                    table.pop(key, None)
                else:
                    table[key] = values[key]
            _save_document(corpus_dir, document)
            return updated
    raise CorpusError(f"{file} is not in the manifest of {corpus_dir}.")


def _first_problem(error: ValidationError) -> str:
    """A pydantic error as a maintainer reads it: "date: Input should be a valid date"."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "value"
    return f"{where}: {first.get('msg', 'invalid')}"


def remove_entry(corpus_dir: Path, file: str) -> DocumentInfo:
    document = _load_document(corpus_dir)
    documents = _documents_array(document)
    for position, table in enumerate(documents):
        if table.get("file") == file:
            found = DocumentInfo(**table.unwrap())
            del documents[position]
            _save_document(corpus_dir, document)
            return found
    raise CorpusError(f"{file} is not in the corpus.")


def write_manifest(corpus_dir: Path, documents: list[DocumentInfo]) -> None:
    """Write a whole generated manifest (the focal points' reports folder), replacing the old one."""
    document = tomlkit.parse(MANIFEST_HEADER)
    array = tomlkit.aot()
    for info in documents:
        array.append(_entry_table(info))
    document.append("document", array)
    _save_document(corpus_dir, document)


def add_document(corpus_dir: Path, source: Path, info: DocumentInfo, *, replace: bool = False) -> DocumentInfo:
    """Copy a checked file into the corpus under `info.file` and record it in the manifest."""
    if is_generated_name(info.file):
        raise CorpusError(reserved_name_error(info.file))
    existing = {doc.file for doc in _read_entries(corpus_dir)}
    if info.file in existing and not replace:
        raise CorpusError(f"{info.file} is already in the corpus; remove it first or replace it.")
    target = corpus_dir / info.file
    temporary = corpus_dir / f".{info.file}.part"
    shutil.copyfile(source, temporary)
    temporary.replace(target)
    add_entry(corpus_dir, info, replace=replace)
    return info


def remove_document(corpus_dir: Path, file: str) -> DocumentInfo:
    found = remove_entry(corpus_dir, file)
    (corpus_dir / file).unlink(missing_ok=True)
    return found
