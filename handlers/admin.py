"""Maintainers' commands: /stats, /invite ACTOR, /focalpoints (and revoke), /export [year] [lang],
/deadline DATE [year]. Documents (/reindex, /remove, uploads) are in handlers/documents.py;
hand-offs (answered by replying to them) in handlers/feedback.py."""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path

from pydantic import BaseModel
from telegram import Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler

from bot import handoffs
from bot.arguments import YEARS, whole_number
from bot.reporting import deadlines, invitations, registry
from bot.reporting.export import export
from bot.stats import stats_text
from bot.texts import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES
from handlers.callbacks import ButtonHandler, RevokeButton
from handlers.common import answer_query, escape, keyboard, reply_html, reply_text
from handlers.context import Context
from handlers.guards import maintainers_only


@maintainers_only
async def stats(update: Update, context: Context) -> None:
    store = context.services.store
    report = await asyncio.to_thread(store.stats)
    handed = await asyncio.to_thread(handoffs.summary, store)
    await reply_html(update, f"<pre>{escape(stats_text(report, context.lang, handed))}</pre>")


def _actor_list(actors: list, lang: str) -> str:
    """Every actor as `ID: name`, one a line, for a maintainer choosing whom to invite."""
    return "\n".join(f"<code>{escape(a.id)}</code>: {escape(a.name_in(lang))}" for a in actors)


@maintainers_only
async def invite(update: Update, context: Context) -> None:
    store = context.services.store
    if not context.args:
        known = await asyncio.to_thread(registry.actors, store)
        text = f"{context.t('invite.usage')}\n\n{context.t('invite.actors')}\n{_actor_list(known, context.lang)}"
        await reply_html(update, text)
        return
    try:
        code = await asyncio.to_thread(invitations.create_invitation, store, context.args[0])
    except invitations.UnknownActor as error:
        close = await asyncio.to_thread(registry.suggest_actors, store, error.actor_id)
        hint = context.t("invite.did_you_mean", choices=", ".join(close)) if close else ""
        await reply_text(update, context.t("invite.unknown_actor", actor=error.actor_id, close=hint))
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
    await answer_query(query, context.t("focalpoints.revoked_short" if done else "focalpoints.already_revoked"))
    if done:
        await reply_text(update, context.t("focalpoints.revoked"))


class ExportRequest(BaseModel):
    year: int
    languages: list[str]
    fmt: str = "docx"
    include_submitted: bool = False  # `all`: reports awaiting review too, marked


def _export_request(args: list[str], lang: str) -> ExportRequest | None:
    """`/export [year] [lang] [all] [xlsx]` → what to export. Without a language: the DOCX in
    English and the maintainer's own, so the report can go out in both, the XLSX in theirs; None
    when an argument is not understood."""
    year, wanted = deadlines.reporting_year(dt.datetime.now(dt.UTC).date()), None
    fmt, include_submitted = "docx", False
    for arg in args:
        word = arg.lower()
        if whole_number(arg, *YEARS) is not None:
            year = whole_number(arg, *YEARS)
        elif word in LANGUAGES:
            wanted = word
        elif word == "all":
            include_submitted = True
        elif word == "xlsx":
            fmt = "xlsx"
        else:
            return None
    if fmt == "xlsx":
        languages = [wanted or lang]
    else:
        languages = [wanted] if wanted else list(dict.fromkeys([DEFAULT_LANGUAGE, lang]))
    return ExportRequest(year=year, languages=languages, fmt=fmt, include_submitted=include_submitted)


@maintainers_only
async def export_draft(update: Update, context: Context) -> None:
    request = _export_request(context.args or [], context.lang)
    if request is None:
        await reply_html(update, context.t("export.usage", **deadlines.example_dates()))
        return
    year = request.year
    services = context.services
    documents, _ = await asyncio.to_thread(services.documents_or_served)  # a broken manifest stops no export
    program = next((doc for doc in documents if doc.kind == "program"), None)
    with tempfile.TemporaryDirectory() as scratch:
        for lang in request.languages:
            name = "reports" if request.fmt == "xlsx" else "annual-report-draft"
            suffix = "-all" if request.include_submitted else ""
            out = Path(scratch) / f"{name}-{year}-{lang}{suffix}.{request.fmt}"
            await asyncio.to_thread(
                export,
                services.store,
                services.catalogue,
                year,
                request.fmt,
                out,
                lang=lang,
                program=program,
                include_submitted=request.include_submitted,
            )
            if request.fmt == "xlsx":
                caption = context.t("export.caption_xlsx", year=year)
            else:
                caption = context.t("export.caption", year=year, language=LANGUAGE_NAMES[lang])
            if request.include_submitted:
                caption = f"{caption} {context.t('export.caption_all')}"
            await update.effective_message.reply_document(document=out.read_bytes(), filename=out.name, caption=caption)


@maintainers_only
async def deadline(update: Update, context: Context) -> None:
    """/deadline DATE [year]: focal points without a report for the year get reminders.

    Without a year, the date says which: reports on a year are due early in the next one.
    """
    args = context.args or []
    try:
        due = dt.date.fromisoformat(args[0])
        year = whole_number(args[1], *YEARS) if len(args) > 1 else deadlines.reporting_year(due)
        if len(args) > 2 or year is None:
            raise ValueError(args)
    except (IndexError, ValueError):
        await reply_html(update, context.t("deadline.usage", **deadlines.example_dates()))
        return
    today = dt.datetime.now(dt.UTC).date()
    if due < today:
        await reply_text(update, context.t("deadline.past"))
        return
    if (due - today).days > deadlines.HORIZON_DAYS:  # /deadline 9999-12-31: a typo, not a plan
        await reply_text(update, context.t("deadline.too_far", years=deadlines.HORIZON_DAYS // 366))
        return
    store = context.services.store
    await asyncio.to_thread(deadlines.set_deadline, store, year, due, update.effective_user.id)
    pending = await asyncio.to_thread(deadlines.without_report, store, year)
    days = ", ".join(str(d) for d in deadlines.REMIND_DAYS_BEFORE if d)
    lines = [context.t("deadline.set", year=year, date=due.isoformat(), pending=len(pending), days=days)]
    if len(args) == 1:  # say how the year was chosen, and how to choose another
        key = "deadline.inferred_previous" if year < due.year else "deadline.inferred_same"
        other = due.year if year < due.year else due.year - 1
        lines.append(context.t(key, year=year, date=due.isoformat(), other=other))
    await reply_text(update, "\n".join(lines))


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("stats", stats),
        CommandHandler("invite", invite),
        CommandHandler("focalpoints", focal_points),
        ButtonHandler(RevokeButton, revoke),
        CommandHandler("export", export_draft),
        CommandHandler("deadline", deadline),
    ]
