"""Load test: simulated users ask through the full Application; the Bot API is a fake on loopback.

    python bench/load.py [--users 50] [--questions 20] [--think 1.0] [--burst-users 50] [--burst-questions 10]

Two scenarios on one bot (one model load):

1. Closed loop: each user sends a question, waits for the reply, thinks for `--think` seconds
   (randomised ±50%), and asks again, like people in a chat. Prints throughput, reply latency
   p50/p95 (update queued → sendMessage received) and lost updates.
2. Bursts in batches: each of `--burst-users` users sends `--burst-questions` different
   questions in bursts of 1 to 4 at once, and every round of bursts from all users is put on the
   update queue together, as getUpdates hands over what waited after downtime. Each reply is
   matched to its question by its text (each user's questions have distinct answers), so the
   bench counts replies received/expected, doubled replies, replies out of the order the user
   asked in (must be 0: one user's updates are handled in order), and latency p50/p95.

Questions are drawn from the tune part of the dev set (bench/split.py), so many repeat across
users, as in real use. The fake Bot API is a real HTTP server on 127.0.0.1: python-telegram-bot's
own HTTPX client talks to it through TELEGRAM_API_BASE_URL.
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

from bench.common import percentile
from bench.split import part
from bot.config import Settings
from bot.formatting import answer_html, split_message
from bot.services import build_services
from handlers.app import build_application

BOT = {"id": 4242, "is_bot": True, "first_name": "migrantsbot", "username": "migrants_load_bot"}


class LoopbackServer(ThreadingHTTPServer):
    request_queue_size = 256  # 50 users' requests at once: the default backlog of 5 resets connections
    daemon_threads = True


class FakeTelegram(BaseHTTPRequestHandler):
    """Answers every Bot API method with success and notes each chat's replies: (time, text)."""

    replies: ClassVar[dict[int, list[tuple[float, str]]]] = {}
    lock = threading.Lock()
    message_ids = iter(range(1, 10**9))

    def do_POST(self):
        method = self.path.rsplit("/", 1)[-1]
        body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
        if self.headers.get("Content-Type", "").startswith("application/json"):
            params = json.loads(body or b"{}")
        else:
            params = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        result: object = True
        if method == "getMe":
            result = BOT
        elif method == "sendMessage":
            chat_id = int(params["chat_id"])
            with self.lock:
                self.replies.setdefault(chat_id, []).append((time.perf_counter(), str(params.get("text", ""))))
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
    return [item["question"] for item in part("tune")]


def _update(user_id: int, update_id: int, text: str) -> dict:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private"},
            "from": {"id": user_id, "is_bot": False, "first_name": "U", "language_code": "en"},
            "text": text,
        },
    }


def _latency_line(latencies: list[float]) -> str:
    if not latencies:
        return "reply latency: no replies"
    return (
        f"reply latency: p50 {statistics.median(latencies):.1f} ms, p95 {percentile(latencies, 0.95):.1f} ms, "
        f"max {max(latencies):.1f} ms"
    )


async def closed_loop(application, questions: list[str], users: int, per_user: int, think: float) -> None:
    latencies: list[float] = []
    lost = 0

    async def user(user_id: int) -> None:
        nonlocal lost
        for n in range(per_user):
            expected = len(FakeTelegram.replies.get(user_id, [])) + 1
            sent = time.perf_counter()
            update = _update(user_id, user_id * 1000 + n, random.choice(questions))
            await application.update_queue.put(Update.de_json(update, application.bot))
            deadline = sent + 30
            while len(FakeTelegram.replies.get(user_id, [])) < expected and time.perf_counter() < deadline:
                await asyncio.sleep(0.002)
            replies = FakeTelegram.replies.get(user_id, [])
            if len(replies) < expected:
                lost += 1
            else:
                latencies.append((replies[expected - 1][0] - sent) * 1000)
            await asyncio.sleep(think * random.uniform(0.5, 1.5))

    started = time.perf_counter()
    await asyncio.gather(*(user(1000 + u) for u in range(users)))
    elapsed = time.perf_counter() - started
    print(f"Closed loop: {users} users × {per_user} questions, think time {think:.1f} s (±50%)")
    print(
        f"  replies: {len(latencies)}/{users * per_user}, lost: {lost}, "
        f"throughput {len(latencies) / elapsed:.1f} replies/s over {elapsed:.1f} s"
    )
    print("  " + _latency_line(sorted(latencies)))


def _distinct_questions(questions: list[str], first_piece: dict[str, str], count: int, rng: random.Random) -> list[str]:
    """`count` questions whose replies all begin differently, so a reply tells which question it answers."""
    pool = list(questions)
    rng.shuffle(pool)
    chosen: list[str] = []
    seen: set[str] = set()
    for question in pool:
        if first_piece[question] not in seen:
            chosen.append(question)
            seen.add(first_piece[question])
        if len(chosen) == count:
            return chosen
    raise SystemExit(f"only {len(chosen)} questions have distinct replies; ask for fewer per user")


