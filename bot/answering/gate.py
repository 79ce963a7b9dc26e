"""Whether the chosen sentences answer the question — decided on those sentences, not on the search.

Three outcomes: the sentences answer it; the documents mention the question's topic but not the
asked fact ("The documents mention «CAM», «work plan» but do not say anything about 2021-2022" —
`partial`); or the documents do not cover it. A logistic model fitted by `bench/train_gate.py` on
in-scope questions, out-of-scope ones and near misses (a tune question with its year, amount,
actor or place changed to one no document holds) weighs what the chosen sentences hold against
what was asked (`FEATURES`): how close the best passage and sentence are, how much of the
question's vocabulary the corpus and the quote use, and whether the asked year, place, actor,
amount and kind of answer (a date for "when") are there. Its weights and cut-off are data
(`index/gate.json`, per encoder). A refused question whose topic the quote does hold, with a
named fact missing, gets "mention X but do not say Y"; otherwise "the documents do not cover this".
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from bot.answering.features import Candidate, QuestionWeights
from index.language import Question
from index.language.answers import CHECKED_TYPES, holds
from index.language.dictionaries import common_stems, common_words
from index.language.glossary import translate_terms
from index.language.patterns import years_in
from index.language.places import countries_in, country_codes_in
from index.language.tokens import fold, tokenize
from index.language.vocabulary import all_stop_words, stem_words
from index.search import SearchHit
from index.units import UnitIndex

MODEL_FILE = Path(__file__).resolve().parents[2] / "index" / "gate.json"
FEATURES = (
    "dense",  # the best passage's cosine with the question
    "sentence",  # the best unit's own cosine with the question
    "unknown",  # share of the question's words the corpus never uses
    "none_known",  # none of them is used
    "own",  # share of the question's weight in the best unit
    "coverage",  # … in the chosen passages
    "score",  # the chooser's score of the best unit
    "type_asked",  # a date, a count, a sum or countries is asked for
    "type_missing",  # … and the chosen passages and their neighbours hold none
    "years_missing",  # share of the years asked that the chosen passages and their documents lack
    "places_missing",  # share of the countries asked that the chosen passages lack
    "actors_missing",  # share of the actors asked that the chosen passages and their headings lack
    "numbers_missing",  # share of the numbers asked (an amount, a count) that the quote lacks
    "rare_missing",  # share of the question's rarest words (by idf) that the chosen passages lack
    "names_unknown",  # words of the question no document uses and no language uses commonly: names
    "phrases_unknown",  # capitalised names of several words ("Council of Europe") no document holds
    "absent",  # actors, countries, years and numbered items asked for that no document names at all
    "lang_es",
    "lang_fr",
    "lang_pt",
)


@dataclass(frozen=True)
class Logistic:
    """A fitted logistic model over FEATURES and the probability from which it says yes."""

    weights: tuple[float, ...]
    intercept: float
    cutoff: float

    def probability(self, features: np.ndarray) -> float:
        value = float(np.dot(self.weights, features) + self.intercept)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, value))))

    def says_yes(self, features: np.ndarray) -> bool:
        return self.probability(features) >= self.cutoff


@dataclass(frozen=True)
class Gate:
    """Two fitted models: does the quote answer the question (`answer`), and, when it does not,
    do the documents hold its topic with only the asked fact missing (`mention`)."""

    answer: Logistic
    mention: Logistic
    minimum_dense: float = 0.0  # MIGRANTSBOT_MIN_EVIDENCE: refuse under this cosine whatever the model says


@cache
def load_gate(model_name: str, override: float | None = None, path: Path = MODEL_FILE) -> Gate:
    """The gate fitted for an encoder (by its exact name), else the default one."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path} was fitted for features {data['features']}, not {FEATURES}")
    entry = data["models"].get(model_name) or data["models"]["default"]

    def logistic(part: dict) -> Logistic:
        return Logistic(tuple(part["weights"]), float(part["intercept"]), float(part["cutoff"]))

    return Gate(logistic(entry["answer"]), logistic(entry["mention"]), float(override or 0.0))


@dataclass
class Verdict:
    outcome: str  # "found" | "partial" | "not_found"
    missing: list[str] = field(default_factory=list)  # what the documents do not say: years, places, names
    missing_type: str | None = None  # the kind of answer they do not give ("when")
    probability: float = 0.0
    features: tuple[float, ...] = ()


@dataclass
class Evidence:
    """What the chosen passages hold of what was asked."""

    missing_years: list[str]
    missing_places: list[str]
    missing_actors: list[str]
    missing_numbers: list[str]
    missing_type: str | None
    rare_missing: float
    asked: dict[str, int]


