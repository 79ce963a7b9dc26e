"""Answers in Telegram: threaded to the question, long ones paged in one message, follow-ups per chat,
conversation kept out of the list of missing documents."""

from __future__ import annotations

import html

from bot.texts import t
from tests.conftest import ADMIN_ID
from tests.fakebot import buttons, callback_update, message_update

LONG = "What should the member states do according to the Program?"  # 24 activities: several pages


def _page_buttons(params: dict) -> list[str]:
    return [data for data in buttons(params) if data.startswith("pg:")]


async def test_an_answer_is_threaded_to_the_question_it_answers(bot):
    question = message_update("What does activity 27 say?", user_id=7)
    await bot.send(question)
    sent = bot.api.sent()[-1]
    assert str(question["message"]["message_id"]) in str(
        sent.get("reply_parameters") or sent.get("reply_to_message_id")
    )


async def test_a_long_answer_is_one_message_with_pages_turned_in_place(bot):
    await bot.send(message_update(LONG, user_id=7))
    first = bot.api.sent()[-1]
    assert len(bot.api.sent()) == 1  # one message, not several long ones
    assert len(first["text"]) <= 4096 and "Page 1 of" in first["text"]
    turn = _page_buttons(first)
    forward = next(data for data in turn if data.endswith(":1"))
    question_id = int(forward.split(":")[1])
    assert not any(data.endswith(":-1") for data in turn)  # no ◀ on the first page

    await bot.send(callback_update(forward, user_id=7))
    edited = bot.api.sent("editMessageText")[-1]
    assert "Page 2 of" in edited["text"] and edited["text"] != first["text"]
    assert f"pg:{question_id}:0" in _page_buttons(edited)  # ◀ back to the first page
    passages = [data for data in buttons(edited) if data.startswith("psg:")]
    assert passages and len(bot.api.sent()) == 1  # turned in place: no new message

    await bot.send(callback_update(f"pg:{question_id}:99", user_id=7))  # a page that does not exist
    assert bot.alert() == t("en", "ask.stale")


async def test_pages_still_turn_after_a_restart(bot):
    await bot.send(message_update(LONG, user_id=7))
    forward = next(data for data in _page_buttons(bot.api.sent()[-1]) if data.endswith(":1"))
    await bot.restart()
    await bot.send(callback_update(forward, user_id=7))
    assert "Page 2 of" in bot.api.sent("editMessageText")[-1]["text"]
    await bot.send(callback_update(forward, user_id=8))  # someone else's answer
    assert bot.alert() == t("en", "ask.stale")


async def test_a_follow_up_is_read_against_the_previous_question_of_the_same_chat_only(bot):
    await bot.send(message_update("What does the Program ask of the IACHR?", user_id=7))
    assert "Inter-American Commission on Human Rights" in bot.last()
    await bot.send(message_update("and the CIM?", user_id=7))
    follow_up = bot.last()
    assert "Inter-American Commission of Women" in follow_up and "activity 12" in follow_up.lower()

    await bot.send(message_update("and the CIM?", user_id=8))  # another chat never asked about the IACHR
    assert bot.last() != follow_up


async def test_greetings_and_referrals_are_not_listed_as_missing_documents(bot):
    for text in ("hello", "thanks!", "bonjour", "How do I apply for asylum in Mexico?"):
        await bot.send(message_update(text, user_id=7))
    replies = [html.unescape(text) for text in bot.texts()]
    assert t("en", "greeting") in replies[0] and t("fr", "greeting") in replies[2]
    await bot.send(message_update("What do the documents say about penguin migration to Mars?", user_id=7))
    await bot.send(message_update("/stats", user_id=ADMIN_ID))
    stats = bot.last()
    assert "penguin migration to mars" in stats
    assert "hello" not in stats and "bonjour" not in stats and "asylum" not in stats
    assert "4 greetings, thanks and personal cases" in stats
