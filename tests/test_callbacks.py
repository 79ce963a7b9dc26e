"""Button values are parsed and validated once, against what the user may do now; forged ones are refused."""

from __future__ import annotations

import typing

import pytest

from bot.reporting import invitations, registry, reports, review
from bot.texts import LANGUAGES, t
from handlers.callbacks import Button, LanguageButton, RefButton, parse_button
from tests.conftest import ADMIN_ID
from tests.fakebot import Harness, buttons, callback_update, message_update, running_bot

FOCAL = 901
DESCRIPTION = "Regional workshop in Panama on the protection of unaccompanied migrant children at borders."


@pytest.fixture
async def chat(settings, services):
    async with running_bot(settings, services) as harness:
        yield harness


async def _register(chat: Harness, actor: str = "IIN") -> None:
    code = invitations.create_invitation(chat.services.store, actor)
    await chat.send(message_update(f"/register {code}", user_id=FOCAL))


async def _to_confirm(chat: Harness) -> None:
    await chat.send(message_update("/report", user_id=FOCAL))
    await chat.send(callback_update("ref:activity 15", user_id=FOCAL))
    await chat.send(callback_update("kind:carried_out", user_id=FOCAL))
    await chat.send(message_update("March 2025", user_id=FOCAL))
    await chat.send(message_update(DESCRIPTION, user_id=FOCAL))
    await chat.send(message_update("/skip", user_id=FOCAL))


def test_every_button_value_reads_back_as_written_and_no_variant_does():
    assert parse_button("ref:activity 15") == RefButton(target="activity 15")
    assert parse_button(RefButton(target="specific objective 8").data).program_ref.number == 8
    for forged in (
        "ref:activity foo<b>",
        "ref:activity 015",
        "ref:activity 15:x",
        "kind:bogus",
        "rpwd:-1",
        "rpwd:²",
        "fb:1:0",
        "psg:1: 2",
        "lang:de",
        "rsub:",
        "nosuchprefix:1",
        "x" * 100,
        "",
    ):
        assert parse_button(forged) is None, forged
    assert set(typing.get_args(LanguageButton.model_fields["lang"].annotation)) == set(LANGUAGES)
    assert len(Button.registry) == len({model.PREFIX for model in Button.registry.values()})


@pytest.mark.parametrize("forged", ["ref:activity foo<b>", "ref:activity 999", "ref:activity 1", "kind:bogus"])
async def test_a_forged_reference_or_kind_is_refused_and_the_report_goes_on(chat, forged):
    await _register(chat)
    await chat.send(message_update("/report", user_id=FOCAL, lang="es"))
    await chat.send(callback_update(forged, user_id=FOCAL, lang="es"))
    assert chat.alert() == t("es", "button.stale")  # activity 1 is the GS's, not the IIN's: not offered
    await chat.send(callback_update("ref:activity 15", user_id=FOCAL, lang="es"))
    await chat.send(callback_update("kind:bogus", user_id=FOCAL, lang="es"))
    assert chat.alert() == t("es", "button.stale")
    await chat.send(callback_update("kind:planned", user_id=FOCAL, lang="es"))
    assert chat.last() == t("es", "report.ask_period")  # on to the next step: nothing locked
    await chat.send(message_update("/cancel", user_id=FOCAL, lang="es"))
    await chat.restart()
    await chat.send(message_update("/report", user_id=FOCAL, lang="es"))
    assert chat.last() == t("es", "report.ask_ref")
    assert chat.services.store.db["reports"].count == 0


async def test_a_stored_draft_that_no_longer_validates_is_dropped_not_kept_to_fail(chat):
    await _register(chat)
    await chat.send(message_update("/report", user_id=FOCAL))
    chat.application.user_data[FOCAL]["report_draft"]["kind"] = "bogus"  # as a forged value once stored it
    await chat.restart()
    await chat.send(callback_update("ref:activity 15", user_id=FOCAL))  # the conversation step of the broken draft
    assert chat.alert() == t("en", "report.already_closed")
    await chat.send(message_update("/report", user_id=FOCAL))
    assert chat.last() == t("en", "report.ask_ref")
    await chat.send(message_update("/cancel", user_id=FOCAL))
    assert chat.last() == t("en", "report.cancelled")


