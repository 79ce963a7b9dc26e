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
    assert (
        t("fr", "too_long", limit=1000) == "Votre message était long ; j'ai cherché avec ses 1000 premiers caractères."
    )
    assert t("xx", "sources") == "Sources"


def _string_constants() -> set[str]:
    """Every string literal in bot/ and handlers/ outside the table itself."""
    import ast

    from bot.config import PROJECT_ROOT

    found: set[str] = set()
    for layer in ("bot", "handlers"):
        for path in (PROJECT_ROOT / layer).rglob("*.py"):
            if "texts" not in path.parts:
                tree = ast.parse(path.read_text(encoding="utf-8"))
                found |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return found


def _dynamic_keys() -> set[str]:
    """Keys the code builds from a value: f"kind.{kind}", f"command.{name}", …"""
    from typing import get_args

    from bot.answering.gate import CHECKED_TYPES
    from bot.handoffs import REASONS
    from bot.reporting.invitations import RegistrationProblem
    from bot.reporting.reports import REPORT_KINDS, REVIEW_STATES, RefKind
    from bot.reporting.spreadsheet import HEADERS
    from handlers.report import FIELDS
    from handlers.start import COMMANDS, MAINTAINER_COMMANDS
    from index.language.vocabulary import vocabulary

    return (
        {f"kind.{kind}" for kind in REPORT_KINDS}
        | {f"ref.{kind.replace(' ', '_')}" for kind in get_args(RefKind)}
        | {f"register.{reason}" for reason in get_args(RegistrationProblem)}
        | {f"command.{name}" for name in COMMANDS + MAINTAINER_COMMANDS}
        | {f"report.field.{name}" for name in FIELDS}
        | {f"missing_{kind}" for kind in CHECKED_TYPES}
        | {f"feedback.reason.{reason}" for reason in REASONS}
        | set(vocabulary("en").small_talk)  # the kinds of small talk the language data knows
        | {f"in_language.{lang}" for lang in ("en", "es", "fr", "pt")}
        | {f"state.{state}" for state in REVIEW_STATES}
        | {f"xlsx.{name}" for name in HEADERS}
    )


def test_every_key_the_code_names_exists_and_every_key_is_used():
    constants, dynamic = _string_constants(), _dynamic_keys()
    families = {key.split(".")[0] for key in TEXTS if "." in key}
    named = {c for c in constants if re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", c) and c.split(".")[0] in families}
    assert named - set(TEXTS) == set(), "keys the code names that the table lacks"
    assert set(TEXTS) - constants - dynamic == set(), "keys nobody uses"
