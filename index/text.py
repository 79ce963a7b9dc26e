"""Small text helpers shared by chunking, search and answering."""

from __future__ import annotations

import re

from index.language.tokens import fold

__all__ = ["collapse_whitespace", "fold", "split_sentences"]

_ABBREVIATIONS = {
    "dr",
    "mr",
    "mrs",
    "ms",
    "st",
    "no",
    "art",
    "e.g",
    "i.e",
    "u.s",
    "inc",
    "jr",
    "sr",
    "vol",
    "op",
    "cf",
    "res",
    "nos",
}
_sentence_end = re.compile(r"(?<=[.!?;])[”\"’)]?\s+(?=[“\"(\[]?[A-ZÁÉÍÓÚÑ¿¡·])")
_space = re.compile(r"\s+")


def collapse_whitespace(text: str) -> str:
    return _space.sub(" ", text).strip()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of `text`; abbreviations such as "Dr." or "AG/RES." do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _sentence_end.finditer(text):
        before = text[start : match.start()].rstrip('”"’)')
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        if last_word.rstrip(".").lower().rsplit("/", 1)[-1] in _ABBREVIATIONS or re.fullmatch(
            r"(?:[A-Z]\.)+", last_word
        ):
            continue
        if match.start() - start < 15:
            continue
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans
