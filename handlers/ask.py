"""Any text message is a question: the answer with its sources, passage, page and feedback buttons.

The reply is threaded to the question it answers. A long answer is one message with ◀ ▶ that
turn its pages in place (the answer is kept per chat for that; after a restart the question is
answered again from the log). The chat's last answered question is kept for a few minutes
(`TurnContext`), so "and the IOM?" or "tell me more" is read against it. Only "not in the
documents" and "mentions X but does not say Y" are logged as unanswered; greetings, thanks and
referrals are conversation (bot/database.py `_stats`).

An answer computed is an answer sent: "typing…" is cosmetic (Telegram refusing it changes
nothing), and a question the database cannot log (a full disk, a lock held too long) is still
answered, whole and without the buttons that need its log entry. The apology of the error
handler says the question was kept only when it was (`BotData.remember_logged`).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections import OrderedDict

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatAction, ParseMode
from telegram.ext import BaseHandler, MessageHandler, filters

from bot import curated, handoffs
from bot.answering.answer import Answer
from bot.formatting import answer_html, page_count, passage_view
from bot.reporting import invitations
from bot.text_input import printable
from bot.texts import t
from handlers.callbacks import ButtonHandler, FeedbackButton, HandoffButton, PageButton, PassageButton
from handlers.chats import ADDRESSED, without_mention
from handlers.common import answer_query, cosmetic, edit_text, keyboard, reply_html, reply_text
from handlers.context import Context
from handlers.guards import rate_limited, registered_when_closed

logger = logging.getLogger(__name__)

TYPING_AFTER_SECONDS = 0.4
TURN = "turn"  # chat_data: the previous turn, for follow-ups
ANSWERS = "answers"  # chat_data: the latest answers by question id, for their page buttons
KEPT_ANSWERS = 20


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


async def _log(
    update: Update,
    context: Context,
    question: str,
    answer: Answer,
    latency_ms: float,
    match: curated.CuratedMatch | None = None,
) -> int | None:
    """The question in the log (with the curated answer shown, if any); None when the database
    cannot take it now (the answer goes out anyway)."""
    try:
        question_id = await asyncio.to_thread(
            context.services.store.log_answer,
            user_id=update.effective_user.id,
            question=question,
            answer=answer,
            latency_ms=latency_ms,
            curated_id=match.curated.id if match else None,
        )
    except sqlite3.Error as error:  # a full disk, a lock held too long: answer without logging
        logger.error("Could not log a question (%s); answering it without its buttons", error)
        return None
    context.bot_data.remember_logged(update.update_id, question_id)
    return question_id


async def _handoff_possible(context: Context) -> bool:
    services = context.services
    try:
        return bool(await asyncio.to_thread(handoffs.destinations, services.store, services.settings))
    except sqlite3.Error:
        return False


@registered_when_closed
@rate_limited
async def ask(update: Update, context: Context) -> None:
    services = context.services
    message = update.effective_message
    question = printable(without_mention(message))  # nothing invisible is searched, logged or counted
    if invitations.looks_like_code(question):  # a secret: neither searched nor logged
        await reply_text(update, context.t("register.code_without_command"))
        return
    started = time.perf_counter()
    previous = context.chat_data.get(TURN) if context.chat_data is not None else None
    work = asyncio.ensure_future(asyncio.to_thread(services.answerer.answer, question, context.lang, context=previous))
    done, _ = await asyncio.wait({work}, timeout=TYPING_AFTER_SECONDS)
    if not done:  # only a slow answer needs "typing…"; every API call counts against Telegram's limits
        await cosmetic(message.chat.send_action(ChatAction.TYPING), "typing…")
    answer = await work
    match = await asyncio.to_thread(curated.find, services.curated, answer)
    latency_ms = (time.perf_counter() - started) * 1000
    question_id = await _log(update, context, question, answer, latency_ms, match)
    if question_id is None:  # no log entry for its buttons to name: the whole answer, in as many messages
        await reply_html(update, curated.reply_html(match, answer), quote=True)
        return
    if context.chat_data is not None:
        _keep(context, question_id, answer)
    handoff = answer.unanswered and await _handoff_possible(context)
    paged = page_count(answer) > 1
    await reply_html(
        update,
        curated.reply_html(match, answer, 0 if paged else None),
        reply_markup=answer_keyboard(answer, question_id, handoff=handoff),
        quote=True,
    )


@registered_when_closed
async def turn_page(update: Update, context: Context) -> None:
    """◀ ▶: the page asked for, in place of the one shown."""
    query, button = update.callback_query, context.button
    answer = (context.chat_data or {}).get(ANSWERS, {}).get(button.question)
    if answer is None:  # kept in memory only: after a restart, answered again from the log
        row = await asyncio.to_thread(context.services.store.question, button.question)
        if row is None or row["user_hash"] != context.services.store.user_hash(update.effective_user.id):
            await answer_query(query, context.t("ask.stale"), show_alert=True)
            return
        answer = await asyncio.to_thread(context.services.answerer.answer, row["question"], context.lang)
    if not answer.found or button.page >= page_count(answer):
        await answer_query(query, context.t("ask.stale"), show_alert=True)
        return
    await answer_query(query)
    await edit_text(
        query,
        answer_html(answer, button.page),
        parse_mode=ParseMode.HTML,
        reply_markup=answer_keyboard(answer, button.question, page=button.page),
    )


@registered_when_closed
async def show_passage(update: Update, context: Context) -> None:
    """📄: a cited passage in full. In closed mode only for those who may ask: a forged button must
    not open the collection (focal points' reports included) to strangers."""
    query, button = update.callback_query, context.button
    services = context.services
    chunk_id = await asyncio.to_thread(services.store.cited_chunk, button.question, button.n)
    chunk = services.searcher.chunk_by_id(chunk_id) if chunk_id else None
    if chunk is None:
        await answer_query(query, context.t("ask.stale"), show_alert=True)
        return
    await answer_query(query)
    await reply_html(update, passage_view(button.n, chunk, context.lang))


def handlers() -> list[BaseHandler]:
    return [
        MessageHandler(filters.TEXT & ~filters.COMMAND & ADDRESSED, ask),
        ButtonHandler(PassageButton, show_passage),  # 👍/👎 and 🙋 are handlers/feedback.py's
        ButtonHandler(PageButton, turn_page),
    ]
