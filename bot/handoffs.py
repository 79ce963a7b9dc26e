"""A way to a human: why an answer did not help, and questions handed to the OAS Secretariat.

After 👎 a user says what was wrong (one of REASONS, and optionally their own words) and may
hand the question to the Secretariat: the question, the answer they saw and their reason go to
the maintainers' chat. A maintainer answers by replying to that message; the bot delivers the
reply to the user, and the user's reply to it goes back the same way. Everything lives in the
database (migrations m010/m011), so a restart loses no hand-off and no reply can go astray.

The bot's messages whose replies mean something are "awaited replies", keyed by (chat, message):
a comment prompt (the user's words on a 👎), a hand-off in the maintainers' chat, the
Secretariat's answer in the user's chat. Plain functions over the Store, one transaction each.

Privacy: a hand-off keeps the delegate's Telegram user and chat ids, in clear, because the
Secretariat's reply must reach them, and only for as long as that can happen. Once answered
and quiet for QUIET_DAYS it is closed (`close_quiet_handoffs`, hourly): the ids are cleared and
the delegate's replies no longer awaited (a maintainer replying to it then hears it is closed); a
comment prompt is awaited COMMENT_PROMPT_DAYS. The messages
of a thread never carry a Telegram id (their `sender` says who wrote). What stays is what the
questions log has anyway: the question, the answer seen, the reason and the comment, under the
asker's salted hash.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import BaseModel

from bot.config import Settings
from bot.database import Store, now_iso

Reason = Literal["wrong_source", "incomplete", "not_asked", "other"]
REASONS: tuple[Reason, ...] = get_args(Reason)
# comment, handoff, secretariat: here; curate, curate_edit: bot/curated.py's prompts; return: a
# maintainer's comment on a returned report (bot/reporting/review.py)
AwaitedKind = Literal["comment", "handoff", "secretariat", "curate", "curate_edit", "return"]
COMMENT_LIMIT = 1000
ANSWER_LIMIT = 3000
QUIET_DAYS = 30  # an answered hand-off nobody wrote in for this long is closed, its ids cleared
COMMENT_PROMPT_DAYS = 7  # a 👎 comment prompt is awaited this long


class Handoff(BaseModel):
    id: int
    question_id: int
    user_id: int | None  # cleared when the hand-off is closed
    chat_id: int | None
    lang: str
    status: Literal["open", "answered", "closed"]
    created_at: str
    answered_at: str | None = None
    closed_at: str | None = None
    question: str = ""
    found: bool = True  # False: the bot said the documents do not cover it
    answer_shown: str | None = None
    reason: str | None = None
    comment: str | None = None


class Awaited(BaseModel):
    """A bot message whose replies mean something; `ref_id` is a question id or a hand-off id."""

    chat_id: int
    message_id: int
    kind: AwaitedKind
    ref_id: int


class HandoffSummary(BaseModel):
    """What /stats shows: the 👎 reasons given, and the hand-offs open and answered."""

    reasons: dict[str, int]
    open_count: int
    open: list[tuple[int, str, str]]  # the oldest open ones: (hand-off id, created_at, question)
    answered: int  # answered in the period


def _asked_by(store: Store, db, question_id: int, user_id: int) -> dict | None:
    rows = list(db["questions"].rows_where("id = ? and user_hash = ?", [question_id, store.user_hash(user_id)]))
    return rows[0] if rows else None


def down_vote(store: Store, question_id: int, user_id: int, answer_shown: str | None) -> dict | None:
    """👎 from the person who asked, keeping the answer as they saw it; the row as it was before
    (None when someone else pressed it)."""
    with store.atomic() as db:
        row = _asked_by(store, db, question_id, user_id)
        if row is None:
            return None
        changes = {"feedback": -1}
        if answer_shown and not row.get("answer_shown"):
            changes["answer_shown"] = answer_shown[:ANSWER_LIMIT]
        db["questions"].update(question_id, changes)
        return row


def set_reason(store: Store, question_id: int, user_id: int, reason: Reason) -> bool:
    if reason not in REASONS:
        raise ValueError(f"not a reason: {reason!r}")
    with store.atomic() as db:
        if _asked_by(store, db, question_id, user_id) is None:
            return False
        db["questions"].update(question_id, {"feedback": -1, "feedback_reason": reason})
        return True


def set_comment(store: Store, question_id: int, user_id: int, comment: str) -> bool:
    comment = comment.strip()[:COMMENT_LIMIT]
    with store.atomic() as db:
        if not comment or _asked_by(store, db, question_id, user_id) is None:
            return False
        db["questions"].update(question_id, {"feedback_comment": comment})
        return True


_SELECT = (
    "select h.*, q.question, q.found, q.answer_shown, q.feedback_reason reason, q.feedback_comment comment "
    "from handoffs h join questions q on q.id = h.question_id "
)
_BY = {"id": _SELECT + "where h.id = ?", "question": _SELECT + "where h.question_id = ?"}


def _handoff(db, by: Literal["id", "question"], value: int) -> Handoff | None:
    rows = list(db.query(_BY[by], [value]))
    return Handoff(**rows[0]) if rows else None


def handoff(store: Store, handoff_id: int) -> Handoff | None:
    with store.atomic() as db:
        return _handoff(db, "id", handoff_id)


def handoff_for_question(store: Store, question_id: int) -> Handoff | None:
    with store.atomic() as db:
        return _handoff(db, "question", question_id)


def open_handoff(
    store: Store, question_id: int, user_id: int, chat_id: int, lang: str, *, answer_shown: str | None = None
) -> tuple[Handoff | None, bool]:
    """(hand-off, created): one per question, only by the person who asked; a second tap finds it.

    `answer_shown` is kept when 👎 did not keep it already (🙋 pressed under a refusal)."""
    with store.atomic() as db:
        asked = _asked_by(store, db, question_id, user_id)
        if asked is None:
            return None, False
        if answer_shown and not asked.get("answer_shown"):
            db["questions"].update(question_id, {"answer_shown": answer_shown[:ANSWER_LIMIT]})
        existing = _handoff(db, "question", question_id)
        if existing is not None and existing.status == "closed":  # asked again long after: open anew
            db["handoffs"].update(
                existing.id, {"user_id": user_id, "chat_id": chat_id, "lang": lang, "status": "open", "closed_at": None}
            )
            return _handoff(db, "id", existing.id), True
        if existing is not None:
            return existing, False
        table = db["handoffs"]
        table.insert(
            {
                "question_id": question_id,
                "user_id": user_id,
                "chat_id": chat_id,
                "lang": lang,
                "status": "open",
                "created_at": now_iso(),
                "answered_at": None,
            }
        )
        return _handoff(db, "id", table.last_pk), True


def withdraw_handoff(store: Store, handoff_id: int) -> None:
    """A hand-off that reached nobody (no maintainer could be messaged) is not kept as open."""
    with store.atomic() as db:
        db.execute("delete from awaited_replies where kind = 'handoff' and ref_id = ?", [handoff_id])
        db.execute("delete from handoff_messages where handoff_id = ?", [handoff_id])
        db["handoffs"].delete(handoff_id)


def await_reply(store: Store, chat_id: int, message_id: int, kind: AwaitedKind, ref_id: int) -> None:
    with store.atomic() as db:
        db["awaited_replies"].insert(
            {"chat_id": chat_id, "message_id": message_id, "kind": kind, "ref_id": ref_id, "created_at": now_iso()},
            replace=True,
        )


def awaited(store: Store, chat_id: int, message_id: int) -> Awaited | None:
    with store.atomic() as db:
        rows = list(db["awaited_replies"].rows_where("chat_id = ? and message_id = ?", [chat_id, message_id]))
    return Awaited(**rows[0]) if rows else None


def record_message(store: Store, handoff_id: int, sender: Literal["user", "secretariat"], text: str) -> int:
    """A message of the thread (its id): the Secretariat's answers it, the user's writing back
    reopens it. No Telegram id is kept with it: `sender` says who wrote."""
    now = now_iso()
    with store.atomic() as db:
        messages = db["handoff_messages"]
        messages.insert({"handoff_id": handoff_id, "sender": sender, "text": text, "at": now})
        message_id = int(messages.last_pk)
        if sender == "secretariat":
            db["handoffs"].update(handoff_id, {"status": "answered", "answered_at": now})
        else:
            db["handoffs"].update(handoff_id, {"status": "open"})
    return message_id


def message(store: Store, message_id: int) -> dict | None:
    """One message of a hand-off's thread."""
    with store.read() as db:
        rows = list(db["handoff_messages"].rows_where("id = ?", [message_id]))
    return rows[0] if rows else None


