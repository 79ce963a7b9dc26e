"""Replies: HTML split to Telegram's length limit, plain text escaped, buttons from pairs; and the
rules every call to Telegram follows.

- What the user asked for (an answer, a confirmation) is sent patiently: a flood limit (429)
  that outlasts the rate limiter's retries is waited out, up to `PATIENCE_SECONDS`
  (`patiently`).
- Cosmetic calls ("typing…", the answer to a button press that stops its spinner) never cost
  the work they decorate: when Telegram refuses one, it is logged and the handler goes on
  (`cosmetic`, `answer_query`).
- An edit that changes nothing (a second tap on ▶, the page counter, the same language) is what
  the user sees already: Telegram's "message is not modified" is not an error (`edit_text`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import logging
import warnings
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, RetryAfter, TelegramError
from telegram.ext import Application
from telegram.warnings import PTBDeprecationWarning

from bot.formatting import split_message

logger = logging.getLogger(__name__)

PATIENCE_SECONDS = 300  # how long a reply waits out Telegram's flood limits before it is given up
T = TypeVar("T")


def escape(text: object) -> str:
    """Text for a Telegram HTML text node: `<`, `>` and `&` escaped (quotes need not be)."""
    return html.escape(str(text), quote=False)


def retry_after_seconds(error: RetryAfter) -> float:
    """How long Telegram asked us to wait (PTB gives an int or a timedelta, depending on its settings)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


async def patiently(send: Callable[[], Awaitable[T]], *, patience: float = PATIENCE_SECONDS) -> T:
    """`send()`, again after each 429 Telegram answers, for as long as `patience` allows.

    The rate limiter retries a 429 twice; a longer flood limit (a burst after downtime) would
    then drop the reply. This waits without holding a thread, and only this user's later
    updates wait with it (handlers/ordering.py)."""
    waited = 0.0
    while True:
        try:
            return await send()
        except RetryAfter as error:
            delay = retry_after_seconds(error) + 0.1
            if waited + delay > patience:
                raise
            logger.warning("Telegram asks us to wait %.0f s before sending; waiting", delay)
            await asyncio.sleep(delay)
            waited += delay


async def cosmetic(call: Awaitable[object], what: str) -> bool:
    """A call whose failure must not cost the work it decorates; False when Telegram refused it."""
    try:
        await call
    except TelegramError as error:
        logger.info("%s failed; going on without it: %s", what, error)
        return False
    return True


async def answer_query(query: CallbackQuery, text: str | None = None, *, show_alert: bool = False) -> None:
    """Answer a button press (stops its spinner, shows `text`); cosmetic: "query is too old" after a
    restart, a 5xx or a flood limit never stops what the press asked for."""
    await cosmetic(query.answer(text, show_alert=show_alert), "answerCallbackQuery")


def not_modified(error: TelegramError) -> bool:
    """Telegram's answer to an edit that would change nothing."""
    return isinstance(error, BadRequest) and "message is not modified" in error.message.lower()


async def edit_text(query: CallbackQuery, text: str, **kwargs) -> None:
    """Show `text` in place of the button's message; unchanged (a second tap) is fine."""
    try:
        await query.edit_message_text(text, **kwargs)
    except BadRequest as error:
        if not not_modified(error):
            raise


async def edit_buttons(query: CallbackQuery, markup: InlineKeyboardMarkup | None) -> None:
    """New buttons (or none) under the button's message; unchanged is fine."""
    try:
        await query.edit_message_reply_markup(markup)
    except BadRequest as error:
        if not not_modified(error):
            raise


async def reply_html(update: Update, html: str, *, quote: bool = False, **kwargs) -> None:
    """Send a possibly long HTML text as several messages; buttons go on the last one.

    `quote`: the first message is threaded to the user's (an answer to the question it answers).
    """
    message = update.effective_message
    if message is None:
        return
    pieces = split_message(html)
    markup = kwargs.pop("reply_markup", None)
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        await patiently(
            lambda piece=piece, last=last, index=index: message.reply_text(
                piece,
                parse_mode=ParseMode.HTML,
                reply_markup=markup if last else None,
                do_quote=quote and index == 0 and update.callback_query is None,
                **kwargs,
            )
        )


async def reply_text(update: Update, text: str, **kwargs) -> None:
    """Plain text (a table's text without markup, or document text) sent safely as HTML."""
    await reply_html(update, escape(text), **kwargs)


def keyboard(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """Inline buttons from rows of (label, callback data)."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


async def stored_user_data(application: Application, user_id: int) -> dict:
    """A user's data as handlers see it, though they sent nothing (it is loaded on a user's first update)."""
    if application.user_data.get(user_id):
        return application.user_data[user_id]
    stored = getattr(application.persistence, "stored_user_data", None)
    return await stored(user_id) if stored else {}
