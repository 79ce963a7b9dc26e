"""Patterns written once, for a class of inputs, whatever the language: years, OAS symbols, item references.

A year is four digits from 1900 to 2099; a range of years "2018-2019" or "2004-05" covers both
ends; an OAS session code `XLVII-O/17` is the 2017 session, so `AG/RES. 2910 (XLVII-O/17)` names
2017 although no year is written. A resolution's number (AG/RES. 2027) is a number, not a year.
The same functions read questions and documents; nothing else in the project writes these patterns.
"""

from __future__ import annotations

import re
from functools import cache

from index.language.tokens import Token, fold
from index.language.vocabulary import languages, vocabulary

_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?![\d])")
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–/]\s*(\d{2}|(?:19|20)\d{2})(?!\d)")
_YEAR_MENTION = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)?\d{2}))?(?!\d)")
SESSION = re.compile(r"\b[IVXLCDM]+-[OE]/(\d{2})\b")
# An OAS document symbol: AG/RES. 2883 (XLVI-O/16), CIDI/RES. 371 (CXLII-O/24), OEA/Ser.W CIDI/CAM/doc.12/16
OAS_SYMBOL = re.compile(
    r"\b[A-Z]{2,5}(?:/[A-Z]{2,5})?/(?:RES|DEC)\.\s*\d+\s*\([IVXLCDM]+-[OE]/\d{2}\)"
    r"|\bOEA/Ser\.[A-Z](?:/[\w.]+)+"
)
_SYMBOL_NUMBER = re.compile(r"\b[A-Z]{2,5}(?:/[A-Z]{2,5})?/(?:RES|DEC)\.?\s*(\d{3,4})\b", re.IGNORECASE)


@cache
def _resolution_number() -> re.Pattern[str]:
    """ "AG/RES. 2027", "resolution 2027", "resolución 2027": a number that is not the year 2027."""
    names = sorted(
        {re.escape(fold(name)) for lang in languages() for name in vocabulary(lang).items["resolution"].single}
        | {"decision"},
        key=len,
        reverse=True,
    )
    return re.compile(rf"\b(?:[a-z]+/res\.?|{'|'.join(names)})\s*\d{{3,4}}", re.IGNORECASE)


def full_year(two_digits: str) -> int:
    value = int(two_digits)
    return 2000 + value if value < 70 else 1900 + value


def _without_resolution_numbers(text: str) -> str:
    return _resolution_number().sub(lambda m: " " * len(m.group(0)), fold(text))


def years_in(text: str) -> set[int]:
    """Every year a text names: 2009, both ends of 2018-2019 or 2004-05, and OAS session codes."""
    clean = _without_resolution_numbers(text)
    years = {int(match) for match in _FOUR_DIGIT_YEAR.findall(clean)}
    for start, end in _YEAR_RANGE.findall(clean):
        first = int(start)
        last = int(end) if len(end) == 4 else (first // 100) * 100 + int(end)
        if first <= last <= first + 10:
            years.update(range(first, last + 1))
    years.update(full_year(match) for match in SESSION.findall(text))
    return {year for year in years if 1900 <= year <= 2099}


def year_mentions(text: str) -> list[tuple[tuple[int, int], frozenset[int]]]:
    """Each year or range as written ("2008-2009", "2009", "2004-05"): its span and the years it covers."""
    clean = _without_resolution_numbers(text)
    found = []
    for match in _YEAR_MENTION.finditer(clean):
        years = frozenset(years_in(match.group(0)))
        if years:
            found.append((match.span(), years))
    return found


def symbol_numbers(text: str) -> list[str]:
    """Resolution numbers of the OAS symbols a text cites: "AG/RES. 2883 (XLVI-O/16)" → "2883"."""
    return list(dict.fromkeys(_SYMBOL_NUMBER.findall(text)))


def symbols_in(text: str) -> list[str]:
    """Whole OAS symbols as written, on one line."""
    return list(dict.fromkeys(" ".join(match.group(0).split()) for match in OAS_SYMBOL.finditer(text)))


# -- references in a question ----------------------------------------------------------------------


def item_references(tokens: tuple[Token, ...], lang: str) -> list[tuple[str, int, int]]:
    """Numbered items a question names, in any of the languages: ("specific objective 8", start, end).

    "objetivo específico 8", "activité nº 27", "activity #9": an item name, an optional number
    sign, a number of one or two digits. A bare "objective 8" is a specific objective (the Program
    numbers only those past three).
    """
    found: list[tuple[str, int, int]] = []
    order = [lang, *(other for other in languages() if other != lang)]
    index = 0
    while index < len(tokens):
        match = None
        for language in order:
            for kind in ("specific objective", "general objective", "activity", "objective"):
                candidate = vocabulary(language).items[kind].match_at(tokens, index)
                if candidate is not None and (match is None or candidate.end > match.end):
                    match = candidate
        if match is None:
            index += 1
            continue
        position = match.end
        signs = vocabulary(lang).number_signs | {sign for other in order for sign in vocabulary(other).number_signs}
        while position < len(tokens) and (
            tokens[position].folded in signs or tokens[position].lower in {"#", "°", "º"}
        ):
            position += 1
        number = tokens[position].number if position < len(tokens) else None
        if number is not None and len(tokens[position].folded) <= 2:
            kind = "specific objective" if match.value == "objective" else str(match.value)
            found.append((f"{kind} {number}", match.start, position + 1))
            index = position + 1
        else:
            index = match.end
    return found


def resolution_references(tokens: tuple[Token, ...], text: str) -> list[str]:
    """Resolution numbers a question names: "AG/RES. 2883", "resolution 2883", "résolution 2883"."""
    found = symbol_numbers(text)
    names = {fold(name) for lang in languages() for name in vocabulary(lang).items["resolution"].single}
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if token.folded in names and following.number is not None and 3 <= len(following.folded) <= 4:
            found.append(following.folded)
    return list(dict.fromkeys(found))