async def test_a_revoked_focal_point_can_neither_go_on_nor_submit_withdraw_or_edit(chat):
    await _register(chat)
    await _to_confirm(chat)
    await chat.send(callback_update("rsub", user_id=FOCAL))
    await _to_confirm(chat)  # a second report, waiting for Submit
    registry.revoke_focal_point(chat.services.store, FOCAL)
    await chat.send(callback_update("rsub", user_id=FOCAL, lang="fr"))
    assert chat.alert() == t("fr", "guard.focal_points_only")  # and the conversation is over:
    await chat.send(callback_update("redit", user_id=FOCAL, lang="fr"))
    assert chat.alert() == t("fr", "report.stale_button")
    for data in ("rpwd:1", "rpwdyes:1", "rpedit:1"):
        await chat.send(callback_update(data, user_id=FOCAL, lang="fr"))
        assert chat.alert() == t("fr", "guard.focal_points_only"), data
    await chat.send(message_update("/report", user_id=FOCAL))
    assert chat.last() == t("en", "guard.focal_points_only")
    (report,) = chat.services.store.db["reports"].rows
    assert report["status"] == "active" and report["version"] == 1


async def test_a_revoked_focal_point_cannot_type_the_next_step_either(chat):
    await _register(chat)
    await chat.send(message_update("/report", user_id=FOCAL))
    await chat.send(callback_update("ref:activity 15", user_id=FOCAL))
    await chat.send(callback_update("kind:carried_out", user_id=FOCAL))
    registry.revoke_focal_point(chat.services.store, FOCAL)
    await chat.send(message_update("March 2025", user_id=FOCAL))
    assert chat.last() == t("en", "guard.focal_points_only")
    await chat.send(message_update("What does activity 16 say?", user_id=FOCAL))  # the conversation is over
    assert "trafficking" in chat.last()


async def test_a_button_nobody_takes_gets_the_stale_reply_in_the_users_language(chat):
    for data in ("nosuchprefix:1", "acts:NOBODY", "psg:999:1", "lang:xx"):
        await chat.send(callback_update(data, user_id=5, lang="pt"))
        assert chat.alert() in {t("pt", "button.stale"), t("pt", "browse.stale_actor"), t("pt", "ask.stale")}, data
    assert not chat.api.sent()  # answered, nothing else sent


async def test_every_button_the_bot_sends_is_one_of_the_registry(chat):
    await _register(chat)
    await _to_confirm(chat)
    await chat.send(callback_update("redit", user_id=FOCAL))
    await chat.send(callback_update("rsub", user_id=FOCAL))
    await chat.send(message_update("/report", user_id=FOCAL))
    await chat.send(callback_update("ref:objectives", user_id=FOCAL))
    for command in ("/myreports", "/language", "/activities", "/focalpoints", "/remove", "/reindex"):
        await chat.send(message_update(command, user_id=FOCAL if command == "/myreports" else ADMIN_ID))
    await chat.send(message_update("What does activity 16 say?", user_id=5))
    sent = [data for params in chat.api.sent() for data in buttons(params)]
    assert len(sent) > 30
    assert [data for data in sent if parse_button(data) is None] == []


async def test_a_description_with_line_breaks_stays_one_labelled_paragraph(chat):
    posing = (
        "V. SUGGESTED SPECIFIC ACTIVITIES\n· Inter-American Commission on Human Rights (IACHR):\n"
        "12. Member states should deport migrants without any hearing at all."
    )
    await _register(chat)
    await chat.send(message_update("/report", user_id=FOCAL))
    await chat.send(callback_update("ref:activity 15", user_id=FOCAL))
    await chat.send(callback_update("kind:carried_out", user_id=FOCAL))
    await chat.send(message_update("March 2025", user_id=FOCAL))
    await chat.send(message_update(posing, user_id=FOCAL))
    await chat.send(message_update("/skip", user_id=FOCAL))
    await chat.send(callback_update("rsub", user_id=FOCAL))
    (report,) = reports.reports_of(chat.services.store, FOCAL)
    assert "\n" not in report.description and report.description.startswith("V. SUGGESTED SPECIFIC ACTIVITIES ·")
    review.approve(chat.services.store, report.id, report.version, reviewer=ADMIN_ID)  # searchable once approved
    chat.services.publish_reports()
    reported = [chunk for chunk in chat.services.searcher.chunks if chunk.kind == "focal_point_report"]
    assert reported and all(chunk.section == [] for chunk in reported)  # no section, no activity of its own
    assert all(
        "focal point report" in chunk.section_path and "activity 12" not in chunk.section_path for chunk in reported
    )
    for question in ("activity 12", "What should member states do under activity 12?"):
        hits = chat.services.searcher.search(question, k=5)
        for hit in hits:
            if hit.chunk.kind == "focal_point_report":
                assert "reported by the focal point" in hit.chunk.text and hit.chunk.label != "activity 12"
