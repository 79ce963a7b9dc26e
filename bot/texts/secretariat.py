"""Texts of the Secretariat's weekly work: curated answers (/curate, /curated, ⭐ under a hand-off
reply, and their label under a question), the weekly digest (/digest), the menu's new commands and
/help's paragraphs on what maintainers and focal points do besides commands. The review of
reports is in `review`.

Texts sent as HTML say so in their comment; values put into them are escaped by the handler.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # -- the menu -------------------------------------------------------------------------------------
    "command.review": {
        "en": "Reports awaiting review: approve or return",
        "es": "Informes por revisar: aprobar o devolver",
        "fr": "Rapports à examiner : approuver ou renvoyer",
        "pt": "Relatórios a rever: aprovar ou devolver",
    },
    "command.curate": {
        "en": "Write the Secretariat's answer to a question",
        "es": "Escribir la respuesta de la Secretaría a una pregunta",
        "fr": "Rédiger la réponse du Secrétariat à une question",
        "pt": "Escrever a resposta da Secretaria a uma pergunta",
    },
    "command.curated": {
        "en": "The Secretariat's answers: edit or retire",
        "es": "Las respuestas de la Secretaría: editar o retirar",
        "fr": "Les réponses du Secrétariat : modifier ou retirer",
        "pt": "As respostas da Secretaria: editar ou retirar",
    },
    "command.digest": {
        "en": "The week's digest now; /digest weekly mon 09:00",
        "es": "El resumen de la semana ahora; /digest weekly mon 09:00",
        "fr": "Le bilan de la semaine maintenant ; /digest weekly mon 09:00",
        "pt": "O resumo da semana agora; /digest weekly mon 09:00",
    },
    # -- /help: what maintainers and focal points do besides commands (HTML) ------------------------------
    "help.maintainer_actions": {
        "en": "Reply to a <code>#handoffN</code> message to answer the user; ⭐ under your delivered reply saves it as "
        "the Secretariat's answer, shown first to anyone asking the same in any language (/curated to edit or "
        "retire). Reports wait for /review: ✅ approve, or ↩ return with a comment. /export 2026 all adds reports "
        "awaiting review; /export 2026 xlsx gives a spreadsheet. The weekly digest arrives on its own.",
        "es": "Responda a un mensaje <code>#handoffN</code> para contestar al usuario; ⭐ bajo su respuesta entregada la "
        "guarda como respuesta de la Secretaría, que se muestra primero a quien pregunte lo mismo en cualquier "
        "idioma (/curated para editarla o retirarla). Los informes esperan /review: ✅ aprobar, o ↩ devolver con un "
        "comentario. /export 2026 all añade los informes por revisar; /export 2026 xlsx da una hoja de cálculo. "
        "El resumen semanal llega solo.",
        "fr": "Répondez à un message <code>#handoffN</code> pour répondre à l'utilisateur ; ⭐ sous votre réponse "
        "transmise l'enregistre comme réponse du Secrétariat, affichée en premier à quiconque pose la même question "
        "dans n'importe quelle langue (/curated pour la modifier ou la retirer). Les rapports attendent /review : "
        "✅ approuver, ou ↩ renvoyer avec un commentaire. /export 2026 all ajoute les rapports à examiner ; "
        "/export 2026 xlsx donne un tableur. Le bilan hebdomadaire arrive de lui-même.",
        "pt": "Responda a uma mensagem <code>#handoffN</code> para responder ao usuário; ⭐ sob a sua resposta entregue "
        "guarda-a como resposta da Secretaria, mostrada primeiro a quem perguntar o mesmo em qualquer idioma "
        "(/curated para editá-la ou retirá-la). Os relatórios aguardam /review: ✅ aprovar, ou ↩ devolver com um "
        "comentário. /export 2026 all acrescenta os relatórios por rever; /export 2026 xlsx dá uma folha de "
        "cálculo. O resumo semanal chega sozinho.",
    },
    "help.focal_actions": {
        "en": "<b>Your reports</b>\nA submitted report is reviewed by the OAS Secretariat; once approved it is "
        "searchable and part of the annual report. /myreports shows each one's state. A returned report comes back "
        "here with the Secretariat's comment: ✏️ Edit it and submit it again (the earlier version is kept).",
        "es": "<b>Sus informes</b>\nLa Secretaría de la OEA revisa cada informe presentado; una vez aprobado se puede "
        "buscar y forma parte del informe anual. /myreports muestra el estado de cada uno. Un informe devuelto llega "
        "aquí con el comentario de la Secretaría: ✏️ Edítelo y preséntelo de nuevo (se conserva la versión anterior).",
        "fr": "<b>Vos rapports</b>\nLe Secrétariat de l'OEA examine chaque rapport soumis ; une fois approuvé, il est "
        "consultable et fait partie du rapport annuel. /myreports indique l'état de chacun. Un rapport renvoyé "
        "revient ici avec le commentaire du Secrétariat : ✏️ Modifiez-le et soumettez-le à nouveau (la version "
        "précédente est conservée).",
        "pt": "<b>Os seus relatórios</b>\nA Secretaria da OEA revê cada relatório apresentado; depois de aprovado fica "
        "pesquisável e faz parte do relatório anual. /myreports mostra o estado de cada um. Um relatório devolvido "
        "volta aqui com o comentário da Secretaria: ✏️ Edite-o e apresente-o de novo (a versão anterior é "
        "conservada).",
    },
    # -- a curated answer under a question ---------------------------------------------------------------
    "curated.label": {
        "en": "Answer from the OAS Secretariat, {date}",
        "es": "Respuesta de la Secretaría de la OEA, {date}",
        "fr": "Réponse du Secrétariat de l'OEA, {date}",
        "pt": "Resposta da Secretaria da OEA, {date}",
    },
    "curated.written_in": {
        "en": "(written in {language})",
        "es": "(redactada en {language})",
        "fr": "(rédigée en {language})",
        "pt": "(redigida em {language})",
    },
    "curated.sources": {
        "en": "Documents cited: {sources}",
        "es": "Documentos citados: {sources}",
        "fr": "Documents cités : {sources}",
        "pt": "Documentos citados: {sources}",
    },
    # -- writing curated answers ----------------------------------------------------------------------
    "curated.button_save": {
        "en": "⭐ Save as the answer to this question",
        "es": "⭐ Guardar como respuesta a esta pregunta",
        "fr": "⭐ Enregistrer comme réponse à cette question",
        "pt": "⭐ Guardar como resposta a esta pergunta",
    },
    "curate.prompt": {
        "en": "Reply to this message with the Secretariat's answer to: “{question}”. Write it in the language "
        "you want; it will be shown first, labelled as the Secretariat's, to anyone who asks this in any language. "
        "Name a document by its short name to cite it.",
        "es": "Responda a este mensaje con la respuesta de la Secretaría a: «{question}». Escríbala en el idioma "
        "que prefiera; se mostrará primero, como respuesta de la Secretaría, a quien pregunte esto en cualquier "
        "idioma. Nombre un documento por su nombre corto para citarlo.",
        "fr": "Répondez à ce message avec la réponse du Secrétariat à : « {question} ». Rédigez-la dans la langue "
        "de votre choix ; elle sera affichée en premier, comme réponse du Secrétariat, à quiconque pose cette "
        "question dans n'importe quelle langue. Nommez un document par son nom court pour le citer.",
        "pt": "Responda a esta mensagem com a resposta da Secretaria a: “{question}”. Escreva-a no idioma que "
        "preferir; será mostrada primeiro, como resposta da Secretaria, a quem perguntar isto em qualquer idioma. "
        "Indique um documento pelo nome curto para citá-lo.",
    },
    "curate.placeholder": {
        "en": "The Secretariat's answer",
        "es": "La respuesta de la Secretaría",
        "fr": "La réponse du Secrétariat",
        "pt": "A resposta da Secretaria",
    },
    "curate.pick": {  # HTML
        "en": "Which question should the Secretariat answer? (the unanswered ones of the last 30 days, as in /stats; "
        "or send <code>/curate</code> followed by any question)",
        "es": "¿Qué pregunta debe responder la Secretaría? (las que quedaron sin respuesta en los últimos 30 días, "
        "como en /stats; o envíe <code>/curate</code> seguido de cualquier pregunta)",
        "fr": "À quelle question le Secrétariat doit-il répondre ? (celles restées sans réponse ces 30 derniers "
        "jours, comme dans /stats ; ou envoyez <code>/curate</code> suivi de n'importe quelle question)",
        "pt": "Que pergunta a Secretaria deve responder? (as que ficaram sem resposta nos últimos 30 dias, como em "
        "/stats; ou envie <code>/curate</code> seguido de qualquer pergunta)",
    },
    "curate.nothing": {  # HTML
        "en": "No unanswered questions in the last 30 days. To answer any question, send "
        "<code>/curate</code> followed by the question.",
        "es": "No hay preguntas sin respuesta en los últimos 30 días. Para responder cualquier pregunta, envíe "
        "<code>/curate</code> seguido de la pregunta.",
        "fr": "Aucune question sans réponse ces 30 derniers jours. Pour répondre à n'importe quelle question, "
        "envoyez <code>/curate</code> suivi de la question.",
        "pt": "Não há perguntas sem resposta nos últimos 30 dias. Para responder a qualquer pergunta, envie "
        "<code>/curate</code> seguido da pergunta.",
    },
    "curated.saved_short": {
        "en": "Saved",
        "es": "Guardada",
        "fr": "Enregistrée",
        "pt": "Guardada",
    },
    "curated.saved": {
        "en": "Saved as the Secretariat's answer #{id} (version {version}). It is shown first to anyone asking this "
        "question in any language. /curated to edit or retire it.",
        "es": "Guardada como respuesta n.º {id} de la Secretaría (versión {version}). Se muestra primero a quien haga "
        "esta pregunta en cualquier idioma. /curated para editarla o retirarla.",
        "fr": "Enregistrée comme réponse n° {id} du Secrétariat (version {version}). Elle est affichée en premier à "
        "quiconque pose cette question, dans n'importe quelle langue. /curated pour la modifier ou la retirer.",
        "pt": "Guardada como resposta nº {id} da Secretaria (versão {version}). É mostrada primeiro a quem fizer "
        "esta pergunta em qualquer idioma. /curated para editá-la ou retirá-la.",
    },
    "curated.none": {  # HTML
        "en": "No answers from the Secretariat yet. Save one under a hand-off reply (⭐), or with <code>/curate</code>.",
        "es": "Aún no hay respuestas de la Secretaría. Guarde una bajo la respuesta a una consulta (⭐) o con "
        "<code>/curate</code>.",
        "fr": "Aucune réponse du Secrétariat pour l'instant. Enregistrez-en une sous la réponse à une demande (⭐) "
        "ou avec <code>/curate</code>.",
        "pt": "Ainda não há respostas da Secretaria. Guarde uma sob a resposta a um pedido (⭐) ou com "
        "<code>/curate</code>.",
    },
    "curated.item": {
        "en": "#{id} · version {version} · {date} · {language}",
        "es": "n.º {id} · versión {version} · {date} · {language}",
        "fr": "n° {id} · version {version} · {date} · {language}",
        "pt": "nº {id} · versão {version} · {date} · {language}",
    },
    "curated.button_edit": {
        "en": "✏️ Edit",
        "es": "✏️ Editar",
        "fr": "✏️ Modifier",
        "pt": "✏️ Editar",
    },
    "curated.button_retire": {
        "en": "🗑 Retire",
        "es": "🗑 Retirar",
        "fr": "🗑 Retirer",
        "pt": "🗑 Retirar",
    },
    "curated.edit_prompt": {
        "en": "Reply to this message with the new answer to “{question}”. Version {version} is kept.",
        "es": "Responda a este mensaje con la nueva respuesta a «{question}». Se conserva la versión {version}.",
        "fr": "Répondez à ce message avec la nouvelle réponse à « {question} ». La version {version} est conservée.",
        "pt": "Responda a esta mensagem com a nova resposta a “{question}”. A versão {version} é conservada.",
    },
    "curated.retired_short": {
        "en": "Retired",
        "es": "Retirada",
        "fr": "Retirée",
        "pt": "Retirada",
    },
    "curated.retired": {
        "en": "Answer #{id} retired: it is no longer shown. Its versions are kept.",
        "es": "Respuesta n.º {id} retirada: ya no se muestra. Se conservan sus versiones.",
        "fr": "Réponse n° {id} retirée : elle n'est plus affichée. Ses versions sont conservées.",
        "pt": "Resposta nº {id} retirada: já não é mostrada. As suas versões são conservadas.",
    },
    "curated.gone": {
        "en": "That answer was retired or replaced meanwhile; see /curated.",
        "es": "Esa respuesta fue retirada o reemplazada mientras tanto; vea /curated.",
        "fr": "Cette réponse a été retirée ou remplacée entre-temps ; voir /curated.",
        "pt": "Essa resposta foi retirada ou substituída entretanto; veja /curated.",
    },
    # -- the digest (HTML) ----------------------------------------------------------------------------
    "digest.title": {
        "en": "📋 <b>The week for the Secretariat</b> ({since} to {until})",
        "es": "📋 <b>La semana para la Secretaría</b> ({since} a {until})",
        "fr": "📋 <b>La semaine pour le Secrétariat</b> (du {since} au {until})",
        "pt": "📋 <b>A semana para a Secretaria</b> ({since} a {until})",
    },
    "digest.unanswered": {
        "en": "<b>Questions the documents did not answer</b>: {count}, in {groups} groups by meaning (✍ to answer one):",
        "es": "<b>Preguntas que los documentos no respondieron</b>: {count}, en {groups} grupos por sentido "
        "(✍ para responder una):",
        "fr": "<b>Questions auxquelles les documents n'ont pas répondu</b> : {count}, en {groups} groupes par sens "
        "(✍ pour répondre à l'une) :",
        "pt": "<b>Perguntas que os documentos não responderam</b>: {count}, em {groups} grupos por sentido "
        "(✍ para responder a uma):",
    },
    "digest.group": {
        "en": "{n}. asked {count}×",
        "es": "{n}. preguntada {count}×",
        "fr": "{n}. posée {count}×",
        "pt": "{n}. feita {count}×",
    },
    "digest.down_votes": {
        "en": "<b>👎 and why</b> ({count}):",
        "es": "<b>👎 y por qué</b> ({count}):",
        "fr": "<b>👎 et pourquoi</b> ({count}) :",
        "pt": "<b>👎 e porquê</b> ({count}):",
    },
    "digest.open_handoffs": {
        "en": "<b>Hand-offs still open</b>, oldest first ({count}):",
        "es": "<b>Consultas aún abiertas</b>, las más antiguas primero ({count}):",
        "fr": "<b>Demandes encore ouvertes</b>, les plus anciennes d'abord ({count}) :",
        "pt": "<b>Pedidos ainda abertos</b>, os mais antigos primeiro ({count}):",
    },
    "digest.missing_reports": {
        "en": "<b>No report yet for {year}</b> (deadline {date}):",
        "es": "<b>Aún sin informe de {year}</b> (plazo {date}):",
        "fr": "<b>Pas encore de rapport pour {year}</b> (date limite {date}) :",
        "pt": "<b>Ainda sem relatório de {year}</b> (prazo {date}):",
    },
    "digest.awaiting_review": {
        "en": "<b>Reports awaiting review</b>: {count} (/review)",
        "es": "<b>Informes por revisar</b>: {count} (/review)",
        "fr": "<b>Rapports à examiner</b> : {count} (/review)",
        "pt": "<b>Relatórios a rever</b>: {count} (/review)",
    },
    "digest.button_curate": {
        "en": "✍ Answer group {n}",
        "es": "✍ Responder al grupo {n}",
        "fr": "✍ Répondre au groupe {n}",
        "pt": "✍ Responder ao grupo {n}",
    },
    "digest.empty": {
        "en": "Nothing to report this week: no unanswered questions, no 👎, no open hand-offs, no reports missing.",
        "es": "Nada que señalar esta semana: ninguna pregunta sin respuesta, ningún 👎, ninguna consulta abierta, "
        "ningún informe pendiente.",
        "fr": "Rien à signaler cette semaine : aucune question sans réponse, aucun 👎, aucune demande ouverte, "
        "aucun rapport manquant.",
        "pt": "Nada a assinalar esta semana: nenhuma pergunta sem resposta, nenhum 👎, nenhum pedido aberto, "
        "nenhum relatório em falta.",
    },
    "digest.usage": {  # HTML
        "en": "<code>/digest</code>: the last seven days now. <code>/digest weekly mon 09:00</code>: every week on "
        "that day and time (mon … sun, 24-hour); <code>/digest weekly off</code>: no more; "
        "<code>/digest weekly</code>: the current schedule.",
        "es": "<code>/digest</code>: los últimos siete días, ahora. <code>/digest weekly mon 09:00</code>: cada semana "
        "ese día y hora (mon … sun, 24 horas); <code>/digest weekly off</code>: ya no; "
        "<code>/digest weekly</code>: el horario actual.",
        "fr": "<code>/digest</code> : les sept derniers jours, maintenant. <code>/digest weekly mon 09:00</code> : "
        "chaque semaine ce jour-là à cette heure (mon … sun, sur 24 heures) ; <code>/digest weekly off</code> : "
        "plus d'envoi ; <code>/digest weekly</code> : le calendrier actuel.",
        "pt": "<code>/digest</code>: os últimos sete dias, agora. <code>/digest weekly mon 09:00</code>: todas as "
        "semanas nesse dia e hora (mon … sun, 24 horas); <code>/digest weekly off</code>: deixar de enviar; "
        "<code>/digest weekly</code>: o horário atual.",
    },
    "digest.schedule_is": {  # HTML
        "en": "The digest goes out every week, {when} ({zone}). Change it with <code>/digest weekly tue 08:30</code>.",
        "es": "El resumen sale cada semana, {when} ({zone}). Cámbielo con <code>/digest weekly tue 08:30</code>.",
        "fr": "Le bilan part chaque semaine, {when} ({zone}). Modifiez-le avec <code>/digest weekly tue 08:30</code>.",
        "pt": "O resumo sai todas as semanas, {when} ({zone}). Altere-o com <code>/digest weekly tue 08:30</code>.",
    },
    "digest.schedule_off": {  # HTML
        "en": "The weekly digest is off{when} ({zone}). Start it with <code>/digest weekly mon 09:00</code>.",
        "es": "El resumen semanal está desactivado{when} ({zone}). Actívelo con <code>/digest weekly mon 09:00</code>.",
        "fr": "Le bilan hebdomadaire est désactivé{when} ({zone}). Activez-le avec <code>/digest weekly mon 09:00</code>.",
        "pt": "O resumo semanal está desativado{when} ({zone}). Ative-o com <code>/digest weekly mon 09:00</code>.",
    },
    "digest.scheduled": {
        "en": "The digest will go out every week, {when} ({zone}), to the maintainers.",
        "es": "El resumen saldrá cada semana, {when} ({zone}), para los responsables.",
        "fr": "Le bilan partira chaque semaine, {when} ({zone}), aux responsables.",
        "pt": "O resumo sairá todas as semanas, {when} ({zone}), para os responsáveis.",
    },
    "digest.stopped": {
        "en": "The weekly digest is off. /digest still gives it on demand.",
        "es": "El resumen semanal está desactivado. /digest sigue dándolo a pedido.",
        "fr": "Le bilan hebdomadaire est désactivé. /digest le donne toujours à la demande.",
        "pt": "O resumo semanal está desativado. /digest continua a dá-lo a pedido.",
    },
}
