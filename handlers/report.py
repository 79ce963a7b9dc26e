"""/report: a focal point files an activity report, step by step, and can resume after a restart.

```
/report → REF (activity / objective / other) → KIND → PERIOD → DESCRIPTION → LINK → CONFIRM
CONFIRM: Submit → saved once, END · Edit a field → that step → CONFIRM · Cancel → END
```
The draft lives in `user_data` (persisted), so a timeout or a restart keeps it; it is written to
the database once, at Submit, under the draft's key.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from enum import IntEnum
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.actors import program_actor_for
from bot.reporting import focal
from handlers.common import Context, publish_reports_soon, reply_html, services_of

logger = logging.getLogger(__name__)
# Buttons are tracked per user, not per message, on purpose: a draft spans several messages.
warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
DRAFT = "report_draft"
TIMEOUT_SECONDS = 30 * 60


class ReportState(IntEnum):
    REF = 0
    KIND = 1
    PERIOD = 2
    DESCRIPTION = 3
    LINK = 4
    CONFIRM = 5
    EDIT = 6


NOT_FOCAL = (
    "Only registered focal points can file activity reports. If you are your institution's focal "
    "point, ask the OAS Secretariat for an invitation code and send /register CODE."
)
KIND_BUTTONS = [(kind, labels[0]) for kind, labels in focal.REPORT_KINDS.items()]


def _draft(context: Context) -> focal.ReportDraft | None:
    data = context.user_data.get(DRAFT)
    return focal.ReportDraft.model_validate(data) if data else None


def _save(context: Context, draft: focal.ReportDraft) -> None:
    context.user_data[DRAFT] = draft.model_dump()


def _clear(context: Context) -> None:
    """The draft and the conversation's flags go together, at END and at /cancel."""
    for key in (DRAFT, "report_editing", "report_link_asked"):
        context.user_data.pop(key, None)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


async def _ask_ref(update: Update, context: Context, draft: focal.ReportDraft) -> ReportState:
    services = services_of(context)
    registered = focal.actor(services.store, draft.actor_id)
    program_actor = program_actor_for(draft.actor_id, registered.grp if registered else "")
    items = services.catalogue.activities_for(program_actor)
    rows = [
        [InlineKeyboardButton(f"{i.number}. {_short(i.text)}", callback_data=f"ref:activity {i.number}")] for i in items
    ]
    rows.append([InlineKeyboardButton("🎯 A Program objective", callback_data="ref:objectives")])
    rows.append([InlineKeyboardButton("Other", callback_data="ref:other")])
    await reply_html(
        update,
        "<b>Which Program activity does it implement?</b> Your actor's activities first:",
        reply_markup=InlineKeyboardMarkup(rows),
    )
    return ReportState.REF


async def _ask_kind(update: Update) -> ReportState:
    rows = [[InlineKeyboardButton(label, callback_data=f"kind:{kind}")] for kind, label in KIND_BUTTONS]
    await reply_html(update, "<b>What are you reporting?</b>", reply_markup=InlineKeyboardMarkup(rows))
    return ReportState.KIND


async def _ask_period(update: Update) -> ReportState:
    await reply_html(
        update, "<b>When?</b> Send the date or period, e.g. <i>March 2025</i> or <i>2025-03-01 to 2025-04-30</i>."
    )
    return ReportState.PERIOD


async def _ask_description(update: Update) -> ReportState:
    await reply_html(update, "<b>What was done (or is planned)?</b> Describe it in 30 to 3,000 characters.")
    return ReportState.DESCRIPTION


async def _ask_link(update: Update) -> ReportState:
    await reply_html(update, "<b>A link</b> to a document or web page about it? Send it, or /skip.")
    return ReportState.LINK


def summary_html(draft: focal.ReportDraft, actor_name: str) -> str:
    kind = focal.REPORT_KINDS.get(draft.kind or "", ("—",))[0]
    return "\n".join(
        [
            f"<b>{'Edited report' if draft.report_id else 'Report'} for {escape(actor_name)}</b>",
            f"Program reference: {escape(draft.ref or '—')}",
            f"Section: {escape(kind)}",
            f"Period: {escape(draft.period or '—')}",
            f"Description: {escape(draft.description or '—')}",
            f"Link: {escape(draft.link or '—')}",
        ]
    )


async def _confirm(update: Update, context: Context, draft: focal.ReportDraft) -> ReportState:
    services = services_of(context)
    registered = focal.actor(services.store, draft.actor_id)
    keyboard = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("✅ Submit", callback_data="rsub")],
            [
                InlineKeyboardButton("✏️ Edit a field", callback_data="redit"),
                InlineKeyboardButton("✖ Cancel", callback_data="rcancel"),
            ],
        ]
    )
    await reply_html(
        update, summary_html(draft, registered.name if registered else draft.actor_id), reply_markup=keyboard
    )
    return ReportState.CONFIRM


