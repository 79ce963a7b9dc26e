"""Replies: HTML split to Telegram's length limit, plain text escaped, buttons from pairs."""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode

from bot.formatting import split_message


def escape(text: object) -> str:
    """Text for a Telegram HTML text node: `<`, `>` and `&` escaped (quotes need not be)."""
    return html.escape(str(text), quote=False)


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
        await message.reply_text(
            piece,
            parse_mode=ParseMode.HTML,
            reply_markup=markup if last else None,
            do_quote=quote and index == 0 and update.callback_query is None,
            **kwargs,
        )


async def reply_text(update: Update, text: str, **kwargs) -> None:
    """Plain text (a table's text without markup, or document text) sent safely as HTML."""
    await reply_html(update, escape(text), **kwargs)


def keyboard(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """Inline buttons from rows of (label, callback data)."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )
