"""Any text message is a question: the answer with its sources, passage and feedback buttons."""

from __future__ import annotations

import asyncio
import time

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.ext import BaseHandler, MessageHandler, filters

from bot import handoffs
from bot.answering.answer import Answer
from bot.formatting import answer_html
from bot.reporting import invitations
from bot.texts import t
from handlers.callbacks import ButtonHandler, FeedbackButton, HandoffButton, PassageButton
from handlers.chats import ADDRESSED, without_mention
from handlers.common import escape, keyboard, reply_html, reply_text
from handlers.context import Context
from handlers.guards import registered_when_closed

RATE_WINDOW_SECONDS = 60
TYPING_AFTER_SECONDS = 0.4


def _over_limit(context: Context, limit: int) -> bool:
    """Per-user sliding window of question times, kept in user_data (so no global state)."""
    now = time.monotonic()
    recent = [t for t in context.user_data.get("asked_at", []) if now - t < RATE_WINDOW_SECONDS]
    if len(recent) >= limit:
        context.user_data["asked_at"] = recent
        return True
    context.user_data["asked_at"] = [*recent, now]
    return False


def answer_keyboard(answer: Answer, question_id: int, *, handoff: bool = False) -> InlineKeyboardMarkup | None:
    """📄 per cited passage and 👍/👎 under an answer; under "not in the documents", 🙋 (when
    there is a Secretariat to hand the question to: `handoff`)."""
    if not answer.found:
        if handoff and answer.kind == "not_found":
            return keyboard([(t(answer.lang, "feedback.button_handoff"), HandoffButton(question=question_id).data)])
        return None
    passages = [(f"📄 [{c.n}]", PassageButton(question=question_id, n=c.n).data) for c in answer.citations[:5]]
    votes = [
        ("👍", FeedbackButton(question=question_id, value=1).data),
        ("👎", FeedbackButton(question=question_id, value=-1).data),
    ]
    return keyboard(passages, votes)


@registered_when_closed
async def ask(update: Update, context: Context) -> None:
    services = context.services
    message = update.effective_message
    if _over_limit(context, services.settings.questions_per_minute):
        await reply_text(update, context.t("ask.slow_down"))
        return
    question = without_mention(message)
    if invitations.looks_like_code(question):  # a secret: neither searched nor logged
        await reply_text(update, context.t("register.code_without_command"))
        return
    started = time.perf_counter()
    work = asyncio.ensure_future(asyncio.to_thread(services.answerer.answer, question, context.lang))
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
    handoff = not answer.found and bool(
        await asyncio.to_thread(handoffs.destinations, services.store, services.settings)
    )
    await reply_html(update, answer_html(answer), reply_markup=answer_keyboard(answer, question_id, handoff=handoff))


async def show_passage(update: Update, context: Context) -> None:
    query, button = update.callback_query, context.button
    services = context.services
    chunk_id = await asyncio.to_thread(services.store.cited_chunk, button.question, button.n)
    chunk = services.searcher.chunk_by_id(chunk_id) if chunk_id else None
    if chunk is None:
        await query.answer(context.t("ask.stale"), show_alert=True)
        return
    await query.answer()
    date = f" ({chunk.date})" if chunk.date else ""
    await reply_html(update, f"<b>[{button.n}] {escape(chunk.section_path + date)}</b>\n\n{escape(chunk.text)}")


def handlers() -> list[BaseHandler]:
    return [
        MessageHandler(filters.TEXT & ~filters.COMMAND & ADDRESSED, ask),
        ButtonHandler(PassageButton, show_passage),  # 👍/👎 and 🙋 are handlers/feedback.py's
    ]
