"""👍/👎 and the way to a human (Onyx's "I need more help").

```
👎 (fb:Q:-1) → "What was wrong?" [fbr:Q:REASON ×4] → "Noted" [🙋 hand:Q] + a comment prompt (reply)
🙋 (hand:Q)  → the question, the answer seen and the reason → the maintainers' chat (#handoffN)
a maintainer's reply to that message → the user, framed in their language (and back again)
```
The operations are bot/handoffs.py's; here they meet Telegram. Replies are routed by the message
they answer, looked up in the database, in a handler group that runs before the others
(`REPLIES_GROUP`): a reply we know is handled and stops there, any other message goes on to the
usual handlers (the report conversation, questions). Callback data is `prefix:value`, parsed and
validated once by its parser below before anything acts on it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from telegram import ForceReply, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, BaseHandler, MessageHandler, filters

from bot import handoffs
from bot.formatting import split_message
from bot.handoffs import REASONS, Handoff
from bot.texts import DEFAULT_LANGUAGE, LANGUAGE_NAMES, t
from handlers.callbacks import (
    ButtonHandler,
    CurateHandoffButton,
    FeedbackButton,
    FeedbackReasonButton,
    HandoffButton,
)
from handlers.common import answer_query, edit_buttons, edit_text, escape, keyboard, patiently, reply_text
from handlers.context import LANGUAGE_CHOICE, Context
from handlers.guards import within_rate

REPLIES_GROUP = -1  # before group 0, where the report conversation and questions catch any text
QUESTION_IN_FRAME = 300


async def _handoff_button(context: Context, question_id: int) -> InlineKeyboardMarkup | None:
    """🙋, when there is someone to hand the question to."""
    services = context.services
    if not await asyncio.to_thread(handoffs.destinations, services.store, services.settings):
        return None
    return keyboard([(context.t("feedback.button_handoff"), HandoffButton(question=question_id).data)])


# -- 👍 / 👎 and the reasons ---------------------------------------------------------------------


async def vote(update: Update, context: Context) -> None:
    """👍 is stored; 👎 is stored with the answer as shown, and asks why (once)."""
    query, button = update.callback_query, context.button
    question_id, value = button.question, button.value
    store, user_id = context.services.store, update.effective_user.id
    if value > 0:
        stored = await asyncio.to_thread(store.set_feedback, question_id, 1, user_id=user_id)
        await answer_query(query, context.t("ask.thanks" if stored else "ask.not_yours"))
        return
    shown = getattr(query.message, "text", None)
    before = await asyncio.to_thread(handoffs.down_vote, store, question_id, user_id, shown)
    if before is None:
        await answer_query(query, context.t("ask.not_yours"))
        return
    await answer_query(query, context.t("ask.thanks"))
    if before.get("feedback", 0) < 0:  # asked why already
        return
    buttons = [
        (context.t(f"feedback.reason.{reason}"), FeedbackReasonButton(question=question_id, reason=reason).data)
        for reason in REASONS
    ]
    await reply_text(update, context.t("feedback.why"), reply_markup=keyboard(buttons[:2], buttons[2:]))


async def reason_chosen(update: Update, context: Context) -> None:
    """A reason: noted; 🙋 offered; a prompt the user may reply to with their own words."""
    query, button = update.callback_query, context.button
    question_id, reason = button.question, button.reason
    services = context.services
    if not await asyncio.to_thread(handoffs.set_reason, services.store, question_id, update.effective_user.id, reason):
        await answer_query(query, context.t("ask.not_yours"), show_alert=True)
        return
    await answer_query(query)
    noted = context.t("feedback.noted", reason=context.t(f"feedback.reason.{reason}"))
    await edit_text(query, noted, reply_markup=await _handoff_button(context, question_id))
    prompt = await update.effective_message.reply_text(
        context.t("feedback.comment_prompt"),
        reply_markup=ForceReply(selective=True, input_field_placeholder=context.t("feedback.comment_placeholder")),
        do_quote=False,
    )
    await asyncio.to_thread(
        handoffs.await_reply, services.store, prompt.chat_id, prompt.message_id, "comment", question_id
    )


# -- 🙋 the hand-off ------------------------------------------------------------------------------


def _maintainer_lang(context: Context, chat_id: int) -> str:
    """A maintainer's own choice in /language for a private chat; the default for a group."""
    return context.application.user_data.get(chat_id, {}).get(LANGUAGE_CHOICE) or DEFAULT_LANGUAGE


