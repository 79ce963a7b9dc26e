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
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from pydantic import BaseModel
from sqlite_utils.migrations import Migrations

from bot.actors import seed_actors

logger = logging.getLogger(__name__)

MIGRATIONS = Migrations("migrantsbot")


@MIGRATIONS()
def m001_questions(db: sqlite_utils.Database) -> None:
    db["questions"].create(
        {
            "id": int,
            "asked_at": str,
            "user_hash": str,
            "question": str,
            "lang": str,
            "found": int,
            "kind": str,
            "latency_ms": float,
            "feedback": int,
            "top_source": str,
            "citations": str,
        },
        pk="id",
    )
    db["questions"].create_index(["asked_at"])


@MIGRATIONS()
def m002_focal_points(db: sqlite_utils.Database) -> None:
    """Actors (seeded with the Program's and the 35 member states), maintainers, focal points,
    invitations and activity reports."""
    db["actors"].create({"id": str, "name": str, "name_es": str, "grp": str, "added_at": str}, pk="id")
    db["actors"].insert_all([{**actor, "added_at": now_iso()} for actor in seed_actors()], pk="id")
    db["maintainers"].create({"telegram_id": int, "added_at": str}, pk="telegram_id")
    db["focal_points"].create(
        {"telegram_id": int, "actor_id": str, "name": str, "registered_at": str, "active": int},
        pk="telegram_id",
        foreign_keys=[("actor_id", "actors", "id")],
    )
    db["invitations"].create(
        {
            "code_hash": str,
            "actor_id": str,
            "created_at": str,
            "expires_at": str,
            "used_at": str,
            "used_by": int,
            "revoked": int,
        },
        pk="code_hash",
        foreign_keys=[("actor_id", "actors", "id")],
    )
    db["register_failures"].create({"id": int, "telegram_id": int, "at": str}, pk="id")
    db["reports"].create(
        {
            "id": int,
            "submission_key": str,
            "actor_id": str,
            "telegram_id": int,
            "ref": str,
            "kind": str,
            "period": str,
            "year": int,
            "description": str,
            "link": str,
            "status": str,
            "version": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("actor_id", "actors", "id")],
    )
    db["reports"].create_index(["submission_key"], unique=True)
    db["reports"].create_index(["actor_id", "year"])
    db["report_versions"].create(
        {"id": int, "report_id": int, "version": int, "snapshot": str, "replaced_at": str},
        pk="id",
        foreign_keys=[("report_id", "reports", "id")],
    )


@MIGRATIONS()
def m003_reminders(db: sqlite_utils.Database) -> None:
    """Report deadlines set by maintainers and the reminders sent for them."""
    db["deadlines"].create({"id": int, "year": int, "due": str, "set_by": int, "set_at": str}, pk="id")
    db["reminders"].create(
        {"id": int, "deadline_id": int, "telegram_id": int, "sent_on": str},
        pk="id",
        foreign_keys=[("deadline_id", "deadlines", "id")],
    )
    db["reminders"].create_index(["deadline_id", "telegram_id", "sent_on"], unique=True)


_LEGACY_REF = re.compile(r"^(activity|specific objective|general objective) (\d+)$")


def _legacy_ref(ref: str | None) -> tuple[str, int | None]:
    """ "activity 15" → ("activity", 15); "other" (or anything unknown) → ("other", None)."""
    match = _LEGACY_REF.match((ref or "").strip().lower())
    return (match.group(1), int(match.group(2))) if match else ("other", None)


@MIGRATIONS()
def m004_report_reference(db: sqlite_utils.Database) -> None:
    """A report's Program reference as kind + number instead of a string every reader parsed."""
    reports = db["reports"]
    reports.add_column("ref_kind", str)
    reports.add_column("ref_number", int)
    for row in list(reports.rows):
        kind, number = _legacy_ref(row["ref"])
        reports.update(row["id"], {"ref_kind": kind, "ref_number": number})
    reports.transform(drop={"ref"})
    versions = db["report_versions"]
    for row in list(versions.rows):
        snapshot = json.loads(row["snapshot"])
        if "ref" in snapshot:
            snapshot["ref_kind"], snapshot["ref_number"] = _legacy_ref(snapshot.pop("ref"))
            versions.update(row["id"], {"snapshot": json.dumps(snapshot)})


