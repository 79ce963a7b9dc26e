"""What happens when things go wrong: unknown commands, things that are not text, stale buttons, exceptions.

An exception is logged and sent to the maintainers' chat (if configured) as its traceback and a
description of the update that says what kind it was and whose (a salted hash), never what it
said: message text, captions, button values, names, usernames and ids found in the update are
cut out of the traceback too (exception messages often quote their input). python-telegram-bot's
own log lines that would print a raw update (one it could not parse, at CRITICAL) go through
the same redaction (`RedactUpdates`).

Not every error is news. An edit that changes nothing ("message is not modified": a second tap)
is no error at all. Errors of getUpdates itself (a 502, a time-out, 409 when another process
polls with the same token) come without an update and repeat while they last: they are told to
the log and the maintainers' chat once per kind per hour, as what they mean, not as tracebacks.
The user's apology says their question was kept only when the log has it.
"""

from __future__ import annotations

import html
import logging
import re
import time
import traceback

from telegram import TelegramObject, Update
from telegram.constants import ParseMode
from telegram.error import Conflict, NetworkError, RetryAfter, TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot.texts import DEFAULT_LANGUAGE, t
from handlers.common import answer_query, escape, not_modified, reply_text
from handlers.context import Context

logger = logging.getLogger(__name__)

TELL_AGAIN_SECONDS = 3600  # a kind of polling error is told once an hour while it lasts
# python-telegram-bot's loggers whose lines may carry a raw update (names, text) as an argument.
PTB_LOGGERS = ("telegram.Bot", "telegram.ext.ExtBot", "telegram.ext.Updater", "telegram.ext.Application")


async def unknown_command(update: Update, context: Context) -> None:
    await reply_text(update, context.t("error.unknown_command"))


async def not_text(update: Update, context: Context) -> None:
    await reply_text(update, context.t("error.not_text"))


async def stale_button(update: Update, context: Context) -> None:
    """A button no handler took: out of date, from another version of the bot, or forged."""
    await answer_query(update.callback_query, context.t("button.stale"), show_alert=True)


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


def _redacted(value: object) -> object:
    """A log argument with what a user wrote or is called taken out: updates and raw JSON."""
    if isinstance(value, Update):
        return f"‹update {value.update_id}: content {REDACTED}›"
    if isinstance(value, dict | list | TelegramObject):
        items = value if isinstance(value, list) else [value]
        ids = [item.get("update_id") for item in items if isinstance(item, dict) and "update_id" in item]
        return f"‹{type(value).__name__}{f' of updates {ids}' if ids else ''}: content {REDACTED}›"
    if isinstance(value, str | bytes) and value.lstrip()[:1] in ("{", "[", b"{", b"["):
        return f"‹raw data: {REDACTED}›"
    return value


class RedactUpdates(logging.Filter):
    """Cuts raw updates out of python-telegram-bot's log lines ("Error while parsing updates!
    Received data was {...}" prints the user's name and text at CRITICAL)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(_redacted(arg) for arg in args)
        return True


def redact_library_logs() -> None:
    """Install `RedactUpdates` on PTB's loggers (once; called by the Application factory)."""
    for name in PTB_LOGGERS:
        library_logger = logging.getLogger(name)
        if not any(isinstance(f, RedactUpdates) for f in library_logger.filters):
            library_logger.addFilter(RedactUpdates())


def describe(update: object, context: Context) -> str:
    """An update as a log line may name it: its kind, the chat's kind, the user's salted hash."""
    if not isinstance(update, Update):
        return type(update).__name__
    kind = next((name for name in ("message", "callback_query", "inline_query") if getattr(update, name)), "update")
    chat = update.effective_chat.type if update.effective_chat else "no chat"
    services = context.bot_data.services
    who = services.store.user_hash(update.effective_user.id) if services and update.effective_user else "nobody"
    return f"{kind} in a {chat} chat from user {who}"


def _polling_kind(error: TelegramError) -> str:
    """A polling error's kind: one report an hour per kind."""
    return type(error).__name__


async def _polling_error(context: Context, error: TelegramError) -> None:
    """An error of getUpdates (no update): once per kind per hour to the log and the maintainers' chat."""
    kind, now = _polling_kind(error), time.monotonic()
    told = context.bot_data.told
    if now - told.get(kind, -TELL_AGAIN_SECONDS) < TELL_AGAIN_SECONDS:
        logger.debug("Polling error (%s) again: %s", kind, error)
        return
    told[kind] = now
    key = "error.polling_conflict" if isinstance(error, Conflict) else "error.polling"
    logger.warning("Telegram's getUpdates failed (%s): %s; told once an hour while it lasts", kind, error)
    services = context.bot_data.services
    chat_id = services.settings.maintainers_chat_id if services else None
    if chat_id:
        text = t(DEFAULT_LANGUAGE, key, kind=escape(kind), error=escape(str(error)))
        try:
            await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML)
        except TelegramError:
            logger.warning("Could not tell the maintainers' chat about a polling error")


async def _apologise(update: Update, context: Context) -> None:
    """Sorry, in the user's language; "your question was kept" only when the log has it."""
    key = "error.sorry_kept" if update.update_id in context.bot_data.logged else "error.sorry"
    try:
        if update.callback_query:
            await answer_query(update.callback_query, context.t(key), show_alert=True)
        elif update.effective_message:
            await reply_text(update, context.t(key))  # patient with flood limits, as every reply
    except Exception:  # the apology itself failed (network?): logged, nothing more to do
        logger.exception("Could not send the apology")


async def error_handler(update: object, context: Context) -> None:
    """Log the traceback, tell maintainers if configured, and apologise to the user."""
    error = context.error
    if isinstance(error, TelegramError) and not_modified(error):  # a tap that changes nothing: nothing wrong
        logger.debug("An edit changed nothing: %s", error)
        return
    if update is None and context.job is None and isinstance(error, NetworkError | Conflict | RetryAfter):
        await _polling_error(context, error)
        return
    trace = scrubbed_traceback(error, update)
    summary = describe(update, context)
    logger.error("Exception while handling a %s:\n%s", summary, trace)
    services = context.bot_data.services
    if isinstance(update, Update):
        await _apologise(update, context)
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
