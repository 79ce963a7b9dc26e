"""What the bot remembers between updates, in its SQLite database: each user's data (language,
report draft, pending upload) and the open conversations.

Replaces a pickle that python-telegram-bot rewrote in place every second, which a kill or a full
disk could truncate so that the bot no longer started, and which held every delegate's Telegram
id in clear. Here:

- a user's data is one JSON row keyed by the salted hash of their id (`Store.user_hash`); it is
  read when that user next writes (the bot never needs the list of all users);
- an open conversation is one row per (name, key); keys hold ids in clear, but only focal points
  open conversations, and the bot must be able to message them anyway;
- every batch of writes is one transaction (`write`), so a draft and its conversation's state
  are kept together or not at all;
- a row that cannot be read is moved to `state_set_aside` with the reason and logged, and the
  user starts afresh: one broken row never stops the bot.

A `conversations.pickle` left by the previous release is imported once at the first start, then
deleted; an unreadable one is renamed `.unreadable-…` and logged, and the bot starts without it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import pickle
from dataclasses import dataclass
from pathlib import Path

from bot.database import Store, now_iso

logger = logging.getLogger(__name__)

LEGACY_PICKLE = "conversations.pickle"


@dataclass(frozen=True)
class UserWrite:
    user_id: int
    data: dict | None  # None: forget the user's data


@dataclass(frozen=True)
class ConversationWrite:
    name: str
    key: tuple[int | str, ...]
    state: object | None  # None: the conversation ended


def _ref(item: UserWrite | ConversationWrite) -> str:
    """How a log line names a write: a conversation by its name, never a user by their id."""
    return item.name if isinstance(item, ConversationWrite) else "a user"


class StateStore:
    """User data and conversation states over the app's `Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading ------------------------------------------------------------------------------

    def user_data(self, user_id: int) -> dict:
        """The user's stored data; {} when there is none or it could not be read (then set aside)."""
        user_hash = self.store.user_hash(user_id)
        with self.store.read() as db:
            rows = list(db["user_state"].rows_where("user_hash = ?", [user_hash]))
        if not rows:
            return {}
        try:
            data = json.loads(rows[0]["data"])
            if not isinstance(data, dict):
                raise ValueError(f"a {type(data).__name__}, not an object")
        except ValueError as error:  # JSONDecodeError is a ValueError
            with self.store.atomic() as db:
                self._set_aside(db, "user", user_hash, rows[0]["data"], str(error))
                db.execute("delete from user_state where user_hash = ? and data = ?", [user_hash, rows[0]["data"]])
            return {}
        return data

    def conversations(self, name: str) -> dict[tuple, object]:
        """The open conversations of the handler `name`: key → state."""
        found: dict[tuple, object] = {}
        with self.store.atomic() as db:
            for row in list(db["conversation_state"].rows_where("name = ?", [name])):
                try:
                    key = json.loads(row["conversation_key"])
                    state = json.loads(row["state"])
                    if not isinstance(key, list) or not all(isinstance(part, int | str) for part in key):
                        raise ValueError(f"the key {row['conversation_key']!r} is not a list of ids")
                except ValueError as error:
                    self._set_aside(db, "conversation", f"{name}:{row['conversation_key']}", row["state"], str(error))
                    db["conversation_state"].delete((name, row["conversation_key"]))
                    continue
                found[tuple(key)] = state
        return found

    # -- writing ------------------------------------------------------------------------------

    def write(self, writes: list[UserWrite | ConversationWrite]) -> None:
        """Apply a batch of writes in one transaction.

        Each value is turned into JSON first: one that cannot be (a programming error) is logged
        and skipped, so it does not cost the other users of the batch their writes.
        """
        rows: list[tuple[str, tuple, str | None]] = []  # (table, primary key, JSON or None to delete)
        for item in writes:
            try:
                if isinstance(item, UserWrite):
                    data = json.dumps(item.data) if item.data else None
                    rows.append(("user_state", (self.store.user_hash(item.user_id),), data))
                else:
                    state = None if item.state is None else json.dumps(item.state)
                    rows.append(("conversation_state", (item.name, json.dumps(list(item.key))), state))
            except (TypeError, ValueError) as error:
                logger.error(
                    "Not stored: %s of %s cannot be written as JSON (%s)", type(item).__name__, _ref(item), error
                )
        if not rows:
            return
        now = now_iso()
        with self.store.atomic() as db:
            for table, key, value in rows:
                if table == "user_state":
                    if value is None:
                        db.execute("delete from user_state where user_hash = ?", key)
                    else:
                        db[table].insert({"user_hash": key[0], "data": value, "updated_at": now}, replace=True)
                elif value is None:
                    db.execute("delete from conversation_state where name = ? and conversation_key = ?", key)
                else:
                    row = {"name": key[0], "conversation_key": key[1], "state": value, "updated_at": now}
                    db[table].insert(row, replace=True)

    def _set_aside(self, db, kind: str, ref: str, data: str, reason: str) -> None:
        db["state_set_aside"].insert({"kind": kind, "ref": ref, "data": data, "reason": reason, "at": now_iso()})
        logger.warning("Set aside unreadable %s state %s (%s); it starts afresh", kind, ref, reason)

    # -- the previous release's pickle ----------------------------------------------------------

    def import_legacy_pickle(self, data_dir: Path) -> bool:
        """Bring `conversations.pickle` (PicklePersistence, previous release) in once; True if imported."""
        path = Path(data_dir) / LEGACY_PICKLE
        if not path.is_file():
            return False
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        try:
            with path.open("rb") as handle:
                # Written by this bot's own previous release in its data folder, never sent by anyone.
                legacy = pickle.load(handle)  # noqa: S301
            writes: list[UserWrite | ConversationWrite] = [
                UserWrite(int(user_id), json.loads(json.dumps(data)))
                for user_id, data in (legacy.get("user_data") or {}).items()
                if data
            ]
            for name, conversations in (legacy.get("conversations") or {}).items():
                writes += [ConversationWrite(name, tuple(key), state) for key, state in conversations.items()]
            self.write(writes)
        except Exception as error:  # truncated, another format, not JSON-able: keep it aside, start
            aside = path.with_name(f"{LEGACY_PICKLE}.unreadable-{stamp}")
            path.rename(aside)
            logger.warning(
                "Could not read %s (%s: %s); moved it to %s and started without it",
                path,
                type(error).__name__,
                error,
                aside.name,
            )
            return False
        path.unlink()  # it holds every delegate's id in clear: nothing of it stays on disk
        logger.info("Imported %d user states and conversations from %s, then deleted it", len(writes), path.name)
        return True
