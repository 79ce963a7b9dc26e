"""State between updates lives in the database: kept over restarts, set aside when unreadable, no ids in clear."""

from __future__ import annotations

import json
import logging
import pickle

import pytest

from bot.database import open_store
from bot.reporting import invitations
from bot.state import StateStore
from bot.texts import t
from tests.fakebot import callback_update, message_update, running_bot

FOCAL = 801
DELEGATE = 7_654_321


def _rows(settings, table: str) -> list[dict]:
    store = open_store(settings)
    try:
        return list(store.db[table].rows)
    finally:
        store.close()


async def test_a_truncated_pickle_of_the_previous_release_does_not_stop_the_start(settings, services, caplog):
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    whole = pickle.dumps({"user_data": {1: {"lang": "es"}}, "conversations": {}})
    (settings.data_dir / "conversations.pickle").write_bytes(whole[: len(whole) // 2])  # killed mid-write
    with caplog.at_level(logging.WARNING):
        async with running_bot(settings, services) as bot:
            await bot.send(message_update("/help", user_id=DELEGATE))
            assert "Type your question in English" in bot.last()
    assert not (settings.data_dir / "conversations.pickle").exists()
    assert list(settings.data_dir.glob("conversations.pickle.unreadable-*"))
    assert any("conversations.pickle" in record.getMessage() for record in caplog.records)


async def test_the_previous_release_pickle_is_imported_then_deleted(settings, services):
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    code = invitations.create_invitation(services.store, "IIN")
    async with running_bot(settings, services) as bot:  # register, then stop (no state yet)
        await bot.send(message_update(f"/register {code}", user_id=FOCAL))
    draft = {"key": "abc123", "actor_id": "IIN", "ref": {"kind": "activity", "number": 15}, "kind": "planned"}
    legacy = {
        "user_data": {FOCAL: {"lang": "fr", "report_draft": draft}, DELEGATE: {"lang": "pt"}},
        "chat_data": {},
        "conversations": {"report": {(FOCAL, FOCAL): 2}},  # ReportState.PERIOD
    }
    (settings.data_dir / "conversations.pickle").write_bytes(pickle.dumps(legacy))
    async with running_bot(settings, services) as bot:
        await bot.send(message_update("/help", user_id=DELEGATE))
        assert "Como perguntar" in bot.last()
        await bot.send(message_update("juin 2025", user_id=FOCAL))  # answered as the PERIOD step, in French
        assert bot.last() == t("fr", "report.ask_description")
    assert not (settings.data_dir / "conversations.pickle").exists()


async def test_an_unreadable_row_is_set_aside_and_the_user_starts_afresh(settings, services, caplog):
    store = StateStore(open_store(settings))
    store.write([])
    user_hash = store.store.user_hash(DELEGATE)
    with store.store.atomic() as db:
        db["user_state"].insert({"user_hash": user_hash, "data": '{"lang": "es"', "updated_at": "x"})
        db["conversation_state"].insert({"name": "report", "conversation_key": "[1,", "state": "2", "updated_at": "x"})
    store.store.close()
    with caplog.at_level(logging.WARNING):
        async with running_bot(settings, services) as bot:
            await bot.send(message_update("/help", user_id=DELEGATE))
            assert "Type your question in English" in bot.last()  # English: the broken choice of Spanish is gone
            await bot.send(message_update("/language", user_id=DELEGATE))
            await bot.send(callback_update("lang:es", user_id=DELEGATE))
            await bot.crash()
            await bot.start()
            await bot.send(message_update("/help", user_id=DELEGATE))
            assert "Cómo preguntar" in bot.last()  # written again, readable
    aside = _rows(settings, "state_set_aside")
    assert {row["kind"] for row in aside} == {"user", "conversation"}
    assert sum("Set aside" in record.getMessage() for record in caplog.records) == 2


async def test_delegates_ids_are_kept_as_salted_hashes_only(settings, services):
    async with running_bot(settings, services) as bot:
        await bot.send(message_update("/language", user_id=DELEGATE))
        await bot.send(callback_update("lang:fr", user_id=DELEGATE))
        await bot.send(message_update("What does activity 16 say?", user_id=DELEGATE))
    database = (settings.data_dir / "migrantsbot.db").read_bytes()
    for suffix in ("-wal", ""):
        path = settings.data_dir / f"migrantsbot.db{suffix}"
        if path.exists():
            database += path.read_bytes()
    assert str(DELEGATE).encode() not in database
    (row,) = _rows(settings, "user_state")
    assert json.loads(row["data"])["lang"] == "fr" and row["user_hash"] != str(DELEGATE)
    assert not list(settings.data_dir.glob("*.pickle"))


def test_the_salt_is_random_made_once_and_kept_private(tmp_path):
    from bot.salt import hash_salt
    from tests.conftest import make_settings

    first = make_settings(tmp_path / "a")
    salt, made = hash_salt(first)
    assert made and len(salt) == 64 and (first.data_dir / "hash_salt").stat().st_mode & 0o077 == 0
    assert hash_salt(first) == (salt, False)  # kept: hashes stay the same over restarts
    other, _ = hash_salt(make_settings(tmp_path / "b"))
    assert other != salt
    configured = make_settings(tmp_path / "c", hash_salt="configured-salt")
    assert hash_salt(configured) == ("configured-salt", False)
    assert not (configured.data_dir / "hash_salt").exists()


def test_questions_hashed_with_the_old_built_in_salt_lose_their_link_to_the_person(tmp_path):
    from bot.database import Store
    from tests.conftest import make_settings

    settings = make_settings(tmp_path)
    old = Store.open(settings.database_path, salt="migrantsbot")  # the previous release's default
    old.log_question(user_id=42, question="activity 9", lang="en", found=True, kind="catalogue", latency_ms=1)
    old.close()
    store = open_store(settings)
    (row,) = store.db["questions"].rows
    assert row["user_hash"] == "" and row["question"] == "activity 9"
    store.close()


@pytest.mark.parametrize("text", ["1A2B-3C4D-5E6F", " 1a2b-3c4d-5e6f "])
async def test_a_code_typed_without_register_is_neither_logged_nor_in_stats(bot, text):
    await bot.send(message_update(text, user_id=DELEGATE))
    assert bot.last() == t("en", "register.code_without_command")
    assert bot.services.store.db["questions"].count == 0
