"""Delegates' Telegram ids are kept with their words only while a hand-off needs them to reply:
through the real Application, and as the upgrade of a database that kept them in clear."""

from __future__ import annotations

import datetime as dt

from sqlite_utils.migrations import Migrations

from bot import handoffs, migrations
from bot.database import MIGRATIONS, Store
from bot.texts import t
from tests.conftest import ADMIN_ID
from tests.fakebot import callback_update, message_update, reply_update

DELEGATE = 4_815_162_342  # a ten-digit id, easy to find in the file


def _rows_mentioning(store: Store, value: int) -> dict[str, int]:
    """Rows of the hand-off tables holding `value` in any column."""
    found = {}
    for table in ("handoffs", "handoff_messages", "awaited_replies"):
        rows = [row for row in store.db[table].rows if value in row.values() or str(value) in map(str, row.values())]
        if rows:
            found[table] = len(rows)
    return found


async def test_a_hand_off_keeps_the_delegates_ids_only_until_it_is_closed(bot):
    await bot.send(message_update("activity 9", user_id=DELEGATE))
    question_id = next(iter(bot.services.store.db["questions"].rows))["id"]
    await bot.send(callback_update(f"fb:{question_id}:-1", user_id=DELEGATE))
    await bot.send(callback_update(f"fbr:{question_id}:incomplete", user_id=DELEGATE))
    await bot.send(callback_update(f"hand:{question_id}", user_id=DELEGATE))
    hand_off = bot.api.last_message(ADMIN_ID)
    await bot.send(reply_update("The deadline is 31 March.", hand_off, user_id=ADMIN_ID))
    answer = bot.api.last_message(DELEGATE)
    await bot.send(reply_update("Thank you, and for 2027?", answer, user_id=DELEGATE))
    assert _rows_mentioning(bot.services.store, DELEGATE)  # open: kept, to reply
    assert "telegram_id" not in bot.services.store.db["handoff_messages"].columns_dict  # who wrote: `sender`
    await bot.send(reply_update("The same date.", bot.api.last_message(ADMIN_ID), user_id=ADMIN_ID))

    month_later = dt.datetime.now(dt.UTC) + dt.timedelta(days=handoffs.QUIET_DAYS + 1)
    assert handoffs.close_quiet_handoffs(bot.services.store, now=month_later) == 1
    assert _rows_mentioning(bot.services.store, DELEGATE) == {}
    (closed,) = bot.services.store.db["handoffs"].rows
    assert closed["status"] == "closed" and closed["user_id"] is None and closed["chat_id"] is None
    await bot.send(reply_update("One more thing.", hand_off, user_id=ADMIN_ID))  # a maintainer, too late
    assert bot.last() == t("en", "handoff.closed", id=closed["id"])
    await bot.send(message_update("/stats", user_id=ADMIN_ID))
    assert t("en", "stats.handoffs", open=0, answered=1) in bot.last()  # closed, still counted as answered


def test_the_upgrade_clears_the_ids_of_closed_hand_offs_and_keeps_the_open_ones(tmp_path):
    path = tmp_path / "before.db"
    before = Migrations(MIGRATIONS.name)
    for name in [m.name for m in MIGRATIONS._migrations if m.name < "m013"]:
        before(name=name)(getattr(migrations, name))
    old = Store.open(path, salt="s", migrations=before)
    long_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=90)).isoformat(timespec="seconds")
    with old.atomic() as db:
        for n, status in ((1, "answered"), (2, "open")):
            db["questions"].insert({"id": n, "asked_at": long_ago, "user_hash": "h", "question": "q", "found": 1})
            db["handoffs"].insert(
                {
                    "id": n,
                    "question_id": n,
                    "user_id": DELEGATE + n,
                    "chat_id": DELEGATE + n,
                    "lang": "es",
                    "status": status,
                    "created_at": long_ago,
                    "answered_at": long_ago if n == 1 else None,
                }
            )
            db["handoff_messages"].insert(
                {"handoff_id": n, "sender": "user", "telegram_id": DELEGATE + n, "text": "hola", "at": long_ago}
            )
            db["awaited_replies"].insert(
                {"chat_id": DELEGATE + n, "message_id": n, "kind": "secretariat", "ref_id": n, "created_at": long_ago}
            )
        db["awaited_replies"].insert(
            {"chat_id": DELEGATE, "message_id": 9, "kind": "comment", "ref_id": 1, "created_at": long_ago}
        )
    old.close()

    store = Store.open(path, salt="s")
    assert "telegram_id" not in store.db["handoff_messages"].columns_dict
    assert [m["text"] for m in store.db["handoff_messages"].rows] == ["hola", "hola"]  # the words stay
    closed, still_open = (handoffs.handoff(store, n) for n in (1, 2))
    assert (closed.status, closed.user_id, closed.chat_id) == ("closed", None, None)
    assert (still_open.status, still_open.user_id, still_open.chat_id) == ("open", DELEGATE + 2, DELEGATE + 2)
    awaited = [(row["kind"], row["ref_id"]) for row in store.db["awaited_replies"].rows]
    assert awaited == [("secretariat", 2)]  # the open one's; the closed one's and the old prompt are gone
    store.close()
