"""The focal points' reports brought into search by one background thread, never by a worker.

Every Submit, edit and withdrawal asks for a publish (`ReportPublisher.request`). Publishing waits
for the corpus and index lock, which an `index update` or a large upload may hold for minutes: done
in the threads questions are answered in, six such waits would stop every answer. So it has one
thread of its own, started on demand, and requests coalesce: however many reports arrive while
it waits or works, one more run after the current one publishes them all (each run reads the
database afresh). Questions meanwhile are answered from the index as it is.

A run that cannot finish is tried again: while `manifest.toml` does not parse, the problem (file,
line) is told once through `on_problem` and the publish is retried every `retry_seconds`, or at
once when asked again (the bot asks as soon as it sees the manifest fixed); nothing is dropped. A publish still wanted when the bot stops is found at
the next start (`report_docs.out_of_date`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from filelock import Timeout

from index.corpus import CorpusError
from index.versions import write_lock

if TYPE_CHECKING:
    from bot.services import Services

logger = logging.getLogger(__name__)

RETRY_SECONDS = 30.0  # a broken manifest, a failed update: tried again this often
LOCK_SLICE_SECONDS = 1.0  # the lock is waited for in slices, so that stopping the bot is not held up


class ReportPublisher:
    def __init__(
        self,
        services: Services,
        *,
        on_problem: Callable[[str], None] | None = None,
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self._services = services
        self._on_problem = on_problem
        self._retry_seconds = retry_seconds
        self._condition = threading.Condition()
        self._wanted = False
        self._nudged = False  # a request while a failed run waits: try again now
        self._closed = False
        self._thread: threading.Thread | None = None
        self.problem: str | None = None  # why the last run failed, until one succeeds
        self.runs = 0  # publishes completed (for tests and the log)

    def request(self) -> None:
        """Publish soon; returns at once. Requests made before a run starts are served by it."""
        with self._condition:
            if self._closed:
                return
            self._wanted = True
            self._nudged = True
            self._condition.notify_all()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="publish-reports", daemon=True)
                self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """True once nothing is wanted or running (tests, and a clean stop)."""
        with self._condition:
            return self._condition.wait_for(lambda: self._thread is None, timeout)

    @property
    def pending(self) -> bool:
        with self._condition:
            return self._wanted or self._thread is not None

    def close(self, timeout: float = 5.0) -> None:
        """Stop after the current step; a publish still wanted is done by the next start."""
        with self._condition:
            self._closed = True
            thread = self._thread
            self._condition.notify_all()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    # -- the thread -------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._condition:
                if self._closed or not self._wanted:
                    self._thread = None
                    self._condition.notify_all()
                    return
                self._wanted = False
            try:
                done = self._publish_once()
            except CorpusError as error:  # manifest.toml does not parse: the index keeps serving as it is
                self._failed(str(error))
            except Exception as error:
                logger.exception("Could not publish the focal points' reports")
                self._failed(f"{type(error).__name__}: {error}")
            else:
                if done:
                    self.runs += 1
                    if self.problem is not None:
                        logger.info("The focal points' reports are published again")
                    self.problem = None

    def _publish_once(self) -> bool:
        """One publish under the corpus and index lock; False when the bot stopped while waiting."""
        lock = write_lock(self._services.settings.index_dir)
        while True:
            try:
                lock.acquire(timeout=LOCK_SLICE_SECONDS)
                break
            except Timeout:
                with self._condition:
                    if self._closed:
                        return False
        try:
            self._services.publish_reports()
        finally:
            lock.release()
        return True

    def _failed(self, problem: str) -> None:
        """Keep the publish wanted, say why once, and wait before the next try."""
        if problem != self.problem:
            logger.error("The focal points' reports are not published: %s", problem)
            if self._on_problem is not None:
                try:
                    self._on_problem(problem)
                except Exception:
                    logger.exception("Could not tell the maintainers why the reports are not published")
        self.problem = problem
        with self._condition:
            self._wanted, self._nudged = True, False
            self._condition.wait_for(lambda: self._closed or self._nudged, self._retry_seconds)
