"""Where the bot speaks: private chats fully; in groups, only when addressed; never to channels.

- Channel posts and edited messages are dropped before any handler sees them (group -2): a
  channel post has no user to answer, and an edited question was answered already.
- In a group the bot answers commands meant for it and messages that mention it or reply to it,
  nothing else (`ADDRESSED`); a question's "@botname" is taken out before it is searched.
- Registration codes are never shown in a group: /invite sends the code privately, and the
  focal points' own commands (/register, /report, /myreports) ask for a private chat
  (`guards.private_only`).
"""

from __future__ import annotations

import re

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, BaseHandler, MessageHandler, filters

from handlers.context import Context


class _AddressedToBot(filters.MessageFilter):
    """A group message that mentions the bot (@name or a text mention, in its text or a file's
    caption) or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return True
        kinds = [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
        found = {**message.parse_entities(kinds), **message.parse_caption_entities(kinds)}  # a file's caption too
        for entity, text in found.items():
            if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot.id:
                return True
            if entity.type == MessageEntity.MENTION and text.lower() == f"@{bot.username}".lower():
                return True
        return False


GROUP = -2  # before the hand-off replies (-1) and every feature (0)
ADDRESSED = filters.ChatType.PRIVATE | _AddressedToBot(name="addressed_to_bot")


def without_mention(message: Message) -> str:
    """The text of a message with the bot's @name taken out (a question in a group)."""
    text = message.text or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    name = re.escape(f"@{message.get_bot().username}")
    return " ".join(re.sub(rf"{name}\b", " ", text, flags=re.IGNORECASE).split())


async def ignore(update: Update, context: Context) -> None:
    raise ApplicationHandlerStop


def handlers() -> list[BaseHandler]:
    """Registered in group GROUP, before every other handler."""
    return [MessageHandler(filters.UpdateType.EDITED | filters.UpdateType.CHANNEL_POSTS, ignore)]
