"""`migrantsbot search | ask | chat | run | stats`: questions, the conversation and the bot itself."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from bot.cli.people import _store
from bot.config import Settings

# Reading commands serve the index as it is: they never build or update it (a running bot or
# `index update` may be writing), and say what to run instead.


def _read_queries(path: Path) -> Iterator[tuple[object, str]]:
    """(id, question) from a JSONL file; a bad line is reported and skipped, not fatal."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            yield record.get("id", number), str(record["question"])
        except (json.JSONDecodeError, KeyError, AttributeError) as error:
            print(f"{path}:{number}: skipped, not a JSON object with a 'question' ({error})", file=sys.stderr)


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from bot.services import READ_ONLY, make_encoder, open_index

    searcher, _ = open_index(settings, make_encoder(settings), **READ_ONLY)
    if args.queries:
        for query_id, question in _read_queries(args.queries):
            hits = searcher.search(question, k=args.k)
            print(json.dumps({"id": query_id, "hits": [h.as_json() for h in hits]}, ensure_ascii=False))
        return 0
    if not args.question:
        print("Give a question, or --queries FILE.jsonl", file=sys.stderr)
        return 2
    hits = searcher.search(args.question, k=args.k)
    if args.json:
        print(json.dumps({"query": args.question, "hits": [h.as_json() for h in hits]}, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("No passages found.")
    for hit in hits:
        print(f"#{hit.rank}  {hit.score:.4f}  {hit.chunk.section_path}")
        print(f"    {hit.chunk.text[:400]}\n")
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.formatting import answer_plain
    from bot.services import READ_ONLY, load_answerer

    answerer = load_answerer(settings, allow_llm=not args.no_llm, **READ_ONLY)
    if args.queries:
        for query_id, question in _read_queries(args.queries):
            print(json.dumps(answerer.answer(question).as_json(query_id), ensure_ascii=False))
        return 0
    if not args.question:
        print("Give a question, or --queries FILE.jsonl", file=sys.stderr)
        return 2
    answer = answerer.answer(args.question)
    print(json.dumps(answer.as_json(), ensure_ascii=False, indent=2) if args.json else answer_plain(answer))
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.chat import chat_loop, console_lines
    from bot.curated import CuratedAnswers
    from bot.database import CONSOLE_USER
    from bot.services import load_answerer
    from index.corpus import load_manifest

    def report(message: str) -> None:
        print(message, file=sys.stderr)

    report("Loading the model…")
    # The chat builds the index on a fresh clone (`make run`), but never updates one beside a running bot.
    answerer = load_answerer(settings, report=report, update_if_stale=False)
    store = _store(settings)

    def log(question: str, answer, latency_ms: float) -> None:
        """As the bot logs a question, under the console's user, so that `stats` counts it."""
        try:
            store.log_answer(user_id=CONSOLE_USER, question=question, answer=answer, latency_ms=latency_ms)
        except sqlite3.Error as error:  # a full disk must not end the conversation
            report(f"(not logged: {error})")

    try:
        curated = CuratedAnswers(store, lambda: answerer.searcher.encoder)  # shown first, as in Telegram
        chat_loop(answerer, load_manifest(settings.corpus_dir), console_lines(), print, on_answer=log, curated=curated)
    finally:
        store.close()
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    if settings.telegram_token is None or not settings.telegram_token.get_secret_value():
        print("No TELEGRAM_BOT_TOKEN set: starting the console chat instead.", file=sys.stderr)
        return cmd_chat(args, settings)
    from bot.instance import AlreadyRunning, hold_instance
    from bot.services import build_services
    from handlers.app import run_bot

    def report(message: str) -> None:
        print(message, file=sys.stderr)

    try:  # before any work: a second bot on these data would only fight the first
        instance = hold_instance(settings.data_dir)
    except AlreadyRunning as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    try:
        report("Loading the model…")
        services = build_services(settings, report=report)  # a first start builds the index, with progress
        try:
            report("Connecting to Telegram…")
            run_bot(settings, services, instance=instance)
        finally:
            services.close()
    finally:
        instance.release()
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from bot.handoffs import summary
    from bot.stats import stats_text

    store = _store(settings)
    print(stats_text(store.stats(days=args.days), handoffs=summary(store, days=args.days)))
    return 0
