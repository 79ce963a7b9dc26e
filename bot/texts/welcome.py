"""Texts that introduce the assistant: /start (a short welcome with examples), /help (how to ask
and every command), and the console chat's own banner and help.

The examples name no dates: a dated example looks stale a year later. Command examples that need
a date (/export, /deadline) get it filled in from today (`bot.texts.example_values`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # -- /start (HTML) --------------------------------------------------------------------------
    "start.welcome": {
        "en": "<b>Hello! I answer questions about the OAS Inter-American Program for the Promotion and Protection "
        "of the Human Rights of Migrants.</b>\n"
        "Ask in English, Spanish, French or Portuguese, for example:\n"
        "• What does the Program ask of the IACHR?\n"
        "• What does specific objective 8 say?\n"
        "• Which resolution created the CAM?\n"
        "Send /help to see how to ask and every command.",
        "es": "<b>¡Hola! Respondo preguntas sobre el Programa Interamericano para la Promoción y Protección de los "
        "Derechos Humanos de los Migrantes de la OEA.</b>\n"
        "Pregunte en español, inglés, francés o portugués, por ejemplo:\n"
        "• ¿Qué le pide el Programa a la CIDH?\n"
        "• ¿Qué dice el objetivo específico 8?\n"
        "• ¿Qué resolución creó la CAM?\n"
        "Envíe /help para ver cómo preguntar y todos los comandos.",
        "fr": "<b>Bonjour ! Je réponds aux questions sur le Programme interaméricain pour la promotion et la "
        "protection des droits de la personne des migrants de l'OEA.</b>\n"
        "Posez votre question en français, en anglais, en espagnol ou en portugais, par exemple :\n"
        "• Que demande le Programme à la CIDH ?\n"
        "• Que dit l'objectif spécifique 8 ?\n"
        "• Quelle résolution a créé la CAM ?\n"
        "Envoyez /help pour savoir comment poser une question et voir toutes les commandes.",
        "pt": "<b>Olá! Respondo perguntas sobre o Programa Interamericano para a Promoção e Proteção dos "
        "Direitos Humanos dos Migrantes da OEA.</b>\n"
        "Pergunte em português, inglês, espanhol ou francês, por exemplo:\n"
        "• O que o Programa pede à CIDH?\n"
        "• O que diz o objetivo específico 8?\n"
        "• Que resolução criou a CAM?\n"
        "Envie /help para ver como perguntar e todos os comandos.",
    },
    # -- /help (HTML; {bot} is the bot's @username) -----------------------------------------------
    "help.how": {
        "en": "<b>How to ask</b>\n"
        "Type your question in English, Spanish, French or Portuguese: I answer in the language you ask in. "
        "Name an activity or an objective by its number (activity 27, specific objective 8) or an actor "
        "(IACHR, CIM, IIN, PAHO, CAM) for an exact answer.\n"
        "Every answer quotes the documents in their own words, with numbered sources; 📄 shows a cited passage "
        "in full. When the documents do not say, I tell you so.\n"
        "👎 tells me what was wrong and lets you ask the OAS Secretariat: a person answers you here.\n"
        "In any chat, type <code>{bot} activity 27</code> or a question to post a passage there.",
        "es": "<b>Cómo preguntar</b>\n"
        "Escriba su pregunta en español, inglés, francés o portugués: respondo en el idioma en que pregunta. "
        "Nombre una actividad o un objetivo por su número (actividad 27, objetivo específico 8) o un actor "
        "(CIDH, CIM, IIN, OPS, CAM) para obtener una respuesta exacta.\n"
        "Cada respuesta cita los documentos con sus propias palabras y fuentes numeradas; 📄 muestra el pasaje "
        "citado completo. Si los documentos no lo dicen, se lo digo.\n"
        "👎 me dice qué estuvo mal y le permite preguntar a la Secretaría de la OEA: una persona le responde aquí.\n"
        "En cualquier chat, escriba <code>{bot} actividad 27</code> o una pregunta para publicar allí un pasaje.",
        "fr": "<b>Comment poser une question</b>\n"
        "Écrivez votre question en français, en anglais, en espagnol ou en portugais : je réponds dans la langue "
        "de la question. Désignez une activité ou un objectif par son numéro (activité 27, objectif spécifique 8) "
        "ou un acteur (CIDH, CIM, IIN, OPS, CAM) pour une réponse exacte.\n"
        "Chaque réponse cite les documents dans leurs propres termes, avec des sources numérotées ; 📄 affiche le "
        "passage cité en entier. Quand les documents ne le disent pas, je vous le dis.\n"
        "👎 m'indique ce qui n'allait pas et vous permet d'interroger le Secrétariat de l'OEA : une personne vous "
        "répond ici.\n"
        "Dans n'importe quelle conversation, tapez <code>{bot} activité 27</code> ou une question pour y publier "
        "un passage.",
        "pt": "<b>Como perguntar</b>\n"
        "Escreva sua pergunta em português, inglês, espanhol ou francês: respondo no idioma da pergunta. "
        "Indique uma atividade ou um objetivo pelo número (atividade 27, objetivo específico 8) ou um ator "
        "(CIDH, CIM, IIN, OPAS, CAM) para uma resposta exata.\n"
        "Cada resposta cita os documentos com as suas próprias palavras e fontes numeradas; 📄 mostra a passagem "
        "citada por inteiro. Quando os documentos não dizem, eu aviso.\n"
        "👎 me diz o que estava errado e permite perguntar à Secretaria da OEA: uma pessoa responde aqui.\n"
        "Em qualquer conversa, digite <code>{bot} atividade 27</code> ou uma pergunta para publicar ali uma "
        "passagem.",
    },
    "help.commands": {
        "en": "<b>Commands</b>",
        "es": "<b>Comandos</b>",
        "fr": "<b>Commandes</b>",
        "pt": "<b>Comandos</b>",
    },
    "help.maintainer_commands": {
        "en": "<b>Maintainers</b>",
        "es": "<b>Responsables</b>",
        "fr": "<b>Responsables</b>",
        "pt": "<b>Responsáveis</b>",
    },
    # -- the console chat (plain text) ----------------------------------------------------------
    "console.banner": {
        "en": "migrantsbot: ask about the Inter-American Program on the human rights of migrants. "
        "/help for commands, /quit to leave.",
        "es": "migrantsbot: pregunte sobre el Programa Interamericano sobre los derechos humanos de los migrantes. "
        "/help para los comandos, /quit para salir.",
        "fr": "migrantsbot : posez vos questions sur le Programme interaméricain relatif aux droits de la personne "
        "des migrants. /help pour les commandes, /quit pour quitter.",
        "pt": "migrantsbot: pergunte sobre o Programa Interamericano sobre os direitos humanos dos migrantes. "
        "/help para os comandos, /quit para sair.",
    },
    "console.help": {
        "en": "Ask any question about the Program, in English, Spanish, French or Portuguese. Commands:\n"
        "  /objectives          the Program's general and specific objectives\n"
        "  /activities [ACTOR]  the Program activities, for one actor (IACHR, CIM, IIN, PAHO, CAM, GS, MEMBER_STATES)\n"
        "  /activity N          one activity, 1-42\n"
        "  /sources             the documents the answers come from\n"
        "  /language [CODE]     the language of the chat: en, es, fr or pt\n"
        "  /help                this text\n"
        "  /quit                leave",
        "es": "Haga cualquier pregunta sobre el Programa, en español, inglés, francés o portugués. Comandos:\n"
        "  /objectives          los objetivos generales y específicos del Programa\n"
        "  /activities [ACTOR]  las actividades del Programa, de un actor (IACHR, CIM, IIN, PAHO, CAM, GS, MEMBER_STATES)\n"
        "  /activity N          una actividad, 1-42\n"
        "  /sources             los documentos de los que vienen las respuestas\n"
        "  /language [CÓDIGO]   el idioma del chat: en, es, fr o pt\n"
        "  /help                este texto\n"
        "  /quit                salir",
        "fr": "Posez toute question sur le Programme, en français, en anglais, en espagnol ou en portugais. "
        "Commandes :\n"
        "  /objectives          les objectifs généraux et spécifiques du Programme\n"
        "  /activities [ACTEUR] les activités du Programme, pour un acteur (IACHR, CIM, IIN, PAHO, CAM, GS, MEMBER_STATES)\n"
        "  /activity N          une activité, de 1 à 42\n"
        "  /sources             les documents d'où viennent les réponses\n"
        "  /language [CODE]     la langue de la conversation : en, es, fr ou pt\n"
        "  /help                ce texte\n"
        "  /quit                quitter",
        "pt": "Faça qualquer pergunta sobre o Programa, em português, inglês, espanhol ou francês. Comandos:\n"
        "  /objectives          os objetivos gerais e específicos do Programa\n"
        "  /activities [ATOR]   as atividades do Programa, de um ator (IACHR, CIM, IIN, PAHO, CAM, GS, MEMBER_STATES)\n"
        "  /activity N          uma atividade, de 1 a 42\n"
        "  /sources             os documentos de onde vêm as respostas\n"
        "  /language [CÓDIGO]   o idioma da conversa: en, es, fr ou pt\n"
        "  /help                este texto\n"
        "  /quit                sair",
    },
    "console.language": {
        "en": "Language: English. Other languages: /language es, /language fr, /language pt.",
        "es": "Idioma: español. Otros idiomas: /language en, /language fr, /language pt.",
        "fr": "Langue : français. Autres langues : /language en, /language es, /language pt.",
        "pt": "Idioma: português. Outros idiomas: /language en, /language es, /language fr.",
    },
    "console.telegram_only": {
        "en": "{command} is for focal points in Telegram: there your account says which actor you report for.",
        "es": "{command} es para los puntos focales en Telegram: allí su cuenta indica por qué actor informa.",
        "fr": "{command} est réservé aux points focaux dans Telegram : votre compte y indique pour quel acteur "
        "vous rendez compte.",
        "pt": "{command} é para os pontos focais no Telegram: lá a sua conta indica por qual ator você relata.",
    },
    "console.empty": {
        "en": "Type a question, or /help.",
        "es": "Escriba una pregunta, o /help.",
        "fr": "Écrivez une question, ou /help.",
        "pt": "Escreva uma pergunta, ou /help.",
    },
    "console.unknown_command": {
        "en": "Unknown command {command}.",
        "es": "Comando desconocido {command}.",
        "fr": "Commande inconnue {command}.",
        "pt": "Comando desconhecido {command}.",
    },
}
