"""Work nobody asked for in a message: the JobQueue jobs, and reports published in the background.

- `watch_index` (every 2 s): serve a new index version as soon as one is published, by the CLI,
  by another process, or by a re-index from the chat.
- `remind_focal_points` (hourly): reminders before a report deadline, each at most once a day.
- `clean_uploads` (hourly): staged uploads never confirmed are removed after a day.
- `publish_reports_soon`: after a report is saved or withdrawn, bring it into search.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import shutil
import time
from pathlib import Path

from telegram.error import TelegramError
from telegram.ext import Application

from bot.reporting import deadlines
from bot.services import Services
from bot.texts import t
from handlers.context import LANGUAGE_CHOICE, Context

logger = logging.getLogger(__name__)

INDEX_WATCH_SECONDS = 2.0
REMINDER_SECONDS = 3600
UPLOAD_TTL_SECONDS = 24 * 3600  # a preview not confirmed within a day is dropped with its file


def schedule(application: Application) -> None:
    """Called from post_init, once the services exist."""
    jobs = application.job_queue
    if jobs is None:  # python-telegram-bot without the job-queue extra
        logger.warning("No JobQueue: new index versions and report reminders will not be picked up")
        return
    # A slow load of a new version must not start a second one beside it.
    jobs.run_repeating(
        watch_index,
        interval=INDEX_WATCH_SECONDS,
        first=INDEX_WATCH_SECONDS,
        name="watch_index",
        job_kwargs={"max_instances": 1, "coalesce": True},
    )
    jobs.run_repeating(remind_focal_points, interval=REMINDER_SECONDS, first=60, name="reminders")
    jobs.run_repeating(clean_uploads, interval=REMINDER_SECONDS, first=5, name="clean_uploads")


def remove_old_uploads(uploads: Path, *, older_than: float = UPLOAD_TTL_SECONDS) -> int:
    """Staged uploads whose preview was never answered; returns how many were removed."""
    if not uploads.is_dir():
        return 0
    removed = 0
    for staged in uploads.iterdir():
        if staged.is_dir() and time.time() - staged.stat().st_mtime > older_than:
            shutil.rmtree(staged, ignore_errors=True)
            removed += 1
    return removed


async def clean_uploads(context: Context) -> None:
    services = context.bot_data.services
    if services is not None:
        removed = await asyncio.to_thread(remove_old_uploads, services.settings.data_dir / "uploads")
        if removed:
            logger.info("Removed %d staged uploads never confirmed", removed)


async def watch_index(context: Context) -> None:
    services = context.bot_data.services
    if services is None:
        return
    try:
        await asyncio.to_thread(services.refresh)
    except Exception:  # a broken new version: keep serving the old one, say why in the log
        logger.exception("Could not load the new index version; still serving %s", services.version)


def _reminder_text(lang: str, deadline: deadlines.Deadline, today: dt.date) -> str:
    days = (deadline.due - today).days
    if days == 0:
        return t(lang, "reminder.due_today", year=deadline.year)
    key = "reminder.due_tomorrow" if days == 1 else "reminder.due_in"
    return t(lang, key, year=deadline.year, days=days, date=deadline.due.isoformat())


async def send_reminders(application: Application, services: Services, today: dt.date) -> int:
    """Remind the focal points who have not reported, in their language; returns how many were sent."""
    deadline, points = await asyncio.to_thread(deadlines.due_reminders, services.store, today)
    sent = 0
    for point in points:
        chosen = (await _stored_user_data(application, point.telegram_id)).get(LANGUAGE_CHOICE)
        text = _reminder_text(chosen or point.lang or "en", deadline, today)
        try:
            await application.bot.send_message(point.telegram_id, text)
        except TelegramError as error:  # blocked the bot, deleted account: try again tomorrow
            logger.warning("Could not remind focal point of %s: %s", point.actor_id, error)
            continue
        await asyncio.to_thread(deadlines.record_reminder, services.store, deadline, point.telegram_id, today)
        sent += 1
    return sent


async def _stored_user_data(application: Application, user_id: int) -> dict:
    """A user's data as handlers see it, though they sent nothing (it is loaded on a user's first update)."""
    if application.user_data.get(user_id):
        return application.user_data[user_id]
    stored = getattr(application.persistence, "stored_user_data", None)
    return await stored(user_id) if stored else {}


async def remind_focal_points(context: Context) -> None:
    services = context.bot_data.services
    if services is not None:
        await send_reminders(context.application, services, dt.datetime.now(dt.UTC).date())


def publish_reports_soon(context: Context) -> None:
    """Bring the latest reports into search without making the user wait.

    Through `application.create_task`, so the task is kept, its errors reach the error handler,
    and a stopping bot finishes it first.
    """
    services = context.services
    context.application.create_task(asyncio.to_thread(services.publish_reports), name="publish_reports")
