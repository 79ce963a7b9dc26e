"""Texts of the focal points outside the /report conversation: /myreports and deadline reminders."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # -- /myreports ---------------------------------------------------------------------------------
    "myreports.none": {
        "en": "You have no reports yet. Send /report to file one.",
        "es": "Aún no tiene informes. Envíe /report para presentar uno.",
        "fr": "Vous n'avez encore aucun rapport. Envoyez /report pour en déposer un.",
        "pt": "Você ainda não tem relatórios. Envie /report para apresentar um.",
    },
    "myreports.button_edit": {
        "en": "✏️ Edit",
        "es": "✏️ Editar",
        "fr": "✏️ Modifier",
        "pt": "✏️ Editar",
    },
    "myreports.button_withdraw": {
        "en": "🗑 Withdraw",
        "es": "🗑 Retirar",
        "fr": "🗑 Retirer",
        "pt": "🗑 Retirar",
    },
    "myreports.confirm_withdraw": {
        "en": "Withdraw report #{id}? It leaves search and the annual report.",
        "es": "¿Retirar el informe n.º {id}? Saldrá de las búsquedas y del informe anual.",
        "fr": "Retirer le rapport n° {id} ? Il quittera la recherche et le rapport annuel.",
        "pt": "Retirar o relatório nº {id}? Ele sairá da busca e do relatório anual.",
    },
    "myreports.button_confirm_withdraw": {
        "en": "Yes, withdraw it",
        "es": "Sí, retirarlo",
        "fr": "Oui, le retirer",
        "pt": "Sim, retirá-lo",
    },
    "myreports.withdrawn_short": {
        "en": "Withdrawn",
        "es": "Retirado",
        "fr": "Retiré",
        "pt": "Retirado",
    },
    "myreports.not_withdrawn": {
        "en": "Already withdrawn, or not yours",
        "es": "Ya retirado, o no es suyo",
        "fr": "Déjà retiré, ou pas le vôtre",
        "pt": "Já retirado, ou não é seu",
    },
    "myreports.withdrawn": {
        "en": "Report #{id} withdrawn.",
        "es": "Informe n.º {id} retirado.",
        "fr": "Rapport n° {id} retiré.",
        "pt": "Relatório nº {id} retirado.",
    },
    # -- reminders (sent by the hourly job) ---------------------------------------------------------
    "reminder.due_in": {
        "en": "Reminder: the activity reports for {year} are due in {days} days ({date}). "
        "Send /report to file yours; it takes a few minutes.",
        "es": "Recordatorio: los informes de actividades de {year} vencen en {days} días ({date}). "
        "Envíe /report para presentar el suyo; toma unos minutos.",
        "fr": "Rappel : les rapports d'activités de {year} sont attendus dans {days} jours ({date}). "
        "Envoyez /report pour déposer le vôtre ; cela prend quelques minutes.",
        "pt": "Lembrete: os relatórios de atividades de {year} vencem dentro de {days} dias ({date}). "
        "Envie /report para apresentar o seu; leva poucos minutos.",
    },
    "reminder.due_tomorrow": {
        "en": "Reminder: the activity reports for {year} are due in 1 day ({date}). "
        "Send /report to file yours; it takes a few minutes.",
        "es": "Recordatorio: los informes de actividades de {year} vencen mañana ({date}). "
        "Envíe /report para presentar el suyo; toma unos minutos.",
        "fr": "Rappel : les rapports d'activités de {year} sont attendus demain ({date}). "
        "Envoyez /report pour déposer le vôtre ; cela prend quelques minutes.",
        "pt": "Lembrete: os relatórios de atividades de {year} vencem amanhã ({date}). "
        "Envie /report para apresentar o seu; leva poucos minutos.",
    },
    "reminder.due_today": {
        "en": "Reminder: the activity reports for {year} are due today. "
        "Send /report to file yours; it takes a few minutes.",
        "es": "Recordatorio: los informes de actividades de {year} vencen hoy. "
        "Envíe /report para presentar el suyo; toma unos minutos.",
        "fr": "Rappel : les rapports d'activités de {year} sont attendus aujourd'hui. "
        "Envoyez /report pour déposer le vôtre ; cela prend quelques minutes.",
        "pt": "Lembrete: os relatórios de atividades de {year} vencem hoje. "
        "Envie /report para apresentar o seu; leva poucos minutos.",
    },
}
