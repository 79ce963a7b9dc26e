"""Role guards: each refuses with its one text, in the user's language, and lets the right people through."""

from __future__ import annotations

import pytest

from bot.reporting import invitations
from bot.texts import t
from handlers.start import MAINTAINER_COMMANDS
from tests.conftest import ADMIN_ID
from tests.fakebot import callback_update, message_update

STRANGER = 4040


@pytest.mark.parametrize("command", MAINTAINER_COMMANDS)
async def test_every_maintainer_command_refuses_others_with_the_one_text(bot, command):
    await bot.send(message_update(f"/{command}", user_id=STRANGER, lang="es"))
    assert bot.texts() == [t("es", "guard.maintainers_only")]


@pytest.mark.parametrize(
    "data", ["fprev:1", "reidx:run", "rm:0123456789ab", "rmyes:0123456789ab", "doc:add:0123456789abcdef"]
)
async def test_maintainer_buttons_refuse_others_with_an_alert(bot, data):
    await bot.send(callback_update(data, user_id=STRANGER, lang="pt"))
    (alert,) = bot.api.sent("answerCallbackQuery")
    assert alert["text"] == t("pt", "guard.maintainers_only") and alert["show_alert"]
    assert not bot.api.sent()  # nothing else happened


async def test_maintainers_pass_the_guard(bot):
    await bot.send(message_update("/stats", user_id=ADMIN_ID))
    assert bot.last().startswith("<pre>") and t("en", "guard.maintainers_only") not in bot.last()


@pytest.mark.parametrize("command", ["/report", "/myreports"])
async def test_focal_point_commands_refuse_others_with_the_one_text(bot, command):
    await bot.send(message_update(command, user_id=STRANGER, lang="fr"))
    assert bot.texts() == [t("fr", "guard.focal_points_only")]
    await bot.send(message_update(command, user_id=ADMIN_ID))  # a maintainer is not a focal point
    assert bot.last() == t("en", "guard.focal_points_only")


async def test_focal_points_pass_the_guard(bot):
    code = invitations.create_invitation(bot.services.store, "CIM")
    await bot.send(message_update(f"/register {code}", user_id=STRANGER))
    await bot.send(message_update("/myreports", user_id=STRANGER))
    assert bot.last() == t("en", "myreports.none")


async def test_closed_mode_refuses_questions_from_strangers_only(bot):
    bot.settings.closed = True
    await bot.send(message_update("activity 9", user_id=STRANGER, lang="es"))
    assert bot.texts() == [t("es", "ask.closed")]
    await bot.send(message_update("activity 9", user_id=ADMIN_ID))
    assert "due process" in bot.last()
