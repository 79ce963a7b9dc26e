"""/report: a focal point files an activity report, step by step, and can resume after a restart.

```
/report → REF (activity / objective / other) → KIND → PERIOD → DESCRIPTION → LINK → CONFIRM
CONFIRM: Submit → saved once, END · Edit a field → that step → CONFIRM · Cancel → END
```
The draft lives in `user_data` (persisted), so a timeout or a restart keeps it; it is written to
the database once, at Submit, under the draft's key (bot/reporting/reports.py). Each step parses
its input once: a button's value by its model (handlers/callbacks.py), typed text by the
validators of reports.py. Every step checks again that the user is still a focal point of the
draft's actor (`_step`): a focal point revoked mid-report can neither go on nor submit. A draft
that no longer validates (a forged or outdated value) is dropped with a log line, never kept to
fail every later step.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import warnings
from enum import IntEnum

from pydantic import ValidationError
from telegram import Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.reporting import registry, reports
from bot.reporting.reports import REPORT_KINDS, InvalidField, ReportDraft
from bot.texts import t
from handlers.callbacks import (
    REPORT_BUTTONS,
    ButtonHandler,
    CancelReportButton,
    EditMenuButton,
    EditReportButton,
    FieldButton,
    KindButton,
    RefButton,
    SubmitButton,
)
from handlers.common import escape, keyboard, reply_html, reply_text
from handlers.context import Context
from handlers.guards import focal_points_only, private_only, refuse
from handlers.jobs import publish_reports_soon

logger = logging.getLogger(__name__)

DRAFT = "report_draft"
EDITING = "report_editing"  # a field is being changed from the summary: go back to it after
LINK_ASKED = "report_link_asked"  # the link is optional: ask once
TIMEOUT_SECONDS = 30 * 60
FIELDS = ("ref", "kind", "period", "description", "link")


class ReportState(IntEnum):
    REF = 0
    KIND = 1
    PERIOD = 2
    DESCRIPTION = 3
    LINK = 4
    CONFIRM = 5
    EDIT = 6


def _draft(context: Context) -> ReportDraft | None:
    data = context.user_data.get(DRAFT)
    if not data:
        return None
    try:
        return ReportDraft.model_validate(data)
    except ValidationError as error:  # from a forged value or another version: dropped, not kept to fail again
        logger.warning("Dropped a report draft that no longer validates (%d errors)", error.error_count())
        _clear(context)
        return None


def _save(context: Context, draft: ReportDraft) -> None:
    context.user_data[DRAFT] = draft.model_dump()


def _clear(context: Context) -> None:
    """The draft and the conversation's flags go together, at END and at /cancel."""
    for key in (DRAFT, EDITING, LINK_ASKED):
        context.user_data.pop(key, None)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _step(callback):
    """A step of the conversation: only a focal point, with an open draft of their own actor."""

    @focal_points_only
    @functools.wraps(callback)
    async def step(update: Update, context: Context):
        draft = _draft(context)
        if draft is None:
            return await refuse(update, context, "report.already_closed")
        point = await asyncio.to_thread(registry.focal_point, context.services.store, update.effective_user.id)
        if point is None or point.actor_id != draft.actor_id:
            _clear(context)
            return await refuse(update, context, "report.wrong_actor")
        return await callback(update, context)

    return step


def _offered(context: Context, program_actor: str) -> set[str]:
    """The references the REF step offers this focal point, as button targets."""
    catalogue = context.services.catalogue
    offered = {f"activity {item.number}" for item in catalogue.activities_for(program_actor)}
    offered |= {f"specific objective {item.number}" for item in catalogue.program_items("specific objective")}
    return offered | {"objectives", "other"}


async def _program_actor(context: Context, draft: ReportDraft) -> str:
    registered = await asyncio.to_thread(registry.actor, context.services.store, draft.actor_id)
    return registry.program_actor_of(registered) if registered else draft.actor_id


# -- questions --------------------------------------------------------------------------------


async def _ask_ref(update: Update, context: Context, draft: ReportDraft) -> ReportState:
    items = context.services.catalogue.activities_for(await _program_actor(context, draft))
    rows = [[(f"{i.number}. {_short(i.text)}", RefButton(target=f"activity {i.number}").data)] for i in items]
    rows.append([(context.t("report.button_objective"), RefButton(target="objectives").data)])
    rows.append([(context.t("report.button_other"), RefButton(target="other").data)])
    await reply_html(update, context.t("report.ask_ref"), reply_markup=keyboard(*rows))
    return ReportState.REF


async def _ask_kind(update: Update, context: Context) -> ReportState:
    rows = [[(context.t(f"kind.{kind}"), KindButton(kind=kind).data)] for kind in REPORT_KINDS]
    await reply_html(update, context.t("report.ask_kind"), reply_markup=keyboard(*rows))
    return ReportState.KIND


async def _ask_period(update: Update, context: Context) -> ReportState:
    await reply_html(update, context.t("report.ask_period"))
    return ReportState.PERIOD


