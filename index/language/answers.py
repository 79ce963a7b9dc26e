"""What a document sentence holds, for the kind of answer a question wants: a date, a count, a sum,
countries, a place, a reason, a body or a person. Read with the vocabulary of the sentence's own
language (month names, number words, "because", "Commission"), so a Spanish document is read as
well as an English one.
"""

from __future__ import annotations

import re

from index.language.patterns import SESSION, years_in
from index.language.places import countries_in
from index.language.tokens import Token, tokenize
from index.language.vocabulary import vocabulary

WHO, WHEN, WHERE, HOW_MANY, COUNTRIES, WHY, AMOUNT = "who", "when", "where", "how_many", "countries", "why", "amount"
# The kinds whose absence from the chosen sentences means the asked fact is not there.
CHECKED_TYPES = frozenset({WHEN, HOW_MANY, COUNTRIES, AMOUNT})
_LIST_NUMBER = re.compile(r"(?:^|\n)\W*\d{1,2}[.)]\s")


def _capitalised(token: Token, text: str) -> bool:
    word = text[token.start : token.end]
    return word[:1].isupper()


def _acronym(token: Token, text: str) -> bool:
    word = text[token.start : token.end]
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters[:2]) and word.upper() == word


def holds_date(tokens: tuple[Token, ...], text: str, lang: str) -> bool:
    vocab = vocabulary(lang)
    if years_in(text) or SESSION.search(text):
        return True
    if any(token.folded in vocab.months for token in tokens if token.word and _month_like(token, text, lang)):
        return True
    return vocab.answers["periods"].any_in(tokens)


def _month_like(token: Token, text: str, lang: str) -> bool:
    """English writes months with a capital, which tells "May 2009" from "may"; other languages do not."""
    return lang != "en" or _capitalised(token, text)


def holds_count(tokens: tuple[Token, ...], text: str, lang: str) -> bool:
    """A number that counts something: not a year, a list number, a label ("activity 9") or a symbol."""
    vocab = vocabulary(lang)
    labels = vocab.answers["not_counts"]
    list_numbers = {match.end() for match in _LIST_NUMBER.finditer(text)}
    for index, token in enumerate(tokens):
        if token.number is not None:
            if 1900 <= token.number <= 2099 and len(token.folded) == 4:
                continue
            before = tokens[index - 1] if index else None
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            if before is not None and (before.folded in labels.single or before.lower in {"/", "#", "."}):
                continue
            if (
                after is not None
                and after.lower in {".", ")"}
                and any(abs(token.start - position) < 6 for position in list_numbers)
            ):
                continue
            if any(token.start < position <= token.end + 2 for position in list_numbers):
                continue
            return True
        if token.word and (token.folded in vocab.numbers or vocab.answers["count_words"].match_at(tokens, index)):
            return True
        if token.lower == "%":
            return True
    return False


def holds_amount(tokens: tuple[Token, ...], text: str, lang: str) -> bool:
    vocab = vocabulary(lang)
    for index, token in enumerate(tokens):
        if vocab.answers["money"].match_at(tokens, index):
            return True
        if (
            token.number is not None
            and index + 1 < len(tokens)
            and vocab.answers["large_numbers"].match_at(tokens, index + 1)
        ):
            return True
    return False


def holds_who(tokens: tuple[Token, ...], text: str, lang: str) -> bool:
    vocab = vocabulary(lang)
    organs = vocab.answers["organ"]
    titles = vocab.answers["person_titles"]
    run = 0
    for index, token in enumerate(tokens):
        if not token.word:
            run = 0
            continue
        if _acronym(token, text) and not token.folded.isdigit():
            return True
        if token.folded in organs.single and _capitalised(token, text):
            return True
        if token.folded in titles.single and index + 1 < len(tokens):
            following = (
                tokens[index + 2] if tokens[index + 1].lower == "." and index + 2 < len(tokens) else tokens[index + 1]
            )
            if following.word and _capitalised(following, text):
                return True
        run = run + 1 if _capitalised(token, text) and token.folded.isalpha() else 0
        if run >= 2 and index > 0:  # a person's or a body's name: two capitalised words in a row
            return True
    return False


def holds_where(tokens: tuple[Token, ...], text: str, lang: str) -> bool:
    if countries_in(tokens, lang):
        return True
    prepositions = vocabulary(lang).answers["place_prepositions"]
    for index in range(len(tokens)):
        match = prepositions.match_at(tokens, index)
        if match is not None and match.end < len(tokens):
            following = tokens[match.end]
            if following.word and _capitalised(following, text) and following.folded.isalpha():
                return True
    return False


def holds(kind: str | None, text: str, lang: str = "en", tokens: tuple[Token, ...] | None = None) -> bool:
    """Whether a sentence holds an answer of the wanted kind (None: any sentence does)."""
    if kind is None:
        return True
    tokens = tokens if tokens is not None else tokenize(text)
    if kind == WHEN:
        return holds_date(tokens, text, lang)
    if kind == HOW_MANY:
        return holds_count(tokens, text, lang)
    if kind == AMOUNT:
        return holds_amount(tokens, text, lang)
    if kind == COUNTRIES:
        return bool(countries_in(tokens, lang))
    if kind == WHERE:
        return holds_where(tokens, text, lang)
    if kind == WHY:
        return vocabulary(lang).answers["reason"].any_in(tokens)
    if kind == WHO:
        return holds_who(tokens, text, lang)
    return True
