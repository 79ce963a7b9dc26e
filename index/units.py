"""The pieces of a passage an answer may quote: sentences, list items, table rows — and what is none.

A passage is cut at its lines (the parser's blocks: paragraphs, list items, table cells) and each
line at its sentences. Some pieces are never an answer on their own: a heading ("5. MIGRATION AND
DEVELOPMENT"), a bare number ("1."), a table's column names or a cell with a date only. A date
cell just before a row's text is kept with that text ("APRIL - 2019" + "Informal meeting of the
CAM…"), so a calendar row answers "what was planned for April?". Only the last of a run of date
cells is kept (a run is a column of dates flattened from other rows), and never before a numbered
paragraph ("8. To instruct…"), which is a resolution's, not a row. A sentence that ends in ":"
brings the list items that follow it.

Everything here is index-time work, done once when an index is loaded (`UnitIndex`): units and
their stems, the document frequency of every stem, each passage's neighbours; the units'
embeddings are computed when the index is built and stored in it (`UnitVectors`, units.npz).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path

import numpy as np

from index.chunk import Chunk
from index.language.actors import actor_mentions
from index.language.patterns import years_in
from index.language.places import country_codes_in
from index.language.tokens import Token, fold, tokenize
from index.language.vocabulary import all_stop_words, languages, stem_words, vocabulary
from index.text import split_sentences

MIN_UNIT_CHARS = 20
LIST_CHARS = 1500  # at most this much of a list is brought in after a lead-in sentence
UNITS_FILE = "units.npz"

_BULLET = re.compile(r"^\s*(?:[·•▪◦‣\-–*]|\(?[a-z]\)|\(?\d{1,2}[.)]|[ivx]{1,4}[.)]|[a-z][.)])\s+", re.IGNORECASE)
_BARE_ITEM = re.compile(r"^\W*(?:\d{1,3}|[ivxlc]{1,5}|[a-z])[.)]?\W*$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*\(?\d{1,2}[.)]\s")
_NUMBERED_HEADING = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4}|[A-H])(?:\.\d{1,2})?[.)]\s+\S")
_ENDS = re.compile(r"[.;:!?”\"')\]]\s*$")


def content_stems(tokens: tuple[Token, ...], lang: str) -> set[str]:
    """Snowball stems of a text's content words in its language, and one "@ID" per actor it names.

    A hyphenated word also counts as its parts ("IACHR-led": "iachr", "led").
    """
    stop = all_stop_words()
    words: list[str] = []
    for token in tokens:
        if not token.word or token.lower == "'s" or token.bare in stop or len(token.bare) < 2:
            continue
        words.append(token.bare)
        if "-" in token.bare and not token.bare[0].isdigit():
            words += [part for part in token.bare.split("-") if len(part) > 1]
    return set(stem_words(words, lang)) | {f"@{mention.actor}" for mention in actor_mentions(tokens)}


@cache
def _month_words() -> tuple[str, ...]:
    return tuple(sorted({name for lang in languages() for name in vocabulary(lang).months}))


def _month_like(word: str) -> bool:
    """A month name in any language, or one letter off it ("Febrruary" in a scanned calendar)."""
    if len(word) < 3:
        return False
    if any(word == name for name in _month_words()):
        return True
    if len(word) < 5:
        return False
    from rapidfuzz.distance import Levenshtein

    return any(Levenshtein.distance(word, name, score_cutoff=1) <= 1 for name in _month_words() if len(name) >= 5)


def is_date_cell(text: str) -> bool:
    """A table cell that only holds a date: "APRIL - 2019", "Fourth week October", "30 and 31", "2005"."""
    tokens = tokenize(text)
    words = [t for t in tokens if t.word]
    if not words or len(text) >= 40:
        return False
    periods = [vocabulary(lang).answers["periods"] for lang in languages()]
    index = 0
    has_date = False
    while index < len(tokens):
        token = tokens[index]
        period = next((p.match_at(tokens, index) for p in periods if p.match_at(tokens, index)), None)
        if period is not None:
            index, has_date = period.end, True
            continue
        if not token.word or token.bare in all_stop_words():  # "and", "y", "de": between the dates
            index += 1
            continue
        if token.folded.isdigit() or years_in(token.folded) or _month_like(token.bare):
            has_date = True
            index += 1
            continue
        return False
    return has_date


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
    refers_back: bool = False  # opens leaning on the sentence before ("This body…", "Dicho programa…")
    dated: bool = False  # a table row that carries the date cell above it
    years: set[int] = field(default_factory=set)  # years the unit itself names
    actors: tuple[str, ...] = ()  # actor ids the unit names, in order
    context: str = ""  # where it stands: document, headings, and a list item's lead-in (embedded with it)
    row: int | None = None  # its embedding's row in UnitVectors

    @property
    def embedding_text(self) -> str:
        """What the encoder embeds: the unit under its context, so "It is composed of the agencies…"
        under "Hispanic Forum" meets "who is behind the Hispanic Forum?" (what is quoted stays `text`)."""
        return f"{self.context}:\n{self.text}" if self.context else self.text

    @property
    def key(self) -> str:
        return unit_key(self.embedding_text)


def unit_key(text: str) -> str:
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:20]


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
    lang = chunk.lang or "en"
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
            if fragment and is_date_cell(piece):
                pending_cell = piece  # of a column of dates, only the one just above belongs to this row
                continue
            text = piece
            dated = pending_cell is not None and not fragment and position == 0 and not _NUMBERED.match(line)
            if dated:
                text = f"{pending_cell}\n{piece}"  # the row's date with the row's text
            if not fragment or len(piece.strip()) > 3:  # a row's text, or another cell: the date is used up
                pending_cell = None
            tokens = tokenize(text)
            first_word = next((i for i, t in enumerate(tokens) if t.word), None)
            units.append(
                Unit(
                    chunk=chunk,
                    index=len(units),
                    text=text,
                    stems=content_stems(tokens, lang),
                    refers_back=first_word is not None
                    and vocabulary(lang).answers["anaphora"].match_at(tokens, first_word) is not None,
                    dated=dated,
                    years=years_in(text),
                    actors=tuple(dict.fromkeys(m.actor for m in actor_mentions(tokens))),
                    fragment=fragment,
                    item=is_item and position == 0,
                    lead_in=piece.rstrip().endswith(":"),
                )
            )
    heading = " › ".join([chunk.short, *chunk.section[-2:]])
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
    for unit in units:
        lead = units[unit.lead].text if unit.lead is not None else ""
        unit.context = f"{heading}\n{lead}" if lead else heading
    return units


class UnitVectors:
    """The encoder's vector of every quotable unit, keyed by the unit's text; stored in the index."""

    def __init__(self, keys: list[str], matrix: np.ndarray) -> None:
        self.rows = {key: row for row, key in enumerate(keys)}
        self.matrix = np.asarray(matrix, dtype="float32")

    @classmethod
    def empty(cls, dimension: int) -> UnitVectors:
        return cls([], np.zeros((0, dimension), "float32"))

    def merged(self, other: UnitVectors) -> UnitVectors:
        """These vectors and the other's (the other's win for a text both hold)."""
        keys = [key for key in self.rows if key not in other.rows]
        matrix = np.vstack([self.matrix[[self.rows[k] for k in keys]], other.matrix]) if keys else other.matrix
        return UnitVectors(keys + sorted(other.rows, key=other.rows.get), matrix)

    def only(self, units: list[Unit]) -> UnitVectors:
        """The vectors of these units only (an update drops the sentences no passage holds any more)."""
        keys = list(dict.fromkeys(unit.key for unit in units if unit.key in self.rows))
        return UnitVectors(keys, self.matrix[[self.rows[k] for k in keys]] if keys else self.matrix[:0])

    def save(self, folder: Path) -> None:
        keys = sorted(self.rows, key=self.rows.get)
        with open(folder / UNITS_FILE, "wb") as out:
            np.savez(out, keys=np.array(keys, dtype="U20"), vectors=self.matrix)

    @classmethod
    def load(cls, folder: Path, dimension: int) -> UnitVectors:
        path = folder / UNITS_FILE
        if not path.exists():
            return cls.empty(dimension)
        with np.load(path, allow_pickle=False) as data:
            return cls(data["keys"].tolist(), data["vectors"])

    def __len__(self) -> int:
        return len(self.rows)


def _heading_actor(chunk: Chunk) -> str | None:
    for heading in reversed(chunk.section):
        mentions = [m.actor for m in actor_mentions(tokenize(heading))]
        named = [actor for actor in mentions if actor != "MEMBER_STATES"] or mentions
        if named:
            return named[0]
    return None


def quotable_units(chunks: list[Chunk]) -> list[Unit]:
    return [unit for chunk in chunks for unit in passage_units(chunk) if not unit.fragment]


class UnitIndex:
    """Units of every passage and what answering needs about them, computed once per loaded index."""

    def __init__(self, chunks: list[Chunk], vectors: UnitVectors | None = None) -> None:
        self.chunks = chunks
        self._units = {chunk.id: passage_units(chunk) for chunk in chunks}
        self.vectors = vectors
        self.context: dict[str, set[str]] = {}
        frequency: Counter[str] = Counter()
        for chunk in chunks:
            context = content_stems(
                tokenize(f"{chunk.short} {' '.join(chunk.section)} {chunk.label or ''}"), chunk.lang
            )
            self.context[chunk.id] = context
            frequency.update(context | set().union(*(u.stems for u in self._units[chunk.id])))
            if vectors is not None:
                for unit in self._units[chunk.id]:
                    unit.row = vectors.rows.get(unit.key)
        self._frequency = frequency
        self._count = max(1, len(chunks))
        self.positions = {chunk.id: position for position, chunk in enumerate(chunks)}
        self._neighbours: dict[str, tuple[Chunk | None, Chunk | None]] = {}
        for previous, chunk in pairwise(chunks):
            if previous.doc == chunk.doc:
                self._neighbours[chunk.id] = (previous, self._neighbours.get(chunk.id, (None, None))[1])
                self._neighbours[previous.id] = (self._neighbours.get(previous.id, (None, None))[0], chunk)
        self._years = {chunk.id: years_in(f"{' '.join(chunk.section)} {chunk.text}") for chunk in chunks}
        self.languages = sorted({chunk.lang for chunk in chunks}) or ["en"]
        self._actors: dict[str, str | None] = {}
        self._folded: str | None = None
        self._document_stems: dict[str, frozenset[str]] = {}

    @property
    def folded_text(self) -> str:
        """Every passage's text, folded, one after the other: is a name of the question anywhere?"""
        if self._folded is None:
            self._folded = " \n ".join(" ".join(fold(chunk.text).split()) for chunk in self.chunks)
        return self._folded

    @cached_property
    def corpus_countries(self) -> frozenset[str]:
        """The countries any passage names (ISO codes): a question about another is not answered here."""
        found: set[str] = set()
        for chunk in self.chunks:
            found |= country_codes_in(tokenize(f"{' '.join(chunk.section)} {chunk.text}"), chunk.lang)
        return frozenset(found)

    @cached_property
    def corpus_years(self) -> frozenset[int]:
        """The years any passage or its section names."""
        return frozenset().union(*(self.years(chunk) for chunk in self.chunks))

    @cached_property
    def words(self) -> list[str]:
        """Every word the passages use, folded, sorted (for a prefix look-up). The passages' tokens
        are those the analyser's speller already read (tokenize keeps them)."""
        return sorted({t.folded for chunk in self.chunks for t in tokenize(chunk.text) if t.word})

    @cached_property
    def documents(self) -> frozenset[str]:
        """The documents the passages come from."""
        return frozenset(chunk.doc for chunk in self.chunks)

    def document_stems(self, doc: str) -> frozenset[str]:
        """Every stem a document's passages and their headings use (and "@ID" for each actor named)."""
        found = self._document_stems.get(doc)
        if found is None:
            stems: set[str] = set()
            for chunk in self.chunks:
                if chunk.doc == doc:
                    stems |= self.context_stems(chunk)
                    for unit in self.of(chunk):
                        stems |= unit.stems
            found = self._document_stems[doc] = frozenset(stems)
        return found

    def uses_prefix(self, prefix: str) -> bool:
        """Whether some word of the passages starts with `prefix` (folded): "mesoamerique" is the
        documents' "Mesoamerica" when "mesoam" starts one of their words."""
        import bisect

        position = bisect.bisect_left(self.words, prefix)
        return position < len(self.words) and self.words[position].startswith(prefix)

    @cached_property
    def labels(self) -> frozenset[str]:
        """The item labels the passages carry ("specific objective 8", "activity 27"), folded."""
        return frozenset(fold(chunk.label) for chunk in self.chunks if chunk.label)

    def of(self, chunk: Chunk) -> list[Unit]:
        units = self._units.get(chunk.id)
        if units is None:  # a passage from outside the index (tests, a report not indexed yet)
            units = self._units[chunk.id] = passage_units(chunk)
        return units

    def section_actor(self, chunk: Chunk) -> str | None:
        """The actor the passage's nearest heading names ("· Pan American Health Organization (PAHO):"):
        whose activity, finding or report it is."""
        found = self._actors.get(chunk.id, "")
        if found == "":
            found = self._actors[chunk.id] = _heading_actor(chunk)
        return found

    def context_stems(self, chunk: Chunk) -> set[str]:
        found = self.context.get(chunk.id)
        if found is None:
            found = self.context[chunk.id] = content_stems(
                tokenize(f"{chunk.short} {' '.join(chunk.section)} {chunk.label or ''}"), chunk.lang
            )
        return found

    def idf(self, stem: str) -> float:
        return math.log(1 + self._count / (1 + self._frequency.get(stem, 0)))

    def known(self, stem: str) -> bool:
        return self._frequency.get(stem, 0) > 0

    def previous(self, chunk: Chunk) -> Chunk | None:
        return self._neighbours.get(chunk.id, (None, None))[0]

    def next(self, chunk: Chunk) -> Chunk | None:
        return self._neighbours.get(chunk.id, (None, None))[1]

    def years(self, chunk: Chunk) -> set[int]:
        found = self._years.get(chunk.id)
        if found is None:
            found = self._years[chunk.id] = years_in(f"{' '.join(chunk.section)} {chunk.text}")
        return found

    def similarities(self, units: list[Unit], query_vector: np.ndarray) -> list[float | None]:
        """Cosine of each unit with the question (None for a unit with no stored vector)."""
        if self.vectors is None:
            return [None] * len(units)
        rows = [unit.row for unit in units]
        known = [row for row in rows if row is not None]
        values = iter((self.vectors.matrix[known] @ query_vector).tolist() if known else [])
        return [next(values) if row is not None else None for row in rows]
