"""Activity reports: the draft a focal point fills in, its validation, and the report written once.

Nothing a focal point submits may be lost or doubled: a report is written once, in one
transaction, under a submission key made when the draft began, so a replayed update or a double
tap finds the report already there instead of writing a second one. Editing a submitted report
keeps the earlier version; withdrawing hides it from search and the annual report.

A report is *submitted*, not yet part of the record: a maintainer approves it (then it is
searchable and in the annual report) or returns it with a comment, and the focal point edits and
submits it again, a new version (bot/reporting/review.py). Every submission or edit waits for
review again; with review switched off (`MIGRANTSBOT_REVIEW_REPORTS=false`) a report is approved
as it is submitted.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from typing import Literal

from pydantic import BaseModel, Field, HttpUrl, ValidationError, field_validator, model_validator

from bot.database import Store, now_iso
from bot.text_input import printable, visible_length
from bot.texts import t

ReviewState = Literal["submitted", "approved", "returned"]
REVIEW_STATES: tuple[ReviewState, ...] = ("submitted", "approved", "returned")
ReportKind = Literal["carried_out", "planned", "best_practice", "new_proposal"]
REPORT_KINDS: tuple[ReportKind, ...] = ("carried_out", "planned", "best_practice", "new_proposal")
RefKind = Literal["activity", "specific objective", "general objective", "other"]
_REF = re.compile(r"^(activity|specific objective|general objective) (\d{1,3})$")


class ProgramRef(BaseModel):
    """What a report implements: a numbered Program item ("activity", 15), or "other"."""

    kind: RefKind
    number: int | None = None

    @model_validator(mode="after")
    def _number_with_item(self) -> ProgramRef:
        if (self.kind == "other") != (self.number is None):
            raise ValueError("a Program item has a number; 'other' has none")
        return self

    @classmethod
    def parse(cls, text: str) -> ProgramRef:
        """ "activity 15", "specific objective 8" or "other" (button values); ValueError otherwise."""
        text = text.strip().lower()
        if text == "other":
            return cls(kind="other")
        match = _REF.match(text)
        if match is None:
            raise ValueError(f"not a Program reference: {text!r}")
        return cls(kind=match.group(1), number=int(match.group(2)))

    @property
    def key(self) -> str:
        """The reference as button data and as the catalogue labels items: "activity 15", "other"."""
        return self.kind if self.number is None else f"{self.kind} {self.number}"

    def label(self, lang: str) -> str:
        return t(lang, f"ref.{self.kind.replace(' ', '_')}", **({} if self.number is None else {"number": self.number}))


class InvalidField(ValueError):
    """A typed answer that does not fit; `key` and `values` give the text the user is shown."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(t("en", key, **values))


class ReportDraft(BaseModel):
    """What the /report conversation collects; validated field by field as the user answers."""

    key: str = Field(default_factory=lambda: secrets.token_hex(8))
    report_id: int | None = None  # set when editing a submitted report
    actor_id: str
    ref: ProgramRef | None = None
    kind: ReportKind | None = None
    period: str | None = None
    description: str | None = None
    link: str | None = None

    @field_validator("ref", mode="before")
    @classmethod
    def _ref_from_text(cls, value: object) -> object:
        """Drafts kept from the release that stored the reference as text ("activity 15")."""
        return ProgramRef.parse(value) if isinstance(value, str) else value

    @property
    def missing(self) -> list[str]:
        return [name for name in ("ref", "kind", "period", "description") if not getattr(self, name)]

    def as_new(self) -> ReportDraft:
        """The same fields as a new report (an edit whose report was withdrawn meanwhile)."""
        return ReportDraft(**self.model_dump(exclude={"key", "report_id"}))


