"""The `migrantsbot` command: build the index, search, ask, chat, run the bot, see statistics.

Each subcommand is a `cmd_*` function over the same plain functions the bot uses (bot/services.py
for documents and the index, bot/reporting/ for focal points), grouped by who uses it: `corpus`
(maintainers: index and documents), `people` (focal points, maintainers, reports), `questions`
(search, ask, chat, run, stats). The Telegram application is imported only by `run`, so the
other commands work without it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from bot.arguments import INVITATION_DAYS, RESULTS, STATS_DAYS, YEARS
from bot.cli.corpus import (
    cmd_corpus_add,
    cmd_corpus_edit,
    cmd_corpus_list,
    cmd_corpus_remove,
    cmd_index_build,
    cmd_index_update,
)
from bot.cli.people import (
    cmd_actors_add,
    cmd_actors_list,
    cmd_admin_add,
    cmd_focal_list,
    cmd_focal_revoke,
    cmd_invite,
    cmd_reports_export,
    cmd_reports_list,
    cmd_reports_withdraw,
)
from bot.cli.questions import cmd_ask, cmd_chat, cmd_run, cmd_search, cmd_stats
from bot.config import Settings

logger = logging.getLogger("migrantsbot")


def _bounded(low: int, high: int, what: str):
    """An argparse type: a whole number from `low` to `high`, or the usage error that says so."""
    from bot.arguments import whole_number

    def parse(text: str) -> int:
        number = whole_number(text, low, high)
        if number is None:
            raise argparse.ArgumentTypeError(f"{what} from {low} to {high}")
        return number

    return parse


def _telegram_id(text: str) -> int:
    """A Telegram user id: a positive whole number (ids have up to 16 digits)."""
    from bot.arguments import telegram_id

    number = telegram_id(text)
    if number is None:
        raise argparse.ArgumentTypeError("a Telegram user id: a positive whole number, as @userinfobot shows it")
    return number


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
    search.add_argument(
        "--k", type=_bounded(*RESULTS, "a number of passages"), default=5, help="how many passages, 1-50 (default 5)"
    )
    search.add_argument("--json", action="store_true", help="JSON output")
    search.add_argument("--queries", type=Path, help="JSONL file of {id, question}: one JSON line per query out")
    search.set_defaults(func=cmd_search)

    ask = commands.add_parser("ask", help="answer a question with citations")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--json", action="store_true", help="JSON output")
    ask.add_argument("--queries", type=Path, help="JSONL file of {id, question}: one JSON line per query out")
    ask.add_argument("--no-llm", action="store_true", help="extractive answers even when an LLM is configured")
    ask.set_defaults(func=cmd_ask)

    commands.add_parser("chat", help="a console conversation with the assistant").set_defaults(func=cmd_chat)
    commands.add_parser("run", help="run the Telegram bot (console chat when no token is set)").set_defaults(
        func=cmd_run
    )

    invite = commands.add_parser("invite", help="create a single-use registration code for an actor's focal point")
    invite.add_argument("--actor", required=True, help="actor id, e.g. IACHR, IIN, MX (see `actors list`)")
    invite.add_argument(
        "--days",
        type=_bounded(*INVITATION_DAYS, "a number of days"),
        default=7,
        help="days the code is valid, 1-365 (default 7)",
    )
    invite.set_defaults(func=cmd_invite)

    admin = commands.add_parser("admin", help="maintainers")
    admin_commands = admin.add_subparsers(dest="admin_command", required=True)
    admin_add = admin_commands.add_parser("add", help="make a Telegram user a maintainer")
    admin_add.add_argument("user_id", type=_telegram_id)
    admin_add.set_defaults(func=cmd_admin_add)

    focal = commands.add_parser("focal", help="focal points")
    focal_commands = focal.add_subparsers(dest="focal_command", required=True)
    focal_commands.add_parser("list", help="registered focal points").set_defaults(func=cmd_focal_list)
    revoke = focal_commands.add_parser("revoke", help="remove a focal point")
    revoke.add_argument("user_id", type=_telegram_id)
    revoke.set_defaults(func=cmd_focal_revoke)

    actors_parser = commands.add_parser("actors", help="the registry of Program actors")
    actors_commands = actors_parser.add_subparsers(dest="actors_command", required=True)
    actors_commands.add_parser("list", help="the actors in the registry, with their ids").set_defaults(
        func=cmd_actors_list
    )
    actors_add = actors_commands.add_parser("add", help="add an actor")
    actors_add.add_argument("actor_id")
    actors_add.add_argument("name")
    actors_add.add_argument("--name-es", dest="name_es")
    actors_add.add_argument("--group", default="other", help="oas, specialized, member_states, multilateral, other")
    actors_add.add_argument("--replace", action="store_true", help="replace the actor of that id, if there is one")
    actors_add.set_defaults(func=cmd_actors_add)

    reports = commands.add_parser("reports", help="focal points' activity reports")
    reports_commands = reports.add_subparsers(dest="reports_command", required=True)
    export_parser = reports_commands.add_parser("export", help="annual report draft in the shape of the 2009 report")
    export_parser.add_argument("--year", type=_bounded(*YEARS, "a year"), required=True)
    export_parser.add_argument("--format", choices=["md", "csv", "docx", "xlsx"], default="md")
    export_parser.add_argument("--out", type=Path, required=True)
    export_parser.add_argument(
        "--lang", choices=["en", "es", "fr", "pt"], default="en", help="language of the DOCX and the XLSX"
    )
    export_parser.add_argument(
        "--all", action="store_true", help="include reports still awaiting review, marked as such"
    )
    export_parser.set_defaults(func=cmd_reports_export)
    list_parser = reports_commands.add_parser("list", help="the active reports, newest first, with their ids")
    list_parser.add_argument("--year", type=_bounded(*YEARS, "a year"))
    list_parser.add_argument("--actor", help="actor id, e.g. IIN")
    list_parser.set_defaults(func=cmd_reports_list)
    withdraw_parser = reports_commands.add_parser(
        "withdraw", help="withdraw a report (from search and the annual report), whoever filed it"
    )
    withdraw_parser.add_argument("report_id", type=_bounded(1, 10**9, "a report id"))
    withdraw_parser.set_defaults(func=cmd_reports_withdraw)

    stats = commands.add_parser("stats", help="questions per day, share answered, most asked, unanswered")
    stats.add_argument(
        "--days",
        type=_bounded(*STATS_DAYS, "a number of days"),
        default=30,
        help="the last N days, 1-3650 (default 30)",
    )
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
    except PermissionError as error:  # a data or corpus folder this user may not write
        print(
            f"error: cannot write {error.filename or 'a file'}: {error.strerror}. Give this user write access to "
            "the folder, or point MIGRANTSBOT_DATA_DIR (or MIGRANTSBOT_CORPUS_DIR) at one it can write.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
