"""Invitation codes and registration: how a Telegram user becomes an actor's focal point.

A code is made for one actor, used once, and expires; only its hash is stored. Wrong codes are
counted, and after MAX_FAILURES in FAILURE_WINDOW registration pauses, so codes cannot be guessed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from typing import Literal

from bot.actors import Actor
from bot.arguments import INVITATION_DAYS as INVITATION_DAY_RANGE
from bot.database import Store
from bot.reporting.registry import actor
from bot.texts import t

INVITATION_DAYS = 7
MAX_FAILURES = 3  # wrong codes in FAILURE_WINDOW before registration is paused
FAILURE_WINDOW = dt.timedelta(minutes=10)

RegistrationProblem = Literal["paused", "invalid", "used", "expired"]


class RegistrationError(Exception):
    """A code that cannot register this user; `reason` names the text the user is shown."""

    def __init__(self, reason: RegistrationProblem) -> None:
        self.reason = reason
        super().__init__(t("en", f"register.{reason}"))


class UnknownActor(ValueError):
    """No such actor; the message is the command line's (the chat says it its own way)."""

    def __init__(self, actor_id: str) -> None:
        self.actor_id = actor_id
        super().__init__(t("en", "invite.unknown_actor_cli", actor=actor_id))


_CODE = re.compile(r"\s*[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}\s*", re.IGNORECASE)


def looks_like_code(text: str) -> bool:
    """A registration code typed on its own: never logged as a question, never shown in /stats."""
    return _CODE.fullmatch(text) is not None


def _hash_code(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def create_invitation(
    store: Store, actor_id: str, *, days: int = INVITATION_DAYS, now: dt.datetime | None = None
) -> str:
    """A single-use code for one actor's focal point, valid 1 to 365 days; only its hash is stored."""
    low, high = INVITATION_DAY_RANGE
    if not low <= days <= high:
        raise ValueError(f"An invitation is valid {low} to {high} days, not {days}.")
    found = actor(store, actor_id)
    if found is None:
        raise UnknownActor(actor_id)
    now = now or dt.datetime.now(dt.UTC)
    code = "-".join(secrets.token_hex(2).upper() for _ in range(3))
    with store.atomic() as db:
        db["invitations"].insert(
            {
                "code_hash": _hash_code(code),
                "actor_id": found.id,
                "created_at": _stamp(now),
                "expires_at": _stamp(now + dt.timedelta(days=days)),
                "used_at": None,
                "used_by": None,
                "revoked": 0,
            }
        )
    return code


def revoke_code(store: Store, code: str) -> None:
    """A code that must not be used (it could not be delivered privately)."""
    with store.atomic() as db:
        db.execute("update invitations set revoked = 1 where code_hash = ?", [_hash_code(code)])


def register(
    store: Store, telegram_id: int, name: str, code: str, *, lang: str | None = None, now: dt.datetime | None = None
) -> Actor:
    """Bind a Telegram user to the code's actor, once; wrong codes count towards a pause."""
    now = now or dt.datetime.now(dt.UTC)
    user_hash = store.user_hash(telegram_id)
    # The transaction holds the write lock from its start: the count and the failure it adds are
    # one step, even for another process's attempts.
    with store.atomic() as db:
        failures = db.execute(
            "select count(*) from register_failures where user_hash = ? and at >= ?",
            [user_hash, _stamp(now - FAILURE_WINDOW)],
        ).fetchone()[0]
        if failures >= MAX_FAILURES:
            raise RegistrationError("paused")
        rows = list(db["invitations"].rows_where("code_hash = ?", [_hash_code(code)]))
        problem: RegistrationProblem | None = None
        if not rows or rows[0]["revoked"]:
            problem = "invalid"
        elif rows[0]["used_at"]:
            problem = "used"
        elif rows[0]["expires_at"] < _stamp(now):
            problem = "expired"
        if problem:  # the failure is recorded (and committed) before the user hears of it
            db["register_failures"].insert({"user_hash": user_hash, "at": _stamp(now)})
        else:
            invitation = rows[0]
            db["invitations"].update(invitation["code_hash"], {"used_at": _stamp(now), "used_by": telegram_id})
            db["focal_points"].insert(
                {
                    "telegram_id": telegram_id,
                    "actor_id": invitation["actor_id"],
                    "name": name,
                    "registered_at": _stamp(now),
                    "active": 1,
                    "lang": lang,
                },
                pk="telegram_id",
                replace=True,
            )
    if problem:
        raise RegistrationError(problem)
    registered = actor(store, invitation["actor_id"])
    assert registered is not None
    return registered
