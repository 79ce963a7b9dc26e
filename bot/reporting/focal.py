"""Focal points: invitations, registration, and the activity reports they file.

Plain functions over the Store, called by the chat conversation, the CLI and the tests alike.
Nothing a focal point submits may be lost or doubled: a report is written once, in a
transaction, under a submission key made when the draft began, so a replayed update or a
double tap finds the report already there instead of writing a second one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets

from pydantic import BaseModel, Field, HttpUrl, ValidationError, field_validator

from bot.database import Store, _now

INVITATION_DAYS = 7
MAX_FAILURES = 3  # wrong codes in FAILURE_WINDOW before registration is paused
FAILURE_WINDOW = dt.timedelta(minutes=10)

REPORT_KINDS = {
    "carried_out": ("Activities carried out", "Actividades realizadas"),
    "planned": ("Activities planned", "Actividades planificadas"),
    "best_practice": ("Best practices", "Buenas prácticas"),
    "new_proposal": ("New proposals", "Nuevas propuestas"),
}


class RegistrationError(Exception):
    """A code that cannot register this user; the message is for the user."""


class Actor(BaseModel):
    id: str
    name: str
    name_es: str
    grp: str


class FocalPoint(BaseModel):
    telegram_id: int
    actor_id: str
    name: str
    registered_at: str
    active: int


# -- actors and roles -----------------------------------------------------------------------


def actors(store: Store) -> list[Actor]:
    return [Actor(**row) for row in store.db["actors"].rows_where(order_by="grp, name")]


def actor(store: Store, actor_id: str) -> Actor | None:
    rows = list(store.db["actors"].rows_where("upper(id) = ?", [actor_id.upper()]))
    return Actor(**rows[0]) if rows else None


def add_actor(store: Store, actor_id: str, name: str, name_es: str | None = None, group: str = "other") -> Actor:
    if not re.fullmatch(r"[A-Za-z0-9_\-]{2,20}", actor_id):
        raise ValueError("An actor id is 2-20 letters, digits, '-' or '_'.")
    row = {"id": actor_id.upper(), "name": name, "name_es": name_es or name, "grp": group, "added_at": _now()}
    with store.transaction():
        store.db["actors"].insert(row, pk="id", replace=True)
    return Actor(**row)


def add_maintainer(store: Store, telegram_id: int) -> None:
    with store.transaction():
        store.db["maintainers"].insert({"telegram_id": telegram_id, "added_at": _now()}, pk="telegram_id", replace=True)


def is_maintainer(store: Store, telegram_id: int, configured: list[int]) -> bool:
    if telegram_id in configured:
        return True
    return bool(list(store.db["maintainers"].rows_where("telegram_id = ?", [telegram_id])))


def focal_point(store: Store, telegram_id: int) -> FocalPoint | None:
    rows = list(store.db["focal_points"].rows_where("telegram_id = ? and active = 1", [telegram_id]))
    return FocalPoint(**rows[0]) if rows else None


def focal_points(store: Store) -> list[FocalPoint]:
    return [FocalPoint(**row) for row in store.db["focal_points"].rows_where("active = 1", order_by="actor_id")]


def revoke_focal_point(store: Store, telegram_id: int) -> bool:
    with store.transaction():
        found = bool(list(store.db["focal_points"].rows_where("telegram_id = ? and active = 1", [telegram_id])))
        if found:
            store.db["focal_points"].update(telegram_id, {"active": 0})
    return found


# -- invitations ------------------------------------------------------------------------------


def _hash_code(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def create_invitation(
    store: Store, actor_id: str, *, days: int = INVITATION_DAYS, now: dt.datetime | None = None
) -> str:
    """A single-use code for one actor's focal point; only its hash is stored."""
    found = actor(store, actor_id)
    if found is None:
        raise ValueError(f"Unknown actor '{actor_id}'. See `migrantsbot actors list`.")
    now = now or dt.datetime.now(dt.UTC)
    code = "-".join(secrets.token_hex(2).upper() for _ in range(3))
    with store.transaction():
        store.db["invitations"].insert(
            {
                "code_hash": _hash_code(code),
                "actor_id": found.id,
                "created_at": now.isoformat(timespec="seconds"),
                "expires_at": (now + dt.timedelta(days=days)).isoformat(timespec="seconds"),
                "used_at": None,
                "used_by": None,
                "revoked": 0,
            }
        )
    return code


def register(store: Store, telegram_id: int, name: str, code: str, *, now: dt.datetime | None = None) -> Actor:
    """Bind a Telegram user to the code's actor, once; wrong codes count towards a pause."""
    now = now or dt.datetime.now(dt.UTC)
    since = (now - FAILURE_WINDOW).isoformat(timespec="seconds")
    failures = store.db.execute(
        "select count(*) from register_failures where telegram_id = ? and at >= ?", [telegram_id, since]
    ).fetchone()[0]
    if failures >= MAX_FAILURES:
        raise RegistrationError("Too many wrong codes. Please wait 10 minutes and try again.")
    with store.transaction():
        rows = list(store.db["invitations"].rows_where("code_hash = ?", [_hash_code(code)]))
        problem = None
        if not rows or rows[0]["revoked"]:
            problem = "That code is not valid. Check it, or ask the Secretariat for a new one."
        elif rows[0]["used_at"]:
            problem = "That code has already been used. Ask the Secretariat for a new one."
        elif rows[0]["expires_at"] < now.isoformat(timespec="seconds"):
            problem = "That code has expired. Ask the Secretariat for a new one."
        if problem:
            store.db["register_failures"].insert({"telegram_id": telegram_id, "at": now.isoformat(timespec="seconds")})
        else:
            invitation = rows[0]
            store.db["invitations"].update(
                invitation["code_hash"], {"used_at": now.isoformat(timespec="seconds"), "used_by": telegram_id}
            )
            store.db["focal_points"].insert(
                {
                    "telegram_id": telegram_id,
                    "actor_id": invitation["actor_id"],
                    "name": name,
                    "registered_at": now.isoformat(timespec="seconds"),
                    "active": 1,
                },
                pk="telegram_id",
                replace=True,
            )
    if problem:
        raise RegistrationError(problem)
    registered = actor(store, invitation["actor_id"])
    assert registered is not None
    return registered


# -- reports ----------------------------------------------------------------------------------


class ReportDraft(BaseModel):
    """What the /report conversation collects; validated field by field as the user answers."""

    key: str = Field(default_factory=lambda: secrets.token_hex(8))
    report_id: int | None = None  # set when editing a submitted report
    actor_id: str
    ref: str | None = None  # "activity 15", "specific objective 8", "other"
    kind: str | None = None
    period: str | None = None
    description: str | None = None
    link: str | None = None

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str | None) -> str | None:
        if value is not None and value not in REPORT_KINDS:
            raise ValueError(f"kind must be one of {', '.join(REPORT_KINDS)}")
        return value

    @property
    def missing(self) -> list[str]:
        return [name for name in ("ref", "kind", "period", "description") if not getattr(self, name)]


class PeriodInput(BaseModel):
    period: str = Field(min_length=4, max_length=100)

    @property
    def year(self) -> int | None:
        years = re.findall(r"\b(19\d{2}|20\d{2})\b", self.period)
        return int(years[-1]) if years else None


class DescriptionInput(BaseModel):
    description: str = Field(min_length=30, max_length=3000)


class LinkInput(BaseModel):
    link: HttpUrl


def validate_period(text: str) -> tuple[str | None, str | None]:
    """(period, error message)."""
    try:
        parsed = PeriodInput(period=text.strip())
    except ValidationError:
        return (
            None,
            "Please give the date or period in 4 to 100 characters, e.g. 'March 2025' or '2025-03-01 to 2025-04-30'.",
        )
    if parsed.year is None:
        return None, "Please include the year, e.g. 'March 2025'."
    return parsed.period, None


def validate_description(text: str) -> tuple[str | None, str | None]:
    try:
        return DescriptionInput(description=text.strip()).description, None
    except ValidationError:
        length = len(text.strip())
        return None, f"The description should be 30 to 3,000 characters; yours has {length}. Please send it again."


def validate_link(text: str) -> tuple[str | None, str | None]:
    try:
        return str(LinkInput(link=text.strip()).link), None
    except ValidationError:
        return None, "That is not a web address (it should start with https://). Send a link, or /skip."


class Report(BaseModel):
    id: int
    submission_key: str
    actor_id: str
    telegram_id: int
    ref: str
    kind: str
    period: str
    year: int
    description: str
    link: str | None = None
    status: str
    version: int
    created_at: str
    updated_at: str


