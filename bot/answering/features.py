"""What is known about each quotable unit of the candidate passages, for the chooser to weigh.

Every quotable unit of every candidate passage gets a row of features (`FEATURES`): how much of
the question's rare vocabulary it holds itself and in its headings (read in the unit's own
language), how its passage ranked, its own similarity to the question, its place in the passage
(lead-in, list item, dated row, opening sentence), whether it holds the kind of answer asked for,
the actor and year asked, the document named. The chooser's fitted weights (choose.py) score them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from index.language import Question
from index.language.answers import holds
from index.search import SearchHit
from index.units import Unit, UnitIndex

FEATURES = (
    "own",  # share of the question's weight (idf) in the unit's own words
    "context",  # … added by its passage's headings and document name, or its list's lead-in
    "coverage",  # … anywhere in its passage
    "dense",  # the passage's dense similarity, 0 for the worst candidate and 1 for the best
    "lexical",  # the passage's BM25 score, likewise
    "typed",  # holds the kind of answer asked for (a date for "when")
    "document",  # in a document the question names
    "numbered",  # a numbered item when the question asks "which activity", or the actor's activity
    "years",  # the passage or its document holds a year the question names
    "sentence",  # the unit's own similarity to the question, 0 for the worst unit and 1 for the best
    "short",  # under 40 characters: rarely a whole answer
    "ranked",  # the passage's fused search score, 0 for the worst candidate and 1 for the best
    "first_hit",  # 1 / the passage's rank in search
    "sentence_gap",  # the unit's cosine minus the best unit's (0 for the best): how far behind it is
    "lead_in",  # ends with ":" and brings a list
    "item",  # a list item
    "row",  # a table row that carries its date cell
    "opening",  # the first sentence of its passage
    "refers_back",  # leans on the sentence before ("This body…")
    "actor",  # an actor the question names is named in the unit or heads its section
    "unit_years",  # a year the question names is in the unit itself
    "excluded",  # "besides X, which…": share of X the unit holds (the answer is the other one)
)


@dataclass
class Candidate:
    unit: Unit
    hit: SearchHit
    score: float
    own: float  # share of the question's weight in the unit itself
    with_context: float  # … in the unit and its headings
    coverage: float  # … in the whole passage
    typed: bool
    features: tuple[float, ...] = ()


@dataclass
class QuestionWeights:
    """The question's stems with their idf; stems the corpus never uses are kept apart."""

    weights: dict[str, float]
    unknown: list[str]
    excluded: set[str] = field(default_factory=set)  # "besides X": X's stems, which the answer is not about

    def __post_init__(self) -> None:
        self.total = sum(self.weights.values()) or 1.0
        content = [s for s in self.weights if not s.startswith("@")]
        self.unknown_share = len(self.unknown) / ((len(self.unknown) + len(content)) or 1)

    def share(self, present: set[str]) -> float:
        return sum(w for s, w in self.weights.items() if s in present) / self.total


class LanguageWeights(dict):
    """The question's weights in each language the documents are written in: a unit is read
    against the question's terms in its own language."""

    def of(self, lang: str) -> QuestionWeights:
        return self.get(lang) or self.get("en") or next(iter(self.values()))


def question_weights(question: Question, units: UnitIndex) -> LanguageWeights:
    """The question's stems in each document language (its own words in its own language, the
    glossary's in the others), and the actors it names, weighted by idf."""
    from index.language.vocabulary import stem_words

    found = LanguageWeights()
    actors = [f"@{actor}" for actor in _actors_kept(question) if actor not in question.excluded_actors]
    for lang in units.languages:
        terms = [term for term in question.terms_in(lang) if not term.isdigit()]
        parts = [p for term in terms if "-" in term and not term[0].isdigit() for p in term.split("-") if len(p) > 1]
        excluded = set(stem_words(question.excluded_in(lang), lang)) | {f"@{a}" for a in question.excluded_actors}
        weights: dict[str, float] = {}
        unknown: list[str] = []
        for stem in [*stem_words([*terms, *parts], lang), *actors]:
            if stem in weights or stem in unknown or stem in excluded:
                continue
            if units.known(stem):
                weights[stem] = units.idf(stem)
            else:
                unknown.append(stem)
        found[lang] = QuestionWeights(weights, unknown, excluded)
    return found


def _actors_kept(question: Question) -> list[str]:
    return list(dict.fromkeys(mention.actor for mention in question.actor_mentions))


