"""Work nobody asked for in a message: the JobQueue jobs, and reports published in the background.

- `watch_index` (every 2 s): serve a new index version as soon as one is published, by the CLI,
  by another process, or by a re-index from the chat; and notice a database file deleted under
  the running bot (`watch_database`).
- `remind_focal_points` (hourly): reminders before a report deadline, each at most once a day.
- `clean_uploads` (hourly): staged uploads never confirmed are removed after a day.
- `forget_closed_handoffs` (hourly): hand-offs answered and quiet for a while are closed, and the
  delegate's Telegram ids kept to reply to them are cleared (bot/handoffs.py).
- `publish_commands` (at start, then again until Telegram takes it): the command menu. A start-up
  call Telegram refuses (a 5xx, a flood limit) must not stop the bot; it is retried meanwhile.
- `publish_reports_soon`: after a report is saved or withdrawn, bring it into search, through
  the one background publisher (bot/publisher.py), which never holds a worker thread.
- `notify_maintainers`: something the maintainers must act on (a manifest.toml that does not
  parse), to the maintainers' chat or each maintainer, in their language.
The Secretariat's own job (the weekly digest, returns not yet told) is scheduled by handlers/digest.py.
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

from bot import handoffs
from bot.publisher import ReportPublisher
from bot.reporting import deadlines, report_docs
from bot.services import Services
from bot.texts import DEFAULT_LANGUAGE, t
from handlers.common import stored_user_data
from handlers.context import LANGUAGE_CHOICE, Context

logger = logging.getLogger(__name__)

INDEX_WATCH_SECONDS = 2.0
REMINDER_SECONDS = 3600
UPLOAD_TTL_SECONDS = 24 * 3600  # a preview not confirmed within a day is dropped with its file
COMMANDS_RETRY_SECONDS = 60  # a command menu Telegram refused at start-up is tried again this often


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
    jobs.run_repeating(close_quiet_handoffs, interval=REMINDER_SECONDS, first=30, name="close_handoffs")


# -- at start-up ------------------------------------------------------------------------------


async def after_start(application: Application) -> None:
    """What post_init does once the services exist: the command menu (retried in the background
    when Telegram refuses it), a word to the maintainers when manifest.toml does not parse, and
    the reports a previous run could not publish."""
    from handlers.start import publish_commands

    services = application.bot_data.services
    if not await publish_commands(application, services.settings):
        schedule_commands_retry(application)
    problem = await asyncio.to_thread(services.corpus_problem)
    if problem is not None:
        logger.error("%s; serving the index as it was built until it is fixed", problem)
        await notify_maintainers(application, "notice.manifest_broken", error=problem)
    if await asyncio.to_thread(report_docs.out_of_date, services.store, services.settings.reports_dir):
        application.bot_data.publisher.request()


def schedule_commands_retry(application: Application) -> None:
    jobs = application.job_queue
    if jobs is None or jobs.get_jobs_by_name("publish_commands"):
        return
    logger.warning("Telegram refused the command menu; trying again every %d s", COMMANDS_RETRY_SECONDS)
    jobs.run_repeating(
        retry_commands, interval=COMMANDS_RETRY_SECONDS, first=COMMANDS_RETRY_SECONDS, name="publish_commands"
    )


async def retry_commands(context: Context) -> None:
    from handlers.start import publish_commands

    services = context.bot_data.services
    if services is not None and await publish_commands(context.application, services.settings):
        logger.info("The command menu is published")
        context.job.schedule_removal()


# -- the maintainers --------------------------------------------------------------------------


async def notify_maintainers(application: Application, key: str, **values: object) -> int:
    """A plain-text notice to the maintainers' chat (else each maintainer), in each one's language;
    how many received it. Never raises: a notice that cannot be sent is logged."""
    services = application.bot_data.services
    try:
        chats = await asyncio.to_thread(handoffs.destinations, services.store, services.settings)
    except Exception:
        logger.exception("Could not find where to tell the maintainers about %s", key)
        return 0
    reached = 0
    for chat_id in chats:
        lang = (application.user_data.get(chat_id) or {}).get(LANGUAGE_CHOICE) or DEFAULT_LANGUAGE
        try:
            await application.bot.send_message(chat_id, t(lang, key, **values))
        except TelegramError as error:
            logger.warning("Could not tell maintainer chat %s about %s: %s", chat_id, key, error)
            continue
        reached += 1
    return reached


# -- the focal points' reports into search ---------------------------------------------------------


def start_publisher(application: Application) -> ReportPublisher:
    """The one publisher of this bot; what it cannot do (a broken manifest) is told to the maintainers."""
    loop = asyncio.get_running_loop()

    def on_problem(problem: str) -> None:  # called in the publisher's thread
        notice = notify_maintainers(application, "notice.manifest_broken", error=problem)
        try:
            asyncio.run_coroutine_threadsafe(notice, loop)
        except RuntimeError:  # the bot has stopped: the log said it
            notice.close()

    publisher = ReportPublisher(application.bot_data.services, on_problem=on_problem)
    application.bot_data.publisher = publisher
    return publisher


def publish_reports_soon(context: Context) -> None:
    """Bring the latest reports into search without making anyone wait: a request to the
    background publisher, which coalesces it with the others and holds no worker thread."""
    publisher = context.bot_data.publisher
    if publisher is None:
        publisher = start_publisher(context.application)
    publisher.request()


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
    publisher = context.bot_data.publisher
    if publisher is not None and publisher.problem and not await asyncio.to_thread(services.corpus_problem):
        publisher.request()  # manifest.toml fixed: publish what waited, now
    await watch_database(context.application)


async def watch_database(application: Application) -> None:
    """A database file deleted under the running bot is written back from the open connections
    (bot/database.py `Store.ensure_file`), and the maintainers are told."""
    services = application.bot_data.services
    outcomes = [await asyncio.to_thread(services.store.ensure_file)]
    check = getattr(application.persistence, "ensure_database_file", None)
    if check is not None:
        outcomes.append(await check())
    if "restored" in outcomes:
        await notify_maintainers(application, "notice.database_restored", path=str(services.store.path))


async def close_quiet_handoffs(context: Context) -> None:
    """Hand-offs answered and quiet for a month: closed, the delegate's ids cleared (bot/handoffs.py)."""
    services = context.bot_data.services
    if services is not None:
        closed = await asyncio.to_thread(handoffs.close_quiet_handoffs, services.store)
        if closed:
            logger.info("Closed %d quiet hand-offs and cleared their users' ids", closed)


