"""Focal points' own commands: /register CODE, and /myreports with ✏️ Edit and 🗑 Withdraw.

The /report conversation (and editing, which re-enters it) is in handlers/report.py.
"""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.reporting import invitations, registry, reports
from handlers.callbacks import ButtonHandler, EditReportButton, WithdrawButton, WithdrawConfirmButton
from handlers.common import answer_query, escape, keyboard, reply_html, reply_text
from handlers.context import Context
from handlers.guards import focal_points_only, private_only
from handlers.jobs import publish_reports_soon


@private_only
async def register(update: Update, context: Context) -> None:
    if not context.args:
        await reply_html(update, context.t("register.usage"))
        return
    user = update.effective_user
    try:
        registered = await asyncio.to_thread(
            invitations.register, context.services.store, user.id, user.full_name, context.args[0], lang=context.lang
        )
    except invitations.RegistrationError as error:
        await reply_text(update, context.t(f"register.{error.reason}"))
        return
    await reply_html(update, context.t("register.welcome", actor=escape(registered.name_in(context.lang))))


@private_only
@focal_points_only
async def my_reports(update: Update, context: Context) -> None:
    point = await asyncio.to_thread(registry.focal_point, context.services.store, update.effective_user.id)
    mine = await asyncio.to_thread(reports.reports_of_actor, context.services.store, point.actor_id)
    if not mine:
        await reply_text(update, context.t("myreports.none"))
        return
    for report in mine[:20]:
        buttons = keyboard(
            [
                (context.t("myreports.button_edit"), EditReportButton(report=report.id).data),
                (context.t("myreports.button_withdraw"), WithdrawButton(report=report.id).data),
            ]
        )
        heading = " · ".join([context.t(f"kind.{report.kind}"), report.ref.label(context.lang), report.period])
        state = context.t(f"state.{report.review}")
        text = f"<b>#{report.id}</b> {escape(heading)} (v{report.version}, {escape(state)})"
        if report.review == "returned" and report.review_comment:
            text += "\n" + escape(context.t("myreports.returned", comment=report.review_comment))
        text += f"\n{escape(report.description[:300])}"
        await reply_html(update, text, reply_markup=buttons)


@focal_points_only
async def withdraw(update: Update, context: Context) -> None:
    """🗑 asks for confirmation; "Yes, withdraw it" withdraws. Only the focal point of the report's
    actor (the guard checks at each press) may: `reports.withdraw_report` checks it in the same
    transaction as the change, so a replaced focal point's reports are their successor's."""
    query = update.callback_query
    report_id = context.button.report
    if isinstance(context.button, WithdrawButton):
        await answer_query(query)
        confirm = keyboard(
            [(context.t("myreports.button_confirm_withdraw"), WithdrawConfirmButton(report=report_id).data)]
        )
        await reply_text(update, context.t("myreports.confirm_withdraw", id=report_id), reply_markup=confirm)
        return
    done = await asyncio.to_thread(reports.withdraw_report, context.services.store, report_id, update.effective_user.id)
    await answer_query(
        query, context.t("myreports.withdrawn_short" if done else "myreports.not_withdrawn"), show_alert=not done
    )
    if done:
        publish_reports_soon(context)  # first: a reply Telegram refuses must not keep it in search
        await reply_text(update, context.t("myreports.withdrawn", id=report_id))


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("register", register),
        CommandHandler("myreports", my_reports),
        ButtonHandler((WithdrawButton, WithdrawConfirmButton), withdraw),
    ]
