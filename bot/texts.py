"""What the assistant says around the documents' words, in English and Spanish."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "according": "According to the documents:",
        "sources": "Sources",
        "not_found": "The documents do not cover this.",
        "not_found_help": (
            "You can rephrase the question, browse /objectives or /activities, or see the list of "
            "documents with /sources."
        ),
        "empty": "Please type a question, for example: What does the Program ask of the IACHR?",
        "too_long": "Your message was long; I searched with its first {limit} characters.",
        "quoted_en": "",
        "activities_of": "Program activities for {actor}:",
    },
    "es": {
        "according": "Según los documentos:",
        "sources": "Fuentes",
        "not_found": "Los documentos no tratan este tema.",
        "not_found_help": (
            "Puede reformular la pregunta, consultar /objectives o /activities, o ver la lista de "
            "documentos con /sources."
        ),
        "empty": "Escriba una pregunta, por ejemplo: ¿Qué le pide el Programa a la CIDH?",
        "too_long": "Su mensaje era largo; busqué con sus primeros {limit} caracteres.",
        "quoted_en": "(texto original en inglés)",
        "activities_of": "Actividades del Programa para {actor}:",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    table = TEXTS.get(lang, TEXTS["en"])
    return table[key].format(**values) if values else table[key]
