"""Words of a text, read once, and phrases of the language data matched over them.

Every phrase of the per-language data (`<lang>.toml`) and every question are cut into tokens by the
same rule, so a phrase matches wherever its words stand in a question, whatever the case, accents
or spacing. A token keeps its place in the text, so what is found can be cut out or replaced.

The rule: letters and digits make words; a hyphen, slash or dot inside a word keeps it whole
("inter-american", "gt/tm", "2018-2019", "xlvii-o/17"); an elided article or pronoun stands alone
with its apostrophe ("l'" + "oim", "qu'" + "est-ce"), and so does an English possessive ("program"
+ "'s"); anything else that is not a space is a punctuation token, across which no phrase matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(
    r"(?<![\w'’])[^\W\d_]{1,2}['’](?=[^\W_])"  # an elided article or pronoun: l', d', qu', j', s'
    r"|[^\W_]+(?:[-/.][^\W_]+)*"  # a word, kept whole across inner hyphens, slashes and dots
    r"|['’][^\W\d_]{1,2}\b"  # a possessive or contraction: 's, 't
    r"|[^\w\s'’]",  # a punctuation mark or symbol
    re.UNICODE,
)


def fold(text: str) -> str:
    """Lower-case without accents, so "específico" matches "especifico"; curly apostrophes made straight."""
    lowered = text.lower().replace("’", "'")
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark: `folded` is what phrases match, `lower` keeps the accents."""

    folded: str
    lower: str
    start: int
    end: int
    word: bool  # False for punctuation and symbols

    @property
    def bare(self) -> str:
        """The folded word without an elision's apostrophe: "l'" → "l", "qu'" → "qu"."""
        return self.folded.strip("'")

    @property
    def number(self) -> int | None:
        return int(self.folded) if self.folded.isdigit() else None


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of a text, in order, with their character offsets in it. Cached: answering reads
    the same passages' tokens for every question (tokens are frozen, so sharing them is safe)."""
    tokens = []
    for match in _TOKEN.finditer(text):
        lower = match.group(0).lower().replace("’", "'")
        first = lower[0]
        tokens.append(Token(_fold_word(lower), lower, match.start(), match.end(), first.isalnum() or first in "'_"))
    return tuple(tokens)


def split_clitics(tokens: tuple[Token, ...], clitics: tuple[str, ...]) -> tuple[Token, ...]:
    """The tokens with a language's hyphenated pronouns cut off their verbs ("confie-t-il" →
    "confie", "atribui-se" → "atribui"), so the verb is read as the word it is."""
    if not clitics:
        return tokens
    result = []
    for token in tokens:
        ending = next(
            (c for c in clitics if token.word and token.lower.endswith(c) and len(token.lower) > len(c)), None
        )
        if ending is None:
            result.append(token)
            continue
        head = token.lower[: -len(ending)]
        result.append(Token(_fold_word(head), head, token.start, token.start + len(head), True))
    return tuple(result)


def words(text: str) -> tuple[str, ...]:
    """The folded words of a phrase as the data writes it."""
    return tuple(token.folded for token in tokenize(text) if token.word)


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index of the first word
    end: int  # token index after the last word
    phrase: tuple[str, ...]
    value: object = None

    def span(self, tokens: tuple[Token, ...]) -> tuple[int, int]:
        """The match's character span in the text the tokens came from."""
        return tokens[self.start].start, tokens[self.end - 1].end


class PhraseSet:
    """Phrases of one kind ("greetings", "who"), found in a token sequence, longest first.

    `accented` phrases match on the accented lower-case form only ("où" is where, "ou" is or).
    """

    def __init__(
        self, phrases: Iterable[str], *, value: object = None, accented: Iterable[str] = (), values=None
    ) -> None:
        self._first: dict[str, list[tuple[tuple[str, ...], bool, object]]] = {}
        accented_keys = {tuple(t.lower for t in tokenize(phrase) if t.word) for phrase in accented}
        entries = [(phrase, value) for phrase in phrases] + list((values or {}).items())
        for phrase, entry_value in entries:
            lowered = tuple(t.lower for t in tokenize(phrase) if t.word)
            if not lowered:
                continue
            sensitive = lowered in accented_keys
            key = lowered if sensitive else tuple(fold(word) for word in lowered)
            self._first.setdefault(key[0], []).append((key, sensitive, entry_value))
        for candidates in self._first.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self.single = frozenset(
            key[0] for candidates in self._first.values() for key, _, _ in candidates if len(key) == 1
        )

    @classmethod
    def union(cls, sets: Iterable[PhraseSet]) -> PhraseSet:
        """One set holding the phrases of several (the same kind of phrase in every language)."""
        sets = list(sets)
        merged = cls(())
        for phrase_set in sets:
            for first, candidates in phrase_set._first.items():
                merged._first.setdefault(first, []).extend(candidates)
        for candidates in merged._first.values():
            candidates.sort(key=lambda item: -len(item[0]))
        merged.single = frozenset().union(*(phrase_set.single for phrase_set in sets)) if sets else frozenset()
        return merged

    def __bool__(self) -> bool:
        return bool(self._first)

    def __contains__(self, word: str) -> bool:
        return word in self.single

    def match_at(self, tokens: tuple[Token, ...], index: int) -> Match | None:
        """The longest phrase that starts at token `index`."""
        token = tokens[index]
        if not token.word:
            return None
        candidates = self._first.get(token.folded, [])
        if token.lower != token.folded:
            candidates = [*self._first.get(token.lower, []), *candidates]
        best: Match | None = None
        for key, sensitive, value in candidates:
            end = index + len(key)
            if end > len(tokens) or (best is not None and len(key) <= best.end - best.start):
                continue
            window = tokens[index:end]
            if all(t.word for t in window) and tuple(t.lower if sensitive else t.folded for t in window) == key:
                best = Match(index, end, key, value)
        return best

    def find(self, tokens: tuple[Token, ...], start: int = 0) -> list[Match]:
        """Every phrase in the tokens, left to right, the longest at each place, never overlapping."""
        found: list[Match] = []
        index = start
        while index < len(tokens):
            match = self.match_at(tokens, index)
            if match is not None:
                found.append(match)
                index = match.end
            else:
                index += 1
        return found

    def any_in(self, tokens: tuple[Token, ...]) -> bool:
        return any(self.match_at(tokens, index) is not None for index in range(len(tokens)))
