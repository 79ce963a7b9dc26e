"""python-telegram-bot's persistence on the app's SQLite database (bot/state.py does the storing).

A `BasePersistence` that keeps user data and conversation states, nothing else (`bot_data` holds
the live services; chat data and callback data are not used). User data is loaded per user, on
that user's first update since the start (`refresh_user_data`), so the bot needs no list of all
its users and keeps their ids only as salted hashes. The writes of one persistence run (every
second, and at shutdown) are committed together, in one transaction.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput

from bot.config import Settings
from bot.database import open_store
from bot.state import ConversationWrite, StateStore, UserWrite

UPDATE_INTERVAL_SECONDS = 1.0


class SQLitePersistence(BasePersistence[dict, dict, Any]):
    def __init__(self, settings: Settings, *, update_interval: float = UPDATE_INTERVAL_SECONDS) -> None:
        super().__init__(
            store_data=PersistenceInput(bot_data=False, chat_data=False, user_data=True, callback_data=False),
            update_interval=update_interval,
        )
        self.settings = settings
        self._state: StateStore | None = None
        self._loaded: set[int] = set()  # users whose stored data is in application.user_data
        self._written: dict[int, str] = {}  # each user's data as last written: unchanged data is not rewritten
        self._pending: list[UserWrite | ConversationWrite] = []
        self._commit: asyncio.Future | None = None

    async def _store(self) -> StateStore:
        """Opened at the first call (Application.initialize), with the previous release's pickle brought in."""
        if self._state is None:

            def open_state() -> StateStore:
                state = StateStore(open_store(self.settings))
                state.import_legacy_pickle(self.settings.data_dir)
                return state

            self._state = await asyncio.to_thread(open_state)
        return self._state

    async def _write(self, item: UserWrite | ConversationWrite) -> None:
        """Queue a write; the writes of one persistence run (started together) share a transaction."""
        self._pending.append(item)
        if self._commit is None:
            self._commit = asyncio.ensure_future(self._commit_soon())
        await asyncio.shield(self._commit)

    async def _commit_soon(self) -> None:
        await asyncio.sleep(0)  # the other writes of this run join the batch first
        writes, self._pending, self._commit = self._pending, [], None
        state = await self._store()
        await asyncio.to_thread(state.write, writes)

    # -- user data ----------------------------------------------------------------------------

    async def get_user_data(self) -> dict[int, dict]:
        await self._store()
        return {}  # loaded per user by refresh_user_data

    async def refresh_user_data(self, user_id: int, user_data: dict) -> None:
        if user_id in self._loaded:
            return
        state = await self._store()
        stored = await asyncio.to_thread(state.user_data, user_id)
        for key, value in stored.items():
            user_data.setdefault(key, value)
        self._loaded.add(user_id)

    async def update_user_data(self, user_id: int, data: dict) -> None:
        # A user whose data was never loaded (an update no handler took) would overwrite theirs with {}.
        if user_id not in self._loaded:
            return
        try:
            seen = json.dumps(data, sort_keys=True, default=repr)
        except (TypeError, ValueError):
            seen = None
        if seen is not None and self._written.get(user_id) == seen:
            return
        await self._write(UserWrite(user_id, data))
        if seen is not None:
            self._written[user_id] = seen

    async def drop_user_data(self, user_id: int) -> None:
        self._loaded.add(user_id)
        self._written.pop(user_id, None)
        await self._write(UserWrite(user_id, None))

    async def stored_user_data(self, user_id: int) -> dict:
        """A user's data without an update of theirs (reminders are sent unasked)."""
        state = await self._store()
        return await asyncio.to_thread(state.user_data, user_id)

    # -- conversations ------------------------------------------------------------------------

    async def get_conversations(self, name: str) -> dict[tuple, object]:
        state = await self._store()
        return await asyncio.to_thread(state.conversations, name)

    async def update_conversation(self, name: str, key: tuple, new_state: object | None) -> None:
        await self._write(ConversationWrite(name, tuple(key), new_state))

    async def ensure_database_file(self) -> str | None:
        """This connection's part in noticing a deleted database file (`Store.ensure_file`)."""
        if self._state is None:
            return None
        return await asyncio.to_thread(self._state.store.ensure_file)

    async def flush(self) -> None:
        if self._commit is not None:
            await asyncio.shield(self._commit)
        if self._state is not None:
            self._state.store.close()
            self._state = None
        self._loaded.clear()
        self._written.clear()

    # -- not stored ---------------------------------------------------------------------------

    async def get_chat_data(self) -> dict[int, dict]:
        return {}

    async def get_bot_data(self) -> Any:
        return None

    async def get_callback_data(self) -> None:
        return None

    async def update_chat_data(self, chat_id: int, data: dict) -> None:
        return None

    async def update_bot_data(self, data: Any) -> None:
        return None

    async def update_callback_data(self, data: Any) -> None:
        return None

    async def drop_chat_data(self, chat_id: int) -> None:
        return None

    async def refresh_chat_data(self, chat_id: int, chat_data: dict) -> None:
        return None

    async def refresh_bot_data(self, bot_data: Any) -> None:
        return None
