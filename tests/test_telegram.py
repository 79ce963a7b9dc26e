"""The bot end to end: Telegram updates in, Bot API calls out, through the real Application."""

from __future__ import annotations

import asyncio

import pytest

from bot.texts import t
from tests.conftest import ADMIN_ID
from tests.fakebot import buttons, callback_update, message_update, running_bot, settle


async def test_start_welcomes_with_examples_and_help_lists_every_command(bot):
    await bot.send(message_update("/start", lang="en"))
    await bot.send(message_update("/start", user_id=2, lang="es"))
    await bot.send(message_update("/help", lang="en"))
    english, spanish, help_ = bot.texts()
    assert "I answer questions" in english and "What does specific objective 8 say?" in english
    assert "English, Spanish, French or Portuguese" in english and "/help" in english
    assert "Respondo preguntas" in spanish and "español, inglés, francés o portugués" in spanish
    assert "/objectives —" not in english  # /start is short: the commands are /help's
    assert "How to ask" in help_ and "@migrants_test_bot activity 27" in help_ and "👎" in help_
    assert all(f"/{command} — " in help_ for command in ("start", "objectives", "activity", "language", "report"))
    assert "/stats" not in help_ and "/stats" not in english  # maintainer commands hidden from others


def test_command_examples_never_show_a_date_gone_by():
    import datetime as dt
    import re

    from bot.reporting.deadlines import example_dates
    from bot.texts import LANGUAGES
    from handlers.start import menu

    today = dt.datetime.now(dt.UTC).date()
    for lang in LANGUAGES:
        described = " ".join(c.description for c in menu(lang, maintainer=True))
        dates = [dt.date.fromisoformat(d) for d in re.findall(r"\d{4}-\d{2}-\d{2}", described)]
        assert dates and all(d > today for d in dates), described
    assert example_dates(dt.date(2026, 3, 31)) == {"year": 2026, "deadline": "2027-03-31"}
    assert example_dates(dt.date(2026, 3, 30)) == {"year": 2025, "deadline": "2026-03-31"}


@pytest.mark.parametrize(
    ("language_code", "welcome", "how", "command"),
    [
        (
            "fr",
            "Bonjour ! Je réponds aux questions",
            "Comment poser une question",
            "/objectives — Les objectifs du Programme",
        ),
        (
            "fr-CA",
            "Bonjour ! Je réponds aux questions",
            "Comment poser une question",
            "/sources — Les documents et leurs dates",
        ),
        ("pt-br", "Olá! Respondo perguntas", "Como perguntar", "/objectives — Os objetivos do Programa"),
        ("pt", "Olá! Respondo perguntas", "Como perguntar", "/myreports — Pontos focais: seus relatórios"),
    ],
)
async def test_french_and_portuguese_users_get_start_and_help_in_their_language(
    bot, language_code, welcome, how, command
):
    await bot.send(message_update("/start", user_id=30, lang=language_code))
    await bot.send(message_update("/help", user_id=30, lang=language_code))
    start, help_ = bot.texts()
    assert welcome in start and how in help_ and command in help_
    for text in (start, help_):
        assert "I answer questions" not in text and "How to ask" not in text and "Respondo preguntas" not in text


async def test_unknown_language_code_falls_back_to_english(bot):
    await bot.send(message_update("/start", user_id=31, lang="de"))
    await bot.send(message_update("/help", user_id=31, lang="de"))
    assert "I answer questions" in bot.texts()[0] and "How to ask" in bot.texts()[1]


async def test_language_menu_offers_four_languages_and_the_choice_sticks(bot):
    await bot.send(message_update("/language", user_id=32, lang="en"))
    assert bot.buttons() == ["lang:en", "lang:es", "lang:fr", "lang:pt"]
    await bot.send(callback_update("lang:pt", user_id=32, lang="en"))
    assert bot.api.sent("editMessageText")[-1]["text"] == "Idioma: português"
    await bot.send(message_update("/frobnicate", user_id=32, lang="en"))
    assert bot.last() == t("pt", "error.unknown_command")


async def test_help_for_maintainer_lists_their_commands_apart(bot):
    await bot.send(message_update("/help", user_id=ADMIN_ID))
    everyone, maintainers = bot.last().split("<b>Maintainers</b>")
    assert "/activities —" in everyone and "/stats" not in everyone
    assert "/stats —" in maintainers and "/deadline —" in maintainers and "/activities" not in maintainers


