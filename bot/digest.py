"""The weekly digest: what the Secretariat should look at this week, in one message.

- the questions the documents did not answer (not curated since), grouped by meaning: their
  embeddings (the index's multilingual encoder) clustered by average-linkage agglomeration on
  cosine similarity, merging while two groups are at least the threshold `bench/secretariat.py`
  fitted into `index/secretariat.json` apart; each group with its count and one example per
  language, most asked first;
- the 👎 of the week with their reasons and the users' words;
- the hand-offs still open, oldest first;
- the reports awaiting review (how many: /review shows them);
- as a report deadline approaches, the actors whose focal points have not reported for its year.

It is sent to the maintainers' chat (else to each maintainer) once per period (ISO week of the
scheduled time, in the configured time zone), even across restarts: each period's outcome and
each chat's delivery are rows (`digest_periods`, `digest_deliveries`). An empty digest says
nothing. The schedule is `MIGRANTSBOT_DIGEST` ("mon 09:00") until a maintainer sets another with
`/digest weekly tue 08:30` (or `off`).
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from zoneinfo import ZoneInfo

import numpy as np
from pydantic import BaseModel

from bot.curated import UNCALIBRATED, threshold_for
from bot.database import Store, now_iso
from bot.handoffs import REASONS
from bot.reporting import deadlines
from bot.texts import LANGUAGE_NAMES, LANGUAGES, t
from index.encoder import Encoder

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEADLINE_WINDOW_DAYS = 30  # "as the deadline approaches": the month before it
MAX_QUESTIONS = 500  # the most recent unanswered questions of the week that are grouped
SHOWN_GROUPS = 10
SHOWN_DOWNVOTES = 10
SHOWN_HANDOFFS = 10
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class Schedule(BaseModel):
    weekday: int  # 0 = Monday
    hour: int
    minute: int
    enabled: bool = True

    @property
    def text(self) -> str:
        return f"{WEEKDAYS[self.weekday]} {self.hour:02d}:{self.minute:02d}"


def parse_schedule(text: str) -> Schedule | None:
    """ "mon 09:00" → Schedule; "off" → disabled; None when not understood."""
    words = text.lower().split()
    if words == ["off"]:
        return Schedule(weekday=0, hour=0, minute=0, enabled=False)
    if len(words) != 2 or words[0][:3] not in WEEKDAYS or not _TIME.match(words[1]):
        return None
    hour, minute = _TIME.match(words[1]).groups()
    return Schedule(weekday=WEEKDAYS.index(words[0][:3]), hour=int(hour), minute=int(minute))


def schedule(store: Store, configured: str) -> Schedule | None:
    """The maintainers' last `/digest weekly`, else the configuration; None when off."""
    with store.read() as db:
        rows = list(db["digest_schedule"].rows_where(order_by="id desc", limit=1))
    chosen = (
        Schedule(weekday=rows[0]["weekday"], hour=rows[0]["hour"], minute=rows[0]["minute"], enabled=rows[0]["enabled"])
        if rows
        else parse_schedule(configured)
        if configured.strip()
        else None
    )
    return chosen if chosen is not None and chosen.enabled else None


def scheduled_time(chosen: Schedule, now: dt.datetime) -> dt.datetime:
    """This week's digest time (`now` is aware, in the digest's time zone)."""
    monday = (now - dt.timedelta(days=now.weekday())).date()
    day = monday + dt.timedelta(days=chosen.weekday)
    return dt.datetime(day.year, day.month, day.day, chosen.hour, chosen.minute, tzinfo=now.tzinfo)


