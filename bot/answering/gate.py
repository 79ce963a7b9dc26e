"""Whether the chosen sentences answer the question — decided on those sentences, not on the search.

Three outcomes: the sentences answer it; the documents mention the question's topic but not the
detail asked ("The documents mention the CAM's work plan but do not say anything about 2021-2022"
— `partial`); or the documents do not cover it. The checks:
  relevance   the best passage's similarity, against a minimum calibrated per language and model
              family, and the share of the question's words no passage uses (bench/answers.py, on
              the tune split and bench/out_of_scope.jsonl)
  years       every year the question names is in the chosen passages or their documents' dates,
              OAS session codes included (XLVII-O/17 is 2017)
  kind        a question asking when, how many, how much money or which countries gets a
              passage that holds a date, a number, a sum or countries
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.answering.answer_type import AMOUNT, COUNTRIES, HOW_MANY, WHEN, holds, years_in
from bot.answering.select import Candidate

CHECKED_TYPES = {WHEN, HOW_MANY, COUNTRIES, AMOUNT}
# Question years as written: "2008-2009", "2009", "2004-05".
_YEAR_MENTION = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)?\d{2}))?(?!\d)")


@dataclass
class Thresholds:
    """Minimum similarity of the best passage per language, and maximum share of unknown words.

    `unknown` is the share of the question's content words that no passage uses: "weather",
    "recipe", "smartphone". It is telling for English (and for Spanish, whose words search
    translates), not for languages whose words are not translated into the documents' English.
    A question none of whose words the documents use is refused below `none_known`.
    """

    dense: dict[str, float]
    unknown: dict[str, float] = field(default_factory=lambda: {"en": 0.45})
    none_known: float = 0.0

    def minimum(self, lang: str) -> float:
        return self.dense.get(lang, self.dense.get("default", 0.0))

    def maximum_unknown(self, lang: str) -> float:
        return self.unknown.get(lang, 1.01)


def thresholds_for(model_name: str, override: float | None = None) -> Thresholds:
    """Cosine scales differ between models: E5 puts unrelated text near 0.8, MiniLM near 0.2.

    Questions in Spanish, French or Portuguese meet English passages at lower cosines than
    English questions do, so each language has its own minimum (calibrated with bench/answers.py
    on the tune split and bench/out_of_scope.jsonl).
    """
    name = model_name.lower()
    if override:
        return Thresholds({"default": override})
    if "e5" in name:
        return Thresholds({"en": 0.815, "es": 0.795, "fr": 0.83, "pt": 0.81, "default": 0.80}, none_known=0.85)
    if "hashing" in name:
        return Thresholds({"default": 0.1})
    return Thresholds({"default": 0.45})


@dataclass
class Verdict:
    outcome: str  # "found" | "partial" | "not_found"
    missing: list[str] = field(default_factory=list)  # what the documents do not say: years, names
    missing_type: str | None = None  # the kind of answer they do not give ("when")
    relevance: float = 0.0


def year_mentions(text: str) -> list[set[int]]:
    """Each year or range a question names, as the set of years that would satisfy it."""
    mentions = []
    for match in _YEAR_MENTION.finditer(re.sub(r"\b[A-Z]+/RES\.?\s*\d{3,4}", " ", text)):
        mentions.append(years_in(match.group(0)))
    return [m for m in mentions if m]


def judge(
    *,
    question: str,
    lang: str,
    answer_types: tuple[str, ...],
    chosen: list[Candidate],
    best_dense: float,
    unknown_share: float,
    thresholds: Thresholds,
    document_years,
    neighbours,
) -> Verdict:
    """The verdict on the chosen sentences; `neighbours(chunk)` gives the passages just before and
    after one (a table row's date may sit in the next passage).

    An acronym the documents never use is no reason to refuse: delegates abbreviate what the
    documents spell out ("MOU"), and the similarity check already refuses what is off topic.
    """
    if not chosen:
        return Verdict("not_found")
    relevance = best_dense
    if relevance < thresholds.minimum(lang) or unknown_share > thresholds.maximum_unknown(lang):
        return Verdict("not_found", relevance=relevance)
    if unknown_share >= 0.99 and relevance < thresholds.none_known:
        return Verdict("not_found", relevance=relevance)

    chunks = {c.unit.chunk.id: c.unit.chunk for c in chosen}
    passage_text = " ".join(f"{ch.short} {' '.join(ch.section)} {ch.text}" for ch in chunks.values())
    missing: list[str] = []

    available_years = years_in(passage_text)
    for chunk in chunks.values():
        available_years |= document_years(chunk.doc)
    for mention in year_mentions(question):
        if not mention & available_years:
            low, high = min(mention), max(mention)
            missing.append(str(low) if low == high else f"{low}-{high}")

    missing_type = None
    checked = [kind for kind in answer_types if kind in CHECKED_TYPES]
    if checked:
        around = list(chunks.values())
        for chunk in chunks.values():
            around += [n for n in neighbours(chunk) if n is not None and n.section == chunk.section]
        if not any(holds(kind, ch.text) for kind in checked for ch in around):
            missing_type = checked[0]
    if missing or missing_type:
        return Verdict("partial", missing=missing, missing_type=missing_type, relevance=relevance)
    return Verdict("found", relevance=relevance)
