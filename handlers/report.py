"""/report: a focal point files an activity report, step by step, and can resume after a restart.

```
/report → REF (activity / objective / other) → KIND → PERIOD → DESCRIPTION → LINK → CONFIRM
CONFIRM: Submit → saved once, END · Edit a field → that step → CONFIRM · Cancel → END
```
The draft lives in `user_data` (persisted), so a timeout or a restart keeps it; it is written to
the database once, at Submit, under the draft's key (bot/reporting/reports.py), and an edit that
changes nothing writes no new version. Each step parses its input once: a button's value by its
model (handlers/callbacks.py), typed text by the validators of reports.py. Text typed where a
button is expected is never taken for a question: at the summary or the list of fields it is kept
and goes to the field the user then picks; at a step with buttons the question is asked again.
Every step checks again that the user is still a focal point of the draft's actor (`_step`): a
focal point revoked mid-report can neither go on nor submit. A draft that no longer validates (a
forged or outdated value) is dropped with a log line, never kept to fail every later step.
"""

from __future__ import annotations

import asyncio
import functools
import warnings

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
from bot.reporting.reports import InvalidField, ReportDraft
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
from handlers.common import answer_query, keyboard, reply_html, reply_text
from handlers.context import Context
from handlers.guards import focal_points_only, private_only, refuse
from handlers.jobs import publish_reports_soon
from handlers.report_questions import (
    EDITING,
    FIELDS,
    LINK_ASKED,
    PENDING_TEXT,
    TEXT_FIELDS,
    ReportState,
    ask_description,
    ask_kind,
    ask_link,
    ask_period,
    ask_ref,
    choice,
    clear,
    confirm,
    draft_of,
    next_step,
    offered,
    program_actor,
    resume,
    save,
)

TIMEOUT_SECONDS = 30 * 60


def _step(callback):
    """A step of the conversation: only a focal point, with an open draft of their own actor."""

    @focal_points_only
    @functools.wraps(callback)
    async def step(update: Update, context: Context):
        draft = draft_of(context)
        if draft is None:
            return await refuse(update, context, "report.already_closed")
        point = await asyncio.to_thread(registry.focal_point, context.services.store, update.effective_user.id)
        if point is None or point.actor_id != draft.actor_id:
            clear(context)
            return await refuse(update, context, "report.wrong_actor")
        return await callback(update, context)

    return step


# -- steps ------------------------------------------------------------------------------------


@private_only
@focal_points_only
async def start(update: Update, context: Context) -> ReportState:
    """Entry: only focal points; an unfinished draft is resumed, not lost."""
    point = await asyncio.to_thread(registry.focal_point, context.services.store, update.effective_user.id)
    draft = draft_of(context)
    if draft is not None and draft.actor_id == point.actor_id:
        await reply_text(update, context.t("report.resume"))
        return await resume(update, context, draft)
    draft = ReportDraft(actor_id=point.actor_id)
    clear(context)
    save(context, draft)
    return await ask_ref(update, context, draft)


@focal_points_only
async def edit_existing(update: Update, context: Context) -> ReportState | int:
    """Entry from /myreports: a submitted report becomes a draft; submitting it keeps the old version.
    The actor's focal point may edit any of its actor's reports, a predecessor's included."""
    query = update.callback_query
    report = await asyncio.to_thread(reports.report, context.services.store, context.button.report)
    point = await asyncio.to_thread(registry.focal_point, context.services.store, update.effective_user.id)
    if report is None or report.status != "active" or point is None or point.actor_id != report.actor_id:
        await answer_query(query, context.t("report.cannot_edit"), show_alert=True)
        return ConversationHandler.END
    await answer_query(query)
    draft = reports.draft_from(report)
    context.user_data[LINK_ASKED] = True
    save(context, draft)
    return await confirm(update, context, draft)


async def _objectives(update: Update, context: Context) -> ReportState:
    """🎯 A Program objective: the specific objectives as buttons, still in the REF step."""
    items = context.services.catalogue.program_items("specific objective")
    text, rows = choice(context, context.t("report.ask_objective"), items, "specific objective")
    rows.append([(context.t("report.button_other"), RefButton(target="other").data)])
    await reply_html(update, text, reply_markup=keyboard(*rows))
    return ReportState.REF


