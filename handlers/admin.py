"""Maintainer commands: /stats."""

from __future__ import annotations

import asyncio
from html import escape

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.stats import stats_text
from handlers.common import Context, is_maintainer, reply_html, services_of, user_lang

NOT_ALLOWED = {
    "en": "This command is for the assistant's maintainers.",
    "es": "Este comando es para los responsables del asistente.",
}


async def stats(update: Update, context: Context) -> None:
    if not is_maintainer(update, context):
        await reply_html(update, escape(NOT_ALLOWED[user_lang(update, context)]))
        return
    report = await asyncio.to_thread(services_of(context).store.stats)
    await reply_html(update, f"<pre>{escape(stats_text(report))}</pre>")


def handlers() -> list[BaseHandler]:
    return [CommandHandler("stats", stats)]
