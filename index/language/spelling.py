"""A typo in a question is read as the known word it is one or two letters off: "objetives" is
"objectives", "trafiking" is "trafficking", "Guatemla" is "Guatemala".

A word is left as typed when any list knows it: the language data (every language's phrases,
glossaries and actor names), the documents' own words, or the dictionary of the question's
language and of English (pyspellchecker's word lists); and when it is typed with its accents
("reunió"): the writer knows that word even where a list lacks the form. Otherwise it becomes the closest word of
the documents or of the question language's data, if one is close enough (one edit for a short
word, two for a long one, a swap of two letters counting as one). Acronyms, numbers and short
words stay as typed: they are names more often than slips.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from index.language.actors import actor_table
from index.language.dictionaries import dictionary
from index.language.identify import lexicon
from index.language.places import country_names
from index.language.tokens import Token, words
from index.language.vocabulary import languages

MIN_LENGTH = 4  # shorter words are left as typed
LONG_WORD = 8  # from this length, two edits are allowed


@cache
def language_words() -> frozenset[str]:
    """Every word the language data knows, in any language."""
    known: set[str] = set()
    for lang in languages():
        known |= lexicon(lang)
        known |= {w for key in country_names(lang).single for w in key.split()}
    for info in actor_table().values():
        for alias in info.aliases:
            known.update(words(alias))
    return frozenset(known)


@dataclass(frozen=True)
class Correction:
    typed: str
    known: str
    start: int
    end: int


class Speller:
    """Corrects a question's words against the documents' words and the language data."""

    def __init__(self, corpus_words: Counter[str] | None = None) -> None:
        self.frequency: Counter[str] = Counter(corpus_words or {})
        self.known = frozenset(language_words()) | frozenset(self.frequency)
        self._by_length: dict[str, dict[int, list[str]]] = {}
        self._acronyms = sorted(
            {w for info in actor_table().values() for alias in info.aliases for w in words(alias) if len(w) <= 6}
        )

    def candidates(self, lang: str) -> dict[int, list[str]]:
        """What a typo may become, by length: the documents' words and the question language's data."""
        found = self._by_length.get(lang)
        if found is None:
            found = {}
            words_ = set(self.frequency) | lexicon(lang)
            for word in sorted(words_):
                if word.isalpha() and len(word) >= MIN_LENGTH - 1:
                    found.setdefault(len(word), []).append(word)
            self._by_length[lang] = found
        return found

    def correct(self, tokens: tuple[Token, ...], text: str, lang: str = "en") -> list[Correction]:
        corrections = []
        for token in tokens:
            word = token.bare
            typed = text[token.start : token.end]
            if not token.word or len(word) < MIN_LENGTH or not word.isalpha() or word in self.known:
                continue
            if word in dictionary(lang) or word in dictionary("en"):
                continue
            if token.lower != token.folded:
                continue  # typed with its accents ("reunió"): the writer knows the word, the lists may not
            # an acronym: only a slip of one letter in an actor's ("IACRH"); a word: one or two
            known = self.closest(word, self._acronyms, limit=1) if typed.isupper() else self._closest_word(word, lang)
            if known is not None:
                corrections.append(Correction(typed, known, token.start, token.end))
        return corrections

    @lru_cache(maxsize=4096)  # noqa: B019 - one speller per loaded index, kept as long as the index
    def _closest_word(self, word: str, lang: str) -> str | None:
        limit = 2 if len(word) >= LONG_WORD else 1
        by_length = self.candidates(lang)
        choices = [c for size in range(len(word) - limit, len(word) + limit + 1) for c in by_length.get(size, ())]
        return self.closest(word, choices, limit, dictionary(lang))

    def closest(
        self, word: str, choices: list[str], limit: int | None = None, common: dict[str, int] | None = None
    ) -> str | None:
        limit = limit if limit is not None else 2 if len(word) >= LONG_WORD else 1
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=8)
        if not found:
            return None
        best = min(distance for _, distance, _ in found)
        tied = [choice for choice, distance, _ in found if distance == best]
        # a letter left out or doubled before one mistyped, the same first letter (slips are rarely
        # there), then the word the documents use most, then the commonest in the language
        common = common or {}
        tied.sort(
            key=lambda choice: (
                Indel.distance(word, choice),
                choice[0] != word[0],
                -self.frequency.get(choice, 0),
                -common.get(choice, 0),
                choice,
            )
        )
        return tied[0]


def apply(text: str, corrections: list[Correction]) -> str:
    """The text with each corrected word replaced, in its case (a capital stays a capital)."""
    for correction in sorted(corrections, key=lambda c: -c.start):
        known = correction.known
        if correction.typed.isupper():
            known = known.upper()
        elif correction.typed[:1].isupper():
            known = known[:1].upper() + known[1:]
        text = text[: correction.start] + known + text[correction.end :]
    return text