@_step
async def ref_chosen(update: Update, context: Context) -> ReportState | int:
    """A reference button: one of those offered to this focal point, else the stale-button alert."""
    query, button = update.callback_query, context.button
    draft = draft_of(context)
    if button.target not in offered(context, await program_actor(context, draft)):
        await answer_query(query, context.t("button.stale"), show_alert=True)
        return ReportState.REF
    await answer_query(query)
    if button.program_ref is None:
        return await _objectives(update, context)
    draft.ref = button.program_ref
    return await next_step(update, context, draft)


@_step
async def kind_chosen(update: Update, context: Context) -> ReportState:
    await answer_query(update.callback_query)
    draft = draft_of(context)
    draft.kind = context.button.kind
    return await next_step(update, context, draft)


def _text_step(field: str, parse, state: ReportState):
    """A step that takes typed text: valid → stored and on to the next step; invalid → asked again."""

    async def step(update: Update, context: Context) -> ReportState:
        try:
            value = parse(update.effective_message.text or "")
        except InvalidField as error:
            await reply_text(update, context.t(error.key, **error.values))
            return state
        draft = draft_of(context)
        setattr(draft, field, value)
        if field == "link":
            context.user_data[LINK_ASKED] = True
        return await next_step(update, context, draft)

    step.__name__ = f"{field}_given"
    step.__doc__ = f"The {field}, typed: stored when valid, else the reason and the same question."
    return _step(step)


period_given = _text_step("period", reports.parse_period, ReportState.PERIOD)
description_given = _text_step("description", reports.parse_description, ReportState.DESCRIPTION)
link_given = _text_step("link", reports.parse_link, ReportState.LINK)


@_step
async def link_skipped(update: Update, context: Context) -> ReportState:
    """/skip: no link."""
    draft = draft_of(context)
    context.user_data[LINK_ASKED] = True
    draft.link = None
    return await next_step(update, context, draft)


@focal_points_only
async def submit(update: Update, context: Context) -> int:
    """✅ Submit: written once, in one transaction; a replay or a double tap finds it written."""
    query = update.callback_query
    store = context.services.store
    draft = draft_of(context)
    if draft is None:
        await answer_query(query, context.t("report.already_submitted"))
        return ConversationHandler.END
    point = await asyncio.to_thread(registry.focal_point, store, update.effective_user.id)
    if point is None or point.actor_id != draft.actor_id:
        await answer_query(query, context.t("report.wrong_actor"), show_alert=True)
        clear(context)
        return ConversationHandler.END
    reviewed = context.services.settings.review_reports
    try:
        report, created = await asyncio.to_thread(
            reports.submit_report, store, draft, update.effective_user.id, review=reviewed
        )
    except reports.ReportGone as gone:  # withdrawn since the edit began: nothing is lost, it can be filed anew
        await answer_query(query)
        draft = draft.as_new()
        save(context, draft)
        await reply_text(update, context.t("report.withdrawn_meanwhile", id=gone.report_id))
        return await confirm(update, context, draft)
    clear(context)
    if not created and report.submission_key != draft.key:  # not a replay: an edit that changed nothing
        await answer_query(query)
        await reply_text(update, context.t("report.unchanged", id=report.id))
        return ConversationHandler.END
    await answer_query(query, context.t("report.saved_short" if created else "report.already_submitted"))
    if created:  # a replay of a submitted draft (restart before its state was kept) says nothing twice
        publish_reports_soon(context)  # first: a reply Telegram refuses must not keep it out of search
        if reviewed:  # searchable once a maintainer approves it
            key = "report.updated_for_review" if draft.report_id else "report.saved_for_review"
        else:
            key = "report.updated" if draft.report_id else "report.saved"
        await reply_text(update, context.t(key, id=report.id))
    return ConversationHandler.END