async def test_commands_are_published_at_start_up_in_every_language(settings, services):
    async with running_bot(settings, services, clear=False) as harness:
        published = harness.api.sent("setMyCommands")
    everyone = [p for p in published if "chat_id" not in str(p.get("scope"))]
    maintainer = [p for p in published if "chat_id" in str(p.get("scope"))]
    assert sorted(str(p.get("language_code")) for p in everyone) == ["None", "es", "fr", "pt"]
    assert sorted(str(p.get("language_code")) for p in maintainer) == ["None", "es", "fr", "pt"]
    assert all("stats" in str(p["commands"]) for p in maintainer)
    assert all("stats" not in str(p["commands"]) for p in everyone)
    french = next(p for p in everyone if p.get("language_code") == "fr")
    assert "Les objectifs du Programme" in str(french["commands"])


async def test_question_gets_answer_with_citations_and_buttons(bot):
    api, send, services = bot.api, bot.send, bot.services
    await send(message_update("Which resolution created the Committee on Migration Issues?"))
    reply = api.sent()[-1]
    assert reply["parse_mode"] == "HTML"
    assert "AG/RES. 2738" in reply["text"]
    assert "[1]" in reply["text"] and "Program 2016" in reply["text"]  # the short source label
    callbacks = buttons(reply)
    assert any(b.startswith("psg:") for b in callbacks) and any(b.startswith("fb:") for b in callbacks)
    rows = list(services.store.db["questions"].rows)
    assert len(rows) == 1 and rows[0]["found"] == 1 and rows[0]["user_hash"] != "1"


async def test_spanish_question_gets_spanish_framing(bot):
    api, send = bot.api, bot.send
    await send(message_update("¿Qué dice la actividad 27 del Programa?", lang="es"))
    text = api.texts()[-1]
    assert "Según los documentos" in text and "Fuentes" in text
    assert "identity documents" in text  # the quoted text stays in the document's language


async def test_passage_button_shows_the_cited_passage(bot):
    api, send = bot.api, bot.send
    await send(message_update("activity 9"))
    passage_button = next(b for b in buttons(api.sent()[-1]) if b.startswith("psg:"))
    api.clear()
    await send(callback_update(passage_button))
    assert api.sent("answerCallbackQuery")
    assert "due process" in api.texts()[-1] and "activity 9" in api.texts()[-1]


async def test_feedback_is_stored_with_the_question(bot):
    send, services = bot.send, bot.services
    await send(message_update("activity 9"))
    question_id = services.store.db["questions"].last_pk or next(iter(services.store.db["questions"].rows))["id"]
    await send(callback_update(f"fb:{question_id}:-1"))
    assert services.store.question(question_id)["feedback"] == -1
    await send(callback_update(f"fb:{question_id}:1", user_id=77))  # someone else cannot vote on it
    assert services.store.question(question_id)["feedback"] == -1


async def test_stale_passage_button(bot):
    api, send = bot.api, bot.send
    await send(callback_update("psg:424242:1"))
    answer = api.sent("answerCallbackQuery")[-1]
    assert "no longer available" in answer["text"]


async def test_activities_keyboard_and_button(bot):
    api, send = bot.api, bot.send
    await send(message_update("/activities"))
    callbacks = buttons(api.sent()[-1])
    assert "acts:IACHR" in callbacks and "acts:MEMBER_STATES" in callbacks
    await send(callback_update("acts:IIN"))
    text = api.texts()[-1]
    assert "15." in text and "16." in text and "unaccompanied" in text


async def test_activities_with_actor_argument_and_unknown_actor(bot):
    api, send = bot.api, bot.send
    await send(message_update("/activities cidh", lang="es"))
    assert "Actividades del Programa" in api.texts()[-1] and "9." in api.texts()[-1]
    await send(message_update("/activities NASA"))
    assert "do not know the actor" in api.texts()[-1]


async def test_activity_and_objectives_and_sources(bot):
    api, send = bot.api, bot.send
    await send(message_update("/activity 22"))
    assert "trafficking in persons" in api.texts()[-1]
    await send(message_update("/activity 99"))
    assert "There is no activity 99" in api.texts()[-1]
    await send(message_update("/activity"))
    assert "Usage" in api.texts()[-1]
    api.clear()
    await send(message_update("/objectives"))
    objectives = "\n".join(api.texts())  # longer than one message: split at paragraphs
    assert len(api.texts()) >= 2 and all(len(t) <= 4096 for t in api.texts())
    assert "Specific objectives" in objectives and "12. Encourage" in objectives
    await send(message_update("/sources"))
    assert "Annual Report 2009 (2009-03-01)" in api.texts()[-1]


async def test_off_topic_question_is_refused(bot):
    api, send, services = bot.api, bot.send, bot.services
    # The hashing encoder of these tests knows no meaning, so the question shares no word with the
    # corpus; refusals of real off-topic questions are tested with the real model in test_quality.py.
    await send(message_update("Quxbaz flimflam zorbled?"))
    text = api.texts()[-1]
    assert "do not cover" in text
    assert services.store.stats().unanswered


