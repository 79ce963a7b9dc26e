"""Answers as console text or Telegram HTML; every piece of document or user text is escaped."""

from __future__ import annotations

import bisect
import re
from html import escape

from bot.answering.answer import Answer, Citation
from bot.texts import t

TELEGRAM_LIMIT = 4096


def source_line(citation: Citation) -> str:
    date = f" ({citation.date})" if citation.date else ""
    return f"[{citation.n}] {citation.section}{date}"


def answer_plain(answer: Answer) -> str:
    parts = [answer.text]
    if answer.found and answer.citations:
        parts.append(f"\n{t(answer.lang, 'sources')}:")
        parts += [source_line(c) for c in answer.citations]
    return "\n".join(parts).strip()


def answer_html(answer: Answer) -> str:
    if not answer.found:
        head, *rest = answer.text.split("\n")
        return "\n".join([f"<b>{escape(head)}</b>", *(escape(line) for line in rest)])
    lines = []
    if answer.generated_text:
        lines.append(escape(answer.generated_text))
    else:
        if answer.intro:
            lines.append(f"<b>{escape(answer.intro)}</b>")
        lines += [f"{escape(s.text)} [{s.n}]" for s in answer.sentences]
    lines += [f"<i>{escape(note)}</i>" for note in answer.notes]
    lines.append(f"\n<b>{escape(t(answer.lang, 'sources'))}</b>")
    lines += [f"<i>{escape(source_line(c))}</i>" for c in answer.citations]
    return "\n".join(lines)


# A tag or an entity of Telegram HTML: never cut inside one.
_ATOM = re.compile(r"<[^<>]*>|&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w-]*)")


def _atoms(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _ATOM.finditer(text)]


def _safe(position: int, atoms: list[tuple[int, int]]) -> int:
    """`position`, or the start of the tag or entity it falls inside."""
    index = bisect.bisect_right(atoms, (position, float("inf"))) - 1
    if index >= 0 and atoms[index][0] < position < atoms[index][1]:
        return atoms[index][0]
    return position


def _open_tags(text: str, opened: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The tags still open after `text`, given those open before it: (name, the opening tag as written)."""
    opened = list(opened)
    for match in _ATOM.finditer(text):
        tag = _TAG.match(match.group(0))
        if tag is None:
            continue
        closing, name = tag.group(1), tag.group(2).lower()
        if not closing:
            opened.append((name, match.group(0)))
            continue
        for index in range(len(opened) - 1, -1, -1):
            if opened[index][0] == name:
                del opened[index]
                break
    return opened


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Cut Telegram HTML into messages under the limit: at a line break if one fits, else at a space.

    Never inside a tag or an entity (`&amp;` stays whole), and a tag open at a cut is closed at
    the end of its piece and opened again at the start of the next, so each piece is valid HTML
    on its own, which Telegram requires of every message.
    """
    if len(text) <= limit:
        return [text]
    atoms = _atoms(text)
    pieces: list[str] = []
    opened: list[tuple[str, str]] = []
    start = 0
    while start < len(text):
        prefix = "".join(tag for _, tag in opened)
        end = start + max(1, limit - len(prefix))
        while True:
            if end >= len(text):
                cut, skip = len(text), 0
            else:
                window = text[start:end]
                newline = window.rfind("\n")
                space = window.rfind(" ")
                if newline > 0:
                    cut, skip = start + newline, 1
                elif space > 0:
                    cut, skip = start + space, 1
                else:  # no line break or space to cut at (a long URL, a run of "&"): cut at the limit
                    cut, skip = end, 0
                safe = _safe(cut, atoms)
                if safe != cut:
                    cut, skip = safe, 0
                if cut <= start:  # one tag or entity longer than a whole message: nothing better to do
                    cut, skip = end, 0
            still_open = _open_tags(text[start:cut], opened)
            closing = "".join(f"</{name}>" for name, _ in reversed(still_open))
            if len(prefix) + (cut - start) + len(closing) <= limit or end - start <= 1:
                break
            end = start + max(1, (cut - start) - (len(prefix) + (cut - start) + len(closing) - limit))
        piece = prefix + text[start:cut] + closing
        if re.sub(r"<[^<>]*>", "", text[start:cut]).strip():  # Telegram refuses a message with no visible text
            pieces.append(piece)
        opened, start = still_open, cut + skip
    return pieces