async def _ask_description(update: Update, context: Context) -> ReportState:
    await reply_html(update, context.t("report.ask_description"))
    return ReportState.DESCRIPTION


async def _ask_link(update: Update, context: Context) -> ReportState:
    await reply_html(update, context.t("report.ask_link"))
    return ReportState.LINK


def summary_html(draft: ReportDraft, actor_name: str, lang: str) -> str:
    """The draft as the focal point confirms it."""
    values = {
        "ref": draft.ref.label(lang) if draft.ref else "—",
        "kind": t(lang, f"kind.{draft.kind}") if draft.kind else "—",
        "period": draft.period or "—",
        "description": draft.description or "—",
        "link": draft.link or "—",
    }
    title = t(
        lang, "report.summary_title_edited" if draft.report_id else "report.summary_title", actor=escape(actor_name)
    )
    lines = [
        escape(t(lang, "report.summary_line", field=t(lang, f"report.field.{name}"), value=values[name]))
        for name in FIELDS
    ]
    return "\n".join([title, *lines])


async def _confirm(update: Update, context: Context, draft: ReportDraft) -> ReportState:
    registered = await asyncio.to_thread(registry.actor, context.services.store, draft.actor_id)
    buttons = keyboard(
        [(context.t("report.button_submit"), SubmitButton().data)],
        [
            (context.t("report.button_edit"), EditMenuButton().data),
            (context.t("button.cancel"), CancelReportButton().data),
        ],
    )
    name = registered.name_in(context.lang) if registered else draft.actor_id
    await reply_html(update, summary_html(draft, name, context.lang), reply_markup=buttons)
    return ReportState.CONFIRM


async def _next_step(update: Update, context: Context, draft: ReportDraft) -> ReportState:
    """After a field: back to the summary when editing, else on to the first missing step."""
    _save(context, draft)
    if context.user_data.pop(EDITING, None) and not draft.missing:
        return await _confirm(update, context, draft)
    return await _resume(update, context, draft)


async def _resume(update: Update, context: Context, draft: ReportDraft) -> ReportState:
    missing = draft.missing
    if "ref" in missing:
        return await _ask_ref(update, context, draft)
    if "kind" in missing:
        return await _ask_kind(update, context)
    if "period" in missing:
        return await _ask_period(update, context)
    if "description" in missing:
        return await _ask_description(update, context)
    if draft.link is None and not context.user_data.get(LINK_ASKED):
        context.user_data[LINK_ASKED] = True
        return await _ask_link(update, context)
    return await _confirm(update, context, draft)


# -- steps ------------------------------------------------------------------------------------


@private_only
@focal_points_only
async def start(update: Update, context: Context) -> ReportState:
    """Entry: only focal points; an unfinished draft is resumed, not lost."""
    point = await asyncio.to_thread(registry.focal_point, context.services.store, update.effective_user.id)
    draft = _draft(context)
    if draft is not None and draft.actor_id == point.actor_id:
        await reply_text(update, context.t("report.resume"))
        return await _resume(update, context, draft)
    draft = ReportDraft(actor_id=point.actor_id)
    _clear(context)
    _save(context, draft)
    return await _ask_ref(update, context, draft)


@focal_points_only
async def edit_existing(update: Update, context: Context) -> ReportState | int:
    """Entry from /myreports: a submitted report becomes a draft; submitting it keeps the old version."""
    query = update.callback_query
    report = await asyncio.to_thread(reports.report, context.services.store, context.button.report)
    point = await asyncio.to_thread(registry.focal_point, context.services.store, update.effective_user.id)
    if (
        report is None
        or report.telegram_id != update.effective_user.id
        or report.status != "active"
        or point is None
        or point.actor_id != report.actor_id
    ):
        await query.answer(context.t("report.cannot_edit"), show_alert=True)
        return ConversationHandler.END
    await query.answer()
    draft = reports.draft_from(report)
    context.user_data[LINK_ASKED] = True
    _save(context, draft)
    return await _confirm(update, context, draft)


async def _objectives(update: Update, context: Context) -> ReportState:
    """🎯 A Program objective: the specific objectives as buttons, still in the REF step."""
    items = context.services.catalogue.program_items("specific objective")
    rows = [[(f"{i.number}. {_short(i.text)}", RefButton(target=f"specific objective {i.number}").data)] for i in items]
    rows.append([(context.t("report.button_other"), RefButton(target="other").data)])
    await reply_html(update, context.t("report.ask_objective"), reply_markup=keyboard(*rows))
    return ReportState.REF


@_step
async def ref_chosen(update: Update, context: Context) -> ReportState | int:
    """A reference button: one of those offered to this focal point, else the stale-button alert."""
    query, button = update.callback_query, context.button
    draft = _draft(context)
    if button.target not in _offered(context, await _program_actor(context, draft)):
        await query.answer(context.t("button.stale"), show_alert=True)
        return ReportState.REF
    await query.answer()
    if button.program_ref is None:
        return await _objectives(update, context)
    draft.ref = button.program_ref
    return await _next_step(update, context, draft)


