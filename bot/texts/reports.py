"""Texts of the focal points: /register and the /report conversation (/myreports and reminders
are in `focal`).

Texts sent as HTML say so in their comment; values put into them are escaped by the handler.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # -- role guard -------------------------------------------------------------------------------
    "guard.focal_points_only": {
        "en": "Only registered focal points can do this. If you are your institution's focal point, "
        "ask the OAS Secretariat for an invitation code and send /register CODE.",
        "es": "Solo los puntos focales registrados pueden hacerlo. Si usted es el punto focal de su institución, "
        "pida un código de invitación a la Secretaría de la OEA y envíe /register CÓDIGO.",
        "fr": "Seuls les points focaux inscrits peuvent le faire. Si vous êtes le point focal de votre institution, "
        "demandez un code d'invitation au Secrétariat de l'OEA et envoyez /register CODE.",
        "pt": "Só os pontos focais registrados podem fazer isso. Se você é o ponto focal da sua instituição, "
        "peça um código de convite à Secretaria da OEA e envie /register CÓDIGO.",
    },
    # -- /register --------------------------------------------------------------------------------
    "register.usage": {  # HTML
        "en": "Send the code you received from the Secretariat: <code>/register ABCD-1234-EF56</code>",
        "es": "Envíe el código que recibió de la Secretaría: <code>/register ABCD-1234-EF56</code>",
        "fr": "Envoyez le code reçu du Secrétariat : <code>/register ABCD-1234-EF56</code>",
        "pt": "Envie o código que você recebeu da Secretaria: <code>/register ABCD-1234-EF56</code>",
    },
    "register.code_without_command": {
        "en": "That looks like a registration code. To use it, send /register followed by the code.",
        "es": "Eso parece un código de registro. Para usarlo, envíe /register seguido del código.",
        "fr": "Cela ressemble à un code d'inscription. Pour l'utiliser, envoyez /register suivi du code.",
        "pt": "Isso parece um código de registro. Para usá-lo, envie /register seguido do código.",
    },
    "register.welcome": {  # HTML
        "en": "Welcome! You are now the focal point of <b>{actor}</b>. "
        "Send /report to file an activity report and /myreports to see yours.",
        "es": "¡Bienvenido/a! Ahora es el punto focal de <b>{actor}</b>. "
        "Envíe /report para informar una actividad y /myreports para ver sus informes.",
        "fr": "Bienvenue ! Vous êtes désormais le point focal de <b>{actor}</b>. "
        "Envoyez /report pour rendre compte d'une activité et /myreports pour voir vos rapports.",
        "pt": "Boas-vindas! Agora você é o ponto focal de <b>{actor}</b>. "
        "Envie /report para relatar uma atividade e /myreports para ver seus relatórios.",
    },
    "register.paused": {
        "en": "Too many wrong codes. Please wait 10 minutes and try again.",
        "es": "Demasiados códigos incorrectos. Espere 10 minutos y vuelva a intentarlo.",
        "fr": "Trop de codes erronés. Attendez 10 minutes, puis réessayez.",
        "pt": "Demasiados códigos errados. Espere 10 minutos e tente de novo.",
    },
    "register.invalid": {
        "en": "That code is not valid. Check it, or ask the Secretariat for a new one.",
        "es": "Ese código no es válido. Revíselo, o pida uno nuevo a la Secretaría.",
        "fr": "Ce code n'est pas valable. Vérifiez-le, ou demandez-en un nouveau au Secrétariat.",
        "pt": "Esse código não é válido. Confira o código ou peça um novo à Secretaria.",
    },
    "register.used": {
        "en": "That code has already been used. Ask the Secretariat for a new one.",
        "es": "Ese código ya se utilizó. Pida uno nuevo a la Secretaría.",
        "fr": "Ce code a déjà été utilisé. Demandez-en un nouveau au Secrétariat.",
        "pt": "Esse código já foi usado. Peça um novo à Secretaria.",
    },
    "register.expired": {
        "en": "That code has expired. Ask the Secretariat for a new one.",
        "es": "Ese código ha caducado. Pida uno nuevo a la Secretaría.",
        "fr": "Ce code a expiré. Demandez-en un nouveau au Secrétariat.",
        "pt": "Esse código expirou. Peça um novo à Secretaria.",
    },
    # -- what a report is about ---------------------------------------------------------------------
    "kind.carried_out": {
        "en": "Activities carried out",
        "es": "Actividades realizadas",
        "fr": "Activités réalisées",
        "pt": "Atividades realizadas",
    },
    "kind.planned": {
        "en": "Activities planned",
        "es": "Actividades planificadas",
        "fr": "Activités prévues",
        "pt": "Atividades planejadas",
    },
    "kind.best_practice": {
        "en": "Best practices",
        "es": "Buenas prácticas",
        "fr": "Bonnes pratiques",
        "pt": "Boas práticas",
    },
    "kind.new_proposal": {
        "en": "New proposals",
        "es": "Nuevas propuestas",
        "fr": "Nouvelles propositions",
        "pt": "Novas propostas",
    },
    "ref.activity": {
        "en": "activity {number}",
        "es": "actividad {number}",
        "fr": "activité {number}",
        "pt": "atividade {number}",
    },
    "ref.specific_objective": {
        "en": "specific objective {number}",
        "es": "objetivo específico {number}",
        "fr": "objectif spécifique {number}",
        "pt": "objetivo específico {number}",
    },
    "ref.general_objective": {
        "en": "general objective {number}",
        "es": "objetivo general {number}",
        "fr": "objectif général {number}",
        "pt": "objetivo geral {number}",
    },
    "ref.other": {
        "en": "other",
        "es": "otra",
        "fr": "autre",
        "pt": "outra",
    },
    # -- the /report conversation (the questions are HTML) ------------------------------------------
    "report.ask_ref": {
        "en": "<b>Which Program activity does it implement?</b> Your actor's activities first:",
        "es": "<b>¿Qué actividad del Programa implementa?</b> Primero, las actividades de su actor:",
        "fr": "<b>Quelle activité du Programme met-il en œuvre ?</b> D'abord les activités de votre acteur :",
        "pt": "<b>Que atividade do Programa implementa?</b> Primeiro, as atividades do seu ator:",
    },
    "report.button_objective": {
        "en": "🎯 A Program objective",
        "es": "🎯 Un objetivo del Programa",
        "fr": "🎯 Un objectif du Programme",
        "pt": "🎯 Um objetivo do Programa",
    },
    "report.button_other": {
        "en": "Other",
        "es": "Otra",
        "fr": "Autre",
        "pt": "Outra",
    },
    "report.ask_objective": {
        "en": "<b>Which specific objective?</b>",
        "es": "<b>¿Qué objetivo específico?</b>",
        "fr": "<b>Quel objectif spécifique ?</b>",
        "pt": "<b>Que objetivo específico?</b>",
    },
    "report.ask_kind": {
        "en": "<b>What are you reporting?</b>",
        "es": "<b>¿Qué está informando?</b>",
        "fr": "<b>De quoi rendez-vous compte ?</b>",
        "pt": "<b>O que você está relatando?</b>",
    },
    "report.ask_period": {
        "en": "<b>When?</b> Send the date or period, e.g. <i>March 2025</i> or <i>2025-03-01 to 2025-04-30</i>.",
        "es": "<b>¿Cuándo?</b> Envíe la fecha o el período, p. ej. <i>marzo de 2025</i> o "
        "<i>2025-03-01 a 2025-04-30</i>.",
        "fr": "<b>Quand ?</b> Envoyez la date ou la période, par ex. <i>mars 2025</i> ou "
        "<i>du 2025-03-01 au 2025-04-30</i>.",
        "pt": "<b>Quando?</b> Envie a data ou o período, p. ex. <i>março de 2025</i> ou "
        "<i>2025-03-01 a 2025-04-30</i>.",
    },
    "report.ask_description": {
        "en": "<b>What was done (or is planned)?</b> Describe it in 30 to 3,000 characters.",
        "es": "<b>¿Qué se hizo (o qué se planifica)?</b> Descríbalo en 30 a 3.000 caracteres.",
        "fr": "<b>Qu'est-ce qui a été fait (ou est prévu) ?</b> Décrivez-le en 30 à 3 000 caractères.",
        "pt": "<b>O que foi feito (ou está planejado)?</b> Descreva-o em 30 a 3.000 caracteres.",
    },
    "report.ask_link": {
        "en": "<b>A link</b> to a document or web page about it? Send it, or /skip.",
        "es": "<b>¿Un enlace</b> a un documento o página web sobre ello? Envíelo, o /skip.",
        "fr": "<b>Un lien</b> vers un document ou une page web à ce sujet ? Envoyez-le, ou /skip.",
        "pt": "<b>Um link</b> para um documento ou página web sobre isso? Envie-o ou use /skip.",
    },
    "report.invalid_period_length": {
        "en": "Please give the date or period in 4 to 100 characters, e.g. 'March 2025' or '2025-03-01 to 2025-04-30'.",
        "es": "Indique la fecha o el período en 4 a 100 caracteres, p. ej. 'marzo de 2025' o '2025-03-01 a 2025-04-30'.",
        "fr": "Indiquez la date ou la période en 4 à 100 caractères, par ex. « mars 2025 » ou "
        "« du 2025-03-01 au 2025-04-30 ».",
        "pt": "Indique a data ou o período em 4 a 100 caracteres, p. ex. 'março de 2025' ou '2025-03-01 a 2025-04-30'.",
    },
    "report.invalid_period_year": {
        "en": "Please include the year, e.g. 'March 2025'.",
        "es": "Incluya el año, p. ej. 'marzo de 2025'.",
        "fr": "Indiquez l'année, par ex. « mars 2025 ».",
        "pt": "Inclua o ano, p. ex. 'março de 2025'.",
    },
    "report.invalid_description": {
        "en": "The description should be 30 to 3,000 characters; yours has {length}. Please send it again.",
        "es": "La descripción debe tener de 30 a 3.000 caracteres; la suya tiene {length}. Envíela de nuevo.",
        "fr": "La description doit compter de 30 à 3 000 caractères ; la vôtre en a {length}. Renvoyez-la.",
        "pt": "A descrição deve ter de 30 a 3.000 caracteres; a sua tem {length}. Envie novamente.",
    },
    "report.invalid_link": {
        "en": "That is not a web address (it should start with https://). Send a link, or /skip.",
        "es": "Eso no es una dirección web (debe empezar por https://). Envíe un enlace, o /skip.",
        "fr": "Ce n'est pas une adresse web (elle doit commencer par https://). Envoyez un lien, ou /skip.",
        "pt": "Isso não é um endereço web (deve começar por https://). Envie um link ou use /skip.",
    },
    "report.summary_title": {  # HTML
        "en": "<b>Report for {actor}</b>",
        "es": "<b>Informe de {actor}</b>",
        "fr": "<b>Rapport de {actor}</b>",
        "pt": "<b>Relatório de {actor}</b>",
    },
    "report.summary_title_edited": {  # HTML
        "en": "<b>Edited report for {actor}</b>",
        "es": "<b>Informe editado de {actor}</b>",
        "fr": "<b>Rapport modifié de {actor}</b>",
        "pt": "<b>Relatório editado de {actor}</b>",
    },
    "report.summary_line": {
        "en": "{field}: {value}",
        "es": "{field}: {value}",
        "fr": "{field} : {value}",
        "pt": "{field}: {value}",
    },
    "report.field.ref": {
        "en": "Program reference",
        "es": "Referencia del Programa",
        "fr": "Référence du Programme",
        "pt": "Referência do Programa",
    },
    "report.field.kind": {
        "en": "Section",
        "es": "Sección",
        "fr": "Section",
        "pt": "Seção",
    },
    "report.field.period": {
        "en": "Period",
        "es": "Período",
        "fr": "Période",
        "pt": "Período",
    },
    "report.field.description": {
        "en": "Description",
        "es": "Descripción",
        "fr": "Description",
        "pt": "Descrição",
    },
    "report.field.link": {
        "en": "Link",
        "es": "Enlace",
        "fr": "Lien",
        "pt": "Link",
    },
    "report.button_submit": {
        "en": "✅ Submit",
        "es": "✅ Enviar",
        "fr": "✅ Envoyer",
        "pt": "✅ Enviar",
    },
    "report.button_edit": {
        "en": "✏️ Edit a field",
        "es": "✏️ Editar un campo",
        "fr": "✏️ Modifier un champ",
        "pt": "✏️ Editar um campo",
    },
    "report.which_field": {
        "en": "Which field?",
        "es": "¿Qué campo?",
        "fr": "Quel champ ?",
        "pt": "Que campo?",
    },
    "report.resume": {
        "en": "You have an unfinished report: let us continue where you stopped (/cancel to drop it).",
        "es": "Tiene un informe sin terminar: sigamos donde lo dejó (/cancel para descartarlo).",
        "fr": "Vous avez un rapport inachevé : reprenons là où vous vous êtes arrêté (/cancel pour l'abandonner).",
        "pt": "Você tem um relatório inacabado: vamos continuar de onde parou (/cancel para descartá-lo).",
    },
    "report.cannot_edit": {
        "en": "That report cannot be edited (withdrawn, or not yours).",
        "es": "Ese informe no se puede editar (retirado, o no es suyo).",
        "fr": "Ce rapport ne peut pas être modifié (retiré, ou pas le vôtre).",
        "pt": "Esse relatório não pode ser editado (foi retirado ou não é seu).",
    },
    "report.already_closed": {
        "en": "This report was already closed. Send /report to start again.",
        "es": "Este informe ya se cerró. Envíe /report para empezar de nuevo.",
        "fr": "Ce rapport est déjà clos. Envoyez /report pour recommencer.",
        "pt": "Este relatório já foi fechado. Envie /report para recomeçar.",
    },
    "report.already_submitted": {
        "en": "Already submitted.",
        "es": "Ya enviado.",
        "fr": "Déjà envoyé.",
        "pt": "Já enviado.",
    },
    "report.wrong_actor": {
        "en": "You can only report for the actor you are registered for.",
        "es": "Solo puede informar por el actor para el que está registrado.",
        "fr": "Vous ne pouvez rendre compte que pour l'acteur auquel vous êtes inscrit.",
        "pt": "Você só pode relatar pelo ator no qual está registrado.",
    },
    "report.saved_short": {
        "en": "Saved",
        "es": "Guardado",
        "fr": "Enregistré",
        "pt": "Salvo",
    },
    "report.saved": {
        "en": "Report #{id} saved. Thank you! See /myreports. It will appear in search within seconds.",
        "es": "Informe n.º {id} guardado. ¡Gracias! Vea /myreports. Aparecerá en las búsquedas en unos segundos.",
        "fr": "Rapport n° {id} enregistré. Merci ! Voir /myreports. Il apparaîtra dans la recherche d'ici "
        "quelques secondes.",
        "pt": "Relatório nº {id} salvo. Obrigado! Veja /myreports. Ele aparecerá na busca em alguns segundos.",
    },
    "report.withdrawn_meanwhile": {
        "en": "Report #{id} was withdrawn meanwhile, so this edit was not saved. Nothing you wrote is lost: "
        "Submit below files it as a new report, or Cancel drops it.",
        "es": "El informe n.º {id} fue retirado entretanto, así que esta modificación no se guardó. No se pierde "
        "nada de lo que escribió: Enviar, abajo, lo presenta como un informe nuevo, o Cancelar lo descarta.",
        "fr": "Le rapport n° {id} a été retiré entre-temps, donc cette modification n'a pas été enregistrée. Rien "
        "de ce que vous avez écrit n'est perdu : Envoyer, ci-dessous, le dépose comme nouveau rapport, ou "
        "Annuler l'abandonne.",
        "pt": "O relatório nº {id} foi retirado entretanto, então esta alteração não foi salva. Nada do que "
        "escreveu se perde: Enviar, abaixo, o apresenta como um relatório novo, ou Cancelar o descarta.",
    },
    "report.updated": {
        "en": "Report #{id} updated (earlier version kept). Thank you! See /myreports. "
        "It will appear in search within seconds.",
        "es": "Informe n.º {id} actualizado (se conserva la versión anterior). ¡Gracias! Vea /myreports. "
        "Aparecerá en las búsquedas en unos segundos.",
        "fr": "Rapport n° {id} mis à jour (la version précédente est conservée). Merci ! Voir /myreports. "
        "Il apparaîtra dans la recherche d'ici quelques secondes.",
        "pt": "Relatório nº {id} atualizado (a versão anterior foi mantida). Obrigado! Veja /myreports. "
        "Ele aparecerá na busca em alguns segundos.",
    },
    "report.cancelled": {
        "en": "Cancelled: the draft was dropped.",
        "es": "Cancelado: se descartó el borrador.",
        "fr": "Annulé : le brouillon a été abandonné.",
        "pt": "Cancelado: o rascunho foi descartado.",
    },
    "report.nothing_to_cancel": {
        "en": "There was nothing to cancel.",
        "es": "No había nada que cancelar.",
        "fr": "Il n'y avait rien à annuler.",
        "pt": "Não havia nada para cancelar.",
    },
    "report.timed_out": {
        "en": "I stopped waiting, but your draft is kept: send /report to continue.",
        "es": "Dejé de esperar, pero su borrador se conserva: envíe /report para continuar.",
        "fr": "J'ai cessé d'attendre, mais votre brouillon est conservé : envoyez /report pour continuer.",
        "pt": "Parei de esperar, mas seu rascunho foi mantido: envie /report para continuar.",
    },
    "report.stale_button": {
        "en": "This report is already closed: see /myreports, or /report to start a new one.",
        "es": "Este informe ya está cerrado: vea /myreports, o /report para empezar otro.",
        "fr": "Ce rapport est déjà clos : voir /myreports, ou /report pour en commencer un autre.",
        "pt": "Este relatório já está fechado: veja /myreports, ou /report para começar outro.",
    },
    "report.use_buttons": {
        "en": "Please choose with the buttons, or send /cancel to drop the report.",
        "es": "Elija con los botones, por favor, o envíe /cancel para descartar el informe.",
        "fr": "Choisissez avec les boutons, s'il vous plaît, ou envoyez /cancel pour abandonner le rapport.",
        "pt": "Escolha com os botões, por favor, ou envie /cancel para descartar o relatório.",
    },
    "report.which_field_for_text": {
        "en": "Which field should this text go to?",
        "es": "¿En qué campo va este texto?",
        "fr": "Dans quel champ ce texte doit-il aller ?",
        "pt": "Em que campo vai este texto?",
    },
    "report.unchanged": {
        "en": "Nothing was changed, so report #{id} stays as it was (no new version).",
        "es": "No se cambió nada, así que el informe #{id} queda como estaba (sin nueva versión).",
        "fr": "Rien n'a été modifié : le rapport n° {id} reste tel quel (pas de nouvelle version).",
        "pt": "Nada foi alterado, então o relatório #{id} fica como estava (sem nova versão).",
    },
}
