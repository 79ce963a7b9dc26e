"""Which document a question names or implies, read from the documents' own metadata.

"the 2009 annual report", "the CAM Vice Chair's plan", "el plan de trabajo del GT/TM", "AG/RES.
2883": each document's short title, kind, years and symbols (from the manifest, carried by every
passage) are its cues. A cue shared by every document ("program") weighs little; a year, a symbol
or a distinctive title word weighs much. Nothing here names a particular document: one added by a
maintainer gets its cues from its own manifest entry. Search weighs these scores as one signal
(index/rank.py); answering takes a clearly named document as the one to answer from.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from index.chunk import Chunk
from index.language import Question, analyse
from index.language.intent import document_kind_words
from index.language.patterns import symbol_numbers, years_in
from index.language.spelling import Speller
from index.language.tokens import tokenize
from index.language.vocabulary import all_stop_words, languages, stem_words, vocabulary

NAMED_MINIMUM = 0.9  # a document is named when its score reaches this (a year, or a distinctive word) and stands alone
YEAR_WEIGHT = 1.0
SYMBOL_WEIGHT = 2.0


@dataclass(frozen=True)
class DocumentProfile:
    doc: str
    short: str
    title: str
    kind: str
    lang: str
    years: frozenset[int]
    title_stems: frozenset[str]  # English stems of the short title's distinctive words
    kinds: frozenset[str]  # its kind, and kinds its title names ("…of the Inter-American Program")
    symbols: frozenset[str]  # resolution numbers of its own symbols


def _title_stems(text: str) -> set[str]:
    stop = all_stop_words() | document_kind_words()
    words = [t.bare for t in tokenize(text) if t.word and t.bare not in stop and not any(c.isdigit() for c in t.bare)]
    return {stem for stem in stem_words([w for w in words if len(w) > 1], "en")}


class DocumentCatalogue:
    """What names each document, built once from the passages' document fields."""

    def __init__(self, chunks: list[Chunk]) -> None:
        first: dict[str, Chunk] = {}
        for chunk in chunks:
            first.setdefault(chunk.doc, chunk)
        profiles = {}
        for doc, chunk in first.items():
            years = set(years_in(f"{chunk.short} {chunk.title}"))
            if chunk.date[:4].isdigit():
                years.add(int(chunk.date[:4]))
            title_tokens = tokenize(chunk.title)
            kinds = {chunk.kind} | {
                str(match.value)
                for lang in languages()
                for phrases in vocabulary(lang).documents.values()
                for match in phrases.find(title_tokens)
            }
            profiles[doc] = DocumentProfile(
                doc=doc,
                short=chunk.short,
                title=chunk.title,
                kind=chunk.kind,
                lang=getattr(chunk, "lang", "en") or "en",
                years=frozenset(years),
                title_stems=frozenset(_title_stems(chunk.short)),
                kinds=frozenset(kind for kind in kinds if kind),
                symbols=frozenset(symbol_numbers(" ".join(chunk.symbols))),
            )
        self.documents = profiles
        count = max(1, len(profiles))
        frequency: dict[str, int] = {}
        for profile in profiles.values():
            for cue in profile.title_stems | {f"kind:{kind}" for kind in profile.kinds}:
                frequency[cue] = frequency.get(cue, 0) + 1
        # A cue every document has tells nothing; one only a single document has tells most.
        self._weight = {cue: math.log((1 + count) / n) for cue, n in frequency.items()}
        self.words = frozenset(
            t.bare for profile in profiles.values() for t in tokenize(profile.short) if t.word and not t.bare.isdigit()
        )

    def scores(self, question: Question) -> dict[str, float]:
        """How strongly the question points at each document, the best-named scaled to 1.0 (0 for most)."""
        raw = self.raw_scores(question)
        best = max(raw.values(), default=0.0)
        return {doc: score / best for doc, score in raw.items()} if best else {}

    def raw_scores(self, question: Question) -> dict[str, float]:
        asked = set(stem_words([t for t in question.terms if not t[0].isdigit()], "en"))
        asked |= set(stem_words(list(question.content), "en"))
        kinds = {f"kind:{kind}" for kind in question.document_kinds}
        symbols = set(question.symbols)
        result: dict[str, float] = {}
        for doc, profile in self.documents.items():
            score = sum(self._weight[stem] for stem in profile.title_stems & asked)
            score += sum(self._weight[cue] for cue in kinds if cue[5:] in profile.kinds)
            if question.years & profile.years:
                score += YEAR_WEIGHT
            score += SYMBOL_WEIGHT * len(profile.symbols & symbols)
            if score > 0:
                result[doc] = score
        return result

    def named(self, question: Question, raw: dict[str, float] | None = None) -> list[str]:
        """The document the question names: the best scoring, when it clearly stands out."""
        raw = self.raw_scores(question) if raw is None else raw
        if not raw:
            return []
        best = max(raw.values())
        top = [doc for doc, score in raw.items() if score >= best - 1e-9]
        return top if best >= NAMED_MINIMUM and len(top) == 1 else []  # a tie names no document

    def label(self, doc: str) -> str:
        """A short name for source lists: "Program (2016 revision)" → "Program 2016"."""
        profile = self.documents.get(doc)
        return short_label(profile.short) if profile else doc

    def years(self, doc: str) -> frozenset[int]:
        profile = self.documents.get(doc)
        return profile.years if profile else frozenset()


def short_label(short: str) -> str:
    """Parentheses that only qualify a year are dropped: "Program (2016 revision)" → "Program 2016"."""
    return re.sub(r"\s*\((\d{4})[^)]*\)", r" \1", short).strip()


class Analyser:
    """`analyse` with the corpus in mind: the documents a question names are filled in, and a typo
    is read as the word of the documents (or of the language data) it is a letter or two off."""

    def __init__(self, catalogue: DocumentCatalogue, chunks: list[Chunk] | None = None) -> None:
        self.catalogue = catalogue
        counts: Counter[str] = Counter()
        for chunk in chunks or []:
            counts.update(t.bare for t in tokenize(chunk.text) if t.word and t.bare.isalpha())
        self.speller = Speller(counts)

    def analyse(
        self,
        text: str,
        *,
        fallback_lang: str | None = None,
        previous: Question | None = None,
        previous_topic: str | None = None,
    ) -> Question:
        question = analyse(
            text,
            fallback_lang=fallback_lang,
            previous=previous,
            previous_topic=previous_topic,
            document_words=self.catalogue.words,
            speller=self.speller,
        )
        if question.intent in {"empty", "small_talk", "more"}:
            return question
        raw = self.catalogue.raw_scores(question)
        best = max(raw.values(), default=0.0)
        return replace(
            question,
            documents=tuple(self.catalogue.named(question, raw)),
            document_scores=tuple(sorted((doc, score / best) for doc, score in raw.items())),
        )