def _user_lang(context: Context, handoff: Handoff) -> str:
    """The user's current /language choice, else the language they asked for help in."""
    return context.application.user_data.get(handoff.user_id, {}).get(LANGUAGE_CHOICE) or handoff.lang


def _handoff_html(lang: str, handoff: Handoff) -> str:
    if handoff.reason in REASONS:
        reason = t(lang, f"feedback.reason.{handoff.reason}")
    else:  # 🙋 straight under "not in the documents"
        reason = "—" if handoff.found else t(lang, "handoff.refused")
    return t(
        lang,
        "handoff.to_maintainers",
        id=handoff.id,
        language=LANGUAGE_NAMES.get(handoff.lang, handoff.lang),
        question=escape(handoff.question[:1000]),
        answer=escape((handoff.answer_shown or "—")[:2000]),
        reason=escape(reason),
        comment=escape(handoff.comment or "—"),
    )


async def _send(context: Context, chat_id: int, html: str) -> list[Message]:
    """An HTML text in as many messages as it takes, waiting out Telegram's flood limits."""
    return [
        await patiently(lambda piece=piece: context.bot.send_message(chat_id, piece, parse_mode=ParseMode.HTML))
        for piece in split_message(html)
    ]


async def _to_maintainers(context: Context, handoff: Handoff, html: Callable[[str], str]) -> int:
    """Send to every destination, each in its language; each message awaits a maintainer's reply."""
    services = context.services
    reached = 0
    for chat_id in await asyncio.to_thread(handoffs.destinations, services.store, services.settings):
        try:
            sent = await _send(context, chat_id, html(_maintainer_lang(context, chat_id)))
        except TelegramError:  # a maintainer who never opened a chat with the bot
            continue
        for message in sent:
            await asyncio.to_thread(
                handoffs.await_reply, services.store, message.chat_id, message.message_id, "handoff", handoff.id
            )
        reached += 1
    return reached


async def handoff_requested(update: Update, context: Context) -> None:
    """🙋: one hand-off per question, by the person who asked; it reaches the maintainers or is not kept."""
    query, question_id = update.callback_query, context.button.question
    services = context.services
    handoff, created = await asyncio.to_thread(
        handoffs.open_handoff,
        services.store,
        question_id,
        update.effective_user.id,
        update.effective_chat.id,
        context.lang,
        answer_shown=getattr(query.message, "text", None),
    )
    if handoff is None:
        await answer_query(query, context.t("ask.not_yours"), show_alert=True)
        return
    if not created:
        await answer_query(query, context.t("handoff.already", id=handoff.id), show_alert=True)
        return
    if not await _to_maintainers(context, handoff, lambda lang: _handoff_html(lang, handoff)):
        await asyncio.to_thread(handoffs.withdraw_handoff, services.store, handoff.id)
        await answer_query(query, context.t("handoff.unavailable"), show_alert=True)
        return
    await answer_query(query)
    await edit_buttons(query, None)  # the request is made: no second 🙋 to press
    await reply_text(update, context.t("handoff.sent", id=handoff.id))


# -- replies to the bot's messages ------------------------------------------------------------------


async def _comment(update: Update, context: Context, question_id: int, text: str) -> bool:
    services, user_id = context.services, update.effective_user.id
    if not await asyncio.to_thread(handoffs.set_comment, services.store, question_id, user_id, text):
        return False
    handoff = await asyncio.to_thread(handoffs.handoff_for_question, services.store, question_id)
    if handoff is None:
        markup = await _handoff_button(context, question_id)
        await reply_text(update, context.t("feedback.comment_thanks"), reply_markup=markup)
        return True
    await asyncio.to_thread(handoffs.record_message, services.store, handoff.id, "user", text)
    await _to_maintainers(context, handoff, _follow_up(handoff, text))
    await reply_text(update, context.t("feedback.comment_forwarded", id=handoff.id))
    return True


