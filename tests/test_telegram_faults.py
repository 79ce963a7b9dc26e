"""Telegram misbehaving, through the real Application: the fake Bot API answers 400 "message is not
modified", 403, 429 with retry_after, 409, 5xx and time-outs, per method, and holds updates until a
getUpdates offset confirms them. Nothing the user asked for is lost; nothing cosmetic costs anything."""

from __future__ import annotations

import asyncio
import logging
import time

from bot.texts import t
from tests.conftest import ADMIN_ID
from tests.fakebot import Harness, callback_update, message_update, running_bot, settle
from tests.test_telegram_answers import LONG, _page_buttons

MAINTAINERS_CHAT = -100555


def _sorry(bot) -> bool:
    apologies = {t("en", "error.sorry"), t("en", "error.sorry_kept")}
    alerts = [p.get("text") for p in bot.api.sent("answerCallbackQuery")]
    return any(text in apologies for text in bot.texts() + alerts)


def _to_maintainers(bot) -> list[str]:
    return [p["text"] for p in bot.api.sent() if int(p["chat_id"]) == MAINTAINERS_CHAT]


def _slow(services, monkeypatch, seconds: float = 0.6) -> None:
    """Answers that take long enough for "typing…" to be sent."""
    real = services.answerer.answer

    def slow(question, *args, **kwargs):
        time.sleep(seconds)
        return real(question, *args, **kwargs)

    monkeypatch.setattr(services.answerer, "answer", slow)


# -- the fake Bot API itself ------------------------------------------------------------------------


async def test_the_fake_api_fails_per_method_as_telegram_does(bot):
    from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, RetryAfter, TimedOut

    api = bot.api
    expected = {
        "not_modified": BadRequest,
        "forbidden": Forbidden,
        "conflict": Conflict,
        "server_error": NetworkError,
        "timeout": TimedOut,
    }
    for kind, error in expected.items():
        fault = api.fail("sendChatAction", kind, times=1)
        try:
            await bot.application.bot.send_chat_action(1, "typing")
        except error as raised:
            assert kind != "not_modified" or "message is not modified" in raised.message.lower()
        else:
            raise AssertionError(f"{kind} did not fail")
        assert fault.hits == 1 and fault.times == 0
    api.fail("sendChatAction", "retry_after", times=1, retry_after=7)
    bot.application.bot._rate_limiter = None  # the raw answer, without the limiter's retries
    try:
        await bot.application.bot.send_chat_action(1, "typing")
    except RetryAfter as raised:
        assert "7" in str(raised)
    else:
        raise AssertionError("retry_after did not fail")
    assert await bot.application.bot.send_chat_action(1, "typing")  # healed: `times` ran out


async def test_an_edit_that_changes_nothing_is_refused_as_telegram_does(bot):
    sent = await bot.application.bot.send_message(5, "hello")
    await bot.application.bot.edit_message_text("hello again", chat_id=5, message_id=sent.message_id)
    try:
        await bot.application.bot.edit_message_text("hello again", chat_id=5, message_id=sent.message_id)
    except Exception as error:
        assert "message is not modified" in str(error).lower()
    else:
        raise AssertionError("a second identical edit was accepted")


async def test_updates_wait_on_the_server_until_an_offset_confirms_them(settings, services):
    harness = Harness(settings, services)
    await harness.start()
    harness.api.push(message_update("/start", user_id=41), message_update("/help", user_id=41))
    # The getUpdates that would confirm the batch never reaches Telegram, then the bot is killed.
    harness.api.fail("getUpdates", "server_error", when=lambda params: int(params.get("offset") or 0) > 0)
    await harness.poll()
    await harness.polled()
    assert len(harness.texts()) == 2 and len(harness.api.unconfirmed) == 2  # handled, never confirmed
    await harness.crash()
    harness.api.heal()
    harness.api.clear()
    await harness.start()
    await harness.poll()
    await harness.polled()
    assert len(harness.texts()) == 2  # Telegram handed them over again
    await harness.stop()  # a clean stop confirms what was fetched
    assert harness.api.unconfirmed == []


# -- cosmetic calls never cost an answer ----------------------------------------------------------------


async def test_a_failed_typing_action_costs_no_answer_and_the_question_is_logged(bot, monkeypatch):
    _slow(bot.services, monkeypatch)
    bot.api.fail("sendChatAction", "server_error")
    await bot.send(message_update("activity 4", user_id=7))
    assert bot.api.sent("sendChatAction")  # it was tried
    assert "Implementation and monitoring" in bot.last() and not _sorry(bot)
    assert bot.services.store.db["questions"].count == 1


async def test_a_button_press_whose_answer_telegram_refuses_still_does_its_work(bot):
    await bot.send(message_update("activity 9", user_id=7))
    question_id = next(iter(bot.services.store.db["questions"].rows))["id"]
    bot.api.fail("answerCallbackQuery", "query_too_old")
    await bot.send(callback_update(f"psg:{question_id}:1", user_id=7))
    assert "due process" in bot.last() and not _sorry(bot)


async def test_start_up_survives_a_refused_command_menu_and_retries_it_in_the_background(settings, services):
    harness = Harness(settings, services)
    harness.api.fail("setMyCommands", "server_error", times=1)
    await harness.start()  # a 502 on the menu stops nothing
    await harness.send(message_update("/start", user_id=7))
    assert "I answer questions" in harness.last()
    (retry,) = harness.application.job_queue.get_jobs_by_name("publish_commands")
    harness.api.clear()
    await retry.run(harness.application)
    assert len(harness.api.sent("setMyCommands")) == 8  # every language, everyone's and the maintainers'
    await harness.stop()


