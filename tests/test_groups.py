"""Groups and channels: the bot speaks when addressed, never shows codes, ignores channel posts and edits."""

from __future__ import annotations

import pytest

from bot.reporting import registry
from bot.texts import t
from tests.conftest import ADMIN_ID
from tests.fakebot import BOT_USER, GROUP, message_update

DELEGATE = 321


def _to_group(bot) -> list[str]:
    return [p["text"] for p in bot.api.sent() if int(p["chat_id"]) == GROUP["id"]]


async def test_in_a_group_only_messages_for_the_bot_are_answered(bot):
    await bot.send(message_update("What does activity 16 say?", user_id=DELEGATE, chat=GROUP))
    await bot.send(message_update("/frobnicate", user_id=DELEGATE, chat=GROUP))
    await bot.send(
        message_update(None, user_id=DELEGATE, chat=GROUP, extra={"location": {"latitude": 1.0, "longitude": 2.0}})
    )
    assert bot.api.sent() == []
    await bot.send(message_update("@migrants_test_bot What does activity 16 say?", user_id=DELEGATE, chat=GROUP))
    assert "trafficking" in _to_group(bot)[-1]
    reply = {"reply_to_message": {"message_id": 5, "date": 0, "chat": GROUP, "from": BOT_USER, "text": "…"}}
    await bot.send(message_update("And activity 9?", user_id=DELEGATE, chat=GROUP, extra=reply))
    assert "due process" in _to_group(bot)[-1]
    await bot.send(message_update("/start@migrants_test_bot", user_id=DELEGATE, chat=GROUP))
    assert "I answer questions" in _to_group(bot)[-1]
    (logged, *_), count = bot.services.store.db["questions"].rows, bot.services.store.db["questions"].count
    assert count == 2 and "@migrants_test_bot" not in logged["question"]


async def test_invite_in_a_group_sends_the_code_privately(bot):
    await bot.send(message_update("/invite IIN", user_id=ADMIN_ID, chat=GROUP))
    assert _to_group(bot) == [t("en", "invite.sent_privately")]
    private = [p["text"] for p in bot.api.sent() if int(p["chat_id"]) == ADMIN_ID]
    code = private[-1].split("/register ")[1].split("<")[0]
    assert all(code not in text for text in _to_group(bot))
    await bot.send(message_update(f"/register {code}", user_id=DELEGATE))
    assert registry.focal_point(bot.services.store, DELEGATE).actor_id == "IIN"


async def test_invite_in_a_group_without_a_private_chat_gives_no_code(bot):
    bot.api.blocked_chats.add(ADMIN_ID)
    await bot.send(message_update("/invite IIN", user_id=ADMIN_ID, chat=GROUP))
    assert _to_group(bot) == [t("en", "invite.start_private_chat")]
    (invitation,) = bot.services.store.db["invitations"].rows
    assert invitation["revoked"] == 1


@pytest.mark.parametrize("command", ["/register ABCD-1234-EF56", "/report", "/myreports"])
async def test_focal_point_commands_ask_for_a_private_chat_in_a_group(bot, command):
    await bot.send(message_update(command, user_id=DELEGATE, chat=GROUP, lang="fr"))
    assert _to_group(bot) == [t("fr", "guard.private_only")]
    assert bot.services.store.db["register_failures"].count == 0


async def test_channel_posts_and_edited_messages_are_ignored_without_error(bot):
    channel = {"id": -100999, "type": "channel", "title": "News"}
    await bot.send(message_update("What does activity 16 say?", chat=channel, kind="channel_post"))
    await bot.send(message_update("What does activity 16 say?", user_id=DELEGATE, kind="edited_message"))
    await bot.send(message_update("/start", user_id=DELEGATE, kind="edited_message"))
    assert bot.api.sent() == [] and bot.services.store.db["questions"].count == 0


async def test_tracebacks_for_maintainers_hold_no_message_text_names_or_ids(bot, monkeypatch, settings, caplog):
    settings.maintainers_chat_id = 555
    question = "Where does Ana Pereira from Quito file her asylum claim?"

    def broken(text, lang, **_):
        from pydantic import BaseModel

        class Probe(BaseModel):
            number: int

        Probe(number=text)  # a ValidationError quoting its input, as pydantic's do

    monkeypatch.setattr(bot.services.answerer, "answer", broken)
    person = {"id": 7_340_021, "is_bot": False, "first_name": "Ana", "last_name": "Pereira", "username": "anapq"}
    update = message_update(question, user_id=7_340_021)
    update["message"]["from"] = person
    await bot.send(update)
    (report,) = [p["text"] for p in bot.api.sent() if p["chat_id"] == 555]
    assert "ValidationError" in report and "Traceback" in report
    for secret in ("Ana", "Pereira", "anapq", "7340021", "Quito", "asylum"):
        assert secret not in report, secret
        assert secret not in caplog.text, secret
    assert bot.services.store.user_hash(7_340_021) in report
    assert t("en", "error.sorry") in bot.texts()
