"""What happens when things go wrong: unknown commands, things that are not text, exceptions."""

from __future__ import annotations

import html
import json
import logging
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


async def error_handler(update: object, context: Context) -> None:
    """Log the traceback, tell maintainers if configured, and apologise to the user."""
    logger.error("Exception while handling an update", exc_info=context.error)
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
        trace = "".join(traceback.format_exception(None, context.error, context.error.__traceback__))
        update_str = update.to_dict() if isinstance(update, Update) else str(update)
        text = (
            f"<b>Exception</b>\n<pre>{html.escape(json.dumps(update_str, indent=1, ensure_ascii=False)[:1000])}</pre>\n"
            f"<pre>{html.escape(trace[-2500:])}</pre>"
        )
        try:
            await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML)
        except Exception:
            logger.exception("Could not report the error to the maintainers' chat")


def handlers() -> list[BaseHandler]:
    """Catch-alls: registered after every feature's handlers."""
    return [
        MessageHandler(filters.COMMAND, unknown_command),
        MessageHandler(~filters.TEXT & ~filters.StatusUpdate.ALL, not_text),
        CallbackQueryHandler(stale_button),
    ]