async def _next_step(update: Update, context: Context, draft: focal.ReportDraft) -> ReportState:
    """After a field: back to the summary when editing, else on to the first missing step."""
    _save(context, draft)
    if context.user_data.pop("report_editing", None) and not draft.missing:
        return await _confirm(update, context, draft)
    return await _resume(update, context, draft)


async def _resume(update: Update, context: Context, draft: focal.ReportDraft) -> ReportState:
    missing = draft.missing
    if "ref" in missing:
        return await _ask_ref(update, context, draft)
    if "kind" in missing:
        return await _ask_kind(update)
    if "period" in missing:
        return await _ask_period(update)
    if "description" in missing:
        return await _ask_description(update)
    if draft.link is None and not context.user_data.get("report_link_asked"):
        context.user_data["report_link_asked"] = True
        return await _ask_link(update)
    return await _confirm(update, context, draft)


# -- steps ------------------------------------------------------------------------------------


async def start(update: Update, context: Context) -> ReportState | int:
    """Entry: only focal points; an unfinished draft is resumed, not lost."""
    services = services_of(context)
    point = focal.focal_point(services.store, update.effective_user.id)
    if point is None:
        await reply_html(update, escape(NOT_FOCAL))
        return ConversationHandler.END
    draft = _draft(context)
    if draft is not None and draft.actor_id == point.actor_id:
        await reply_html(
            update, "You have an unfinished report: let us continue where you stopped (/cancel to drop it)."
        )
        return await _resume(update, context, draft)
    draft = focal.ReportDraft(actor_id=point.actor_id)
    _clear(context)
    _save(context, draft)
    return await _ask_ref(update, context, draft)


async def edit_existing(update: Update, context: Context) -> ReportState | int:
    """Entry from /myreports: a submitted report becomes a draft; submitting it keeps the old version."""
    query = update.callback_query
    services = services_of(context)
    report = focal.report(services.store, int(query.data.partition(":")[2]))
    if report is None or report.telegram_id != update.effective_user.id or report.status != "active":
        await query.answer("That report cannot be edited (withdrawn, or not yours).", show_alert=True)
        return ConversationHandler.END
    await query.answer()
    draft = focal.ReportDraft(
        report_id=report.id,
        actor_id=report.actor_id,
        ref=report.ref,
        kind=report.kind,
        period=report.period,
        description=report.description,
        link=report.link,
    )
    context.user_data["report_link_asked"] = True
    _save(context, draft)
    return await _confirm(update, context, draft)


async def ref_chosen(update: Update, context: Context) -> ReportState:
    query = update.callback_query
    draft = _draft(context)
    await query.answer()
    choice = query.data.partition(":")[2]
    if draft is None:
        await reply_html(update, "This report was already closed. Send /report to start again.")
        return ConversationHandler.END
    if choice == "objectives":
        items = services_of(context).catalogue.program_items("specific objective")
        rows = [
            [InlineKeyboardButton(f"{i.number}. {_short(i.text)}", callback_data=f"ref:specific objective {i.number}")]
            for i in items
        ]
        rows.append([InlineKeyboardButton("Other", callback_data="ref:other")])
        await reply_html(update, "<b>Which specific objective?</b>", reply_markup=InlineKeyboardMarkup(rows))
        return ReportState.REF
    draft.ref = choice
    return await _next_step(update, context, draft)


async def kind_chosen(update: Update, context: Context) -> ReportState:
    query = update.callback_query
    await query.answer()
    draft = _draft(context)
    draft.kind = query.data.partition(":")[2]
    return await _next_step(update, context, draft)


def _text_step(field: str, validate, state: ReportState):
    """A step that takes typed text: valid → stored and on to the next step; invalid → asked again."""

    async def step(update: Update, context: Context) -> ReportState:
        value, error = validate(update.effective_message.text or "")
        if error:
            await reply_html(update, escape(error))
            return state
        draft = _draft(context)
        setattr(draft, field, value)
        return await _next_step(update, context, draft)

    step.__name__ = f"{field}_given"
    return step


period_given = _text_step("period", focal.validate_period, ReportState.PERIOD)
description_given = _text_step("description", focal.validate_description, ReportState.DESCRIPTION)


