"""/review: maintainers approve or return the reports focal points submitted, one at a time.

```
/review → the oldest submitted report: ✅ Approve · ↩ Return
✅ → approved: published (searchable, in the annual report) → the next one
↩  → "why?" (a reply) → returned with the comment → the focal point, in their language, with ✏️ Edit
```
A decision is on the version shown (the buttons carry it): pressed after a resubmission or after
another maintainer's decision, it changes nothing and says so. A return is recorded first and
then told to the focal point; when Telegram refuses or fails (blocked, 5xx, flood limits), the
telling is retried by `notify_returns` (handlers/jobs.py) and the comment is in /myreports
meanwhile, so nothing is lost. The operations are bot/reporting/review.py's.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import ForceReply, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, BaseHandler, CommandHandler

from bot import handoffs
from bot.formatting import split_message
from bot.handoffs import Awaited
from bot.reporting import registry, review
from bot.reporting.reports import Report
from bot.services import Services
from bot.texts import t
from handlers.callbacks import ApproveButton, ButtonHandler, EditReportButton, ReturnButton
from handlers.common import answer_query, edit_buttons, escape, keyboard, reply_html, reply_text, stored_user_data
from handlers.context import LANGUAGE_CHOICE, Context
from handlers.guards import is_maintainer, maintainers_only
from handlers.jobs import publish_reports_soon

logger = logging.getLogger(__name__)


def report_html(report: Report, actor_name: str, lang: str) -> str:
    """A report as a maintainer reviews it, or as its focal point reads it back."""
    heading = " · ".join([t(lang, f"kind.{report.kind}"), report.ref.label(lang), report.period])
    lines = [
        f"<b>#{report.id}</b> {escape(actor_name)} (v{report.version})",
        escape(heading),
        "",
        escape(report.description),
    ]
    if report.link:
        lines.append(escape(report.link))
    return "\n".join(lines)


async def _actor_name(context: Context, actor_id: str, lang: str) -> str:
    found = await asyncio.to_thread(registry.actor, context.services.store, actor_id)
    return found.name_in(lang) if found else actor_id


async def show_next(update: Update, context: Context) -> None:
    """The oldest report awaiting review, with its earlier decisions, or "nothing to review"."""
    store = context.services.store
    waiting = await asyncio.to_thread(review.queue, store)
    if not waiting:
        await reply_text(update, context.t("review.empty"))
        return
    report = waiting[0]
    lines = [context.t("review.title", count=len(waiting)), ""]
    lines.append(report_html(report, await _actor_name(context, report.actor_id, context.lang), context.lang))
    for decision in await asyncio.to_thread(review.history, store, report.id):
        if decision.decision == "returned":
            lines.append(
                escape(context.t("review.returned_before", version=decision.version, comment=decision.comment or ""))
            )
    buttons = keyboard(
        [
            (context.t("review.button_approve"), ApproveButton(report=report.id, version=report.version).data),
            (context.t("review.button_return"), ReturnButton(report=report.id, version=report.version).data),
        ]
    )
    await reply_html(update, "\n".join(lines), reply_markup=buttons)


@maintainers_only
async def review_command(update: Update, context: Context) -> None:
    if not context.services.settings.review_reports:
        await reply_text(update, context.t("review.off"))
        return
    await show_next(update, context)


@maintainers_only
async def approve(update: Update, context: Context) -> None:
    query, button = update.callback_query, context.button
    done = await asyncio.to_thread(
        review.approve, context.services.store, button.report, button.version, update.effective_user.id
    )
    if done is None:
        await answer_query(query, context.t("review.stale"), show_alert=True)
        return
    await answer_query(query, context.t("review.approved_short"))
    await edit_buttons(query, None)
    await reply_text(update, context.t("review.approved", id=done.id))
    publish_reports_soon(context)  # approved: into search, through the one publisher
    await show_next(update, context)


@maintainers_only
async def ask_comment(update: Update, context: Context) -> None:
    """↩: the comment is the maintainer's reply to this prompt."""
    query, button = update.callback_query, context.button
    current = await asyncio.to_thread(review.queue, context.services.store)
    if not any(r.id == button.report and r.version == button.version for r in current):
        await answer_query(query, context.t("review.stale"), show_alert=True)
        return
    await answer_query(query)
    prompt = await update.effective_message.reply_text(
        context.t("review.comment_prompt", id=button.report),
        reply_markup=ForceReply(selective=True, input_field_placeholder=context.t("review.comment_placeholder")),
        do_quote=False,
    )
    await asyncio.to_thread(
        handoffs.await_reply, context.services.store, prompt.chat_id, prompt.message_id, "return", button.report
    )


