"""Every user in their own language: French and Portuguese users through the real Application,
answers and refusals in the question's language, and the console chat's /language."""

from __future__ import annotations

from bot.chat import chat_loop
from bot.texts import t
from index.corpus import load_manifest
from index.language.identify import detect_language
from tests.conftest import CORPUS
from tests.fakebot import callback_update, message_update

OFF_TOPIC = "Quxbaz flimflam zorbled?"  # shares no word with the corpus, and tells no language


def _identifies(text: str, lang: str, fallback: str = "en") -> bool:
    return detect_language(text, fallback) == lang


async def test_a_french_user_gets_french_start_commands_and_refusals(bot):
    await bot.send(message_update("/start", user_id=40, lang="fr"))
    assert "Bonjour ! Je réponds aux questions" in bot.last() and "en portugais" in bot.last()
    await bot.send(message_update("/report", user_id=40, lang="fr"))
    assert bot.last() == t("fr", "guard.focal_points_only")
    await bot.send(message_update("/stats", user_id=40, lang="fr"))
    assert bot.last() == t("fr", "guard.maintainers_only")
    await bot.send(message_update(OFF_TOPIC, user_id=40, lang="fr"))
    assert "Les documents ne traitent pas de cette question." in bot.last()
    await bot.send(message_update("/frobnicate", user_id=40, lang="fr"))
    assert bot.last() == t("fr", "error.unknown_command")
    await bot.send(callback_update("fb:424242:-1", user_id=40, lang="fr"))
    assert bot.alert() == t("fr", "ask.not_yours")


async def test_a_portuguese_user_gets_a_portuguese_frame_for_a_short_question(bot):
    await bot.send(message_update("atividade 27", user_id=41, lang="pt"))  # too short to tell: the user's language
    reply = bot.last()
    assert "Segundo os documentos" in reply or "Os documentos não tratam deste assunto" in reply
    assert "Según" not in reply and "According" not in reply


async def test_a_portuguese_question_gets_a_portuguese_frame_whoever_asks(bot):
    assert _identifies("O que o Programa pede à Comissão Interamericana de Direitos Humanos?", "pt")
    await bot.send(message_update("O que o Programa pede à Comissão Interamericana de Direitos Humanos?", lang="en"))
    reply = bot.last()
    assert "(texto original em inglês)" in reply and "Fontes" in reply and "atividade 9" in reply
    assert "Sources" not in reply and "According" not in reply


async def test_a_spanish_user_is_greeted_and_refused_in_spanish(bot):
    await bot.send(message_update("hola", user_id=42, lang="es"))
    assert t("es", "greeting") in bot.last()
    await bot.send(message_update("¿Qué opinan los pingüinos sobre el jazz?", user_id=42, lang="es"))
    assert "Los documentos no tratan este tema." in bot.last()


async def test_other_replies_follow_the_language_choice_not_the_question(bot):
    await bot.send(callback_update("lang:pt", user_id=43, lang="en"))
    await bot.send(message_update("/activity 99", user_id=43, lang="en"))
    assert bot.last() == t("pt", "browse.no_activity", n=99, last=42)


def test_console_chat_takes_language_and_keeps_it_for_the_session(services):
    out: list[str] = []
    lines = ["/language fr", "/activity 99", OFF_TOPIC, "/language", "/language Português", "/help", "/language xx"]
    lines += ["/report", "/start"]
    chat_loop(services.answerer, load_manifest(CORPUS), iter(lines), out.append)
    replies = [line for line in out if line]
    assert replies[1] == t("fr", "console.language")
    assert replies[2] == t("fr", "browse.no_activity", n=99, last=42)
    assert replies[3].startswith("Les documents ne traitent pas de cette question.")
    assert replies[4] == t("fr", "console.language")
    assert replies[5] == t("pt", "console.language")
    assert replies[6] == t("pt", "console.help") and "/language" in replies[6]
    assert "pt (Português)" in replies[7]  # an unknown language: the choices, and nothing changes
    assert replies[8] == t("pt", "console.telegram_only", command="/report")
    assert replies[9].startswith(t("pt", "console.banner"))
