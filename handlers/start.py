"""/start, /help and /language: what the assistant can do, in the user's language."""

from __future__ import annotations

from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from handlers.common import Context, is_maintainer, reply_html, user_lang

WELCOME = {
    "en": (
        "<b>Hello! I answer questions about the OAS Inter-American Program for the Promotion and Protection "
        "of the Human Rights of Migrants.</b>\n"
        "Ask in English or Spanish, for example:\n"
        "• What does the Program ask of the IACHR?\n"
        "• What does specific objective 8 say?\n"
        "• Which resolution created the CAM?\n"
        "Every answer quotes the documents and names its source; when the documents do not say, I tell you so."
    ),
    "es": (
        "<b>¡Hola! Respondo preguntas sobre el Programa Interamericano para la Promoción y Protección de los "
        "Derechos Humanos de los Migrantes de la OEA.</b>\n"
        "Pregunte en español o en inglés, por ejemplo:\n"
        "• ¿Qué le pide el Programa a la CIDH?\n"
        "• ¿Qué dice el objetivo específico 8?\n"
        "• ¿Qué resolución creó la CAM?\n"
        "Cada respuesta cita los documentos y su fuente; si los documentos no lo dicen, se lo digo."
    ),
}

COMMANDS = {
    "en": [
        ("start", "What this assistant does"),
        ("help", "How to ask, and the commands"),
        ("objectives", "The Program's objectives"),
        ("activities", "Program activities by actor"),
        ("activity", "One activity: /activity 27"),
        ("sources", "The documents and their dates"),
        ("language", "English or Spanish"),
        ("register", "Focal points: register with your code"),
        ("report", "Focal points: file an activity report"),
        ("myreports", "Focal points: your reports"),
        ("cancel", "Cancel the report being written"),
    ],
    "es": [
        ("start", "Qué hace este asistente"),
        ("help", "Cómo preguntar y los comandos"),
        ("objectives", "Los objetivos del Programa"),
        ("activities", "Actividades del Programa por actor"),
        ("activity", "Una actividad: /activity 27"),
        ("sources", "Los documentos y sus fechas"),
        ("language", "Inglés o español"),
        ("register", "Puntos focales: registrarse con su código"),
        ("report", "Puntos focales: informar una actividad"),
        ("myreports", "Puntos focales: sus informes"),
        ("cancel", "Cancelar el informe en curso"),
    ],
}
MAINTAINER_COMMANDS = {
    "en": [
        ("stats", "Usage: questions per day, unanswered"),
        ("reindex", "Re-index changed documents"),
        ("remove", "Remove a document"),
        ("invite", "Invite a focal point: /invite IACHR"),
        ("focalpoints", "Focal points, and revoke"),
        ("export", "Annual report draft: /export 2025"),
        ("deadline", "Report deadline: /deadline 2026-03-31"),
    ],
    "es": [
        ("stats", "Uso: preguntas por día, sin respuesta"),
        ("reindex", "Reindexar documentos cambiados"),
        ("remove", "Quitar un documento"),
        ("invite", "Invitar a un punto focal: /invite IACHR"),
        ("focalpoints", "Puntos focales, y revocar"),
        ("export", "Borrador del informe anual: /export 2025"),
        ("deadline", "Plazo de informes: /deadline 2026-03-31"),
    ],
}


def help_text(lang: str, maintainer: bool) -> str:
    commands = COMMANDS[lang] + (MAINTAINER_COMMANDS[lang] if maintainer else [])
    lines = [WELCOME[lang], ""]
    lines += [f"/{escape(name)} — {escape(description)}" for name, description in commands]
    return "\n".join(lines)


async def start(update: Update, context: Context) -> None:
    await reply_html(update, help_text(user_lang(update, context), is_maintainer(update, context)))


async def language(update: Update, context: Context) -> None:
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("English", callback_data="lang:en"),
                InlineKeyboardButton("Español", callback_data="lang:es"),
            ]
        ]
    )
    prompt = "Choose your language / Elija su idioma:"
    await reply_html(update, prompt, reply_markup=keyboard)


async def language_chosen(update: Update, context: Context) -> None:
    query = update.callback_query
    choice = (query.data or "").partition(":")[2]
    if choice not in WELCOME:
        await query.answer("?")
        return
    context.user_data["lang"] = choice
    await query.answer()
    await query.edit_message_text("Language: English" if choice == "en" else "Idioma: español")


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler(["start", "help"], start),
        CommandHandler("language", language),
        CallbackQueryHandler(language_chosen, pattern=r"^lang:"),
    ]