def _follow_up(handoff: Handoff, text: str) -> Callable[[str], str]:
    """What the user wrote, for the maintainers, in each one's language."""
    return lambda lang: t(lang, "handoff.follow_up", id=handoff.id, text=escape(text))


async def _secretariat_answers(update: Update, context: Context, handoff: Handoff, text: str) -> bool:
    """A maintainer's reply, framed in the user's language; the user may reply to it in turn."""
    store = context.services.store
    if handoff.chat_id is None:  # closed: the delegate's address is no longer kept
        await reply_text(update, context.t("handoff.closed", id=handoff.id))
        return True
    question = handoff.question if len(handoff.question) <= QUESTION_IN_FRAME else handoff.question[:299] + "…"
    html = t(_user_lang(context, handoff), "handoff.reply_to_user", question=escape(question), reply=escape(text))
    try:
        sent = await _send(context, handoff.chat_id, html)
    except TelegramError:
        await reply_text(update, context.t("handoff.not_delivered", id=handoff.id))
        return True
    recorded = await asyncio.to_thread(handoffs.record_message, store, handoff.id, "secretariat", text)
    for message in sent:
        await asyncio.to_thread(
            handoffs.await_reply, store, message.chat_id, message.message_id, "secretariat", handoff.id
        )
    save = keyboard([(context.t("curated.button_save"), CurateHandoffButton(message=recorded).data)])
    await reply_text(update, context.t("handoff.delivered", id=handoff.id), reply_markup=save)
    return True


async def _user_writes_back(update: Update, context: Context, handoff: Handoff, text: str) -> bool:
    if update.effective_user.id != handoff.user_id:
        return False
    store = context.services.store
    await asyncio.to_thread(handoffs.record_message, store, handoff.id, "user", text)
    reached = await _to_maintainers(context, handoff, _follow_up(handoff, text))
    await reply_text(
        update, context.t("handoff.user_message_sent" if reached else "handoff.unavailable", id=handoff.id)
    )
    return True


async def reply_received(update: Update, context: Context) -> None:
    """A reply to one of the bot's messages that awaits one; anything else goes on unhandled."""
    message = update.effective_message
    store = context.services.store
    found = await asyncio.to_thread(handoffs.awaited, store, message.chat_id, message.reply_to_message.message_id)
    if found is None:
        return
    # A delegate's reply reaches every maintainer: it counts against their rate limit like a
    # question (a maintainer answering a hand-off does not).
    if found.kind != "handoff" and not await within_rate(update, context):
        raise ApplicationHandlerStop
    if not message.text:
        await reply_text(update, context.t("handoff.text_only"))
        raise ApplicationHandlerStop
    if found.kind in {"curate", "curate_edit", "return"}:  # the Secretariat's own prompts
        from handlers import curated, review

        respond = curated.reply_received if found.kind != "return" else review.reply_received
        handled = await respond(update, context, found, message.text)
    elif found.kind == "comment":
        handled = await _comment(update, context, found.ref_id, message.text)
    else:
        handoff = await asyncio.to_thread(handoffs.handoff, store, found.ref_id)
        if handoff is None:
            return
        respond = _secretariat_answers if found.kind == "handoff" else _user_writes_back
        handled = await respond(update, context, handoff, message.text)
    if handled:
        raise ApplicationHandlerStop


def handlers() -> list[BaseHandler]:
    return [
        ButtonHandler(FeedbackButton, vote),
        ButtonHandler(FeedbackReasonButton, reason_chosen),
        ButtonHandler(HandoffButton, handoff_requested),
    ]


def reply_handlers() -> list[BaseHandler]:
    """For REPLIES_GROUP: replies (text or not) that are not commands."""
    return [MessageHandler(filters.REPLY & ~filters.COMMAND, reply_received)]