def close_quiet_handoffs(store: Store, now: dt.datetime | None = None) -> int:
    """Close the hand-offs answered and quiet for QUIET_DAYS: the delegate's ids are cleared and
    the replies they awaited forgotten; forget comment prompts older than COMMENT_PROMPT_DAYS.
    Returns how many hand-offs were closed."""
    now = now or dt.datetime.now(dt.UTC)
    quiet_since = (now - dt.timedelta(days=QUIET_DAYS)).isoformat(timespec="seconds")
    prompts_since = (now - dt.timedelta(days=COMMENT_PROMPT_DAYS)).isoformat(timespec="seconds")
    with store.atomic() as db:
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
    return len(closing)


def thread(store: Store, handoff_id: int) -> list[dict]:
    with store.atomic() as db:
        return list(db["handoff_messages"].rows_where("handoff_id = ?", [handoff_id], order_by="id"))


def destinations(store: Store, settings: Settings) -> list[int]:
    """Where hand-offs go: the maintainers' chat, else each maintainer in a private chat."""
    if settings.maintainers_chat_id:
        return [settings.maintainers_chat_id]
    with store.atomic() as db:
        added = [row["telegram_id"] for row in db["maintainers"].rows]
    return list(dict.fromkeys([*settings.admin_ids, *added]))


def summary(store: Store, *, days: int = 30, top: int = 10) -> HandoffSummary:
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat()
    with store.atomic() as db:
        reasons = {
            row["feedback_reason"]: row["n"]
            for row in db.query(
                "select feedback_reason, count(*) n from questions where feedback < 0 and feedback_reason is not null "
                "and asked_at >= ? group by feedback_reason order by n desc",
                [since],
            )
        }
        open_ = [
            (row["id"], row["created_at"], row["question"])
            for row in db.query(
                "select h.id, h.created_at, q.question from handoffs h join questions q on q.id = h.question_id "
                "where h.status = 'open' order by h.id limit ?",
                [top],
            )
        ]
        answered = db.execute(
            "select count(*) from handoffs where status in ('answered', 'closed') and answered_at >= ?", [since]
        ).fetchone()[0]
        open_count = db.execute("select count(*) from handoffs where status = 'open'").fetchone()[0]
    return HandoffSummary(reasons=reasons, open_count=open_count, open=open_, answered=answered)
