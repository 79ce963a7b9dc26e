"""The context every handler receives: `context.services` and `context.lang`, typed.

A `CallbackContext` subclass registered through `ContextTypes`, as in python-telegram-bot's
`examples/contexttypesbot.py`. The user's language is decided here and nowhere else: their choice
in /language, else their Telegram app's language, else English.
"""

from __future__ import annotations

import asyncio
import functools
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot

from bot.texts import normalise_language, t

if TYPE_CHECKING:
    from filelock import FileLock

    from bot.publisher import ReportPublisher
    from bot.services import Services
    from handlers.callbacks import Button

LANGUAGE_CHOICE = "lang"  # the user_data key /language writes
LOGGED_KEPT = 1000  # updates whose question was logged, remembered for the apology


@dataclass
class BotData:
    """`context.bot_data`: what lives as long as the bot, set in post_init, never persisted.

    `services` (their index swapped on re-index); `publisher`, the one background thread that
    brings reports into search; `writer`, the threads a maintainer's corpus change waits in (for
    the corpus and index lock, maybe minutes), apart from those questions are answered in;
    `instance`, the lock that makes this the only bot on its data folder; `logged`, which recent updates' questions reached the log (so an apology says "your
    question was kept" only when it was); `told`, when each kind of polling error was last told
    to the maintainers (once an hour each).
    """

    services: Services | None = None
    publisher: ReportPublisher | None = None
    instance: FileLock | None = None
    writer: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=2, thread_name_prefix="corpus-writer")
    )
    logged: OrderedDict[int, int] = field(default_factory=OrderedDict)
    told: dict[str, float] = field(default_factory=dict)

    async def write(self, function, *args: Any, **kwargs: Any) -> Any:
        """`function(*args, **kwargs)` in a writer thread: a change to the corpus or the index, which
        may wait long for the lock, never takes a thread questions need."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.writer, functools.partial(function, *args, **kwargs))

    def remember_logged(self, update_id: int, question_id: int) -> None:
        self.logged[update_id] = question_id
        while len(self.logged) > LOGGED_KEPT:
            self.logged.popitem(last=False)


class Context(CallbackContext[ExtBot, dict, dict, BotData]):
    def __init__(self, application: Application, chat_id: int | None = None, user_id: int | None = None) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)
        self._language_code: str | None = None
        self.button: Button | None = None  # the pressed button's value, parsed (handlers/callbacks.py)

    @classmethod
    def from_update(cls, update: object, application: Application) -> Context:
        context = super().from_update(update, application)
        if isinstance(update, Update) and update.effective_user:
            context._language_code = update.effective_user.language_code
        return context

    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("Services are not ready yet")
        return services

    @property
    def lang(self) -> str:
        """One of bot.texts.LANGUAGES: chosen with /language, else Telegram's language_code, else English."""
        chosen = self.user_data.get(LANGUAGE_CHOICE) if self.user_data is not None else None
        return normalise_language(chosen or self._language_code)

    def t(self, key: str, **values: object) -> str:
        """`bot.texts.t` in this user's language."""
        return t(self.lang, key, **values)
