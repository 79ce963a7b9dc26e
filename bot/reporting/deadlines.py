"""Report deadlines and the reminders sent before them.

A maintainer sets the date by which a year's reports are due; focal points whose actor has filed
nothing for that year are reminded on set days before it, at most once a day. Each year has its
own deadline (the one set last for it): setting next year's does not silence this year's.
Deadlines and the reminders sent are rows in the database, so a restart neither forgets nor
repeats one.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from bot.database import Store, now_iso
from bot.reporting.registry import FocalPoint, focal_points

REMIND_DAYS_BEFORE = (14, 7, 3, 1, 0)
HORIZON_DAYS = 2 * 366  # a deadline further ahead is a typo (/deadline 9999-12-31), not a plan


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


def _deadline(row: dict) -> Deadline:
    return Deadline(id=row["id"], year=row["year"], due=dt.date.fromisoformat(row["due"]))


def current_deadlines(store: Store, today: dt.date) -> list[Deadline]:
    """Every year's deadline still ahead (or today): for each year, the one set last; soonest first."""
    with store.read() as db:
        rows = db.query(
            "select * from deadlines where id in (select max(id) from deadlines group by year) and due >= ? "
            "order by due, year",
            [today.isoformat()],
        )
        return [_deadline(row) for row in rows]


def current_deadline(store: Store, today: dt.date) -> Deadline | None:
    """The deadline set last among those still ahead (what /deadline just set)."""
    ahead = current_deadlines(store, today)
    return max(ahead, key=lambda deadline: deadline.id) if ahead else None


def without_report(store: Store, year: int) -> list[FocalPoint]:
    """Focal points whose actor has filed nothing for the year."""
    with store.read() as db:
        rows = db.query("select distinct actor_id from reports where status = 'active' and year = ?", [year])
        reported = {row["actor_id"] for row in rows}
    return [point for point in focal_points(store) if point.actor_id not in reported]


def due_reminders(store: Store, today: dt.date) -> list[tuple[Deadline, list[FocalPoint]]]:
    """Whom to remind today, per year's deadline: on the set days before it, once a day, never twice.

    "Once a day" is per year's reports, not per deadline row: a deadline set again the same day
    (the same date re-sent, or a new date) does not send the day's reminders a second time.
    """
    due: list[tuple[Deadline, list[FocalPoint]]] = []
    for deadline in current_deadlines(store, today):
        if (deadline.due - today).days not in REMIND_DAYS_BEFORE:
            continue
        with store.read() as db:
            rows = db.query(
                "select reminders.telegram_id from reminders join deadlines on deadlines.id = reminders.deadline_id "
                "where deadlines.year = ? and reminders.sent_on = ?",
                [deadline.year, today.isoformat()],
            )
            sent = {row["telegram_id"] for row in rows}
        points = [point for point in without_report(store, deadline.year) if point.telegram_id not in sent]
        if points:
            due.append((deadline, points))
    return due


def record_reminder(store: Store, deadline: Deadline, telegram_id: int, today: dt.date) -> None:
    with store.atomic() as db:
        db["reminders"].insert(
            {"deadline_id": deadline.id, "telegram_id": telegram_id, "sent_on": today.isoformat()}, ignore=True
        )
