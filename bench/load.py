"""Load test: simulated users ask through the full Application; the Bot API is a fake on loopback.

    python bench/load.py [--users 50] [--questions 20] [--think 1.0]

Each user sends a question, waits for the reply, thinks for `--think` seconds (randomised ±50%),
and asks again: a closed loop, like people in a chat. Questions are drawn from the dev set, so
many repeat across users, as in real use. The fake Bot API is a real HTTP server on 127.0.0.1:
python-telegram-bot's own HTTPX client talks to it through TELEGRAM_API_BASE_URL. Prints
throughput, reply latency p50/p95 (update queued → sendMessage received) and lost updates.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pydantic import SecretStr
from telegram import Update

from bot.config import Settings
from bot.services import build_services
from handlers.app import build_application

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.jsonl"
FALLBACK_QUESTIONS = [
    "activity 27",
    "Which resolution created the CAM?",
    "What must the IIN do?",
    "¿Qué dice el objetivo específico 8?",
]
BOT = {"id": 4242, "is_bot": True, "first_name": "migrantsbot", "username": "migrants_load_bot"}


class FakeTelegram(BaseHTTPRequestHandler):
    """Answers every Bot API method with success and notes when each chat got its reply."""

    replies: ClassVar[dict[int, list[float]]] = {}
    lock = threading.Lock()
    message_ids = iter(range(1, 10**9))

    def do_POST(self):
        method = self.path.rsplit("/", 1)[-1]
        body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0)).decode()
        params = {k: v[0] for k, v in parse_qs(body).items()}
        result: object = True
        if method == "getMe":
            result = BOT
        elif method == "sendMessage":
            chat_id = int(params["chat_id"])
            with self.lock:
                self.replies.setdefault(chat_id, []).append(time.perf_counter())
                message_id = next(self.message_ids)
            result = {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "from": BOT,
                "text": "x",
            }
        payload = json.dumps({"ok": True, "result": result}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


def load_questions() -> list[str]:
    if DEV.exists():
        return [json.loads(line)["question"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return FALLBACK_QUESTIONS


async def run(users: int, per_user: int, think: float, *, limiter: bool = True) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeTelegram)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]

    data_dir = Path(tempfile.mkdtemp())
    base = Settings()
    settings = base.model_copy(
        update={
            "data_dir": data_dir,
            "telegram_token": SecretStr("123:LOAD"),
            "telegram_api_base_url": f"http://127.0.0.1:{port}/bot",
            "questions_per_minute": 10_000,
            "admin_ids": [],
        }
    )
    index_dir = base.index_dir  # reuse the built index when there is one
    if index_dir.exists():
        import shutil

        shutil.copytree(index_dir, settings.index_dir)
    services = await asyncio.to_thread(build_services, settings)
    application = build_application(settings, services=services, rate_limiter=limiter)
    await application.initialize()
    await application.post_init(application)
    await application.start()

    questions = load_questions()
    random.seed(7)
    latencies: list[float] = []
    lost = 0

    async def user(user_id: int) -> None:
        nonlocal lost
        for n in range(per_user):
            expected = len(FakeTelegram.replies.get(user_id, [])) + 1
            update = {
                "update_id": user_id * 1000 + n,
                "message": {
                    "message_id": n + 1,
                    "date": int(time.time()),
                    "chat": {"id": user_id, "type": "private"},
                    "from": {"id": user_id, "is_bot": False, "first_name": "U", "language_code": "en"},
                    "text": random.choice(questions),
                },
            }
            sent = time.perf_counter()
            await application.update_queue.put(Update.de_json(update, application.bot))
            deadline = sent + 30
            while len(FakeTelegram.replies.get(user_id, [])) < expected and time.perf_counter() < deadline:
                await asyncio.sleep(0.002)
            replies = FakeTelegram.replies.get(user_id, [])
            if len(replies) < expected:
                lost += 1
            else:
                latencies.append((replies[expected - 1] - sent) * 1000)
            await asyncio.sleep(think * random.uniform(0.5, 1.5))

    started = time.perf_counter()
    await asyncio.gather(*(user(1000 + u) for u in range(users)))
    elapsed = time.perf_counter() - started
    await application.stop()
    await application.shutdown()
    server.shutdown()

    latencies.sort()
    total = users * per_user
    limit = "with" if limiter else "without"
    print(
        f"{users} users × {per_user} questions, think time {think:.1f} s (±50%), {limit} the 30 msg/s flood limiter, model {settings.embedding_model}"
    )
    print(
        f"replies: {len(latencies)}/{total}, lost: {lost}, throughput {len(latencies) / elapsed:.1f} replies/s over {elapsed:.1f} s"
    )
    if latencies:
        print(
            f"reply latency: p50 {statistics.median(latencies):.1f} ms, p95 {latencies[int(0.95 * (len(latencies) - 1))]:.1f} ms, max {latencies[-1]:.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument(
        "--no-limiter", action="store_true", help="measure without Telegram's 30 messages/s flood limit"
    )
    args = parser.parse_args()
    asyncio.run(run(args.users, args.questions, args.think, limiter=not args.no_limiter))


if __name__ == "__main__":
    main()
