"""Any text message is a question: the answer with its sources, passage, page and feedback buttons.

The reply is threaded to the question it answers. A long answer is one message with ◀ ▶ that
turn its pages in place (the answer is kept per chat for that; after a restart the question is
answered again from the log). The chat's last answered question is kept for a few minutes
(`TurnContext`), so "and the IOM?" or "tell me more" is read against it. Only "not in the
documents" and "mentions X but does not say Y" are logged as unanswered; greetings, thanks and
referrals are conversation (bot/database.py `_stats`).
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatAction, ParseMode
from telegram.ext import BaseHandler, MessageHandler, filters

from bot import handoffs
from bot.answering.answer import Answer
from bot.formatting import answer_html, page_count, passage_view
from bot.reporting import invitations
from bot.texts import t
from handlers.callbacks import ButtonHandler, FeedbackButton, HandoffButton, PageButton, PassageButton
from handlers.chats import ADDRESSED, without_mention
from handlers.common import keyboard, reply_html, reply_text
from handlers.context import Context
from handlers.guards import registered_when_closed

RATE_WINDOW_SECONDS = 60
TYPING_AFTER_SECONDS = 0.4
TURN = "turn"  # chat_data: the previous turn, for follow-ups
ANSWERS = "answers"  # chat_data: the latest answers by question id, for their page buttons
KEPT_ANSWERS = 20


def _over_limit(context: Context, limit: int) -> bool:
    """Per-user sliding window of question times, kept in user_data (so no global state)."""
    now = time.monotonic()
    recent = [t for t in context.user_data.get("asked_at", []) if now - t < RATE_WINDOW_SECONDS]
    if len(recent) >= limit:
        context.user_data["asked_at"] = recent
        return True
    context.user_data["asked_at"] = [*recent, now]
    return False


def answer_keyboard(
    answer: Answer, question_id: int, *, handoff: bool = False, page: int = 0
) -> InlineKeyboardMarkup | None:
    """◀ ▶ for a long answer, 📄 per passage the page cites, and 👍/👎; under "not in the
    documents", 🙋 (when there is a Secretariat to hand the question to: `handoff`)."""
    if not answer.found:
        if handoff and answer.unanswered:
            return keyboard([(t(answer.lang, "feedback.button_handoff"), HandoffButton(question=question_id).data)])
        return None
    rows = []
    pages = page_count(answer)
    if pages > 1:
        turn = []
        if page > 0:
            turn.append(("◀", PageButton(question=question_id, page=page - 1).data))
        turn.append((f"{page + 1}/{pages}", PageButton(question=question_id, page=page).data))
        if page < pages - 1:
            turn.append(("▶", PageButton(question=question_id, page=page + 1).data))
        rows.append(turn)
    cited = answer.page(page).citations if pages > 1 else [c.n for c in answer.citations]
    rows.append([(f"📄 [{n}]", PassageButton(question=question_id, n=n).data) for n in cited[:5]])
    rows.append(
        [
            ("👍", FeedbackButton(question=question_id, value=1).data),
            ("👎", FeedbackButton(question=question_id, value=-1).data),
        ]
    )
    return keyboard(*rows)


def _keep(context: Context, question_id: int, answer: Answer) -> None:
    """The chat's latest answers, for their page buttons; the previous turn, for follow-ups."""
    kept = context.chat_data.setdefault(ANSWERS, OrderedDict())
    kept[question_id] = answer
    while len(kept) > KEPT_ANSWERS:
        kept.popitem(last=False)
    if answer.context is not None:
        context.chat_data[TURN] = answer.context


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
    previous = context.chat_data.get(TURN) if context.chat_data is not None else None
    work = asyncio.ensure_future(asyncio.to_thread(services.answerer.answer, question, context.lang, context=previous))
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
    if context.chat_data is not None:
        _keep(context, question_id, answer)
    handoff = answer.unanswered and bool(
        await asyncio.to_thread(handoffs.destinations, services.store, services.settings)
    )
    paged = page_count(answer) > 1
    await reply_html(
        update,
        answer_html(answer, 0 if paged else None),
        reply_markup=answer_keyboard(answer, question_id, handoff=handoff),
        quote=True,
    )


async def turn_page(update: Update, context: Context) -> None:
    """◀ ▶: the page asked for, in place of the one shown."""
    query, button = update.callback_query, context.button
    answer = (context.chat_data or {}).get(ANSWERS, {}).get(button.question)
    if answer is None:  # kept in memory only: after a restart, answered again from the log
        row = await asyncio.to_thread(context.services.store.question, button.question)
        if row is None or row["user_hash"] != context.services.store.user_hash(update.effective_user.id):
            await query.answer(context.t("ask.stale"), show_alert=True)
            return
        answer = await asyncio.to_thread(context.services.answerer.answer, row["question"], context.lang)
    if not answer.found or button.page >= page_count(answer):
        await query.answer(context.t("ask.stale"), show_alert=True)
        return
    await query.answer()
    await query.edit_message_text(
        answer_html(answer, button.page),
        parse_mode=ParseMode.HTML,
        reply_markup=answer_keyboard(answer, button.question, page=button.page),
    )


async def show_passage(update: Update, context: Context) -> None:
    query, button = update.callback_query, context.button
    services = context.services
    chunk_id = await asyncio.to_thread(services.store.cited_chunk, button.question, button.n)
    chunk = services.searcher.chunk_by_id(chunk_id) if chunk_id else None
    if chunk is None:
        await query.answer(context.t("ask.stale"), show_alert=True)
        return
    await query.answer()
    await reply_html(update, passage_view(button.n, chunk, context.lang))


def handlers() -> list[BaseHandler]:
    return [
        MessageHandler(filters.TEXT & ~filters.COMMAND & ADDRESSED, ask),
        ButtonHandler(PassageButton, show_passage),  # 👍/👎 and 🙋 are handlers/feedback.py's
        ButtonHandler(PageButton, turn_page),
    ]
