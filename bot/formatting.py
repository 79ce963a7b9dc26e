"""Answers as console text or Telegram HTML, one page at a time; document and user text is escaped.

A long answer (all 42 activities, "what should states do?") is several pages of at most
`PAGE_CHARS` characters (bot/answering/models.py); each page shows the sources it cites, once
each, under their short label ("Program 2016 · activity 9"). The full section path is for the
passage view (`passage_view`), with the printed page where the document has pages.
"""

from __future__ import annotations

import bisect
import re
from html import escape

from bot.answering.models import Answer, Citation
from bot.texts import t

TELEGRAM_LIMIT = 4096


def source_line(citation: Citation) -> str:
    """ "[1] Program 2016 · activity 9" (the full section path when there is no short label)."""
    return f"[{citation.n}] {citation.source or citation.section}"


def _source_lines(answer: Answer, numbers: list[int]) -> list[str]:
    """One line per source; passages that share a label share the line: "[2][3] Annual Report 2009 · IOM"."""
    by_label: dict[str, list[int]] = {}
    by_n = {c.n: c for c in answer.citations}
    for n in numbers:
        citation = by_n.get(n)
        if citation is not None:
            by_label.setdefault(citation.source or citation.section, []).append(n)
    return ["".join(f"[{n}]" for n in ns) + f" {label}" for label, ns in by_label.items()]


def _body(answer: Answer, page: int | None, *, html: bool) -> tuple[list[str], list[int]]:
    if page is None:
        shown_sentences = list(range(len(answer.sentences)))
        numbers = list(dict.fromkeys(answer.sentences[i].n for i in shown_sentences)) or [c.n for c in answer.citations]
    else:
        shown = answer.page(page)
        shown_sentences, numbers = shown.sentences, shown.citations
    lines: list[str] = []
    group = None
    for index in shown_sentences:
        sentence = answer.sentences[index]
        if sentence.group and sentence.group != group:
            lines.append(f"<u>{escape(sentence.group)}</u>" if html else f"— {sentence.group}")
            group = sentence.group
        text = escape(sentence.text) if html else sentence.text
        lines.append(f"{text} [{sentence.n}]")
    return lines, numbers


def page_count(answer: Answer) -> int:
    return max(1, len(answer.pages))


def _footer(answer: Answer, page: int | None) -> str | None:
    if page is None or page_count(answer) < 2:
        return None
    return t(answer.lang, "page", page=min(page, page_count(answer) - 1) + 1, pages=page_count(answer))


def answer_plain(answer: Answer, page: int | None = None) -> str:
    """One page of the answer as plain text (`page=None`: the whole answer, as one text)."""
    if answer.kind in {"small_talk", "referral", "empty"}:
        return answer.intro
    if answer.generated_text and answer.found:
        parts = [answer.generated_text, *answer.notes]
        numbers = [c.n for c in answer.citations]
    else:
        lines, numbers = _body(answer, page, html=False)
        direct = [answer.direct] if answer.direct and answer.found and not page else []
        parts = [*direct, answer.intro, *lines, *(answer.notes if not page else [])]
    parts.append(_footer(answer, page) or "")
    if answer.citations and numbers:
        parts.append(f"\n{t(answer.lang, 'sources')}:")
        parts += _source_lines(answer, numbers)
    return "\n".join(part for part in parts if part).strip()


def answer_html(answer: Answer, page: int | None = None) -> str:
    """One page of the answer as Telegram HTML (`page=None`: the whole answer, as one text)."""
    if answer.kind in {"small_talk", "referral", "empty"}:
        return escape(answer.intro)
    if not answer.found and not answer.sentences:
        head, *rest = answer.text.split("\n")
        return "\n".join([f"<b>{escape(head)}</b>", *(escape(line) for line in rest)])
    lines: list[str] = []
    if answer.generated_text and answer.found:
        lines.append(escape(answer.generated_text))
        numbers = [c.n for c in answer.citations]
    else:
        if answer.direct and answer.found and not page:
            lines.append(f"<b>{escape(answer.direct)}</b>")
        if answer.intro:
            lines.append(f"<b>{escape(answer.intro)}</b>" if not answer.direct else escape(answer.intro))
        body, numbers = _body(answer, page, html=True)
        lines += body
    if not page:
        lines += [f"<i>{escape(note)}</i>" for note in answer.notes]
    footer = _footer(answer, page)
    if footer:
        lines.append(f"<i>{escape(footer)}</i>")
    if answer.citations and numbers:
        lines.append(f"\n<b>{escape(t(answer.lang, 'sources'))}</b>")
        lines += [f"<i>{escape(line)}</i>" for line in _source_lines(answer, numbers)]
    return "\n".join(lines)


def _where(section: str, date: str, page: str | None, lang: str) -> str:
    parts = [section, *([f"({date})"] if date else []), *([t(lang, "page_label", page=page)] if page else [])]
    return " ".join(parts)


def passage_view(n: int, chunk, lang: str = "en") -> str:
    """📄: the passage in full under its full section path, date and printed page (Telegram HTML)."""
    return f"<b>[{n}] {escape(_where(chunk.section_path, chunk.date, chunk.page, lang))}</b>\n\n{escape(chunk.text)}"


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
