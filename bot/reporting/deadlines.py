"""Report deadlines and the reminders sent before them.

A maintainer sets the date by which a year's reports are due; focal points whose actor has filed
nothing for that year are reminded on set days before it, at most once a day. Deadlines and the
reminders sent are rows in the database, so a restart neither forgets nor repeats one.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from bot.database import Store, now_iso
from bot.reporting.registry import FocalPoint, focal_points

REMIND_DAYS_BEFORE = (14, 7, 3, 1, 0)


def reporting_year(due: dt.date) -> int:
    """The year whose reports a deadline is for: reports on a year are due early in the next one,
    so a deadline before July is for the previous year's reports, a later one for its own year's."""
    return due.year - 1 if due.month < 7 else due.year


def example_dates(today: dt.date | None = None) -> dict[str, object]:
    """Dates for the examples in command texts, counted from today so that none looks stale:
    `deadline` the next 31 March, `year` the year whose reports it is for."""
    today = today or dt.datetime.now(dt.UTC).date()
    deadline = dt.date(today.year, 3, 31)
    if deadline <= today:
        deadline = dt.date(today.year + 1, 3, 31)
    return {"year": reporting_year(deadline), "deadline": deadline.isoformat()}


class Deadline(BaseModel):
    id: int
    year: int
    due: dt.date


def set_deadline(store: Store, year: int, due: dt.date, set_by: int) -> Deadline:
    with store.atomic() as db:
        table = db["deadlines"]
        table.insert({"year": year, "due": due.isoformat(), "set_by": set_by, "set_at": now_iso()})
        return Deadline(id=table.last_pk, year=year, due=due)


def current_deadline(store: Store, today: dt.date) -> Deadline | None:
    """The latest deadline still ahead (or today)."""
    with store.read() as db:
        rows = list(db["deadlines"].rows_where("due >= ?", [today.isoformat()], order_by="id desc", limit=1))
    return Deadline(id=rows[0]["id"], year=rows[0]["year"], due=dt.date.fromisoformat(rows[0]["due"])) if rows else None


def without_report(store: Store, year: int) -> list[FocalPoint]:
    """Focal points whose actor has filed nothing for the year."""
    with store.read() as db:
        rows = db.query("select distinct actor_id from reports where status = 'active' and year = ?", [year])
        reported = {row["actor_id"] for row in rows}
    return [point for point in focal_points(store) if point.actor_id not in reported]


def due_reminders(store: Store, today: dt.date) -> tuple[Deadline | None, list[FocalPoint]]:
    """Whom to remind today: on the set days before the deadline, once a day, never twice.

    "Once a day" is per year's reports, not per deadline row: a deadline set again the same day
    (the same date re-sent, or a new date) does not send the day's reminders a second time.
    """
    deadline = current_deadline(store, today)
    if deadline is None or (deadline.due - today).days not in REMIND_DAYS_BEFORE:
        return deadline, []
    with store.read() as db:
        rows = db.query(
            "select reminders.telegram_id from reminders join deadlines on deadlines.id = reminders.deadline_id "
            "where deadlines.year = ? and reminders.sent_on = ?",
            [deadline.year, today.isoformat()],
        )
        sent = {row["telegram_id"] for row in rows}
    return deadline, [point for point in without_report(store, deadline.year) if point.telegram_id not in sent]


def record_reminder(store: Store, deadline: Deadline, telegram_id: int, today: dt.date) -> None:
    with store.atomic() as db:
        db["reminders"].insert(
            {"deadline_id": deadline.id, "telegram_id": telegram_id, "sent_on": today.isoformat()}, ignore=True
        )