class Report(BaseModel):
    id: int
    submission_key: str
    actor_id: str
    telegram_id: int
    ref_kind: RefKind
    ref_number: int | None = None
    kind: ReportKind
    period: str
    year: int
    description: str
    link: str | None = None
    status: Literal["active", "withdrawn"]
    version: int
    created_at: str
    updated_at: str
    review: ReviewState = "approved"
    review_comment: str | None = None  # the maintainer's comment when it was returned

    @property
    def ref(self) -> ProgramRef:
        return ProgramRef(kind=self.ref_kind, number=self.ref_number)


# -- validation of typed answers ------------------------------------------------------------------


class _Period(BaseModel):
    period: str = Field(min_length=4, max_length=100)


def year_of(period: str) -> int | None:
    years = re.findall(r"\b(19\d{2}|20\d{2})\b", period)
    return int(years[-1]) if years else None


def one_line(text: str) -> str:
    """Typed text as one line of what a reader sees: controls and invisible characters out
    (bot/text_input.py), every run of whitespace one space."""
    return " ".join(printable(text).split())


def parse_period(text: str) -> str:
    try:
        period = _Period(period=one_line(text)).period
    except ValidationError:
        raise InvalidField("report.invalid_period_length") from None
    if year_of(period) is None:
        raise InvalidField("report.invalid_period_year")
    return period


class _Description(BaseModel):
    description: str = Field(min_length=30, max_length=3000)


def parse_description(text: str) -> str:
    """One paragraph of 30 to 3,000 characters: line breaks and runs of spaces become one space, so
    the text is stored (and later indexed) as data, with no structure of its own. Only characters a
    reader sees count: 30 zero-width spaces are not a description, and control characters (which a
    DOCX export cannot hold) are dropped."""
    text = one_line(text)
    try:
        if visible_length(text) < 30:
            raise ValueError(text)
        return _Description(description=text).description
    except (ValidationError, ValueError):
        raise InvalidField("report.invalid_description", length=visible_length(text)) from None


class _Link(BaseModel):
    link: HttpUrl


def parse_link(text: str) -> str:
    try:
        return str(_Link(link=text.strip()).link)
    except ValidationError:
        raise InvalidField("report.invalid_link") from None


# -- writing and reading --------------------------------------------------------------------------


def _row(draft: ReportDraft) -> dict:
    assert draft.ref is not None and draft.period is not None
    return {
        "ref_kind": draft.ref.kind,
        "ref_number": draft.ref.number,
        "kind": draft.kind,
        "period": draft.period,
        "year": year_of(draft.period) or dt.datetime.now(dt.UTC).year,
        "description": draft.description,
        "link": draft.link,
    }


def unchanged(report: Report, draft: ReportDraft) -> bool:
    """Whether `draft`, an edit of `report`, changes none of the fields a version records."""
    if draft.report_id != report.id or draft.missing:
        return False
    return all(getattr(report, name) == value for name, value in _row(draft).items())


class ReportGone(ValueError):
    """An edit of a report that was withdrawn meanwhile: it is not brought back by the edit."""

    def __init__(self, report_id: int) -> None:
        self.report_id = report_id
        super().__init__(f"report #{report_id} was withdrawn")


