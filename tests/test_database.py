"""The database's migrations: named, recorded, idempotent, all or nothing, and an upgrade of the
previous release's database (tests/data/release-0.1.db) that keeps every row."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from sqlite_utils.migrations import Migrations

from bot import migrations
from bot.database import MIGRATIONS, Store
from bot.reporting import deadlines, registry, reports

RELEASE_DB = Path(__file__).parent / "data" / "release-0.1.db"
NAMES = [
    "m001_questions",
    "m002_focal_points",
    "m003_reminders",
    "m004_report_reference",
    "m005_focal_point_language",
    "m006_conversation_state",
    "m007_hashed_register_failures",
    "m010_feedback_reasons",
    "m011_handoffs",
    "m013_handoff_privacy",
    "m012_secretariat",
]


def _schema(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("select type, name, sql from sqlite_master where name not like 'sqlite_%'"))


def _counts(path: Path) -> dict[str, int]:
    db = sqlite_utils.Database(path)
    counts = {name: db[name].count for name in db.table_names()}
    db.close()
    return counts


def _applied(store: Store) -> list[str]:
    return [migration.name for migration in MIGRATIONS.applied(store.db)]


def _broken_set() -> Migrations:
    """The real migrations up to m005, which does part of its work and then fails."""
    broken = Migrations(MIGRATIONS.name)
    failing = "m005_focal_point_language"
    for name in NAMES[: NAMES.index(failing)]:
        broken(name=name)(getattr(migrations, name))

    @broken(name=failing)
    def half_done(db: sqlite_utils.Database) -> None:
        db["focal_points"].add_column("lang", str)
        db["half_done"].create({"id": int}, pk="id")
        db["half_done"].insert({"id": 1})
        raise RuntimeError("disk on fire")

    return broken


def test_fresh_database_applies_every_migration_once(tmp_path):
    path = tmp_path / "fresh.db"
    store = Store.open(path)
    assert _applied(store) == NAMES
    store.close()
    schema = _schema(path)
    again = Store.open(path)  # a second start applies nothing and changes nothing
    assert _applied(again) == NAMES and MIGRATIONS.pending(again.db) == []
    again.close()
    assert _schema(path) == schema


def test_a_migration_failing_half_way_leaves_the_database_as_it_was(tmp_path):
    path = tmp_path / "fresh.db"
    good = Migrations(MIGRATIONS.name)
    for name in NAMES[:3]:
        good(name=name)(getattr(migrations, name))
    Store.open(path, migrations=good).close()
    schema, counts = _schema(path), _counts(path)

    with pytest.raises(RuntimeError, match="disk on fire"):
        Store.open(path, migrations=_broken_set())
    assert _schema(path) == schema and _counts(path) == counts  # no table, no column, no record left

    store = Store.open(path)  # the next start (with the fixed migration) does not fail on leftovers
    assert _applied(store) == NAMES
    assert "lang" in store.db["focal_points"].columns_dict and "half_done" not in store.db.table_names()
    store.close()


def test_a_failed_upgrade_of_the_release_database_changes_nothing(tmp_path):
    path = tmp_path / "release.db"
    shutil.copy(RELEASE_DB, path)
    schema, counts = _schema(path), _counts(path)
    with pytest.raises(RuntimeError, match="disk on fire"):
        Store.open(path, migrations=_broken_set())
    # m004 (which rebuilt the reports table) and the adoption of the old `_migrations` are undone too
    assert _schema(path) == schema and _counts(path) == counts


def test_release_database_upgrades_with_its_rows_intact(tmp_path):
    path = tmp_path / "release.db"
    shutil.copy(RELEASE_DB, path)
    before = _counts(path)
    store = Store.open(path, salt="fixture")
    db = store.db

    assert _applied(store) == NAMES and "_migrations" not in db.table_names()
    after = {name: db[name].count for name in db.table_names()}
    for table, count in before.items():
        # wrong-code attempts were kept under Telegram ids in clear; they only count for ten minutes
        if table not in {"_migrations", "register_failures"}:
            assert after[table] == count, table
    assert "telegram_id" not in db["register_failures"].columns_dict

    questions = list(db["questions"].rows_where(order_by="id"))
    assert [q["question"] for q in questions] == ["activity 27", "¿Qué le pide el Programa a la CIDH?", "Quxbaz?"]
    assert questions[0]["feedback"] == 1 and store.cited_chunk(questions[1]["id"], 2) == "program-2016:0011"
    assert questions[0]["user_hash"] == store.user_hash(1)  # same salt, same hashes

    assert registry.actor(store, "UNHCR").name_es == "ACNUR"
    assert registry.is_maintainer(store, 777, configured=[])
    assert [(p.telegram_id, p.actor_id, p.lang) for p in registry.focal_points(store)] == [
        (501, "IIN", None),
        (502, "MX", None),
    ]

    refs = [(r["id"], r["ref_kind"], r["ref_number"], r["status"]) for r in db["reports"].rows_where(order_by="id")]
    assert refs == [
        (1, "activity", 16, "active"),
        (2, "specific objective", 8, "active"),
        (3, "other", None, "active"),
        (4, "activity", 27, "withdrawn"),
    ]
    assert "ref" not in db["reports"].columns_dict
    assert {tuple(index.columns) for index in db["reports"].indexes} >= {("submission_key",), ("actor_id", "year")}
    assert [fk.other_table for fk in db["report_versions"].foreign_keys] == ["reports"]
    (earlier,) = reports.versions(store, 1)
    assert (earlier["ref_kind"], earlier["ref_number"], earlier["period"]) == ("activity", 15, "March 2025")
    assert reports.report(store, 1).version == 2 and reports.report(store, 1).link == "https://www.iin.oea.org/workshop"
    assert [r.ref.key for r in reports.reports_of(store, 502)] == ["other", "specific objective 8"]
    # reports filed before review existed were part of the record: approved, still exported and searchable
    assert [r.review for r in reports.reports_of(store, 501)] == ["approved"]
    assert {r.id for r in reports.active_reports(store)} == {1, 2, 3}
    assert reports.versions(store, 1)[0]["description"].startswith("Regional workshop")
    for table in ("curated_answers", "curated_versions", "digest_periods", "digest_deliveries", "report_reviews"):
        assert db[table].count == 0, table
    assert "curated_id" in db["questions"].columns_dict

    deadline = deadlines.current_deadline(store, deadlines.dt.date(2026, 3, 1))
    assert (deadline.year, deadline.due.isoformat()) == (2025, "2026-03-31")
    assert db["reminders"].count == 1
    store.close()

    reopened = Store.open(path, salt="fixture")  # idempotent: nothing pending, nothing changed
    assert MIGRATIONS.pending(reopened.db) == [] and reopened.db["reports"].count == 4
    reopened.close()


def test_one_user_action_is_one_transaction(tmp_path):
    store = Store.open(tmp_path / "t.db")
    with pytest.raises(RuntimeError), store.atomic() as db:
        db["maintainers"].insert({"telegram_id": 1, "added_at": "now"})
        with store.atomic():  # nested: a savepoint inside the same transaction
            db["maintainers"].insert({"telegram_id": 2, "added_at": "now"})
        raise RuntimeError("the action failed after two writes")
    assert store.db["maintainers"].count == 0
    store.close()
