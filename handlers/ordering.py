"""Updates of one user, and of one chat, are handled in the order Telegram sent them; others concurrently.

After downtime, getUpdates hands over everything that waited in one batch: "March 2025", the
description and `/skip` arrive together. PTB's `concurrent_updates(True)` would run them side by
side inside one conversation step (both texts taken as the period, `/skip` unknown), which its
documentation warns against for a `ConversationHandler`. This processor keeps a queue per key
instead: an update waits for the previous update of its user and of its chat, nothing else, so
one slow question never holds up another user.

The queues are chains of futures registered synchronously as updates arrive, so the order is
the arrival order, and an update that touches two keys (a user in a group) waits for both
without any chance of a deadlock (every wait points to an earlier update).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_CONCURRENT_UPDATES = 256


def ordering_keys(update: object) -> tuple[tuple[str, int], ...]:
    """The user and the chat an update belongs to (one key in a private chat, where both are the same)."""
    if not isinstance(update, Update):
        return ()
    keys: list[tuple[str, int]] = []
    if update.effective_user is not None:
        keys.append(("user", update.effective_user.id))
    chat = update.effective_chat
    if chat is not None and (update.effective_user is None or chat.id != update.effective_user.id):
        keys.append(("chat", chat.id))
    return tuple(keys)


class PerUserUpdateProcessor(BaseUpdateProcessor):
    """Serialises updates per user and per chat; different users run concurrently."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._tails: dict[tuple[str, int], asyncio.Future] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        keys = ordering_keys(update)
        before = [self._tails[key] for key in keys if key in self._tails]
        done = asyncio.get_running_loop().create_future()
        for key in keys:
            self._tails[key] = done
        try:
            try:
                for previous in before:  # set when the earlier update is done, whatever its outcome
                    await asyncio.shield(previous)
            except BaseException:  # cancelled while waiting (shutdown): the update never starts
                if asyncio.iscoroutine(coroutine):
                    coroutine.close()
                raise
            await coroutine
        finally:
            done.set_result(None)
            for key in keys:
                if self._tails.get(key) is done:
                    del self._tails[key]

    @property
    def waiting(self) -> int:
        """Users and chats with an update in progress (for tests and diagnostics)."""
        return len(self._tails)

    async def initialize(self) -> None:
        self._tails.clear()

    async def shutdown(self) -> None:
        self._tails.clear()
