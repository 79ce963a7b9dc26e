"""Curated answers from the chat: ⭐ under a delivered hand-off reply, /curate, /curated (✏️ 🗑).

```
#handoffN reply delivered → ⭐ Save as the curated answer → saved (the reply, in the language written)
/curate → ✍ buttons of the unanswered questions (/stats' list) → prompt → reply: the answer → saved
/curate QUESTION → prompt → reply → saved             (the digest's ✍ buttons lead to the prompt too)
/curated → one message per answer: ✏️ Edit → prompt → reply → new version · 🗑 Retire
```
The prompts are awaited replies (bot/handoffs.py), routed by handlers/feedback.py's reply handler
to `reply_received` here, so a restart between the prompt and the reply loses nothing. The
operations are bot/curated.py's; the documents a maintainer names in the answer are its sources.
"""

from __future__ import annotations

import asyncio
import datetime as dt

from telegram import ForceReply, Update
from telegram.ext import BaseHandler, CommandHandler

from bot import handoffs
from bot.curated import cited_documents
from bot.handoffs import Awaited
from handlers.callbacks import (
    ButtonHandler,
    CuratedEditButton,
    CuratedRetireButton,
    CurateHandoffButton,
    CurateQuestionButton,
)
from handlers.common import answer_query, edit_buttons, escape, keyboard, reply_html, reply_text
from handlers.context import Context
from handlers.guards import is_maintainer, maintainers_only
from index.language.identify import detect_language

PICK_LIMIT = 10  # unanswered questions offered by /curate
LISTED = 30  # curated answers listed by /curated


def unanswered_questions(store, *, days: int = 30, limit: int = PICK_LIMIT) -> list[tuple[int, str, int]]:
    """/stats' unanswered list with a question id each: (latest id, question, times asked)."""
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat()
    with store.read() as db:
        rows = db.query(
            "select max(id) id, question, count(*) n from questions where asked_at >= ? "
            "and kind in ('not_found', 'partial') group by lower(trim(question)) order by n desc, id desc limit ?",
            [since, limit],
        )
        return [(row["id"], row["question"], row["n"]) for row in rows]


async def _prompt(update: Update, context: Context, draft_id: int, question: str) -> None:
    """Ask for the answer as a reply; the reply is awaited in the database."""
    prompt = await update.effective_message.reply_text(
        context.t("curate.prompt", question=question[:300]),
        reply_markup=ForceReply(selective=True, input_field_placeholder=context.t("curate.placeholder")),
        do_quote=False,
    )
    await asyncio.to_thread(
        handoffs.await_reply, context.services.store, prompt.chat_id, prompt.message_id, "curate", draft_id
    )


@maintainers_only
async def curate(update: Update, context: Context) -> None:
    """/curate QUESTION: a prompt for its answer; /curate alone: the unanswered questions to pick from."""
    services = context.services
    typed = " ".join(context.args or []).strip()
    if typed:
        draft = await asyncio.to_thread(services.curated.draft, typed, created_by=update.effective_user.id)
        await _prompt(update, context, draft, typed)
        return
    found = await asyncio.to_thread(unanswered_questions, services.store)
    if not found:
        await reply_html(update, context.t("curate.nothing"))
        return
    rows = [
        [(f"{count}× {question[:50]}", CurateQuestionButton(question=question_id).data)]
        for question_id, question, count in found
    ]
    await reply_html(update, context.t("curate.pick"), reply_markup=keyboard(*rows))


@maintainers_only
async def curate_question(update: Update, context: Context) -> None:
    """✍ on a logged question (from /curate or the digest): the prompt for its answer."""
    query, services = update.callback_query, context.services
    row = await asyncio.to_thread(services.store.question, context.button.question)
    if row is None:
        await answer_query(query, context.t("button.stale"), show_alert=True)
        return
    await answer_query(query)
    draft = await asyncio.to_thread(
        services.curated.draft, row["question"], created_by=update.effective_user.id, question_id=row["id"]
    )
    await _prompt(update, context, draft, row["question"])


def _language(text: str, fallback: str) -> str:
    """The language an answer was written in (shown as such to readers of other languages)."""
    return detect_language(text, fallback=fallback)


