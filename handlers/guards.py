"""Who may do what: role checks as decorators, each with its one refusal text.

    @maintainers_only
    async def stats(update, context): ...

A refused message gets the text as a reply, a refused button press as an alert. The refusal
returns `ConversationHandler.END`, so a guard works on a conversation's entry points too. Role
lookups read the database, off the event loop.

`within_rate` (and `@rate_limited`) keep one user from flooding the bot, with questions or with
replies to its prompts (each of which reaches every maintainer): over the limit a message is
dropped, and only the first one of a window is told to slow down, so a flood of 400 messages
costs one reply, not 390 that would eat into every other user's share of Telegram's limits.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ConversationHandler

from bot.reporting import registry
from handlers.common import answer_query, reply_text
from handlers.context import Context

Handler = Callable[[Update, Context], Awaitable[object]]

RATE_WINDOW_SECONDS = 60
ASKED_AT = "asked_at"  # user_data: times (epoch seconds) of the messages counted in the window
SLOWED_AT = "slowed_at"  # user_data: when the user was last told to slow down


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
        await answer_query(update.callback_query, text, show_alert=True)
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


async def within_rate(update: Update, context: Context) -> bool:
    """Whether this message may be handled: a sliding window per user, kept in user_data (so no
    global state). Over the limit the message is dropped; the first one of a window is told why.

    Wall-clock times, not `time.monotonic()`: user_data outlives the process (persistence), and a
    monotonic clock starts again at each boot.
    """
    if context.user_data is None:
        return True
    limit = context.services.settings.questions_per_minute
    now = time.time()
    recent = [at for at in context.user_data.get(ASKED_AT, []) if 0 <= now - at < RATE_WINDOW_SECONDS]
    if len(recent) < limit:
        context.user_data[ASKED_AT] = [*recent, now]
        return True
    context.user_data[ASKED_AT] = recent
    slowed = context.user_data.get(SLOWED_AT, 0)
    if not 0 <= now - slowed < RATE_WINDOW_SECONDS:
        context.user_data[SLOWED_AT] = now
        await reply_text(update, context.t("ask.slow_down"))
    return False


def rate_limited(callback: Handler) -> Handler:
    """Questions: at most MIGRANTSBOT_QUESTIONS_PER_MINUTE per user (see `within_rate`)."""

    @functools.wraps(callback)
    async def limited(update: Update, context: Context):
        if await within_rate(update, context):
            return await callback(update, context)
        return None

    return limited
