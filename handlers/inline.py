"""Inline mode, as python-telegram-bot's rules-bot does it: `@bot activity 27` or any question,
typed in any chat, offers the answer and its passages to post there.

The first result is the answer as the bot gives it in its own chat (the Secretariat's curated
answer first when one matches, then quotations and sources); the next ones are the cited passages in full, each under its source line, so a delegate can post the
exact text into a group. An empty or very short query gets a hint instead of guesses, a question
the documents do not cover gets that said, and in closed mode only registered users get results.
Inline mode is switched on once with @BotFather's /setinline.
"""

from __future__ import annotations

import asyncio
import hashlib

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, InputTextMessageContent, Update
from telegram.constants import InlineQueryLimit, ParseMode
from telegram.ext import BaseHandler, InlineQueryHandler

from bot.answering.answer import Answer, Citation
from bot.curated import CuratedMatch, curated_html, find, reply_html
from bot.formatting import answer_html, source_line, split_message
from bot.text_input import printable
from bot.texts import t
from handlers.common import escape
from handlers.context import Context
from handlers.guards import may_ask

MIN_QUERY_CHARS = 3  # "27" or "hi" is not a question yet: Telegram sends a query at every pause
PASSAGES = 5
CACHE_SECONDS = 120  # results change when the documents do; Telegram caches them this long
DESCRIPTION_CHARS = 200
MESSAGE_LIMIT = 4096


def _result_id(kind: str, key: str) -> str:
    """Unique within one answer and at most 64 bytes, as the Bot API requires."""
    return f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def _passage_html(citation: Citation, lang: str) -> str:
    """A passage under its source line; labelled when the reader's language is not the text's."""
    head = f"<b>{escape(source_line(citation))}</b>"
    label = t(lang, "quoted_en")
    head = f"{head}\n<i>{escape(label)}</i>" if label else head
    room = MESSAGE_LIMIT - len(head) - 2
    text = escape(citation.text)
    if len(text) > room:
        text = text[: room - 1].rsplit(" ", 1)[0] + "…"
    return f"{head}\n\n{text}"


def inline_results(answer: Answer, match: CuratedMatch | None = None) -> list[InlineQueryResultArticle]:
    """The Secretariat's curated answer when one matches (with the documents' answer below it,
    as in the bot's own chat), the documents' answer, then each cited passage (at most PASSAGES),
    for `answerInlineQuery`."""
    lang = answer.lang
    results = []
    if match is not None:
        results.append(
            InlineQueryResultArticle(
                id=_result_id("curated", f"{match.curated.id}:{match.curated.version}"),
                title=t(lang, "curated.label", date=match.curated.date),
                description=match.curated.answer[:DESCRIPTION_CHARS],
                input_message_content=InputTextMessageContent(
                    split_message(reply_html(match, answer) if answer.found else curated_html(match, lang))[0],
                    ParseMode.HTML,
                ),
            )
        )
    if not answer.found:
        return results
    results.append(
        InlineQueryResultArticle(
            id=_result_id("answer", answer.question),
            title=t(lang, "inline.answer"),
            description=(answer.generated_text or " ".join(s.text for s in answer.sentences))[:DESCRIPTION_CHARS],
            input_message_content=InputTextMessageContent(split_message(answer_html(answer))[0], ParseMode.HTML),
        )
    )
    for citation in answer.citations[:PASSAGES]:
        results.append(
            InlineQueryResultArticle(
                id=_result_id("passage", citation.chunk_id),
                title=source_line(citation),
                description=citation.text[:DESCRIPTION_CHARS],
                input_message_content=InputTextMessageContent(_passage_html(citation, lang), ParseMode.HTML),
            )
        )
    return results[: InlineQueryLimit.RESULTS]


async def inline_query(update: Update, context: Context) -> None:
    query = update.inline_query
    text = printable(query.query or "").strip()  # nothing invisible is searched

    async def hint(key: str, lang: str) -> None:
        button = InlineQueryResultsButton(text=t(lang, key), start_parameter="inline")
        await query.answer([], button=button, cache_time=0, is_personal=True)

    if not await may_ask(update, context):
        await hint("inline.closed", context.lang)
        return
    if len(text) < MIN_QUERY_CHARS:
        await hint("inline.hint", context.lang)
        return
    answer = await asyncio.to_thread(context.services.answerer.answer, text, context.lang)
    match = await asyncio.to_thread(find, context.services.curated, answer)
    if not answer.found and match is None:
        await hint("inline.not_found", answer.lang)
        return
    await query.answer(inline_results(answer, match), cache_time=CACHE_SECONDS, is_personal=True)


def handlers() -> list[BaseHandler]:
    return [InlineQueryHandler(inline_query)]
