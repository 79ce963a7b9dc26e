"""Spanish, French and Portuguese → English terms of the Program, so questions find English passages.

The documents are in English; delegates ask in the four OAS languages. A hand-made glossary of
the Program's general vocabulary and acronyms (CIDH → IACHR, OPS/OPAS → PAHO, trata/traite/
tráfico → trafficking) turns a question into English search terms. The term lists live in
`glossary/<lang>.toml`. Words are matched by their Snowball stem in the question's language, so
one base form covers plurals and feminines ("trabajador" finds "trabajadoras"); phrases are
matched as sequences of stems, longest first.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import Stemmer
from stop_words import get_stop_words

from index.text import fold

GLOSSARY_DIR = Path(__file__).with_name("glossary")
STEMMERS = {"en": "english", "es": "spanish", "fr": "french", "pt": "portuguese"}
# "ont", "contre", "falou": a function word the glossary has no entry for would otherwise be kept
# as a name or cognate, and the few French or Portuguese words quoted in the English documents
# would give it a rare word's weight.
FUNCTION_WORDS = {
    lang: frozenset(fold(word) for word in get_stop_words(name)) for lang, name in STEMMERS.items() if lang != "en"
}
_token = re.compile(r"[^\W_]+(?:/[^\W_]+)*", re.UNICODE)


@cache
def stemmer(lang: str) -> Stemmer.Stemmer:
    """Snowball stemmer of a language, from PyStemmer (C, with a cache of recent words)."""
    return Stemmer.Stemmer(STEMMERS.get(lang, "english"))


def tokens(text: str) -> list[str]:
    """Lower-case words, accents kept (the stemmers need them); "gt/tm" and "ag/res" stay whole."""
    return _token.findall(text.lower())


def stems(words: list[str], lang: str) -> list[str]:
    return [fold(stem) for stem in stemmer(lang).stemWords(words)]


# Latin suffixes that English shares with the three languages (accent-folded): "integracion" →
# "integration", "comunidades" → "comunidties"… A guess is only an extra search term, so one
# that is no English word simply matches nothing.
_COGNATE_SUFFIXES = {
    "es": [
        ("ciones", "tions"),
        ("cion", "tion"),
        ("dades", "ties"),
        ("dad", "ty"),
        ("ismos", "isms"),
        ("ismo", "ism"),
        ("icos", "ic"),
        ("icas", "ic"),
        ("ico", "ic"),
        ("ica", "ic"),
        ("ivos", "ive"),
        ("ivas", "ive"),
        ("ivo", "ive"),
        ("iva", "ive"),
        ("arios", "aries"),
        ("ario", "ary"),
        ("encias", "ences"),
        ("encia", "ence"),
        ("ancias", "ances"),
        ("ancia", "ance"),
        ("mente", "ly"),
        ("istas", "ists"),
        ("ista", "ist"),
        ("osos", "ous"),
        ("oso", "ous"),
        ("ales", "al"),
    ],
    "pt": [
        ("coes", "tions"),
        ("cao", "tion"),
        ("dades", "ties"),
        ("dade", "ty"),
        ("ismos", "isms"),
        ("ismo", "ism"),
        ("icos", "ic"),
        ("icas", "ic"),
        ("ico", "ic"),
        ("ica", "ic"),
        ("ivos", "ive"),
        ("ivas", "ive"),
        ("ivo", "ive"),
        ("iva", "ive"),
        ("arios", "aries"),
        ("ario", "ary"),
        ("encias", "ences"),
        ("encia", "ence"),
        ("ancias", "ances"),
        ("ancia", "ance"),
        ("mente", "ly"),
        ("istas", "ists"),
        ("ista", "ist"),
        ("osos", "ous"),
        ("oso", "ous"),
        ("ais", "al"),
    ],
    "fr": [
        ("ites", "ities"),
        ("ite", "ity"),
        ("iques", "ic"),
        ("ique", "ic"),
        ("ifs", "ive"),
        ("if", "ive"),
        ("ives", "ive"),
        ("ive", "ive"),
        ("aires", "aries"),
        ("aire", "ary"),
        ("ement", "ly"),
        ("istes", "ists"),
        ("iste", "ist"),
        ("eux", "ous"),
        ("euse", "ous"),
        ("isme", "ism"),
        ("ismes", "isms"),
    ],
}


def cognate(word: str, lang: str) -> str | None:
    """The English word an untranslated word most likely shares its root with, if a suffix says so."""
    for suffix, english in _COGNATE_SUFFIXES.get(lang, []):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + english
    return None


@dataclass(frozen=True)
class Glossary:
    lang: str
    accented: dict[str, str]  # word as written, accents kept → English ("traité" is not "traite")
    exact: dict[str, str]  # folded word → English (every entry that folds to it)
    by_stem: dict[str, str]  # folded stem → English (all entries sharing the stem)
    phrases: dict[tuple[str, ...], str]  # stems of a phrase → English
    longest: int
    function_words: frozenset[str] = frozenset()  # the language's own, never searched in English

    def translate(self, text: str) -> tuple[str, list[str]]:
        """English renderings of the glossary's words and phrases found in `text`, and the words
        it has none for (names, numbers, cognates), accent-folded; its function words are neither."""
        words = tokens(text)
        word_stems = stems(words, self.lang)
        found: list[str] = []
        rest: list[str] = []
        position = 0
        while position < len(words):
            for size in range(min(self.longest, len(words) - position), 1, -1):
                english = self.phrases.get(tuple(word_stems[position : position + size]))
                if english:
                    found.append(english)
                    position += size
                    break
            else:
                folded = fold(words[position])
                english = (
                    self.accented.get(words[position])
                    or self.exact.get(folded)
                    or self.by_stem.get(word_stems[position])
                )
                if english:
                    found.append(english)
                elif folded not in self.function_words:
                    rest.append(folded)
                    if guess := cognate(folded, self.lang):
                        rest.append(guess)
                position += 1
        return " ".join(found), rest


def _forms(word: str, lang: str) -> list[str]:
    """A base form and its regular plurals."""
    forms = [word, f"{word}s"]
    if lang in ("es", "pt") and word[-1] not in "aeiou":
        forms.append(f"{word}es")
    if lang == "pt" and word.endswith("ão"):
        forms.append(f"{word[:-2]}ões")
    if lang == "fr" and word.endswith(("au", "eu")):
        forms.append(f"{word}x")
    return forms


@cache
def glossary(lang: str) -> Glossary | None:
    """The glossary of a language, or None for English (and any language without one)."""
    path = GLOSSARY_DIR / f"{lang}.toml"
    if not path.exists():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    accented: dict[str, str] = {}
    exact: dict[str, list[str]] = {}
    by_stem: dict[str, list[str]] = {}
    phrases: dict[tuple[str, ...], str] = {}

    def add(table: dict[str, list[str]], key: str, english: str) -> None:
        entries = table.setdefault(key, [])
        if english not in entries:
            entries.append(english)

    for section in ("acronyms", "words"):
        for word, english in data.get(section, {}).items():
            accented[word.lower()] = english
            add(exact, fold(word.lower()), english)
            if section == "words":
                # The stemmers do not always give a word and its plural one stem ("taller" and
                # "talleres"), so the plural forms are entered too.
                for stem in set(stems(_forms(word.lower(), lang), lang)):
                    add(by_stem, stem, english)
    for phrase, english in data.get("phrases", {}).items():
        key = tuple(stems(tokens(phrase), lang))
        if len(key) == 1:
            accented[phrase.lower()] = english
            add(exact, fold(phrase.lower()), english)
        else:
            phrases[key] = english
    return Glossary(
        lang=lang,
        accented=accented,
        exact={word: " ".join(entries) for word, entries in exact.items()},
        by_stem={stem: " ".join(entries) for stem, entries in by_stem.items()},
        phrases=phrases,
        longest=max((len(key) for key in phrases), default=1),
        function_words=FUNCTION_WORDS.get(lang, frozenset()),
    )


def translate_terms(text: str, lang: str) -> tuple[str, list[str]]:
    """English search terms for a question in `lang`, and its words the glossary does not know.

    For English (or a language without a glossary) there is nothing to translate: ("", []).
    """
    found = glossary(lang)
    return found.translate(text) if found else ("", [])
