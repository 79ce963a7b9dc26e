"""Index versions on disk: built beside the current one, switched in atomically.

Layout of `data/index/`:
    CURRENT                 name of the version that serves (replaced with os.replace)
    v20261122T134500-ab12/  index.faiss, chunks.db (passages + FTS5), manifest.json,
                            units.npz (the vector of every quotable sentence, for answering),
                            sentences.faiss + sentences.npy (second encoder, when there is one)

A build that dies half-way leaves a folder that CURRENT never pointed at; the old version keeps
serving and the next build starts clean. Loading checks the manifest against the encoder and
chunker, and refuses a mismatch with the command that fixes it.

Building and updating hold the corpus and index lock; the switch, the lock and the sweep of old
versions are in index/versions.py, planning and updating in index/update.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import uuid
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ValidationError

from index.chunk import CHUNKER_VERSION, Chunk, chunk_document
from index.corpus import DocumentInfo, content_hash, is_generated_name, load_manifest, register_new_files
from index.encoder import Encoder, sentence_encoder_for
from index.extract import ExtractionError, extract
from index.lexical import LexicalIndex
from index.search import Searcher
from index.sentences import SentenceIndex
from index.units import UnitIndex, UnitVectors, quotable_units
from index.vectors import VectorStore
from index.versions import CURRENT, IndexBusyError, current_version, finish_version, locked, start_version

__all__ = ["CURRENT", "IndexBusyError", "current_version", "locked"]  # with the rest, as they were here

logger = logging.getLogger(__name__)

REBUILD_HINT = "Rebuild it with: migrantsbot index build"


class IndexLoadError(Exception):
    """The index is missing, corrupt or was built for another model; the message says how to fix it."""


class DocumentEntry(BaseModel):
    file: str
    sha256: str  # of the file and of its manifest entry: a new title re-indexes the document too
    chunks: int
    sections: int


class IndexManifest(BaseModel):
    model: str
    dimension: int
    chunker_version: str
    faiss_type: str
    built_at: dt.datetime
    chunk_count: int
    documents: list[DocumentEntry]
    # Files that could not be read at this build (file → reason): left out if new, or served
    # from the previous version if they were indexed before.
    failed: dict[str, str] = {}
    second_model: str | None = None  # the sentence encoder, if the index has one


Corpus = Path | list[Path]


def source_folders(corpus: Corpus) -> list[Path]:
    return corpus if isinstance(corpus, list) else [corpus]


def sources(corpus: Corpus) -> list[tuple[Path, DocumentInfo]]:
    """(folder, document) for every document of every source folder, the first folder required.

    Besides `corpus/`, generated folders (focal points' reports) are sources too; one that does
    not exist yet simply has no documents.
    """
    folders = corpus if isinstance(corpus, list) else [corpus]
    found: list[tuple[Path, DocumentInfo]] = []
    for position, folder in enumerate(folders):
        if position > 0 and not (folder / "manifest.toml").exists():
            continue
        for document in load_manifest(folder):
            if position == 0 and len(folders) > 1 and is_generated_name(document.file):
                logger.warning("Left out %s: its name is reserved for focal points' reports; rename it", document.file)
                continue
            found.append((folder, document))
    names = [document.file for _, document in found]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise IndexLoadError(f"Two source folders hold documents named {', '.join(sorted(duplicates))}; rename one.")
    return found


def chunk_corpus(corpus: Corpus, failed: dict[str, str] | None = None) -> tuple[list[Chunk], list[DocumentEntry]]:
    """Every document's passages; with `failed`, an unreadable file is left out and noted there."""
    chunks: list[Chunk] = []
    entries: list[DocumentEntry] = []
    for folder, document in sources(corpus):
        try:
            document_chunks, entry = chunk_one(folder, document)
        except ExtractionError as error:
            if failed is None:
                raise
            failed[document.file] = str(error)
            continue
        chunks += document_chunks
        entries.append(entry)
    return chunks, entries


def document_hash(corpus_dir: Path, document: DocumentInfo) -> str:
    digest = hashlib.sha256(content_hash(corpus_dir / document.file).encode())
    digest.update(document.model_dump_json().encode())
    return digest.hexdigest()


def chunk_one(corpus_dir: Path, document: DocumentInfo) -> tuple[list[Chunk], DocumentEntry]:
    extracted = extract(corpus_dir / document.file)
    document_chunks = chunk_document(extracted.text, document, extracted.headings)
    for chunk in document_chunks:  # so a citation can say "p. 14" of the printed document
        chunk.page = extracted.page_at(chunk.start)
    sections = {tuple(chunk.section) for chunk in document_chunks}
    entry = DocumentEntry(
        file=document.file,
        sha256=document_hash(corpus_dir, document),
        chunks=len(document_chunks),
        sections=len(sections),
    )
    return document_chunks, entry


def build_index(
    corpus_dir: Corpus,
    index_dir: Path,
    encoder: Encoder,
    *,
    show_progress: bool = False,
    on_chunked: Callable[[int], None] | None = None,
    on_new_files: Callable[[list], None] | None = None,
) -> IndexManifest:
    """Parse, chunk and embed the whole corpus into a new version, then switch to it (under the lock).

    `on_new_files` hears of the files found in the folder and listed with their detected metadata
    (or refused), so a first build reports them as an update does.
    """
    with locked(index_dir):
        new_files = register_new_files(source_folders(corpus_dir)[0])
        if on_new_files:
            on_new_files(new_files)
        failed = {found.file: found.error for found in new_files if found.error}
        chunks, entries = chunk_corpus(corpus_dir, failed)
        if on_chunked:
            on_chunked(len(chunks))
        vectors, units = embed(encoder, chunks, show_progress=show_progress)
        second = sentence_encoder_for(encoder)
        sentences = SentenceIndex.build(second, chunks) if second is not None else None
        return write_version(
            index_dir, encoder, chunks, vectors, entries, failed, sentences=sentences, second=second, units=units
        )


def embed(encoder: Encoder, chunks: list[Chunk], *, previous: UnitVectors | None = None, show_progress: bool = False):
    """Passages and their quotable sentences, embedded in one pass of the encoder (a sentence whose
    vector `previous` holds is not embedded again): (passage vectors, unit vectors)."""
    import numpy as np

    texts = [chunk.embedding_text for chunk in chunks]
    units = quotable_units(chunks)
    keys = list(dict.fromkeys(unit.key for unit in units if previous is None or unit.key not in previous.rows))
    unit_texts = {unit.key: unit.embedding_text for unit in units}
    every = texts + [unit_texts[key] for key in keys]
    vectors = (
        np.asarray(encoder.encode_passages(every, show_progress=show_progress), dtype="float32")
        if every
        else np.zeros((0, encoder.dimension), "float32")
    )
    fresh = UnitVectors(keys, vectors[len(texts) :])
    if previous is not None:
        fresh = previous.only(units).merged(fresh)
    return vectors[: len(texts)], fresh


def write_version(
    index_dir: Path,
    encoder: Encoder,
    chunks: list[Chunk],
    vectors,
    entries: list[DocumentEntry],
    failed: dict[str, str] | None = None,
    *,
    sentences: SentenceIndex | None = None,
    second: Encoder | None = None,
    units: UnitVectors | None = None,
) -> IndexManifest:
    index_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC)
    version = start_version(index_dir, f"v{stamp:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}")
    store = VectorStore.build(vectors)
    store.save(version / "index.faiss")
    if sentences is not None:
        sentences.save(version)
    (units or UnitVectors.empty(encoder.dimension)).save(version)
    LexicalIndex.create(version / "chunks.db", chunks).close()
    manifest = IndexManifest(
        model=encoder.name,
        dimension=encoder.dimension,
        chunker_version=CHUNKER_VERSION,
        faiss_type=store.kind,
        built_at=stamp,
        chunk_count=len(chunks),
        documents=entries,
        failed=failed or {},
        second_model=second.name if sentences is not None and second is not None else None,
    )
    (version / "manifest.json").write_text(manifest.model_dump_json(indent=2), encoding="utf-8")
    finish_version(index_dir, version)
    return manifest


