"""Who is who: the registry of actors, the maintainers, and the focal points of actors.

Plain functions over the Store, shared by the chat, the CLI and the tests. An actor is the one
`bot.actors.Actor` model, read from the `actors` table (seeded with the Program's actors and the
35 member states); names in French and Portuguese come from the Program's own list where known.
"""

from __future__ import annotations

import difflib
import re

from pydantic import BaseModel

from bot.actors import Actor, actor_by_id
from bot.database import Store, now_iso
from index.text import fold


class FocalPoint(BaseModel):
    telegram_id: int
    actor_id: str
    name: str
    registered_at: str
    active: int
    lang: str | None = None  # the language they registered in, for reminders


def _actor(row: dict) -> Actor:
    known = actor_by_id(row["id"])
    return Actor(
        id=row["id"],
        name=row["name"],
        name_es=row["name_es"],
        group=row["grp"],
        name_fr=known.name_fr if known else None,
        name_pt=known.name_pt if known else None,
    )


def actors(store: Store) -> list[Actor]:
    with store.read() as db:
        return [_actor(row) for row in db["actors"].rows_where(order_by="grp, name")]


def actor(store: Store, actor_id: str) -> Actor | None:
    with store.read() as db:
        rows = list(db["actors"].rows_where("upper(id) = ?", [actor_id.upper()]))
    return _actor(rows[0]) if rows else None


def suggest_actors(store: Store, text: str, limit: int = 3) -> list[str]:
    """Ids of the actors someone typing `text` may mean: a near spelling of an id ("IACHRR"), or
    a name in any language containing it ("Mexico", "méxico", "Comisión Interamericana")."""
    known = actors(store)
    wanted = fold(text).strip()
    by_id = difflib.get_close_matches(text.upper(), [a.id for a in known], n=limit, cutoff=0.75)
    by_name = [
        a.id
        for a in known
        if len(wanted) >= 3 and any(wanted in fold(name or "") for name in (a.name, a.name_es, a.name_fr, a.name_pt))
    ]
    return list(dict.fromkeys(by_id + by_name))[:limit]


def add_actor(
    store: Store, actor_id: str, name: str, name_es: str | None = None, group: str = "other", *, replace: bool = False
) -> Actor:
    """A new actor; an id already taken is refused unless `replace` (its focal points and reports
    would silently change actor)."""
    if not re.fullmatch(r"[A-Za-z0-9_\-]{2,20}", actor_id):
        raise ValueError("An actor id is 2-20 letters, digits, '-' or '_'.")
    row = {"id": actor_id.upper(), "name": name, "name_es": name_es or name, "grp": group, "added_at": now_iso()}
    with store.atomic() as db:
        existing = list(db["actors"].rows_where("id = ?", [row["id"]]))
        if existing and not replace:
            raise ValueError(
                f"There is already an actor {row['id']} ({existing[0]['name']}); add --replace to replace it."
            )
        db["actors"].insert(row, pk="id", replace=True)
    return _actor(row)


def program_actor_of(registered: Actor) -> str:
    """Whose Program activities an actor implements: a member state implements the states' ones."""
    return "MEMBER_STATES" if registered.group == "member_states" else registered.id


def add_maintainer(store: Store, telegram_id: int) -> None:
    with store.atomic() as db:
        db["maintainers"].insert({"telegram_id": telegram_id, "added_at": now_iso()}, pk="telegram_id", replace=True)


def is_maintainer(store: Store, telegram_id: int, configured: list[int]) -> bool:
    """Maintainers are MIGRANTSBOT_ADMIN_IDS (`configured`) and those added with `migrantsbot admin add`."""
    if telegram_id in configured:
        return True
    with store.read() as db:
        return bool(list(db["maintainers"].rows_where("telegram_id = ?", [telegram_id])))


def focal_point(store: Store, telegram_id: int) -> FocalPoint | None:
    with store.read() as db:
        rows = list(db["focal_points"].rows_where("telegram_id = ? and active = 1", [telegram_id]))
    return FocalPoint(**rows[0]) if rows else None


def focal_points(store: Store) -> list[FocalPoint]:
    with store.read() as db:
        return [FocalPoint(**row) for row in db["focal_points"].rows_where("active = 1", order_by="actor_id")]


def revoke_focal_point(store: Store, telegram_id: int) -> bool:
    with store.atomic() as db:
        found = bool(list(db["focal_points"].rows_where("telegram_id = ? and active = 1", [telegram_id])))
        if found:
            db["focal_points"].update(telegram_id, {"active": 0})
    return found
