"""Every command is documented: the bot's in the README and its menu, the CLI's in the README
with their --help text."""

from __future__ import annotations

import argparse
import re

import pytest
from telegram.ext import CommandHandler, ConversationHandler

from bot.cli import build_parser
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


def _cli_commands(parser: argparse.ArgumentParser, prefix: str = "migrantsbot") -> list[tuple[str, str]]:
    """(full command, help text) of every leaf subcommand, e.g. ("migrantsbot corpus add", "add a …")."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, subparser in action.choices.items():
                inner = _cli_commands(subparser, f"{prefix} {name}")
                found += inner or [(f"{prefix} {name}", helps.get(name) or "")]
    return found


CLI_COMMANDS = _cli_commands(build_parser())


def test_the_cli_has_subcommands_to_document():
    assert {"migrantsbot index build", "migrantsbot corpus add", "migrantsbot reports export"} <= {
        command for command, _ in CLI_COMMANDS
    }


@pytest.mark.parametrize(("command", "help_text"), CLI_COMMANDS, ids=[command for command, _ in CLI_COMMANDS])
def test_every_cli_subcommand_is_in_the_readme_with_its_help(command, help_text):
    """As sqlite-utils' tests/test_docs.py: the README's command table row carries the --help text."""
    assert help_text, f"{command} has no help text"
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith(f"| `{command}")]
    assert rows, f"{command} is not in the README's command table"
    assert any(help_text in row for row in rows), f"the README row of {command} does not say: {help_text}"
