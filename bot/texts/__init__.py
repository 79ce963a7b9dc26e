"""Every text a user sees, in the OAS's four official languages, behind one function: `t(lang, key)`.

One entry per key with its four translations side by side, so a translator (or a reviewer) sees
at once what a text says in each language; `tests/test_texts.py` checks that no key misses one.
The table is one dictionary, `TEXTS`, kept in a few files by audience so that none grows too long
to read: the answers here, `welcome` (/start, /help, the console), `commands` (everyone: menus,
browsing, errors), `feedback` (👎, hand-offs, inline mode), `reports` and `focal` (focal points), `maintainers`,
`notices` (what the maintainers are told unasked), `export` (the annual report's labels),
`secretariat` (curated answers, the digest, /help's actions) and `review` (review of reports). Quoted document text is never translated: it stays in
the documents' language and is labelled.

Some texts are Telegram HTML (`<b>`, `<i>`, `<code>`; marked in their table): whoever fills in
`{values}` escapes them first.
"""

from __future__ import annotations

from bot.texts import commands, export, feedback, focal, maintainers, notices, reports, review, secretariat, welcome

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
    "other_language": {
        "en": "I answer questions in English, Spanish, French and Portuguese, the OAS's official languages. Please ask again in one of them.",
        "es": "Respondo preguntas en español, inglés, francés y portugués, los idiomas oficiales de la OEA. Vuelva a preguntar en uno de ellos.",
        "fr": "Je réponds aux questions en français, anglais, espagnol et portugais, les langues officielles de l'OEA. Veuillez reposer la question dans l'une d'elles.",
        "pt": "Respondo a perguntas em português, inglês, espanhol e francês, os idiomas oficiais da OEA. Pergunte novamente em um deles.",
    },
    "same_fact": {
        "en": "{older} says the same; {newer} is the more recent document.",
        "es": "{older} dice lo mismo; {newer} es el documento más reciente.",
        "fr": "{older} dit la même chose ; {newer} est le document le plus récent.",
        "pt": "{older} diz o mesmo; {newer} é o documento mais recente.",
    },
    "direct": {
        "en": "In short: {answer}",
        "es": "En resumen: {answer}",
        "fr": "En bref : {answer}",
        "pt": "Em resumo: {answer}",
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
    "quoted_in": {
        "en": "(original in {language})",
        "es": "(texto original en {language})",
        "fr": "(texte original en {language})",
        "pt": "(texto original em {language})",
    },
    "in_language.en": {"en": "English", "es": "inglés", "fr": "anglais", "pt": "inglês"},
    "in_language.es": {"en": "Spanish", "es": "español", "fr": "espagnol", "pt": "espanhol"},
    "in_language.fr": {"en": "French", "es": "francés", "fr": "français", "pt": "francês"},
    "in_language.pt": {"en": "Portuguese", "es": "portugués", "fr": "portugais", "pt": "português"},
    "quoted_en": {
        "en": "",
        "es": "(texto original en inglés)",
        "fr": "(texte original en anglais)",
        "pt": "(texto original em inglês)",
    },
    "greeting": {
        "en": "Hello! I answer questions about the OAS Inter-American Program on the human rights of migrants, quoting its documents with their sources. For example: What does the Program ask of the IACHR?",
        "es": "¡Hola! Respondo preguntas sobre el Programa Interamericano de la OEA sobre los derechos humanos de los migrantes, citando sus documentos con sus fuentes. Por ejemplo: ¿Qué le pide el Programa a la CIDH?",
        "fr": "Bonjour ! Je réponds aux questions sur le Programme interaméricain de l'OEA pour les droits humains des migrants, en citant ses documents et leurs sources. Par exemple : Que demande le Programme à la CIDH ?",
        "pt": "Olá! Respondo a perguntas sobre o Programa Interamericano da OEA sobre os direitos humanos dos migrantes, citando os seus documentos e as fontes. Por exemplo: O que o Programa pede à CIDH?",
    },
    "thanks": {
        "en": "You are welcome. Ask me anything else about the Program.",
        "es": "De nada. Pregúnteme lo que quiera sobre el Programa.",
        "fr": "Je vous en prie. Posez-moi toute autre question sur le Programme.",
        "pt": "De nada. Pergunte-me o que quiser sobre o Programa.",
    },
    "bye": {
        "en": "Goodbye! Come back with any question about the Program.",
        "es": "¡Hasta pronto! Vuelva con cualquier pregunta sobre el Programa.",
        "fr": "Au revoir ! Revenez avec toute question sur le Programme.",
        "pt": "Até logo! Volte com qualquer pergunta sobre o Programa.",
    },
    "identity": {
        "en": "I am migrantsbot, the assistant of the OAS Inter-American Program for the Promotion and Protection of the Human Rights of Migrants. I answer from the Program's documents, in their own words and with their sources, in English, Spanish, French or Portuguese. Try /objectives, /activities, or a question such as: Which resolution created the CAM?",
        "es": "Soy migrantsbot, el asistente del Programa Interamericano de la OEA para la Promoción y Protección de los Derechos Humanos de los Migrantes. Respondo con los documentos del Programa, en sus propias palabras y con sus fuentes, en español, inglés, francés o portugués. Pruebe /objectives, /activities o una pregunta como: ¿Qué resolución creó la CAM?",
        "fr": "Je suis migrantsbot, l'assistant du Programme interaméricain de l'OEA pour la promotion et la protection des droits humains des migrants. Je réponds à partir des documents du Programme, dans leurs propres termes et avec leurs sources, en français, anglais, espagnol ou portugais. Essayez /objectives, /activities ou une question comme : Quelle résolution a créé la CAM ?",
        "pt": "Sou o migrantsbot, o assistente do Programa Interamericano da OEA para a Promoção e Proteção dos Direitos Humanos dos Migrantes. Respondo com os documentos do Programa, nas suas próprias palavras e com as fontes, em português, inglês, espanhol ou francês. Experimente /objectives, /activities ou uma pergunta como: Que resolução criou a CAM?",
    },
    "referral": {
        "en": "I can only answer questions about the documents of the OAS Inter-American Program on the human rights of migrants; I cannot advise on a personal case. For asylum, visas, residence or a detained relative, please contact the migration or refugee authority of the country concerned, your country's consulate, or the UNHCR or IOM office in that country. Human rights violations can be brought to the Inter-American Commission on Human Rights (IACHR) through its petition system.",
        "es": "Solo puedo responder preguntas sobre los documentos del Programa Interamericano de la OEA sobre los derechos humanos de los migrantes; no puedo asesorar sobre un caso personal. Para asilo, visas, residencia o un familiar detenido, diríjase a la autoridad migratoria o de refugio del país correspondiente, al consulado de su país o a la oficina del ACNUR o de la OIM en ese país. Las violaciones de derechos humanos pueden presentarse a la Comisión Interamericana de Derechos Humanos (CIDH) mediante su sistema de peticiones.",
        "fr": "Je ne peux répondre qu'aux questions sur les documents du Programme interaméricain de l'OEA pour les droits humains des migrants ; je ne peux pas conseiller sur un cas personnel. Pour l'asile, les visas, le séjour ou un proche détenu, adressez-vous à l'autorité chargée des migrations ou des réfugiés du pays concerné, au consulat de votre pays, ou au bureau du HCR ou de l'OIM dans ce pays. Les violations des droits humains peuvent être portées devant la Commission interaméricaine des droits de l'homme (CIDH) par son système de pétitions.",
        "pt": "Só posso responder a perguntas sobre os documentos do Programa Interamericano da OEA sobre os direitos humanos dos migrantes; não posso aconselhar sobre um caso pessoal. Para asilo, vistos, residência ou um familiar detido, dirija-se à autoridade de migração ou de refúgio do país em causa, ao consulado do seu país ou ao escritório do ACNUR ou da OIM nesse país. As violações de direitos humanos podem ser levadas à Comissão Interamericana de Direitos Humanos (CIDH) através do seu sistema de petições.",
    },
    "partial": {
        "en": "The documents mention {mentioned} but do not say {missing}.",
        "es": "Los documentos mencionan {mentioned}, pero no dicen {missing}.",
        "fr": "Les documents mentionnent {mentioned}, mais ne précisent pas {missing}.",
        "pt": "Os documentos mencionam {mentioned}, mas não dizem {missing}.",
    },
    "missing_about": {
        "en": "anything about {names}",
        "es": "nada sobre {names}",
        "fr": "ce qu'il en est de {names}",
        "pt": "nada sobre {names}",
    },
    "missing_detail": {
        "en": "what you asked",
        "es": "lo que usted pregunta",
        "fr": "ce que vous demandez",
        "pt": "o que perguntou",
    },
    "missing_when": {"en": "when", "es": "cuándo", "fr": "quand", "pt": "quando"},
    "missing_how_many": {"en": "the figure", "es": "la cifra", "fr": "le chiffre", "pt": "o número"},
    "missing_amount": {"en": "the amount", "es": "el monto", "fr": "le montant", "pt": "o montante"},
    "missing_countries": {"en": "which countries", "es": "qué países", "fr": "quels pays", "pt": "quais países"},
    "more": {
        "en": "The passage around it:",
        "es": "El pasaje en que aparece:",
        "fr": "Le passage où elle figure :",
        "pt": "O trecho em que aparece:",
    },
    "general_objectives": {
        "en": "The Program's general objectives:",
        "es": "Objetivos generales del Programa:",
        "fr": "Objectifs généraux du Programme :",
        "pt": "Objetivos gerais do Programa:",
    },
    "specific_objectives": {
        "en": "The Program's specific objectives:",
        "es": "Objetivos específicos del Programa:",
        "fr": "Objectifs spécifiques du Programme :",
        "pt": "Objetivos específicos do Programa:",
    },
    "objectives_of": {
        "en": "Objectives of the {document}:",
        "es": "Objetivos de {document}:",
        "fr": "Objectifs de {document} :",
        "pt": "Objetivos de {document}:",
    },
    "all_objectives": {
        "en": "The Program's general and specific objectives:",
        "es": "Objetivos generales y específicos del Programa:",
        "fr": "Objectifs généraux et spécifiques du Programme :",
        "pt": "Objetivos gerais e específicos do Programa:",
    },
    "all_activities": {
        "en": "The activities the Program suggests, by actor:",
        "es": "Actividades que sugiere el Programa, por actor:",
        "fr": "Activités suggérées par le Programme, par acteur :",
        "pt": "Atividades sugeridas pelo Programa, por ator:",
    },
    "actors_list": {
        "en": "The Program's actors:",
        "es": "Actores del Programa:",
        "fr": "Acteurs du Programme :",
        "pt": "Atores do Programa:",
    },
    "role_of": {
        "en": "Role and Program activities of {actor}:",
        "es": "Función y actividades del Programa de {actor}:",
        "fr": "Rôle et activités du Programme pour {actor} :",
        "pt": "Papel e atividades do Programa para {actor}:",
    },
    "mandate_of": {  # the actor's name stands alone: names take different articles in every language
        "en": "What the Program asks of this actor — {actor}:",
        "es": "Lo que el Programa pide a este actor — {actor}:",
        "fr": "Ce que le Programme demande à cet acteur — {actor} :",
        "pt": "O que o Programa pede a este ator — {actor}:",
    },
    "summary_of": {
        "en": "{document}: how it opens, and its parts:",
        "es": "{document}: cómo empieza y sus partes:",
        "fr": "{document} : son début et ses parties :",
        "pt": "{document}: como começa e as suas partes:",
    },
    "page_label": {"en": "p. {page}", "es": "pág. {page}", "fr": "p. {page}", "pt": "p. {page}"},
    "page": {
        "en": "Page {page} of {pages}",
        "es": "Página {page} de {pages}",
        "fr": "Page {page} sur {pages}",
        "pt": "Página {page} de {pages}",
    },
    "label_activity": {"en": "activity {n}", "es": "actividad {n}", "fr": "activité {n}", "pt": "atividade {n}"},
    "label_general_objective": {
        "en": "general objective {n}",
        "es": "objetivo general {n}",
        "fr": "objectif général {n}",
        "pt": "objetivo geral {n}",
    },
    "label_specific_objective": {
        "en": "specific objective {n}",
        "es": "objetivo específico {n}",
        "fr": "objectif spécifique {n}",
        "pt": "objetivo específico {n}",
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
    _ANSWERS,
    welcome.TEXTS,
    commands.TEXTS,
    reports.TEXTS,
    focal.TEXTS,
    maintainers.TEXTS,
    export.TEXTS,
    feedback.TEXTS,
    notices.TEXTS,
    secretariat.TEXTS,
    review.TEXTS,
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
