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


def _count_positions(tokens: tuple[Token, ...], text: str, lang: str) -> list[int]:
    """Tokens that count something: not a year, a list number, a label ("activity 9") or a symbol."""
    vocab = vocabulary(lang)
    labels = vocab.answers["not_counts"]
    list_numbers = {match.end() for match in _LIST_NUMBER.finditer(text)}
    found = []
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
            found.append(index)
        elif token.word and (token.folded in vocab.numbers or vocab.answers["count_words"].match_at(tokens, index)):
            found.append(index)
        elif token.lower == "%" and index:
            found.append(index - 1)
    return found


def holds_count(tokens: tuple[Token, ...], text: str, lang: str) -> bool:
    """A number that counts something: not a year, a list number, a label ("activity 9") or a symbol."""
    return bool(_count_positions(tokens, text, lang))


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


# -- the asked fact itself, as the sentence writes it --------------------------------------------------


def _span(text: str, tokens: tuple[Token, ...], first: int, last: int) -> str:
    return text[tokens[first].start : tokens[last].end]


def dates_in(text: str, lang: str = "en") -> list[str]:
    """The dates a sentence gives, as written and longest first in reading order: "March 16, 2006",
    "16 de marzo de 2006", "April - 2019", "the first week of October", "2018-2019"."""
    tokens = tokenize(text)
    vocab = vocabulary(lang)
    stop = vocab.stop_words
    found: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        period = vocab.answers["periods"].match_at(tokens, index)
        is_month = token.word and token.folded in vocab.months and _month_like(token, text, lang)
        is_year = token.number is not None and len(token.folded) == 4 and 1900 <= token.number <= 2099
        is_range = token.word and bool(years_in(token.folded)) and "-" in token.folded
        if not (period or is_month or is_year or is_range):
            index += 1
            continue
        first = index
        while first > 0 and (
            (tokens[first - 1].number is not None and len(tokens[first - 1].folded) <= 2)
            or (tokens[first - 1].bare in stop and first > 1 and tokens[first - 2].number is not None)
        ):
            first -= 1  # "16 de marzo", "30 and 31 October"
        last = (period.end - 1) if period else index
        while last + 1 < len(tokens):
            following = tokens[last + 1]
            if (following.number is not None and (len(following.folded) <= 2 or len(following.folded) == 4)) or (
                following.word and following.folded in vocab.months
            ):
                last += 1
            elif (not following.word and following.lower in {",", "-", "–", "/"}) or following.bare in stop:
                if last + 2 < len(tokens) and (
                    tokens[last + 2].number is not None or tokens[last + 2].folded in vocab.months
                ):
                    last += 1
                else:
                    break
            else:
                break
        found.append(_span(text, tokens, first, last))
        index = last + 1
    return found


def counts_in(text: str, lang: str = "en") -> list[str]:
    """The quantities a sentence states, with what they count: "30 countries", "twelve ministries"."""
    tokens = tokenize(text)
    stop = vocabulary(lang).stop_words
    found = []
    for index in dict.fromkeys(_count_positions(tokens, text, lang)):
        last = index
        while last + 1 < len(tokens) and last - index < 3 and tokens[last + 1].word and tokens[last + 1].number is None:
            last += 1
            if tokens[last].bare not in stop:
                break
        found.append(_span(text, tokens, index, last))
    return found


def amounts_in(text: str, lang: str = "en") -> list[str]:
    tokens = tokenize(text)
    money = vocabulary(lang).answers["money"]
    large = vocabulary(lang).answers["large_numbers"]
    found = []
    for index in range(len(tokens)):
        match = money.match_at(tokens, index)
        if match is not None:
            start = last = match.end
            while last < len(tokens) and not tokens[last].word and tokens[last].lower not in {",", "."}:
                start = last = last + 1  # the currency sign: "US$"
            while last < len(tokens) and (tokens[last].number is not None or tokens[last].lower in {",", "."}):
                last += 1
            if last > start:
                found.append(_span(text, tokens, index, last - 1).rstrip(",."))
        elif tokens[index].number is not None and index + 1 < len(tokens) and large.match_at(tokens, index + 1):
            found.append(_span(text, tokens, index, index + 1))
    return found


def places_in(text: str, lang: str = "en") -> list[str]:
    """Countries, and the capitalised name after "in", "at", "held in": "Monterrey", "Mexico"."""
    tokens = tokenize(text)
    found: list[str] = []
    countries = countries_in(tokens, lang)  # in the order the text names them, every run the same
    vocab = vocabulary(lang)
    prepositions = vocab.answers["place_prepositions"]
    for index in range(len(tokens)):
        match = prepositions.match_at(tokens, index)
        if match is None or match.end >= len(tokens):
            continue
        last = match.end
        while (
            last < len(tokens)
            and tokens[last].word
            and _capitalised(tokens[last], text)
            and tokens[last].folded.isalpha()
            and tokens[last].folded not in vocab.months
        ):
            last += 1
        if last > match.end:
            found.append(_span(text, tokens, match.end, last - 1))
    for country in countries:
        if not any(country in place.lower() for place in found):
            match = next((t for t in tokens if t.folded == country.split()[0]), None)
            if match is not None:
                found.append(text[match.start : match.start + len(country)])
    return list(dict.fromkeys(found))


def names_in(text: str, lang: str = "en") -> list[str]:
    """Bodies and people a sentence names: "Dr. Santiago Cantón", "the Regional Conference on Migration"."""
    tokens = tokenize(text)
    titles = vocabulary(lang).answers["person_titles"]
    stop = vocabulary(lang).stop_words
    found = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        plain = token.folded.replace("-", "")
        starts = token.word and (_capitalised(token, text) or token.folded in titles.single) and plain.isalpha()
        roman = set(text[token.start : token.end]) <= set("IVXLC")
        if not starts or roman or (index == 0 and token.bare in stop):
            index += 1
            continue
        last = index
        while last + 1 < len(tokens):
            following = tokens[last + 1]
            if (following.word and _capitalised(following, text)) or (
                following.lower == "." and tokens[last].folded in titles.single
            ):
                last += 1
            elif following.bare in stop and last + 2 < len(tokens) and _capitalised(tokens[last + 2], text):
                last += 1  # "Commission on Human Rights"
            else:
                break
        if last > index or _acronym(token, text):
            found.append(_span(text, tokens, index, last))
        index = last + 1
    return found
