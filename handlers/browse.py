"""/objectives, /activities, /activity N, /sources: browsing the mandates without a question."""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CommandHandler

from bot.answering import browse
from bot.arguments import whole_number
from handlers.callbacks import ActorButton, ButtonHandler
from handlers.common import answer_query, keyboard, reply_text
from handlers.context import Context
from handlers.guards import is_maintainer


async def objectives(update: Update, context: Context) -> None:
    await reply_text(update, browse.objectives_text(context.services.catalogue, context.lang))


def actors_keyboard(context: Context) -> InlineKeyboardMarkup:
    rows = [
        [(f"{browse.actor_name(actor_id, context.lang)} ({count})", ActorButton(actor=actor_id).data)]
        for actor_id, _, count in context.services.catalogue.actors_with_activities()
    ]
    return keyboard(*rows)


async def activities(update: Update, context: Context) -> None:
    catalogue = context.services.catalogue
    if not context.args:
        await reply_text(update, context.t("browse.pick_actor"), reply_markup=actors_keyboard(context))
        return
    name = " ".join(context.args)
    actor_id = browse.resolve_actor(catalogue, name)
    if actor_id is None:
        text = browse.unknown_actor_text(catalogue, name, context.lang)
        await reply_text(update, text, reply_markup=actors_keyboard(context))
        return
    await reply_text(update, browse.activities_text(catalogue, actor_id, context.lang))


async def actor_chosen(update: Update, context: Context) -> None:
    query = update.callback_query
    actor_id = context.button.actor
    catalogue = context.services.catalogue
    if actor_id not in {a for a, _, _ in catalogue.actors_with_activities()}:
        await answer_query(query, context.t("browse.stale_actor"), show_alert=True)
        return
    await answer_query(query)
    await reply_text(update, browse.activities_text(catalogue, actor_id, context.lang))


async def activity(update: Update, context: Context) -> None:
    number = whole_number(context.args[0], 1, 999) if context.args else None
    if number is None:
        await reply_text(update, context.t("browse.activity_usage"))
        return
    await reply_text(update, browse.activity_text(context.services.catalogue, number, context.lang))


async def sources(update: Update, context: Context) -> None:
    """The documents, from manifest.toml; while it does not parse, those the index serves (and, to a
    maintainer, what is wrong with the manifest)."""
    services = context.services
    documents, problem = await asyncio.to_thread(services.documents_or_served)
    counts = browse.passage_counts(services.searcher.chunks)
    await reply_text(update, browse.sources_text(documents, counts, context.lang))
    if problem is not None and await is_maintainer(update, context):
        await reply_text(update, context.t("notice.manifest_broken", error=problem))


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("objectives", objectives),
        CommandHandler("activities", activities),
        CommandHandler("activity", activity),
        CommandHandler("sources", sources),
        ButtonHandler(ActorButton, actor_chosen),
    ]
