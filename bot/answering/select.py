"""Choosing the sentences of an answer among every passage search returned.

Each quotable unit of each candidate passage (bot/answering/units.py) gets one score: how much of
the question's rare vocabulary it holds itself, and in its headings; how close its passage is to
the question, relative to the other candidates (dense and lexical scores, not a fixed weight per
rank); whether it holds the kind of answer asked for (a date for "when"); whether it is in the
document the question names; whether it is a numbered item when the question asks "which
activity". The best unit is the answer; a list follows a lead-in that ends with ":", the next
sentence of the same passage comes along when it scores close, and anything far below is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answering.answer_type import holds, years_in
from bot.answering.units import Unit, UnitStore, stem
from index.query import Query
from index.search import SearchHit

_ANAPHORA = re.compile(
    r"^\W*(this|these|those|it|its|they|their|such|the latter|the former|said|in this regard)\b", re.I
)


@dataclass
class Weights:
    own: float = 1.0  # share of the question's weight in the unit's own words
    context: float = 0.35  # … in its passage's headings and document name only
    coverage: float = 0.3  # … anywhere in its passage
    dense: float = 0.35  # the passage's dense similarity, 0 for the worst candidate and 1 for the best
    lexical: float = 0.1  # the passage's BM25 score, likewise
    typed: float = 0.2  # holds the kind of answer asked for
    document: float = 0.3  # in a document the question names
    numbered: float = 0.3  # a numbered item when the question asks "which activity / objective"
    years: float = 0.3  # the passage or its document holds a year the question names
    sentence: float = 0.6  # the unit's own similarity to the question, 0 for the worst unit and 1 for the best
    keep: float = 0.9  # another passage's unit is kept when it scores at least this share of the best
    neighbour: float = 0.7  # the best unit's next sentence, likewise
    max_units: int = 3
    max_chars: int = 700


@dataclass
class Candidate:
    unit: Unit
    hit: SearchHit
    score: float
    own: float  # share of the question's weight in the unit itself
    with_context: float  # … in the unit and its headings
    coverage: float  # … in the whole passage
    typed: bool


@dataclass
class QuestionWeights:
    """The question's stems with their idf; stems the corpus never uses are kept apart."""

    weights: dict[str, float]
    unknown: list[str]

    def __post_init__(self) -> None:
        self.total = sum(self.weights.values()) or 1.0
        content = [s for s in self.weights if not s.startswith("@")]
        self.unknown_share = len(self.unknown) / ((len(self.unknown) + len(content)) or 1)

    def share(self, present: set[str]) -> float:
        return sum(w for s, w in self.weights.items() if s in present) / self.total


def question_weights(terms: list[str] | tuple[str, ...], idf, known) -> QuestionWeights:
    weights: dict[str, float] = {}
    unknown: list[str] = []
    for term in terms:
        s = term if term.startswith("@") else stem(term)
        if s in weights or s in unknown:
            continue
        if known(s):
            weights[s] = idf(s)
        else:
            unknown.append(s)
    return QuestionWeights(weights, unknown)


