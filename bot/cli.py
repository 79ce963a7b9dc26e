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
        settings.source_dirs,
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


def _describe(info) -> str:
    symbols = f"; {', '.join(info.symbols)}" if info.symbols else ""
    return f"{info.title!r} (short: {info.short!r}; date: {info.date or 'not found'}; kind: {info.kind}{symbols})"


def cmd_index_update(args: argparse.Namespace, settings: Settings) -> int:
    """Bring the index in line with the corpus folder; exit 1 when a file could not be read."""
    from bot.services import make_encoder
    from index.corpus import register_new_files, scan_folder
    from index.store import plan_update, update_index

    problems = 0
    for found in register_new_files(settings.corpus_dir, dry_run=args.dry_run):
        if found.error:
            problems += 1
            print(f"! {found.file}: not added: {found.error}")
        else:
            verb = "would be added" if args.dry_run else "added to manifest.toml"
            print(f"+ {found.file}: new in the folder, {verb}; metadata detected: {_describe(found.info)}")
    for missing in scan_folder(settings.corpus_dir).missing:
        print(f"? {missing}: listed in manifest.toml but not in the folder; left out (put it back or remove its entry)")
    encoder = make_encoder(settings)
    if args.dry_run:
        plan = plan_update(settings.source_dirs, settings.index_dir, encoder)
        print(plan.summary() if plan.has_work else "The index is up to date: nothing to do.")
        return 1 if problems else 0
    result = update_index(settings.source_dirs, settings.index_dir, encoder, show_progress=True)
    if result.plan.has_work:
        print(result.plan.summary())
        print(
            f"Embedded {result.embedded_chunks} passages, reused {result.reused_chunks}; "
            f"{result.manifest.chunk_count} passages now serve, in {result.seconds:.1f} s."
        )
    else:
        print("The index was up to date: nothing to do.")
    for file, reason in result.failed.items():
        problems += 1
        print(f"! {file}: could not be read ({reason}); search keeps the version indexed before, if any")
    return 1 if problems else 0


def cmd_corpus_edit(args: argparse.Namespace, settings: Settings) -> int:
    """Correct a document's metadata in manifest.toml (comments and order kept), then re-index it."""
    from index.corpus import update_entry

    updated = update_entry(
        settings.corpus_dir,
        args.file,
        title=args.title,
        short=args.short,
        date=args.date,
        kind=args.kind,
        symbols=args.symbol,
    )
    print(f"Updated {updated.file}: {_describe(updated)}")
    if not args.no_index:
        return cmd_index_update(argparse.Namespace(dry_run=False), settings)
    return 0


def cmd_corpus_add(args: argparse.Namespace, settings: Settings) -> int:
    from bot.documents import prepare_document
    from index.corpus import add_document

    info, text = prepare_document(
        args.file,
        settings.corpus_dir,
        title=args.title,
        short=args.short,
        date=args.date,
        kind=args.kind,
        symbols=args.symbol,
    )
    add_document(settings.corpus_dir, args.file, info, replace=args.replace)
    print(f"Added {info.file}: {info.title} ({info.date or 'no date'}, {info.kind}); {len(text)} characters of text.")
    if not args.no_index:
        return cmd_index_update(argparse.Namespace(dry_run=False), settings)
    return 0


def cmd_corpus_remove(args: argparse.Namespace, settings: Settings) -> int:
    from index.corpus import remove_document

    removed = remove_document(settings.corpus_dir, args.file)
    print(f"Removed {removed.file} ({removed.title}).")
    if not args.no_index:
        return cmd_index_update(argparse.Namespace(dry_run=False), settings)
    return 0


def cmd_corpus_list(args: argparse.Namespace, settings: Settings) -> int:
    from index.corpus import load_manifest

    for doc in load_manifest(settings.corpus_dir):
        print(f"{doc.file:48} {doc.date or ''!s:10} {doc.kind:14} {doc.short}")
    return 0


def _store(settings: Settings):
    from bot.database import Store

    return Store.open(settings.database_path, salt=settings.hash_salt.get_secret_value())