def evidence(
    question: Question, chosen: list[Candidate], qw: QuestionWeights, units: UnitIndex, document_years
) -> Evidence:
    chunks = {c.unit.chunk.id: c.unit.chunk for c in chosen}
    passages = list(chunks.values())
    text = " ".join(f"{ch.short} {' '.join(ch.section)} {ch.text}" for ch in passages)
    tokens = tokenize(text)
    lang = passages[0].lang if passages else question.lang

    available_years = years_in(text)
    for chunk in passages:
        available_years |= set(document_years(chunk.doc))
    missing_years = []
    for mention in question.year_mentions:
        if not mention.years & available_years:
            low, high = min(mention.years), max(mention.years)
            missing_years.append(str(low) if low == high else f"{low}-{high}")

    held_places = set(countries_in(tokens, lang)) | set(countries_in(tokens, question.lang))
    missing_places = [place for place in question.places if place not in held_places]

    held_actors = {a for c in chosen for a in c.unit.actors}
    for chunk in passages:
        held_actors |= {stem[1:] for u in units.of(chunk) for stem in u.stems if stem.startswith("@")}
        held_actors |= {units.section_actor(chunk)} - {None}
    missing_actors = [a for a in question.actors if a not in held_actors and a != "MEMBER_STATES"]

    quoted = {t.folded for c in chosen for t in tokenize(c.unit.text) if t.number is not None}
    missing_numbers = [str(n) for n in question.numbers if str(n) not in quoted]

    missing_type = None
    checked = [kind for kind in question.answer_types if kind in CHECKED_TYPES]
    if checked:
        around = list(passages)
        for chunk in passages:  # a table row's date may sit in the passage before or after
            around += [
                n for n in (units.previous(chunk), units.next(chunk)) if n is not None and n.section == chunk.section
            ]
        if not any(holds(kind, ch.text, ch.lang) for kind in checked for ch in around):
            missing_type = checked[0]

    present = set()
    for chunk in passages:
        present |= units.context_stems(chunk)
        for unit in units.of(chunk):
            present |= unit.stems
    rare = sorted(qw.weights.items(), key=lambda item: -item[1])[: max(1, len(qw.weights) // 2)]
    rare_weight = sum(weight for _, weight in rare) or 1.0
    rare_missing = sum(weight for stem, weight in rare if stem not in present) / rare_weight if rare else 0.0
    asked = {
        "years": len(question.year_mentions),
        "places": len(question.places),
        "actors": len([a for a in question.actors if a != "MEMBER_STATES"]),
        "numbers": len(question.numbers),
    }
    return Evidence(missing_years, missing_places, missing_actors, missing_numbers, missing_type, rare_missing, asked)


def absent_from_corpus(question: Question, units: UnitIndex, document_years) -> list[str]:
    """What the question asks about that no document names anywhere: an actor ("UNESCO"), a country
    (in any language: "Países Bajos" is the Netherlands), a year or a numbered item ("specific
    objective 53"). The documents cannot say anything about it, whatever passage comes closest.
    Actors are given by id (the caller names them)."""
    absent = [f"@{actor}" for actor in question.actors if actor != "MEMBER_STATES" and not units.known(f"@{actor}")]
    countries = units.corpus_countries
    for place in question.places:
        codes = country_codes_in(tokenize(place), question.lang)
        if codes and not codes & countries:
            absent.append(place.title())
    years = set(units.corpus_years).union(*(document_years(doc) for doc in units.documents))
    for mention in question.year_mentions:
        if not mention.years & years:
            low, high = min(mention.years), max(mention.years)
            absent.append(str(low) if low == high else f"{low}-{high}")
    absent += [
        reference.label
        for reference in question.references
        if reference.label and fold(reference.label) not in units.labels
    ]
    return absent + [name for name in _unknown_capitalised(question, units) if name not in absent]


def _name_words(question: Question):
    """(position, token) of the question's words that may be names: alphabetic, three letters or
    more, not a stop word of any language, not inside an actor's name."""
    stop = all_stop_words()
    mentioned = {i for m in question.actor_mentions for i in range(m.first_token, m.end_token)}
    for index, token in enumerate(question.tokens):
        word = token.bare
        if token.word and word.isalpha() and len(word) >= 3 and word not in stop and index not in mentioned:
            yield index, token


def _stems(word: str, lang: str) -> set[str]:
    """A word's Snowball stems in English and in the question's language."""
    return {*stem_words([word], "en"), *stem_words([word], lang)}


def _used(token, stems: set[str], lang: str, units: UnitIndex) -> bool:
    """Whether a document uses the word in any of its forms: its stems, or its glossary English's."""
    english, _ = translate_terms(token.lower, lang)
    forms = stems | (set(stem_words(english.lower().split(), "en")) if english else set())
    return any(units.known(form) for form in forms)


def _unknown_capitalised(question: Question, units: UnitIndex) -> list[str]:
    """Names no list of the bot holds: a word written with a capital inside the question (or an
    acronym anywhere) that no document uses in any of its forms (its stems in the question's
    language and in English, its glossary English) and that is not a common word of the question's
    language — "Oxfam", "IFAD", "Bali", "Eritreans". A name the documents use ("Andean Community")
    is not one; a name made of common words ("Gates Foundation") is left to the other features."""
    common = common_words(question.lang)
    first = next((i for i, token in enumerate(question.tokens) if token.word), 0)
    names = []
    for index, token in _name_words(question):
        written = question.text[token.start : token.end]
        word = token.bare
        if not (written.isupper() or (index > first and written[:1].isupper() and word not in common)):
            continue  # a capitalised common word ("Asamblea", "Primera Reunión") is a title, not a name
        if not _used(token, _stems(word, question.lang), question.lang, units) and not units.uses_prefix(
            word[: max(5, len(word) - 4)]
        ):
            names.append(written)  # no form of it, and no word sharing its stem's first letters (a cognate)
    return names


def unknown_names(question: Question, units: UnitIndex) -> float:
    """How many words of the question no document uses, in any of its forms (its stems, its
    glossary English), and that are not common words of the question's language or English, nor
    forms of them: names ("Manila", "IMF", "Nairobi"), which a near miss puts where the documents
    have another."""
    common = common_words(question.lang) | common_words("en")
    stems_common = common_stems(question.lang) | common_stems("en")
    count = 0
    for _, token in _name_words(question):
        if token.bare in common:
            continue
        stems = _stems(token.bare, question.lang)
        if stems & stems_common:
            continue  # a form of a common word of the language ("reunió", "tiene")
        if not _used(token, stems, question.lang, units):
            count += 1
    return float(count)


def unknown_phrases(question: Question, units: UnitIndex, lang: str) -> float:
    """Capitalised names of several words in the question ("Council of Europe", "World Trade
    Organization") that no document holds as written (read only in the documents' own language)."""
    if question.lang != lang:
        return 0.0
    stop = all_stop_words()
    text = question.text
    count, run = 0, []
    for token in (*question.tokens, None):
        capital = token is not None and token.word and text[token.start : token.start + 1].isupper()
        joiner = token is not None and token.word and token.bare in stop and run
        if capital or joiner:
            run.append(token)
            continue
        while run and run[-1].bare in stop:
            run.pop()
        while run and (run[0].bare in stop or (run[0] is question.tokens[0] and run[0].bare in common_words("en"))):
            run.pop(0)  # "Which Council…": the question's first word is capitalised for being first
        names = [t for t in run if t.bare not in stop]
        if len(names) >= 2:
            phrase = " ".join(fold(text[run[0].start : run[-1].end]).split())
            if phrase not in units.folded_text:
                count += 1
        run = []
    return float(count)


def features(
    question: Question,
    chosen: list[Candidate],
    hits: list[SearchHit],
    qw: QuestionWeights,
    units: UnitIndex,
    found: Evidence,
    sentence_cosine: float,
    absent: list[str] = (),
) -> tuple[float, ...]:
    best = chosen[0]
    passages = {c.unit.chunk.id: c.unit.chunk for c in chosen}
    present = set()
    for chunk in passages.values():
        present |= units.context_stems(chunk)
        for unit in units.of(chunk):
            present |= unit.stems

    def share(missing: list, asked: int) -> float:
        return len(missing) / asked if asked else 0.0

    return (
        max((h.dense for h in hits), default=0.0),
        sentence_cosine,
        qw.unknown_share,
        float(qw.unknown_share >= 0.99),
        best.own,
        qw.share(present),
        best.score,
        float(any(kind in CHECKED_TYPES for kind in question.answer_types)),
        float(found.missing_type is not None),
        share(found.missing_years, found.asked["years"]),
        share(found.missing_places, found.asked["places"]),
        share(found.missing_actors, found.asked["actors"]),
        share(found.missing_numbers, found.asked["numbers"]),
        found.rare_missing,
        unknown_names(question, units),
        unknown_phrases(question, units, chosen[0].unit.chunk.lang),
        float(len(absent)),
        float(question.lang == "es"),
        float(question.lang == "fr"),
        float(question.lang == "pt"),
    )


def judge(
    question: Question,
    chosen: list[Candidate],
    hits: list[SearchHit],
    qw: QuestionWeights,
    units: UnitIndex,
    gate: Gate,
    *,
    document_years,
    sentence_cosine: float,
    names=None,
) -> Verdict:
    """The verdict on the chosen sentences; `names(actor_id)` names an actor for "do not say Y"."""
    if not chosen:
        return Verdict("not_found")
    found = evidence(question, chosen, qw, units, document_years)
    absent = absent_from_corpus(question, units, document_years)
    row = features(question, chosen, hits, qw, units, found, sentence_cosine, absent)
    vector = np.asarray(row, dtype="float64")
    probability = gate.answer.probability(vector)
    if gate.minimum_dense and row[0] < gate.minimum_dense:
        return Verdict("not_found", probability=probability, features=row)
    if probability >= gate.answer.cutoff:
        return Verdict("found", probability=probability, features=row)
    if gate.mention.says_yes(vector):

        def named(item: str) -> str:
            return (names(item[1:]) if names else item[1:]) if item.startswith("@") else item

        if absent:  # what no document names is what they "do not say"; the rest they may say elsewhere
            return Verdict("partial", list(dict.fromkeys(map(named, absent))), found.missing_type, probability, row)
        missing = found.missing_years + [place.title() for place in found.missing_places]
        missing += [names(actor) if names else actor for actor in found.missing_actors] + found.missing_numbers
        return Verdict("partial", missing, found.missing_type, probability, row)
    return Verdict("not_found", probability=probability, features=row)
