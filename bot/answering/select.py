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
from bot.answering.units import Unit, UnitStore, stem, stems
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
        # A passage that goes on with a list begun in the passage before carries that list's lead-in
        # (or a table's column names) as its `context`: its first items are read with it.
        carried = stems(chunk.context) if chunk.context else set()
        first_lead_in = next((u.index for u in passage_units if u.lead_in), len(passage_units))
        for unit in passage_units:
            if unit.fragment:
                continue
            own = qw.share(unit.stems)
            around = context if unit.lead is None else context | passage_units[unit.lead].stems
            if carried and unit.lead is None and unit.index < first_lead_in:
                around = around | carried
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


def choose(candidates: list[Candidate], units: UnitStore, weights: Weights, next_passage=None) -> list[Candidate]:
    """The units to quote, in reading order: the best, its list or next sentence, and close seconds.

    `next_passage(chunk)` gives the passage that follows in its document, for lists cut in two.
    """
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
        for item in _items_asked(best.unit, candidates, by_key, units, next_passage):
            if isinstance(item, int):
                add(item, list_item=True)
            else:
                chosen.append(item)  # the item asked about, where the list goes on in the next passage
    else:
        if best.unit.lead is not None and not passage[best.unit.lead].fragment:
            add(best.unit.lead)  # an item of a list: its lead-in says what the list is
        elif (lead := _lead_in_before(best.unit, candidates, units, next_passage)) is not None:
            chosen.insert(0, lead)  # an item whose list began in the passage before: that lead-in
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


def _shape(unit: Unit) -> str:
    if unit.item:
        return "item"
    return "quote" if unit.text.lstrip()[:1] in '“”"«' else "prose"


def _list_goes_on(lead_in: Unit, units: UnitStore, next_passage) -> list[Unit]:
    """The units of the next passage that go on with a lead-in's list, when the list is cut.

    A list is cut when its items run to the end of the lead-in's passage; the next passage goes
    on with it for as long as its units have the items' shape (numbered, bulleted or quoted).
    """
    if next_passage is None or not lead_in.followers:
        return []
    passage = units.of(lead_in.chunk)
    last = max((u.index for u in passage if not u.fragment), default=-1)
    following = next_passage(lead_in.chunk)
    if lead_in.followers[-1] != last or following is None:
        return []
    shape = _shape(passage[lead_in.followers[-1]])
    run: list[Unit] = []
    for unit in units.of(following):
        if unit.fragment:
            continue
        if unit.lead_in or unit.lead is not None or _shape(unit) != shape:
            break
        run.append(unit)
    return run


def _continued(lead_in: Unit, candidates: list[Candidate], units: UnitStore, next_passage) -> list[Candidate]:
    """Candidates from the passage that goes on with this lead-in's list (a list split in two)."""
    going_on = {(u.chunk.id, u.index) for u in _list_goes_on(lead_in, units, next_passage)}
    return [c for c in candidates if (c.unit.chunk.id, c.unit.index) in going_on]


def _lead_in_before(unit: Unit, candidates: list[Candidate], units: UnitStore, next_passage) -> Candidate | None:
    """For a unit of a passage that goes on with a list from the passage before, that list's lead-in."""
    if unit.lead is not None or unit.lead_in:
        return None
    for candidate in candidates:
        other = candidate.unit.chunk.id != unit.chunk.id
        if candidate.unit.lead_in and other and unit in _list_goes_on(candidate.unit, units, next_passage):
            return candidate
    return None


def _items_asked(
    lead_in: Unit, candidates: list[Candidate], by_key: dict, units: UnitStore, next_passage
) -> list[int | Candidate]:
    """The items of a lead-in's list to quote: those the question is about when some stand out
    (their own words hold clearly more of the question than the rest), else the list in order.

    A list split between passages counts as one: an item of the passage that goes on with it may
    stand out too (it comes as a Candidate; the lead-in's own items come as indices), but "the
    list in order" is the lead-in's own passage only — the next one is a tap away."""
    scored: list[tuple[float, int | Candidate]] = []
    for index in lead_in.followers:
        candidate = by_key.get((lead_in.chunk.id, index))
        scored.append((candidate.own if candidate is not None else 0.0, index))
    scored += [(c.own, c) for c in _continued(lead_in, candidates, units, next_passage)]
    values = sorted(own for own, _ in scored)
    top = values[-1] if values else 0.0
    typical = values[len(values) // 2] if values else 0.0
    if top > 0 and top >= 2 * typical and top - typical >= 0.15:
        return [item for own, item in scored if own >= 0.8 * top]
    return list(lead_in.followers)


_YEARS: dict[str, set[int]] = {}


def passage_years(chunk) -> set[int]:
    found = _YEARS.get(chunk.id)
    if found is None:
        found = _YEARS[chunk.id] = years_in(f"{' '.join(chunk.section)} {chunk.text}")
    return found