# -- taps that change nothing ------------------------------------------------------------------------


async def test_taps_that_change_nothing_are_no_error(bot, settings):
    settings.maintainers_chat_id = MAINTAINERS_CHAT
    await bot.send(callback_update("lang:pt", user_id=32))
    await bot.send(callback_update("lang:pt", user_id=32))  # the same language twice
    await bot.send(message_update(LONG, user_id=7))
    counter = next(data for data in _page_buttons(bot.api.sent()[-1]) if data.endswith(":0"))  # "1/3"
    forward = next(data for data in _page_buttons(bot.api.sent()[-1]) if data.endswith(":1"))
    await bot.send(callback_update(counter, user_id=7, message_text=bot.last()))
    await bot.send(callback_update(forward, user_id=7))
    await bot.send(callback_update(forward, user_id=7))  # ▶ twice
    assert not _sorry(bot) and _to_maintainers(bot) == []
    assert "Page 2 of" in bot.api.sent("editMessageText")[-1]["text"]


# -- flood limits and errors of getUpdates ----------------------------------------------------------------


async def test_a_flood_limit_that_outlasts_the_retries_delays_the_answer_but_loses_it_not(bot):
    limit = bot.api.fail("sendMessage", "retry_after", times=3, retry_after=1)  # the limiter tries 3 times
    await bot.send(message_update("activity 9", user_id=7))
    assert limit.hits == 3
    assert "due process" in bot.last() and not _sorry(bot)


async def test_polling_errors_reach_the_maintainers_once_per_kind_an_hour(bot, settings, caplog):
    from telegram.error import Conflict, NetworkError

    settings.maintainers_chat_id = MAINTAINERS_CHAT
    with caplog.at_level(logging.WARNING):
        for _ in range(5):
            await bot.application.process_error(update=None, error=NetworkError("Bad Gateway"))
            await bot.application.process_error(update=None, error=Conflict("terminated by other getUpdates"))
    told = _to_maintainers(bot)
    assert len(told) == 2 and not any("Traceback" in text for text in told)
    assert any("Another process is getting this bot's updates" in text for text in told)
    assert (
        sum(record.levelno >= logging.WARNING and "getUpdates" in record.getMessage() for record in caplog.records) == 2
    )
    assert not any(record.levelno >= logging.ERROR for record in caplog.records)


async def test_a_conflict_while_polling_is_told_and_polling_goes_on(settings, services):
    settings.maintainers_chat_id = MAINTAINERS_CHAT
    async with running_bot(settings, services) as harness:
        harness.api.fail("getUpdates", "conflict", times=1)
        harness.api.push(message_update("/start", user_id=41))
        await harness.poll()
        await harness.polled()
        assert "I answer questions" in harness.last()
        (told,) = _to_maintainers(harness)
        assert "Another process is getting this bot's updates" in told and "Traceback" not in told


async def test_an_update_telegram_sends_malformed_is_logged_without_its_content(settings, services, caplog):
    broken = message_update("My name is on this line", user_id=43)
    broken["message"]["from"]["first_name"] = "Zacharias"
    broken["message"]["chat"] = "not a chat"  # python-telegram-bot cannot parse it
    async with running_bot(settings, services) as harness:
        harness.api.push(broken)
        with caplog.at_level(logging.DEBUG, logger="telegram"):
            await harness.poll()
            for _ in range(100):
                if any(record.levelno == logging.CRITICAL for record in caplog.records):
                    break
                await settle()
            harness.api.pending_updates.clear()
    critical = [record for record in caplog.records if record.levelno == logging.CRITICAL]
    assert critical, "python-telegram-bot said nothing"
    logged = "\n".join(logging.Formatter().format(record) for record in caplog.records)
    assert "Zacharias" not in logged and "My name is on this line" not in logged
    assert str(broken["update_id"]) in logged  # which update it was stays findable


# -- the maintainers' commands while answering ----------------------------------------------------------


async def test_the_apology_says_a_question_was_kept_only_when_it_was(bot):
    bot.api.fail("sendMessage", "server_error", times=1)  # the answer fails, the apology goes through
    await bot.send(message_update("activity 9", user_id=7))
    assert bot.last() == t("en", "error.sorry_kept") and bot.services.store.db["questions"].count == 1
    bot.api.fail("sendMessage", "server_error", times=1)
    await bot.send(message_update("/objectives", user_id=ADMIN_ID))
    assert bot.last() == t("en", "error.sorry")


def test_a_start_telegram_does_not_answer_is_tried_again_not_given_up(settings, services, monkeypatch):
    from handlers import app as app_module
    from tests.fakebot import FakeBotAPI

    api = FakeBotAPI()
    get_me = api.fail("getMe", "server_error", times=2)  # Telegram down for the first two starts
    monkeypatch.setattr(app_module, "START_RETRY_SECONDS", (0.01, 0.01))
    started = []

    async def then_stop(application) -> None:  # once running, stop as on SIGTERM
        started.append(application)
        application.stop_running()

    monkeypatch.setattr(app_module.jobs, "after_start", then_stop)
    loop = asyncio.new_event_loop()  # run_bot keeps its loop between tries; this test closes it
    asyncio.set_event_loop(loop)
    try:
        app_module.run_bot(settings, services, request=api)
    finally:
        loop.close()
        asyncio.set_event_loop(None)
    assert get_me.hits == 2 and len(api.sent("getMe")) == 3 and len(started) == 1  # the third start went on