async def test_html_in_user_text_is_escaped(bot):
    api, send = bot.api, bot.send
    await send(message_update("<b>activity</b> 9 & <script>"))
    text = api.texts()[-1]
    assert "<script>" not in text


async def test_unknown_command_sticker_and_photo(bot):
    api, send = bot.api, bot.send
    await send(message_update("/frobnicate"))
    assert "do not know that command" in api.texts()[-1]
    await send(
        message_update(
            None,
            extra={
                "sticker": {
                    "file_id": "s",
                    "file_unique_id": "s",
                    "width": 1,
                    "height": 1,
                    "is_animated": False,
                    "is_video": False,
                    "type": "regular",
                }
            },
        )
    )
    assert "only read text" in api.texts()[-1]
    await send(
        message_update(None, extra={"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]})
    )
    assert "only read text" in api.texts()[-1]


async def test_very_long_message_is_answered_and_fits(bot):
    api, send = bot.api, bot.send
    await send(message_update("migrants " * 455))  # 4095 characters
    assert api.sent(), "never silence"
    assert all(len(text) <= 4096 for text in api.texts())


async def test_blank_question_gets_help(bot):
    api, send = bot.api, bot.send
    await send(message_update("   "))
    assert "type a question" in api.texts()[-1].lower()


async def test_rate_limit_per_user(bot):
    api, send = bot.api, bot.send
    for _ in range(6):  # the settings allow 5 a minute
        await send(message_update("activity 1"))
    assert "wait a minute" in api.texts()[-1]
    await send(message_update("activity 1", user_id=3))  # other users are not affected
    assert "wait a minute" not in api.texts()[-1]


async def test_handler_that_raises_gets_apology_and_bot_continues(bot, monkeypatch, settings):
    api, send, services = bot.api, bot.send, bot.services
    settings.maintainers_chat_id = 555

    def broken(*args, **kwargs):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(services.answerer, "answer", broken)
    await send(message_update("activity 1"))
    texts = api.texts()
    assert any("something went wrong" in t for t in texts)
    assert any(p["chat_id"] == 555 and "index exploded" in p["text"] for p in api.sent())
    monkeypatch.undo()
    await send(message_update("/activity 1"))
    assert "Coordinate" in api.texts()[-1]


async def test_two_users_ask_at_once(bot):
    api, send, services = bot.api, bot.send, bot.services
    await asyncio.gather(
        send(message_update("activity 9", user_id=10)), send(message_update("actividad 27", user_id=11, lang="es"))
    )
    await settle()
    chats = {p["chat_id"] for p in api.sent()}
    assert {10, 11} <= chats
    assert services.store.db["questions"].count == 2


async def test_language_choice_overrides_telegram_language(bot):
    api, send = bot.api, bot.send
    await send(callback_update("lang:es", user_id=5, lang="en"))
    await send(message_update("/start", user_id=5, lang="en"))
    assert "Respondo preguntas" in api.texts()[-1]


async def test_typing_is_shown_only_when_an_answer_is_slow(bot, monkeypatch):
    import time as clock

    api, send, services = bot.api, bot.send, bot.services
    await send(message_update("activity 3"))
    assert not api.sent("sendChatAction")
    real_answer = services.answerer.answer

    def slow_answer(question, *args, **kwargs):
        clock.sleep(0.6)
        return real_answer(question, *args, **kwargs)

    monkeypatch.setattr(services.answerer, "answer", slow_answer)
    await send(message_update("activity 4"))
    assert api.sent("sendChatAction")[0]["action"] == "typing"
    assert "Enter into cooperation" not in api.texts()[-1] and "Implementation and monitoring" in api.texts()[-1]


def test_webhook_mode_listens_on_the_url_path_with_the_secret(settings, services, monkeypatch):
    from pydantic import SecretStr

    from handlers import app as app_module

    settings.telegram_webhook_url = "https://bot.example.org/hooks/migrantsbot"
    settings.telegram_webhook_secret = SecretStr("s3cret")
    settings.telegram_webhook_port = 8444
    calls = {}
    monkeypatch.setattr("telegram.ext.Application.run_webhook", lambda self, **kwargs: calls.update(kwargs))
    monkeypatch.setattr("telegram.ext.Application.run_polling", lambda self, **kwargs: calls.update(polling=True))
    app_module.run_bot(settings)
    assert calls["url_path"] == "hooks/migrantsbot" and calls["secret_token"] == "s3cret"
    assert calls["webhook_url"] == settings.telegram_webhook_url and calls["port"] == 8444 and "polling" not in calls
    settings.telegram_webhook_url = None
    calls.clear()
    app_module.run_bot(settings)
    assert calls == {"polling": True}
