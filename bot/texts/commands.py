"""Texts every user meets: the command menu, /language, browsing, questions, and what is said
when something goes wrong. /start, /help and the console chat are in `welcome`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # -- the command menu (setMyCommands, and the list in /help) ------------------------------
    "command.start": {
        "en": "What this assistant does",
        "es": "Qué hace este asistente",
        "fr": "Ce que fait cet assistant",
        "pt": "O que este assistente faz",
    },
    "command.help": {
        "en": "How to ask, and the commands",
        "es": "Cómo preguntar y los comandos",
        "fr": "Comment poser une question, et les commandes",
        "pt": "Como perguntar, e os comandos",
    },
    "command.objectives": {
        "en": "The Program's objectives",
        "es": "Los objetivos del Programa",
        "fr": "Les objectifs du Programme",
        "pt": "Os objetivos do Programa",
    },
    "command.activities": {
        "en": "Program activities by actor",
        "es": "Actividades del Programa por actor",
        "fr": "Activités du Programme par acteur",
        "pt": "Atividades do Programa por ator",
    },
    "command.activity": {
        "en": "One activity: /activity 27",
        "es": "Una actividad: /activity 27",
        "fr": "Une activité : /activity 27",
        "pt": "Uma atividade: /activity 27",
    },
    "command.sources": {
        "en": "The documents and their dates",
        "es": "Los documentos y sus fechas",
        "fr": "Les documents et leurs dates",
        "pt": "Os documentos e suas datas",
    },
    "command.language": {
        "en": "Language: English, Spanish, French or Portuguese",
        "es": "Idioma: inglés, español, francés o portugués",
        "fr": "Langue : anglais, espagnol, français ou portugais",
        "pt": "Idioma: inglês, espanhol, francês ou português",
    },
    "command.register": {
        "en": "Focal points: register with your code",
        "es": "Puntos focales: registrarse con su código",
        "fr": "Points focaux : s'inscrire avec votre code",
        "pt": "Pontos focais: registrar-se com seu código",
    },
    "command.report": {
        "en": "Focal points: file an activity report",
        "es": "Puntos focales: informar una actividad",
        "fr": "Points focaux : rendre compte d'une activité",
        "pt": "Pontos focais: relatar uma atividade",
    },
    "command.myreports": {
        "en": "Focal points: your reports and their state",
        "es": "Puntos focales: sus informes y su estado",
        "fr": "Points focaux : vos rapports et leur état",
        "pt": "Pontos focais: seus relatórios e o seu estado",
    },
    "command.cancel": {
        "en": "Cancel the report being written",
        "es": "Cancelar el informe en curso",
        "fr": "Annuler le rapport en cours",
        "pt": "Cancelar o relatório em curso",
    },
    "command.stats": {
        "en": "Usage: questions per day, unanswered",
        "es": "Uso: preguntas por día, sin respuesta",
        "fr": "Utilisation : questions par jour, sans réponse",
        "pt": "Uso: perguntas por dia, sem resposta",
    },
    "command.reindex": {
        "en": "Re-index changed documents",
        "es": "Reindexar documentos cambiados",
        "fr": "Réindexer les documents modifiés",
        "pt": "Reindexar os documentos alterados",
    },
    "command.remove": {
        "en": "Remove a document",
        "es": "Quitar un documento",
        "fr": "Retirer un document",
        "pt": "Remover um documento",
    },
    "command.invite": {
        "en": "Invite a focal point: /invite IACHR",
        "es": "Invitar a un punto focal: /invite IACHR",
        "fr": "Inviter un point focal : /invite IACHR",
        "pt": "Convidar um ponto focal: /invite IACHR",
    },
    "command.focalpoints": {
        "en": "Focal points, and revoke",
        "es": "Puntos focales, y revocar",
        "fr": "Points focaux, et révocation",
        "pt": "Pontos focais, e revogar",
    },
    "command.export": {
        "en": "Annual report draft: /export {year}",
        "es": "Borrador del informe anual: /export {year}",
        "fr": "Projet de rapport annuel : /export {year}",
        "pt": "Rascunho do relatório anual: /export {year}",
    },
    "command.deadline": {
        "en": "Report deadline: /deadline {deadline}",
        "es": "Plazo de informes: /deadline {deadline}",
        "fr": "Date limite des rapports : /deadline {deadline}",
        "pt": "Prazo dos relatórios: /deadline {deadline}",
    },
    # -- /language ------------------------------------------------------------------------------
    "language.prompt": {
        "en": "Choose your language / Elija su idioma / Choisissez votre langue / Escolha seu idioma:",
        "es": "Elija su idioma / Choose your language / Choisissez votre langue / Escolha seu idioma:",
        "fr": "Choisissez votre langue / Choose your language / Elija su idioma / Escolha seu idioma :",
        "pt": "Escolha seu idioma / Choose your language / Elija su idioma / Choisissez votre langue:",
    },
    "language.chosen": {
        "en": "Language: English",
        "es": "Idioma: español",
        "fr": "Langue : français",
        "pt": "Idioma: português",
    },
    # -- questions ------------------------------------------------------------------------------
    "ask.slow_down": {
        "en": "You are asking faster than I can keep up with: please wait a minute and ask again.",
        "es": "Está preguntando más rápido de lo que puedo responder: espere un minuto y vuelva a preguntar.",
        "fr": "Vous posez vos questions plus vite que je ne peux répondre : attendez une minute, puis reposez-la.",
        "pt": "Você está perguntando mais rápido do que consigo responder: espere um minuto e pergunte de novo.",
    },
    "ask.stale": {
        "en": "That answer is no longer available (the documents were updated). Please ask again.",
        "es": "Esa respuesta ya no está disponible (los documentos cambiaron). Vuelva a preguntar.",
        "fr": "Cette réponse n'est plus disponible (les documents ont été mis à jour). Posez à nouveau la question.",
        "pt": "Essa resposta não está mais disponível (os documentos foram atualizados). Pergunte de novo.",
    },
    "ask.thanks": {
        "en": "Thank you for the feedback!",
        "es": "¡Gracias por su opinión!",
        "fr": "Merci pour votre avis !",
        "pt": "Obrigado pela avaliação!",
    },
    "ask.not_yours": {
        "en": "Only the person who asked can rate this answer.",
        "es": "Solo quien hizo la pregunta puede valorar esta respuesta.",
        "fr": "Seule la personne qui a posé la question peut évaluer cette réponse.",
        "pt": "Só quem fez a pergunta pode avaliar esta resposta.",
    },
    "ask.closed": {
        "en": "This assistant is open to registered focal points and maintainers only. "
        "If you have an invitation code, send /register CODE.",
        "es": "Este asistente está abierto solo a puntos focales registrados y responsables. "
        "Si tiene un código de invitación, envíe /register CÓDIGO.",
        "fr": "Cet assistant est réservé aux points focaux inscrits et aux responsables. "
        "Si vous avez un code d'invitation, envoyez /register CODE.",
        "pt": "Este assistente está aberto apenas a pontos focais registrados e aos responsáveis. "
        "Se tiver um código de convite, envie /register CÓDIGO.",
    },
    # -- browsing: /objectives, /activities, /activity, /sources (plain text) -------------------
    "browse.general": {
        "en": "General objectives",
        "es": "Objetivos generales",
        "fr": "Objectifs généraux",
        "pt": "Objetivos gerais",
    },
    "browse.specific": {
        "en": "Specific objectives",
        "es": "Objetivos específicos",
        "fr": "Objectifs spécifiques",
        "pt": "Objetivos específicos",
    },
    "browse.sources": {
        "en": "Documents",
        "es": "Documentos",
        "fr": "Documents",
        "pt": "Documentos",
    },
    "browse.passages": {
        "en": "passages",
        "es": "pasajes",
        "fr": "passages",
        "pt": "passagens",
    },
    "browse.no_activity": {
        "en": "There is no activity {n}: the Program has activities 1 to {last}.",
        "es": "No existe la actividad {n}: el Programa tiene las actividades 1 a {last}.",
        "fr": "Il n'y a pas d'activité {n} : le Programme compte les activités 1 à {last}.",
        "pt": "Não existe a atividade {n}: o Programa tem as atividades 1 a {last}.",
    },
    "browse.unknown_actor": {
        "en": "I do not know the actor '{name}'. Choose one of: {choices}",
        "es": "No conozco el actor '{name}'. Elija uno de: {choices}",
        "fr": "Je ne connais pas l'acteur « {name} ». Choisissez parmi : {choices}",
        "pt": "Não conheço o ator '{name}'. Escolha um de: {choices}",
    },
    "browse.activities": {
        "en": "Program activities for {actor}",
        "es": "Actividades del Programa para {actor}",
        "fr": "Activités du Programme pour {actor}",
        "pt": "Atividades do Programa para {actor}",
    },
    "browse.pick_actor": {
        "en": "Choose an actor to see its Program activities:",
        "es": "Elija un actor para ver sus actividades del Programa:",
        "fr": "Choisissez un acteur pour voir ses activités du Programme :",
        "pt": "Escolha um ator para ver suas atividades do Programa:",
    },
    "browse.stale_actor": {
        "en": "This button is out of date; send /activities again.",
        "es": "Este botón ya no es válido; envíe /activities de nuevo.",
        "fr": "Ce bouton n'est plus valable ; envoyez à nouveau /activities.",
        "pt": "Este botão não é mais válido; envie /activities de novo.",
    },
    "browse.activity_usage": {
        "en": "Usage: /activity N, for example /activity 27",
        "es": "Uso: /activity N, por ejemplo /activity 27",
        "fr": "Utilisation : /activity N, par exemple /activity 27",
        "pt": "Uso: /activity N, por exemplo /activity 27",
    },
    # -- when something goes wrong ----------------------------------------------------------------
    "error.unknown_command": {
        "en": "I do not know that command. Send /help to see what I can do, or just type your question.",
        "es": "No conozco ese comando. Envíe /help para ver lo que puedo hacer, o escriba su pregunta.",
        "fr": "Je ne connais pas cette commande. Envoyez /help pour voir ce que je sais faire, "
        "ou écrivez simplement votre question.",
        "pt": "Não conheço esse comando. Envie /help para ver o que posso fazer, ou escreva sua pergunta.",
    },
    "error.not_text": {
        "en": "I can only read text messages. Please type your question.",
        "es": "Solo puedo leer mensajes de texto. Escriba su pregunta, por favor.",
        "fr": "Je ne peux lire que des messages texte. Écrivez votre question, s'il vous plaît.",
        "pt": "Só consigo ler mensagens de texto. Escreva sua pergunta, por favor.",
    },
    "error.sorry": {
        "en": "Sorry, something went wrong on my side. Please try again.",
        "es": "Lo siento, algo falló de mi lado. Vuelva a intentarlo, por favor.",
        "fr": "Désolé, un problème est survenu de mon côté. Réessayez, s'il vous plaît.",
        "pt": "Desculpe, algo falhou do meu lado. Tente novamente, por favor.",
    },
    "error.sorry_kept": {
        "en": "Sorry, something went wrong on my side while answering. Please try again; your question was not lost.",
        "es": "Lo siento, algo falló de mi lado al responder. Vuelva a intentarlo; su pregunta no se perdió.",
        "fr": "Désolé, un problème est survenu de mon côté pendant la réponse. Réessayez ; votre question "
        "n'est pas perdue.",
        "pt": "Desculpe, algo falhou do meu lado ao responder. Tente novamente; sua pergunta não foi perdida.",
    },
    "guard.private_only": {
        "en": "Please send me this in a private chat: tap my name, then “Send message”.",
        "es": "Envíeme esto en un chat privado, por favor: toque mi nombre y luego «Enviar mensaje».",
        "fr": "Envoyez-moi ceci dans une conversation privée : touchez mon nom, puis « Envoyer un message ».",
        "pt": "Envie-me isto num chat privado, por favor: toque no meu nome e depois em “Enviar mensagem”.",
    },
    "button.stale": {
        "en": "This button is out of date. Please send the command again.",
        "es": "Este botón ya no es válido. Envíe el comando de nuevo, por favor.",
        "fr": "Ce bouton n'est plus valable. Envoyez à nouveau la commande, s'il vous plaît.",
        "pt": "Este botão não é mais válido. Envie o comando novamente, por favor.",
    },
    "button.cancel": {
        "en": "✖ Cancel",
        "es": "✖ Cancelar",
        "fr": "✖ Annuler",
        "pt": "✖ Cancelar",
    },
    "button.cancelled": {
        "en": "Cancelled",
        "es": "Cancelado",
        "fr": "Annulé",
        "pt": "Cancelado",
    },
}
