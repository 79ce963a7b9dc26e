"""Texts of the way to a human and of inline mode: 👎 and its reasons, hand-offs to the OAS
Secretariat (what the user reads, and what the maintainers' chat reads), their lines in /stats,
and the hints of `@bot question` in any chat.

Button texts stay short (Telegram shows about 30 characters); the inline hint is a button too,
limited to 64 characters.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # -- 👎: why (plain text) ------------------------------------------------------------------
    "feedback.why": {
        "en": "Sorry this answer did not help. What was wrong?",
        "es": "Lamento que esta respuesta no le haya servido. ¿Qué estuvo mal?",
        "fr": "Désolé que cette réponse ne vous ait pas aidé. Qu'est-ce qui n'allait pas ?",
        "pt": "Lamento que esta resposta não tenha ajudado. O que estava errado?",
    },
    "feedback.reason.wrong_source": {
        "en": "Wrong source",
        "es": "Fuente equivocada",
        "fr": "Mauvaise source",
        "pt": "Fonte errada",
    },
    "feedback.reason.incomplete": {
        "en": "Incomplete",
        "es": "Incompleta",
        "fr": "Incomplète",
        "pt": "Incompleta",
    },
    "feedback.reason.not_asked": {
        "en": "Not what I asked",
        "es": "No es lo que pregunté",
        "fr": "Ce n'est pas ma question",
        "pt": "Não é o que perguntei",
    },
    "feedback.reason.other": {
        "en": "Something else",
        "es": "Otra cosa",
        "fr": "Autre chose",
        "pt": "Outra coisa",
    },
    "feedback.noted": {
        "en": "Noted: {reason}. If you need a person, the OAS Secretariat can answer you here.",
        "es": "Anotado: {reason}. Si necesita a una persona, la Secretaría de la OEA puede responderle aquí.",
        "fr": "C'est noté : {reason}. Si vous avez besoin d'une personne, le Secrétariat de l'OEA peut vous "
        "répondre ici.",
        "pt": "Anotado: {reason}. Se precisar de uma pessoa, a Secretaria da OEA pode responder aqui.",
    },
    "feedback.comment_prompt": {
        "en": "Anything to add? Reply to this message with a few words (optional).",
        "es": "¿Algo que añadir? Responda a este mensaje con unas palabras (opcional).",
        "fr": "Quelque chose à ajouter ? Répondez à ce message en quelques mots (facultatif).",
        "pt": "Algo a acrescentar? Responda a esta mensagem com algumas palavras (opcional).",
    },
    "feedback.comment_placeholder": {
        "en": "What was wrong? (optional)",
        "es": "¿Qué estuvo mal? (opcional)",
        "fr": "Qu'est-ce qui n'allait pas ? (facultatif)",
        "pt": "O que estava errado? (opcional)",
    },
    "feedback.comment_thanks": {
        "en": "Thank you, your words are noted.",
        "es": "Gracias, sus palabras quedan anotadas.",
        "fr": "Merci, c'est noté.",
        "pt": "Obrigado, as suas palavras ficam anotadas.",
    },
    "feedback.comment_forwarded": {
        "en": "Thank you: your words were added to request #{id} to the Secretariat.",
        "es": "Gracias: sus palabras se añadieron a la solicitud #{id} a la Secretaría.",
        "fr": "Merci : vos mots ont été ajoutés à la demande n° {id} adressée au Secrétariat.",
        "pt": "Obrigado: as suas palavras foram acrescentadas ao pedido #{id} à Secretaria.",
    },
    "feedback.button_handoff": {
        "en": "🙋 Ask the Secretariat",
        "es": "🙋 Preguntar a la Secretaría",
        "fr": "🙋 Demander au Secrétariat",
        "pt": "🙋 Perguntar à Secretaria",
    },
    # -- hand-offs: what the user reads (plain text, except the framed reply) -------------------
    "handoff.sent": {
        "en": "Sent to the OAS Secretariat as request #{id}: your question, the answer and what was wrong. "
        "Their reply will come here, in this chat.",
        "es": "Enviado a la Secretaría de la OEA como solicitud #{id}: su pregunta, la respuesta y lo que estuvo mal. "
        "La respuesta llegará aquí, en este chat.",
        "fr": "Transmis au Secrétariat de l'OEA (demande n° {id}) : votre question, la réponse et ce qui n'allait "
        "pas. Sa réponse arrivera ici, dans cette conversation.",
        "pt": "Enviado à Secretaria da OEA como pedido #{id}: a sua pergunta, a resposta e o que estava errado. "
        "A resposta chegará aqui, nesta conversa.",
    },
    "handoff.already": {
        "en": "Request #{id} is already with the Secretariat; their reply will come here.",
        "es": "La solicitud #{id} ya está en manos de la Secretaría; la respuesta llegará aquí.",
        "fr": "La demande n° {id} est déjà entre les mains du Secrétariat ; sa réponse arrivera ici.",
        "pt": "O pedido #{id} já está com a Secretaria; a resposta chegará aqui.",
    },
    "handoff.unavailable": {
        "en": "The Secretariat cannot be reached from the chat right now. Please try again later.",
        "es": "No es posible contactar a la Secretaría desde el chat en este momento. Vuelva a intentarlo más tarde.",
        "fr": "Le Secrétariat ne peut pas être joint depuis la conversation pour le moment. Réessayez plus tard.",
        "pt": "Não é possível contactar a Secretaria pelo chat neste momento. Tente novamente mais tarde.",
    },
    "handoff.reply_to_user": {  # HTML
        "en": "💬 <b>The OAS Secretariat answers your question</b> “{question}”:\n\n{reply}\n\n"
        "<i>To write back, reply to this message.</i>",
        "es": "💬 <b>La Secretaría de la OEA responde a su pregunta</b> “{question}”:\n\n{reply}\n\n"
        "<i>Para contestar, responda a este mensaje.</i>",
        "fr": "💬 <b>Le Secrétariat de l'OEA répond à votre question</b> « {question} » :\n\n{reply}\n\n"
        "<i>Pour lui écrire, répondez à ce message.</i>",
        "pt": "💬 <b>A Secretaria da OEA responde à sua pergunta</b> “{question}”:\n\n{reply}\n\n"
        "<i>Para responder, responda a esta mensagem.</i>",
    },
    "handoff.user_message_sent": {
        "en": "Sent to the Secretariat (request #{id}).",
        "es": "Enviado a la Secretaría (solicitud #{id}).",
        "fr": "Transmis au Secrétariat (demande n° {id}).",
        "pt": "Enviado à Secretaria (pedido #{id}).",
    },
    "handoff.text_only": {
        "en": "Only text can be passed on: please reply with text.",
        "es": "Solo se puede transmitir texto: responda con texto, por favor.",
        "fr": "Seul du texte peut être transmis : répondez par un texte, s'il vous plaît.",
        "pt": "Só é possível transmitir texto: responda com texto, por favor.",
    },
    # -- hand-offs: what the maintainers read (HTML) --------------------------------------------
    "handoff.to_maintainers": {
        "en": "🙋 <b>#handoff{id}</b>: a user asks the Secretariat for help\n\n<b>Question</b> ({language}): {question}\n\n"
        "<b>Answer they saw</b>:\n{answer}\n\n<b>What was wrong</b>: {reason}\n<b>Their words</b>: {comment}\n\n"
        "<i>Reply to this message: the bot passes your reply on to them, framed in their language.</i>",
        "es": "🙋 <b>#handoff{id}</b>: una persona pide ayuda a la Secretaría\n\n<b>Pregunta</b> ({language}): "
        "{question}\n\n<b>Respuesta que vio</b>:\n{answer}\n\n<b>Qué estuvo mal</b>: {reason}\n"
        "<b>Sus palabras</b>: {comment}\n\n"
        "<i>Responda a este mensaje: el bot le transmite su respuesta, enmarcada en su idioma.</i>",
        "fr": "🙋 <b>#handoff{id}</b> : une personne demande l'aide du Secrétariat\n\n<b>Question</b> ({language}) : "
        "{question}\n\n<b>Réponse qu'elle a vue</b> :\n{answer}\n\n<b>Ce qui n'allait pas</b> : {reason}\n"
        "<b>Ses mots</b> : {comment}\n\n"
        "<i>Répondez à ce message : le bot lui transmet votre réponse, présentée dans sa langue.</i>",
        "pt": "🙋 <b>#handoff{id}</b>: uma pessoa pede ajuda à Secretaria\n\n<b>Pergunta</b> ({language}): {question}\n\n"
        "<b>Resposta que viu</b>:\n{answer}\n\n<b>O que estava errado</b>: {reason}\n<b>Suas palavras</b>: "
        "{comment}\n\n<i>Responda a esta mensagem: o bot transmite a sua resposta, apresentada no idioma da pessoa.</i>",
    },
    "handoff.refused": {
        "en": "the bot found nothing in the documents",
        "es": "el bot no encontró nada en los documentos",
        "fr": "le bot n'a rien trouvé dans les documents",
        "pt": "o bot não encontrou nada nos documentos",
    },
    "handoff.follow_up": {
        "en": "💬 <b>#handoff{id}</b>: the user writes\n\n{text}\n\n<i>Reply to this message to answer them.</i>",
        "es": "💬 <b>#handoff{id}</b>: la persona escribe\n\n{text}\n\n<i>Responda a este mensaje para contestarle.</i>",
        "fr": "💬 <b>#handoff{id}</b> : la personne écrit\n\n{text}\n\n<i>Répondez à ce message pour lui répondre.</i>",
        "pt": "💬 <b>#handoff{id}</b>: a pessoa escreve\n\n{text}\n\n<i>Responda a esta mensagem para lhe responder.</i>",
    },
    "handoff.delivered": {
        "en": "✅ Passed on to the user (#handoff{id}).",
        "es": "✅ Transmitido a la persona (#handoff{id}).",
        "fr": "✅ Transmis à la personne (#handoff{id}).",
        "pt": "✅ Transmitido à pessoa (#handoff{id}).",
    },
    "handoff.closed": {
        "en": "#handoff{id} is closed: it was answered and quiet for a month, so the user's address is no longer "
        "kept. They can ask again at any time.",
        "es": "#handoff{id} está cerrado: fue respondido y no tuvo actividad durante un mes, así que ya no se "
        "guarda la dirección de la persona. Puede volver a preguntar cuando quiera.",
        "fr": "#handoff{id} est clos : il a reçu une réponse et n'a pas bougé pendant un mois, l'adresse de la "
        "personne n'est donc plus conservée. Elle peut redemander à tout moment.",
        "pt": "#handoff{id} está encerrado: foi respondido e ficou sem atividade por um mês, por isso o endereço "
        "da pessoa já não é guardado. Ela pode perguntar de novo quando quiser.",
    },
    "handoff.not_delivered": {
        "en": "Could not pass it on (#handoff{id}): the user may have blocked the bot. The request stays open.",
        "es": "No se pudo transmitir (#handoff{id}): quizá la persona bloqueó el bot. La solicitud sigue abierta.",
        "fr": "Impossible de le transmettre (#handoff{id}) : la personne a peut-être bloqué le bot. La demande "
        "reste ouverte.",
        "pt": "Não foi possível transmitir (#handoff{id}): a pessoa pode ter bloqueado o bot. O pedido continua aberto.",
    },
    # -- /stats --------------------------------------------------------------------------------------
    "stats.reasons": {
        "en": "Why 👎:",
        "es": "Por qué 👎:",
        "fr": "Pourquoi 👎 :",
        "pt": "Por que 👎:",
    },
    "stats.handoffs": {
        "en": "Hand-offs to the Secretariat: {open} open, {answered} answered in the period.",
        "es": "Solicitudes a la Secretaría: {open} abiertas, {answered} respondidas en el período.",
        "fr": "Demandes au Secrétariat : {open} ouvertes, {answered} avec réponse sur la période.",
        "pt": "Pedidos à Secretaria: {open} abertos, {answered} respondidos no período.",
    },
    "stats.open_handoff": {
        "en": "  #{id} since {date}: {question}",
        "es": "  #{id} desde el {date}: {question}",
        "fr": "  n° {id} depuis le {date} : {question}",
        "pt": "  #{id} desde {date}: {question}",
    },
    # -- inline mode: @bot question in any chat ---------------------------------------------------
    "inline.hint": {
        "en": "Type a question, or e.g. activity 27",
        "es": "Escriba una pregunta, o p. ej. actividad 27",
        "fr": "Tapez une question, ou par ex. activité 27",
        "pt": "Digite uma pergunta, ou p. ex. atividade 27",
    },
    "inline.not_found": {
        "en": "Not in the documents: ask in the chat",
        "es": "No está en los documentos: pregunte en el chat",
        "fr": "Pas dans les documents : posez-la dans le chat",
        "pt": "Não está nos documentos: pergunte no chat",
    },
    "inline.closed": {
        "en": "For registered users only: open the chat",
        "es": "Solo para usuarios registrados: abra el chat",
        "fr": "Réservé aux utilisateurs inscrits : ouvrez le chat",
        "pt": "Só para usuários registrados: abra o chat",
    },
    "inline.answer": {
        "en": "The answer, with its sources",
        "es": "La respuesta, con sus fuentes",
        "fr": "La réponse, avec ses sources",
        "pt": "A resposta, com as fontes",
    },
}
