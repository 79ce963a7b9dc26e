"""The long-lived services, built once: encoder, index, catalogue, answerer, database.

The Telegram application, the console chat, the CLI and the benchmarks all start here, so there
is one way to get a working answerer and the model is loaded exactly once. The operations that
change what the bot serves (add or remove a document, re-index, publish the focal points'
reports) are methods here too, so that the CLI and the chat do them the same way.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.answering.answer import Answerer
from bot.answering.catalogue import Catalogue
from bot.config import Settings
from bot.curated import CuratedAnswers
from bot.database import Store, open_store
from index import corpus
from index.corpus import DocumentInfo
from index.encoder import Encoder, load_encoder
from index.search import Searcher
from index.store import IndexLoadError, IndexManifest, build_index, current_version, load_searcher
from index.update import UpdatePlan, UpdateResult, corpus_is_stale, plan_update
from index.update import update_index as update_index_on_disk
from index.versions import locked

logger = logging.getLogger(__name__)


class DuplicateDocument(corpus.CorpusError):
    """The same content is in the corpus already, as `twin`."""

    def __init__(self, twin: DocumentInfo, message: str) -> None:
        super().__init__(message)
        self.twin = twin


def make_encoder(settings: Settings) -> Encoder:
    return load_encoder(
        settings.embedding_model, query_prompt=settings.query_prompt, passage_prompt=settings.passage_prompt
    )


STALE_HINT = "The corpus changed since the index was built; run `migrantsbot index update` to bring it up to date."


def corpus_problem(settings: Settings) -> str | None:
    """Why the corpus folder's manifest.toml cannot be read (file, line and what is wrong), or None.

    A typo there must not stop a bot that has a valid index on disk: it serves the index as it
    was built and says this to the maintainers until the manifest is fixed.
    """
    try:
        corpus.load_manifest(settings.corpus_dir)
    except corpus.CorpusError as error:
        return str(error)
    return None


READ_ONLY = {"build_if_needed": False, "update_if_stale": False}  # the CLI's reading commands: the index as it is


def open_index(
    settings: Settings,
    encoder: Encoder,
    *,
    build_if_needed: bool = True,
    update_if_stale: bool = True,
    report: Callable[[str], None] | None = None,
    stale_hint: bool = True,
) -> tuple[Searcher, IndexManifest]:
    """The current index; on a fresh clone it is built, after a corpus change brought up to date.

    Only the bot and the console chat build (`build_if_needed`) or update (`update_if_stale`):
    read-only commands (search, ask, reports export) serve what is there and say what to run,
    so they never write beside a running bot. Building and updating hold the corpus and index
    lock; a process that waited for it serves what the other one built.

    `report` receives what a person starting the bot should read (first build, its progress bar
    and duration, the version served); without it only the log hears about it. `stale_hint=False`
    when the caller is about to update the index itself (`index update` must not say "run index
    update"). An index that loads is served even when manifest.toml does not parse: the problem
    is said, and updating waits until it is fixed.
    """
    say = report or logger.info
    show_progress = report is not None
    started = time.perf_counter()
    try:
        searcher, manifest = load_searcher(settings.index_dir, encoder)
    except IndexLoadError as error:
        if not build_if_needed:
            raise
        with locked(settings.index_dir, waiting=say):
            try:  # built by another process while we waited
                return load_searcher(settings.index_dir, encoder)
            except IndexLoadError:
                pass
            if current_version(settings.index_dir) is not None:
                logger.warning("%s", error)
            say(
                f"No usable index yet: building it from {settings.corpus_dir} (first start only; one to two minutes on two cores)…"
            )
            manifest = build_index(
                settings.source_dirs,
                settings.index_dir,
                encoder,
                show_progress=show_progress,
                on_chunked=lambda count: say(f"Parsed the documents into {count} passages; embedding them…"),
            )
            say(f"Index built: {manifest.chunk_count} passages in {time.perf_counter() - started:.0f} s.")
            for file, reason in manifest.failed.items():
                say(f"Left out {file}: {reason}")
            return load_searcher(settings.index_dir, encoder)
    problem = corpus_problem(settings)
    if problem is not None:
        (report or logger.error)(f"{problem}\nServing the index as it was built until manifest.toml is fixed.")
        return searcher, manifest
    if corpus_is_stale(settings.source_dirs, manifest):
        if not update_if_stale:
            if stale_hint:
                (report or logger.warning)(STALE_HINT)
            return searcher, manifest
        say("The corpus changed since the index was built; updating it (only what changed is embedded)…")
        result = update_index_on_disk(settings.source_dirs, settings.index_dir, encoder, show_progress=show_progress)
        say(f"Index updated in {result.seconds:.0f} s: {result.plan.summary().splitlines()[0]}")
        return load_searcher(settings.index_dir, encoder)
    version = current_version(settings.index_dir)
    say(
        f"Serving index {version.name if version else '?'}: {manifest.chunk_count} passages from "
        f"{len(manifest.documents)} documents, built {manifest.built_at:%Y-%m-%d %H:%M} UTC."
    )
    return searcher, manifest


def make_llm(settings: Settings):
    if not settings.llm_enabled:
        return None
    from bot.answering.llm import LLMClient

    return LLMClient(
        base_url=settings.llm_base_url or "",
        model=settings.llm_model or "",
        api_key=settings.llm_api_key.get_secret_value() if settings.llm_api_key else None,
        timeout=settings.llm_timeout,
    )


def make_answerer(settings: Settings, searcher: Searcher, *, llm=None) -> Answerer:
    """The one place an Answerer is assembled, so every entry point refuses by the same rule."""
    return Answerer(searcher, Catalogue(searcher.chunks), min_evidence=settings.min_evidence or None, llm=llm)


def load_answerer(
    settings: Settings,
    *,
    encoder: Encoder | None = None,
    allow_llm: bool = True,
    report: Callable[[str], None] | None = None,
    build_if_needed: bool = True,
    update_if_stale: bool = True,
) -> Answerer:
    encoder = encoder or make_encoder(settings)
    searcher, _ = open_index(
        settings, encoder, report=report, build_if_needed=build_if_needed, update_if_stale=update_if_stale
    )
    return make_answerer(settings, searcher, llm=make_llm(settings) if allow_llm else None)


@dataclass
class Services:
    """What handlers reach as `context.services`; its answerer is replaced whole when the index changes."""

    settings: Settings
    answerer: Answerer
    store: Store
    manifest: IndexManifest | None = None
    version: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)  # one refresh at a time
    _curated: CuratedAnswers | None = None

    @property
    def curated(self) -> CuratedAnswers:
        """The Secretariat's curated answers, matched with the encoder the index serves with."""
        if self._curated is None or self._curated.store is not self.store:
            self._curated = CuratedAnswers(self.store, lambda: self.searcher.encoder)
        return self._curated

    @property
    def searcher(self) -> Searcher:
        return self.answerer.searcher

    @property
    def catalogue(self) -> Catalogue:
        return self.answerer.catalogue

    def refresh(self) -> bool:
        """Switch to a newer index version if one was published; True when it did.

        Loading happens beside the serving answerer, which is replaced in one assignment, so
        questions in flight finish on the old version and new ones get the new.
        """
        serving = current_version(self.settings.index_dir)
        if serving is None or serving.name == self.version:
            return False
        with self.lock:
            if serving.name == self.version:
                return False
            searcher, manifest = load_searcher(self.settings.index_dir, self.searcher.encoder)
            self.answerer = make_answerer(self.settings, searcher, llm=self.answerer.llm)
            self.manifest, self.version = manifest, serving.name
            logger.info("Now serving index %s (%d passages)", serving.name, manifest.chunk_count)
            return True

    # -- operations shared by the CLI and the chat -------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        """The corpus as its manifest lists it (CorpusError, naming file and line, when it does not parse)."""
        return corpus.load_manifest(self.settings.corpus_dir)

    def corpus_problem(self) -> str | None:
        """Why manifest.toml cannot be read, or None (see the module function)."""
        return corpus_problem(self.settings)

    def served_documents(self) -> list[DocumentInfo]:
        """The documents the serving index holds, read from its passages: what /sources shows while
        manifest.toml cannot be read. Focal points' reports are left out, as from the manifest."""
        served: dict[str, DocumentInfo] = {}
        for chunk in self.searcher.chunks:
            if chunk.doc in served or chunk.kind == "focal_point_report":
                continue
            served[chunk.doc] = DocumentInfo(
                file=chunk.doc,
                title=chunk.title,
                short=chunk.short,
                kind=chunk.kind or "other",
                date=chunk.date[:10] or None,
                symbols=chunk.symbols,
            )
        return list(served.values())

    def documents_or_served(self) -> tuple[list[DocumentInfo], str | None]:
        """(documents, problem): the manifest's, else the serving index's with why the manifest failed."""
        try:
            return self.documents(), None
        except corpus.CorpusError as error:
            return self.served_documents(), str(error)

    def plan_update(self) -> UpdatePlan:
        """What `update_index` would do, changing nothing."""
        return plan_update(self.settings.source_dirs, self.settings.index_dir, self.searcher.encoder)

    def locked(self, *, waiting: Callable[[str], None] | None = None):
        """The corpus and index lock, shared with every other process (index/store.py `locked`)."""
        return locked(self.settings.index_dir, waiting=waiting)

    def update_index(self, *, show_progress: bool = False) -> UpdateResult:
        """Re-index what changed in the corpus and serve it; one update at a time, across processes."""
        with self.locked():
            result = update_index_on_disk(
                self.settings.source_dirs, self.settings.index_dir, self.searcher.encoder, show_progress=show_progress
            )
        self.refresh()
        return result

    def add_document(
        self,
        source: Path,
        info: DocumentInfo,
        *,
        replace: bool = False,
        rename_if_taken: bool = False,
        show_progress: bool = False,
    ) -> tuple[DocumentInfo, UpdateResult]:
        """A checked file (see `bot.documents.prepare_document`) into the corpus, then searchable.

        Under the lock from the name check to the index switch, so two maintainers adding at once
        both get their document. `rename_if_taken` gives the document a free name if another took
        its name since the preview. Success is checked, not assumed: a document the new index
        does not hold is taken out of the corpus again and the reason raised (CorpusError).
        """
        from bot.documents import free_name

        with self.locked():
            twin = None if replace else self.twin_of(source)
            if twin is not None:  # a second preview of one content, or ✅ Add pressed again after a kill
                raise DuplicateDocument(twin, f"{info.original or info.file} is already in the corpus as {twin.file}")
            if rename_if_taken and not replace:
                info = info.model_copy(update={"file": free_name(info.file, self.settings.source_dirs)})
            corpus.add_document(self.settings.corpus_dir, source, info, replace=replace)
            result = self.update_index(show_progress=show_progress)
            if not any(entry.file == info.file for entry in result.manifest.documents):
                reason = result.failed.get(info.file, "it is not in the new index")
                corpus.remove_document(self.settings.corpus_dir, info.file)
                raise corpus.CorpusError(f"{info.original or info.file} was not added: {reason}")
        return info, result

    def twin_of(self, source: Path) -> DocumentInfo | None:
        """The corpus document with the same content as `source`, if any (checked under the lock, so
        two previews of one file, each checked before the other was added, make one document)."""
        digest = corpus.content_hash(source)
        for document in self.documents():
            path = self.settings.corpus_dir / document.file
            if path.is_file() and corpus.content_hash(path) == digest:
                return document
        return None

    def remove_document(self, file: str, *, show_progress: bool = False) -> tuple[DocumentInfo, UpdateResult]:
        """A document out of the corpus and out of what search serves."""
        with self.locked():
            removed = corpus.remove_document(self.settings.corpus_dir, file)
            return removed, self.update_index(show_progress=show_progress)

    def publish_reports(self) -> UpdateResult:
        """Focal points' reports into search: regenerate their folder, then re-index what changed."""
        from bot.reporting.report_docs import sync_report_documents

        with self.locked():
            sync_report_documents(self.store, self.settings.reports_dir)
            return self.update_index()

    def close(self) -> None:
        self.store.close()
        if self.answerer.llm is not None:
            self.answerer.llm.close()


def build_services(
    settings: Settings,
    *,
    encoder: Encoder | None = None,
    update_if_stale: bool = True,
    report: Callable[[str], None] | None = None,
) -> Services:
    """Everything the bot serves from; `update_if_stale=False` when the caller re-indexes itself
    (and so needs no hint to do it); `report` hears what a person starting the bot should read
    (see `open_index`)."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    encoder = encoder or make_encoder(settings)
    searcher, manifest = open_index(
        settings, encoder, update_if_stale=update_if_stale, report=report, stale_hint=update_if_stale
    )
    answerer = make_answerer(settings, searcher, llm=make_llm(settings))
    store = open_store(settings)
    version = current_version(settings.index_dir)
    return Services(
        settings=settings, answerer=answerer, store=store, manifest=manifest, version=version.name if version else None
    )
