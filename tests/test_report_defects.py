"""Reports, documents and deadlines that went wrong at the edges, through the real Application: an edit
of a withdrawn report, a revoked focal point's reports, invisible and control characters, a second
year's deadline, the same document twice, files in groups, /cancel with nothing open."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.reporting import deadlines, invitations, registry, reports
from bot.texts import t
from handlers.jobs import send_reminders
from tests.conftest import ADMIN_ID, make_settings
from tests.fakebot import GROUP, Harness, buttons, callback_update, document_update, message_update, running_bot

FOCAL, SUCCESSOR = 701, 702
DESCRIPTION = "Regional workshop in Panama on the protection of unaccompanied migrant children at borders."


async def _register(bot: Harness, actor: str = "IIN", user_id: int = FOCAL) -> None:
    code = invitations.create_invitation(bot.services.store, actor)
    await bot.send(message_update(f"/register {code}", user_id=user_id))


async def _to_description(bot: Harness, user_id: int = FOCAL) -> None:
    await bot.send(message_update("/report", user_id=user_id))
    await bot.send(callback_update("ref:activity 15", user_id=user_id))
    await bot.send(callback_update("kind:carried_out", user_id=user_id))
    await bot.send(message_update("March 2025", user_id=user_id))


async def _submit(bot: Harness, description: str = DESCRIPTION, user_id: int = FOCAL) -> None:
    await _to_description(bot, user_id)
    await bot.send(message_update(description, user_id=user_id))
    await bot.send(message_update("/skip", user_id=user_id))
    await bot.send(callback_update("rsub", user_id=user_id))


async def test_an_edit_submitted_after_its_report_was_withdrawn_is_not_called_updated(bot):
    await _register(bot)
    await _submit(bot)
    (report,) = reports.reports_of(bot.services.store, FOCAL)
    await bot.send(callback_update(f"rpedit:{report.id}", user_id=FOCAL))  # the edit begins…
    reports.withdraw_report(bot.services.store, report.id, FOCAL)  # …and the report is withdrawn meanwhile
    await bot.send(callback_update("rsub", user_id=FOCAL))
    assert bot.last() != t("en", "report.updated", id=report.id)
    assert t("en", "report.withdrawn_meanwhile", id=report.id) in bot.texts()
    assert bot.services.store.db["reports"].get(report.id)["status"] == "withdrawn"
    await bot.send(callback_update("rsub", user_id=FOCAL))  # nothing lost: filed as a new report
    assert [r.description for r in reports.reports_of(bot.services.store, FOCAL)] == [DESCRIPTION]
    assert reports.reports_of(bot.services.store, FOCAL)[0].id != report.id


async def test_a_revoked_focal_points_reports_pass_to_the_actors_new_focal_point(bot):
    await _register(bot)
    await _submit(bot)
    (report,) = reports.reports_of(bot.services.store, FOCAL)
    registry.revoke_focal_point(bot.services.store, FOCAL)
    await _register(bot, user_id=SUCCESSOR)
    await bot.send(message_update("/myreports", user_id=SUCCESSOR))
    assert f"#{report.id}" in bot.last()
    await bot.send(callback_update(f"rpwd:{report.id}", user_id=SUCCESSOR))
    await bot.send(callback_update(f"rpwdyes:{report.id}", user_id=SUCCESSOR))
    assert bot.services.store.db["reports"].get(report.id)["status"] == "withdrawn"
    await _register(bot, actor="PAHO", user_id=FOCAL + 50)  # another actor's focal point may not
    await _submit(bot, user_id=SUCCESSOR)
    (other,) = reports.reports_of(bot.services.store, SUCCESSOR)
    await bot.send(callback_update(f"rpwdyes:{other.id}", user_id=FOCAL + 50))
    assert bot.services.store.db["reports"].get(other.id)["status"] == "active"


def test_a_maintainer_withdraws_any_report_on_the_command_line(settings, services, monkeypatch, capsys):
    from bot.cli import main
    from bot.reporting.reports import ProgramRef, ReportDraft

    draft = ReportDraft(
        actor_id="IIN",
        ref=ProgramRef(kind="activity", number=15),
        kind="planned",
        period="2025",
        description=DESCRIPTION,
    )
    report, _ = reports.submit_report(services.store, draft, FOCAL)
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(settings.data_dir))
    assert main(["reports", "list", "--year", "2025"]) == 0
    assert f"#{report.id}" in capsys.readouterr().out
    assert main(["reports", "withdraw", str(report.id)]) == 0
    assert main(["reports", "withdraw", str(report.id)]) == 1  # once
    assert reports.report(services.store, report.id).status == "withdrawn"


async def test_invisible_and_control_characters_neither_pass_for_text_nor_break_the_export(bot, tmp_path):
    await _register(bot)
    await _to_description(bot)
    await bot.send(message_update("ok" + "\u200b" * 40, user_id=FOCAL))  # "ok" and 40 zero-width spaces
    assert bot.last() == t("en", "report.invalid_description", length=2)
    await bot.send(
        message_update("Workshop\x01 on\x07 borders\x1b with\x0e officials from six countries.", user_id=FOCAL)
    )
    await bot.send(message_update("/skip", user_id=FOCAL))
    await bot.send(callback_update("rsub", user_id=FOCAL))
    (report,) = reports.reports_of(bot.services.store, FOCAL)
    assert report.description == "Workshop on borders with officials from six countries."
    with bot.services.store.atomic() as db:  # one kept by an earlier release, control characters and all
        db["reports"].update(report.id, {"description": "Old\x01 report\x02 with controls, kept from before."})
    await bot.send(message_update("/export 2025 en", user_id=ADMIN_ID))
    (sent,) = bot.api.sent("sendDocument")
    assert t("en", "error.sorry") not in bot.texts()
    assert sent["caption"]


async def test_a_deadline_for_another_year_keeps_the_pending_years_reminders(bot):
    await _register(bot)
    today = dt.datetime.now(dt.UTC).date()
    due = today + dt.timedelta(days=14)
    await bot.send(message_update(f"/deadline {due.isoformat()} 2025", user_id=ADMIN_ID))
    await bot.send(message_update(f"/deadline {(today + dt.timedelta(days=300)).isoformat()} 2026", user_id=ADMIN_ID))
    assert await send_reminders(bot.application, bot.services, today) == 1  # 2025's, 14 days before
    reminder = bot.api.sent()[-1]
    assert "2025" in reminder["text"] and int(reminder["chat_id"]) == FOCAL


async def test_a_deadline_years_ahead_is_taken_for_the_typo_it_is(bot):
    await bot.send(message_update("/deadline 9999-12-31", user_id=ADMIN_ID))
    assert bot.last() == t("en", "deadline.too_far", years=2)
    assert bot.services.store.db["deadlines"].count == 0
    assert deadlines.current_deadlines(bot.services.store, dt.date.today()) == []


async def test_cancel_with_nothing_open_says_so(bot):
    await bot.send(message_update("/cancel", user_id=7, lang="es"))
    assert bot.last() == t("es", "report.nothing_to_cancel")


# -- documents --------------------------------------------------------------------------------------


NOTE = b"Migration observatory bulletin. The observatory publishes remittance figures each quarter.\n" * 20


@pytest.fixture
async def docbot(tmp_path, small_corpus):
    from bot.services import build_services
    from index.encoder import HashingEncoder

    settings = make_settings(tmp_path, corpus_dir=small_corpus)
    services = build_services(settings, encoder=HashingEncoder())
    async with running_bot(settings, services) as harness:
        yield harness
    services.close()


async def test_two_previews_of_one_content_add_it_once(docbot):
    docbot.api.files.update({"f1": NOTE, "f2": NOTE})
    await docbot.send(document_update("f1", "bulletin.txt", len(NOTE), user_id=ADMIN_ID))
    first = buttons(docbot.api.sent()[-1])[0]
    await docbot.send(document_update("f2", "bulletin copy.txt", len(NOTE), user_id=ADMIN_ID))
    second = buttons(docbot.api.sent()[-1])[0]
    assert first.startswith("doc:add:") and second.startswith("doc:add:") and first != second
    await docbot.send(callback_update(first, user_id=ADMIN_ID))
    assert "Added" in docbot.last()
    await docbot.send(callback_update(second, user_id=ADMIN_ID))
    assert docbot.last().startswith("Not added again") and "bulletin.txt" in docbot.last()
    listed = [doc.file for doc in docbot.services.documents()]
    assert "bulletin.txt" in listed and not any(name.startswith("bulletin-copy") for name in listed)


async def test_a_file_in_a_group_is_looked_at_only_when_addressed(docbot):
    docbot.api.files["g1"] = NOTE
    update = document_update("g1", "bulletin.txt", len(NOTE), user_id=ADMIN_ID)
    update["message"]["chat"] = GROUP
    await docbot.send(update)
    assert docbot.api.sent() == [] and not docbot.api.sent("getFile")
