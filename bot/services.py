"""Build the long-lived services once: encoder, index, catalogue, answerer, database.

The Telegram application, the console chat, the CLI and the benchmarks all start here, so
there is one way to get a working answerer and the model is loaded exactly once.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from bot.answering.answer import Answerer
from bot.answering.catalogue import Catalogue
from bot.config import Settings
from bot.database import Store
from index.encoder import Encoder, load_encoder
from index.search import Searcher
from index.store import (
    IndexLoadError,
    IndexManifest,
    build_index,
    corpus_is_stale,
    current_version,
    load_searcher,
    update_index,
)

logger = logging.getLogger(__name__)


def make_encoder(settings: Settings) -> Encoder:
    return load_encoder(
        settings.embedding_model, query_prompt=settings.query_prompt, passage_prompt=settings.passage_prompt
    )


def open_index(settings: Settings, encoder: Encoder, *, build_if_needed: bool = True) -> tuple[Searcher, IndexManifest]:
    """The current index; on a fresh clone it is built, after a corpus change brought up to date."""
    try:
        searcher, manifest = load_searcher(settings.index_dir, encoder)
    except IndexLoadError as error:
        if not build_if_needed:
            raise
        if current_version(settings.index_dir) is not None:
            logger.warning("%s", error)
        logger.info("Building the index of %s", settings.corpus_dir)
        build_index(settings.source_dirs, settings.index_dir, encoder)
        return load_searcher(settings.index_dir, encoder)
    if build_if_needed and corpus_is_stale(settings.source_dirs, manifest):
        logger.info("The corpus changed since the index was built; updating it")
        update_index(settings.source_dirs, settings.index_dir, encoder)  # only what changed is embedded
        return load_searcher(settings.index_dir, encoder)
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
    return Answerer(
        searcher,
        Catalogue(searcher.chunks),
        min_evidence=settings.min_evidence or None,
        llm=llm,
        cache_dir=settings.data_dir / "cache",
    )


def load_answerer(settings: Settings, *, encoder: Encoder | None = None, allow_llm: bool = True) -> Answerer:
    encoder = encoder or make_encoder(settings)
    searcher, _ = open_index(settings, encoder)
    return make_answerer(settings, searcher, llm=make_llm(settings) if allow_llm else None)


@dataclass
class Services:
    """What handlers reach through `context.bot_data`; replaced as a whole when the index changes."""

    settings: Settings
    answerer: Answerer
    store: Store
    manifest: IndexManifest | None = None
    version: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    update_lock: threading.Lock = field(default_factory=threading.Lock)

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

    def publish_reports(self):
        """Focal points' reports into search: regenerate their folder, then re-index what changed."""
        from bot.reporting.report_docs import sync_report_documents

        with self.update_lock:
            sync_report_documents(self.store, self.settings.reports_dir)
        return self.update_index()

    def update_index(self, *, show_progress: bool = False):
        """Re-index what changed in the corpus and serve it; one update at a time."""
        with self.update_lock:
            result = update_index(
                self.settings.source_dirs, self.settings.index_dir, self.searcher.encoder, show_progress=show_progress
            )
        self.refresh()
        return result

    @property
    def searcher(self) -> Searcher:
        return self.answerer.searcher

    @property
    def catalogue(self) -> Catalogue:
        return self.answerer.catalogue


def build_services(settings: Settings, *, encoder: Encoder | None = None) -> Services:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    encoder = encoder or make_encoder(settings)
    searcher, manifest = open_index(settings, encoder)
    answerer = make_answerer(settings, searcher, llm=make_llm(settings))
    store = Store.open(Path(settings.database_path), salt=settings.hash_salt.get_secret_value())
    version = current_version(settings.index_dir)
    return Services(
        settings=settings, answerer=answerer, store=store, manifest=manifest, version=version.name if version else None
    )
