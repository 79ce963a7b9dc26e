"""Index versions on disk: built beside the current one, switched in atomically.

Layout of `data/index/`:
    CURRENT                 name of the version that serves (replaced with os.replace)
    v20261122T134500-ab12/  index.faiss, chunks.db (passages + FTS5), manifest.json

A build that dies half-way leaves a folder that CURRENT never pointed at; the old version keeps
serving and the next build starts clean. Loading checks the manifest against the encoder and
chunker, and refuses a mismatch with the command that fixes it.

Building and updating hold the corpus and index lock; the switch, the lock and the sweep of old
versions are in index/versions.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ValidationError

from index.chunk import CHUNKER_VERSION, Chunk, chunk_document
from index.corpus import (
    DocumentInfo,
    NewFile,
    content_hash,
    is_generated_name,
    load_manifest,
    register_new_files,
    scan_folder,
)
from index.encoder import Encoder
from index.extract import ExtractionError, extract
from index.lexical import LexicalIndex
from index.search import Searcher
from index.vectors import VectorStore
from index.versions import (
    CURRENT,
    IndexBusyError,
    current_version,
    finish_version,
    locked,
    remove_unfinished_versions,
    start_version,
)

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


class UpdatePlan(BaseModel):
    """What `index update` will do, shown by --dry-run and by /reindex before it runs."""

    added: list[str] = []
    changed: list[str] = []
    removed: list[str] = []
    unchanged: list[str] = []
    full_rebuild: str | None = None  # why everything must be re-embedded, if it must
    unlisted: list[str] = []  # files in the corpus folder that manifest.toml does not list yet
    missing: list[str] = []  # listed in manifest.toml, absent from the folder (left out)

    @property
    def has_work(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.full_rebuild or self.unlisted)

    def summary(self) -> str:
        """What the index will gain and lose, then what the folder holds that the manifest does not say."""
        lines = [f"+ {name} (new in the folder, not yet in manifest.toml)" for name in self.unlisted]
        lines += [f"? {name} (in manifest.toml, missing from the folder)" for name in self.missing]
        return "\n".join([self.index_summary(), *lines])

    def index_summary(self) -> str:
        if self.full_rebuild:
            return f"Full rebuild: {self.full_rebuild}."
        parts = [
            f"{len(self.added)} new",
            f"{len(self.changed)} changed",
            f"{len(self.removed)} removed",
            f"{len(self.unchanged)} unchanged",
        ]
        lines = [", ".join(parts) + "."]
        lines += [f"+ {name}" for name in self.added] + [f"~ {name}" for name in self.changed]
        lines += [f"- {name}" for name in self.removed]
        return "\n".join(lines)


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


class UpdateResult(BaseModel):
    plan: UpdatePlan
    manifest: IndexManifest
    embedded_chunks: int
    reused_chunks: int
    seconds: float
    new_files: list[NewFile] = []  # files found in the folder and listed with detected metadata (or refused)

    @property
    def failed(self) -> dict[str, str]:
        return self.manifest.failed


Corpus = Path | list[Path]


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
    document_chunks = chunk_document(extracted.text, document)
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
) -> IndexManifest:
    """Parse, chunk and embed the whole corpus into a new version, then switch to it."""
    with locked(index_dir):
        failed = {found.file: found.error for found in register_new_files(_folders(corpus_dir)[0]) if found.error}
        chunks, entries = chunk_corpus(corpus_dir, failed)
        if on_chunked:
            on_chunked(len(chunks))
        vectors = encoder.encode_passages([chunk.embedding_text for chunk in chunks], show_progress=show_progress)
        return write_version(index_dir, encoder, chunks, vectors, entries, failed)


def write_version(
    index_dir: Path,
    encoder: Encoder,
    chunks: list[Chunk],
    vectors,
    entries: list[DocumentEntry],
    failed: dict[str, str] | None = None,
) -> IndexManifest:
    index_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC)
    version = start_version(index_dir, f"v{stamp:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}")
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
        failed=failed or {},
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


def corpus_is_stale(corpus_dir: Corpus, manifest: IndexManifest) -> bool:
    """True when the corpus files differ from what the index was built from."""
    try:
        found = sources(corpus_dir)
        if scan_folder(_folders(corpus_dir)[0]).unlisted:
            return True  # new files in the folder
    except Exception:
        return True
    built = {entry.file: entry.sha256 for entry in manifest.documents}
    current = {doc.file: document_hash(folder, doc) for folder, doc in found}
    return built != current


def _folders(corpus: Corpus) -> list[Path]:
    return corpus if isinstance(corpus, list) else [corpus]


def plan_update(corpus_dir: Corpus, index_dir: Path, encoder: Encoder) -> UpdatePlan:
    """Compare the corpus with the serving index, document by document, by content hash.

    Files of the maintained folder (the first) that the manifest does not list are new too: the
    update lists them first (`register_new_files`).
    """
    plan = _plan(corpus_dir, index_dir, encoder)
    scan = scan_folder(_folders(corpus_dir)[0])
    plan.unlisted, plan.missing = scan.unlisted, scan.missing
    return plan


def _plan(corpus_dir: Corpus, index_dir: Path, encoder: Encoder) -> UpdatePlan:
    found = sources(corpus_dir)
    documents = [doc for _, doc in found]
    folder_of = {doc.file: folder for folder, doc in found}
    version = current_version(index_dir)
    names = [doc.file for doc in documents]
    if version is None:
        return UpdatePlan(added=names, full_rebuild="there is no index yet")
    try:
        manifest = read_manifest(version)
    except IndexLoadError:
        return UpdatePlan(added=names, full_rebuild="the current index is unreadable")
    if manifest.model != encoder.name or manifest.dimension != encoder.dimension:
        return UpdatePlan(added=names, full_rebuild=f"the model changed from {manifest.model} to {encoder.name}")
    if manifest.chunker_version != CHUNKER_VERSION:
        return UpdatePlan(added=names, full_rebuild="the chunker changed")
    built = {entry.file: entry.sha256 for entry in manifest.documents}
    plan = UpdatePlan()
    for doc in documents:
        if doc.file not in built:
            plan.added.append(doc.file)
        elif built[doc.file] != document_hash(folder_of[doc.file], doc):
            plan.changed.append(doc.file)
        else:
            plan.unchanged.append(doc.file)
    plan.removed = [name for name in built if name not in set(names)]
    return plan


def update_index(corpus_dir: Corpus, index_dir: Path, encoder: Encoder, *, show_progress: bool = False) -> UpdateResult:
    """Embed only new and changed documents, reuse the rest, and switch to the result atomically.

    A crash before the switch leaves the previous version serving; its half-written folder is
    swept away by the next update. Holds the corpus and index lock throughout.
    """
    with locked(index_dir):
        return _update_index(corpus_dir, index_dir, encoder, show_progress=show_progress)


def _update_index(corpus_dir: Corpus, index_dir: Path, encoder: Encoder, *, show_progress: bool) -> UpdateResult:
    started = time.perf_counter()
    remove_unfinished_versions(index_dir)
    new_files = register_new_files(_folders(corpus_dir)[0])
    plan = plan_update(corpus_dir, index_dir, encoder)
    if plan.full_rebuild:
        manifest = build_index(corpus_dir, index_dir, encoder, show_progress=show_progress)
        return UpdateResult(
            plan=plan,
            manifest=manifest,
            embedded_chunks=manifest.chunk_count,
            reused_chunks=0,
            seconds=time.perf_counter() - started,
            new_files=new_files,
        )
    version = current_version(index_dir)
    assert version is not None  # plan_update asked for a full rebuild otherwise
    if not plan.has_work and not new_files:  # nothing to embed or drop: keep serving the same version
        return UpdateResult(
            plan=plan,
            manifest=read_manifest(version),
            embedded_chunks=0,
            reused_chunks=0,
            seconds=time.perf_counter() - started,
        )
    old_vectors = VectorStore.load(version / "index.faiss")
    old_lexical = LexicalIndex.open(version / "chunks.db")
    old_chunks = old_lexical.chunks()
    old_lexical.close()
    old_manifest = read_manifest(version)
    old_entries = {entry.file: entry for entry in old_manifest.documents}
    positions_by_doc: dict[str, list[int]] = {}
    for position, chunk in enumerate(old_chunks):
        positions_by_doc.setdefault(chunk.doc, []).append(position)

    chunks: list[Chunk] = []
    entries: list[DocumentEntry] = []
    parts: list[np.ndarray] = []
    failed: dict[str, str] = {}
    embedded = reused = 0

    def reuse(file: str) -> int:
        positions = positions_by_doc.get(file, [])
        chunks.extend(old_chunks[p] for p in positions)
        parts.append(old_vectors.vectors(positions))
        entries.append(old_entries[file])
        return len(positions)

    for folder, document in sources(corpus_dir):
        if document.file in plan.unchanged:
            reused += reuse(document.file)
        else:
            try:
                document_chunks, entry = chunk_one(folder, document)
            except ExtractionError as error:  # unreadable now: keep serving what was indexed before, if anything
                failed[document.file] = str(error)
                if document.file in old_entries:
                    reused += reuse(document.file)
                continue
            texts = [chunk.embedding_text for chunk in document_chunks]
            parts.append(
                encoder.encode_passages(texts, show_progress=show_progress)
                if texts
                else np.zeros((0, encoder.dimension), "float32")
            )
            chunks += document_chunks
            entries.append(entry)
            embedded += len(document_chunks)
    vectors = np.vstack(parts) if parts else np.zeros((0, encoder.dimension), "float32")
    manifest = write_version(index_dir, encoder, chunks, vectors, entries, failed)
    return UpdateResult(
        plan=plan,
        manifest=manifest,
        embedded_chunks=embedded,
        reused_chunks=reused,
        seconds=time.perf_counter() - started,
        new_files=new_files,
    )
