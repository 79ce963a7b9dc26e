"""Review of reports through the real Application: submitted → returned (to the focal point, in
their language, with the comment) → edited and submitted again (history kept) → approved
(searchable, exported); unapproved reports are neither searchable nor exported by default; the
return is told even when Telegram fails at first; review switched off is today's behaviour."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from bot import digest
from bot.reporting import invitations, reports, review
from bot.reporting.export import export, export_markdown
from bot.texts import t
from handlers.review import notify_returns
from tests.conftest import ADMIN_ID
from tests.fakebot import Harness, buttons, callback_update, message_update, reply_update, running_bot

FOCAL = 601
DESCRIPTION = "Workshop in Tapachula on consular protection of migrant workers, with 45 officials."


@pytest.fixture
async def chat(settings, services):
    async with running_bot(settings, services) as harness:
        yield harness


async def _submit(chat: Harness, lang: str = "es", description: str = DESCRIPTION) -> reports.Report:
    code = invitations.create_invitation(chat.services.store, "MX")
    await chat.send(message_update(f"/register {code}", user_id=FOCAL, lang=lang))
    await chat.send(message_update("/report", user_id=FOCAL, lang=lang))
    await chat.send(callback_update("ref:activity 27", user_id=FOCAL, lang=lang))
    await chat.send(callback_update("kind:carried_out", user_id=FOCAL, lang=lang))
    await chat.send(message_update("marzo de 2025", user_id=FOCAL, lang=lang))
    await chat.send(message_update(description, user_id=FOCAL, lang=lang))
    await chat.send(message_update("/skip", user_id=FOCAL, lang=lang))
    await chat.send(callback_update("rsub", user_id=FOCAL, lang=lang))
    (report,) = reports.reports_of(chat.services.store, FOCAL)
    return report


def _searchable(chat: Harness, text: str) -> bool:
    chat.services.publish_reports()
    return any(text in chunk.text for chunk in chat.services.searcher.chunks if chunk.kind == "focal_point_report")


def _to(chat: Harness, chat_id: int) -> list[dict]:
    return [params for params in chat.api.sent() if int(params["chat_id"]) == chat_id]


async def _return_with_comment(chat: Harness, comment: str) -> None:
    await chat.send(message_update("/review", user_id=ADMIN_ID))
    report = reports.report(chat.services.store, 1)
    assert chat.buttons() == [f"rvok:1:{report.version}", f"rvret:1:{report.version}"]
    await chat.send(callback_update(f"rvret:1:{report.version}", user_id=ADMIN_ID))
    prompt = chat.api.last_message(ADMIN_ID)
    assert prompt["text"] == t("en", "review.comment_prompt", id=1)
    await chat.send(reply_update(comment, prompt, user_id=ADMIN_ID))


async def test_a_returned_report_reaches_its_focal_point_and_the_resubmission_keeps_the_history(chat, services):
    report = await _submit(chat)
    assert report.review == "submitted" and chat.last() == t("es", "report.saved_for_review", id=1)
    assert not _searchable(chat, "Tapachula")
    assert "Tapachula" not in export_markdown(services.store, services.catalogue, 2025)  # the default export
    marked = export_markdown(services.store, services.catalogue, 2025, include_submitted=True)
    assert f"**[{t('en', 'export.submitted_mark')}]** **marzo de 2025** — {DESCRIPTION}" in marked

    now = dt.datetime.now(dt.UTC)
    weekly = digest.compose(services.store, services.searcher.encoder, now - dt.timedelta(days=7), now)
    assert weekly.awaiting_review == 1 and t("en", "digest.awaiting_review", count=1) in digest.digest_html(
        weekly, "en"
    )

    await _return_with_comment(chat, "Indique cuántas personas migrantes fueron atendidas.")
    (told,) = [p for p in _to(chat, FOCAL) if "Indique" in p["text"]]
    assert told["text"].startswith("↩ <b>La Secretaría de la OEA devolvió su informe</b>")  # in Spanish
    assert buttons(told) == ["rpedit:1"]
    assert chat.last() == t("en", "review.empty")  # the maintainer: returned, and the queue is empty now
    assert reports.report(services.store, 1).review == "returned"

    await chat.send(message_update("/myreports", user_id=FOCAL, lang="es"))
    assert "devuelto" in chat.last() and "Indique cuántas personas migrantes" in chat.last()
    await chat.send(callback_update("rpedit:1", user_id=FOCAL, lang="es"))
    await chat.send(callback_update("redit", user_id=FOCAL, lang="es"))
    await chat.send(callback_update("rfield:description", user_id=FOCAL, lang="es"))
    await chat.send(message_update(DESCRIPTION + " Se atendió a 300 personas migrantes.", user_id=FOCAL, lang="es"))
    await chat.send(callback_update("rsub", user_id=FOCAL, lang="es"))
    assert chat.last() == t("es", "report.updated_for_review", id=1)
    again = reports.report(services.store, 1)
    assert (again.version, again.review, again.review_comment) == (2, "submitted", None)
    (earlier,) = reports.versions(services.store, 1)
    assert earlier["description"] == DESCRIPTION and earlier["review"] == "returned"
    assert [(d.version, d.decision) for d in review.history(services.store, 1)] == [(1, "returned")]

    await chat.send(message_update("/review", user_id=ADMIN_ID))
    assert "300 personas" in chat.last() and "Indique cuántas" in chat.last()  # the earlier return shown
    await chat.send(callback_update("rvok:1:1", user_id=ADMIN_ID))  # a button of the returned version
    assert chat.alert() == t("en", "review.stale") and reports.report(services.store, 1).review == "submitted"
    await chat.send(callback_update("rvok:1:2", user_id=ADMIN_ID))
    assert chat.alert() == t("en", "review.approved_short") and reports.report(services.store, 1).review == "approved"
    assert [(d.version, d.decision) for d in review.history(services.store, 1)] == [(1, "returned"), (2, "approved")]
    assert _searchable(chat, "300 personas")
    assert "300 personas" in export_markdown(services.store, services.catalogue, 2025)
    await chat.send(message_update("/myreports", user_id=FOCAL, lang="es"))
    assert "aprobado" in chat.last()


async def test_only_maintainers_review(chat):
    await _submit(chat, lang="en")
    await chat.send(message_update("/review", user_id=FOCAL))
    assert chat.last() == t("en", "guard.maintainers_only")
    await chat.send(callback_update("rvok:1:1", user_id=FOCAL))
    assert chat.alert() == t("en", "guard.maintainers_only") and reports.report(chat.services.store, 1).review == (
        "submitted"
    )


@pytest.mark.parametrize("status", [429, 500, 502, 403, 400])
async def test_telegram_failing_to_tell_the_focal_point_loses_no_return(chat, status):
    await _submit(chat)
    chat.api.fail_next("sendMessage", status, chat_id=FOCAL)
    await _return_with_comment(chat, "Falta el número de participantes.")
    decision = review.history(chat.services.store, 1)[-1]
    assert decision.decision == "returned" and reports.report(chat.services.store, 1).review == "returned"
    told = [p for p in _to(chat, FOCAL) if "Falta el número" in p["text"]]
    if status == 429:  # the flood limiter waits as asked and sends it
        assert len(told) == 2 and review.pending_returns(chat.services.store) == []
        assert t("en", "review.returned", id=1) in chat.texts()
        return
    assert len(told) == 1 and t("en", "review.returned_not_delivered", id=1) in chat.texts()
    await notify_returns(chat.application, chat.services)  # the periodic retry
    told = [p for p in _to(chat, FOCAL) if "Falta el número" in p["text"]]
    assert len(told) == (2 if status >= 500 else 1)  # a 5xx passes; blocked or refused is not retried
    await notify_returns(chat.application, chat.services)
    assert len([p for p in _to(chat, FOCAL) if "Falta el número" in p["text"]]) == len(told)  # told once
    await chat.send(message_update("/myreports", user_id=FOCAL, lang="es"))
    assert "Falta el número de participantes." in chat.last()  # whatever Telegram did, the comment is there


async def test_review_switched_off_is_todays_behaviour(settings, services):
    settings.review_reports = False
    async with running_bot(settings, services) as chat:
        report = await _submit(chat, lang="en")
        assert report.review == "approved" and chat.last() == t("en", "report.saved", id=1)
        assert _searchable(chat, "Tapachula")
        await chat.send(message_update("/review", user_id=ADMIN_ID))
        assert chat.last() == t("en", "review.off")


async def test_the_spreadsheet_holds_every_version_the_coverage_and_formulas_as_text(chat, services, tmp_path):
    formula = '=HYPERLINK("http://evil.example/x","Click for the full report of the workshop")'
    await _submit(chat, lang="en", description=formula)
    await _return_with_comment(chat, "Describe the workshop itself, please.")
    await chat.send(callback_update("rpedit:1", user_id=FOCAL))
    await chat.send(callback_update("redit", user_id=FOCAL))
    await chat.send(callback_update("rfield:description", user_id=FOCAL))
    await chat.send(message_update("+" + DESCRIPTION, user_id=FOCAL))
    await chat.send(callback_update("rsub", user_id=FOCAL))

    await chat.send(message_update("/export 2025 xlsx", user_id=ADMIN_ID))  # the default: approved only
    name, content = chat.api.uploads[-1]
    assert name == "reports-2025-en.xlsx"
    assert openpyxl.load_workbook(io.BytesIO(content))["Reports"].max_row == 1  # headers only

    await chat.send(message_update("/export 2025 all xlsx", user_id=ADMIN_ID))
    name, content = chat.api.uploads[-1]
    book = openpyxl.load_workbook(io.BytesIO(content))
    rows = list(book["Reports"].iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("Report", "Version", "Current version") and "Program activity or objective" in header
    by_version = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert set(by_version) == {1, 2}
    first, second = by_version[1], by_version[2]
    assert (first["Actor"], first["Program activity or objective"], first["Kind"]) == (
        "Mexico",
        "activity 27",
        "Activities carried out",
    )
    assert (first["State"], first["Current version"], second["State"], second["Current version"]) == (
        "returned",
        "no",
        "submitted",
        "yes",
    )
    assert first["Replaced on"] and first["Period"] == "marzo de 2025" and first["Year"] == 2025
    cell = next(c for c in book["Reports"]["O"] if c.value == formula)  # the description column
    assert cell.data_type == "s" and cell.quotePrefix  # text, never a formula
    plus = next(c for c in book["Reports"]["O"] if c.value == "+" + DESCRIPTION)
    assert plus.data_type == "s"

    coverage = list(book["Coverage"].iter_rows(values_only=True))
    assert coverage[0][:4] == ("No.", "Program activity", "Actor", "All actors") and coverage[0][4] == "Mexico"
    numbers = [row[0] for row in coverage[1:]]
    assert numbers == [item.number for item in services.catalogue.program_items("activity")] and len(numbers) == 42
    row_27 = next(row for row in coverage[1:] if row[0] == 27)
    assert row_27[3] == 1 and row_27[4] == 1

    out = export(services.store, services.catalogue, 2025, "xlsx", tmp_path / "es.xlsx", lang="es")
    spanish = openpyxl.load_workbook(out)
    assert spanish.sheetnames == ["Informes", "Cobertura"]


def test_the_command_line_writes_the_spreadsheet_with_or_without_reports_awaiting_review(
    settings, services, monkeypatch, tmp_path
):
    from bot.cli import main
    from bot.reporting.reports import ProgramRef, ReportDraft

    draft = ReportDraft(
        actor_id="IIN",
        ref=ProgramRef(kind="activity", number=15),
        kind="carried_out",
        period="March 2025",
        description="Regional workshop in Panama on the protection of unaccompanied migrant children.",
    )
    reports.submit_report(services.store, draft, 11)  # submitted, awaiting review
    monkeypatch.setenv("MIGRANTSBOT_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("MIGRANTSBOT_EMBEDDING_MODEL", "hashing")
    out = tmp_path / "reports.xlsx"
    assert main(["reports", "export", "--year", "2025", "--format", "xlsx", "--out", str(out)]) == 0
    assert openpyxl.load_workbook(out)["Reports"].max_row == 1
    assert main(["reports", "export", "--year", "2025", "--format", "xlsx", "--out", str(out), "--all"]) == 0
    (row,) = list(openpyxl.load_workbook(out)["Reports"].iter_rows(min_row=2, values_only=True))
    assert row[3:5] == ("IIN", "Inter-American Children's Institute (IIN)") and row[9] == "submitted"
