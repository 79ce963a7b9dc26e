"""Console chat: the same answers and browsing as the Telegram bot, in a terminal.

It is what `migrantsbot run` starts when no Telegram token is set, and what tests drive by
feeding lines to `chat_loop`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.answering import browse
from bot.answering.answer import Answerer
from bot.formatting import answer_plain
from index.corpus import DocumentInfo

HELP = """Ask any question about the Program, in English or Spanish. Commands:
  /objectives          the Program's general and specific objectives
  /activities [ACTOR]  the Program activities, for one actor (IACHR, CIM, IIN, PAHO, CAM, GS, MEMBER_STATES)
  /activity N          one activity, 1-42
  /sources             the documents the answers come from
  /help                this text
  /quit                leave"""


def respond(line: str, answerer: Answerer, documents: list[DocumentInfo]) -> str | None:
    """One console turn; None means the user wants to leave."""
    line = line.strip()
    catalogue = answerer.catalogue
    if not line:
        return "Type a question, or /help."
    if not line.startswith("/"):
        return answer_plain(answerer.answer(line))
    command, _, argument = line.partition(" ")
    command, argument = command.lower(), argument.strip()
    if command in {"/quit", "/exit"}:
        return None
    if command in {"/help", "/start"}:
        return HELP
    if command == "/objectives":
        return browse.objectives_text(catalogue)
    if command == "/activities":
        if not argument:
            return "\n".join(
                f"{actor_id}: {name} ({count})" for actor_id, name, count in catalogue.actors_with_activities()
            )
        actor_id = browse.resolve_actor(catalogue, argument)
        return (
            browse.activities_text(catalogue, actor_id) if actor_id else browse.unknown_actor_text(catalogue, argument)
        )
    if command == "/activity":
        if not argument.isdigit():
            return "Usage: /activity N, for example /activity 27"
        return browse.activity_text(catalogue, int(argument))
    if command == "/sources":
        return browse.sources_text(documents, browse.passage_counts(answerer.searcher.chunks))
    return f"Unknown command {command}. {HELP}"


def chat_loop(
    answerer: Answerer, documents: list[DocumentInfo], lines: Iterable[str], write: Callable[[str], None]
) -> None:
    write(
        "migrantsbot: ask about the Inter-American Program on the human rights of migrants. /help for commands, /quit to leave."
    )
    for line in lines:
        reply = respond(line, answerer, documents)
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
