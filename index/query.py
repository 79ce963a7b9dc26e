"""One question, parsed once: what search and answering both need to know about it.

A question used to be lower-cased, accent-folded, checked for its language and searched for
references in several places; now `parse_query` does it once and the `Query` travels from the
handler through search to the answerer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.glossary import looks_spanish, translate_terms
from index.lexical import query_terms
from index.text import collapse_whitespace, fold

MAX_QUERY_CHARS = 1000
LANGUAGES = ("en", "es", "fr", "pt")

_REFERENCE_PATTERNS = [
    (
        re.compile(r"\b(?:specific objective|objetivo especifico)s?\s*(?:no\.?|#|n[°º])?\s*(\d{1,2})\b"),
        "specific objective",
    ),
    (re.compile(r"\b(?:general objective|objetivo general)s?\s*(?:no\.?|#|n[°º])?\s*(\d{1,2})\b"), "general objective"),
    (re.compile(r"\b(?:activity|activities|actividad|actividades)\s*(?:no\.?|#|n[°º])?\s*(\d{1,2})\b"), "activity"),
    (re.compile(r"^(?:objective|objetivo)\s*(\d{1,2})$"), "specific objective"),
]
_SYMBOL = re.compile(r"\b(?:ag/res\.?|resolution|resolucion)\s*(\d{3,4})\b")
_KIND_QUESTION = [
    (
        re.compile(r"\b(?:which|what|que|cual|cuales)\s+(?:\w+\s+)?(?:activity|activities|actividad|actividades)\b"),
        "activity",
    ),
    (
        re.compile(r"\b(?:which|what|que|cual|cuales)\s+(?:\w+\s+)?(?:objective|objectives|objetivo|objetivos)\b"),
        "objective",
    ),
]


@dataclass(frozen=True)
class Reference:
    """An explicit pointer in a question: a numbered item ("activity 27") or a resolution number."""

    label: str  # "activity 27"; empty for a resolution
    symbol: str | None = None  # "2883" for AG/RES. 2883


@dataclass(frozen=True)
class Query:
    text: str  # as asked: trimmed, whitespace collapsed, at most MAX_QUERY_CHARS
    folded: str  # lower-case, accents removed
    lang: str  # one of LANGUAGES
    search_text: str  # what the retrievers see (the question, plus English terms for other languages)
    terms: tuple[str, ...]  # content words of search_text, for BM25 and coverage
    references: tuple[Reference, ...] = field(default_factory=tuple)
    asked_kind: str | None = None  # "activity" / "objective" when the question asks which one
    truncated: bool = False

    @property
    def labels(self) -> list[str]:
        return [reference.label for reference in self.references if reference.label]

    @property
    def symbols(self) -> list[str]:
        return [reference.symbol for reference in self.references if reference.symbol]


def find_references(folded: str) -> list[Reference]:
    folded = folded.strip()
    references = [
        Reference(f"{kind} {int(match.group(1))}")
        for pattern, kind in _REFERENCE_PATTERNS
        for match in pattern.finditer(folded)
    ]
    references += [Reference("", symbol=match.group(1)) for match in _SYMBOL.finditer(folded)]
    return references


def detect_language(text: str, fallback: str | None = None) -> str:
    """The question's language; `fallback` (the user's own) when the text does not tell."""
    if looks_spanish(text):
        return "es"
    return fallback if fallback in LANGUAGES and fallback != "es" else "en"


def parse_query(text: str, *, fallback_lang: str | None = None) -> Query:
    """Everything later steps need from the user's text, computed once."""
    text = collapse_whitespace(text or "")
    truncated = len(text) > MAX_QUERY_CHARS
    if truncated:
        text = text[:MAX_QUERY_CHARS]
    folded = fold(text)
    lang = detect_language(text, fallback_lang)
    search_text = f"{text} {translate_terms(text)}" if lang == "es" else text
    return Query(
        text=text,
        folded=folded,
        lang=lang,
        search_text=search_text,
        terms=tuple(query_terms(search_text)),
        references=tuple(find_references(folded)),
        asked_kind=next((kind for pattern, kind in _KIND_QUESTION if pattern.search(folded)), None),
        truncated=truncated,
    )
