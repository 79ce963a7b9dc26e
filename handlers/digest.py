"""The weekly digest in Telegram: /digest on demand, /digest weekly DAY HH:MM to schedule it, and
the job that sends it to the maintainers' chat (else to each maintainer) once per week.

Under the digest, ✍ buttons lead to the curated-answer prompt for a group's latest question
(handlers/curated.py) and #handoffN buttons show an open hand-off again, to reply to it. What the
digest says and when it is due are bot/digest.py's; here it meets Telegram. A delivery that
fails for a reason that may pass (flood limits, Telegram's 5xx, a time-out) is tried again at the
next check; a chat that refuses it (blocked, forbidden, a bad request) is given up for the week;
a week is settled once every destination is.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, BaseHandler, CommandHandler

from bot import digest, handoffs
from bot.digest import Digest
from bot.formatting import split_message
from bot.services import Services
from bot.texts import DEFAULT_LANGUAGE, t
from handlers.callbacks import ButtonHandler, CurateQuestionButton, OpenHandoffButton
from handlers.common import answer_query, keyboard, reply_html, reply_text, stored_user_data
from handlers.context import LANGUAGE_CHOICE, Context
from handlers.guards import maintainers_only
from handlers.review import notify_returns

logger = logging.getLogger(__name__)

GIVE_UP_AFTER = 12  # tries of one delivery (one every few minutes) before the week is settled without it


def digest_keyboard(found: Digest, lang: str) -> InlineKeyboardMarkup | None:
    """✍ Curate group N, and #handoffN for each open hand-off listed."""
    rows = [
        [(t(lang, "digest.button_curate", n=n), CurateQuestionButton(question=group.question_id).data)]
        for n, group in enumerate(found.groups, start=1)
    ]
    buttons = [(f"#handoff{number}", OpenHandoffButton(handoff=number).data) for number, _, _ in found.open_handoffs]
    rows += [buttons[start : start + 4] for start in range(0, len(buttons), 4)]
    return keyboard(*rows) if rows else None


def _compose(services: Services, since: dt.datetime, until: dt.datetime) -> Digest:
    return digest.compose(services.store, services.searcher.encoder, since, until)


async def _send(application: Application, chat_id: int, found: Digest, lang: str) -> None:
    pieces = split_message(digest.digest_html(found, lang))
    markup = digest_keyboard(found, lang)
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        await application.bot.send_message(
            chat_id, piece, parse_mode=ParseMode.HTML, reply_markup=markup if last else None
        )


async def _maintainer_lang(application: Application, chat_id: int) -> str:
    if chat_id < 0:  # a group: the default language
        return DEFAULT_LANGUAGE
    return (await stored_user_data(application, chat_id)).get(LANGUAGE_CHOICE) or DEFAULT_LANGUAGE


async def send_weekly_digest(
    application: Application, services: Services, now: dt.datetime | None = None
) -> str | None:
    """Send this week's digest if it is due; the period handled, or None when nothing was due."""
    settings, store = services.settings, services.store
    due = await asyncio.to_thread(digest.due_period, store, settings.digest, settings.timezone, now)
    if due is None:
        return None
    period, at = due
    now = (now or dt.datetime.now(dt.UTC)).astimezone(ZoneInfo(settings.timezone))
    found = await asyncio.to_thread(_compose, services, at - dt.timedelta(days=7), now)
    if found.empty:  # nothing to say: say nothing, and do not look again this week
        await asyncio.to_thread(digest.settle_period, store, period, "empty")
        return period
    done = await asyncio.to_thread(digest.delivered, store, period)
    destinations = await asyncio.to_thread(handoffs.destinations, store, settings)
    for chat_id in destinations:
        previous = done.get(chat_id)
        if previous is not None and previous["status"] != "retry":
            continue
        try:
            await _send(application, chat_id, found, await _maintainer_lang(application, chat_id))
        except (Forbidden, BadRequest) as error:  # retrying will not help this week
            logger.warning("The digest could not reach chat %s: %s", chat_id, error)
            status = "forbidden" if isinstance(error, Forbidden) else "failed"
        except TelegramError as error:  # flood limits, Telegram's 5xx, a time-out: next check
            logger.warning("The digest will be tried again for chat %s: %s", chat_id, error)
            attempts = (previous or {}).get("attempts", 0) + 1
            status = "failed" if attempts >= GIVE_UP_AFTER else "retry"
        else:
            status = "sent"
        await asyncio.to_thread(digest.record_delivery, store, period, chat_id, status)
    settled = await asyncio.to_thread(digest.delivered, store, period)
    if all(chat_id in settled and settled[chat_id]["status"] != "retry" for chat_id in destinations):
        await asyncio.to_thread(digest.settle_period, store, period, "sent")
    return period


