"""The pieces of a passage an answer may quote: sentences, list items, table rows — and what is none.

A passage is cut at its lines (the parser's blocks: paragraphs, list items, table cells) and each
line at its sentences. Some pieces are never an answer on their own: a heading ("5. MIGRATION AND
DEVELOPMENT"), a bare number ("1."), a table's column names ("DATE", "ACTIVITY") or a cell with a
date only. A date cell just before a row's text is kept with that text ("APRIL - 2019" +
"Informal meeting of the CAM…"), so a calendar row answers "what was planned for April?". Only
the last of a run of date cells is kept (a run is a column of dates flattened from other rows),
and never before a numbered paragraph ("8. To instruct…"), which is a resolution's, not a row. A
sentence that ends in ":" brings the list items that follow it.

Units are computed once per passage and kept; stems are computed with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.actors import find_actors
from index.chunk import Chunk
from index.lexical import query_terms
from index.text import split_sentences

MIN_UNIT_CHARS = 20
LIST_CHARS = 1500  # at most this much of a list is brought in after a lead-in sentence

_BULLET = re.compile(r"^\s*(?:[·•▪◦‣\-–*]|\(?[a-z]\)|\(?\d{1,2}[.)]|[ivx]{1,4}[.)]|[a-z][.)])\s+", re.IGNORECASE)
_BARE_ITEM = re.compile(r"^\W*(?:\d{1,3}|[ivxlc]{1,5}|[a-z])[.)]?\W*$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*\(?\d{1,3}[.)]\s")
_NUMBERED_HEADING = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4}|[A-H])(?:\.\d{1,2})?[.)]\s+\S")
_ENDS = re.compile(r"[.;:!?”\"')\]]\s*$")
_DATE_CELL = re.compile(
    r"^\W*(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|febrruary)"
    r"|(?:first|second|third|fourth|last) week|(?:19|20)\d{2}|\d{1,2}(?:\s*(?:and|-|–)\s*\d{1,2})?)\b[\w\s,–-]*$",
    re.IGNORECASE,
)


STEM_CHARS = 6


def stem(token: str) -> str:
    """Crude shared stem, cheap enough for every query: possessive and plural off, then a prefix.

    "actors"/"actor", "migrants"/"migrant", "IOM's"/"IOM" meet; the prefix lets English and
    Romance forms of one word meet too ("detention"/"detención", "program"/"programa").
    """
    token = token.strip("'’-").removesuffix("'s").removesuffix("’s")
    if len(token) > 4 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-1]
    return token[:STEM_CHARS]


def entity_tokens(text: str) -> set[str]:
    """One token per actor named, whatever the name used: IACHR, CIDH, the Inter-American Commission on…"""
    return {f"@{actor.id}" for actor in find_actors(text, keep_states=True)}


def terms_of(text: str) -> list[str]:
    """Content words; a hyphenated word also counts as its parts ("IACHR-led": "iachr", "led")."""
    terms = query_terms(text)
    return terms + [part for term in terms if "-" in term for part in term.split("-") if len(part) > 1]


def stems(text: str) -> set[str]:
    return {stem(term) for term in terms_of(text)} | entity_tokens(text)


@dataclass
class Unit:
    """One quotable piece of a passage; `text` is verbatim (lines joined as in the passage)."""

    chunk: Chunk
    index: int  # position among the passage's units
    text: str
    stems: set[str]
    fragment: bool = False  # a heading, a bare number, a column name or a lone cell: never an answer
    item: bool = False  # a list item (bullet, number, letter)
    lead_in: bool = False  # ends with ":" and a list follows
    followers: list[int] = field(default_factory=list)  # for a lead-in: the units of its list
    lead: int | None = None  # for a list item: its lead-in
    row: int | None = None  # its embedding's row in UnitVectors, once embedded


def _is_fragment(line: str, headings: set[str]) -> bool:
    text = line.strip()
    if len(text) < MIN_UNIT_CHARS or _BARE_ITEM.match(text) or text.strip("·•:- ").lower() in headings:
        return True
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7 and len(text) < 400:
        return True  # "5. MIGRATION AND DEVELOPMENT", "ANNUAL REPORT ON ACTIVITIES IN IMPLEMENTATION OF…"
    words = text.split()
    return len(words) <= 6 and not _ENDS.search(text)  # a cell or a short heading, no sentence


def passage_units(chunk: Chunk) -> list[Unit]:
    headings = {heading.strip("·•:- ").lower() for heading in chunk.section}
    lines = [line for line in chunk.text.split("\n") if line.strip()]
    units: list[Unit] = []
    pending_cell: str | None = None
    for number, line in enumerate(lines):
        spans = split_sentences(line)
        pieces = [line[start:end].strip() for start, end in spans] or [line.strip()]
        is_item = bool(_BULLET.match(line))
        for position, piece in enumerate(pieces):
            fragment = (
                _is_fragment(piece, headings) if position == 0 and len(pieces) == 1 else len(piece) < MIN_UNIT_CHARS
            )
            if (
                not fragment
                and len(pieces) == 1
                and number + 1 < len(lines)
                and not chunk.label
                and _NUMBERED_HEADING.match(piece)
                and not _ENDS.search(piece)
                and len(piece) < 160
            ):
                fragment = True  # "1. Meeting of the CAM and the DPS": a numbered heading over the text below
            if fragment and _DATE_CELL.match(piece) and len(piece) < 40:
                pending_cell = piece  # of a column of dates, only the one just above belongs to this row
                continue
            text = piece
            if pending_cell is not None and not fragment and position == 0 and not _NUMBERED.match(line):
                text = f"{pending_cell}\n{piece}"  # the row's date with the row's text
            if not fragment or len(piece.strip()) > 3:  # a row's text, or another cell: the date is used up
                pending_cell = None
            units.append(
                Unit(
                    chunk=chunk,
                    index=len(units),
                    text=text,
                    stems=stems(text),
                    fragment=fragment,
                    item=is_item and position == 0,
                    lead_in=piece.rstrip().endswith(":"),
                )
            )
    for unit in units:
        if unit.lead_in:
            size = 0
            for follower in units[unit.index + 1 :]:
                if follower.lead_in and not follower.item:
                    break
                if follower.fragment and not follower.item:
                    continue
                size += len(follower.text)
                if size > LIST_CHARS and unit.followers:
                    break
                unit.followers.append(follower.index)
                follower.lead = unit.index
    return units


class UnitStore:
    """Units of every passage, computed on first use and kept (passages never change in place)."""

    def __init__(self) -> None:
        self._units: dict[str, list[Unit]] = {}

    def of(self, chunk: Chunk) -> list[Unit]:
        units = self._units.get(chunk.id)
        if units is None:
            units = self._units[chunk.id] = passage_units(chunk)
        return units