def submit_report(store: Store, draft: ReportDraft, telegram_id: int) -> tuple[Report, bool]:
    """Write the draft once; (report, created). A second submit of the same draft changes nothing."""
    if draft.missing:
        raise ValueError(f"The report is missing: {', '.join(draft.missing)}")
    year = PeriodInput(period=draft.period).year or dt.datetime.now(dt.UTC).year
    now = _now()
    with store.transaction():
        existing = list(store.db["reports"].rows_where("submission_key = ?", [draft.key]))
        if existing:
            return Report(**existing[0]), False
        fields = {
            "ref": draft.ref,
            "kind": draft.kind,
            "period": draft.period,
            "year": year,
            "description": draft.description,
            "link": draft.link,
        }
        if draft.report_id is not None:
            current = store.db["reports"].get(draft.report_id)
            store.db["report_versions"].insert(
                {
                    "report_id": draft.report_id,
                    "version": current["version"],
                    "snapshot": json.dumps(current),
                    "replaced_at": now,
                }
            )
            store.db["reports"].update(
                draft.report_id,
                {**fields, "version": current["version"] + 1, "updated_at": now, "submission_key": draft.key},
            )
            return Report(**store.db["reports"].get(draft.report_id)), True
        table = store.db["reports"]
        table.insert(
            {
                "submission_key": draft.key,
                "actor_id": draft.actor_id,
                "telegram_id": telegram_id,
                **fields,
                "status": "active",
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
        )
        report_id = table.last_pk
    return Report(**store.db["reports"].get(report_id)), True


def reports_of(store: Store, telegram_id: int) -> list[Report]:
    return [
        Report(**row)
        for row in store.db["reports"].rows_where(
            "telegram_id = ? and status = 'active'", [telegram_id], order_by="id desc"
        )
    ]


def report(store: Store, report_id: int) -> Report | None:
    rows = list(store.db["reports"].rows_where("id = ?", [report_id]))
    return Report(**rows[0]) if rows else None


def withdraw_report(store: Store, report_id: int, telegram_id: int) -> bool:
    with store.transaction():
        rows = list(
            store.db["reports"].rows_where("id = ? and telegram_id = ? and status = 'active'", [report_id, telegram_id])
        )
        if rows:
            store.db["reports"].update(report_id, {"status": "withdrawn", "updated_at": _now()})
    return bool(rows)


def versions(store: Store, report_id: int) -> list[dict]:
    return [
        json.loads(row["snapshot"])
        for row in store.db["report_versions"].rows_where("report_id = ?", [report_id], order_by="version")
    ]


def active_reports(store: Store, year: int | None = None) -> list[Report]:
    where, args = "status = 'active'", []
    if year is not None:
        where += " and year = ?"
        args.append(year)
    return [Report(**row) for row in store.db["reports"].rows_where(where, args, order_by="actor_id, kind, id")]


# -- deadlines and reminders ------------------------------------------------------------------

REMIND_DAYS_BEFORE = (14, 7, 3, 1, 0)


class Deadline(BaseModel):
    id: int
    year: int
    due: dt.date


def set_deadline(store: Store, year: int, due: dt.date, set_by: int) -> Deadline:
    with store.transaction():
        table = store.db["deadlines"]
        table.insert({"year": year, "due": due.isoformat(), "set_by": set_by, "set_at": _now()})
        return Deadline(id=table.last_pk, year=year, due=due)


def current_deadline(store: Store, today: dt.date) -> Deadline | None:
    """The latest deadline still ahead (or today)."""
    rows = list(store.db["deadlines"].rows_where("due >= ?", [today.isoformat()], order_by="id desc", limit=1))
    return Deadline(id=rows[0]["id"], year=rows[0]["year"], due=dt.date.fromisoformat(rows[0]["due"])) if rows else None


def without_report(store: Store, year: int) -> list[FocalPoint]:
    """Focal points whose actor has filed nothing for the year."""
    reported = {
        row["actor_id"]
        for row in store.db.query("select distinct actor_id from reports where status = 'active' and year = ?", [year])
    }
    return [point for point in focal_points(store) if point.actor_id not in reported]


def due_reminders(store: Store, today: dt.date) -> tuple[Deadline | None, list[FocalPoint]]:
    """Whom to remind today: on the set days before the deadline, once a day, never twice."""
    deadline = current_deadline(store, today)
    if deadline is None or (deadline.due - today).days not in REMIND_DAYS_BEFORE:
        return deadline, []
    sent = {
        row["telegram_id"]
        for row in store.db["reminders"].rows_where("deadline_id = ? and sent_on = ?", [deadline.id, today.isoformat()])
    }
    return deadline, [point for point in without_report(store, deadline.year) if point.telegram_id not in sent]


def record_reminder(store: Store, deadline: Deadline, telegram_id: int, today: dt.date) -> None:
    with store.transaction():
        store.db["reminders"].insert(
            {"deadline_id": deadline.id, "telegram_id": telegram_id, "sent_on": today.isoformat()}, ignore=True
        )
