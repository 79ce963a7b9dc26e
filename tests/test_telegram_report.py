"""Focal points in the chat: registration, the /report conversation, restarts, replays, export."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.reporting import deadlines, invitations, registry, reports
from bot.texts import t
from handlers.jobs import send_reminders
from tests.conftest import ADMIN_ID
from tests.fakebot import Harness, callback_update, decoded, message_update, running_bot

FOCAL = 501
DESCRIPTION = "Regional workshop in Panama on the protection of unaccompanied migrant children at borders."


@pytest.fixture
async def chat(settings, services):
    async with running_bot(settings, services, clear=False) as harness:
        yield harness


async def _register(chat: Harness, actor: str = "IIN", user_id: int = FOCAL) -> None:
    code = invitations.create_invitation(chat.services.store, actor)
    await chat.send(message_update(f"/register {code}", user_id=user_id))


async def _fill_until_confirm(chat: Harness, user_id: int = FOCAL) -> None:
    await chat.send(message_update("/report", user_id=user_id))
    assert "ref:activity 15" in chat.buttons() and "ref:activity 16" in chat.buttons()  # the IIN's own activities
    await chat.send(callback_update("ref:activity 15", user_id=user_id))
    await chat.send(callback_update("kind:carried_out", user_id=user_id))
    await chat.send(message_update("March 2025", user_id=user_id))
    await chat.send(message_update(DESCRIPTION, user_id=user_id))
    await chat.send(message_update("/skip", user_id=user_id))


async def test_register_with_good_used_and_expired_codes(chat):
    code = invitations.create_invitation(chat.services.store, "IACHR")
    await chat.send(message_update(f"/register {code}", user_id=7))
    assert "focal point of <b>Inter-American Commission on Human Rights (IACHR)</b>" in chat.last()
    await chat.send(message_update(f"/register {code}", user_id=8))
    assert "already been used" in chat.last()
    old = invitations.create_invitation(chat.services.store, "CIM", now=dt.datetime.now(dt.UTC) - dt.timedelta(days=9))
    await chat.send(message_update(f"/register {old}", user_id=8))
    assert "expired" in chat.last()
    await chat.send(message_update("/register", user_id=8))
    assert "Send the code" in chat.last()


async def test_report_from_start_to_submit(chat):
    await _register(chat)
    await _fill_until_confirm(chat)
    assert "Program reference: activity 15" in chat.last() and chat.buttons() == ["rsub", "redit", "rcancel"]
    await chat.send(callback_update("rsub", user_id=FOCAL))
    assert chat.last() == t("en", "report.saved_for_review", id=1)  # submitted: it waits for /review
    (report,) = reports.reports_of(chat.services.store, FOCAL)
    assert report.actor_id == "IIN" and report.description == DESCRIPTION and report.ref.key == "activity 15"
    assert report.kind == "carried_out" and report.year == 2025 and report.link is None


async def test_invalid_answers_are_asked_again(chat):
    await _register(chat)
    await chat.send(message_update("/report", user_id=FOCAL))
    await chat.send(callback_update("ref:objectives", user_id=FOCAL))
    assert "ref:specific objective 8" in chat.buttons()
    await chat.send(callback_update("ref:specific objective 8", user_id=FOCAL))
    await chat.send(callback_update("kind:planned", user_id=FOCAL))
    await chat.send(message_update("soon", user_id=FOCAL))
    assert chat.last() == t("en", "report.invalid_period_year")
    await chat.send(message_update("May", user_id=FOCAL))  # under 4 characters
    assert chat.last() == t("en", "report.invalid_period_length")
    await chat.send(message_update("Second half of 2025", user_id=FOCAL))
    await chat.send(message_update("Too short", user_id=FOCAL))
    assert "30 to 3,000 characters" in chat.last()
    await chat.send(message_update(DESCRIPTION, user_id=FOCAL))
    await chat.send(message_update("not a link", user_id=FOCAL))
    assert "not a web address" in chat.last()
    await chat.send(message_update("https://www.iin.oea.org/workshop", user_id=FOCAL))
    assert "specific objective 8" in chat.last() and "https://www.iin.oea.org/workshop" in chat.last()


async def test_edit_a_field_then_submit(chat):
    await _register(chat)
    await _fill_until_confirm(chat)
    await chat.send(callback_update("redit", user_id=FOCAL))
    await chat.send(callback_update("rfield:period", user_id=FOCAL))
    await chat.send(message_update("April 2025", user_id=FOCAL))
    assert "Period: April 2025" in chat.last() and "Program reference: activity 15" in chat.last()
    assert chat.buttons() == ["rsub", "redit", "rcancel"]  # straight back to the summary
    await chat.send(callback_update("rsub", user_id=FOCAL))
    (report,) = reports.reports_of(chat.services.store, FOCAL)
    assert (report.period, report.ref.key, report.description, report.version) == (
        "April 2025",
        "activity 15",
        DESCRIPTION,
        1,
    )


async def test_cancel_from_the_summary_and_from_a_step(chat):
    await _register(chat)
    await _fill_until_confirm(chat)
    await chat.send(callback_update("rcancel", user_id=FOCAL))
    assert "dropped" in chat.last()
    await chat.send(message_update("/report", user_id=FOCAL))
    await chat.send(callback_update("ref:activity 16", user_id=FOCAL))
    await chat.send(message_update("/cancel", user_id=FOCAL))
    assert "dropped" in chat.last()
    assert reports.reports_of(chat.services.store, FOCAL) == []
    await chat.send(message_update("What does activity 16 say?", user_id=FOCAL))  # questions work again
    assert "trafficking" in chat.last()


async def test_restart_in_the_middle_continues_where_it_stopped(chat):
    await _register(chat)
    await chat.send(message_update("/report", user_id=FOCAL))
    await chat.send(callback_update("ref:activity 16", user_id=FOCAL))
    await chat.send(callback_update("kind:best_practice", user_id=FOCAL))
    await chat.restart()
    await chat.send(message_update("June 2025", user_id=FOCAL))  # answered as the PERIOD step
    assert "What was done" in chat.last()
    await chat.send(message_update(DESCRIPTION, user_id=FOCAL))
    await chat.send(message_update("/skip", user_id=FOCAL))
    await chat.send(callback_update("rsub", user_id=FOCAL))
    report = reports.reports_of(chat.services.store, FOCAL)[0]
    assert (report.ref.key, report.kind, report.period) == ("activity 16", "best_practice", "June 2025")


async def test_report_command_after_timeout_or_restart_resumes_the_draft(chat):
    await _register(chat)
    await chat.send(message_update("/report", user_id=FOCAL))
    await chat.send(callback_update("ref:activity 15", user_id=FOCAL))
    await chat.restart()
    await chat.send(message_update("/report", user_id=FOCAL))
    assert "unfinished report" in chat.api.texts()[-2] and "What are you reporting" in chat.last()


async def test_replayed_submit_creates_one_report(chat):
    await _register(chat)
    await _fill_until_confirm(chat)
    submit = callback_update("rsub", user_id=FOCAL)
    await chat.send(submit)
    await chat.send(submit)  # the same update delivered twice
    await chat.send(callback_update("rsub", user_id=FOCAL))  # and a double tap
    assert chat.services.store.db["reports"].count == 1
    assert "already closed" in chat.api.sent("answerCallbackQuery")[-1]["text"]


async def test_not_a_focal_point_cannot_report(chat):
    await chat.send(message_update("/report", user_id=999_999))
    assert chat.last() == t("en", "guard.focal_points_only")
    await chat.send(message_update("What does activity 16 say?", user_id=999_999))  # no conversation was opened
    assert "trafficking" in chat.last()


async def test_focal_point_of_another_actor_cannot_submit_for_an_actor(chat):
    await _register(chat, "IIN")
    await _fill_until_confirm(chat)
    registry.revoke_focal_point(chat.services.store, FOCAL)
    await _register(chat, "PAHO")  # now the focal point of another actor, with the IIN draft open
    await chat.send(callback_update("rsub", user_id=FOCAL))
    assert "only report for the actor you are registered for" in chat.api.sent("answerCallbackQuery")[-1]["text"]
    assert chat.services.store.db["reports"].count == 0


async def test_myreports_edit_keeps_versions_and_withdraw(chat):
    await _register(chat)
    await _fill_until_confirm(chat)
    await chat.send(callback_update("rsub", user_id=FOCAL))
    await chat.send(message_update("/myreports", user_id=FOCAL))
    assert chat.buttons() == ["rpedit:1", "rpwd:1"]
    await chat.send(callback_update("rpedit:1", user_id=FOCAL))
    await chat.send(callback_update("redit", user_id=FOCAL))
    await chat.send(callback_update("rfield:description", user_id=FOCAL))
    await chat.send(message_update(DESCRIPTION + " Forty officials from six countries took part.", user_id=FOCAL))
    assert "Edited report" in chat.last()
    await chat.send(callback_update("rsub", user_id=FOCAL))
    assert chat.last() == t("en", "report.updated_for_review", id=1)
    edited = reports.report(chat.services.store, 1)
    assert edited.version == 2 and edited.description.endswith("Forty officials from six countries took part.")
    (earlier,) = reports.versions(chat.services.store, 1)
    assert earlier["description"] == DESCRIPTION and earlier["version"] == 1
    await chat.send(callback_update("rpwd:1", user_id=FOCAL))
    await chat.send(callback_update("rpwdyes:1", user_id=FOCAL))
    assert "withdrawn" in chat.last() and reports.reports_of(chat.services.store, FOCAL) == []
    await chat.send(callback_update("rpedit:1", user_id=FOCAL))
    assert "cannot be edited" in chat.api.sent("answerCallbackQuery")[-1]["text"]


async def test_maintainer_invites_lists_revokes_and_exports(chat):
    await chat.send(message_update("/invite IIN", user_id=ADMIN_ID))
    code = chat.last().split("/register ")[1].split("<")[0]
    await chat.send(message_update(f"/register {code}", user_id=FOCAL))
    await _fill_until_confirm(chat)
    await chat.send(callback_update("rsub", user_id=FOCAL))
    await chat.send(message_update("/focalpoints", user_id=ADMIN_ID))
    assert "IIN" in chat.last() and chat.buttons() == [f"fprev:{FOCAL}"]
    await chat.send(message_update("/export 2025", user_id=ADMIN_ID))
    document = chat.api.sent("sendDocument")[-1]
    assert "2025" in document["caption"]
    await chat.send(callback_update(f"fprev:{FOCAL}", user_id=ADMIN_ID))
    assert registry.focal_point(chat.services.store, FOCAL) is None
    for command in ("/invite IIN", "/focalpoints", "/export 2025", "/deadline 2030-01-01", "/stats"):
        await chat.send(message_update(command, user_id=FOCAL))
        assert chat.last() == t("en", "guard.maintainers_only"), command
    await chat.send(callback_update(f"fprev:{FOCAL}", user_id=FOCAL))
    assert chat.alert() == t("en", "guard.maintainers_only")


async def test_closed_mode_admits_only_registered_users(chat):
    chat.settings.closed = True
    await chat.send(message_update("activity 9", user_id=12345))
    assert "registered focal points and maintainers only" in chat.last()
    await _register(chat)
    await chat.send(message_update("activity 9", user_id=FOCAL))
    assert "due process" in chat.last()


async def test_deadline_reminds_focal_points_without_a_report_once_a_day(chat):
    await _register(chat, "IIN", user_id=FOCAL)
    await _register(chat, "PAHO", user_id=FOCAL + 1)
    await _fill_until_confirm(chat)  # the IIN reports for 2025
    await chat.send(callback_update("rsub", user_id=FOCAL))
    due = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=30)
    await chat.send(message_update(f"/deadline {due.isoformat()} 2025", user_id=ADMIN_ID))
    assert "1 focal point(s) have no report yet" in chat.last()
    await chat.send(message_update("/deadline 2001-01-01", user_id=ADMIN_ID))
    assert "has passed" in chat.last()

    chat.api.clear()
    assert await send_reminders(chat.application, chat.services, due - dt.timedelta(days=10)) == 0  # not a reminder day
    seven_days_before = due - dt.timedelta(days=7)
    assert await send_reminders(chat.application, chat.services, seven_days_before) == 1
    reminder = chat.api.sent()[-1]
    assert reminder["chat_id"] == FOCAL + 1 and "due in 7 days" in reminder["text"]
    assert await send_reminders(chat.application, chat.services, seven_days_before) == 0  # never twice a day

    await chat.restart()  # deadlines and reminders sent live in the database
    assert await send_reminders(chat.application, chat.services, seven_days_before) == 0
    assert await send_reminders(chat.application, chat.services, due) == 1
    assert "due today" in chat.api.sent()[-1]["text"]


async def test_reminders_are_scheduled_at_start_up(chat):
    jobs = chat.application.job_queue.get_jobs_by_name("reminders")
    assert len(jobs) == 1


async def test_the_spanish_report_conversation_end_to_end(chat):
    code = invitations.create_invitation(chat.services.store, "MX")
    await chat.send(message_update(f"/register {code}", user_id=FOCAL, lang="es"))
    assert "punto focal de <b>México</b>" in chat.last()
    await chat.send(message_update("/report", user_id=FOCAL, lang="es"))
    assert chat.last().startswith(f"{t('es', 'report.ask_ref')}\n<i>(texto original en inglés)</i>")
    assert "<b>27.</b> Issue and facilitate provision of identity documents" in chat.last()  # the 24, listed
    refs = chat.buttons()
    assert "ref:activity 27" in refs and "ref:activity 9" not in refs  # the member states' activities, not the IACHR's
    rows = decoded(chat.api.sent()[-1]["reply_markup"])["inline_keyboard"]
    assert rows[0][0]["text"].isdigit() and max(len(row) for row in rows) == 6
    await chat.send(callback_update("ref:activity 27", user_id=FOCAL, lang="es"))
    assert chat.last() == t("es", "report.ask_kind")
    sent = chat.api.sent()[-1]
    labels = [button["text"] for row in decoded(sent["reply_markup"])["inline_keyboard"] for button in row]
    assert labels == [t("es", f"kind.{kind}") for kind in reports.REPORT_KINDS]
    await chat.send(callback_update("kind:carried_out", user_id=FOCAL, lang="es"))
    assert chat.last() == t("es", "report.ask_period")
    await chat.send(message_update("pronto", user_id=FOCAL, lang="es"))
    assert chat.last() == t("es", "report.invalid_period_year")
    await chat.send(message_update("marzo de 2026", user_id=FOCAL, lang="es"))
    assert chat.last() == t("es", "report.ask_description")
    descripcion = "Jornadas de documentación de identidad para migrantes en tres consulados de la frontera norte."
    await chat.send(message_update(descripcion, user_id=FOCAL, lang="es"))
    assert chat.last() == t("es", "report.ask_link")
    await chat.send(message_update("/skip", user_id=FOCAL, lang="es"))
    summary = chat.last()
    assert summary.startswith(t("es", "report.summary_title", actor="México"))
    assert "Referencia del Programa: actividad 27" in summary and "Período: marzo de 2026" in summary
    await chat.send(callback_update("rsub", user_id=FOCAL, lang="es"))
    assert chat.alert() == t("es", "report.saved_short") and chat.last() == t("es", "report.saved_for_review", id=1)
    (report,) = reports.reports_of(chat.services.store, FOCAL)
    assert (report.actor_id, report.ref.key, report.year, report.description) == (
        "MX",
        "activity 27",
        2026,
        descripcion,
    )


async def test_text_typed_after_edit_goes_to_the_field_chosen_not_to_the_answerer(chat):
    await _register(chat)
    await _fill_until_confirm(chat)
    asked = chat.services.store.db["questions"].count
    await chat.send(callback_update("redit", user_id=FOCAL))
    corrected = DESCRIPTION + " Thirty officials took part."
    await chat.send(message_update(corrected, user_id=FOCAL))  # typed before choosing the field
    assert chat.last() == t("en", "report.which_field_for_text")
    assert chat.buttons() == ["rfield:period", "rfield:description", "rfield:link", "rcancel"]
    await chat.send(callback_update("rfield:description", user_id=FOCAL))
    assert f"Description: {corrected}" in chat.last() and chat.buttons() == ["rsub", "redit", "rcancel"]
    await chat.send(message_update("not a link", user_id=FOCAL))  # typed at the summary: kept, then invalid
    await chat.send(callback_update("rfield:link", user_id=FOCAL))
    assert chat.api.texts()[-2] == t("en", "report.invalid_link") and chat.last() == t("en", "report.ask_link")
    await chat.send(message_update("https://www.iin.oea.org/workshop", user_id=FOCAL))
    await chat.send(callback_update("rsub", user_id=FOCAL))
    (report,) = reports.reports_of(chat.services.store, FOCAL)
    assert report.description == corrected and report.link == "https://www.iin.oea.org/workshop"
    assert chat.services.store.db["questions"].count == asked  # nothing was taken for a question


async def test_text_where_a_button_is_expected_asks_again(chat):
    await _register(chat)
    await chat.send(message_update("/report", user_id=FOCAL))
    await chat.send(message_update("activity 15", user_id=FOCAL))
    assert chat.api.texts()[-2] == t("en", "report.use_buttons") and "ref:activity 15" in chat.buttons()
    await chat.send(callback_update("ref:activity 15", user_id=FOCAL))
    await chat.send(message_update("carried out", user_id=FOCAL))
    assert chat.api.texts()[-2] == t("en", "report.use_buttons") and "kind:carried_out" in chat.buttons()
    assert chat.services.store.db["questions"].count == 0


async def test_an_unchanged_edit_makes_no_new_version(chat):
    await _register(chat)
    await _fill_until_confirm(chat)
    await chat.send(callback_update("rsub", user_id=FOCAL))
    await chat.send(callback_update("rpedit:1", user_id=FOCAL))
    await chat.send(callback_update("rsub", user_id=FOCAL))  # submitted as it was
    assert chat.last() == t("en", "report.unchanged", id=1)
    await chat.send(callback_update("rpedit:1", user_id=FOCAL))
    await chat.send(callback_update("redit", user_id=FOCAL))
    await chat.send(callback_update("rfield:period", user_id=FOCAL))
    await chat.send(message_update("March 2025", user_id=FOCAL))  # the same period again
    await chat.send(callback_update("rsub", user_id=FOCAL))
    assert chat.last() == t("en", "report.unchanged", id=1)
    assert reports.report(chat.services.store, 1).version == 1 and reports.versions(chat.services.store, 1) == []


async def test_deadline_infers_the_reporting_year_and_takes_an_explicit_one(chat):
    await _register(chat, "IIN", user_id=FOCAL)
    await _register(chat, "PAHO", user_id=FOCAL + 1)
    for user_id in (FOCAL, FOCAL + 1):
        await chat.send(message_update("/report", user_id=user_id))
        await chat.send(callback_update(chat.buttons()[0], user_id=user_id))
        await chat.send(callback_update("kind:carried_out", user_id=user_id))
        await chat.send(message_update("October 2026", user_id=user_id))
        await chat.send(message_update(DESCRIPTION, user_id=user_id))
        await chat.send(message_update("/skip", user_id=user_id))
        await chat.send(callback_update("rsub", user_id=user_id))
    early = dt.date(dt.datetime.now(dt.UTC).year + 1, 1, 31)
    await chat.send(message_update(f"/deadline {early.isoformat()}", user_id=ADMIN_ID))
    year = early.year - 1
    assert f"reports for {year} by {early.isoformat()}" in chat.last()
    assert "0 focal point(s) have no report yet" in chat.last() and "before July" in chat.last()
    assert deadlines.current_deadline(chat.services.store, dt.datetime.now(dt.UTC).date()).year == year
    late = dt.date(early.year, 9, 30)
    await chat.send(message_update(f"/deadline {late.isoformat()}", user_id=ADMIN_ID))
    assert f"reports for {late.year} by" in chat.last() and "from July on" in chat.last()
    await chat.send(message_update(f"/deadline {early.isoformat()} {early.year}", user_id=ADMIN_ID))
    assert f"reports for {early.year} by" in chat.last() and "2 focal point(s) have no report yet" in chat.last()
    assert "July" not in chat.last()  # an explicit year needs no explanation
    await chat.send(message_update("/deadline tomorrow", user_id=ADMIN_ID))
    assert "<code>/deadline " in chat.last()


async def test_invite_an_unknown_actor_answers_in_plain_words(chat):
    await chat.send(message_update("/invite XYZ", user_id=ADMIN_ID))
    assert chat.last() == t("en", "invite.unknown_actor", actor="XYZ", close="")
    assert "`" not in chat.last() and "migrantsbot" not in chat.last()
    await chat.send(message_update("/invite IACHRR", user_id=ADMIN_ID))
    assert "Did you mean IACHR?" in chat.last()
    await chat.send(message_update("/invite México", user_id=ADMIN_ID))
    assert "Did you mean MX?" in chat.last()
    await chat.send(message_update("/invite", user_id=ADMIN_ID))
    assert "<code>MX</code>: Mexico" in chat.last() and "<code>IACHR</code>:" in chat.last()


async def test_export_sends_english_and_the_maintainers_language_or_the_one_asked(chat):
    await chat.send(callback_update("lang:es", user_id=ADMIN_ID))
    await chat.send(message_update("/export 2025", user_id=ADMIN_ID))
    documents = chat.api.sent("sendDocument")
    assert [d["caption"] for d in documents] == [
        t("es", "export.caption", year=2025, language="English"),
        t("es", "export.caption", year=2025, language="Español"),
    ]
    await chat.send(message_update("/export pt 2025", user_id=ADMIN_ID))
    assert chat.api.sent("sendDocument")[-1]["caption"] == t("es", "export.caption", year=2025, language="Português")
    assert len(chat.api.sent("sendDocument")) == 3
    await chat.send(message_update("/export next-year", user_id=ADMIN_ID))
    assert "<code>/export" in chat.last()