def cmd_invite(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.focal import actor, create_invitation

    store = _store(settings)
    try:
        code = create_invitation(store, args.actor, days=args.days)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    found = actor(store, args.actor)
    print(
        f"Invitation for the focal point of {found.name if found else args.actor}, valid {args.days} days, single use:"
    )
    print(f"  /register {code}")
    return 0


def cmd_admin_add(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.focal import add_maintainer

    add_maintainer(_store(settings), args.user_id)
    print(f"User {args.user_id} is now a maintainer.")
    return 0


def cmd_focal_list(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.focal import focal_points

    rows = focal_points(_store(settings))
    if not rows:
        print("No focal points registered yet. Invite one with: migrantsbot invite --actor IACHR")
    for row in rows:
        print(f"{row.telegram_id:>12}  {row.actor_id:14} {row.name}  (since {row.registered_at[:10]})")
    return 0


def cmd_focal_revoke(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.focal import revoke_focal_point

    if revoke_focal_point(_store(settings), args.user_id):
        print(f"User {args.user_id} is no longer a focal point.")
        return 0
    print(f"error: {args.user_id} is not an active focal point.", file=sys.stderr)
    return 1


def cmd_actors_list(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.focal import actors

    for row in actors(_store(settings)):
        print(f"{row.id:14} {row.grp:14} {row.name}")
    return 0


def cmd_actors_add(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.focal import add_actor

    try:
        added = add_actor(_store(settings), args.actor_id, args.name, args.name_es, args.group)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Added actor {added.id}: {added.name}")
    return 0


def cmd_reports_export(args: argparse.Namespace, settings: Settings) -> int:
    from bot.answering.catalogue import Catalogue
    from bot.reporting.export import export
    from bot.services import make_encoder, open_index

    searcher, _ = open_index(settings, make_encoder(settings))
    out = export(_store(settings), Catalogue(searcher.chunks), args.year, args.format, args.out)
    print(f"Wrote the {args.year} report draft to {out}")
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

    def report(message: str) -> None:
        print(message, file=sys.stderr)

    report("Loading the model…")
    answerer = load_answerer(settings, report=report)
    chat_loop(answerer, load_manifest(settings.corpus_dir), console_lines(), print)
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    if settings.telegram_token is None or not settings.telegram_token.get_secret_value():
        print("No TELEGRAM_BOT_TOKEN set: starting the console chat instead.", file=sys.stderr)
        return cmd_chat(args, settings)
    from handlers.app import run_bot

    run_bot(settings)
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from bot.database import Store
    from bot.stats import stats_text

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
    update = index_commands.add_parser("update", help="re-index only new, changed and removed documents")
    update.add_argument("--dry-run", action="store_true", help="list what would change, change nothing")
    update.set_defaults(func=cmd_index_update)

    corpus = commands.add_parser("corpus", help="add, remove and list documents")
    corpus_commands = corpus.add_subparsers(dest="corpus_command", required=True)
    add = corpus_commands.add_parser("add", help="add a PDF, DOCX, TXT or Markdown file and re-index")
    add.add_argument("file", type=Path)
    add.add_argument("--title", help="full title (default: read from the file)")
    add.add_argument("--short", help="short name shown in citations")
    add.add_argument("--date", help="YYYY-MM-DD (default: read from the file)")
    add.add_argument("--kind", help="program, resolution, work_plan, annual_report, findings, declaration, document")
    add.add_argument("--symbol", action="append", help="OAS symbol, e.g. 'AG/RES. 2883 (XLVI-O/16)'; repeatable")
    add.add_argument("--replace", action="store_true", help="replace a document of the same name")
    add.add_argument("--no-index", action="store_true", help="do not re-index now")
    add.set_defaults(func=cmd_corpus_add)
    remove = corpus_commands.add_parser("remove", help="remove a document and re-index")
    remove.add_argument("file", help="file name as in the manifest")
    remove.add_argument("--no-index", action="store_true")
    remove.set_defaults(func=cmd_corpus_remove)
    corpus_commands.add_parser("list", help="the documents in the manifest").set_defaults(func=cmd_corpus_list)
    edit = corpus_commands.add_parser("edit", help="correct a document's metadata in manifest.toml and re-index")
    edit.add_argument("file", help="file name as in the manifest")
    edit.add_argument("--title")
    edit.add_argument("--short", help="short name shown in citations")
    edit.add_argument("--date", help="YYYY-MM-DD")
    edit.add_argument(
        "--kind", help="program, resolution, work_plan, annual_report, findings, declaration, meeting, other"
    )
    edit.add_argument("--symbol", action="append", help="OAS symbol; repeatable (replaces the list)")
    edit.add_argument("--no-index", action="store_true", help="do not re-index now")
    edit.set_defaults(func=cmd_corpus_edit)

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

    invite = commands.add_parser("invite", help="create a single-use registration code for an actor's focal point")
    invite.add_argument("--actor", required=True, help="actor id, e.g. IACHR, IIN, MX (see `actors list`)")
    invite.add_argument("--days", type=int, default=7, help="days the code is valid (default 7)")
    invite.set_defaults(func=cmd_invite)

    admin = commands.add_parser("admin", help="maintainers")
    admin_commands = admin.add_subparsers(dest="admin_command", required=True)
    admin_add = admin_commands.add_parser("add", help="make a Telegram user a maintainer")
    admin_add.add_argument("user_id", type=int)
    admin_add.set_defaults(func=cmd_admin_add)

    focal = commands.add_parser("focal", help="focal points")
    focal_commands = focal.add_subparsers(dest="focal_command", required=True)
    focal_commands.add_parser("list", help="registered focal points").set_defaults(func=cmd_focal_list)
    revoke = focal_commands.add_parser("revoke", help="remove a focal point")
    revoke.add_argument("user_id", type=int)
    revoke.set_defaults(func=cmd_focal_revoke)

    actors_parser = commands.add_parser("actors", help="the registry of Program actors")
    actors_commands = actors_parser.add_subparsers(dest="actors_command", required=True)
    actors_commands.add_parser("list", help="all actors").set_defaults(func=cmd_actors_list)
    actors_add = actors_commands.add_parser("add", help="add an actor")
    actors_add.add_argument("actor_id")
    actors_add.add_argument("name")
    actors_add.add_argument("--name-es", dest="name_es")
    actors_add.add_argument("--group", default="other", help="oas, specialized, member_states, multilateral, other")
    actors_add.set_defaults(func=cmd_actors_add)

    reports = commands.add_parser("reports", help="focal points' activity reports")
    reports_commands = reports.add_subparsers(dest="reports_command", required=True)
    export_parser = reports_commands.add_parser("export", help="annual report draft in the shape of the 2009 report")
    export_parser.add_argument("--year", type=int, required=True)
    export_parser.add_argument("--format", choices=["md", "csv", "docx"], default="md")
    export_parser.add_argument("--out", type=Path, required=True)
    export_parser.set_defaults(func=cmd_reports_export)

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
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a broken PDF gets one clear message from us
    from index.corpus import CorpusError
    from index.extract import ExtractionError
    from index.store import IndexLoadError

    try:
        return args.func(args, Settings())
    except (CorpusError, IndexLoadError, ExtractionError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