@_step
async def edit_menu(update: Update, context: Context) -> ReportState:
    """✏️ Edit a field: which one."""
    await answer_query(update.callback_query)
    context.user_data.pop(PENDING_TEXT, None)
    rows = [[(context.t(f"report.field.{name}"), FieldButton(field=name).data)] for name in FIELDS]
    await reply_text(update, context.t("report.which_field"), reply_markup=keyboard(*rows))
    return ReportState.EDIT


async def text_at_summary(update: Update, context: Context) -> ReportState:
    """Text typed at the summary or the list of fields: kept for the text field the user picks."""
    context.user_data[PENDING_TEXT] = update.effective_message.text or ""
    rows = [[(context.t(f"report.field.{name}"), FieldButton(field=name).data)] for name in TEXT_FIELDS]
    rows.append([(context.t("button.cancel"), CancelReportButton().data)])
    await reply_text(update, context.t("report.which_field_for_text"), reply_markup=keyboard(*rows))
    return ReportState.EDIT


async def text_at_ref(update: Update, context: Context) -> ReportState:
    """Text typed where a Program reference is to be chosen: the buttons again."""
    await reply_text(update, context.t("report.use_buttons"))
    return await ask_ref(update, context, draft_of(context))


async def text_at_kind(update: Update, context: Context) -> ReportState:
    """Text typed where the kind of report is to be chosen: the buttons again."""
    await reply_text(update, context.t("report.use_buttons"))
    return await ask_kind(update, context)


@_step
async def edit_field(update: Update, context: Context) -> ReportState:
    """That field's question again, or the text typed for it; after the answer, back to the summary."""
    await answer_query(update.callback_query)
    draft = draft_of(context)
    context.user_data[EDITING] = True
    field = context.button.field
    pending = context.user_data.pop(PENDING_TEXT, None)
    if pending is not None and field in TEXT_FIELDS:
        try:
            setattr(draft, field, TEXT_FIELDS[field](pending))
        except InvalidField as error:
            await reply_text(update, context.t(error.key, **error.values))
        else:
            return await next_step(update, context, draft)
    if field == "ref":
        return await ask_ref(update, context, draft)
    if field == "kind":
        return await ask_kind(update, context)
    if field == "period":
        return await ask_period(update, context)
    if field == "description":
        return await ask_description(update, context)
    return await ask_link(update, context)


async def cancel(update: Update, context: Context) -> int:
    """Fallback everywhere: drop the draft."""
    had = draft_of(context) is not None
    clear(context)
    if update.callback_query:
        await answer_query(update.callback_query, context.t("button.cancelled"))
    await reply_text(update, context.t("report.cancelled" if had else "report.nothing_to_cancel"))
    return ConversationHandler.END


async def timed_out(update: Update, context: Context) -> None:
    await reply_text(update, context.t("report.timed_out"))


async def stale_button(update: Update, context: Context) -> None:
    """A report button pressed after its conversation ended (double tap, old message)."""
    await answer_query(update.callback_query, context.t("report.stale_button"), show_alert=True)


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
                ReportState.REF: [ButtonHandler(RefButton, ref_chosen), MessageHandler(text, text_at_ref)],
                ReportState.KIND: [ButtonHandler(KindButton, kind_chosen), MessageHandler(text, text_at_kind)],
                ReportState.PERIOD: [MessageHandler(text, period_given)],
                ReportState.DESCRIPTION: [MessageHandler(text, description_given)],
                ReportState.LINK: [CommandHandler("skip", link_skipped), MessageHandler(text, link_given)],
                ReportState.CONFIRM: [
                    ButtonHandler(SubmitButton, submit),
                    ButtonHandler(EditMenuButton, edit_menu),
                    ButtonHandler(CancelReportButton, cancel),
                    MessageHandler(text, text_at_summary),
                ],
                ReportState.EDIT: [
                    ButtonHandler(FieldButton, edit_field),
                    ButtonHandler(CancelReportButton, cancel),
                    MessageHandler(text, text_at_summary),
                ],
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
        CommandHandler("cancel", cancel),  # with no report open (the conversation takes it otherwise)
    ]