async def reply_received(update: Update, context: Context, awaited: Awaited, text: str) -> bool:
    """The comment of a return: the report goes back to its focal point with it."""
    services = context.services
    in_maintainers_chat = update.effective_chat.id == services.settings.maintainers_chat_id
    if not in_maintainers_chat and not await is_maintainer(update, context):
        return False
    current = await asyncio.to_thread(review.queue, services.store)
    report = next((r for r in current if r.id == awaited.ref_id), None)
    returned = None
    if report is not None and text.strip():
        returned = await asyncio.to_thread(
            review.return_report, services.store, report.id, report.version, update.effective_user.id, text
        )
    if returned is None:
        await reply_text(update, context.t("review.stale"))
        return True
    told = await notify_returns(context.application, services)
    key = "review.returned" if returned.id in told else "review.returned_not_delivered"
    await reply_text(update, context.t(key, id=returned.id))
    await show_next(update, context)
    return True


async def _focal_lang(application: Application, telegram_id: int, registered: str | None) -> str:
    chosen = (await stored_user_data(application, telegram_id)).get(LANGUAGE_CHOICE)
    return chosen or registered or "en"


async def notify_returns(application: Application, services: Services) -> set[int]:
    """Tell focal points of their returned reports, in their language; the ids told now.

    Each return is told once; a failure is retried at the next call, except when the focal point
    blocked the bot or the message is refused (then they read it in /myreports).
    """
    store = services.store
    told: set[int] = set()
    for decision, report in await asyncio.to_thread(review.pending_returns, store):
        point = await asyncio.to_thread(registry.focal_point, store, report.telegram_id)
        lang = await _focal_lang(application, report.telegram_id, point.lang if point else None)
        found = await asyncio.to_thread(registry.actor, store, report.actor_id)
        name = found.name_in(lang) if found else report.actor_id
        text = t(lang, "review.returned_to_focal", comment=escape(decision.comment or ""))
        text = f"{text}\n\n{report_html(report, name, lang)}"
        button = keyboard([(t(lang, "myreports.button_edit"), EditReportButton(report=report.id).data)])
        pieces = split_message(text)
        try:
            for index, piece in enumerate(pieces):
                last = index == len(pieces) - 1
                await application.bot.send_message(
                    report.telegram_id, piece, parse_mode=ParseMode.HTML, reply_markup=button if last else None
                )
        except (Forbidden, BadRequest) as error:  # blocked, or refused: retrying cannot help
            logger.warning("Could not tell the focal point of %s about a return: %s", report.actor_id, error)
            await asyncio.to_thread(review.note_failed_attempt, store, decision.id, give_up=True)
            continue
        except TelegramError as error:  # flood limits, network, Telegram's 5xx: try again later
            logger.warning("Will retry telling the focal point of %s about a return: %s", report.actor_id, error)
            await asyncio.to_thread(review.note_failed_attempt, store, decision.id)
            continue
        await asyncio.to_thread(review.mark_notified, store, decision.id)
        told.add(report.id)
    return told


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("review", review_command),
        ButtonHandler(ApproveButton, approve),
        ButtonHandler(ReturnButton, ask_comment),
    ]
