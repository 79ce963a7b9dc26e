"""What every handler needs: the services, the user's language, safe HTML replies."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import CallbackContext, ExtBot

from bot.formatting import split_message

if TYPE_CHECKING:
    from bot.services import Services


@dataclass
class BotData:
    """`context.bot_data`: the services, set once in post_init (and swapped on re-index)."""

    services: Services | None = None
    index_watcher: asyncio.Task | None = None


Context = CallbackContext[ExtBot, dict, dict, BotData]


def services_of(context: Context) -> Services:
    services = context.bot_data.services
    if services is None:
        raise RuntimeError("Services are not ready yet")
    return services


def user_lang(update: Update, context: Context) -> str:
    """The language the user chose with /language, else their Telegram app's language."""
    chosen = context.user_data.get("lang") if context.user_data is not None else None
    if chosen:
        return chosen
    code = update.effective_user.language_code if update.effective_user else None
    return "es" if code and code.lower().startswith("es") else "en"


def is_maintainer(update: Update, context: Context) -> bool:
    """Maintainers come from MIGRANTSBOT_ADMIN_IDS or `migrantsbot admin add`."""
    from bot.reporting.focal import is_maintainer as registered_maintainer

    user = update.effective_user
    services = services_of(context)
    return bool(user) and registered_maintainer(services.store, user.id, services.settings.admin_ids)


async def reply_html(update: Update, html: str, **kwargs) -> None:
    """Send a possibly long HTML text as several messages; buttons go on the last one."""
    message = update.effective_message
    if message is None:
        return
    pieces = split_message(html)
    markup = kwargs.pop("reply_markup", None)
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        await message.reply_text(
            piece, parse_mode=ParseMode.HTML, reply_markup=markup if last else None, do_quote=False, **kwargs
        )


def publish_reports_soon(context: Context) -> None:
    """Bring the latest reports into search without making the user wait.

    Through `application.create_task`, so the task is kept, its errors reach the error handler,
    and a stopping bot finishes it first.
    """
    services = services_of(context)
    context.application.create_task(asyncio.to_thread(services.publish_reports), name="publish_reports")