@maintainers_only
async def save_handoff_reply(update: Update, context: Context) -> None:
    """⭐ under a delivered reply: that reply becomes the curated answer to the hand-off's question."""
    query, services = update.callback_query, context.services
    message = await asyncio.to_thread(handoffs.message, services.store, context.button.message)
    handoff = await asyncio.to_thread(handoffs.handoff, services.store, message["handoff_id"]) if message else None
    if message is None or handoff is None or message["sender"] != "secretariat":
        await answer_query(query, context.t("button.stale"), show_alert=True)
        return
    text = message["text"]
    sources = cited_documents(text, services.documents())
    saved = await asyncio.to_thread(
        services.curated.save,
        handoff.question,
        text,
        _language(text, handoff.lang),
        created_by=update.effective_user.id,
        sources=sources,
        question_id=handoff.question_id,
        handoff_id=handoff.id,
    )
    await answer_query(query, context.t("curated.saved_short"))
    await edit_buttons(query, None)
    await reply_text(update, context.t("curated.saved", id=saved.id, version=saved.version))


@maintainers_only
async def list_curated(update: Update, context: Context) -> None:
    """/curated: every active curated answer, each with ✏️ Edit and 🗑 Retire."""
    found = await asyncio.to_thread(context.services.curated.active)
    if not found:
        await reply_html(update, context.t("curated.none"))
        return
    for item in found[:LISTED]:
        buttons = keyboard(
            [
                (context.t("curated.button_edit"), CuratedEditButton(curated=item.id).data),
                (context.t("curated.button_retire"), CuratedRetireButton(curated=item.id).data),
            ]
        )
        head = context.t("curated.item", id=item.id, version=item.version, date=item.date, language=item.lang)
        text = f"<b>{escape(head)}</b>\n“{escape(item.question)}”\n\n{escape(item.answer)}"
        await reply_html(update, text, reply_markup=buttons)


@maintainers_only
async def edit_curated(update: Update, context: Context) -> None:
    query, services = update.callback_query, context.services
    item = await asyncio.to_thread(services.curated.get, context.button.curated)
    if item is None or item.status != "active":
        await answer_query(query, context.t("curated.gone"), show_alert=True)
        return
    await answer_query(query)
    prompt = await update.effective_message.reply_text(
        context.t("curated.edit_prompt", question=item.question[:300], version=item.version),
        reply_markup=ForceReply(selective=True, input_field_placeholder=context.t("curate.placeholder")),
        do_quote=False,
    )
    await asyncio.to_thread(
        handoffs.await_reply, services.store, prompt.chat_id, prompt.message_id, "curate_edit", item.id
    )


@maintainers_only
async def retire_curated(update: Update, context: Context) -> None:
    query = update.callback_query
    done = await asyncio.to_thread(context.services.curated.retire, context.button.curated)
    await answer_query(query, context.t("curated.retired_short" if done else "curated.gone"), show_alert=not done)
    if done:
        await edit_buttons(query, None)
        await reply_text(update, context.t("curated.retired", id=context.button.curated))


async def reply_received(update: Update, context: Context, awaited: Awaited, text: str) -> bool:
    """A maintainer's reply to a curate prompt: the answer (new, or a new version); False when it
    is not a maintainer's (anyone may reply in a group, only maintainers count)."""
    services = context.services
    in_maintainers_chat = update.effective_chat.id == services.settings.maintainers_chat_id
    if not in_maintainers_chat and not await is_maintainer(update, context):
        return False
    by = update.effective_user.id
    sources = cited_documents(text, services.documents())
    lang = _language(text, context.lang)
    if awaited.kind == "curate":
        saved = await asyncio.to_thread(
            services.curated.complete, awaited.ref_id, text, lang, created_by=by, sources=sources
        )
    else:
        try:
            saved = await asyncio.to_thread(
                services.curated.edit, awaited.ref_id, text, lang, edited_by=by, sources=sources
            )
        except ValueError:
            saved = None
    if saved is None:
        await reply_text(update, context.t("curated.gone"))
        return True
    await reply_text(update, context.t("curated.saved", id=saved.id, version=saved.version))
    return True


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("curate", curate),
        CommandHandler("curated", list_curated),
        ButtonHandler(CurateQuestionButton, curate_question),
        ButtonHandler(CurateHandoffButton, save_handoff_reply),
        ButtonHandler(CuratedEditButton, edit_curated),
        ButtonHandler(CuratedRetireButton, retire_curated),
    ]
