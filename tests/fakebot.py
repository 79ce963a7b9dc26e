"""An in-process fake Bot API: python-telegram-bot talks to it through a real BaseRequest.

Every call is recorded as (method, parameters); replies are what Telegram would send, so the
whole Application (handlers, rate limiter, error handler) runs unmodified.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, RequestData

BOT_USER = {
    "id": 4242,
    "is_bot": True,
    "first_name": "migrantsbot",
    "username": "migrants_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}


class FakeBotAPI(BaseRequest):
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._message_ids = itertools.count(1000)
        self.fail_methods: set[str] = set()
        self.blocked_by: set[int] = set()  # chats whose user blocked the bot: sending there is forbidden
        self.files: dict[str, bytes] = {}  # file_id → content, served by getFile and the download URL
        self.messages: list[dict[str, Any]] = []  # the messages the bot sent, as Telegram returned them
        self.latency = 0.0  # seconds each call takes, as over a network (lets concurrent handlers interleave)
        self.blocked_chats: set[int] = set()  # users who never opened a chat with the bot: 403 for them

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout=None,
        write_timeout=None,
        connect_timeout=None,
        pool_timeout=None,
    ) -> tuple[int, bytes]:
        if self.latency:
            await asyncio.sleep(self.latency)
        if "/file/bot" in url:  # a file download, as File.download_to_drive makes it
            file_id = url.rsplit("/", 1)[-1]
            self.calls.append(("download", {"file_id": file_id}))
            return (200, self.files[file_id]) if file_id in self.files else (404, b"")
        api_method = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        self.calls.append((api_method, params))
        if api_method == "sendMessage" and int(params.get("chat_id", 0)) in self.blocked_chats:
            return 403, json.dumps(
                {
                    "ok": False,
                    "error_code": 403,
                    "description": "Forbidden: bot can't initiate conversation with a user",
                }
            ).encode()
        if api_method in self.fail_methods:
            return _bad_request("test failure")
        if api_method == "sendMessage" and int(params.get("chat_id", 0)) in self.blocked_by:
            body = {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}
            return 403, json.dumps(body).encode()
        problem = self._refused(api_method, params)
        if problem:
            return _bad_request(problem)
        return 200, json.dumps({"ok": True, "result": self._result(api_method, params)}).encode()

    def _refused(self, api_method: str, params: dict[str, Any]) -> str | None:
        """What Telegram would refuse, so that a test cannot pass on a call the real API rejects."""
        if api_method in {"sendMessage", "editMessageText"} and not 1 <= len(params.get("text", "")) <= 4096:
            return "message text is empty or too long"
        if api_method == "answerInlineQuery":
            results = decoded(params.get("results", []))
            ids = [result.get("id", "") for result in results]
            if len(results) > 50 or len(set(ids)) != len(ids) or not all(0 < len(i.encode()) <= 64 for i in ids):
                return "RESULT_ID_INVALID"
            for result in results:
                text = result.get("input_message_content", {}).get("message_text", "")
                if result.get("type") == "article" and (not result.get("title") or not 1 <= len(text) <= 4096):
                    return "MESSAGE_EMPTY or MESSAGE_TOO_LONG"
            button = decoded(params.get("button") or {})
            if button and not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", button.get("start_parameter", "")):
                return "START_PARAM_INVALID"
        return None

    def _result(self, api_method: str, params: dict[str, Any]) -> Any:
        if api_method == "getMe":
            return BOT_USER
        if api_method in {"sendMessage", "editMessageText", "sendDocument"}:
            chat_id = int(params.get("chat_id", 1))
            message = {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "from": BOT_USER,
                "text": params.get("text", ""),
            }
            self.messages.append(message)
            return message
        if api_method == "getUpdates":
            return []
        if api_method == "getFile":
            file_id = params["file_id"]
            return {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_size": len(self.files.get(file_id, b"")),
                "file_path": f"documents/{file_id}",
            }
        return True

    # -- helpers for assertions ------------------------------------------------------------

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    def texts(self) -> list[str]:
        return [params["text"] for params in self.sent()]

    def inline_answers(self) -> list[dict[str, Any]]:
        """Every answerInlineQuery call, its results and button decoded."""
        return [
            {**params, "results": decoded(params.get("results", [])), "button": decoded(params.get("button"))}
            for params in self.sent("answerInlineQuery")
        ]

    def last_message(self, chat_id: int) -> dict[str, Any]:
        """The last message the bot sent to a chat, with its message_id (to reply to it)."""
        return next(m for m in reversed(self.messages) if m["chat"]["id"] == chat_id)

    def clear(self) -> None:
        self.calls.clear()


def _bad_request(description: str) -> tuple[int, bytes]:
    return 400, json.dumps({"ok": False, "error_code": 400, "description": f"Bad Request: {description}"}).encode()


def decoded(value: Any) -> Any:
    """A parameter as PTB sent it: JSON text for objects and lists, or already Python."""
    return json.loads(value) if isinstance(value, str) else value


_update_ids = itertools.count(1)


def user(user_id: int = 1, lang: str = "en") -> dict:
    return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}", "language_code": lang}


def message_update(
    text: str | None = None,
    *,
    user_id: int = 1,
    lang: str = "en",
    update_id: int | None = None,
    extra: dict | None = None,
    chat: dict | None = None,
    kind: str = "message",
) -> dict:
    """A message as Telegram sends it; `chat` for a group, `kind` "edited_message" or "channel_post"."""
    message: dict[str, Any] = {
        "message_id": next(_update_ids) + 10_000,
        "date": int(time.time()),
        "chat": chat or {"id": user_id, "type": "private"},
        "from": user(user_id, lang),
    }
    if text is not None:
        message["text"] = text
        entities = []
        if text.startswith("/"):
            command = text.split()[0]
            entities.append({"type": "bot_command", "offset": 0, "length": len(command)})
        mention = f"@{BOT_USER['username']}"
        if mention in text:
            entities.append({"type": "mention", "offset": text.index(mention), "length": len(mention)})
        if entities:
            message["entities"] = entities
    if kind == "channel_post":
        del message["from"]
    if kind == "edited_message":
        message["edit_date"] = int(time.time())
    message.update(extra or {})
    return {"update_id": update_id or next(_update_ids), kind: message}


GROUP = {"id": -100123, "type": "supergroup", "title": "Program delegates"}


def callback_update(data: str, *, user_id: int = 1, lang: str = "en", message_text: str = "…") -> dict:
    return {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": str(next(_update_ids)),
            "from": user(user_id, lang),
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": 999,
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private"},
                "from": BOT_USER,
                "text": message_text,
            },
        },
    }


def inline_update(query: str, *, user_id: int = 1, lang: str = "en", chat_type: str = "supergroup") -> dict:
    """`@bot query` typed in a chat, as Telegram delivers it to the bot."""
    return {
        "update_id": next(_update_ids),
        "inline_query": {
            "id": str(next(_update_ids)),
            "from": user(user_id, lang),
            "query": query,
            "offset": "",
            "chat_type": chat_type,
        },
    }


def reply_update(text: str | None, to: dict, *, user_id: int = 1, lang: str = "en") -> dict:
    """A message replying to `to`, a message the bot sent (`FakeBotAPI.last_message`), in its chat."""
    update = message_update(text, user_id=user_id, lang=lang)
    message = update["message"]
    message["chat"] = to["chat"]
    message["reply_to_message"] = to
    return update


async def settle() -> None:
    """Let concurrently processed updates finish."""
    for _ in range(50):
        await asyncio.sleep(0.01)


def document_update(
    file_id: str,
    file_name: str,
    size: int,
    *,
    user_id: int = 1,
    caption: str | None = None,
    mime: str = "text/plain",
    lang: str = "en",
) -> dict:
    extra = {
        "document": {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": file_name,
            "mime_type": mime,
            "file_size": size,
        }
    }
    if caption:
        extra["caption"] = caption
    return message_update(None, user_id=user_id, lang=lang, extra=extra)


class Harness:
    """The real Application on a FakeBotAPI, started as in production (post_init included).

    The one way tests talk to the bot: `send` an update built like Telegram's, then look at the
    calls the bot made (`api`, `texts`, `last`, `buttons`) and at the rows it wrote. `restart`
    builds a new Application on the same data, keeping only what persistence had written.
    """

    def __init__(self, settings, services) -> None:
        self.settings, self.services = settings, services
        self.api = FakeBotAPI()
        self.application = None

    async def start(self) -> None:
        from handlers.app import build_application

        self.application = build_application(self.settings, request=self.api, services=self.services)
        await self.application.initialize()
        await self.application.post_init(self.application)

    async def stop(self) -> None:
        if self.application is not None:
            if self.application.running:
                await self.application.stop()
            await self.application.shutdown()
            self.application = None

    async def crash(self) -> None:
        """What survives a crash: what the persistence loop (every second) had already written."""
        if self.application.running:
            await self.application.stop()
        await self.application.update_persistence()
        self.application = None

    async def restart(self) -> None:
        await self.crash()
        await self.start()

    async def send(self, update: dict) -> None:
        await self.application.process_update(Update.de_json(update, self.application.bot))

    async def deliver(self, *updates: dict) -> None:
        """Updates delivered in one batch, as getUpdates hands them over after downtime.

        They go through the Application's own update queue and update processor (the path of
        `run_polling`), all queued before any is handled; returns when every one is handled.
        """
        if not self.application.running:
            await self.application.start()
        for update in updates:
            self.application.update_queue.put_nowait(Update.de_json(update, self.application.bot))
        await self.application.update_queue.join()

    def texts(self) -> list[str]:
        return self.api.texts()

    def last(self) -> str:
        return self.api.texts()[-1]

    def buttons(self) -> list[str]:
        return buttons(self.api.sent()[-1])

    def alert(self) -> str:
        """The text of the last answer to a button press."""
        return self.api.sent("answerCallbackQuery")[-1].get("text", "")


@asynccontextmanager
async def running_bot(settings, services, *, clear: bool = True):
    """A started Harness; the start-up calls (getMe, setMyCommands) are cleared unless `clear=False`."""
    harness = Harness(settings, services)
    await harness.start()
    if clear:
        harness.api.clear()
    try:
        yield harness
    finally:
        await harness.stop()


def buttons(params: dict) -> list[str]:
    """The callback data of every inline button of a sent message."""
    markup = params.get("reply_markup") or {}
    markup = json.loads(markup) if isinstance(markup, str) else markup
    return [button["callback_data"] for row in markup.get("inline_keyboard", []) for button in row]
