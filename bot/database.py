"""The assistant's own database: questions asked, feedback, and (later) focal points and reports.

sqlite-utils on a WAL-mode SQLite file; schema changes are numbered migrations applied once, in
order, so an old database upgrades itself at start-up. User ids are stored as salted hashes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from pydantic import BaseModel


def _m001_questions(db: sqlite_utils.Database) -> None:
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


def _m002_focal_points(db: sqlite_utils.Database) -> None:
    """Actors, maintainers, focal points, invitations and activity reports (issue: focal points)."""
    from bot.actors import seed_actors

    db["actors"].create({"id": str, "name": str, "name_es": str, "grp": str, "added_at": str}, pk="id")
    db["actors"].insert_all([{**actor, "added_at": _now()} for actor in seed_actors()], pk="id")
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


def _m003_reminders(db: sqlite_utils.Database) -> None:
    """Report deadlines set by maintainers and the reminders sent for them."""
    db["deadlines"].create({"id": int, "year": int, "due": str, "set_by": int, "set_at": str}, pk="id")
    db["reminders"].create(
        {"id": int, "deadline_id": int, "telegram_id": int, "sent_on": str},
        pk="id",
        foreign_keys=[("deadline_id", "deadlines", "id")],
    )
    db["reminders"].create_index(["deadline_id", "telegram_id", "sent_on"], unique=True)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_m001_questions, _m002_focal_points, _m003_reminders]


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
    def __init__(self, db: sqlite_utils.Database, salt: str) -> None:
        self.db = db
        self._salt = salt
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path | str, *, salt: str = "migrantsbot") -> Store:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        import sqlite3

        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        db = sqlite_utils.Database(conn)
        if str(path) != ":memory:":
            db.enable_wal()
        store = cls(db, salt)
        store.migrate()
        return store

    def migrate(self) -> None:
        if "_migrations" not in self.db.table_names():
            self.db["_migrations"].create({"version": int, "applied_at": str}, pk="version")
        done = {row["version"] for row in self.db["_migrations"].rows}
        for version, migration in enumerate(MIGRATIONS, start=1):
            if version not in done:
                with self.transaction():
                    migration(self.db)
                    self.db["_migrations"].insert({"version": version, "applied_at": _now()})

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One user action, all or nothing.

        Handlers run database work in threads that share this connection; the lock keeps one
        thread's commit from sweeping up another's half-done writes.
        """
        with self._lock, self.db.conn:
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
        with self.transaction():
            table = self.db["questions"]
            table.insert(
                {
                    "asked_at": _now(),
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
        with self.transaction():
            rows = list(
                self.db["questions"].rows_where("id = ? and user_hash = ?", [question_id, self.user_hash(user_id)])
            )
            if not rows:
                return False
            self.db["questions"].update(question_id, {"feedback": 1 if value > 0 else -1})
            return True

    def question(self, question_id: int) -> dict | None:
        try:
            return self.db["questions"].get(question_id)
        except sqlite_utils.db.NotFoundError:
            return None

    def cited_chunk(self, question_id: int, n: int) -> str | None:
        """The passage id behind citation [n] of an answer, for the 'show passage' button."""
        row = self.question(question_id)
        if row is None:
            return None
        ids = json.loads(row.get("citations") or "[]")
        return ids[n - 1] if 0 < n <= len(ids) else None

    def stats(self, *, days: int = 30, top: int = 10) -> Stats:
        since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat()
        q = self.db.query
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

    def close(self) -> None:
        self.db.conn.close()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
