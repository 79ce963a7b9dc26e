"""The `migrantsbot` command: build the index, search, ask, chat, run the bot, see statistics."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from bot.config import Settings

logger = logging.getLogger("migrantsbot")


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


def cmd_index_build(args: argparse.Namespace, settings: Settings) -> int:
    from bot.services import make_encoder
    from index.store import build_index

    started = time.perf_counter()
    encoder = make_encoder(settings)
    loaded = time.perf_counter()
    manifest = build_index(
        settings.corpus_dir,
        settings.index_dir,
        encoder,
        show_progress=True,
        on_chunked=lambda n: print(f"Parsed the corpus into {n} passages; embedding them…"),
    )
    built = time.perf_counter()
    print(
        f"Index built: {manifest.chunk_count} passages from {len(manifest.documents)} documents, "
        f"model {manifest.model}, {manifest.faiss_type} FAISS index, in {built - loaded:.1f} s "
        f"(model load {loaded - started:.1f} s) → {settings.index_dir}"
    )
    return 0


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from bot.services import make_encoder, open_index

    searcher, _ = open_index(settings, make_encoder(settings))
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
    from bot.services import load_answerer

    answerer = load_answerer(settings, allow_llm=not args.no_llm)
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
    from bot.services import load_answerer
    from index.corpus import load_manifest

    print("Loading the model and the index…", file=sys.stderr)
    answerer = load_answerer(settings)
    chat_loop(answerer, load_manifest(settings.corpus_dir), console_lines(), print)
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    if settings.telegram_token is None or not settings.telegram_token.get_secret_value():
        print("No TELEGRAM_BOT_TOKEN set: starting the console chat instead.", file=sys.stderr)
        return cmd_chat(args, settings)
    from bot.app import run_bot

    run_bot(settings)
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from bot.stats import stats_text
    from bot.store import Store

    store = Store.open(settings.database_path, salt=settings.hash_salt.get_secret_value())
    print(stats_text(store.stats(days=args.days)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="migrantsbot", description="Assistant for the OAS Inter-American Program on the human rights of migrants."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    commands = parser.add_subparsers(dest="command", required=True)

    index = commands.add_parser("index", help="build the search index")
    index_commands = index.add_subparsers(dest="index_command", required=True)
    index_commands.add_parser("build", help="parse, chunk and embed the whole corpus").set_defaults(
        func=cmd_index_build
    )

    search = commands.add_parser("search", help="show the passages found for a question")
    search.add_argument("question", nargs="?")
    search.add_argument("--k", type=int, default=5, help="how many passages (default 5)")
    search.add_argument("--json", action="store_true", help="JSON output")
    search.add_argument("--queries", type=Path, help="JSONL file of {id, question}: one JSON line per query out")
    search.set_defaults(func=cmd_search)

    ask = commands.add_parser("ask", help="answer a question with citations")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--json", action="store_true", help="JSON output")
    ask.add_argument("--queries", type=Path, help="JSONL file of {id, question}: one JSON line per query out")
    ask.add_argument("--no-llm", action="store_true", help="extractive answers even when an LLM is configured")
    ask.set_defaults(func=cmd_ask)

    commands.add_parser("chat", help="console conversation").set_defaults(func=cmd_chat)
    commands.add_parser("run", help="run the Telegram bot (console chat when no token is set)").set_defaults(
        func=cmd_run
    )

    stats = commands.add_parser("stats", help="questions per day, share answered, most asked, unanswered")
    stats.add_argument("--days", type=int, default=30)
    stats.set_defaults(func=cmd_stats)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines contain the bot token
    from index.corpus import CorpusError
    from index.store import IndexLoadError

    try:
        return args.func(args, Settings())
    except (CorpusError, IndexLoadError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
