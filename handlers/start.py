"""/start, /help and /language, in the user's language, and the command menu.

/start is a short welcome with a few examples; /help says how to ask (inline mode and 👎 included)
and lists every command the user may use, maintainers' ones under their own heading.
"""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, BaseHandler, CommandHandler

from bot.config import Settings
from bot.reporting.deadlines import example_dates
from bot.texts import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, t
from handlers.callbacks import ButtonHandler, LanguageButton
from handlers.common import answer_query, edit_text, escape, keyboard, reply_html, reply_text
from handlers.context import LANGUAGE_CHOICE, Context
from handlers.guards import is_focal_point, is_maintainer

logger = logging.getLogger(__name__)

# The menu, in this order; descriptions are the string table's "command.<name>".
COMMANDS = (
    "start",
    "help",
    "objectives",
    "activities",
    "activity",
    "sources",
    "language",
    "register",
    "report",
    "myreports",
    "cancel",
)
MAINTAINER_COMMANDS = (
    "stats",
    "reindex",
    "remove",
    "invite",
    "focalpoints",
    "export",
    "deadline",
    "review",
    "curate",
    "curated",
    "digest",
)


def menu(lang: str, *, maintainer: bool = False) -> list[BotCommand]:
    names = COMMANDS + (MAINTAINER_COMMANDS if maintainer else ())
    examples = example_dates()  # "/export 2026", "/deadline 2027-03-31": never a date gone by
    return [BotCommand(name, t(lang, f"command.{name}", **examples)) for name in names]


def _command_lines(commands: list[BotCommand]) -> list[str]:
    return [f"/{escape(c.command)} — {escape(c.description)}" for c in commands]


def help_text(lang: str, maintainer: bool, bot_username: str | None = None, *, focal_point: bool = False) -> str:
    """How to ask, then every command this user may use, and what a focal point or a maintainer
    does besides commands (review, returned reports, hand-offs, curated answers)."""
    everyone = menu(lang)
    lines = [t(lang, "help.how", bot=escape(f"@{bot_username}" if bot_username else "@bot")), ""]
    lines += [t(lang, "help.commands"), *_command_lines(everyone)]
    if focal_point:
        lines += ["", t(lang, "help.focal_actions")]
    if maintainer:
        lines += [
            "",
            t(lang, "help.maintainer_commands"),
            *_command_lines(menu(lang, maintainer=True)[len(everyone) :]),
            t(lang, "help.maintainer_actions"),
        ]
    return "\n".join(lines)


async def publish_commands(application: Application, settings: Settings) -> bool:
    """Everyone sees the public commands in their app's language; maintainers also see theirs.

    True when Telegram took every menu. Never raises: a menu is cosmetic, and a start-up call
    Telegram refuses (a 5xx, a flood limit, a time-out) must not stop the bot; the caller tries
    again later (handlers/jobs.py). A maintainer who never opened a chat with the bot (403) is
    not retried for: that menu will come with the next start.
    """
    bot = application.bot
    complete = True
    try:
        for lang in LANGUAGES:
            code = None if lang == DEFAULT_LANGUAGE else lang  # no language_code: the default for all others
            await bot.set_my_commands(menu(lang), scope=BotCommandScopeDefault(), language_code=code)
    except TelegramError as error:
        logger.warning("Could not publish the command menu: %s", error)
        complete = False
    for admin_id in settings.admin_ids:
        try:
            for lang in LANGUAGES:
                code = None if lang == DEFAULT_LANGUAGE else lang
                await bot.set_my_commands(
                    menu(lang, maintainer=True), scope=BotCommandScopeChat(admin_id), language_code=code
                )
        except (Forbidden, BadRequest) as error:  # the maintainer has not opened a chat with the bot yet
            logger.warning("Could not set maintainer commands for %s: %s", admin_id, error)
        except TelegramError as error:
            logger.warning("Could not set maintainer commands for %s: %s", admin_id, error)
            complete = False
    return complete


async def start(update: Update, context: Context) -> None:
    await reply_html(update, context.t("start.welcome"))


async def help_command(update: Update, context: Context) -> None:
    maintainer = await is_maintainer(update, context)
    focal = await is_focal_point(update, context)
    await reply_html(update, help_text(context.lang, maintainer, context.bot.username, focal_point=focal))


async def language(update: Update, context: Context) -> None:
    buttons = [(LANGUAGE_NAMES[lang], LanguageButton(lang=lang).data) for lang in LANGUAGES]
    choices = keyboard(buttons[:2], buttons[2:])
    await reply_text(update, context.t("language.prompt"), reply_markup=choices)


async def language_chosen(update: Update, context: Context) -> None:
    query = update.callback_query
    choice = context.button.lang
    context.user_data[LANGUAGE_CHOICE] = choice
    await answer_query(query)
    await edit_text(query, t(choice, "language.chosen"))


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("start", start),
        CommandHandler("help", help_command),
        CommandHandler("language", language),
        ButtonHandler(LanguageButton, language_chosen),
    ]
