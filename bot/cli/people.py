"""`migrantsbot invite | admin | focal | actors | reports`: focal points, maintainers and their reports."""

from __future__ import annotations

import argparse
import sys

from bot.config import Settings


def _store(settings: Settings):
    from bot.database import open_store

    return open_store(settings)


def cmd_invite(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.invitations import UnknownActor, create_invitation
    from bot.reporting.registry import actor, suggest_actors

    store = _store(settings)
    try:
        code = create_invitation(store, args.actor, days=args.days)
    except UnknownActor as error:  # a near miss gets the ids meant, as in the chat (`/invite México`)
        close = suggest_actors(store, error.actor_id)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        print(f"error: {error}{hint}", file=sys.stderr)
        return 1
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
    from bot.reporting.registry import add_maintainer

    add_maintainer(_store(settings), args.user_id)
    print(f"User {args.user_id} is now a maintainer.")
    return 0


def cmd_focal_list(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.registry import focal_points

    rows = focal_points(_store(settings))
    if not rows:
        print("No focal points registered yet. Invite one with: migrantsbot invite --actor IACHR")
    for row in rows:
        print(f"{row.telegram_id:>12}  {row.actor_id:14} {row.name}  (since {row.registered_at[:10]})")
    return 0


def cmd_focal_revoke(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.registry import revoke_focal_point

    if revoke_focal_point(_store(settings), args.user_id):
        print(f"User {args.user_id} is no longer a focal point.")
        return 0
    print(f"error: {args.user_id} is not an active focal point.", file=sys.stderr)
    return 1


def cmd_actors_list(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.registry import actors

    for row in actors(_store(settings)):
        print(f"{row.id:14} {row.group:14} {row.name}")
    return 0


def cmd_actors_add(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.registry import add_actor

    try:
        added = add_actor(_store(settings), args.actor_id, args.name, args.name_es, args.group, replace=args.replace)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Added actor {added.id}: {added.name}")
    return 0


def cmd_reports_export(args: argparse.Namespace, settings: Settings) -> int:
    from bot.answering.catalogue import Catalogue
    from bot.reporting.export import export
    from bot.services import READ_ONLY, make_encoder, open_index
    from index.corpus import load_manifest

    searcher, _ = open_index(settings, make_encoder(settings), **READ_ONLY)
    program = next((doc for doc in load_manifest(settings.corpus_dir) if doc.kind == "program"), None)
    out = export(
        _store(settings),
        Catalogue(searcher.chunks),
        args.year,
        args.format,
        args.out,
        lang=args.lang,
        program=program,
        include_submitted=args.all,
    )
    print(f"Wrote the {args.year} report draft to {out}")
    return 0


def cmd_reports_list(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.reports import active_reports

    found = [
        report
        for report in active_reports(_store(settings), args.year, every_state=True)
        if args.actor is None or report.actor_id == args.actor.upper()
    ]
    if not found:
        print("No active reports.")
    for report in sorted(found, key=lambda r: r.id, reverse=True):
        print(
            f"#{report.id:<5} {report.actor_id:14} {report.year}  {report.kind:13} "
            f"{report.ref.key:22} {report.review:9} {report.description[:60]}"
        )
    return 0


def cmd_reports_withdraw(args: argparse.Namespace, settings: Settings) -> int:
    """A maintainer withdraws any report: one whose focal point was revoked, or filed by mistake."""
    from bot.reporting.report_docs import sync_report_documents
    from bot.reporting.reports import withdraw_report

    store = _store(settings)
    if not withdraw_report(store, args.report_id, None):
        print(f"error: report #{args.report_id} is not an active report.", file=sys.stderr)
        return 1
    sync_report_documents(store, settings.reports_dir)
    print(
        f"Report #{args.report_id} withdrawn: out of the annual report now; out of search at the next "
        "`migrantsbot index update` (a running bot does it with its next report)."
    )
    return 0
