"""Index versions on disk: built beside the current one, switched in atomically.

Layout of `data/index/`:
    CURRENT                 name of the version that serves (replaced with os.replace)
    v20261122T134500-ab12/  index.faiss, chunks.db (passages + FTS5), manifest.json

A build that dies half-way leaves a folder that CURRENT never pointed at; the old version keeps
serving and the next build starts clean. Loading checks the manifest against the encoder and
chunker, and refuses a mismatch with the command that fixes it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ValidationError

from index.chunk import CHUNKER_VERSION, Chunk, chunk_document
from index.corpus import DocumentInfo, content_hash, load_manifest, read_text
from index.encoder import Encoder
from index.lexical import LexicalIndex
from index.search import Searcher
from index.vectors import VectorStore

CURRENT = "CURRENT"
REBUILD_HINT = "Rebuild it with: migrantsbot index build"


class IndexLoadError(Exception):
    """The index is missing, corrupt or was built for another model; the message says how to fix it."""


class DocumentEntry(BaseModel):
    file: str
    sha256: str
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


def current_version(index_dir: Path) -> Path | None:
    pointer = index_dir / CURRENT
    if not pointer.exists():
        return None
    version = index_dir / pointer.read_text(encoding="utf-8").strip()
    return version if version.is_dir() else None


def _switch_to(index_dir: Path, version: Path) -> None:
    temporary = index_dir / f".{CURRENT}.{uuid.uuid4().hex}"
    temporary.write_text(version.name, encoding="utf-8")
    os.replace(temporary, index_dir / CURRENT)


def _remove_old_versions(index_dir: Path, keep: Path) -> None:
    for entry in index_dir.iterdir():
        if entry.is_dir() and entry != keep and entry.name.startswith("v"):
            shutil.rmtree(entry, ignore_errors=True)


def chunk_corpus(
    corpus_dir: Path, documents: list[DocumentInfo] | None = None
) -> tuple[list[Chunk], list[DocumentEntry]]:
    documents = documents if documents is not None else load_manifest(corpus_dir)
    chunks: list[Chunk] = []
    entries: list[DocumentEntry] = []
    for document in documents:
        path = corpus_dir / document.file
        document_chunks = chunk_document(read_text(path), document)
        chunks += document_chunks
        sections = {tuple(chunk.section) for chunk in document_chunks}
        entries.append(
            DocumentEntry(
                file=document.file, sha256=content_hash(path), chunks=len(document_chunks), sections=len(sections)
            )
        )
    return chunks, entries


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    encoder: Encoder,
    *,
    show_progress: bool = False,
    on_chunked: Callable[[int], None] | None = None,
) -> IndexManifest:
    """Parse, chunk and embed the whole corpus into a new version, then switch to it."""
    chunks, entries = chunk_corpus(corpus_dir)
    if on_chunked:
        on_chunked(len(chunks))
    vectors = encoder.encode_passages([chunk.embedding_text for chunk in chunks], show_progress=show_progress)
    return write_version(index_dir, encoder, chunks, vectors, entries)


def write_version(
    index_dir: Path, encoder: Encoder, chunks: list[Chunk], vectors, entries: list[DocumentEntry]
) -> IndexManifest:
    index_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC)
    version = index_dir / f"v{stamp:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    version.mkdir()
    store = VectorStore.build(vectors)
    store.save(version / "index.faiss")
    LexicalIndex.create(version / "chunks.db", chunks).close()
    manifest = IndexManifest(
        model=encoder.name,
        dimension=encoder.dimension,
        chunker_version=CHUNKER_VERSION,
        faiss_type=store.kind,
        built_at=stamp,
        chunk_count=len(chunks),
        documents=entries,
    )
    (version / "manifest.json").write_text(manifest.model_dump_json(indent=2), encoding="utf-8")
    _switch_to(index_dir, version)
    _remove_old_versions(index_dir, keep=version)
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
    try:
        vectors = VectorStore.load(version / "index.faiss")
        lexical = LexicalIndex.open(version / "chunks.db")
        chunks = lexical.chunks()
    except Exception as error:  # faiss raises RuntimeError, sqlite DatabaseError, pydantic errors
        raise IndexLoadError(f"The index in {version} is corrupt ({error}). {REBUILD_HINT}") from error
    if len(chunks) != len(vectors) or len(chunks) != manifest.chunk_count:
        raise IndexLoadError(
            f"The index in {version} is inconsistent ({len(chunks)} passages, {len(vectors)} vectors). {REBUILD_HINT}"
        )
    return Searcher(encoder, vectors, lexical, chunks), manifest


def corpus_is_stale(corpus_dir: Path, manifest: IndexManifest) -> bool:
    """True when the corpus files differ from what the index was built from."""
    try:
        documents = load_manifest(corpus_dir)
    except Exception:
        return True
    built = {entry.file: entry.sha256 for entry in manifest.documents}
    current = {doc.file: content_hash(corpus_dir / doc.file) for doc in documents}
    return built != current
