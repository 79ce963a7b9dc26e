"""Index versions on disk: built beside the current one, switched in atomically.

Layout of `data/index/`:
    CURRENT                 name of the version that serves (replaced with os.replace)
    v20261122T134500-ab12/  index.faiss, chunks.db (passages + FTS5), manifest.json,
                            sentences.faiss + sentences.npy (second encoder, when there is one)

A build that dies half-way leaves a folder that CURRENT never pointed at; the old version keeps
serving and the next build starts clean. Loading checks the manifest against the encoder and
chunker, and refuses a mismatch with the command that fixes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ValidationError

from index.chunk import CHUNKER_VERSION, Chunk, chunk_document
from index.corpus import DocumentInfo, content_hash, load_manifest, read_text
from index.encoder import Encoder, sentence_encoder_for
from index.lexical import LexicalIndex
from index.search import Searcher
from index.sentences import SentenceIndex
from index.vectors import VectorStore

CURRENT = "CURRENT"
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

    @property
    def has_work(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.full_rebuild)

    def summary(self) -> str:
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
    second_model: str | None = None  # the sentence encoder, if the index has one


class UpdateResult(BaseModel):
    plan: UpdatePlan
    manifest: IndexManifest
    embedded_chunks: int
    reused_chunks: int
    seconds: float


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
        found += [(folder, document) for document in load_manifest(folder)]
    names = [document.file for _, document in found]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise IndexLoadError(f"Two source folders hold documents named {', '.join(sorted(duplicates))}; rename one.")
    return found


def chunk_corpus(corpus: Corpus) -> tuple[list[Chunk], list[DocumentEntry]]:
    chunks: list[Chunk] = []
    entries: list[DocumentEntry] = []
    for folder, document in sources(corpus):
        document_chunks, entry = chunk_one(folder, document)
        chunks += document_chunks
        entries.append(entry)
    return chunks, entries


def document_hash(corpus_dir: Path, document: DocumentInfo) -> str:
    digest = hashlib.sha256(content_hash(corpus_dir / document.file).encode())
    digest.update(document.model_dump_json().encode())
    return digest.hexdigest()


def chunk_one(corpus_dir: Path, document: DocumentInfo) -> tuple[list[Chunk], DocumentEntry]:
    document_chunks = chunk_document(read_text(corpus_dir / document.file), document)
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
    chunks, entries = chunk_corpus(corpus_dir)
    if on_chunked:
        on_chunked(len(chunks))
    vectors = encoder.encode_passages([chunk.embedding_text for chunk in chunks], show_progress=show_progress)
    second = sentence_encoder_for(encoder)
    sentences = SentenceIndex.build(second, chunks) if second is not None else None
    return write_version(index_dir, encoder, chunks, vectors, entries, sentences=sentences, second=second)


def write_version(
    index_dir: Path,
    encoder: Encoder,
    chunks: list[Chunk],
    vectors,
    entries: list[DocumentEntry],
    *,
    sentences: SentenceIndex | None = None,
    second: Encoder | None = None,
) -> IndexManifest:
    index_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC)
    version = index_dir / f"v{stamp:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    version.mkdir()
    store = VectorStore.build(vectors)
    store.save(version / "index.faiss")
    if sentences is not None:
        sentences.save(version)
    LexicalIndex.create(version / "chunks.db", chunks).close()
    manifest = IndexManifest(
        model=encoder.name,
        dimension=encoder.dimension,
        chunker_version=CHUNKER_VERSION,
        faiss_type=store.kind,
        built_at=stamp,
        chunk_count=len(chunks),
        documents=entries,
        second_model=second.name if sentences is not None and second is not None else None,
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
    except Exception as error:  # faiss raises RuntimeError, sqlite DatabaseError, pydantic errors
        raise IndexLoadError(f"The index in {version} is corrupt ({error}). {REBUILD_HINT}") from error
    if len(chunks) != len(vectors) or len(chunks) != manifest.chunk_count:
        raise IndexLoadError(
            f"The index in {version} is inconsistent ({len(chunks)} passages, {len(vectors)} vectors). {REBUILD_HINT}"
        )
    if sentences is not None and len(sentences) and int(sentences.owner.max()) >= len(chunks):
        raise IndexLoadError(f"The sentence index in {version} does not match its passages. {REBUILD_HINT}")
    searcher = Searcher(encoder, vectors, lexical, chunks, sentence_encoder=second, sentences=sentences)
    return searcher, manifest


def corpus_is_stale(corpus_dir: Corpus, manifest: IndexManifest) -> bool:
    """True when the corpus files differ from what the index was built from."""
    try:
        found = sources(corpus_dir)
    except Exception:
        return True
    built = {entry.file: entry.sha256 for entry in manifest.documents}
    current = {doc.file: document_hash(folder, doc) for folder, doc in found}
    return built != current


def plan_update(corpus_dir: Corpus, index_dir: Path, encoder: Encoder) -> UpdatePlan:
    """Compare the corpus with the serving index, document by document, by content hash."""
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
    second = sentence_encoder_for(encoder)
    if (second.name if second else None) != manifest.second_model:
        return UpdatePlan(added=names, full_rebuild="the sentence encoder changed")
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
    swept away by the next update.
    """
    started = time.perf_counter()
    _remove_unfinished_versions(index_dir)
    plan = plan_update(corpus_dir, index_dir, encoder)
    if plan.full_rebuild:
        manifest = build_index(corpus_dir, index_dir, encoder, show_progress=show_progress)
        return UpdateResult(
            plan=plan,
            manifest=manifest,
            embedded_chunks=manifest.chunk_count,
            reused_chunks=0,
            seconds=time.perf_counter() - started,
        )
    version = current_version(index_dir)
    assert version is not None  # plan_update asked for a full rebuild otherwise
    old_vectors = VectorStore.load(version / "index.faiss")
    old_lexical = LexicalIndex.open(version / "chunks.db")
    old_chunks = old_lexical.chunks()
    old_lexical.close()
    old_manifest = read_manifest(version)
    old_entries = {entry.file: entry for entry in old_manifest.documents}
    positions_by_doc: dict[str, list[int]] = {}
    for position, chunk in enumerate(old_chunks):
        positions_by_doc.setdefault(chunk.doc, []).append(position)

    second = sentence_encoder_for(encoder)
    old_sentences = SentenceIndex.load(version) if second is not None else None

    chunks: list[Chunk] = []
    entries: list[DocumentEntry] = []
    parts: list[np.ndarray] = []
    sentence_parts: list[tuple[np.ndarray, np.ndarray]] = []  # (vectors, owner) per document
    embedded = reused = 0
    for folder, document in sources(corpus_dir):
        offset = len(chunks)
        if document.file in plan.unchanged:
            positions = positions_by_doc.get(document.file, [])
            chunks += [old_chunks[p] for p in positions]
            parts.append(old_vectors.vectors(positions))
            if old_sentences is not None:
                sentence_vectors, which = old_sentences.vectors_of(positions)
                sentence_parts.append((sentence_vectors, which + offset))
            entries.append(old_entries[document.file])
            reused += len(positions)
        else:
            document_chunks, entry = chunk_one(folder, document)
            texts = [chunk.embedding_text for chunk in document_chunks]
            parts.append(
                encoder.encode_passages(texts, show_progress=show_progress)
                if texts
                else np.zeros((0, encoder.dimension), "float32")
            )
            if second is not None:
                built = SentenceIndex.build(second, document_chunks)
                sentence_parts.append((built.vectors.vectors(list(range(len(built)))), built.owner + offset))
            chunks += document_chunks
            entries.append(entry)
            embedded += len(document_chunks)
    vectors = np.vstack(parts) if parts else np.zeros((0, encoder.dimension), "float32")
    sentences = None
    if second is not None:
        sentence_vectors = [v for v, _ in sentence_parts if len(v)]
        sentences = SentenceIndex.from_vectors(
            np.vstack(sentence_vectors) if sentence_vectors else np.zeros((0, second.dimension), "float32"),
            np.concatenate([o for _, o in sentence_parts]) if sentence_parts else np.zeros(0, "int64"),
        )
    manifest = write_version(index_dir, encoder, chunks, vectors, entries, sentences=sentences, second=second)
    return UpdateResult(
        plan=plan,
        manifest=manifest,
        embedded_chunks=embedded,
        reused_chunks=reused,
        seconds=time.perf_counter() - started,
    )


def _remove_unfinished_versions(index_dir: Path) -> None:
    """Folders of builds that died before their switch: never served, safe to delete."""
    serving = current_version(index_dir)
    if serving is not None:
        _remove_old_versions(index_dir, keep=serving)
