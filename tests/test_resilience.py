"""The disk, the database and a second process misbehaving, through the real Application: a full disk
costs no answer, a deleted database file is written back, a second bot on the same data refuses."""

from __future__ import annotations

import sqlite3

import pytest

from bot.instance import AlreadyRunning
from bot.texts import t
from tests.conftest import ADMIN_ID
from tests.fakebot import Harness, buttons, callback_update, message_update, reply_update, running_bot
from tests.test_telegram_answers import LONG


def _fill_the_disk(store) -> None:
    """SQLite's own "database or disk is full", as on a full disk: no page more may be written."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    for size in (200, 20, 1):  # the free room left in the last pages, down to what a short question needs
        with pytest.raises(sqlite3.OperationalError, match="full"):
            for n in range(100_000):
                store.log_question(user_id=n, question="x" * size, lang="en", found=True, kind="answer", latency_ms=1)


async def test_a_full_disk_costs_no_answer_and_the_apology_claims_nothing(bot):
    _fill_the_disk(bot.services.store)
    bot.api.clear()
    await bot.send(message_update("activity 9", user_id=7))
    assert "due process" in bot.last()  # answered, whole
    await bot.send(message_update(LONG, user_id=7))  # a long answer: all of it, no button naming a log entry
    sent = bot.api.sent()
    assert len(sent) > 2 and not any(b.startswith(("pg:", "psg:", "fb:")) for p in sent for b in buttons(p))
    assert t("en", "error.sorry_kept") not in bot.texts() and t("en", "error.sorry") not in bot.texts()


async def test_a_database_file_deleted_under_the_bot_is_written_back(bot, settings):
    settings.maintainers_chat_id = -100555
    await bot.send(message_update("activity 9", user_id=7))
    path = settings.database_path
    path.unlink()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    (watch,) = bot.application.job_queue.get_jobs_by_name("watch_index")
    await watch.run(bot.application)
    assert path.exists()
    told = [p["text"] for p in bot.api.sent() if int(p["chat_id"]) == -100555]
    assert len(told) == 1 and str(path) in told[0]
    await bot.send(message_update("activity 16", user_id=7))  # written to the file that is there now
    await bot.restart()
    from bot.database import open_store

    store = open_store(settings)
    assert [row["question"] for row in store.db["questions"].rows] == ["activity 9", "activity 16"]
    store.close()


async def test_a_second_bot_on_the_same_data_folder_refuses_to_start(settings, services):
    async with running_bot(settings, services) as first:
        second = Harness(settings, services)
        with pytest.raises(AlreadyRunning, match="already running on the data folder"):
            await second.start()
        await second.application.shutdown()
        await first.send(message_update("/start", user_id=7))
        assert "I answer questions" in first.last()
    async with running_bot(settings, services) as again:  # the first one stopped: the lock is free
        await again.send(message_update("/start", user_id=7))


def test_the_command_line_says_another_bot_runs_instead_of_starting(settings, services, monkeypatch, capsys):
    from bot.cli import main
    from bot.instance import hold_instance

    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("MIGRANTSBOT_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:TEST-TOKEN")
    monkeypatch.setattr("bot.services.build_services", lambda *a, **k: pytest.fail("built services"))
    held = hold_instance(settings.data_dir)
    try:
        assert main(["run"]) == 1
    finally:
        held.release()
    assert "already running on the data folder" in capsys.readouterr().err


# -- abuse and mistakes in the chat ------------------------------------------------------------------


async def test_replies_to_the_bots_prompts_count_against_the_rate_limit_and_a_flood_gets_one_notice(bot):
    await bot.send(message_update("activity 9", user_id=7))
    question_id = next(iter(bot.services.store.db["questions"].rows))["id"]
    await bot.send(callback_update(f"fb:{question_id}:-1", user_id=7))
    await bot.send(callback_update(f"fbr:{question_id}:incomplete", user_id=7))
    prompt = bot.api.last_message(7)
    await bot.send(callback_update(f"hand:{question_id}", user_id=7))  # each reply now reaches the maintainer
    bot.api.clear()
    for n in range(40):
        await bot.send(reply_update(f"More words, number {n}.", prompt, user_id=7))
    for n in range(20):
        await bot.send(message_update(f"activity {n + 1}", user_id=7))
    to_user = [p["text"] for p in bot.api.sent() if int(p["chat_id"]) == 7]
    to_maintainer = [p["text"] for p in bot.api.sent() if int(p["chat_id"]) == ADMIN_ID]
    assert to_user.count(t("en", "ask.slow_down")) == 1  # one notice for a flood of 60
    assert len(to_maintainer) <= 5 and len(to_user) <= 6  # the settings allow 5 a minute


async def test_in_closed_mode_a_forged_passage_button_opens_nothing(bot, settings):
    await bot.send(message_update("activity 9", user_id=ADMIN_ID))
    question_id = next(iter(bot.services.store.db["questions"].rows))["id"]
    settings.closed = True
    bot.api.clear()
    for data in (f"psg:{question_id}:1", f"pg:{question_id}:1"):
        await bot.send(callback_update(data, user_id=66))
        assert bot.alert() == t("en", "ask.closed")
    assert bot.api.sent() == [] and bot.api.sent("editMessageText") == []  # nothing shown


async def test_a_question_of_invisible_characters_gets_the_help_not_a_passage(bot):
    await bot.send(message_update("\u200b\u200c\u200d\u2060\ufeff\u3164", user_id=7))
    assert "type a question" in bot.last().lower()