@maintainers_only
async def digest_command(update: Update, context: Context) -> None:
    """/digest: the last seven days now, here; /digest weekly [DAY HH:MM | off]: the schedule."""
    args = context.args or []
    services = context.services
    if args and args[0].lower() == "weekly":
        await _schedule(update, context, " ".join(args[1:]))
        return
    if args:
        await reply_html(update, context.t("digest.usage"))
        return
    now = dt.datetime.now(dt.UTC)
    found = await asyncio.to_thread(_compose, services, now - dt.timedelta(days=7), now)
    if found.empty:
        await reply_text(update, context.t("digest.empty"))
        return
    await reply_html(update, digest.digest_html(found, context.lang), reply_markup=digest_keyboard(found, context.lang))


async def _schedule(update: Update, context: Context, text: str) -> None:
    services = context.services
    settings = services.settings
    if not text:
        current = await asyncio.to_thread(digest.schedule, services.store, settings.digest)
        key = "digest.schedule_is" if current else "digest.schedule_off"
        await reply_html(update, context.t(key, when=current.text if current else "", zone=settings.timezone))
        return
    chosen = digest.parse_schedule(text)
    if chosen is None:
        await reply_html(update, context.t("digest.usage"))
        return
    now = dt.datetime.now(dt.UTC).astimezone(ZoneInfo(settings.timezone))
    await asyncio.to_thread(digest.set_schedule, services.store, chosen, update.effective_user.id, now)
    if chosen.enabled:
        await reply_text(update, context.t("digest.scheduled", when=chosen.text, zone=settings.timezone))
    else:
        await reply_text(update, context.t("digest.stopped"))


@maintainers_only
async def open_handoff(update: Update, context: Context) -> None:
    """#handoffN under the digest: the hand-off again, as a message to reply to."""
    from handlers.feedback import _handoff_html

    query, store = update.callback_query, context.services.store
    found = await asyncio.to_thread(handoffs.handoff, store, context.button.handoff)
    if found is None:
        await answer_query(query, context.t("button.stale"), show_alert=True)
        return
    await answer_query(query)
    pieces = split_message(_handoff_html(context.lang, found))
    for piece in pieces:
        sent = await update.effective_message.reply_text(piece, parse_mode=ParseMode.HTML, do_quote=False)
        await asyncio.to_thread(handoffs.await_reply, store, sent.chat_id, sent.message_id, "handoff", found.id)


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("digest", digest_command),
        ButtonHandler(OpenHandoffButton, open_handoff),
    ]


# -- the job -----------------------------------------------------------------------------------

SECRETARIAT_SECONDS = 300


def schedule(application: Application) -> None:
    """Every five minutes: the weekly digest when it is due, and returned reports whose focal points
    have not been told yet (handlers/review.py); both survive restarts (they read the database)."""
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            secretariat, interval=SECRETARIAT_SECONDS, first=30, name="secretariat", job_kwargs={"max_instances": 1}
        )


async def secretariat(context: Context) -> None:
    """The weekly digest when due, and returns not yet told; each failure is logged, not fatal."""
    services = context.bot_data.services
    if services is None:
        return
    for work in (send_weekly_digest, notify_returns):
        try:
            await work(context.application, services)
        except Exception:  # one failing part must not stop the other, nor the next check
            logger.exception("The %s job failed; it runs again in %d s", work.__name__, SECRETARIAT_SECONDS)