@_step
async def kind_chosen(update: Update, context: Context) -> ReportState:
    await update.callback_query.answer()
    draft = _draft(context)
    draft.kind = context.button.kind
    return await _next_step(update, context, draft)


def _text_step(field: str, parse, state: ReportState):
    """A step that takes typed text: valid → stored and on to the next step; invalid → asked again."""

    async def step(update: Update, context: Context) -> ReportState:
        try:
            value = parse(update.effective_message.text or "")
        except InvalidField as error:
            await reply_text(update, context.t(error.key, **error.values))
            return state
        draft = _draft(context)
        setattr(draft, field, value)
        if field == "link":
            context.user_data[LINK_ASKED] = True
        return await _next_step(update, context, draft)

    step.__name__ = f"{field}_given"
    step.__doc__ = f"The {field}, typed: stored when valid, else the reason and the same question."
    return _step(step)


period_given = _text_step("period", reports.parse_period, ReportState.PERIOD)
description_given = _text_step("description", reports.parse_description, ReportState.DESCRIPTION)
link_given = _text_step("link", reports.parse_link, ReportState.LINK)


@_step
async def link_skipped(update: Update, context: Context) -> ReportState:
    """/skip: no link."""
    draft = _draft(context)
    context.user_data[LINK_ASKED] = True
    draft.link = None
    return await _next_step(update, context, draft)


@focal_points_only
async def submit(update: Update, context: Context) -> int:
    """✅ Submit: written once, in one transaction; a replay or a double tap finds it written."""
    query = update.callback_query
    store = context.services.store
    draft = _draft(context)
    if draft is None:
        await query.answer(context.t("report.already_submitted"))
        return ConversationHandler.END
    point = await asyncio.to_thread(registry.focal_point, store, update.effective_user.id)
    if point is None or point.actor_id != draft.actor_id:
        await query.answer(context.t("report.wrong_actor"), show_alert=True)
        _clear(context)
        return ConversationHandler.END
    report, created = await asyncio.to_thread(reports.submit_report, store, draft, update.effective_user.id)
    await query.answer(context.t("report.saved_short" if created else "report.already_submitted"))
    _clear(context)
    if created:  # a replay of a submitted draft (restart before its state was kept) says nothing twice
        await reply_text(update, context.t("report.updated" if draft.report_id else "report.saved", id=report.id))
        publish_reports_soon(context)
    return ConversationHandler.END


@_step
async def edit_menu(update: Update, context: Context) -> ReportState:
    """✏️ Edit a field: which one."""
    await update.callback_query.answer()
    rows = [[(context.t(f"report.field.{name}"), FieldButton(field=name).data)] for name in FIELDS]
    await reply_text(update, context.t("report.which_field"), reply_markup=keyboard(*rows))
    return ReportState.EDIT


@_step
async def edit_field(update: Update, context: Context) -> ReportState:
    """That field's question again; after the answer, back to the summary."""
    query = update.callback_query
    await query.answer()
    draft = _draft(context)
    context.user_data[EDITING] = True
    field = context.button.field
    if field == "ref":
        return await _ask_ref(update, context, draft)
    if field == "kind":
        return await _ask_kind(update, context)
    if field == "period":
        return await _ask_period(update, context)
    if field == "description":
        return await _ask_description(update, context)
    return await _ask_link(update, context)


async def cancel(update: Update, context: Context) -> int:
    """Fallback everywhere: drop the draft."""
    had = _draft(context) is not None
    _clear(context)
    if update.callback_query:
        await update.callback_query.answer(context.t("button.cancelled"))
    await reply_text(update, context.t("report.cancelled" if had else "report.nothing_to_cancel"))
    return ConversationHandler.END


async def timed_out(update: Update, context: Context) -> None:
    await reply_text(update, context.t("report.timed_out"))


async def stale_button(update: Update, context: Context) -> None:
    """A report button pressed after its conversation ended (double tap, old message)."""
    await update.callback_query.answer(context.t("report.stale_button"), show_alert=True)


def build_report_conversation() -> ConversationHandler:
    text = filters.TEXT & ~filters.COMMAND
    # Buttons are tracked per user, not per message, on purpose: a draft spans several messages.
    # PTB warns about that choice when the handler is built; the warning is silenced here only.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[
                CommandHandler("report", start),
                ButtonHandler(EditReportButton, edit_existing),
            ],
            states={
                ReportState.REF: [ButtonHandler(RefButton, ref_chosen)],
                ReportState.KIND: [ButtonHandler(KindButton, kind_chosen)],
                ReportState.PERIOD: [MessageHandler(text, period_given)],
                ReportState.DESCRIPTION: [MessageHandler(text, description_given)],
                ReportState.LINK: [CommandHandler("skip", link_skipped), MessageHandler(text, link_given)],
                ReportState.CONFIRM: [
                    ButtonHandler(SubmitButton, submit),
                    ButtonHandler(EditMenuButton, edit_menu),
                    ButtonHandler(CancelReportButton, cancel),
                ],
                ReportState.EDIT: [ButtonHandler(FieldButton, edit_field)],
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
        ButtonHandler(REPORT_BUTTONS, stale_button),
    ]
