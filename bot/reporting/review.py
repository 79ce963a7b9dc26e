"""Review of reports: a maintainer approves a submitted report or returns it with a comment.

A submitted report is not yet part of the record. `/review` shows the queue one report at a time,
oldest first; ✅ Approve makes it searchable and part of the annual report; ↩ Return sends it back
to its focal point with the maintainer's comment, and their next submission is a new version
that waits for review again. Every decision is a row of `report_reviews` (who, when, which
version, the comment), so the history stays; a decision names the version it was taken on, so a
button pressed after the focal point resubmitted (or after another maintainer decided) changes
nothing. A return is recorded before the focal point is told, and the telling is retried until it
gets through (`pending_returns`), so no comment is lost to a Telegram error.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from bot.database import Store, now_iso
from bot.reporting.reports import Report

COMMENT_LIMIT = 1500
NOTIFY_ATTEMPTS = 20  # a focal point unreachable this many times reads the comment in /myreports


class Decision(BaseModel):
    id: int
    report_id: int
    version: int
    decision: Literal["approved", "returned"]
    comment: str | None = None
    reviewer: int
    at: str
    notified: str | None = None
    attempts: int = 0


def queue(store: Store) -> list[Report]:
    """Reports awaiting review, the longest waiting first."""
    with store.read() as db:
        rows = db["reports"].rows_where("status = 'active' and review = 'submitted'", order_by="updated_at, id")
        return [Report(**row) for row in rows]


def _decide(
    store: Store, report_id: int, version: int, reviewer: int, decision: str, comment: str | None
) -> Report | None:
    """The decision on `version` of a submitted report; None when it is no longer that (stale)."""
    with store.atomic() as db:
        rows = list(
            db["reports"].rows_where(
                "id = ? and version = ? and status = 'active' and review = 'submitted'", [report_id, version]
            )
        )
        if not rows:
            return None
        db["reports"].update(report_id, {"review": decision, "review_comment": comment})
        db["report_reviews"].insert(
            {
                "report_id": report_id,
                "version": version,
                "decision": decision,
                "comment": comment,
                "reviewer": reviewer,
                "at": now_iso(),
                "notified": None,
                "attempts": 0,
            }
        )
        return Report(**db["reports"].get(report_id))


def approve(store: Store, report_id: int, version: int, reviewer: int) -> Report | None:
    return _decide(store, report_id, version, reviewer, "approved", None)


def return_report(store: Store, report_id: int, version: int, reviewer: int, comment: str) -> Report | None:
    comment = " ".join(comment.split())[:COMMENT_LIMIT]
    if not comment:
        raise ValueError("a returned report needs a comment")
    return _decide(store, report_id, version, reviewer, "returned", comment)


def history(store: Store, report_id: int) -> list[Decision]:
    """Every decision on a report, oldest first."""
    with store.read() as db:
        return [Decision(**row) for row in db["report_reviews"].rows_where("report_id = ?", [report_id], order_by="id")]


def pending_returns(store: Store) -> list[tuple[Decision, Report]]:
    """Returns whose focal point has not been told yet, and whose report is still returned."""
    with store.read() as db:
        rows = list(
            db.query(
                "select v.* from report_reviews v join reports r on r.id = v.report_id "
                "where v.decision = 'returned' and v.notified is null and v.attempts < ? "
                "and r.review = 'returned' and r.status = 'active' and r.version = v.version order by v.id",
                [NOTIFY_ATTEMPTS],
            )
        )
        return [(Decision(**row), Report(**db["reports"].get(row["report_id"]))) for row in rows]


def mark_notified(store: Store, decision_id: int) -> None:
    with store.atomic() as db:
        db["report_reviews"].update(decision_id, {"notified": now_iso()})


def note_failed_attempt(store: Store, decision_id: int, *, give_up: bool = False) -> None:
    """One more failed try to tell the focal point; `give_up` when retrying cannot help (blocked)."""
    with store.atomic() as db:
        row = db["report_reviews"].get(decision_id)
        attempts = NOTIFY_ATTEMPTS if give_up else row["attempts"] + 1
        db["report_reviews"].update(decision_id, {"attempts": attempts})
