"""Country names in each language, from ISO 3166 (pycountry and its translations), never a hand list.

"Which countries…?" wants a sentence that names countries, and a question that names a country
the documents never mention is a near miss; both need to know what a country name is, in the
language of the text: "Mexico", "México", "Mexique".
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from index.language.tokens import Match, PhraseSet, Token


def _forms(name: str) -> set[str]:
    """ "Bolivia, Plurinational State of" → also "Bolivia"; "Bahamas" → also "The Bahamas"."""
    forms = {name}
    if "," in name:
        forms.add(name.split(",", 1)[0])
    if "(" in name:
        forms.add(name.split("(", 1)[0].strip())
    return {form.strip() for form in forms if form.strip()}


@cache
def country_names(lang: str) -> PhraseSet:
    """Every country's names in `lang` (and in English, which documents in any language quote)."""
    translate = (lambda text: text) if lang == "en" else _translator(lang)
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                for name in sorted(_forms(value) | _forms(translate(value))):
                    codes.setdefault(name, country.alpha_2)
    return PhraseSet((), values=dict(sorted(codes.items())))


def _translator(lang: str):
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
    except OSError:
        return lambda text: text


def _found(tokens: tuple[Token, ...], lang: str) -> list[Match]:
    """Country names in the text's language, and in English, which documents in any language quote."""
    found = country_names(lang).find(tokens)
    return found + country_names("en").find(tokens) if lang != "en" else found


def countries_in(tokens: tuple[Token, ...], lang: str) -> list[str]:
    """The country names a text holds, as written (folded)."""
    return list(dict.fromkeys(" ".join(match.phrase) for match in _found(tokens, lang)))


def named_countries(tokens: tuple[Token, ...], text: str, lang: str) -> list[str]:
    """The countries a question names: `countries_in`, less a one-word name written in lower case
    that is a common word of the language ("réunion" is a meeting, "Réunion" the island)."""
    from index.language.dictionaries import common_words

    common = common_words(lang)

    def meant(name: str) -> bool:
        if " " in name or name not in common:
            return True
        return any(t.bare == name and text[t.start : t.start + 1].isupper() for t in tokens)

    return [name for name in countries_in(tokens, lang) if meant(name)]


def country_codes_in(tokens: tuple[Token, ...], lang: str) -> set[str]:
    """The countries a text names, as ISO codes: "Países Bajos", "Pays-Bas" and "Netherlands" are one."""
    return {str(match.value) for match in _found(tokens, lang) if match.value}
