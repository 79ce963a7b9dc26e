"""Texts of the review of reports: /review for maintainers, what a focal point reads when a report
is submitted for review or returned, and the export's additions (reports awaiting review, the
spreadsheet). Texts sent as HTML say so in their comment; values put into them are escaped by
the handler.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # -- /review ----------------------------------------------------------------------------------------
    "review.off": {
        "en": "Review is switched off here (MIGRANTSBOT_REVIEW_REPORTS=false): reports are searchable as soon as "
        "they are submitted.",
        "es": "La revisión está desactivada aquí (MIGRANTSBOT_REVIEW_REPORTS=false): los informes se pueden buscar en "
        "cuanto se presentan.",
        "fr": "L'examen est désactivé ici (MIGRANTSBOT_REVIEW_REPORTS=false) : les rapports sont consultables dès "
        "leur soumission.",
        "pt": "A revisão está desativada aqui (MIGRANTSBOT_REVIEW_REPORTS=false): os relatórios ficam pesquisáveis "
        "assim que são apresentados.",
    },
    "review.empty": {
        "en": "No reports await review.",
        "es": "No hay informes por revisar.",
        "fr": "Aucun rapport à examiner.",
        "pt": "Não há relatórios a rever.",
    },
    "review.title": {  # HTML
        "en": "<b>Awaiting review</b>: {count}. The oldest:",
        "es": "<b>Por revisar</b>: {count}. El más antiguo:",
        "fr": "<b>À examiner</b> : {count}. Le plus ancien :",
        "pt": "<b>A rever</b>: {count}. O mais antigo:",
    },
    "review.returned_before": {
        "en": "↩ Version {version} was returned: “{comment}”",
        "es": "↩ La versión {version} fue devuelta: «{comment}»",
        "fr": "↩ La version {version} a été renvoyée : « {comment} »",
        "pt": "↩ A versão {version} foi devolvida: “{comment}”",
    },
    "review.button_approve": {
        "en": "✅ Approve",
        "es": "✅ Aprobar",
        "fr": "✅ Approuver",
        "pt": "✅ Aprovar",
    },
    "review.button_return": {
        "en": "↩ Return with a comment",
        "es": "↩ Devolver con un comentario",
        "fr": "↩ Renvoyer avec un commentaire",
        "pt": "↩ Devolver com um comentário",
    },
    "review.stale": {
        "en": "That report was decided on or changed meanwhile; send /review for the current queue.",
        "es": "Ese informe ya fue decidido o cambió mientras tanto; envíe /review para ver la lista actual.",
        "fr": "Ce rapport a été traité ou modifié entre-temps ; envoyez /review pour la file actuelle.",
        "pt": "Esse relatório já foi decidido ou mudou entretanto; envie /review para a lista atual.",
    },
    "review.approved_short": {
        "en": "Approved",
        "es": "Aprobado",
        "fr": "Approuvé",
        "pt": "Aprovado",
    },
    "review.approved": {
        "en": "Report #{id} approved: it will be searchable within seconds and is part of the annual report.",
        "es": "Informe n.º {id} aprobado: se podrá buscar en unos segundos y forma parte del informe anual.",
        "fr": "Rapport n° {id} approuvé : il sera consultable d'ici quelques secondes et fait partie du rapport annuel.",
        "pt": "Relatório nº {id} aprovado: ficará pesquisável em segundos e faz parte do relatório anual.",
    },
    "review.comment_prompt": {
        "en": "Reply to this message with what the focal point should change in report #{id}.",
        "es": "Responda a este mensaje con lo que el punto focal debe cambiar en el informe n.º {id}.",
        "fr": "Répondez à ce message en indiquant ce que le point focal doit modifier dans le rapport n° {id}.",
        "pt": "Responda a esta mensagem com o que o ponto focal deve alterar no relatório nº {id}.",
    },
    "review.comment_placeholder": {
        "en": "What should change",
        "es": "Qué debe cambiar",
        "fr": "Ce qui doit changer",
        "pt": "O que deve mudar",
    },
    "review.returned": {
        "en": "Report #{id} returned to its focal point with your comment.",
        "es": "Informe n.º {id} devuelto a su punto focal con su comentario.",
        "fr": "Rapport n° {id} renvoyé à son point focal avec votre commentaire.",
        "pt": "Relatório nº {id} devolvido ao seu ponto focal com o seu comentário.",
    },
    "review.returned_not_delivered": {
        "en": "Report #{id} is returned, but its focal point could not be told just now: I will keep trying, and "
        "they see your comment in /myreports.",
        "es": "El informe n.º {id} está devuelto, pero no se pudo avisar a su punto focal ahora: seguiré intentándolo, "
        "y verá su comentario en /myreports.",
        "fr": "Le rapport n° {id} est renvoyé, mais son point focal n'a pas pu être prévenu pour l'instant : je "
        "réessaierai, et il voit votre commentaire dans /myreports.",
        "pt": "O relatório nº {id} está devolvido, mas não foi possível avisar o seu ponto focal agora: continuarei "
        "a tentar, e ele vê o seu comentário em /myreports.",
    },
    "review.returned_to_focal": {  # HTML
        "en": "↩ <b>The OAS Secretariat returned your report</b> with this comment:\n“{comment}”\n"
        "Edit it (✏️ below or in /myreports) and submit it again; the earlier version is kept.",
        "es": "↩ <b>La Secretaría de la OEA devolvió su informe</b> con este comentario:\n«{comment}»\n"
        "Edítelo (✏️ abajo o en /myreports) y preséntelo de nuevo; se conserva la versión anterior.",
        "fr": "↩ <b>Le Secrétariat de l'OEA a renvoyé votre rapport</b> avec ce commentaire :\n« {comment} »\n"
        "Modifiez-le (✏️ ci-dessous ou dans /myreports) et soumettez-le à nouveau ; la version précédente est "
        "conservée.",
        "pt": "↩ <b>A Secretaria da OEA devolveu o seu relatório</b> com este comentário:\n“{comment}”\n"
        "Edite-o (✏️ abaixo ou em /myreports) e apresente-o de novo; a versão anterior é conservada.",
    },
    "myreports.returned": {
        "en": "↩ Returned by the Secretariat: “{comment}” — ✏️ Edit and submit it again.",
        "es": "↩ Devuelto por la Secretaría: «{comment}» — ✏️ Edítelo y preséntelo de nuevo.",
        "fr": "↩ Renvoyé par le Secrétariat : « {comment} » — ✏️ Modifiez-le et soumettez-le à nouveau.",
        "pt": "↩ Devolvido pela Secretaria: “{comment}” — ✏️ Edite-o e apresente-o de novo.",
    },
    "report.saved_for_review": {
        "en": "Report #{id} submitted. Thank you! The OAS Secretariat reviews it; once approved it is searchable and "
        "part of the annual report. See /myreports.",
        "es": "Informe n.º {id} presentado. ¡Gracias! La Secretaría de la OEA lo revisa; una vez aprobado se podrá "
        "buscar y formará parte del informe anual. Vea /myreports.",
        "fr": "Rapport n° {id} soumis. Merci ! Le Secrétariat de l'OEA l'examine ; une fois approuvé, il sera "
        "consultable et fera partie du rapport annuel. Voir /myreports.",
        "pt": "Relatório nº {id} apresentado. Obrigado! A Secretaria da OEA revê-o; depois de aprovado ficará "
        "pesquisável e fará parte do relatório anual. Veja /myreports.",
    },
    "report.updated_for_review": {
        "en": "Report #{id} submitted again (earlier version kept). Thank you! It is searchable again once the OAS "
        "Secretariat approves it. See /myreports.",
        "es": "Informe n.º {id} presentado de nuevo (se conserva la versión anterior). ¡Gracias! Se podrá buscar de "
        "nuevo cuando la Secretaría de la OEA lo apruebe. Vea /myreports.",
        "fr": "Rapport n° {id} soumis à nouveau (la version précédente est conservée). Merci ! Il sera de nouveau "
        "consultable quand le Secrétariat de l'OEA l'aura approuvé. Voir /myreports.",
        "pt": "Relatório nº {id} apresentado de novo (a versão anterior é conservada). Obrigado! Ficará pesquisável "
        "de novo quando a Secretaria da OEA o aprovar. Veja /myreports.",
    },
    # -- /export additions, /stats --------------------------------------------------------------------
    "export.usage": {  # HTML
        "en": "Usage: <code>/export {year}</code> (default: the year being reported on), and a language "
        "for one version only: <code>/export {year} es</code> (en, es, fr, pt); <code>all</code> adds the reports "
        "awaiting review, marked (<code>/export {year} all</code>); <code>xlsx</code> gives the spreadsheet "
        "(<code>/export {year} xlsx</code>).",
        "es": "Uso: <code>/export {year}</code> (por defecto: el año sobre el que se informa), y un idioma "
        "para una sola versión: <code>/export {year} es</code> (en, es, fr, pt); <code>all</code> añade los informes "
        "por revisar, marcados (<code>/export {year} all</code>); <code>xlsx</code> da la hoja de cálculo "
        "(<code>/export {year} xlsx</code>).",
        "fr": "Utilisation : <code>/export {year}</code> (par défaut : l'année sur laquelle on rend compte), "
        "et une langue pour une seule version : <code>/export {year} es</code> (en, es, fr, pt) ; <code>all</code> "
        "ajoute les rapports à examiner, signalés (<code>/export {year} all</code>) ; <code>xlsx</code> donne le "
        "tableur (<code>/export {year} xlsx</code>).",
        "pt": "Uso: <code>/export {year}</code> (padrão: o ano sobre o qual se relata), e um idioma "
        "para uma só versão: <code>/export {year} es</code> (en, es, fr, pt); <code>all</code> acrescenta os "
        "relatórios por rever, assinalados (<code>/export {year} all</code>); <code>xlsx</code> dá a folha de "
        "cálculo (<code>/export {year} xlsx</code>).",
    },
    "export.caption_xlsx": {
        "en": "Reports {year} as a spreadsheet: one row per version, and the coverage of the Program activities by actor.",
        "es": "Informes {year} en hoja de cálculo: una fila por versión, y la cobertura de las actividades del "
        "Programa por actor.",
        "fr": "Rapports {year} en tableur : une ligne par version, et la couverture des activités du Programme "
        "par acteur.",
        "pt": "Relatórios {year} em folha de cálculo: uma linha por versão, e a cobertura das atividades do "
        "Programa por ator.",
    },
    "export.caption_all": {
        "en": "Includes reports still awaiting review, marked as such.",
        "es": "Incluye informes aún por revisar, marcados como tales.",
        "fr": "Comprend les rapports encore à examiner, signalés comme tels.",
        "pt": "Inclui relatórios ainda por rever, assinalados como tal.",
    },
    "stats.curate_hint": {
        "en": "  (/curate to write the Secretariat's answer to one of these)",
        "es": "  (/curate para escribir la respuesta de la Secretaría a una de ellas)",
        "fr": "  (/curate pour rédiger la réponse du Secrétariat à l'une d'elles)",
        "pt": "  (/curate para escrever a resposta da Secretaria a uma delas)",
    },
}
