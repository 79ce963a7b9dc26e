"""The assistant's own database: questions asked and their feedback, actors, maintainers, focal
points, invitations, activity reports with their versions, deadlines and reminders.

sqlite-utils on a WAL-mode SQLite file. The schema is a list of named migrations (sqlite-utils
`Migrations`), recorded in `_sqlite_migrations` and applied once each at start-up, so an old
database upgrades itself. An upgrade is all or nothing: every pending migration runs inside one
`db.atomic()` transaction, so a migration that fails half-way leaves the database as it was
(schema changes included, which the old hand-made transaction did not cover) and the next start
tries again. Migrations are never edited once released; a change of schema is a new one.

Every user action is one transaction: callers wrap their work in `Store.atomic()` (which holds
SQLite's write lock from its start), and read-only looks in `Store.read()`. User ids in the
questions log are salted hashes.

A database file deleted under the running bot is not silently lost: the open connection still
holds every row, so `Store.ensure_file` (run every few seconds by the bot) writes it back with
SQLite's backup API and carries on on the restored file, and a start on a data folder used
before that finds no database says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from pydantic import BaseModel
from sqlite_utils.migrations import Migrations

from bot.migrations import MIGRATIONS, adopt_positional_migrations, now_iso

logger = logging.getLogger(__name__)

CONSOLE_USER = "console"  # the "user" whose questions the console chat logs (`migrantsbot chat`)


@contextmanager
def immediate(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A transaction that takes SQLite's write lock at its start (BEGIN IMMEDIATE); nested: a savepoint.

    A deferred transaction that reads and then writes fails at once with "database is locked"
    when another connection wrote in between (SQLite cannot wait there without a deadlock).
    Taken at the start, the lock is waited for (the connection's 30 s timeout) instead, so an
    action never fails half-way because the persistence's connection or another process (the
    CLI beside the bot) wrote meanwhile. Readers on other connections are not held up (WAL).
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def migrate(db: sqlite_utils.Database, migrations: Migrations = MIGRATIONS) -> list[str]:
    """Apply what is pending, all in one transaction; returns the names applied."""
    with immediate(db):
        adopt_positional_migrations(db, migrations)
        pending = [migration.name for migration in migrations.pending(db)]
        migrations.apply(db)  # each migration is a savepoint inside this transaction
    return pending


class DailyCount(BaseModel):
    day: str
    asked: int
    answered: int


class Stats(BaseModel):
    total: int
    answered_share: float
    per_day: list[DailyCount]
    most_asked: list[tuple[str, int]]
    unanswered: list[tuple[str, int]]
    feedback_up: int
    feedback_down: int
    conversation: int = 0  # greetings, thanks, referrals: not counted as questions
    console: int = 0  # of `total`, asked in the console chat


class Store:
    """One connection shared by the threads handlers run their database work in."""

    def __init__(self, db: sqlite_utils.Database, salt: str, path: Path | None = None) -> None:
        self.db = db
        self._salt = salt
        self._lock = threading.RLock()
        self.path = path  # None for an in-memory database
        self._inode = _inode(path) if path is not None else None

    @classmethod
    def open(cls, path: Path | str, *, salt: str | None = None, migrations: Migrations = MIGRATIONS) -> Store:
        """The database at `path`, upgraded; without a `salt`, user hashes use one made for this process."""
        on_disk = str(path) != ":memory:"
        if on_disk:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        if on_disk:
            _set_aside_stale_wal(Path(path))
        db = _connect(path)
        try:
            if on_disk:
                db.enable_wal()
            migrate(db, migrations)
        except BaseException:
            db.conn.close()
            raise
        return cls(db, salt or secrets.token_hex(32), Path(path) if on_disk else None)

    def ensure_file(self) -> str | None:
        """Notice the database file deleted or replaced under us: "restored" when it was written back
        from this connection (which still holds every row), "reopened" when another connection had
        restored it first (this one moves to it), None when all is well.

        The restored file stays in rollback-journal mode until the next start: the deleted file's
        WAL still has its name, and connections to the deleted file would remove it when they close.
        """
        if self.path is None or _inode(self.path) == self._inode:  # the usual case: no lock taken
            return None
        with self._lock:
            current = _inode(self.path)
            if current is not None and current == self._inode:
                return None
            if current is None:  # deleted: every row is still readable through the open connection
                temporary = self.path.with_name(f".{self.path.name}.restoring")
                temporary.unlink(missing_ok=True)
                target = sqlite3.connect(str(temporary))
                try:
                    self.db.conn.backup(target)
                    target.execute("PRAGMA journal_mode=DELETE")
                finally:
                    target.close()
                os.replace(temporary, self.path)
                outcome = "restored"
            else:
                outcome = "reopened"
            self.db.conn.close()
            self.db = _connect(self.path)
            self._inode = _inode(self.path)
        logger.critical("The database file %s was deleted while the bot ran; %s it", self.path, outcome)
        return outcome

    @contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        """One user action, all or nothing (nested calls become savepoints).

        The lock keeps another thread from starting its own work inside this transaction, where
        its commit would sweep up our half-done writes (or its rollback undo them). The
        transaction is `immediate`: it holds SQLite's write lock from its start, so an action
        that reads and then writes on what it read (counting wrong codes, a double Submit) sees
        no other connection's write in between and never fails half-way on "database is locked".
        """
        with self._lock, immediate(self.db):
            yield self.db

    @contextmanager
    def read(self) -> Iterator[sqlite_utils.Database]:
        """A read-only look (one consistent snapshot), without SQLite's write lock: it waits for
        no writer and holds none up. Use `atomic` for anything that writes."""
        with self._lock, self.db.atomic():
            yield self.db

    def user_hash(self, user_id: int | str) -> str:
        return hashlib.sha256(f"{self._salt}:{user_id}".encode()).hexdigest()[:16]

    def log_question(
        self,
        *,
        user_id: int | str,
        question: str,
        lang: str,
        found: bool,
        kind: str,
        latency_ms: float,
        top_source: str = "",
        citations: list[str] | None = None,
        curated_id: int | None = None,
    ) -> int:
        with self.atomic() as db:
            table = db["questions"]
            table.insert(
                {
                    "asked_at": now_iso(),
                    "user_hash": self.user_hash(user_id),
                    "question": question[:4096],
                    "lang": lang,
                    "found": int(found),
                    "kind": kind,
                    "latency_ms": round(latency_ms, 1),
                    "feedback": 0,
                    "top_source": top_source,
                    "citations": json.dumps(citations or []),
                    "curated_id": curated_id,
                }
            )
            return int(table.last_pk)

    def log_answer(
        self, *, user_id: int | str, question: str, answer, latency_ms: float, curated_id: int | None = None
    ) -> int:
        """`log_question` for an answer as every front end has it (`bot.answering.models.Answer`):
        its language, kind, first source and citations."""
        return self.log_question(
            user_id=user_id,
            question=question,
            lang=answer.lang,
            found=answer.found,
            kind=answer.kind,
            latency_ms=latency_ms,
            top_source=answer.citations[0].section if answer.citations else "",
            citations=[c.chunk_id for c in answer.citations],
            curated_id=curated_id,
        )

    def set_feedback(self, question_id: int, value: int, *, user_id: int | str) -> bool:
        """Only the person who asked may rate the answer; a second tap just changes the vote."""
        with self.atomic() as db:
            rows = list(db["questions"].rows_where("id = ? and user_hash = ?", [question_id, self.user_hash(user_id)]))
            if not rows:
                return False
            db["questions"].update(question_id, {"feedback": 1 if value > 0 else -1})
            return True

    def question(self, question_id: int) -> dict | None:
        with self.read() as db:
            rows = list(db["questions"].rows_where("id = ?", [question_id]))
        return rows[0] if rows else None

    def cited_chunk(self, question_id: int, n: int) -> str | None:
        """The passage id behind citation [n] of an answer, for the 'show passage' button."""
        row = self.question(question_id)
        if row is None:
            return None
        ids = json.loads(row.get("citations") or "[]")
        return ids[n - 1] if 0 < n <= len(ids) else None

    def stats(self, *, days: int = 30, top: int = 10) -> Stats:
        since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat()
        with self.read() as db:
            stats = _stats(db, since, top)
            console = db.execute(
                "select count(*) from questions where asked_at >= ? and user_hash = ? "
                "and kind not in ('small_talk', 'referral', 'empty')",
                [since, self.user_hash(CONSOLE_USER)],
            ).fetchone()[0]
        return stats.model_copy(update={"console": console})

    def forget_guessable_hashes(self) -> int:
        """Questions logged before the salt was random carry hashes anyone could reverse: clear them.

        Only their link to a person goes (a 👍 on such an old answer is no longer accepted); the
        questions, their answers and their feedback stay for the statistics.
        """
        with self.atomic() as db:
            cleared = db.execute("update questions set user_hash = '' where user_hash != ''").rowcount
        if cleared:
            logger.warning(
                "Cleared the guessable user hashes of %d questions logged before the salt was random", cleared
            )
        return cleared

    def close(self) -> None:
        self.db.conn.close()


def _connect(path: Path | str) -> sqlite_utils.Database:
    return sqlite_utils.Database(sqlite3.connect(str(path), check_same_thread=False, timeout=30))


def _set_aside_stale_wal(path: Path) -> None:
    """A `-wal` file beside a database not in WAL mode belongs to a file deleted earlier (see
    `Store.ensure_file`): moved aside, so that switching to WAL never replays it into this one."""
    wal = path.with_name(path.name + "-wal")
    if not path.is_file() or not wal.exists():
        return
    with path.open("rb") as header:
        header.seek(18)
        versions = header.read(2)
    if versions != b"\x02\x02":  # the header's read/write versions are 2 only in WAL mode
        aside = wal.with_name(f"{wal.name}.stale-{int(dt.datetime.now(dt.UTC).timestamp())}")
        wal.replace(aside)
        path.with_name(path.name + "-shm").unlink(missing_ok=True)
        logger.warning("Moved aside %s, the journal of a database file deleted earlier", wal)


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


# How /stats reads `questions.kind` (bot/answering/models.py): small talk, referrals and empty
# messages are conversation, not questions about the documents; only "not in the documents"
# (not_found) and "mentions X but does not say Y" (partial) point at documents that may be missing,
# as `Answer.unanswered` says. The kinds are written out in each query (no SQL built from strings).


def _stats(db: sqlite_utils.Database, since: str, top: int) -> Stats:
    q = db.query
    total = next(
        q(
            "select count(*) n from questions where asked_at >= ? and kind not in ('small_talk', 'referral', 'empty')",
            [since],
        )
    )["n"]
    answered = next(
        q(
            "select count(*) n from questions where asked_at >= ? "
            "and kind not in ('small_talk', 'referral', 'empty') and found = 1",
            [since],
        )
    )["n"]
    conversation = next(
        q(
            "select count(*) n from questions where asked_at >= ? and kind in ('small_talk', 'referral', 'empty')",
            [since],
        )
    )["n"]
    per_day = [
        DailyCount(**row)
        for row in q(
            "select substr(asked_at, 1, 10) day, count(*) asked, sum(found) answered from questions "
            "where asked_at >= ? and kind not in ('small_talk', 'referral', 'empty') group by day order by day",
            [since],
        )
    ]
    most = [
        (r["question"], r["n"])
        for r in q(
            "select lower(trim(question)) question, count(*) n from questions where asked_at >= ? "
            "and kind not in ('small_talk', 'referral', 'empty') "
            "group by lower(trim(question)) order by n desc, question limit ?",
            [since, top],
        )
    ]
    unanswered = [
        (r["question"], r["n"])
        for r in q(
            "select lower(trim(question)) question, count(*) n from questions where asked_at >= ? "
            "and kind in ('not_found', 'partial') group by lower(trim(question)) order by n desc, question limit ?",
            [since, top],
        )
    ]
    up = next(q("select count(*) n from questions where feedback > 0 and asked_at >= ?", [since]))["n"]
    down = next(q("select count(*) n from questions where feedback < 0 and asked_at >= ?", [since]))["n"]
    return Stats(
        total=total,
        answered_share=answered / total if total else 0.0,
        per_day=per_day,
        most_asked=most,
        unanswered=unanswered,
        feedback_up=up,
        feedback_down=down,
        conversation=conversation,
    )


def open_store(settings) -> Store:
    """The database of these settings (`bot.config.Settings`), hashing user ids with their salt."""
    from bot.salt import SALT_FILE, hash_salt

    path = Path(settings.database_path)
    used_before = (Path(settings.data_dir) / SALT_FILE).is_file()
    if not path.exists() and used_before:
        logger.warning(
            "No database at %s although this data folder was used before: starting with an empty one "
            "(questions, focal points, reports and hand-offs of earlier runs are not there). Was it deleted?",
            path,
        )
    salt, made_now = hash_salt(settings)
    store = Store.open(path, salt=salt)
    if made_now:
        store.forget_guessable_hashes()
    return store
