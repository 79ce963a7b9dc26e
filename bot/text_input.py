"""What people type, made safe to keep and to count: control characters and invisible ones out.

A control character (\\x01–\\x08, \\x0e–\\x1f…) is not allowed in the XML of a DOCX file, so one
typed into a report would break that year's export; zero-width and direction characters show
nothing, so 30 of them would pass for a 30-character description, and a message of nothing else
would be searched as if it were a question. Every typed text the bot keeps or searches goes
through `printable` first.

Kept: ordinary whitespace (made one space by the callers that want one line), and the zero-width
(non-)joiners between two visible characters, which emoji sequences and Persian or Indic words
need.
"""

from __future__ import annotations

import unicodedata

JOINERS = {"\u200c", "\u200d"}  # zero-width non-joiner and joiner: part of some words and emoji
# Characters that are letters or symbols to Unicode but show as blank: used for "empty" messages.
BLANK_LOOKING = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}
WHITESPACE_CONTROLS = {"\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85"}


def _invisible(char: str) -> bool:
    """A character that shows nothing: a format character (Cf) or one that looks blank."""
    return unicodedata.category(char) == "Cf" or char in BLANK_LOOKING


def printable(text: str) -> str:
    """`text` without control characters (line-breaking ones become a space) and without invisible
    characters, except a joiner between two visible characters."""
    kept: list[str] = []
    for position, char in enumerate(text):
        category = unicodedata.category(char)
        if char in WHITESPACE_CONTROLS:
            kept.append(" " if char not in "\t\n\r" else char)
        elif category in {"Cc", "Cs"}:
            continue  # controls and lone surrogates: nothing to show, and not allowed in XML
        elif char in JOINERS:
            before = text[position - 1] if position else ""
            after = text[position + 1] if position + 1 < len(text) else ""
            if before and after and not before.isspace() and not after.isspace() and not _invisible(before):
                kept.append(char)
        elif not _invisible(char):
            kept.append(char)
    return "".join(kept)


def visible_length(text: str) -> int:
    """How many characters of `text` a reader sees (spaces count; invisible ones do not)."""
    return sum(1 for char in printable(text) if char not in JOINERS)