@MIGRATIONS()
def m005_focal_point_language(db: sqlite_utils.Database) -> None:
    """The language a focal point registered in, so that reminders (sent unasked) are in it too."""
    db["focal_points"].add_column("lang", str)


@MIGRATIONS()
def m006_conversation_state(db: sqlite_utils.Database) -> None:
    """What the bot remembers between updates (drafts, language, open conversations), in the
    database instead of a pickle rewritten in place: one JSON row per user (keyed by the salted
    hash, so delegates' ids are not kept in clear), one row per open conversation (focal points
    only, whom the bot must be able to message), and rows that could not be read, set aside."""
    db["user_state"].create({"user_hash": str, "data": str, "updated_at": str}, pk="user_hash")
    db["conversation_state"].create(
        {"name": str, "conversation_key": str, "state": str, "updated_at": str}, pk=("name", "conversation_key")
    )
    db["state_set_aside"].create({"id": int, "kind": str, "ref": str, "data": str, "reason": str, "at": str}, pk="id")


@MIGRATIONS()
def m007_hashed_register_failures(db: sqlite_utils.Database) -> None:
    """Wrong registration codes are counted per salted user hash, not per Telegram id in clear.

    Old rows cannot be hashed here (the salt is not the migration's to know); they only ever
    counted for ten minutes, so they go.
    """
    db["register_failures"].drop()
    db["register_failures"].create({"id": int, "user_hash": str, "at": str}, pk="id")
    db["register_failures"].create_index(["user_hash", "at"])


# The release before named migrations numbered them in a `_migrations` table.
_POSITIONAL = {1: "m001_questions", 2: "m002_focal_points", 3: "m003_reminders"}


def _adopt_positional_migrations(db: sqlite_utils.Database, migrations: Migrations) -> None:
    """Record what the positional migrations of the old release applied, under their new names."""
    if "_migrations" not in db.table_names():
        return
    migrations.ensure_migrations_table(db)
    for row in db["_migrations"].rows:
        name = _POSITIONAL.get(row["version"])
        if name:
            db[migrations.migrations_table].insert(
                {"migration_set": migrations.name, "name": name, "applied_at": row["applied_at"]},
                ignore=True,
            )
    db["_migrations"].drop()


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
        _adopt_positional_migrations(db, migrations)
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


class Store:
    """One connection shared by the threads handlers run their database work in."""

    def __init__(self, db: sqlite_utils.Database, salt: str) -> None:
        self.db = db
        self._salt = salt
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path | str, *, salt: str | None = None, migrations: Migrations = MIGRATIONS) -> Store:
        """The database at `path`, upgraded; without a `salt`, user hashes use one made for this process."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        db = sqlite_utils.Database(conn)
        try:
            if str(path) != ":memory:":
                db.enable_wal()
            migrate(db, migrations)
        except BaseException:
            conn.close()
            raise
        return cls(db, salt or secrets.token_hex(32))

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
                }
            )
            return int(table.last_pk)

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
            return _stats(db, since, top)

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


def _stats(db: sqlite_utils.Database, since: str, top: int) -> Stats:
    q = db.query
    total = next(q("select count(*) n from questions where asked_at >= ?", [since]))["n"]
    answered = next(q("select count(*) n from questions where asked_at >= ? and found = 1", [since]))["n"]
    per_day = [
        DailyCount(**row)
        for row in q(
            "select substr(asked_at, 1, 10) day, count(*) asked, sum(found) answered from questions "
            "where asked_at >= ? group by day order by day",
            [since],
        )
    ]
    most = [
        (r["question"], r["n"])
        for r in q(
            "select lower(trim(question)) question, count(*) n from questions where asked_at >= ? "
            "group by lower(trim(question)) order by n desc, question limit ?",
            [since, top],
        )
    ]
    unanswered = [
        (r["question"], r["n"])
        for r in q(
            "select lower(trim(question)) question, count(*) n from questions where asked_at >= ? and found = 0 "
            "and kind != 'empty' group by lower(trim(question)) order by n desc, question limit ?",
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
    )


def open_store(settings) -> Store:
    """The database of these settings (`bot.config.Settings`), hashing user ids with their salt."""
    from bot.salt import hash_salt

    salt, made_now = hash_salt(settings)
    store = Store.open(Path(settings.database_path), salt=salt)
    if made_now:
        store.forget_guessable_hashes()
    return store


def now_iso() -> str:
    """The time rows are stamped with: UTC, to the second, ISO 8601 (sorts as text)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
