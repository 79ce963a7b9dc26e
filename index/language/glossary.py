"""Terms of the Program between languages, so a question finds passages written in another one.

Delegates ask in the four OAS languages; most documents are in English, and some arrive in
Spanish, French or Portuguese. A hand-made glossary of the Program's general vocabulary and
acronyms per language (`glossary/<lang>.toml`: CIDH → IACHR, OPS/OPAS → PAHO, trata/traite/
tráfico → trafficking) maps a question's words to English, and the same tables read backwards map
English to each language, so a question reaches a document in any of them through English (es ↔
fr ↔ pt pass through it too). Words are matched by their Snowball stem in their language, so one
base form covers plurals and feminines; phrases as sequences of stems, longest first. General
domain terms only: never a word chosen because one particular question needed it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from index.language.tokens import fold, tokenize
from index.language.vocabulary import stem_words, vocabulary

GLOSSARY_DIR = Path(__file__).with_name("glossary")


def word_tokens(text: str) -> list[str]:
    """Lower-case words with their accents (the stemmers need them); "gt/tm" and "ag/res" stay whole,
    hyphenated words are their parts ("pan-americana": "pan", "americana")."""
    found = []
    for token in tokenize(text):
        if not token.word or token.lower == "'s":
            continue
        word = token.lower.rstrip("'")
        found += [part for part in word.split("-") if part] if "-" in word and not word[0].isdigit() else [word]
    return found


def stems(words: list[str], lang: str) -> list[str]:
    return stem_words(words, lang)


@dataclass(frozen=True)
class Glossary:
    lang: str
    accented: dict[str, str]  # word as written, accents kept → English ("traité" is not "traite")
    exact: dict[str, str]  # folded word → English (every entry that folds to it)
    by_stem: dict[str, str]  # folded stem → English (all entries sharing the stem)
    phrases: dict[tuple[str, ...], str]  # stems of a phrase → English
    longest: int
    function_words: frozenset[str] = frozenset()  # the language's own, never searched in English
    stop_words: frozenset[str] = frozenset()  # its data file's (questions, articles): left out of a phrase read back
    cognates: tuple[tuple[str, str], ...] = ()  # (suffix, English suffix), longest first
    english: dict[str, str] = field(default_factory=dict)  # English stem → this language's term, for reading back
    english_phrases: dict[tuple[str, ...], str] = field(default_factory=dict)  # English phrase stems → its term

    def cognate(self, word: str) -> str | None:
        """The English word an untranslated word most likely shares its root with, if a suffix says so."""
        for suffix, english in self.cognates:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                return word[: -len(suffix)] + english
        return None

    def translate(self, text: str) -> tuple[str, list[str]]:
        """English renderings of the glossary's words and phrases found in `text`, and the words
        it has none for (names, numbers, cognates), accent-folded; its function words are neither."""
        words = word_tokens(text)
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
                    if guess := self.cognate(folded):
                        rest.append(guess)
                position += 1
        return " ".join(found), rest

    def from_english(self, terms: list[str]) -> list[str]:
        """This language's terms for English words (by English stem), a phrase's first ("work plan" →
        "plan de trabajo", "unaccompanied" → "no acompañados"): how a question reaches a document in it."""
        term_stems = stems(terms, "en")
        longest = max((len(key) for key in self.english_phrases), default=1)
        found: list[str] = []
        position = 0
        while position < len(terms):
            for size in range(min(longest, len(terms) - position), 1, -1):
                native = self.english_phrases.get(tuple(term_stems[position : position + size]))
                if native:
                    found += [w for w in word_tokens(native) if fold(w) not in self.stop_words]
                    position += size
                    break
            else:
                native = self.english.get(term_stems[position])
                if native:
                    found += [w for w in word_tokens(native) if fold(w) not in self.stop_words] or [native]
                else:
                    found.append(terms[position])
                position += 1
        return found


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
    english: dict[str, str] = {}

    def add(table: dict[str, list[str]], key: str, value: str) -> None:
        entries = table.setdefault(key, [])
        if value not in entries:
            entries.append(value)

    for section in ("acronyms", "words"):
        for word, translation in data.get(section, {}).items():
            accented[word.lower()] = translation
            add(exact, fold(word.lower()), translation)
            for synonym in translation.split():  # "child children": either reads back as "niño"
                english.setdefault(stems([synonym], "en")[0], word)
            if section == "words":
                # The stemmers do not always give a word and its plural one stem ("taller" and
                # "talleres"), so the plural forms are entered too.
                for stem in set(stems(_forms(word.lower(), lang), lang)):
                    add(by_stem, stem, translation)
    english_phrases: dict[tuple[str, ...], str] = {}
    for phrase, translation in data.get("phrases", {}).items():
        key = tuple(stems(word_tokens(phrase), lang))
        english_words = word_tokens(translation)
        if len(english_words) == 1:
            english.setdefault(stems(english_words, "en")[0], phrase)
        elif english_words:
            english_phrases.setdefault(tuple(stems(english_words, "en")), phrase)
        if len(key) == 1:
            accented[phrase.lower()] = translation
            add(exact, fold(phrase.lower()), translation)
        else:
            phrases[key] = translation
    cognates = sorted(data.get("cognates", {}).items(), key=lambda item: -len(item[0]))
    return Glossary(
        lang=lang,
        accented=accented,
        exact={word: " ".join(entries) for word, entries in exact.items()},
        by_stem={stem: " ".join(entries) for stem, entries in by_stem.items()},
        phrases=phrases,
        longest=max((len(key) for key in phrases), default=1),
        function_words=vocabulary(lang).function_words,
        stop_words=vocabulary(lang).stop_words,
        cognates=tuple(cognates),
        english=english,
        english_phrases=english_phrases,
    )


def translate_terms(text: str, lang: str) -> tuple[str, list[str]]:
    """English search terms for a question in `lang`, and its words the glossary does not know.

    For English (or a language without a glossary) there is nothing to translate: ("", []).
    """
    found = glossary(lang)
    return found.translate(text) if found else ("", [])
