"""Every command the bot registers is in the README and in the published command menu."""

from __future__ import annotations

import re

from telegram.ext import CommandHandler, ConversationHandler

from bot.config import PROJECT_ROOT
from handlers import start
from handlers.app import build_application
from tests.fakebot import FakeBotAPI


async def test_every_command_is_documented_and_published(settings, services):
    application = build_application(settings, request=FakeBotAPI(), services=services)

    def flatten(handler):
        if isinstance(handler, ConversationHandler):
            inner = [*handler.entry_points, *handler.fallbacks, *(h for hs in handler.states.values() for h in hs)]
            return [h for child in inner for h in flatten(child)]
        return [handler]

    registered = {
        command
        for handlers in application.handlers.values()
        for handler in handlers
        for leaf in flatten(handler)
        if isinstance(leaf, CommandHandler)
        for command in leaf.commands
    }
    assert {"report", "cancel", "register"} <= registered
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`/(\w+)", readme))
    published = set(start.COMMANDS + start.MAINTAINER_COMMANDS)
    assert registered - documented == set(), "commands missing from README.md"
    assert registered - {"skip"} - published == set(), "commands missing from setMyCommands"
