"""Maintainers' commands: /stats, /invite ACTOR, /focalpoints (and revoke), /export [year],
/deadline DATE [year]. Documents (/reindex, /remove, uploads) are in handlers/documents.py."""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path

from telegram import Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler

from bot.arguments import YEARS, whole_number
from bot.reporting import deadlines, invitations, registry
from bot.reporting.export import export
from bot.stats import stats_text
from handlers.callbacks import ButtonHandler, RevokeButton
from handlers.common import escape, keyboard, reply_html, reply_text
from handlers.context import Context
from handlers.guards import maintainers_only


@maintainers_only
async def stats(update: Update, context: Context) -> None:
    report = await asyncio.to_thread(context.services.store.stats)
    await reply_html(update, f"<pre>{escape(stats_text(report, context.lang))}</pre>")


@maintainers_only
async def invite(update: Update, context: Context) -> None:
    if not context.args:
        await reply_html(update, context.t("invite.usage"))
        return
    store = context.services.store
    try:
        code = await asyncio.to_thread(invitations.create_invitation, store, context.args[0])
    except invitations.UnknownActor as error:
        await reply_text(update, context.t("invite.unknown_actor", actor=error.actor_id))
        return
    found = await asyncio.to_thread(registry.actor, store, context.args[0])
    text = context.t(
        "invite.created", actor=escape(found.name_in(context.lang)), days=invitations.INVITATION_DAYS, code=code
    )
    if update.effective_chat.type == ChatType.PRIVATE:
        await reply_html(update, text)
        return
    try:  # a code shown in a group is no longer secret: it goes to the maintainer alone
        await context.bot.send_message(update.effective_user.id, text, parse_mode=ParseMode.HTML)
    except TelegramError:  # the maintainer never opened a private chat with the bot
        await asyncio.to_thread(invitations.revoke_code, store, code)
        await reply_text(update, context.t("invite.start_private_chat"))
        return
    await reply_text(update, context.t("invite.sent_privately"))


@maintainers_only
async def focal_points(update: Update, context: Context) -> None:
    rows = await asyncio.to_thread(registry.focal_points, context.services.store)
    if not rows:
        await reply_text(update, context.t("focalpoints.none"))
        return
    buttons = keyboard(
        *[
            [
                (
                    context.t("focalpoints.button_revoke", actor=row.actor_id, name=row.name),
                    RevokeButton(telegram_id=row.telegram_id).data,
                )
            ]
            for row in rows
        ]
    )
    lines = [
        escape(context.t("focalpoints.line", actor=row.actor_id, name=row.name, date=row.registered_at[:10]))
        for row in rows
    ]
    await reply_html(update, "\n".join([context.t("focalpoints.title"), *lines]), reply_markup=buttons)


@maintainers_only
async def revoke(update: Update, context: Context) -> None:
    query = update.callback_query
    telegram_id = context.button.telegram_id
    done = await asyncio.to_thread(registry.revoke_focal_point, context.services.store, telegram_id)
    await query.answer(context.t("focalpoints.revoked_short" if done else "focalpoints.already_revoked"))
    if done:
        await reply_text(update, context.t("focalpoints.revoked"))


@maintainers_only
async def export_draft(update: Update, context: Context) -> None:
    year = whole_number(context.args[0], *YEARS) if context.args else dt.datetime.now(dt.UTC).year
    if year is None:
        await reply_html(update, context.t("export.usage"))
        return
    services = context.services
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / f"annual-report-draft-{year}.docx"
        program = next((doc for doc in services.documents() if doc.kind == "program"), None)
        await asyncio.to_thread(
            export, services.store, services.catalogue, year, "docx", out, lang=context.lang, program=program
        )
        await update.effective_message.reply_document(
            document=out.read_bytes(), filename=out.name, caption=context.t("export.caption", year=year)
        )


@maintainers_only
async def deadline(update: Update, context: Context) -> None:
    """/deadline 2026-03-31 [year]: focal points without a report for the year get reminders."""
    try:
        due = dt.date.fromisoformat(context.args[0])
        year = whole_number(context.args[1], *YEARS) if len(context.args) > 1 else due.year
    except (IndexError, ValueError):
        year = None
    if year is None:
        await reply_html(update, context.t("deadline.usage"))
        return
    if due < dt.datetime.now(dt.UTC).date():
        await reply_text(update, context.t("deadline.past"))
        return
    store = context.services.store
    await asyncio.to_thread(deadlines.set_deadline, store, year, due, update.effective_user.id)
    pending = await asyncio.to_thread(deadlines.without_report, store, year)
    days = ", ".join(str(d) for d in deadlines.REMIND_DAYS_BEFORE if d)
    text = context.t("deadline.set", year=year, date=due.isoformat(), pending=len(pending), days=days)
    await reply_text(update, text)


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("stats", stats),
        CommandHandler("invite", invite),
        CommandHandler("focalpoints", focal_points),
        ButtonHandler(RevokeButton, revoke),
        CommandHandler("export", export_draft),
        CommandHandler("deadline", deadline),
    ]
