"""What happens when things go wrong: unknown commands, things that are not text, stale buttons, exceptions.

An exception is logged and sent to the maintainers' chat (if configured) as its traceback and a
description of the update that says what kind it was and whose (a salted hash), never what it
said: message text, captions, button values, names, usernames and ids found in the update are
cut out of the traceback too (exception messages often quote their input).
"""

from __future__ import annotations

import html
import logging
import re
import traceback

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from handlers.common import reply_text
from handlers.context import Context

logger = logging.getLogger(__name__)


async def unknown_command(update: Update, context: Context) -> None:
    await reply_text(update, context.t("error.unknown_command"))


async def not_text(update: Update, context: Context) -> None:
    await reply_text(update, context.t("error.not_text"))


async def stale_button(update: Update, context: Context) -> None:
    """A button no handler took: out of date, from another version of the bot, or forged."""
    await update.callback_query.answer(context.t("button.stale"), show_alert=True)


REDACTED = "‹redacted›"
_INPUT_VALUE = re.compile(r"input_value=.*?(?=, input_type=|\]$|$)", re.MULTILINE)


def _personal_values(update: object) -> list[str]:
    """What an update says and who sent it: to be kept out of logs and the maintainers' chat."""
    if not isinstance(update, Update):
        return []
    values: list[object] = []
    message = update.effective_message
    if message is not None:
        values += [message.text, message.caption]
    if update.callback_query is not None:
        values.append(update.callback_query.data)
    for person in (update.effective_user, message.from_user if message else None):
        if person is not None:
            values += [person.full_name, person.first_name, person.last_name, person.username, person.id]
    chat = update.effective_chat
    if chat is not None:
        values += [chat.id, chat.title, chat.username]
    texts = {str(value) for value in values if value is not None and len(str(value)) >= 3}
    return sorted(texts, key=len, reverse=True)  # longest first: a name inside a text goes with the text


def scrubbed_traceback(error: BaseException | None, update: object) -> str:
    trace = "".join(traceback.format_exception(None, error, error.__traceback__ if error else None))
    trace = _INPUT_VALUE.sub(f"input_value={REDACTED}", trace)  # pydantic quotes what it was given
    for value in _personal_values(update):
        trace = trace.replace(value, REDACTED)
    return trace


def describe(update: object, context: Context) -> str:
    """An update as a log line may name it: its kind, the chat's kind, the user's salted hash."""
    if not isinstance(update, Update):
        return type(update).__name__
    kind = next((name for name in ("message", "callback_query", "inline_query") if getattr(update, name)), "update")
    chat = update.effective_chat.type if update.effective_chat else "no chat"
    services = context.bot_data.services
    who = services.store.user_hash(update.effective_user.id) if services and update.effective_user else "nobody"
    return f"{kind} in a {chat} chat from user {who}"


async def error_handler(update: object, context: Context) -> None:
    """Log the traceback, tell maintainers if configured, and apologise to the user."""
    trace = scrubbed_traceback(context.error, update)
    summary = describe(update, context)
    logger.error("Exception while handling a %s:\n%s", summary, trace)
    services = context.bot_data.services
    if isinstance(update, Update):
        try:
            if update.callback_query:
                await update.callback_query.answer(context.t("error.sorry"), show_alert=True)
            elif update.effective_message:
                await reply_text(update, context.t("error.sorry"))
        except Exception:  # the apology itself failed (network?): logged, nothing more to do
            logger.exception("Could not send the apology")
    chat_id = services.settings.maintainers_chat_id if services else None
    if chat_id:
        text = f"<b>Exception</b> while handling a {html.escape(summary)}\n<pre>{html.escape(trace[-3500:])}</pre>"
        try:
            await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML)
        except Exception:
            logger.exception("Could not report the error to the maintainers' chat")


def handlers() -> list[BaseHandler]:
    """Catch-alls: registered after every feature's handlers."""
    private = filters.ChatType.PRIVATE  # in a group, what is not for the bot gets no answer
    return [
        MessageHandler(filters.COMMAND & private, unknown_command),
        MessageHandler(~filters.TEXT & ~filters.StatusUpdate.ALL & private, not_text),
        CallbackQueryHandler(stale_button),
    ]
