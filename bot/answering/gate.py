"""Whether the chosen sentences answer the question — decided on those sentences, not on the search.

Three outcomes: the sentences answer it; the documents mention the question's topic but not the
detail asked ("The documents mention the CAM's work plan but do not say anything about 2021-2022"
— `partial`); or the documents do not cover it. The checks:
  relevance   the best passage's similarity, against a minimum per language and encoder, and the
              share of the question's words no passage uses (`index/gate.json`, fitted data)
  years       every year the question names is in the chosen passages or their documents' dates,
              OAS session codes included (XLVII-O/17 is 2017)
  kind        a question asking when, how many, how much money or which countries gets a
              passage that holds a date, a number, a sum or countries
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bot.answering.choose import Candidate
from index.language import Question
from index.language.answers import CHECKED_TYPES, holds
from index.language.patterns import years_in
from index.units import UnitIndex

MODEL_FILE = Path(__file__).resolve().parents[2] / "index" / "gate.json"


@dataclass(frozen=True)
class Thresholds:
    """Minimum similarity of the best passage per language, and maximum share of unknown words.

    `unknown` is the share of the question's content words that no passage uses: "weather",
    "recipe", "smartphone". A question none of whose words the documents use is refused below
    `none_known`.
    """

    dense: dict[str, float]
    unknown: dict[str, float] = field(default_factory=dict)
    none_known: float = 0.0

    def minimum(self, lang: str) -> float:
        return self.dense.get(lang, self.dense.get("default", 0.0))

    def maximum_unknown(self, lang: str) -> float:
        return self.unknown.get(lang, 1.01)


@cache
def thresholds_for(model_name: str, override: float | None = None, path: Path = MODEL_FILE) -> Thresholds:
    """The thresholds fitted for an encoder (by its exact name), else the default ones; `override`
    (MIGRANTSBOT_MIN_EVIDENCE) replaces the minimum similarity for every language."""
    if override:
        return Thresholds({"default": override})
    models = json.loads(path.read_text(encoding="utf-8"))["models"]
    entry = models.get(model_name) or models["default"]
    return Thresholds(dict(entry["dense"]), dict(entry.get("unknown", {})), float(entry.get("none_known", 0.0)))


@dataclass
class Verdict:
    outcome: str  # "found" | "partial" | "not_found"
    missing: list[str] = field(default_factory=list)  # what the documents do not say: years, names
    missing_type: str | None = None  # the kind of answer they do not give ("when")
    relevance: float = 0.0


def judge(
    question: Question,
    chosen: list[Candidate],
    *,
    best_dense: float,
    unknown_share: float,
    thresholds: Thresholds,
    units: UnitIndex,
    document_years,
) -> Verdict:
    """The verdict on the chosen sentences.

    An acronym the documents never use is no reason to refuse: delegates abbreviate what the
    documents spell out ("MOU"), and the similarity check already refuses what is off topic.
    """
    if not chosen:
        return Verdict("not_found")
    lang = question.lang
    relevance = best_dense
    if relevance < thresholds.minimum(lang) or unknown_share > thresholds.maximum_unknown(lang):
        return Verdict("not_found", relevance=relevance)
    if unknown_share >= 0.99 and relevance < thresholds.none_known:
        return Verdict("not_found", relevance=relevance)

    chunks = {c.unit.chunk.id: c.unit.chunk for c in chosen}
    passage_text = " ".join(f"{ch.short} {' '.join(ch.section)} {ch.text}" for ch in chunks.values())
    available_years = years_in(passage_text)
    for chunk in chunks.values():
        available_years |= document_years(chunk.doc)
    missing: list[str] = []
    for mention in question.year_mentions:
        if not mention.years & available_years:
            low, high = min(mention.years), max(mention.years)
            missing.append(str(low) if low == high else f"{low}-{high}")

    missing_type = None
    checked = [kind for kind in question.answer_types if kind in CHECKED_TYPES]
    if checked:
        around = list(chunks.values())
        for chunk in chunks.values():  # a table row's date may sit in the passage before or after
            around += [
                n for n in (units.previous(chunk), units.next(chunk)) if n is not None and n.section == chunk.section
            ]
        if not any(holds(kind, ch.text, ch.lang) for kind in checked for ch in around):
            missing_type = checked[0]
    if missing or missing_type:
        return Verdict("partial", missing=missing, missing_type=missing_type, relevance=relevance)
    return Verdict("found", relevance=relevance)
