"""Answers as console text or Telegram HTML; every piece of document or user text is escaped."""

from __future__ import annotations

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


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Cut at paragraph (then line) boundaries so no message passes Telegram's limit.

    The pieces are made from whole lines, so HTML tags opened on a line are closed on it.
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for paragraph in text.split("\n"):
        while len(paragraph) > limit:  # a single line longer than a message: cut at a space
            cut = paragraph.rfind(" ", 0, limit)
            if cut <= 0:  # no space to cut at (a long URL, a table): cut at the limit
                cut = limit
            if current:
                pieces.append(current)
                current = ""
            pieces.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip()
        candidate = f"{current}\n{paragraph}" if current else paragraph
        if len(candidate) > limit:
            pieces.append(current)
            current = paragraph
        else:
            current = candidate
    if current.strip():
        pieces.append(current)
    return [piece for piece in pieces if piece.strip()]
