"""Which document a question names or implies, read from the documents' own metadata.

"the 2009 annual report", "the CAM Vice Chair's plan", "el plan de trabajo del GT/TM", "le
Programme": each document's short name, kind and years (from the manifest, carried by every
passage) are its cues. A cue shared by every document ("program") weighs little; a year or a
distinctive name weighs much. Nothing here names a particular document: a new document added by
a maintainer gets its cues from its own manifest entry.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from bot.answering.answer_type import years_in
from index.chunk import Chunk
from index.text import fold

# Phrases that name a kind of document, in the four languages (folded). One word of a phrase alone
# ("plan" of "Plan of Action") names nothing.
KIND_PHRASES: dict[str, set[str]] = {
    "program": {"program", "programme", "programa"},
    "annual_report": {
        "annual report",
        "informe anual",
        "rapport annuel",
        "relatorio anual",
        "report",
        "informe",
        "rapport",
        "relatorio",
    },
    "work_plan": {
        "work plan",
        "workplan",
        "plan de trabajo",
        "plan de travail",
        "plano de trabalho",
        "calendar",
        "schedule",
        "calendario",
        "cronograma",
        "calendrier",
    },
    "findings": {"findings", "conclusiones", "hallazgos", "constatations", "conclusions", "conclusoes", "resultados"},
    "resolution": {"resolution", "resolucion", "resolucao"},
    "declaration": {"declaration", "declaracion", "declaracao"},
}
_PHRASE_WORDS = {word for phrases in KIND_PHRASES.values() for phrase in phrases for word in phrase.split()}
_IGNORED = {
    "the",
    "of",
    "and",
    "for",
    "on",
    "de",
    "del",
    "la",
    "el",
    "los",
    "las",
    "y",
    "et",
    "e",
    "du",
    "des",
    "da",
    "do",
}
_WORD = re.compile(r"[a-z0-9][a-z0-9/'-]*")


def _words(text: str) -> list[str]:
    return [w.strip("'-") for w in _WORD.findall(fold(text).replace("’", "'"))]


@dataclass
class DocumentInfo:
    doc: str
    short: str
    title: str
    kind: str
    years: frozenset[int]
    cues: frozenset[str]


class DocumentCues:
    def __init__(self, chunks: list[Chunk]) -> None:
        seen: dict[str, DocumentInfo] = {}
        for chunk in chunks:
            if chunk.doc in seen:
                continue
            years = set(years_in(f"{chunk.short} {chunk.title}"))
            if chunk.date[:4].isdigit():
                years.add(int(chunk.date[:4]))
            cues = {
                w
                for w in _words(chunk.short)
                if w not in _IGNORED and w not in _PHRASE_WORDS and not w.isdigit() and len(w) > 1
            }
            cues |= KIND_PHRASES.get(chunk.kind, set())
            title = " ".join(_words(chunk.title))
            for phrases in KIND_PHRASES.values():  # "…Inter-American Program…" in a work plan's title
                if any(re.search(rf"\b{re.escape(p)}\b", title) for p in phrases):
                    cues |= phrases
            seen[chunk.doc] = DocumentInfo(
                chunk.doc, chunk.short, chunk.title, chunk.kind, frozenset(years), frozenset(cues)
            )
        self.documents = seen
        frequency: dict[str, int] = defaultdict(int)
        for info in seen.values():
            for cue in info.cues:
                frequency[cue] += 1
        count = max(1, len(seen))
        # A cue every document has tells nothing; one only a single document has tells most.
        self._weight = {cue: math.log((1 + count) / n) for cue, n in frequency.items()}
        self.words = frozenset(word for cue in frequency for word in cue.split())

    def scores(self, folded: str) -> dict[str, float]:
        """How strongly the question points at each document (0 for most)."""
        words = set(_words(folded))
        text = " ".join(_words(folded))
        present = {
            cue for cue in self._weight if (" " in cue and re.search(rf"\b{re.escape(cue)}\b", text)) or cue in words
        }
        asked_years = years_in(folded)
        result: dict[str, float] = {}
        for doc, info in self.documents.items():
            score = sum(self._weight[cue] for cue in info.cues & present)
            if asked_years and asked_years & info.years:
                score += 1.0
            if score > 0:
                result[doc] = score
        return result

    def named(self, folded: str, *, minimum: float = 0.9) -> list[str]:
        """The documents the question names: the best scoring, when it clearly stands out."""
        scores = self.scores(folded)
        if not scores:
            return []
        best = max(scores.values())
        top = [doc for doc, score in scores.items() if score >= best - 1e-9]
        return top if best >= minimum and len(top) == 1 else []  # a tie names no document

    def label(self, doc: str) -> str:
        """A short name for source lists: "Program (2016 revision)" → "Program 2016"."""
        info = self.documents.get(doc)
        return short_label(info.short) if info else doc


def short_label(short: str) -> str:
    """Parentheses that only qualify a year are dropped: "Program (2016 revision)" → "Program 2016"."""
    return re.sub(r"\s*\((\d{4})[^)]*\)", r" \1", short).strip()
