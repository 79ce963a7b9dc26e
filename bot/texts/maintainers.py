"""Texts of the maintainers: documents from the chat, /reindex, /remove, /stats, /invite,
/focalpoints, /export and /deadline.

Texts sent as HTML say so in their comment; values put into them are escaped by the handler.
Reasons that come from the index layer (a corrupt PDF, the re-index plan) stay in English.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # -- role guard -------------------------------------------------------------------------------
    "guard.maintainers_only": {
        "en": "Only the assistant's maintainers can do this. If you have a document that should be in the "
        "collection, please send it to the OAS Secretariat.",
        "es": "Solo los responsables del asistente pueden hacerlo. Si tiene un documento que debería estar en la "
        "colección, envíelo a la Secretaría de la OEA.",
        "fr": "Seuls les responsables de l'assistant peuvent le faire. Si vous avez un document qui devrait figurer "
        "dans la collection, envoyez-le au Secrétariat de l'OEA.",
        "pt": "Só os responsáveis pelo assistente podem fazer isso. Se você tem um documento que deveria estar na "
        "coleção, envie-o à Secretaria da OEA.",
    },
    # -- /stats (plain text) ----------------------------------------------------------------------
    "stats.none": {
        "en": "No questions yet.",
        "es": "Aún no hay preguntas.",
        "fr": "Aucune question pour l'instant.",
        "pt": "Ainda não há perguntas.",
    },
    "stats.summary": {
        "en": "Questions: {total}, answered {share}. Feedback: 👍 {up} / 👎 {down}",
        "es": "Preguntas: {total}, respondidas {share}. Opiniones: 👍 {up} / 👎 {down}",
        "fr": "Questions : {total}, avec réponse {share}. Avis : 👍 {up} / 👎 {down}",
        "pt": "Perguntas: {total}, respondidas {share}. Avaliações: 👍 {up} / 👎 {down}",
    },
    "stats.conversation": {
        "en": "Besides: {n} greetings, thanks and personal cases referred elsewhere (not counted as questions).",
        "es": "Además: {n} saludos, agradecimientos y casos personales remitidos a otras instancias (no cuentan como preguntas).",
        "fr": "En outre : {n} salutations, remerciements et cas personnels orientés ailleurs (non comptés comme questions).",
        "pt": "Além disso: {n} saudações, agradecimentos e casos pessoais encaminhados (não contados como perguntas).",
    },
    "stats.console": {
        "en": "Of these, {n} were asked in the console chat (migrantsbot chat).",
        "es": "De ellas, {n} se hicieron en el chat de consola (migrantsbot chat).",
        "fr": "Parmi elles, {n} ont été posées dans le chat en console (migrantsbot chat).",
        "pt": "Destas, {n} foram feitas no chat de console (migrantsbot chat).",
    },
    "stats.per_day": {
        "en": "Per day:",
        "es": "Por día:",
        "fr": "Par jour :",
        "pt": "Por dia:",
    },
    "stats.day": {
        "en": "  {day}: {asked} asked, {answered} answered",
        "es": "  {day}: {asked} preguntadas, {answered} respondidas",
        "fr": "  {day} : {asked} posées, {answered} avec réponse",
        "pt": "  {day}: {asked} feitas, {answered} respondidas",
    },
    "stats.most_asked": {
        "en": "Most asked:",
        "es": "Más preguntadas:",
        "fr": "Les plus posées :",
        "pt": "Mais feitas:",
    },
    "stats.unanswered": {
        "en": "Unanswered (documents may be missing):",
        "es": "Sin respuesta (quizá faltan documentos):",
        "fr": "Sans réponse (des documents manquent peut-être) :",
        "pt": "Sem resposta (talvez faltem documentos):",
    },
    # -- documents from the chat --------------------------------------------------------------------
    "doc.unsupported": {
        "en": "{name}: unsupported file type. Send PDF, DOCX, TXT or Markdown.",
        "es": "{name}: tipo de archivo no admitido. Envíe PDF, DOCX, TXT o Markdown.",
        "fr": "{name} : type de fichier non pris en charge. Envoyez un PDF, DOCX, TXT ou Markdown.",
        "pt": "{name}: tipo de arquivo não suportado. Envie PDF, DOCX, TXT ou Markdown.",
    },
    "doc.too_large": {
        "en": "{name} is {size} MB; the limit is {limit} MB.",
        "es": "{name} pesa {size} MB; el límite es {limit} MB.",
        "fr": "{name} fait {size} Mo ; la limite est de {limit} Mo.",
        "pt": "{name} tem {size} MB; o limite é {limit} MB.",
    },
    "doc.download_failed": {
        "en": "I could not download {name} ({error}). Please send it again.",
        "es": "No pude descargar {name} ({error}). Envíelo de nuevo.",
        "fr": "Je n'ai pas pu télécharger {name} ({error}). Renvoyez-le, s'il vous plaît.",
        "pt": "Não consegui baixar {name} ({error}). Envie-o novamente.",
    },
    "doc.not_added": {
        "en": "Not added: {error}",
        "es": "No se añadió: {error}",
        "fr": "Non ajouté : {error}",
        "pt": "Não adicionado: {error}",
    },
    "doc.bad_date": {
        "en": "{name}: “{value}” is not a date. Write it as YYYY-MM-DD, for example date: 2020-05-01.",
        "es": "{name}: «{value}» no es una fecha. Escríbala como AAAA-MM-DD, por ejemplo date: 2020-05-01.",
        "fr": "{name} : « {value} » n'est pas une date. Écrivez-la AAAA-MM-JJ, par exemple date: 2020-05-01.",
        "pt": "{name}: “{value}” não é uma data. Escreva-a como AAAA-MM-DD, por exemplo date: 2020-05-01.",
    },
    "doc.bad_field": {
        "en": "{name}: the {field} given is not valid ({problem}).",
        "es": "{name}: el valor de {field} no es válido ({problem}).",
        "fr": "{name} : la valeur de {field} n'est pas valable ({problem}).",
        "pt": "{name}: o valor de {field} não é válido ({problem}).",
    },
    "doc.summary": {  # HTML
        "en": "<b>{name}</b>: {characters} characters of text.\n"
        "Title: {title}\nShort name: {short}\nDate: {date}\nKind: {kind}\nSymbols: {symbols}\nFile: {file}\n\n"
        "To correct, send the file again with a caption such as "
        "<code>title: …; date: 2020-05-01; kind: resolution</code>.",
        "es": "<b>{name}</b>: {characters} caracteres de texto.\n"
        "Título: {title}\nNombre corto: {short}\nFecha: {date}\nTipo: {kind}\nSímbolos: {symbols}\n"
        "Archivo: {file}\n\n"
        "Para corregir, envíe el archivo otra vez con una leyenda como "
        "<code>title: …; date: 2020-05-01; kind: resolution</code>.",
        "fr": "<b>{name}</b> : {characters} caractères de texte.\n"
        "Titre : {title}\nNom court : {short}\nDate : {date}\nType : {kind}\nCotes : {symbols}\n"
        "Fichier : {file}\n\n"
        "Pour corriger, renvoyez le fichier avec une légende telle que "
        "<code>title: …; date: 2020-05-01; kind: resolution</code>.",
        "pt": "<b>{name}</b>: {characters} caracteres de texto.\n"
        "Título: {title}\nNome curto: {short}\nData: {date}\nTipo: {kind}\nSímbolos: {symbols}\n"
        "Arquivo: {file}\n\n"
        "Para corrigir, envie o arquivo de novo com uma legenda como "
        "<code>title: …; date: 2020-05-01; kind: resolution</code>.",
    },
    "doc.kind_unsure": {
        "en": "{kind} (the title does not say; if it is one of {kinds}, send the file again with the caption <code>kind: …</code>)",
        "es": "{kind} (el título no lo dice; si es uno de {kinds}, envíe el archivo otra vez con la leyenda <code>kind: …</code>)",
        "fr": "{kind} (le titre ne le dit pas ; si c'est l'un de {kinds}, renvoyez le fichier avec la légende <code>kind: …</code>)",
        "pt": "{kind} (o título não o diz; se for um de {kinds}, envie o arquivo de novo com a legenda <code>kind: …</code>)",
    },
    "doc.date_not_found": {
        "en": "not found",
        "es": "no encontrada",
        "fr": "introuvable",
        "pt": "não encontrada",
    },
    "doc.no_symbols": {
        "en": "none found",
        "es": "no se encontró ninguno",
        "fr": "aucune trouvée",
        "pt": "nenhum encontrado",
    },
    "doc.no_date": {
        "en": "no date",
        "es": "sin fecha",
        "fr": "sans date",
        "pt": "sem data",
    },
    "doc.button_add": {
        "en": "✅ Add",
        "es": "✅ Añadir",
        "fr": "✅ Ajouter",
        "pt": "✅ Adicionar",
    },
    "doc.nothing_pending": {
        "en": "Nothing to add: send the document again.",
        "es": "Nada que añadir: envíe el documento de nuevo.",
        "fr": "Rien à ajouter : renvoyez le document.",
        "pt": "Nada a adicionar: envie o documento novamente.",
    },
    "doc.cancelled": {
        "en": "Cancelled: nothing was added.",
        "es": "Cancelado: no se añadió nada.",
        "fr": "Annulé : rien n'a été ajouté.",
        "pt": "Cancelado: nada foi adicionado.",
    },
    "doc.adding": {
        "en": "Adding…",
        "es": "Añadiendo…",
        "fr": "Ajout en cours…",
        "pt": "Adicionando…",
    },
    "doc.added": {
        "en": "Added {short} ({date}): {chunks} passages in {sections} sections. "
        "It is searchable now; {total} passages in all.",
        "es": "Añadido {short} ({date}): {chunks} pasajes en {sections} secciones. "
        "Ya se puede buscar; {total} pasajes en total.",
        "fr": "Ajouté : {short} ({date}), {chunks} passages en {sections} sections. "
        "Il est consultable dès maintenant ; {total} passages au total.",
        "pt": "Adicionado {short} ({date}): {chunks} passagens em {sections} seções. "
        "Já pode ser pesquisado; {total} passagens no total.",
    },
    # -- /reindex -------------------------------------------------------------------------------------
    "reindex.up_to_date": {
        "en": "The index is up to date: nothing to do.",
        "es": "El índice está al día: no hay nada que hacer.",
        "fr": "L'index est à jour : rien à faire.",
        "pt": "O índice está atualizado: nada a fazer.",
    },
    "reindex.plan": {  # HTML
        "en": "<b>Re-index will do:</b>\n{plan}",
        "es": "<b>La reindexación hará:</b>\n{plan}",
        "fr": "<b>La réindexation fera :</b>\n{plan}",
        "pt": "<b>A reindexação fará:</b>\n{plan}",
    },
    "reindex.button_run": {
        "en": "▶ Re-index",
        "es": "▶ Reindexar",
        "fr": "▶ Réindexer",
        "pt": "▶ Reindexar",
    },
    "reindex.cancelled": {
        "en": "Cancelled: the index is unchanged.",
        "es": "Cancelado: el índice no cambió.",
        "fr": "Annulé : l'index n'a pas changé.",
        "pt": "Cancelado: o índice não mudou.",
    },
    "reindex.running": {
        "en": "Re-indexing…",
        "es": "Reindexando…",
        "fr": "Réindexation…",
        "pt": "Reindexando…",
    },
    "reindex.done": {
        "en": "Done in {seconds} s: embedded {embedded} passages, reused {reused}; {total} passages now serve.",
        "es": "Hecho en {seconds} s: {embedded} pasajes vectorizados, {reused} reutilizados; "
        "ahora se sirven {total} pasajes.",
        "fr": "Terminé en {seconds} s : {embedded} passages vectorisés, {reused} réutilisés ; "
        "{total} passages sont désormais servis.",
        "pt": "Concluído em {seconds} s: {embedded} passagens vetorizadas, {reused} reutilizadas; "
        "{total} passagens em uso agora.",
    },
    # -- /remove ----------------------------------------------------------------------------------------
    "remove.which": {
        "en": "Which document should be removed?",
        "es": "¿Qué documento se debe quitar?",
        "fr": "Quel document faut-il retirer ?",
        "pt": "Que documento deve ser removido?",
    },
    "remove.gone": {
        "en": "That document is no longer in the corpus.",
        "es": "Ese documento ya no está en el corpus.",
        "fr": "Ce document ne fait plus partie du corpus.",
        "pt": "Esse documento não está mais no corpus.",
    },
    "remove.confirm": {  # HTML
        "en": "Remove <b>{short}</b> ({file}) from the corpus and the index?",
        "es": "¿Quitar <b>{short}</b> ({file}) del corpus y del índice?",
        "fr": "Retirer <b>{short}</b> ({file}) du corpus et de l'index ?",
        "pt": "Remover <b>{short}</b> ({file}) do corpus e do índice?",
    },
    "remove.button_yes": {
        "en": "Yes, remove it",
        "es": "Sí, quitarlo",
        "fr": "Oui, le retirer",
        "pt": "Sim, removê-lo",
    },
    "remove.button_keep": {
        "en": "Keep it",
        "es": "Conservarlo",
        "fr": "Le garder",
        "pt": "Mantê-lo",
    },
    "remove.removing": {
        "en": "Removing…",
        "es": "Quitando…",
        "fr": "Retrait en cours…",
        "pt": "Removendo…",
    },
    "remove.done": {
        "en": "Removed {short}; {total} passages now serve.",
        "es": "Se quitó {short}; ahora se sirven {total} pasajes.",
        "fr": "{short} retiré ; {total} passages sont désormais servis.",
        "pt": "{short} removido; {total} passagens em uso agora.",
    },
    "remove.kept_short": {
        "en": "Kept",
        "es": "Conservado",
        "fr": "Conservé",
        "pt": "Mantido",
    },
    "remove.kept": {
        "en": "Nothing was removed.",
        "es": "No se quitó nada.",
        "fr": "Rien n'a été retiré.",
        "pt": "Nada foi removido.",
    },
    # -- /invite, /focalpoints ------------------------------------------------------------------------
    "invite.usage": {  # HTML
        "en": "Usage: <code>/invite ACTOR</code>, e.g. <code>/invite IACHR</code> or <code>/invite MX</code>.",
        "es": "Uso: <code>/invite ACTOR</code>, p. ej. <code>/invite IACHR</code> o <code>/invite MX</code>.",
        "fr": "Utilisation : <code>/invite ACTEUR</code>, par ex. <code>/invite IACHR</code> ou "
        "<code>/invite MX</code>.",
        "pt": "Uso: <code>/invite ATOR</code>, p. ex. <code>/invite IACHR</code> ou <code>/invite MX</code>.",
    },
    "invite.unknown_actor": {
        "en": "I do not know the actor '{actor}'.{close} Send /invite alone to see every actor and its id.",
        "es": "No conozco el actor '{actor}'.{close} Envíe /invite solo para ver todos los actores y sus códigos.",
        "fr": "Je ne connais pas l'acteur « {actor} ».{close} Envoyez /invite seul pour voir tous les acteurs "
        "et leur code.",
        "pt": "Não conheço o ator '{actor}'.{close} Envie /invite sozinho para ver todos os atores e seus códigos.",
    },
    "invite.unknown_actor_cli": {
        "en": "Unknown actor '{actor}': `migrantsbot actors list` shows the ids.",
        "es": "Actor desconocido '{actor}': `migrantsbot actors list` muestra los códigos.",
        "fr": "Acteur inconnu « {actor} » : `migrantsbot actors list` affiche les codes.",
        "pt": "Ator desconhecido '{actor}': `migrantsbot actors list` mostra os códigos.",
    },
    "invite.did_you_mean": {
        "en": " Did you mean {choices}?",
        "es": " ¿Quiso decir {choices}?",
        "fr": " Vouliez-vous dire {choices} ?",
        "pt": " Quis dizer {choices}?",
    },
    "invite.actors": {
        "en": "The actors, by id:",
        "es": "Los actores, por código:",
        "fr": "Les acteurs, par code :",
        "pt": "Os atores, por código:",
    },
    "invite.created": {  # HTML
        "en": "Invitation for the focal point of <b>{actor}</b>, single use, valid {days} days. "
        "Forward this line to them:\n<code>/register {code}</code>",
        "es": "Invitación para el punto focal de <b>{actor}</b>, de un solo uso, válida {days} días. "
        "Reenvíele esta línea:\n<code>/register {code}</code>",
        "fr": "Invitation pour le point focal de <b>{actor}</b>, à usage unique, valable {days} jours. "
        "Transmettez-lui cette ligne :\n<code>/register {code}</code>",
        "pt": "Convite para o ponto focal de <b>{actor}</b>, de uso único, válido por {days} dias. "
        "Encaminhe esta linha:\n<code>/register {code}</code>",
    },
    "invite.sent_privately": {
        "en": "I sent you the invitation code in a private chat: codes are never shown in a group.",
        "es": "Le envié el código de invitación en un chat privado: los códigos nunca se muestran en un grupo.",
        "fr": "Je vous ai envoyé le code d'invitation en conversation privée : les codes ne sont jamais affichés dans un groupe.",
        "pt": "Enviei o código de convite num chat privado: os códigos nunca são mostrados num grupo.",
    },
    "invite.start_private_chat": {
        "en": "I cannot write to you privately yet, and codes are never shown in a group. "
        "Open a private chat with me, send /start, then send /invite again.",
        "es": "Aún no puedo escribirle en privado, y los códigos nunca se muestran en un grupo. "
        "Abra un chat privado conmigo, envíe /start y luego /invite de nuevo.",
        "fr": "Je ne peux pas encore vous écrire en privé, et les codes ne sont jamais affichés dans un groupe. "
        "Ouvrez une conversation privée avec moi, envoyez /start, puis à nouveau /invite.",
        "pt": "Ainda não posso escrever-lhe em privado, e os códigos nunca são mostrados num grupo. "
        "Abra um chat privado comigo, envie /start e depois /invite novamente.",
    },
    "focalpoints.none": {
        "en": "No focal points yet. Create an invitation with /invite ACTOR.",
        "es": "Aún no hay puntos focales. Cree una invitación con /invite ACTOR.",
        "fr": "Aucun point focal pour l'instant. Créez une invitation avec /invite ACTEUR.",
        "pt": "Ainda não há pontos focais. Crie um convite com /invite ATOR.",
    },
    "focalpoints.title": {  # HTML
        "en": "<b>Focal points</b>",
        "es": "<b>Puntos focales</b>",
        "fr": "<b>Points focaux</b>",
        "pt": "<b>Pontos focais</b>",
    },
    "focalpoints.line": {
        "en": "{actor}: {name} (since {date})",
        "es": "{actor}: {name} (desde {date})",
        "fr": "{actor} : {name} (depuis le {date})",
        "pt": "{actor}: {name} (desde {date})",
    },
    "focalpoints.button_revoke": {
        "en": "Revoke {actor}: {name}",
        "es": "Revocar {actor}: {name}",
        "fr": "Révoquer {actor} : {name}",
        "pt": "Revogar {actor}: {name}",
    },
    "focalpoints.revoked_short": {
        "en": "Revoked",
        "es": "Revocado",
        "fr": "Révoqué",
        "pt": "Revogado",
    },
    "focalpoints.already_revoked": {
        "en": "Already revoked",
        "es": "Ya revocado",
        "fr": "Déjà révoqué",
        "pt": "Já revogado",
    },
    "focalpoints.revoked": {
        "en": "Revoked: that user can no longer file reports.",
        "es": "Revocado: esa persona ya no puede presentar informes.",
        "fr": "Révoqué : cette personne ne peut plus déposer de rapports.",
        "pt": "Revogado: essa pessoa não pode mais apresentar relatórios.",
    },
    # -- /export, /deadline ---------------------------------------------------------------------------
    "export.caption": {
        "en": "Annual report draft {year} ({language}): edit it in Word, then send it.",
        "es": "Borrador del informe anual {year} ({language}): edítelo en Word y luego envíelo.",
        "fr": "Projet de rapport annuel {year} ({language}) : modifiez-le dans Word, puis envoyez-le.",
        "pt": "Rascunho do relatório anual {year} ({language}): edite-o no Word e depois envie-o.",
    },
    "deadline.usage": {  # HTML
        "en": "Usage: <code>/deadline {deadline}</code>. A deadline before July is for the previous year's reports, "
        "a later one for that year's; to choose the year, add it: <code>/deadline {deadline} {year}</code>.",
        "es": "Uso: <code>/deadline {deadline}</code>. Un plazo antes de julio es para los informes del año anterior, "
        "uno posterior para los de ese año; para elegir el año, añádalo: <code>/deadline {deadline} {year}</code>.",
        "fr": "Utilisation : <code>/deadline {deadline}</code>. Une date limite avant juillet vaut pour les rapports "
        "de l'année précédente, une date plus tardive pour ceux de l'année même ; pour choisir l'année, "
        "ajoutez-la : <code>/deadline {deadline} {year}</code>.",
        "pt": "Uso: <code>/deadline {deadline}</code>. Um prazo antes de julho é para os relatórios do ano anterior, "
        "um posterior para os desse ano; para escolher o ano, acrescente-o: <code>/deadline {deadline} {year}</code>.",
    },
    "deadline.inferred_previous": {
        "en": "A deadline before July is for the previous year's reports, so: {year}. For another year, add it: "
        "/deadline {date} {other}",
        "es": "Un plazo antes de julio es para los informes del año anterior, así que: {year}. Para otro año, "
        "añádalo: /deadline {date} {other}",
        "fr": "Une date limite avant juillet vaut pour les rapports de l'année précédente, donc : {year}. Pour une "
        "autre année, ajoutez-la : /deadline {date} {other}",
        "pt": "Um prazo antes de julho é para os relatórios do ano anterior, portanto: {year}. Para outro ano, "
        "acrescente-o: /deadline {date} {other}",
    },
    "deadline.inferred_same": {
        "en": "A deadline from July on is for that year's reports, so: {year}. For another year, add it: "
        "/deadline {date} {other}",
        "es": "Un plazo a partir de julio es para los informes de ese mismo año, así que: {year}. Para otro año, "
        "añádalo: /deadline {date} {other}",
        "fr": "Une date limite à partir de juillet vaut pour les rapports de l'année même, donc : {year}. Pour une "
        "autre année, ajoutez-la : /deadline {date} {other}",
        "pt": "Um prazo a partir de julho é para os relatórios desse mesmo ano, portanto: {year}. Para outro ano, "
        "acrescente-o: /deadline {date} {other}",
    },
    "deadline.past": {
        "en": "That date has passed. Give a deadline in the future.",
        "es": "Esa fecha ya pasó. Indique un plazo futuro.",
        "fr": "Cette date est passée. Indiquez une date limite à venir.",
        "pt": "Essa data já passou. Indique um prazo futuro.",
    },
    "deadline.set": {
        "en": "Deadline set: reports for {year} by {date}. {pending} focal point(s) have no report yet; "
        "they will be reminded {days} days before and on the day.",
        "es": "Plazo fijado: informes de {year} hasta el {date}. {pending} punto(s) focal(es) aún sin informe; "
        "se les recordará {days} días antes y el mismo día.",
        "fr": "Date limite fixée : rapports de {year} au plus tard le {date}. {pending} point(s) focal(aux) "
        "sans rapport pour l'instant ; un rappel leur sera envoyé {days} jours avant et le jour même.",
        "pt": "Prazo definido: relatórios de {year} até {date}. {pending} ponto(s) focal(is) ainda sem relatório; "
        "serão lembrados {days} dias antes e no próprio dia.",
    },
}