def _normalised(values: list[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    return low, (high - low) or 1.0


def score_candidates(
    query: Query,
    hits: list[SearchHit],
    units: UnitStore,
    qw: QuestionWeights,
    *,
    answer_types: tuple[str, ...],
    named_documents: list[str],
    boosted: set[str] | frozenset[str] = frozenset(),
    weights: Weights,
    context_stems,
    years: set[int] | frozenset[int] = frozenset(),
    document_years=None,
    similarities=None,
) -> list[Candidate]:
    """Every quotable unit of every hit, scored; `similarities(units)` gives their cosines with the question."""
    if not hits:
        return []
    quotable = [u for hit in hits for u in units.of(hit.chunk) if not u.fragment]
    cosines: dict[int, float] = {}
    if similarities is not None and quotable:
        values = similarities(quotable)
        known = [v for v in values if v is not None]
        if known:
            low, spread = _normalised(known)
            cosines = {id(u): (v - low) / spread for u, v in zip(quotable, values, strict=True) if v is not None}
    dense_low, dense_spread = _normalised([h.dense for h in hits])
    lexical_low, lexical_spread = _normalised([h.lexical for h in hits])
    candidates: list[Candidate] = []
    for hit in hits:
        chunk = hit.chunk
        context = context_stems(chunk)
        passage_units = units.of(chunk)
        passage_stems = set().union(*(u.stems for u in passage_units)) if passage_units else set()
        coverage = qw.share(passage_stems | context)
        passage_score = (
            weights.coverage * coverage
            + weights.dense * (hit.dense - dense_low) / dense_spread
            + weights.lexical * (hit.lexical - lexical_low) / lexical_spread
        )
        if named_documents and chunk.doc in named_documents:
            passage_score += weights.document
        if chunk.id in boosted:
            passage_score += weights.numbered
        if years and years & (passage_years(chunk) | (document_years(chunk.doc) if document_years else set())):
            passage_score += weights.years
        for unit in passage_units:
            if unit.fragment:
                continue
            own = qw.share(unit.stems)
            around = context if unit.lead is None else context | passage_units[unit.lead].stems
            if unit.followers:
                # A lead-in answers with the items of its list that the question is about: it counts
                # the words of its best item, not of the whole list (a long list holds most words).
                best_item = max(unit.followers, key=lambda i: qw.share(passage_units[i].stems))
                around = around | passage_units[best_item].stems
            with_context = qw.share(unit.stems | around)
            typed = any(holds(kind, unit.text) for kind in answer_types)
            score = (
                weights.own * own
                + weights.context * (with_context - own)
                + passage_score
                + (weights.typed if typed else 0.0)
                + weights.sentence * cosines.get(id(unit), 0.0)
            )
            if len(unit.text) < 40:
                score -= 0.05  # a short line is rarely a whole answer
            candidates.append(Candidate(unit, hit, score, own, with_context, coverage, typed))
    candidates.sort(key=lambda c: -c.score)
    return candidates


def choose(candidates: list[Candidate], units: UnitStore, weights: Weights) -> list[Candidate]:
    """The units to quote, in reading order: the best, its list or next sentence, and close seconds."""
    if not candidates:
        return []
    best = candidates[0]
    by_key = {(c.unit.chunk.id, c.unit.index): c for c in candidates}
    chosen = [best]
    passage = units.of(best.unit.chunk)

    def add(index: int, *, list_item: bool = False) -> None:
        key = (best.unit.chunk.id, index)
        candidate = by_key.get(key)
        if candidate is None:
            unit = passage[index]
            candidate = Candidate(unit, best.hit, 0.0, 0.0, 0.0, best.coverage, False)
        if all((c.unit.chunk.id, c.unit.index) != key for c in chosen):
            chosen.append(candidate)

    if best.unit.lead_in and best.unit.followers:
        for index in _items_asked(best.unit, passage, by_key, weights):
            add(index, list_item=True)
    else:
        if best.unit.lead is not None and not passage[best.unit.lead].fragment:
            add(best.unit.lead)  # an item of a list: its lead-in says what the list is
        elif best.unit.index > 0 and _ANAPHORA.match(best.unit.text):
            previous = passage[best.unit.index - 1]
            if not previous.fragment:
                add(previous.index)
        following = best.unit.index + 1
        if following < len(passage):
            candidate = by_key.get((best.unit.chunk.id, following))
            if candidate is not None and candidate.score >= weights.neighbour * best.score:
                add(following)
        for candidate in candidates[1:]:
            if len(chosen) >= weights.max_units or sum(len(c.unit.text) for c in chosen) > weights.max_chars:
                break
            if candidate.score < weights.keep * best.score:
                break
            if best.typed and not candidate.typed:
                continue  # the best gives the date (number, place) asked for: so must a second sentence
            if candidate.unit.text in {c.unit.text for c in chosen}:
                continue
            chosen.append(candidate)
            if candidate.unit.lead_in and candidate.unit.chunk.id == best.unit.chunk.id:
                break
    first_chunk = best.unit.chunk.id
    chosen.sort(key=lambda c: (c.unit.chunk.id != first_chunk, c.unit.chunk.id, c.unit.index))
    return chosen


def _items_asked(lead_in: Unit, passage: list[Unit], by_key: dict, weights: Weights) -> list[int]:
    """The items of a lead-in's list to quote: those the question is about when some stand out
    (their own words hold clearly more of the question than the rest), else the list in order."""
    scored = []
    for index in lead_in.followers:
        candidate = by_key.get((lead_in.chunk.id, index))
        scored.append((candidate.own if candidate is not None else 0.0, index))
    top = max((own for own, _ in scored), default=0.0)
    typical = sorted(own for own, _ in scored)[len(scored) // 2] if scored else 0.0
    if top > 0 and top >= 2 * typical and top - typical >= 0.15:
        return [index for own, index in scored if own >= 0.8 * top]
    return list(lead_in.followers)


_YEARS: dict[str, set[int]] = {}


def passage_years(chunk) -> set[int]:
    found = _YEARS.get(chunk.id)
    if found is None:
        found = _YEARS[chunk.id] = years_in(f"{' '.join(chunk.section)} {chunk.text}")
    return found
