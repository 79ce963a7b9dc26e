"""Any text message is a question: the answer with its sources, passage and feedback buttons."""

from __future__ import annotations

import asyncio
import time
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot.answering.answer import Answer
from bot.formatting import answer_html
from handlers.common import Context, is_maintainer, reply_html, services_of, user_lang

RATE_WINDOW_SECONDS = 60
TYPING_AFTER_SECONDS = 0.4

MESSAGES = {
    "en": {
        "slow_down": "You are asking faster than I can keep up with: please wait a minute and ask again.",
        "stale": "That answer is no longer available (the documents were updated). Please ask again.",
        "thanks": "Thank you for the feedback!",
        "not_yours": "Only the person who asked can rate this answer.",
        "passage": "Passage",
        "closed": "This assistant is open to registered focal points and maintainers only. "
        "If you have an invitation code, send /register CODE.",
    },
    "es": {
        "slow_down": "Está preguntando más rápido de lo que puedo responder: espere un minuto y vuelva a preguntar.",
        "stale": "Esa respuesta ya no está disponible (los documentos cambiaron). Vuelva a preguntar.",
        "thanks": "¡Gracias por su opinión!",
        "not_yours": "Solo quien hizo la pregunta puede valorar esta respuesta.",
        "passage": "Pasaje",
        "closed": "Este asistente está abierto solo a puntos focales registrados y responsables. "
        "Si tiene un código de invitación, envíe /register CÓDIGO.",
    },
}


def _over_limit(context: Context, limit: int) -> bool:
    """Per-user sliding window of question times, kept in user_data (so no global state)."""
    now = time.monotonic()
    recent = [t for t in context.user_data.get("asked_at", []) if now - t < RATE_WINDOW_SECONDS]
    if len(recent) >= limit:
        context.user_data["asked_at"] = recent
        return True
    context.user_data["asked_at"] = [*recent, now]
    return False


def _registered(update: Update, context: Context) -> bool:
    from bot.reporting.focal import focal_point

    store = services_of(context).store
    return is_maintainer(update, context) or focal_point(store, update.effective_user.id) is not None


def answer_keyboard(answer: Answer, question_id: int) -> InlineKeyboardMarkup | None:
    if not answer.found:
        return None
    passages = [
        InlineKeyboardButton(f"📄 [{c.n}]", callback_data=f"psg:{question_id}:{c.n}") for c in answer.citations[:5]
    ]
    feedback = [
        InlineKeyboardButton("👍", callback_data=f"fb:{question_id}:1"),
        InlineKeyboardButton("👎", callback_data=f"fb:{question_id}:-1"),
    ]
    return InlineKeyboardMarkup([passages, feedback])


async def ask(update: Update, context: Context) -> None:
    services = services_of(context)
    message = update.effective_message
    lang = user_lang(update, context)
    if services.settings.closed and not _registered(update, context):
        await reply_html(update, escape(MESSAGES[lang]["closed"]))
        return
    if _over_limit(context, services.settings.questions_per_minute):
        await reply_html(update, escape(MESSAGES[lang]["slow_down"]))
        return
    question = message.text or ""
    started = time.perf_counter()
    work = asyncio.ensure_future(asyncio.to_thread(services.answerer.answer, question))
    done, _ = await asyncio.wait({work}, timeout=TYPING_AFTER_SECONDS)
    if not done:  # only a slow answer needs "typing…"; every API call counts against Telegram's limits
        await message.chat.send_action(ChatAction.TYPING)
    answer = await work
    latency_ms = (time.perf_counter() - started) * 1000
    question_id = await asyncio.to_thread(
        services.store.log_question,
        user_id=update.effective_user.id,
        question=question,
        lang=answer.lang,
        found=answer.found,
        kind=answer.kind,
        latency_ms=latency_ms,
        top_source=answer.citations[0].section if answer.citations else "",
        citations=[c.chunk_id for c in answer.citations],
    )
    await reply_html(update, answer_html(answer), reply_markup=answer_keyboard(answer, question_id))


def _parse(data: str | None) -> tuple[int, int] | None:
    try:
        _, question_id, value = (data or "").split(":")
        return int(question_id), int(value)
    except ValueError:
        return None


async def show_passage(update: Update, context: Context) -> None:
    query = update.callback_query
    services = services_of(context)
    lang = user_lang(update, context)
    parsed = _parse(query.data)
    chunk_id = services.store.cited_chunk(*parsed) if parsed else None
    chunk = services.searcher.chunk_by_id(chunk_id) if chunk_id else None
    if chunk is None:
        await query.answer(MESSAGES[lang]["stale"], show_alert=True)
        return
    await query.answer()
    date = f" ({chunk.date})" if chunk.date else ""
    html = f"<b>[{parsed[1]}] {escape(chunk.section_path)}{escape(date)}</b>\n\n{escape(chunk.text)}"
    await reply_html(update, html)


async def feedback(update: Update, context: Context) -> None:
    query = update.callback_query
    lang = user_lang(update, context)
    parsed = _parse(query.data)
    if parsed is None:
        await query.answer(MESSAGES[lang]["stale"], show_alert=True)
        return
    stored = await asyncio.to_thread(
        services_of(context).store.set_feedback, parsed[0], parsed[1], user_id=update.effective_user.id
    )
    await query.answer(MESSAGES[lang]["thanks"] if stored else MESSAGES[lang]["not_yours"])


def handlers() -> list[BaseHandler]:
    return [
        MessageHandler(filters.TEXT & ~filters.COMMAND, ask),
        CallbackQueryHandler(show_passage, pattern=r"^psg:"),
        CallbackQueryHandler(feedback, pattern=r"^fb:"),
    ]
