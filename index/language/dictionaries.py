"""The words of each language as a dictionary knows them: pyspellchecker's frequency lists (MIT;
en, es, fr, pt), accent-folded, loaded once per process on first need.

They tell a word of the language from a name ("Manila", "IMF": outside the common words), a typo
from a word the writer meant (index/language/spelling.py), keywords in English from keywords in
French (index/language/identify.py), and a hyphenated line end of a PDF that joins into a word
("migra-tion") from a compound ("long-term", index/pdf/paragraphs.py).
"""

from __future__ import annotations

from functools import cache

from index.language.tokens import fold
from index.language.vocabulary import languages


@cache
def dictionary(lang: str) -> dict[str, int]:
    """The words of a language's dictionary and how common each is (pyspellchecker's frequency
    lists), accent-folded."""
    import gzip
    import json
    from importlib.resources import files

    resource = files("spellchecker") / "resources" / f"{lang}.json.gz"
    try:
        with resource.open("rb") as raw, gzip.open(raw) as unpacked:
            counts: dict[str, int] = {}
            for word, count in json.load(unpacked).items():
                key = fold(word)
                counts[key] = counts.get(key, 0) + int(count)
            return counts
    except (FileNotFoundError, OSError, ValueError):
        return {}


def in_dictionary(word: str, langs: tuple[str, ...] | None = None) -> bool:
    """A word of one of the languages' dictionaries (all the bot's languages when none are given):
    the layout reader joins "migra-tion" because "migration" is one, and keeps "long-term"."""
    key = fold(word)
    return any(key in dictionary(lang) for lang in (langs or languages()))


COMMON_WORDS = 10_000  # a language's most frequent words: common words, not names


@cache
def common_words(lang: str) -> frozenset[str]:
    """A language's COMMON_WORDS most frequent words: a word outside them that the documents never
    use is likely a name ("Manila", "IMF"), not a paraphrase."""
    ranked = sorted(dictionary(lang).items(), key=lambda item: -item[1])
    return frozenset(word for word, _ in ranked[:COMMON_WORDS])


@cache
def common_stems(lang: str) -> frozenset[str]:
    """Snowball stems of a language's common words (five times COMMON_WORDS): an inflected form the
    lists lack ("reunió", "podría") is still a word of the language by its stem."""
    from index.language.vocabulary import stem_words

    ranked = sorted(dictionary(lang).items(), key=lambda item: -item[1])[: 5 * COMMON_WORDS]
    return frozenset(stem_words([word for word, _ in ranked], lang))