def period_of(moment: dt.datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def set_schedule(store: Store, chosen: Schedule, set_by: int, now: dt.datetime) -> None:
    """A new schedule; this week's digest, if its new time has already passed, is not sent late."""
    with store.atomic() as db:
        db["digest_schedule"].insert(
            {
                "weekday": chosen.weekday,
                "hour": chosen.hour,
                "minute": chosen.minute,
                "enabled": int(chosen.enabled),
                "set_by": set_by,
                "set_at": now_iso(),
            }
        )
        if chosen.enabled and scheduled_time(chosen, now) <= now:
            db["digest_periods"].insert({"period": period_of(now), "outcome": "skipped", "at": now_iso()}, ignore=True)


def due_period(
    store: Store, configured: str, timezone: str, now: dt.datetime | None = None
) -> tuple[str, dt.datetime] | None:
    """(period, scheduled time) when this week's digest is due and not yet settled, else None."""
    now = (now or dt.datetime.now(dt.UTC)).astimezone(ZoneInfo(timezone))
    chosen = schedule(store, configured)
    if chosen is None:
        return None
    at = scheduled_time(chosen, now)
    if now < at:
        return None
    period = period_of(at)
    with store.read() as db:
        if list(db["digest_periods"].rows_where("period = ?", [period])):
            return None
    return period, at


def delivered(store: Store, period: str) -> dict[int, dict]:
    """This period's deliveries so far, by chat."""
    with store.read() as db:
        return {row["chat_id"]: row for row in db["digest_deliveries"].rows_where("period = ?", [period])}


def record_delivery(store: Store, period: str, chat_id: int, status: str) -> None:
    """`sent`, `forbidden` or `failed` settle a chat; `retry` counts an attempt."""
    with store.atomic() as db:
        rows = list(db["digest_deliveries"].rows_where("period = ? and chat_id = ?", [period, chat_id]))
        attempts = (rows[0]["attempts"] if rows else 0) + 1
        db["digest_deliveries"].insert(
            {"period": period, "chat_id": chat_id, "status": status, "attempts": attempts, "at": now_iso()},
            replace=True,
        )


def settle_period(store: Store, period: str, outcome: str) -> None:
    with store.atomic() as db:
        db["digest_periods"].insert({"period": period, "outcome": outcome, "at": now_iso()}, ignore=True)


# -- what the digest says ---------------------------------------------------------------------------


class Group(BaseModel):
    """Unanswered questions that mean the same: how often, an example per language, one to curate."""

    count: int
    examples: dict[str, str]  # language → the most recent question in it
    question_id: int  # the most recent question of the group


class DownVote(BaseModel):
    question: str
    reason: str | None = None
    comment: str | None = None


class MissingReports(BaseModel):
    year: int
    due: dt.date
    actors: list[str]


class Digest(BaseModel):
    since: str
    until: str
    groups: list[Group] = []
    unanswered: int = 0
    down_votes: list[DownVote] = []
    open_handoffs: list[tuple[int, str, str]] = []  # (hand-off id, created_at, question), oldest first
    missing: MissingReports | None = None
    awaiting_review: int = 0

    @property
    def empty(self) -> bool:
        missing = bool(self.missing and self.missing.actors)
        return not (self.groups or self.down_votes or self.open_handoffs or missing or self.awaiting_review)


def cluster(vectors: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage agglomerative clustering on cosine similarity (rows are unit vectors):
    merge the two most similar groups while their average similarity is at least `threshold`.

    Lance–Williams update of the group similarity matrix; a few hundred questions take
    milliseconds, so numpy alone does it.
    """
    n = len(vectors)
    if n == 0:
        return []
    similarity = np.asarray(vectors, dtype="float64") @ np.asarray(vectors, dtype="float64").T
    np.fill_diagonal(similarity, -np.inf)
    members: list[list[int] | None] = [[i] for i in range(n)]
    alive = np.ones(n, dtype=bool)
    while alive.sum() > 1:
        masked = np.where(alive[:, None] & alive[None, :], similarity, -np.inf)
        flat = int(np.argmax(masked))
        i, j = divmod(flat, n)
        if masked[i, j] < threshold:
            break
        size_i, size_j = len(members[i]), len(members[j])
        merged = (size_i * similarity[i] + size_j * similarity[j]) / (size_i + size_j)
        similarity[i, :] = merged
        similarity[:, i] = merged
        similarity[i, i] = -np.inf
        similarity[j, :] = -np.inf
        similarity[:, j] = -np.inf
        alive[j] = False
        members[i] = members[i] + members[j]
        members[j] = None
    return [sorted(group) for group in members if group is not None]


def group_threshold(encoder: Encoder) -> float:
    fitted = threshold_for(encoder.name, "digest")
    return fitted if fitted is not None else UNCALIBRATED


def group_questions(rows: list[dict], encoder: Encoder) -> list[Group]:
    """Questions (rows with id, question, lang) grouped by meaning, most asked first."""
    if not rows:
        return []
    vectors = encoder.encode_queries([row["question"] for row in rows])
    groups = []
    for members in cluster(vectors, group_threshold(encoder)):
        latest = sorted((rows[i] for i in members), key=lambda row: row["id"], reverse=True)
        examples: dict[str, str] = {}
        for row in latest:
            examples.setdefault(row["lang"] if row["lang"] in LANGUAGES else "en", row["question"])
        groups.append(Group(count=len(members), examples=examples, question_id=latest[0]["id"]))
    return sorted(groups, key=lambda group: (-group.count, -group.question_id))


def compose(store: Store, encoder: Encoder, since: dt.datetime, until: dt.datetime) -> Digest:
    """The digest of what happened from `since` to `until` (aware datetimes)."""
    start = since.astimezone(dt.UTC).isoformat(timespec="seconds")
    end = until.astimezone(dt.UTC).isoformat(timespec="seconds")
    with store.read() as db:
        unanswered = list(
            db.query(
                "select id, question, lang from questions where asked_at >= ? and asked_at <= ? "
                "and kind in ('not_found', 'partial') and curated_id is null order by id desc limit ?",
                [start, end, MAX_QUESTIONS],
            )
        )
        down = [
            DownVote(question=row["question"], reason=row["feedback_reason"], comment=row["feedback_comment"])
            for row in db.query(
                "select question, feedback_reason, feedback_comment from questions "
                "where feedback < 0 and asked_at >= ? and asked_at <= ? order by id limit ?",
                [start, end, SHOWN_DOWNVOTES],
            )
        ]
        awaiting = db.execute(
            "select count(*) from reports where status = 'active' and review = 'submitted'"
        ).fetchone()[0]
        handoffs = [
            (row["id"], row["created_at"], row["question"])
            for row in db.query(
                "select h.id, h.created_at, q.question from handoffs h join questions q on q.id = h.question_id "
                "where h.status = 'open' order by h.id limit ?",
                [SHOWN_HANDOFFS],
            )
        ]
    today = until.astimezone(dt.UTC).date()
    missing = None
    deadline = deadlines.current_deadline(store, today)
    if deadline is not None and (deadline.due - today).days <= DEADLINE_WINDOW_DAYS:
        from bot.reporting.registry import actor

        names = []
        for point in deadlines.without_report(store, deadline.year):
            found = actor(store, point.actor_id)
            names.append(found.name if found else point.actor_id)
        missing = MissingReports(year=deadline.year, due=deadline.due, actors=sorted(set(names)))
    return Digest(
        since=start,
        until=end,
        groups=group_questions(unanswered, encoder)[:SHOWN_GROUPS],
        unanswered=len(unanswered),
        down_votes=down,
        open_handoffs=handoffs,
        missing=missing,
        awaiting_review=awaiting,
    )


def digest_html(digest: Digest, lang: str) -> str:
    """The digest as Telegram HTML, in the maintainer's language (questions as asked)."""
    lines = [t(lang, "digest.title", since=digest.since[:10], until=digest.until[:10])]
    if digest.groups:
        lines += ["", t(lang, "digest.unanswered", count=digest.unanswered, groups=len(digest.groups))]
        for number, group in enumerate(digest.groups, start=1):
            lines.append(t(lang, "digest.group", n=number, count=group.count))
            for code, example in group.examples.items():
                lines.append(f"   {LANGUAGE_NAMES.get(code, code)}: “{escape(example[:200])}”")
    if digest.down_votes:
        lines += ["", t(lang, "digest.down_votes", count=len(digest.down_votes))]
        for vote in digest.down_votes:
            reason = t(lang, f"feedback.reason.{vote.reason}") if vote.reason in REASONS else "—"
            comment = f" — {escape(vote.comment[:200])}" if vote.comment else ""
            lines.append(f" • “{escape(vote.question[:200])}”: {escape(reason)}{comment}")
    if digest.open_handoffs:
        lines += ["", t(lang, "digest.open_handoffs", count=len(digest.open_handoffs))]
        for number, created, question in digest.open_handoffs:
            lines.append(f" • #handoff{number} ({created[:10]}): “{escape(question[:200])}”")
    if digest.awaiting_review:
        lines += ["", t(lang, "digest.awaiting_review", count=digest.awaiting_review)]
    if digest.missing and digest.missing.actors:
        lines += [
            "",
            t(lang, "digest.missing_reports", year=digest.missing.year, date=digest.missing.due.isoformat()),
            *(f" • {escape(name)}" for name in digest.missing.actors),
        ]
    return "\n".join(lines)
