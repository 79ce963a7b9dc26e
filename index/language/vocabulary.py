"""Each language's vocabulary, read from its data file (`<lang>.toml`), and its one stemmer.

The files have the same sections and keys in every language (tests/test_language_data.py checks);
this module turns them into phrase sets and tables, once per process. Adding a phrase, a month, an
actor's name or a whole language is an edit of the data files, never of code: a language is
supported when `<lang>.toml` exists beside this module (and Snowball has a stemmer for it).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import Stemmer

from index.language.tokens import PhraseSet, fold, words

DATA_DIR = Path(__file__).resolve().parent
LANGUAGES = ("en", "es", "fr", "pt")
ANSWER_TYPES = ("amount", "how_many", "countries", "when", "where", "why", "who")
ITEM_KINDS = {
    "specific_objective": "specific objective",
    "general_objective": "general objective",
    "activity": "activity",
    "objective": "objective",
}
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


@dataclass(frozen=True)
class ActorName:
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """What the bot knows of one language; every field comes from `<lang>.toml`."""

    lang: str
    name: str
    stemmer_name: str
    clitics: tuple[str, ...]  # "-t-il": pronouns joined to a verb, cut off before it is read
    markers: frozenset[str]
    letters: str
    stop_words: frozenset[str]  # question and function words of the data file: never search terms
    function_words: frozenset[str]  # … and the `stop-words` package's list: words a glossary may leave untranslated
    small_talk: dict[str, PhraseSet]
    fillers: frozenset[str]
    first_person: PhraseSet
    case_words: PhraseSet
    possessives: frozenset[str]
    relatives: frozenset[str]
    how_do_i: PhraseSet
    question_words: dict[str, PhraseSet]
    which_document: PhraseSet
    clause_openers: frozenset[str]
    opening_only: frozenset[str]
    cues: dict[str, PhraseSet]
    follow_leads: PhraseSet
    more: PhraseSet
    about: PhraseSet
    items: dict[str, PhraseSet]
    number_signs: frozenset[str]
    months: dict[str, int]
    numbers: dict[str, int]
    documents: dict[str, PhraseSet]
    answers: dict[str, PhraseSet]
    actors: dict[str, ActorName]

    def cue(self, name: str) -> PhraseSet:
        return self.cues[name]

    def stem(self, word: str) -> str:
        return stem_words([word], self.lang)[0]


def _list(value: object) -> list[str]:
    if isinstance(value, str):
        return value.split()
    return [str(item) for item in value or []]


def _word_set(value: object) -> frozenset[str]:
    return frozenset(fold(word) for word in _list(value))


def language_file(lang: str) -> dict:
    """A language's data file as read (English for a language without one). Sections other
    modules read on their own ([metadata] for index/metadata.py) come from here too; each reader
    keeps what it makes of it, so the file is read again only when a cache is cleared."""
    path = DATA_DIR / f"{lang}.toml"
    if not path.exists():
        path = DATA_DIR / "en.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def vocabulary(lang: str) -> Vocabulary:
    """The vocabulary of a language (English for a language without a data file)."""
    if not (DATA_DIR / f"{lang}.toml").exists():
        return vocabulary("en")
    data = language_file(lang)
    questions = data["question_words"]
    accented = _list(questions.get("accent_sensitive"))
    stop_words = _word_set(data["stop_words"]["words"])
    function_words = set(stop_words)
    package = data["language"].get("stop_words_package")
    if package:  # it holds content words too ("personnes", "estado"): only for words left untranslated
        from stop_words import get_stop_words

        function_words |= {fold(word) for word in get_stop_words(package)}
    answers = data["answers"]
    return Vocabulary(
        lang=lang,
        name=data["language"]["name"],
        stemmer_name=data["language"]["stemmer"],
        clitics=tuple(sorted(data["language"].get("clitics", []), key=len, reverse=True)),
        markers=_word_set(data["identify"]["markers"]),
        letters=data["identify"]["letters"],
        stop_words=stop_words,
        function_words=frozenset(function_words),
        small_talk={
            kind: PhraseSet(_list(data["small_talk"][kind])) for kind in ("greeting", "thanks", "bye", "identity")
        },
        fillers=_word_set(data["small_talk"]["fillers"]),
        first_person=PhraseSet(_list(data["personal"]["first_person"])),
        case_words=PhraseSet(_list(data["personal"]["case_words"])),
        possessives=_word_set(data["personal"]["possessives"]),
        relatives=_word_set(data["personal"]["relatives"]),
        how_do_i=PhraseSet(_list(data["personal"]["how_do_i"])),
        question_words={
            kind: PhraseSet(_list(questions[kind]), value=kind, accented=accented) for kind in ANSWER_TYPES
        },
        which_document=PhraseSet(_list(questions["which_document"])),
        clause_openers=_word_set(questions["clause_openers"]),
        opening_only=_word_set(questions["opening_only"]),
        cues={name: PhraseSet(_list(phrases)) for name, phrases in data["cues"].items()},
        follow_leads=PhraseSet(_list(data["follow_up"]["leads"])),
        more=PhraseSet(_list(data["follow_up"]["more"])),
        about=PhraseSet(_list(data["follow_up"]["about"])),
        items={ITEM_KINDS[key]: PhraseSet(_list(data["items"][key]), value=ITEM_KINDS[key]) for key in ITEM_KINDS}
        | {"resolution": PhraseSet(_list(data["items"]["resolution"]))},
        number_signs=frozenset(w for sign in _list(data["items"]["number_signs"]) for w in words(sign) or (sign,)),
        months={fold(name): MONTHS.index(month) + 1 for month in MONTHS for name in _list(data["months"][month])},
        numbers={fold(word): int(value) for word, value in data["numbers"].items()},
        documents={kind: PhraseSet(_list(phrases), value=kind) for kind, phrases in data["documents"].items()},
        answers={
            name: PhraseSet(_list(answers[name]))
            for name in (
                "reason",
                "organ",
                "person_titles",
                "money",
                "large_numbers",
                "count_words",
                "periods",
                "place_prepositions",
                "not_counts",
                "anaphora",
            )
        },
        actors={
            actor_id: ActorName(entry["name"], tuple(entry.get("aliases", ())))
            for actor_id, entry in data["actors"].items()
        },
    )


@cache
def languages() -> tuple[str, ...]:
    """The languages with a data file, English first."""
    found = sorted(path.stem for path in DATA_DIR.glob("*.toml") if len(path.stem) == 2)
    return tuple(sorted(found, key=lambda lang: (lang != "en", lang)))


@cache
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(vocabulary(lang).stemmer_name)


def stem_words(words_: list[str] | tuple[str, ...], lang: str) -> list[str]:
    """Snowball stems in a language, accent-folded (the one stemmer of the project, PyStemmer's C)."""
    return [fold(stem) for stem in _stemmer(lang).stemWords([word.lower() for word in words_])]


@cache
def all_stop_words() -> frozenset[str]:
    """Function and question words of every language: never a search term, in any of them."""
    return frozenset().union(*(vocabulary(lang).stop_words for lang in languages()))
