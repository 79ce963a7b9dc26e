"""Bringing the index in line with the corpus: what changed (`plan_update`) and the update itself.

Documents are compared by content hash (file and manifest entry); only new and changed ones are
embedded, the others carried over with their vectors, and the result is a new version switched
in atomically (index/store.py). New files in the maintained folder are listed in its manifest
first (`register_new_files`), and a file that cannot be read keeps its previous passages.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from index.chunk import CHUNKER_VERSION, Chunk
from index.corpus import NewFile, register_new_files, scan_folder
from index.encoder import Encoder, sentence_encoder_for
from index.extract import ExtractionError
from index.lexical import LexicalIndex
from index.sentences import SentenceIndex
from index.store import (
    Corpus,
    DocumentEntry,
    IndexLoadError,
    IndexManifest,
    build_index,
    chunk_one,
    current_version,
    document_hash,
    embed,
    read_manifest,
    source_folders,
    sources,
    write_version,
)
from index.units import UnitVectors, quotable_units
from index.vectors import VectorStore
from index.versions import locked, remove_unfinished_versions


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
        """What the index will gain and lose (files the manifest does not list yet counted as the new
        documents they will be), then what the manifest lists that the folder lacks."""
        lines = [f"? {name} (in manifest.toml, missing from the folder)" for name in self.missing]
        return "\n".join([self.index_summary(), *lines])

    def index_summary(self) -> str:
        unlisted = [f"+ {name} (new in the folder, not yet in manifest.toml)" for name in self.unlisted]
        if self.full_rebuild:
            return "\n".join([f"Full rebuild: {self.full_rebuild}.", *unlisted])
        parts = [
            f"{len(self.added) + len(self.unlisted)} new",
            f"{len(self.changed)} changed",
            f"{len(self.removed)} removed",
            f"{len(self.unchanged)} unchanged",
        ]
        lines = [", ".join(parts) + "."]
        lines += [f"+ {name}" for name in self.added] + unlisted
        lines += [f"~ {name}" for name in self.changed] + [f"- {name}" for name in self.removed]
        return "\n".join(lines)


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


def corpus_is_stale(corpus_dir: Corpus, manifest: IndexManifest) -> bool:
    """True when the corpus files differ from what the index was built from."""
    try:
        found = sources(corpus_dir)
        if scan_folder(source_folders(corpus_dir)[0]).unlisted:
            return True  # new files in the folder
    except Exception:
        return True
    built = {entry.file: entry.sha256 for entry in manifest.documents}
    current = {doc.file: document_hash(folder, doc) for folder, doc in found}
    return built != current


def plan_update(corpus_dir: Corpus, index_dir: Path, encoder: Encoder) -> UpdatePlan:
    """Compare the corpus with the serving index, document by document, by content hash.

    Files of the maintained folder (the first) that the manifest does not list are new too: the
    update lists them first (`register_new_files`).
    """
    plan = _plan(corpus_dir, index_dir, encoder)
    scan = scan_folder(source_folders(corpus_dir)[0])
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
    swept away by the next update. Holds the corpus and index lock throughout.
    """
    with locked(index_dir):
        return _update_index(corpus_dir, index_dir, encoder, show_progress=show_progress)


def _update_index(corpus_dir: Corpus, index_dir: Path, encoder: Encoder, *, show_progress: bool) -> UpdateResult:
    started = time.perf_counter()
    remove_unfinished_versions(index_dir)
    new_files = register_new_files(source_folders(corpus_dir)[0])
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

    second = sentence_encoder_for(encoder)
    old_sentences = SentenceIndex.load(version) if second is not None else None
    units = UnitVectors.load(version, encoder.dimension)  # grows with each document embedded below

    chunks: list[Chunk] = []
    entries: list[DocumentEntry] = []
    parts: list[np.ndarray] = []
    failed: dict[str, str] = {}
    sentence_parts: list[tuple[np.ndarray, np.ndarray]] = []  # (vectors, owner) per document
    embedded = reused = 0

    def reuse(file: str, offset: int) -> int:
        """Carry a document's passages (and their sentence vectors) over from the serving version."""
        positions = positions_by_doc.get(file, [])
        chunks.extend(old_chunks[p] for p in positions)
        parts.append(old_vectors.vectors(positions))
        if old_sentences is not None:
            sentence_vectors, which = old_sentences.vectors_of(positions)
            sentence_parts.append((sentence_vectors, which + offset))
        entries.append(old_entries[file])
        return len(positions)

    for folder, document in sources(corpus_dir):
        offset = len(chunks)
        if document.file in plan.unchanged:
            reused += reuse(document.file, offset)
        else:
            try:
                document_chunks, entry = chunk_one(folder, document)
            except ExtractionError as error:  # unreadable now: keep serving what was indexed before, if anything
                failed[document.file] = str(error)
                if document.file in old_entries:
                    reused += reuse(document.file, offset)
                continue
            passage_vectors, document_units = embed(
                encoder, document_chunks, previous=units, show_progress=show_progress
            )
            parts.append(passage_vectors)
            units = units.merged(document_units)
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
    units = units.only(quotable_units(chunks))
    manifest = write_version(
        index_dir, encoder, chunks, vectors, entries, failed, sentences=sentences, second=second, units=units
    )
    return UpdateResult(
        plan=plan,
        manifest=manifest,
        embedded_chunks=embedded,
        reused_chunks=reused,
        seconds=time.perf_counter() - started,
        new_files=new_files,
    )
