"""The string table: every key in every language the bot offers, and placeholders that match."""

import re

import pytest

from bot.texts import LANGUAGES, TEXTS, normalise_language, t


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_key_exists_in_every_language_with_the_same_placeholders(key):
    entry = TEXTS[key]
    assert set(entry) == set(LANGUAGES), f"{key} misses {set(LANGUAGES) - set(entry)}"
    placeholders = {lang: set(re.findall(r"{(\w+)}", text)) for lang, text in entry.items()}
    assert len({frozenset(p) for p in placeholders.values()}) == 1, f"{key}: {placeholders}"
    for lang in LANGUAGES:
        if lang != "en" or not key.endswith("quoted_en"):  # an English reader needs no "quoted in English" label
            assert entry[lang].strip(), f"{key} is empty in {lang}"


def test_language_codes_from_telegram_and_fallback():
    assert normalise_language("pt-br") == "pt"
    assert normalise_language("FR") == "fr"
    assert normalise_language("de") == "en"
    assert normalise_language(None) == "en"
    assert t("fr", "activities_of", actor="CIDH") == "Activités du Programme pour CIDH :"
    assert t("xx", "sources") == "Sources"
