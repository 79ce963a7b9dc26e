"""Console chat: the same answers, browsing and delegate commands as the Telegram bot, in a terminal.

It is what `migrantsbot run` starts when no Telegram token is set, and what tests drive by
feeding lines to `chat_loop`. A `ChatSession` keeps what a Telegram user's settings keep: the
language chosen with /language, for the rest of the session. Its questions are logged like
Telegram's, under the console's own user (`bot.database.CONSOLE_USER`), so `stats` counts them
and says how many came from the console. Focal points' commands need a
Telegram account (it says which actor one reports for), so the console names them and says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.answering import browse
from bot.answering.answer import Answer, Answerer
from bot.answering.models import TurnContext
from bot.arguments import whole_number
from bot.curated import CuratedAnswers, find, reply_plain
from bot.text_input import printable
from bot.texts import LANGUAGE_NAMES, LANGUAGES, normalise_language, t
from index.corpus import DocumentInfo

TELEGRAM_ONLY = {"/register", "/report", "/myreports", "/cancel", "/skip"}


@dataclass
class ChatSession:
    answerer: Answerer
    documents: list[DocumentInfo]
    lang: str = "en"
    turn: TurnContext | None = None  # the last answered question, for "and the IOM?" / "tell me more"
    on_answer: Callable[[str, Answer, float], None] | None = None  # logs (question, answer, latency in ms)
    curated: CuratedAnswers | None = None  # the Secretariat's answers, shown first as in Telegram

    def respond(self, line: str) -> str | None:
        """One console turn; None means the user wants to leave."""
        line = printable(line).strip()  # control and invisible characters are not a question
        lang = self.lang
        if not line:
            return t(lang, "console.empty")
        if not line.startswith("/"):
            # The question's own language frames the answer; the session's decides for a short one.
            started = time.perf_counter()
            answer = self.answerer.answer(line, lang, context=self.turn)
            if self.on_answer is not None:
                self.on_answer(line, answer, (time.perf_counter() - started) * 1000)
            self.turn = answer.context or self.turn
            return reply_plain(find(self.curated, answer), answer)
        command, _, argument = line.partition(" ")
        command, argument = command.lower().split("@")[0], argument.strip()
        if command in {"/quit", "/exit"}:
            return None
        if command == "/start":
            return f"{t(lang, 'console.banner')}\n\n{t(lang, 'console.help')}"
        if command == "/help":
            return t(lang, "console.help")
        if command == "/language":
            return self._language(argument)
        if command in TELEGRAM_ONLY:
            return t(lang, "console.telegram_only", command=command)
        return self._browse(command, argument) or (
            f"{t(lang, 'console.unknown_command', command=command)} {t(lang, 'console.help')}"
        )

    def _language(self, argument: str) -> str:
        """/language alone: the current one and the others; /language fr (or Français): switch."""
        wanted = argument.lower()
        code = {name.lower(): code for code, name in LANGUAGE_NAMES.items()}.get(wanted, wanted)
        if code in LANGUAGES:
            self.lang = code
        elif wanted:
            choices = ", ".join(f"{code} ({name})" for code, name in LANGUAGE_NAMES.items())
            return f"{t(self.lang, 'language.prompt')} {choices}"
        return t(self.lang, "console.language")

    def _browse(self, command: str, argument: str) -> str | None:
        lang, catalogue = self.lang, self.answerer.catalogue
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
            return browse.sources_text(self.documents, browse.passage_counts(self.answerer.searcher.chunks), lang)
        return None


def chat_loop(
    answerer: Answerer,
    documents: list[DocumentInfo],
    lines: Iterable[str],
    write: Callable[[str], None],
    lang: str = "en",
    on_answer: Callable[[str, Answer, float], None] | None = None,
    curated: CuratedAnswers | None = None,
) -> None:
    session = ChatSession(answerer, documents, normalise_language(lang), on_answer=on_answer, curated=curated)
    write(t(session.lang, "console.banner"))
    for line in lines:
        reply = session.respond(line)
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
