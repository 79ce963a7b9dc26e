"""Who may do what: role checks as decorators, each with its one refusal text.

    @maintainers_only
    async def stats(update, context): ...

A refused message gets the text as a reply, a refused button press as an alert. The refusal
returns `ConversationHandler.END`, so a guard works on a conversation's entry points too. Role
lookups read the database, off the event loop.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ConversationHandler

from bot.reporting import registry
from handlers.common import reply_text
from handlers.context import Context

Handler = Callable[[Update, Context], Awaitable[object]]


async def is_maintainer(update: Update, context: Context) -> bool:
    """Maintainers come from MIGRANTSBOT_ADMIN_IDS or `migrantsbot admin add`."""
    user = update.effective_user
    if user is None:
        return False
    services = context.services
    return await asyncio.to_thread(registry.is_maintainer, services.store, user.id, services.settings.admin_ids)


async def is_focal_point(update: Update, context: Context) -> bool:
    user = update.effective_user
    return (
        user is not None and await asyncio.to_thread(registry.focal_point, context.services.store, user.id) is not None
    )


async def refuse(update: Update, context: Context, key: str) -> int:
    text = context.t(key)
    if update.callback_query:
        await update.callback_query.answer(text, show_alert=True)
    else:
        await reply_text(update, text)
    return ConversationHandler.END


def _guard(allowed: Callable[[Update, Context], Awaitable[bool]], refusal: str) -> Callable[[Handler], Handler]:
    def decorator(callback: Handler) -> Handler:
        @functools.wraps(callback)
        async def guarded(update: Update, context: Context):
            if await allowed(update, context):
                return await callback(update, context)
            return await refuse(update, context, refusal)

        return guarded

    return decorator


maintainers_only = _guard(is_maintainer, "guard.maintainers_only")
focal_points_only = _guard(is_focal_point, "guard.focal_points_only")


async def may_ask(update: Update, context: Context) -> bool:
    """In closed mode (MIGRANTSBOT_CLOSED) only focal points and maintainers may ask."""
    if not context.services.settings.closed:
        return True
    return await is_maintainer(update, context) or await is_focal_point(update, context)


registered_when_closed = _guard(may_ask, "ask.closed")


async def _in_private_chat(update: Update, context: Context) -> bool:
    chat = update.effective_chat
    return chat is None or chat.type == ChatType.PRIVATE


# Focal points' own steps (codes, drafts) are not for a group's eyes.
private_only = _guard(_in_private_chat, "guard.private_only")
