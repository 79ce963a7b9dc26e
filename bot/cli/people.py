"""`migrantsbot invite | admin | focal | actors | reports`: focal points, maintainers and their reports."""

from __future__ import annotations

import argparse
import sys

from bot.config import Settings


def _store(settings: Settings):
    from bot.database import open_store

    return open_store(settings)


def cmd_invite(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reporting.invitations import create_invitation
    from bot.reporting.registry import actor

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
        added = add_actor(_store(settings), args.actor_id, args.name, args.name_es, args.group)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Added actor {added.id}: {added.name}")
    return 0


def cmd_reports_export(args: argparse.Namespace, settings: Settings) -> int:
    from bot.answering.catalogue import Catalogue
    from bot.cli.questions import READ_ONLY
    from bot.reporting.export import export
    from bot.services import make_encoder, open_index
    from index.corpus import load_manifest

    searcher, _ = open_index(settings, make_encoder(settings), **READ_ONLY)
    program = next((doc for doc in load_manifest(settings.corpus_dir) if doc.kind == "program"), None)
    out = export(
        _store(settings), Catalogue(searcher.chunks), args.year, args.format, args.out, lang=args.lang, program=program
    )
    print(f"Wrote the {args.year} report draft to {out}")
    return 0
