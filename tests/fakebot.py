"""An in-process fake Bot API: python-telegram-bot talks to it through a real BaseRequest.

Every call is recorded as (method, parameters); replies are what Telegram would send, so the
whole Application (handlers, rate limiter, error handler) runs unmodified. Like Telegram it
refuses what the real API refuses (an empty text, an edit that changes nothing: "message is not
modified"), and a test makes any method fail the way Telegram fails (`FakeBotAPI.fail`): 400,
403, 429 with `retry_after`, 409, 5xx or a time-out, every time or a number of times. Updates wait
on the fake server until a `getUpdates` with a higher offset confirms them, so a bot killed before
it confirmed a batch gets it again when it restarts (`FakeBotAPI.push`, `Harness.poll`).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.error import TimedOut
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


# What Telegram answers when it refuses a call: (HTTP status, description). A time-out has no answer.
FAULTS: dict[str, tuple[int, str]] = {
    "bad_request": (400, "Bad Request: test failure"),
    "not_modified": (
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly "
        "the same as a current content and reply markup of the message",
    ),
    "query_too_old": (400, "Bad Request: query is too old and response timeout expired or query ID is invalid"),
    "forbidden": (403, "Forbidden: bot was blocked by the user"),
    "conflict": (
        409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    ),
    "retry_after": (429, "Too Many Requests: retry after {retry_after}"),
    "server_error": (502, "Bad Gateway"),
    "timeout": (0, "Timed out"),
}


@dataclass
class Fault:
    """One way a method fails: `times` calls from now (None: every call), those `when` accepts."""

    method: str
    kind: str
    times: int | None = None
    retry_after: int = 1
    status: int | None = None  # another 5xx than 502, for "server_error"
    when: Callable[[dict[str, Any]], bool] | None = None
    hits: int = 0

    def applies(self, method: str, params: dict[str, Any]) -> bool:
        if method != self.method or self.times == 0:
            return False
        return self.when is None or bool(self.when(params))

    def response(self) -> tuple[int, bytes]:
        self.hits += 1
        if self.times is not None:
            self.times -= 1
        if self.kind == "timeout":
            raise TimedOut("Timed out")  # what the HTTP client raises when Telegram does not answer in time
        status, description = FAULTS[self.kind]
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status or status,
            "description": description.format(retry_after=self.retry_after),
        }
        if self.kind == "retry_after":
            body["parameters"] = {"retry_after": self.retry_after}
        return self.status or status, json.dumps(body).encode()


class FakeBotAPI(BaseRequest):
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._message_ids = itertools.count(1000)
        self.faults: list[Fault] = []
        self.fail_methods: set[str] = set()  # every call of these fails with a 400 (shorthand for `fail`)
        self.pending_updates: list[dict] = []  # held by "Telegram" until a getUpdates offset confirms them
        self.handed_out: set[int] = set()  # update ids getUpdates has returned at least once
        self.contents: dict[tuple[int, int], tuple[str, str]] = {}  # (chat, message) → (text, buttons) shown
        self.blocked_by: set[int] = set()  # chats whose user blocked the bot: sending there is forbidden
        self.files: dict[str, bytes] = {}  # file_id → content, served by getFile and the download URL
        self.messages: list[dict[str, Any]] = []  # the messages the bot sent, as Telegram returned them
        self.latency = 0.0  # seconds each call takes, as over a network (lets concurrent handlers interleave)
        self.blocked_chats: set[int] = set()  # users who never opened a chat with the bot: 403 for them
        self.uploads: list[tuple[str, bytes]] = []  # (file name, content) of every file the bot sent

    def fail_next(self, method: str, status: int, *, chat_id: int | None = None) -> Fault:
        """The next call of `method` (to `chat_id`, if given) fails once with this HTTP status, as
        Telegram answers it: 400, 403, 429 (retry after 1 s) or a 5xx (see `fail`)."""
        kind = {400: "bad_request", 403: "forbidden", 429: "retry_after"}.get(status, "server_error")
        when = None if chat_id is None else (lambda params: int(params.get("chat_id", 0)) == chat_id)
        return self.fail(method, kind, times=1, status=status if kind == "server_error" else None, when=when)

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
        fault = next((f for f in self.faults if f.applies(api_method, params)), None)
        if fault is not None:
            return fault.response()
        for name, content, *_ in request_data.multipart_data.values() if request_data else []:
            self.uploads.append((name, content if isinstance(content, bytes) else content.read()))
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
        if api_method == "getUpdates":
            return 200, json.dumps({"ok": True, "result": await self._updates(params)}).encode()
        return 200, json.dumps({"ok": True, "result": self._result(api_method, params)}).encode()

    # -- failing as Telegram fails ---------------------------------------------------------

    def fail(
        self,
        method: str,
        kind: str = "bad_request",
        *,
        times: int | None = None,
        retry_after: int = 1,
        status: int | None = None,
        when: Callable[[dict[str, Any]], bool] | None = None,
    ) -> Fault:
        """Make `method` fail as Telegram does: `kind` is one of FAULTS ("not_modified", "forbidden",
        "retry_after", "conflict", "server_error", "timeout", …), for the next `times` calls (None:
        until `heal`), only for calls whose parameters `when` accepts. The fault counts its `hits`."""
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; one of {sorted(FAULTS)}")
        fault = Fault(method, kind, times=times, retry_after=retry_after, status=status, when=when)
        self.faults.append(fault)
        return fault

    def heal(self, method: str | None = None) -> None:
        """Telegram answers again (every method, or one)."""
        self.faults = [f for f in self.faults if method is not None and f.method != method]
        if method is None:
            self.fail_methods.clear()
        else:
            self.fail_methods.discard(method)

    # -- updates waiting on the server --------------------------------------------------------

    def push(self, *updates: dict) -> None:
        """Updates Telegram holds for the bot until a getUpdates with a higher offset confirms them."""
        self.pending_updates.extend(updates)

    async def _updates(self, params: dict[str, Any]) -> list[dict]:
        """What getUpdates returns: confirm everything below `offset`, hand over what waits."""
        offset = int(params.get("offset") or 0)
        if offset:
            self.pending_updates = [u for u in self.pending_updates if u["update_id"] >= offset]
        batch = self.pending_updates[: int(params.get("limit") or 100)]
        if not batch:
            await asyncio.sleep(0.01)  # a long poll with nothing to say, shortened
        self.handed_out |= {u["update_id"] for u in batch}
        return batch

    @property
    def unconfirmed(self) -> list[int]:
        """Ids of the updates Telegram would hand over again to a bot starting now."""
        return [u["update_id"] for u in self.pending_updates]

    def _refused(self, api_method: str, params: dict[str, Any]) -> str | None:
        """What Telegram would refuse, so that a test cannot pass on a call the real API rejects."""
        if api_method in {"sendMessage", "editMessageText"} and not 1 <= len(params.get("text", "")) <= 4096:
            return "message text is empty or too long"
        if api_method in {"editMessageText", "editMessageReplyMarkup"} and "chat_id" in params:
            key = (int(params["chat_id"]), int(params["message_id"]))
            shown = self.contents.get(key)
            text = params.get("text") if api_method == "editMessageText" else (shown[0] if shown else None)
            if shown is not None and (text, _markup(params)) == shown:
                return FAULTS["not_modified"][1].removeprefix("Bad Request: ")
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
        if api_method in {"sendMessage", "editMessageText", "sendDocument", "editMessageReplyMarkup"}:
            chat_id = int(params.get("chat_id", 1))
            edited = api_method.startswith("edit")
            message_id = int(params["message_id"]) if edited and "message_id" in params else next(self._message_ids)
            key = (chat_id, message_id)
            text = params.get("text", self.contents.get(key, ("", ""))[0] if edited else "")
            self.contents[key] = (text, _markup(params))
            message = {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "from": BOT_USER,
                "text": text,
            }
            if edited:  # an edit is the same message, shown anew
                self.messages = [m for m in self.messages if (m["chat"]["id"], m["message_id"]) != key]
            self.messages.append(message)
            return message
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


def _markup(params: dict[str, Any]) -> str:
    """A message's buttons in one spelling, to compare an edit with what is shown."""
    return json.dumps(decoded(params.get("reply_markup") or {}), sort_keys=True)


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
        """A clean stop, as on SIGTERM: polling confirms what it fetched, then everything shuts down."""
        if self.application is not None:
            if self.application.updater is not None and self.application.updater.running:
                await self.application.updater.stop()
            if self.application.running:
                await self.application.stop()
            await self.application.shutdown()
            await self.application.post_shutdown(self.application)  # as run_polling ends
            self.application = None

    async def crash(self) -> None:
        """What survives a kill: what the persistence loop (every second) had already written.

        Fetched updates are not confirmed (the final getUpdates never happens), so Telegram hands
        them over again; the locks the process held are released, as the kernel releases them.
        """
        application = self.application
        if application.updater is not None and application.updater.running:
            application.updater._Updater__polling_cleanup_cb = None  # killed: no last getUpdates
            await application.updater.stop()
        if application.running:
            await application.stop()
        await application.update_persistence()
        instance = getattr(application.bot_data, "instance", None)
        if instance is not None:
            instance.release()
        self.application = None

    async def restart(self) -> None:
        await self.crash()
        await self.start()

    async def poll(self) -> None:
        """Fetch updates with getUpdates, as `run_polling` does (its errors go to the error handler)."""
        application = self.application
        if not application.running:
            await application.start()

        def error_callback(error: Exception) -> None:  # the wrapper Application.run_polling passes
            application.create_task(application.process_error(error=error, update=None))

        self.api.handed_out.clear()  # `polled` waits for what this run fetches
        await application.updater.start_polling(poll_interval=0, timeout=0, error_callback=error_callback)

    async def polled(self, timeout: float = 10.0) -> None:
        """Wait until every update pushed so far was fetched and handled."""
        deadline = time.monotonic() + timeout
        while any(u["update_id"] not in self.api.handed_out for u in self.api.pending_updates):
            if time.monotonic() > deadline:
                raise TimeoutError("updates were not fetched")
            await asyncio.sleep(0.01)
        await self.application.update_queue.join()

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
