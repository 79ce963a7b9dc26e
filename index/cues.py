"""Document cues: a question that names a document ("the Vice Chair's work plan", "the 2009
report", "GT/TM", "AG/RES. 2883") should be answered from that document.

Nothing here knows the corpus: the cues come from each document's manifest entry (short title,
title, kind, date, symbols). A word of the short titles counts only when few documents share it
("Work Plan" names two, and counts through the kind instead); a year counts for the documents whose date or title
covers it. The result is one number per document, which the ranker weighs like any signal.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from index.chunk import Chunk
from index.glossary import stems
from index.lexical import STOPWORDS, words

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")
_SYMBOL_NUMBER = re.compile(r"\b(\d{3,4})\b")
KIND_WORDS = {  # how a question names a kind of document, in the English the glossary produces
    "work_plan": ("work plan",),
    "annual_report": ("annual report",),
    "findings": ("findings", "main findings"),
    "resolution": ("resolution",),
    "declaration": ("declaration",),
}


def years_of(text: str) -> set[str]:
    found = set(_YEAR.findall(text))
    for first, last in _RANGE.findall(text):
        found |= {str(year) for year in range(int(first), int(last) + 1) if int(last) - int(first) < 10}
    return found


@dataclass(frozen=True)
class DocumentCues:
    doc: str
    title_stems: frozenset[str]
    years: frozenset[str]
    kind: str
    symbols: frozenset[str]  # resolution numbers, "2883"


class CueIndex:
    """What names each document, built once from the passages' document fields."""

    def __init__(self, chunks: list[Chunk]) -> None:
        first: dict[str, Chunk] = {}
        for chunk in chunks:
            first.setdefault(chunk.doc, chunk)
        self.documents: list[DocumentCues] = []
        counts: dict[str, int] = {}
        per_doc: dict[str, set[str]] = {}
        for doc, chunk in first.items():
            # The short title is the name people use for a document; the full title's words
            # ("workers", "families") are what every question is about, so they name nothing.
            tokens = [w for w in words(chunk.short) if w not in STOPWORDS and not any(c.isdigit() for c in w)]
            per_doc[doc] = set(stems(tokens, "en"))
            for stem in per_doc[doc]:
                counts[stem] = counts.get(stem, 0) + 1
        total = len(first)
        # A title word shared by more than a third of the documents names none of them.
        limit = max(1, math.floor(total / 3))
        for doc, chunk in first.items():
            self.documents.append(
                DocumentCues(
                    doc=doc,
                    title_stems=frozenset(s for s in per_doc[doc] if counts[s] <= limit),
                    years=frozenset(years_of(f"{chunk.short} {chunk.title} {chunk.date[:4]}")),
                    kind=chunk.kind,
                    symbols=frozenset(_SYMBOL_NUMBER.findall(" ".join(chunk.symbols))),
                )
            )

    def scores(self, search_text: str, symbols: list[str]) -> dict[str, float]:
        """Per document, how strongly the question names it: 1.0 for the best-named, 0 for none."""
        lowered = search_text.lower()
        question_stems = set(stems([w for w in words(search_text) if w not in STOPWORDS], "en"))
        years = years_of(search_text)
        raw: dict[str, float] = {}
        for document in self.documents:
            score = float(len(document.title_stems & question_stems))
            score += len(document.years & years)
            if any(phrase in lowered for phrase in KIND_WORDS.get(document.kind, ())):
                score += 1
            score += 2 * len(document.symbols & set(symbols))
            if score:
                raw[document.doc] = score
        best = max(raw.values(), default=0.0)
        return {doc: score / best for doc, score in raw.items()} if best else {}
