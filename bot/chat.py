"""Console chat: the same answers and browsing as the Telegram bot, in a terminal.

It is what `migrantsbot run` starts when no Telegram token is set, and what tests drive by
feeding lines to `chat_loop`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.answering import browse
from bot.answering.answer import Answerer
from bot.arguments import whole_number
from bot.formatting import answer_plain
from bot.texts import t
from index.corpus import DocumentInfo


def respond(line: str, answerer: Answerer, documents: list[DocumentInfo], lang: str = "en") -> str | None:
    """One console turn; None means the user wants to leave."""
    line = line.strip()
    catalogue = answerer.catalogue
    if not line:
        return t(lang, "console.empty")
    if not line.startswith("/"):
        return answer_plain(answerer.answer(line, lang))
    command, _, argument = line.partition(" ")
    command, argument = command.lower(), argument.strip()
    if command in {"/quit", "/exit"}:
        return None
    if command in {"/help", "/start"}:
        return t(lang, "console.help")
    if command == "/objectives":
        return browse.objectives_text(catalogue, lang)
    if command == "/activities":
        if not argument:
            return "\n".join(
                f"{actor_id}: {browse.actor_name(actor_id, lang)} ({count})"
                for actor_id, _, count in catalogue.actors_with_activities()
            )
        actor_id = browse.resolve_actor(catalogue, argument)
        if actor_id is None:
            return browse.unknown_actor_text(catalogue, argument, lang)
        return browse.activities_text(catalogue, actor_id, lang)
    if command == "/activity":
        number = whole_number(argument, 1, 999)
        if number is None:
            return t(lang, "browse.activity_usage")
        return browse.activity_text(catalogue, number, lang)
    if command == "/sources":
        return browse.sources_text(documents, browse.passage_counts(answerer.searcher.chunks), lang)
    return f"{t(lang, 'console.unknown_command', command=command)} {t(lang, 'console.help')}"


def chat_loop(
    answerer: Answerer,
    documents: list[DocumentInfo],
    lines: Iterable[str],
    write: Callable[[str], None],
    lang: str = "en",
) -> None:
    write(t(lang, "console.banner"))
    for line in lines:
        reply = respond(line, answerer, documents, lang)
        if reply is None:
            break
        write(reply)
        write("")


def console_lines(prompt: str = "> ") -> Iterable[str]:
    while True:
        try:
            yield input(prompt)
        except (EOFError, KeyboardInterrupt):
            return