def _reminder_text(lang: str, deadline: deadlines.Deadline, today: dt.date) -> str:
    days = (deadline.due - today).days
    if days == 0:
        return t(lang, "reminder.due_today", year=deadline.year)
    key = "reminder.due_tomorrow" if days == 1 else "reminder.due_in"
    return t(lang, key, year=deadline.year, days=days, date=deadline.due.isoformat())


async def send_reminders(application: Application, services: Services, today: dt.date) -> int:
    """Remind the focal points who have not reported, for each year's deadline, in their language;
    returns how many reminders were sent."""
    sent = 0
    for deadline, points in await asyncio.to_thread(deadlines.due_reminders, services.store, today):
        for point in points:
            chosen = (await stored_user_data(application, point.telegram_id)).get(LANGUAGE_CHOICE)
            text = _reminder_text(chosen or point.lang or "en", deadline, today)
            try:
                await application.bot.send_message(point.telegram_id, text)
            except TelegramError as error:  # blocked the bot, deleted account: try again tomorrow
                logger.warning("Could not remind focal point of %s: %s", point.actor_id, error)
                continue
            await asyncio.to_thread(deadlines.record_reminder, services.store, deadline, point.telegram_id, today)
            sent += 1
    return sent


async def remind_focal_points(context: Context) -> None:
    services = context.bot_data.services
    if services is not None:
        await send_reminders(context.application, services, dt.datetime.now(dt.UTC).date())
