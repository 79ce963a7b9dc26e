"""/objectives, /activities, /activity N, /sources: browsing the mandates without a question."""

from __future__ import annotations

from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.answering import browse
from bot.answering.browse import HEADINGS
from handlers.common import Context, reply_html, services_of, user_lang
from index.corpus import load_manifest


async def objectives(update: Update, context: Context) -> None:
    catalogue = services_of(context).catalogue
    await reply_html(update, escape(browse.objectives_text(catalogue, user_lang(update, context))))


def actors_keyboard(context: Context, lang: str) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(f"{browse.actor_name(actor_id, lang)} ({count})", callback_data=f"acts:{actor_id}")]
        for actor_id, _, count in services_of(context).catalogue.actors_with_activities()
    ]
    return InlineKeyboardMarkup(rows)


async def activities(update: Update, context: Context) -> None:
    lang = user_lang(update, context)
    catalogue = services_of(context).catalogue
    if not context.args:
        await reply_html(update, escape(HEADINGS[lang]["pick_actor"]), reply_markup=actors_keyboard(context, lang))
        return
    name = " ".join(context.args)
    actor_id = browse.resolve_actor(catalogue, name)
    if actor_id is None:
        await reply_html(
            update,
            escape(browse.unknown_actor_text(catalogue, name, lang)),
            reply_markup=actors_keyboard(context, lang),
        )
        return
    await reply_html(update, escape(browse.activities_text(catalogue, actor_id, lang)))


async def actor_chosen(update: Update, context: Context) -> None:
    query = update.callback_query
    lang = user_lang(update, context)
    actor_id = (query.data or "").partition(":")[2]
    catalogue = services_of(context).catalogue
    if actor_id not in {a for a, _, _ in catalogue.actors_with_activities()}:
        await query.answer(
            "This button is out of date; send /activities again."
            if lang == "en"
            else "Este botón ya no es válido; envíe /activities de nuevo.",
            show_alert=True,
        )
        return
    await query.answer()
    await reply_html(update, escape(browse.activities_text(catalogue, actor_id, lang)))


async def activity(update: Update, context: Context) -> None:
    lang = user_lang(update, context)
    if not context.args or not context.args[0].isdigit():
        usage = (
            "Usage: /activity N, for example /activity 27"
            if lang == "en"
            else "Uso: /activity N, por ejemplo /activity 27"
        )
        await reply_html(update, escape(usage))
        return
    text = browse.activity_text(services_of(context).catalogue, int(context.args[0]), lang)
    await reply_html(update, escape(text))


async def sources(update: Update, context: Context) -> None:
    services = services_of(context)
    documents = load_manifest(services.settings.corpus_dir)
    await reply_html(
        update,
        escape(
            browse.sources_text(documents, browse.passage_counts(services.searcher.chunks), user_lang(update, context))
        ),
    )


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("objectives", objectives),
        CommandHandler("activities", activities),
        CommandHandler("activity", activity),
        CommandHandler("sources", sources),
        CallbackQueryHandler(actor_chosen, pattern=r"^acts:"),
    ]