def read_manifest(version: Path) -> IndexManifest:
    try:
        return IndexManifest.model_validate_json((version / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValidationError, json.JSONDecodeError) as error:
        raise IndexLoadError(f"The index manifest in {version} is unreadable ({error}). {REBUILD_HINT}") from error


def load_searcher(index_dir: Path, encoder: Encoder) -> tuple[Searcher, IndexManifest]:
    """Open the current version, refusing one built for another encoder or chunker."""
    version = current_version(index_dir)
    if version is None:
        raise IndexLoadError(f"No index in {index_dir}. Build it with: migrantsbot index build")
    manifest = read_manifest(version)
    if manifest.model != encoder.name or manifest.dimension != encoder.dimension:
        raise IndexLoadError(
            f"The index was built with {manifest.model} ({manifest.dimension} dimensions) but the "
            f"configured model is {encoder.name} ({encoder.dimension}). {REBUILD_HINT}"
        )
    if manifest.chunker_version != CHUNKER_VERSION:
        raise IndexLoadError(
            f"The index was built by chunker version {manifest.chunker_version}; this program uses "
            f"{CHUNKER_VERSION}. {REBUILD_HINT}"
        )
    second = sentence_encoder_for(encoder)
    if (second.name if second else None) != manifest.second_model:
        raise IndexLoadError(
            f"The index was built with sentence encoder {manifest.second_model or 'none'} but this program "
            f"uses {second.name if second else 'none'} beside {encoder.name}. {REBUILD_HINT}"
        )
    try:
        vectors = VectorStore.load(version / "index.faiss")
        lexical = LexicalIndex.open(version / "chunks.db")
        chunks = lexical.chunks()
        sentences = SentenceIndex.load(version) if second is not None else None
        unit_vectors = UnitVectors.load(version, encoder.dimension)
    except Exception as error:  # faiss raises RuntimeError, sqlite DatabaseError, pydantic errors
        raise IndexLoadError(f"The index in {version} is corrupt ({error}). {REBUILD_HINT}") from error
    if len(chunks) != len(vectors) or len(chunks) != manifest.chunk_count:
        raise IndexLoadError(
            f"The index in {version} is inconsistent ({len(chunks)} passages, {len(vectors)} vectors). {REBUILD_HINT}"
        )
    if sentences is not None and len(sentences) and int(sentences.owner.max()) >= len(chunks):
        raise IndexLoadError(f"The sentence index in {version} does not match its passages. {REBUILD_HINT}")
    if len(unit_vectors) and unit_vectors.matrix.shape[1] != encoder.dimension:
        raise IndexLoadError(f"The sentence vectors in {version} do not match the model. {REBUILD_HINT}")
    searcher = Searcher(
        encoder,
        vectors,
        lexical,
        chunks,
        sentence_encoder=second,
        sentences=sentences,
        units=UnitIndex(chunks, unit_vectors),
    )
    return searcher, manifest