async def bursts(application, services, questions: list[str], users: int, per_user: int) -> None:
    first_piece = {q: split_message(answer_html(services.answerer.answer(q, "en")))[0] for q in set(questions)}
    rng = random.Random(11)
    base = 50_000
    asked: dict[int, list[str]] = {}
    plans: dict[int, list[int]] = {}  # user → burst sizes
    for u in range(users):
        user_id = base + u
        asked[user_id] = _distinct_questions(questions, first_piece, per_user, rng)
        sizes, left = [], per_user
        while left:
            sizes.append(min(left, rng.randint(1, 4)))
            left -= sizes[-1]
        plans[user_id] = sizes
    queued_at: dict[tuple[int, int], float] = {}
    position = dict.fromkeys(asked, 0)
    update_id = 10**6
    started = time.perf_counter()
    rounds = 0
    while any(plans.values()):
        waiting: dict[int, list[Update]] = {}  # this round's burst of each user, in the order asked
        for user_id, sizes in plans.items():
            if not sizes:
                continue
            for _ in range(sizes.pop(0)):
                index = position[user_id]
                position[user_id] += 1
                update_id += 1
                update = Update.de_json(_update(user_id, update_id, asked[user_id][index]), application.bot)
                waiting.setdefault(user_id, []).append(update)
                queued_at[(user_id, index)] = time.perf_counter()
        batch: list[Update] = []  # users interleaved at random; each user's own updates keep their order
        while waiting:
            user_id = rng.choice(list(waiting))
            batch.append(waiting[user_id].pop(0))
            if not waiting[user_id]:
                del waiting[user_id]
        for update in batch:
            application.update_queue.put_nowait(update)
        rounds += 1
        await application.update_queue.join()  # this round handled before the next "getUpdates" batch
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        received = sum(
            1 for user_id in asked for _, text in FakeTelegram.replies.get(user_id, []) if text in first_piece.values()
        )
        if received >= users * per_user:
            break
        await asyncio.sleep(0.05)
    elapsed = time.perf_counter() - started

    latencies: list[float] = []
    doubled = out_of_order = received = 0
    users_out_of_order = 0
    for user_id, mine in asked.items():
        index_of = {first_piece[q]: n for n, q in enumerate(mine)}
        seen: set[int] = set()
        highest = -1
        disordered = False
        for at, text in FakeTelegram.replies.get(user_id, []):
            if text not in index_of:
                continue  # a later piece of a long answer
            index = index_of[text]
            if index in seen:
                doubled += 1
                continue
            seen.add(index)
            received += 1
            if index < highest:
                out_of_order += 1
                disordered = True
            highest = max(highest, index)
            latencies.append((at - queued_at[(user_id, index)]) * 1000)
        users_out_of_order += disordered
    print(
        f"Bursts in batches: {users} users × {per_user} different questions, bursts of 1-4 at once, "
        f"{rounds} getUpdates-like batches"
    )
    print(
        f"  replies received/expected: {received}/{users * per_user}, doubled: {doubled}, "
        f"out of order: {out_of_order} (users affected: {users_out_of_order}), over {elapsed:.1f} s"
    )
    print("  " + _latency_line(sorted(latencies)))


async def run(args: argparse.Namespace) -> None:
    server = LoopbackServer(("127.0.0.1", 0), FakeTelegram)
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

        shutil.copytree(index_dir, settings.index_dir, ignore=shutil.ignore_patterns("*.lock*"))
    services = await asyncio.to_thread(build_services, settings)
    application = build_application(settings, services=services, rate_limiter=not args.no_limiter)
    await application.initialize()
    await application.post_init(application)
    await application.start()

    questions = load_questions()
    random.seed(7)
    limit = "with" if not args.no_limiter else "without"
    print(
        f"Model {settings.embedding_model}, {limit} the 30 msg/s flood limiter, {len(questions)} questions (tune part)"
    )
    if args.questions:
        await closed_loop(application, questions, args.users, args.questions, args.think)
    if args.burst_questions:
        await bursts(application, services, questions, args.burst_users, args.burst_questions)
    await application.stop()
    await application.shutdown()
    server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--questions", type=int, default=20, help="per user in the closed loop (0: skip it)")
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--burst-users", type=int, default=50)
    parser.add_argument("--burst-questions", type=int, default=10, help="per user in the bursts (0: skip them)")
    parser.add_argument(
        "--no-limiter", action="store_true", help="measure without Telegram's 30 messages/s flood limit"
    )
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
