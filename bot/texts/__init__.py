"""Every text a user sees, in the OAS's four official languages, behind one function: `t(lang, key)`.

One entry per key with its four translations side by side, so a translator (or a reviewer) sees
at once what a text says in each language; `tests/test_texts.py` checks that no key misses one.
The table is one dictionary, `TEXTS`, kept in a few files by audience so that none grows too long
to read: the answers here, `welcome` (/start, /help, the console), `commands` (everyone: menus,
browsing, errors), `feedback` (👎, hand-offs, inline mode), `reports` and `focal` (focal points), `maintainers`
and `export` (the annual report's labels). Quoted document text is never translated: it stays in
the documents' language and is labelled.

Some texts are Telegram HTML (`<b>`, `<i>`, `<code>`; marked in their table): whoever fills in
`{values}` escapes them first.
"""

from __future__ import annotations

from bot.texts import commands, export, feedback, focal, maintainers, reports, welcome

LANGUAGES = ("en", "es", "fr", "pt")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français", "pt": "Português"}

_ANSWERS: dict[str, dict[str, str]] = {
    "according": {
        "en": "According to the documents:",
        "es": "Según los documentos:",
        "fr": "Selon les documents :",
        "pt": "Segundo os documentos:",
    },
    "sources": {
        "en": "Sources",
        "es": "Fuentes",
        "fr": "Sources",
        "pt": "Fontes",
    },
    "not_found": {
        "en": "The documents do not cover this.",
        "es": "Los documentos no tratan este tema.",
        "fr": "Les documents ne traitent pas de cette question.",
        "pt": "Os documentos não tratam deste assunto.",
    },
    "not_found_help": {
        "en": "You can rephrase the question, browse /objectives or /activities, or see the list of documents with /sources.",
        "es": "Puede reformular la pregunta, consultar /objectives o /activities, o ver la lista de documentos con /sources.",
        "fr": "Vous pouvez reformuler la question, parcourir /objectives ou /activities, ou voir la liste des documents avec /sources.",
        "pt": "Pode reformular a pergunta, consultar /objectives ou /activities, ou ver a lista de documentos com /sources.",
    },
    "empty": {
        "en": "Please type a question, for example: What does the Program ask of the IACHR?",
        "es": "Escriba una pregunta, por ejemplo: ¿Qué le pide el Programa a la CIDH?",
        "fr": "Écrivez une question, par exemple : Que demande le Programme à la CIDH ?",
        "pt": "Escreva uma pergunta, por exemplo: O que o Programa pede à CIDH?",
    },
    "too_long": {
        "en": "Your message was long; I searched with its first {limit} characters.",
        "es": "Su mensaje era largo; busqué con sus primeros {limit} caracteres.",
        "fr": "Votre message était long ; j'ai cherché avec ses {limit} premiers caractères.",
        "pt": "A sua mensagem era longa; pesquisei com os primeiros {limit} caracteres.",
    },
    "quoted_en": {
        "en": "",
        "es": "(texto original en inglés)",
        "fr": "(texte original en anglais)",
        "pt": "(texto original em inglês)",
    },
    "activities_of": {
        "en": "Program activities for {actor}:",
        "es": "Actividades del Programa para {actor}:",
        "fr": "Activités du Programme pour {actor} :",
        "pt": "Atividades do Programa para {actor}:",
    },
}


def _merge(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        clash = merged.keys() & table.keys()
        if clash:
            raise ValueError(f"text keys defined twice: {sorted(clash)}")
        merged.update(table)
    return merged


TEXTS: dict[str, dict[str, str]] = _merge(
    _ANSWERS, welcome.TEXTS, commands.TEXTS, reports.TEXTS, focal.TEXTS, maintainers.TEXTS, export.TEXTS, feedback.TEXTS
)


def normalise_language(code: str | None) -> str:
    """A Telegram `language_code` ("pt-br", "fr") or a choice, as one of LANGUAGES."""
    base = (code or "").lower().replace("_", "-").split("-")[0]
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def t(lang: str | None, key: str, **values: object) -> str:
    """The text for `key` in `lang` (English for an unknown language), with `{values}` filled in."""
    entry = TEXTS[key]
    text = entry.get(normalise_language(lang)) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