def submit_report(store: Store, draft: ReportDraft, telegram_id: int, *, review: bool = True) -> tuple[Report, bool]:
    """Write the draft once; (report, written). A second submit of the same draft changes nothing,
    and neither does an edit that changes no field: no new version is made (see `unchanged`). An
    edit of a report withdrawn since the edit began raises ReportGone and writes nothing.

    With `review` the new report or version waits for a maintainer ("submitted"); without, it is
    approved at once (today's behaviour for a deployment that switched review off)."""
    state = "submitted" if review else "approved"
    if draft.missing:
        raise ValueError(f"The report is missing: {', '.join(draft.missing)}")
    fields, now = _row(draft), now_iso()
    with store.atomic() as db:
        existing = list(db["reports"].rows_where("submission_key = ?", [draft.key]))
        if existing:
            return Report(**existing[0]), False
        table = db["reports"]
        if draft.report_id is not None:
            current = table.get(draft.report_id)
            if current["status"] != "active":
                raise ReportGone(draft.report_id)
            if unchanged(Report(**current), draft):
                return Report(**current), False
            db["report_versions"].insert(
                {
                    "report_id": draft.report_id,
                    "version": current["version"],
                    "snapshot": json.dumps(current),
                    "replaced_at": now,
                }
            )
            table.update(
                draft.report_id,
                {
                    **fields,
                    "version": current["version"] + 1,
                    "updated_at": now,
                    "submission_key": draft.key,
                    "review": state,
                    "review_comment": None,
                },
            )
            return Report(**table.get(draft.report_id)), True
        table.insert(
            {
                "submission_key": draft.key,
                "actor_id": draft.actor_id,
                "telegram_id": telegram_id,
                **fields,
                "status": "active",
                "review": state,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
        )
        return Report(**table.get(table.last_pk)), True


def draft_from(report: Report) -> ReportDraft:
    """A submitted report as a draft to edit; submitting it makes a new version."""
    return ReportDraft(
        report_id=report.id,
        actor_id=report.actor_id,
        ref=report.ref,
        kind=report.kind,
        period=report.period,
        description=report.description,
        link=report.link,
    )


def reports_of(store: Store, telegram_id: int) -> list[Report]:
    with store.read() as db:
        rows = db["reports"].rows_where("telegram_id = ? and status = 'active'", [telegram_id], order_by="id desc")
        return [Report(**row) for row in rows]


def reports_of_actor(store: Store, actor_id: str) -> list[Report]:
    """An actor's active reports, newest first: what its focal point sees in /myreports, whoever
    filed them (a focal point replaced by another leaves their reports to the new one)."""
    with store.read() as db:
        rows = db["reports"].rows_where("actor_id = ? and status = 'active'", [actor_id], order_by="id desc")
        return [Report(**row) for row in rows]


def report(store: Store, report_id: int) -> Report | None:
    with store.read() as db:
        rows = list(db["reports"].rows_where("id = ?", [report_id]))
    return Report(**rows[0]) if rows else None


def withdraw_report(store: Store, report_id: int, telegram_id: int | None) -> bool:
    """Withdraw an active report, once: by the active focal point of its actor (`telegram_id`; the
    author or whoever replaced them), or by a maintainer on the command line (`telegram_id=None`)."""
    with store.atomic() as db:
        rows = list(db["reports"].rows_where("id = ? and status = 'active'", [report_id]))
        if not rows:
            return False
        if telegram_id is not None:
            point = list(db["focal_points"].rows_where("telegram_id = ? and active = 1", [telegram_id]))
            if not point or point[0]["actor_id"] != rows[0]["actor_id"]:
                return False
        db["reports"].update(report_id, {"status": "withdrawn", "updated_at": now_iso()})
    return True


def versions(store: Store, report_id: int) -> list[dict]:
    """The earlier versions of a report, oldest first, as they were stored."""
    with store.read() as db:
        rows = db["report_versions"].rows_where("report_id = ?", [report_id], order_by="version")
        return [json.loads(row["snapshot"]) for row in rows]


_RECORD = "status = 'active' and review = 'approved'"


def active_reports(
    store: Store, year: int | None = None, *, include_submitted: bool = False, every_state: bool = False
) -> list[Report]:
    """The record: approved reports not withdrawn; with `include_submitted`, those awaiting review too
    (an export a maintainer asks for with `all`, which marks them); with `every_state`, returned
    ones as well (a maintainer's list of what is not withdrawn)."""
    where = "status = 'active' and review in ('approved', 'submitted')" if include_submitted else _RECORD
    if every_state:
        where = "status = 'active'"
    args: list = []
    if year is not None:
        where += " and year = ?"
        args.append(year)
    with store.read() as db:
        return [Report(**row) for row in db["reports"].rows_where(where, args, order_by="actor_id, kind, id")]