async def link_given(update: Update, context: Context) -> ReportState:
    text = (update.effective_message.text or "").strip()
    draft = _draft(context)
    context.user_data["report_link_asked"] = True
    if text.lower() in {"/skip", "skip"}:
        draft.link = None
        return await _next_step(update, context, draft)
    link, error = focal.validate_link(text)
    if error:
        await reply_html(update, escape(error))
        return ReportState.LINK
    draft.link = link
    return await _next_step(update, context, draft)


async def submit(update: Update, context: Context) -> int:
    query = update.callback_query
    services = services_of(context)
    draft = _draft(context)
    if draft is None:
        await query.answer("Already submitted.", show_alert=False)
        return ConversationHandler.END
    point = focal.focal_point(services.store, update.effective_user.id)
    if point is None or point.actor_id != draft.actor_id:
        await query.answer("You can only report for the actor you are registered for.", show_alert=True)
        _clear(context)
        return ConversationHandler.END
    report, created = await asyncio.to_thread(focal.submit_report, services.store, draft, update.effective_user.id)
    await query.answer("Saved" if created else "Already submitted")
    _clear(context)
    verb = "updated (earlier version kept)" if draft.report_id else "saved"
    await reply_html(
        update, f"Report #{report.id} {verb}. Thank you! See /myreports. It will appear in search within seconds."
    )
    publish_reports_soon(context)
    return ConversationHandler.END


async def edit_menu(update: Update, context: Context) -> ReportState:
    query = update.callback_query
    await query.answer()
    fields = [
        ("ref", "Program reference"),
        ("kind", "Section"),
        ("period", "Period"),
        ("description", "Description"),
        ("link", "Link"),
    ]
    rows = [[InlineKeyboardButton(label, callback_data=f"rfield:{name}")] for name, label in fields]
    await reply_html(update, "Which field?", reply_markup=InlineKeyboardMarkup(rows))
    return ReportState.EDIT


async def edit_field(update: Update, context: Context) -> ReportState:
    query = update.callback_query
    await query.answer()
    draft = _draft(context)
    context.user_data["report_editing"] = True
    field = query.data.partition(":")[2]
    if field == "ref":
        return await _ask_ref(update, context, draft)
    if field == "kind":
        return await _ask_kind(update)
    if field == "period":
        return await _ask_period(update)
    if field == "description":
        return await _ask_description(update)
    return await _ask_link(update)


async def cancel(update: Update, context: Context) -> int:
    """Fallback everywhere: drop the draft."""
    had = _draft(context) is not None
    _clear(context)
    if update.callback_query:
        await update.callback_query.answer("Cancelled")
    await reply_html(update, "Cancelled: the draft was dropped." if had else "There was nothing to cancel.")
    return ConversationHandler.END


async def timed_out(update: Update, context: Context) -> None:
    await reply_html(update, "I stopped waiting, but your draft is kept: send /report to continue.")


async def stale_button(update: Update, context: Context) -> None:
    """A report button pressed after its conversation ended (double tap, old message)."""
    await update.callback_query.answer(
        "This report is already closed: see /myreports, or /report to start a new one.", show_alert=True
    )


def build_report_conversation() -> ConversationHandler:
    text = filters.TEXT & ~filters.COMMAND
    return ConversationHandler(
        entry_points=[CommandHandler("report", start), CallbackQueryHandler(edit_existing, pattern=r"^rpedit:\d+$")],
        states={
            ReportState.REF: [CallbackQueryHandler(ref_chosen, pattern=r"^ref:")],
            ReportState.KIND: [CallbackQueryHandler(kind_chosen, pattern=r"^kind:")],
            ReportState.PERIOD: [MessageHandler(text, period_given)],
            ReportState.DESCRIPTION: [MessageHandler(text, description_given)],
            ReportState.LINK: [MessageHandler(text | filters.Regex(r"^/skip$"), link_given)],
            ReportState.CONFIRM: [
                CallbackQueryHandler(submit, pattern=r"^rsub$"),
                CallbackQueryHandler(edit_menu, pattern=r"^redit$"),
                CallbackQueryHandler(cancel, pattern=r"^rcancel$"),
            ],
            ReportState.EDIT: [CallbackQueryHandler(edit_field, pattern=r"^rfield:")],
            ConversationHandler.TIMEOUT: [MessageHandler(filters.ALL, timed_out), CallbackQueryHandler(timed_out)],
        },
        fallbacks=[CommandHandler("cancel", cancel), CommandHandler("report", start)],
        name="report",
        persistent=True,
        conversation_timeout=TIMEOUT_SECONDS,
    )


def handlers() -> list[BaseHandler]:
    return [
        build_report_conversation(),
        CallbackQueryHandler(stale_button, pattern=r"^(rsub|redit|rcancel|ref:|kind:|rfield:)"),
    ]
