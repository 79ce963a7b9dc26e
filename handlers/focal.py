"""Registration and the focal points' and maintainers' report commands.

/register CODE · /myreports (edit, withdraw) · maintainers: /invite ACTOR, /focalpoints, /export [year],
/deadline DATE (and the reminders it schedules)
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import tempfile
from html import escape
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.reporting import focal
from bot.reporting.export import export
from handlers.common import Context, is_maintainer, publish_reports_soon, reply_html, services_of

logger = logging.getLogger(__name__)
MAINTAINERS_ONLY = "This command is for the assistant's maintainers."


async def register(update: Update, context: Context) -> None:
    services = services_of(context)
    if not context.args:
        await reply_html(
            update, "Send the code you received from the Secretariat: <code>/register ABCD-1234-EF56</code>"
        )
        return
    user = update.effective_user
    try:
        registered = await asyncio.to_thread(focal.register, services.store, user.id, user.full_name, context.args[0])
    except focal.RegistrationError as error:
        await reply_html(update, escape(str(error)))
        return
    await reply_html(
        update,
        f"Welcome! You are now the focal point of <b>{escape(registered.name)}</b>. "
        "Send /report to file an activity report and /myreports to see yours.",
    )


async def invite(update: Update, context: Context) -> None:
    if not is_maintainer(update, context):
        await reply_html(update, MAINTAINERS_ONLY)
        return
    services = services_of(context)
    if not context.args:
        await reply_html(
            update, "Usage: <code>/invite ACTOR</code>, e.g. <code>/invite IACHR</code> or <code>/invite MX</code>."
        )
        return
    try:
        code = await asyncio.to_thread(focal.create_invitation, services.store, context.args[0])
    except ValueError as error:
        await reply_html(update, escape(str(error)))
        return
    found = focal.actor(services.store, context.args[0])
    await reply_html(
        update,
        f"Invitation for the focal point of <b>{escape(found.name)}</b>, single use, valid {focal.INVITATION_DAYS} days. "
        f"Forward this line to them:\n<code>/register {escape(code)}</code>",
    )


async def focal_points(update: Update, context: Context) -> None:
    if not is_maintainer(update, context):
        await reply_html(update, MAINTAINERS_ONLY)
        return
    rows = focal.focal_points(services_of(context).store)
    if not rows:
        await reply_html(update, "No focal points yet. Create an invitation with /invite ACTOR.")
        return
    keyboard = [
        [InlineKeyboardButton(f"Revoke {row.actor_id}: {row.name}", callback_data=f"fprev:{row.telegram_id}")]
        for row in rows
    ]
    lines = [f"{escape(row.actor_id)}: {escape(row.name)} (since {row.registered_at[:10]})" for row in rows]
    await reply_html(update, "<b>Focal points</b>\n" + "\n".join(lines), reply_markup=InlineKeyboardMarkup(keyboard))


async def revoke(update: Update, context: Context) -> None:
    query = update.callback_query
    if not is_maintainer(update, context):
        await query.answer(MAINTAINERS_ONLY, show_alert=True)
        return
    telegram_id = int(query.data.partition(":")[2])
    done = await asyncio.to_thread(focal.revoke_focal_point, services_of(context).store, telegram_id)
    await query.answer("Revoked" if done else "Already revoked")
    if done:
        await reply_html(update, "Revoked: that user can no longer file reports.")


async def my_reports(update: Update, context: Context) -> None:
    services = services_of(context)
    if focal.focal_point(services.store, update.effective_user.id) is None:
        await reply_html(
            update, "Only registered focal points have reports. Send /register CODE with your invitation code."
        )
        return
    reports = focal.reports_of(services.store, update.effective_user.id)
    if not reports:
        await reply_html(update, "You have no reports yet. Send /report to file one.")
        return
    for report in reports[:20]:
        kind = focal.REPORT_KINDS[report.kind][0]
        keyboard = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton("✏️ Edit", callback_data=f"rpedit:{report.id}"),
                    InlineKeyboardButton("🗑 Withdraw", callback_data=f"rpwd:{report.id}"),
                ]
            ]
        )
        text = (
            f"<b>#{report.id}</b> {escape(kind)} · {escape(report.ref)} · {escape(report.period)} (v{report.version})\n"
            f"{escape(report.description[:300])}"
        )
        await reply_html(update, text, reply_markup=keyboard)


async def withdraw(update: Update, context: Context) -> None:
    query = update.callback_query
    action, _, report_id = query.data.partition(":")
    services = services_of(context)
    if action == "rpwd":
        await query.answer()
        keyboard = InlineKeyboardMarkup(
            [[InlineKeyboardButton("Yes, withdraw it", callback_data=f"rpwdyes:{report_id}")]]
        )
        await reply_html(
            update,
            f"Withdraw report #{escape(report_id)}? It leaves search and the annual report.",
            reply_markup=keyboard,
        )
        return
    done = await asyncio.to_thread(focal.withdraw_report, services.store, int(report_id), update.effective_user.id)
    await query.answer("Withdrawn" if done else "Already withdrawn, or not yours", show_alert=not done)
    if done:
        await reply_html(update, f"Report #{escape(report_id)} withdrawn.")
        publish_reports_soon(context)


async def export_command(update: Update, context: Context) -> None:
    if not is_maintainer(update, context):
        await reply_html(update, MAINTAINERS_ONLY)
        return
    services = services_of(context)
    year = dt.datetime.now(dt.UTC).year
    if context.args:
        if not context.args[0].isdigit():
            await reply_html(update, "Usage: <code>/export 2025</code> (default: this year).")
            return
        year = int(context.args[0])
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / f"annual-report-draft-{year}.docx"
        await asyncio.to_thread(export, services.store, services.catalogue, year, "docx", out)
        await update.effective_message.reply_document(
            document=out.read_bytes(),
            filename=out.name,
            caption=f"Annual report draft {year}, in the shape of the 2009 report, with the coverage of the 42 activities.",
        )


async def deadline(update: Update, context: Context) -> None:
    """/deadline 2026-03-31 [year]: focal points without a report for the year get reminders."""
    if not is_maintainer(update, context):
        await reply_html(update, MAINTAINERS_ONLY)
        return
    services = services_of(context)
    try:
        due = dt.date.fromisoformat(context.args[0])
        year = int(context.args[1]) if len(context.args) > 1 else due.year
    except (IndexError, ValueError):
        await reply_html(
            update,
            "Usage: <code>/deadline 2026-03-31</code> (reports for that year) or <code>/deadline 2026-03-31 2025</code>.",
        )
        return
    if due < dt.datetime.now(dt.UTC).date():
        await reply_html(update, "That date has passed. Give a deadline in the future.")
        return
    await asyncio.to_thread(focal.set_deadline, services.store, year, due, update.effective_user.id)
    pending = focal.without_report(services.store, year)
    await reply_html(
        update,
        f"Deadline set: reports for {year} by {due.isoformat()}. {len(pending)} focal point(s) have no report yet; "
        f"they will be reminded {', '.join(str(d) for d in focal.REMIND_DAYS_BEFORE if d)} days before and on the day.",
    )


async def send_reminders(bot, services, today: dt.date) -> int:
    """Remind the focal points who have not reported; each at most once a day. Returns how many."""
    deadline_due, points = await asyncio.to_thread(focal.due_reminders, services.store, today)
    sent = 0
    for point in points:
        days = (deadline_due.due - today).days
        when = "today" if days == 0 else f"in {days} day{'s' if days > 1 else ''} ({deadline_due.due.isoformat()})"
        try:
            await bot.send_message(
                point.telegram_id,
                f"Reminder: the activity reports for {deadline_due.year} are due {when}. "
                "Send /report to file yours; it takes a few minutes.",
            )
        except TelegramError as error:  # blocked the bot, deleted account: try again tomorrow
            logger.warning("Could not remind focal point of %s: %s", point.actor_id, error)
            continue
        await asyncio.to_thread(focal.record_reminder, services.store, deadline_due, point.telegram_id, today)
        sent += 1
    return sent


async def reminder_job(context: Context) -> None:
    services = context.bot_data.services
    if services is not None:
        await send_reminders(context.bot, services, dt.datetime.now(dt.UTC).date())


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("register", register),
        CommandHandler("invite", invite),
        CommandHandler("focalpoints", focal_points),
        CallbackQueryHandler(revoke, pattern=r"^fprev:\d+$"),
        CommandHandler("myreports", my_reports),
        CallbackQueryHandler(withdraw, pattern=r"^rpwd(yes)?:\d+$"),
        CommandHandler("export", export_command),
        CommandHandler("deadline", deadline),
    ]
