"""The /report conversation's questions and its draft: what is asked at each step, the summary
to confirm, and the draft kept in `user_data` (persisted) with the conversation's flags.

handlers/report.py holds the steps (what each answer does) and the ConversationHandler; this
module only asks, so the steps read as a list of transitions.
"""

from __future__ import annotations

import asyncio
import logging
from enum import IntEnum

from pydantic import ValidationError
from telegram import Update

from bot.reporting import registry, reports
from bot.reporting.reports import REPORT_KINDS, ReportDraft
from bot.texts import t
from handlers.callbacks import CancelReportButton, EditMenuButton, KindButton, RefButton, SubmitButton
from handlers.common import escape, keyboard, reply_html
from handlers.context import Context

logger = logging.getLogger(__name__)

DRAFT = "report_draft"
EDITING = "report_editing"  # a field is being changed from the summary: go back to it after
LINK_ASKED = "report_link_asked"  # the link is optional: ask once
PENDING_TEXT = "report_pending_text"  # typed at the summary: goes to the field the user picks
LABELLED_BUTTONS = 8  # more Program items than this are listed in the message, with numbered buttons
FIELDS = ("ref", "kind", "period", "description", "link")
TEXT_FIELDS = {"period": reports.parse_period, "description": reports.parse_description, "link": reports.parse_link}


class ReportState(IntEnum):
    REF = 0
    KIND = 1
    PERIOD = 2
    DESCRIPTION = 3
    LINK = 4
    CONFIRM = 5
    EDIT = 6


def draft_of(context: Context) -> ReportDraft | None:
    data = context.user_data.get(DRAFT)
    if not data:
        return None
    try:
        return ReportDraft.model_validate(data)
    except ValidationError as error:  # from a forged value or another version: dropped, not kept to fail again
        logger.warning("Dropped a report draft that no longer validates (%d errors)", error.error_count())
        clear(context)
        return None


def save(context: Context, draft: ReportDraft) -> None:
    context.user_data[DRAFT] = draft.model_dump()


def clear(context: Context) -> None:
    """The draft and the conversation's flags go together, at END and at /cancel."""
    for key in (DRAFT, EDITING, LINK_ASKED, PENDING_TEXT):
        context.user_data.pop(key, None)


def short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


# -- questions --------------------------------------------------------------------------------


def choice(context: Context, question: str, items: list, kind: str) -> tuple[str, list[list[tuple[str, str]]]]:
    """A question with Program items to pick from: a few as labelled buttons; many (a member
    state has 24 activities) listed in the message, in the documents' words, with a grid of
    numbered buttons under it, which a phone shows whole."""
    if len(items) <= LABELLED_BUTTONS:
        return question, [
            [(f"{i.number}. {short(i.text)}", RefButton(target=f"{kind} {i.number}").data)] for i in items
        ]
    label = context.t("quoted_en")
    lines = [question, *([f"<i>{escape(label)}</i>"] if label else []), ""]
    lines += [f"<b>{i.number}.</b> {escape(short(i.text, 100))}" for i in items]
    buttons = [(str(i.number), RefButton(target=f"{kind} {i.number}").data) for i in items]
    return "\n".join(lines), [buttons[start : start + 6] for start in range(0, len(buttons), 6)]


async def program_actor(context: Context, draft: ReportDraft) -> str:
    """Whose Program activities the draft's actor implements (a member state: the states')."""
    registered = await asyncio.to_thread(registry.actor, context.services.store, draft.actor_id)
    return registry.program_actor_of(registered) if registered else draft.actor_id


def offered(context: Context, actor: str) -> set[str]:
    """The references the REF step offers this focal point, as button targets."""
    catalogue = context.services.catalogue
    targets = {f"activity {item.number}" for item in catalogue.activities_for(actor)}
    targets |= {f"specific objective {item.number}" for item in catalogue.program_items("specific objective")}
    return targets | {"objectives", "other"}


async def ask_ref(update: Update, context: Context, draft: ReportDraft) -> ReportState:
    items = context.services.catalogue.activities_for(await program_actor(context, draft))
    text, rows = choice(context, context.t("report.ask_ref"), items, "activity")
    rows.append([(context.t("report.button_objective"), RefButton(target="objectives").data)])
    rows.append([(context.t("report.button_other"), RefButton(target="other").data)])
    await reply_html(update, text, reply_markup=keyboard(*rows))
    return ReportState.REF


async def ask_kind(update: Update, context: Context) -> ReportState:
    rows = [[(context.t(f"kind.{kind}"), KindButton(kind=kind).data)] for kind in REPORT_KINDS]
    await reply_html(update, context.t("report.ask_kind"), reply_markup=keyboard(*rows))
    return ReportState.KIND


async def ask_period(update: Update, context: Context) -> ReportState:
    await reply_html(update, context.t("report.ask_period"))
    return ReportState.PERIOD


async def ask_description(update: Update, context: Context) -> ReportState:
    await reply_html(update, context.t("report.ask_description"))
    return ReportState.DESCRIPTION


async def ask_link(update: Update, context: Context) -> ReportState:
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


async def confirm(update: Update, context: Context, draft: ReportDraft) -> ReportState:
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


async def next_step(update: Update, context: Context, draft: ReportDraft) -> ReportState:
    """After a field: back to the summary when editing, else on to the first missing step."""
    save(context, draft)
    if context.user_data.pop(EDITING, None) and not draft.missing:
        return await confirm(update, context, draft)
    return await resume(update, context, draft)


async def resume(update: Update, context: Context, draft: ReportDraft) -> ReportState:
    missing = draft.missing
    if "ref" in missing:
        return await ask_ref(update, context, draft)
    if "kind" in missing:
        return await ask_kind(update, context)
    if "period" in missing:
        return await ask_period(update, context)
    if "description" in missing:
        return await ask_description(update, context)
    if draft.link is None and not context.user_data.get(LINK_ASKED):
        context.user_data[LINK_ASKED] = True
        return await ask_link(update, context)
    return await confirm(update, context, draft)