def _normalised(values: list[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    return low, (high - low) or 1.0


def score_candidates(
    question: Question,
    hits: list[SearchHit],
    units: UnitIndex,
    by_language: LanguageWeights,
    weights: tuple[float, ...],
    *,
    boosted: set[str] | frozenset[str] = frozenset(),
    query_vector: np.ndarray | None = None,
    document_years=None,
) -> list[Candidate]:
    """Every quotable unit of every hit, with its features and score, best first."""
    if not hits:
        return []
    quotable = [u for hit in hits for u in units.of(hit.chunk) if not u.fragment]
    cosines: dict[int, float] = {}
    if query_vector is not None and quotable:
        values = units.similarities(quotable, query_vector)
        known = [v for v in values if v is not None]
        if known:
            low, spread = _normalised(known)
            cosines = {id(u): (v - low) / spread for u, v in zip(quotable, values, strict=True) if v is not None}
    dense_low, dense_spread = _normalised([h.dense for h in hits])
    lexical_low, lexical_spread = _normalised([h.lexical for h in hits])
    score_low, score_spread = _normalised([h.score for h in hits])
    raw = (
        dict(zip(map(id, quotable), units.similarities(quotable, query_vector), strict=True))
        if query_vector is not None
        else {}
    )
    best_cosine = max((v for v in raw.values() if v is not None), default=0.0)
    asked_actors = {f"@{actor}" for actor in question.actors if actor not in question.excluded_actors}
    weights = np.asarray(weights, dtype="float64")
    named = set(question.documents)
    candidates: list[Candidate] = []
    for hit in hits:
        chunk = hit.chunk
        qw = by_language.of(chunk.lang)
        context = units.context_stems(chunk)
        passage_units = units.of(chunk)
        passage_stems = set().union(*(u.stems for u in passage_units)) if passage_units else set()
        coverage = qw.share(passage_stems | context)
        dense = (hit.dense - dense_low) / dense_spread
        lexical = (hit.lexical - lexical_low) / lexical_spread
        in_named = float(bool(named) and chunk.doc in named)
        numbered = float(chunk.id in boosted)
        doc_years = document_years(chunk.doc) if document_years else set()
        years = float(bool(question.years) and bool(question.years & (units.years(chunk) | doc_years)))
        # A passage that goes on with a list begun in the passage before carries that list's lead-in
        # (or a table's column names) as its `context`: its first items are read with it.
        carried = _context_stems(chunk, units) if chunk.context else set()
        first_lead_in = next((u.index for u in passage_units if u.lead_in), len(passage_units))
        first_unit = next((u.index for u in passage_units if not u.fragment), -1)
        ranked = (hit.score - score_low) / score_spread
        heads = f"@{units.section_actor(chunk)}" in asked_actors
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
            typed = any(holds(kind, unit.text, chunk.lang) for kind in question.answer_types)
            features = (
                own,
                with_context - own,
                coverage,
                dense,
                lexical,
                float(typed),
                in_named,
                numbered,
                years,
                cosines.get(id(unit), 0.0),
                float(len(unit.text) < 40),
                ranked,
                1.0 / max(1, hit.rank),
                (raw.get(id(unit)) or best_cosine) - best_cosine,
                float(unit.lead_in),
                float(unit.item),
                float(unit.dated),
                float(unit.index == first_unit),
                float(unit.refers_back),
                float(heads or bool(asked_actors & unit.stems)),
                float(bool(question.years) and bool(question.years & unit.years)),
                len(qw.excluded & unit.stems) / len(qw.excluded) if qw.excluded else 0.0,
            )
            score = float(np.dot(weights, features))
            candidates.append(Candidate(unit, hit, score, own, with_context, coverage, typed, features))
    candidates.sort(key=lambda c: -c.score)
    return candidates


def _context_stems(chunk, units: UnitIndex) -> set[str]:
    from index.language.tokens import tokenize
    from index.units import content_stems

    return content_stems(tokenize(chunk.context), chunk.lang)


def rescored(candidates: list[Candidate], weights: tuple[float, ...]) -> list[Candidate]:
    """The same candidates scored with other weights (a chooser being fitted), best first."""
    vector = np.asarray(weights, dtype="float64")
    found = [replace(c, score=float(np.dot(vector, c.features))) for c in candidates]
    found.sort(key=lambda c: -c.score)
    return found
