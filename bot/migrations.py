"""The database schema as named migrations (sqlite-utils `Migrations`), applied by bot/database.py.

Each function is one released change of schema, applied once and recorded in
`_sqlite_migrations`; a released migration is never edited, a change is a new one. Numbers
m008–m009 were never released (two branches reserved them).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import sqlite_utils
from sqlite_utils.migrations import Migrations

from bot.actors import seed_actors


def now_iso() -> str:
    """The time rows are stamped with: UTC, to the second, ISO 8601 (sorts as text)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


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


@MIGRATIONS()
def m010_feedback_reasons(db: sqlite_utils.Database) -> None:
    """Why an answer got 👎 (one of bot.handoffs.REASONS), the user's own words, and the answer as
    they saw it, so a hand-off shows the Secretariat what the user read."""
    questions = db["questions"]
    questions.add_column("feedback_reason", str)
    questions.add_column("feedback_comment", str)
    questions.add_column("answer_shown", str)


@MIGRATIONS()
def m011_handoffs(db: sqlite_utils.Database) -> None:
    """Questions handed to the Secretariat, the messages exchanged about them, and the bot's
    messages whose replies mean something (a maintainer answering, a user commenting)."""
    db["handoffs"].create(
        {
            "id": int,
            "question_id": int,
            "user_id": int,  # where the Secretariat's answer goes: a delivery address, not analytics
            "chat_id": int,
            "lang": str,
            "status": str,  # "open" until the Secretariat answers; "open" again when the user writes back
            "created_at": str,
            "answered_at": str,
        },
        pk="id",
        foreign_keys=[("question_id", "questions", "id")],
    )
    db["handoffs"].create_index(["question_id"], unique=True)
    db["handoffs"].create_index(["status"])
    db["handoff_messages"].create(
        {"id": int, "handoff_id": int, "sender": str, "telegram_id": int, "text": str, "at": str},
        pk="id",
        foreign_keys=[("handoff_id", "handoffs", "id")],
    )
    db["awaited_replies"].create(
        {"chat_id": int, "message_id": int, "kind": str, "ref_id": int, "created_at": str},
        pk=("chat_id", "message_id"),
    )


@MIGRATIONS()
def m013_handoff_privacy(db: sqlite_utils.Database) -> None:
    """Delegates' Telegram ids are kept only while a hand-off needs them to reply.

    `handoff_messages` loses `telegram_id` (who wrote a message is its `sender`); a hand-off gets
    `closed_at`, and one answered and quiet for HANDOFF_QUIET_DAYS is closed now: its user and
    chat ids are cleared and the delegate's replies are no longer awaited, as are 👎 comment prompts
    older than COMMENT_PROMPT_DAYS. From then on the hourly job does the same
    (`bot.handoffs.close_quiet_handoffs`), so nothing links a delegate's id to their words for
    longer than the conversation lasts. (The rule as it stood at this release, written out here
    so that this migration never changes.)
    """
    db["handoff_messages"].transform(drop={"telegram_id"})
    db["handoffs"].add_column("closed_at", str)
    now = dt.datetime.now(dt.UTC)
    quiet_since = (now - dt.timedelta(days=30)).isoformat(timespec="seconds")
    prompts_since = (now - dt.timedelta(days=7)).isoformat(timespec="seconds")
    closing = [
        row["id"]
        for row in db.query(
            "select h.id from handoffs h where h.status = 'answered' and h.answered_at < ? and not exists "
            "(select 1 from handoff_messages m where m.handoff_id = h.id and m.at >= ?)",
            [quiet_since, quiet_since],
        )
    ]
    for handoff_id in closing:
        db.execute("delete from awaited_replies where kind = 'secretariat' and ref_id = ?", [handoff_id])
        db["handoffs"].update(
            handoff_id,
            {"status": "closed", "user_id": None, "chat_id": None, "closed_at": now.isoformat(timespec="seconds")},
        )
    db.execute("delete from awaited_replies where kind = 'comment' and created_at < ?", [prompts_since])


# m012 was reserved for the Secretariat's tables; it landed after m013, and migrations apply in the
# order written here (a database that has m013 gets m012 next).
@MIGRATIONS()
def m012_secretariat(db: sqlite_utils.Database) -> None:
    """The Secretariat's own work: curated answers (with their versions and cached question
    vectors), the weekly digest (its schedule and what was sent, per period and chat), and the
    review of reports (a state per report, every decision kept).

    Reports filed before review existed were already part of the record: they become approved.
    """
    db["curated_answers"].create(
        {
            "id": int,
            "question": str,
            "lang": str,  # the language the answer was written in
            "answer": str,
            "sources": str,  # JSON list of document references the maintainer cited, may be empty
            "question_id": int,  # the logged question it was written for, if any
            "handoff_id": int,  # the hand-off whose reply it was saved from, if any
            "status": str,  # "active" or "retired" (never shown again)
            "version": int,
            "created_by": int,
            "created_at": str,
            "updated_at": str,
            "vector": bytes,  # the question's embedding (float32), cached for matching
            "vector_model": str,  # the encoder that made it: another one re-embeds
        },
        pk="id",
    )
    db["curated_answers"].create_index(["status"])
    db["questions"].add_column("curated_id", int)  # the curated answer shown with the reply, if any
    db["curated_versions"].create(
        {"id": int, "curated_id": int, "version": int, "snapshot": str, "replaced_by": int, "replaced_at": str},
        pk="id",
        foreign_keys=[("curated_id", "curated_answers", "id")],
    )
    db["digest_schedule"].create(
        {"id": int, "weekday": int, "hour": int, "minute": int, "enabled": int, "set_by": int, "set_at": str}, pk="id"
    )
    db["digest_deliveries"].create(
        {"period": str, "chat_id": int, "status": str, "attempts": int, "at": str}, pk=("period", "chat_id")
    )
    db["digest_periods"].create({"period": str, "outcome": str, "at": str}, pk="period")
    reports = db["reports"]
    reports.add_column("review", str)
    reports.add_column("review_comment", str)
    db.execute("update reports set review = 'approved'")
    db["report_reviews"].create(
        {
            "id": int,
            "report_id": int,
            "version": int,
            "decision": str,  # "approved" or "returned"
            "comment": str,
            "reviewer": int,
            "at": str,
            "notified": str,  # when the focal point was told of a return (null: still to tell)
            "attempts": int,
        },
        pk="id",
        foreign_keys=[("report_id", "reports", "id")],
    )
    db["report_reviews"].create_index(["report_id"])


# The release before named migrations numbered them in a `_migrations` table.
_POSITIONAL = {1: "m001_questions", 2: "m002_focal_points", 3: "m003_reminders"}


def adopt_positional_migrations(db: sqlite_utils.Database, migrations: Migrations) -> None:
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
