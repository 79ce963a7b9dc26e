"""What the bot tells maintainers when something outside it misbehaves: a manifest.toml that does
not parse, a database file deleted under the running bot, Telegram failing to hand over updates
(these unasked), a document uploaded twice, a deadline typed years ahead.

They name what is wrong and what the maintainers can do; the error's own words (a TOML parser's
"line 3, column 7", Telegram's "Bad Gateway") stay in English, filled in by the sender.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "notice.manifest_broken": {
        "en": "The corpus manifest cannot be read: {error}\nThe bot answers from the index as it was built. "
        "Documents cannot be added, removed or re-indexed, and focal points' reports wait to be published, "
        "until manifest.toml is fixed; they are published then, without anything else to do.",
        "es": "No se puede leer el manifiesto del corpus: {error}\nEl bot responde con el índice tal como se "
        "construyó. No se pueden añadir, quitar ni reindexar documentos, y los informes de los puntos focales "
        "esperan su publicación, hasta que se corrija manifest.toml; entonces se publican sin hacer nada más.",
        "fr": "Le manifeste du corpus est illisible : {error}\nLe bot répond avec l'index tel qu'il a été construit. "
        "On ne peut ni ajouter, ni retirer, ni réindexer de documents, et les rapports des points focaux "
        "attendent d'être publiés, tant que manifest.toml n'est pas corrigé ; ils le sont alors sans rien faire "
        "de plus.",
        "pt": "O manifesto do corpus não pode ser lido: {error}\nO bot responde com o índice tal como foi "
        "construído. Não é possível adicionar, remover nem reindexar documentos, e os relatórios dos pontos "
        "focais aguardam publicação, até que manifest.toml seja corrigido; então são publicados sem mais nada a "
        "fazer.",
    },
    "notice.database_restored": {
        "en": "The database file {path} was deleted while the bot was running. It was written back from the "
        "bot's open connection: nothing was lost. Find out what deleted it.",
        "es": "El archivo de la base de datos {path} se borró mientras el bot funcionaba. Se volvió a escribir "
        "desde la conexión abierta del bot: no se perdió nada. Averigüe qué lo borró.",
        "fr": "Le fichier de la base de données {path} a été supprimé pendant que le bot tournait. Il a été "
        "réécrit depuis la connexion ouverte du bot : rien n'est perdu. Cherchez ce qui l'a supprimé.",
        "pt": "O arquivo do banco de dados {path} foi apagado enquanto o bot funcionava. Ele foi reescrito a "
        "partir da conexão aberta do bot: nada se perdeu. Descubra o que o apagou.",
    },
    "error.polling": {  # HTML, to the maintainers' chat
        "en": "Telegram's getUpdates failed ({kind}: {error}). The bot keeps trying; further errors of this kind "
        "are not reported for an hour.",
        "es": "Falló getUpdates de Telegram ({kind}: {error}). El bot sigue intentándolo; otros errores de este tipo "
        "no se comunicarán durante una hora.",
        "fr": "getUpdates de Telegram a échoué ({kind} : {error}). Le bot continue d'essayer ; les erreurs de ce "
        "type ne seront plus signalées pendant une heure.",
        "pt": "O getUpdates do Telegram falhou ({kind}: {error}). O bot continua tentando; outros erros deste tipo "
        "não serão comunicados durante uma hora.",
    },
    "error.polling_conflict": {  # HTML, to the maintainers' chat
        "en": "Another process is getting this bot's updates with the same token ({kind}: {error}). Only one may: "
        "stop the other one. Further conflicts are not reported for an hour.",
        "es": "Otro proceso recibe las actualizaciones de este bot con el mismo token ({kind}: {error}). Solo uno "
        "puede hacerlo: detenga el otro. Otros conflictos no se comunicarán durante una hora.",
        "fr": "Un autre processus reçoit les mises à jour de ce bot avec le même jeton ({kind} : {error}). Un seul "
        "le peut : arrêtez l'autre. Les autres conflits ne seront plus signalés pendant une heure.",
        "pt": "Outro processo recebe as atualizações deste bot com o mesmo token ({kind}: {error}). Só um pode: "
        "pare o outro. Outros conflitos não serão comunicados durante uma hora.",
    },
    "doc.already_added": {
        "en": "Not added again: this content is already in the collection as {file} ({short}).",
        "es": "No se añadió de nuevo: este contenido ya está en la colección como {file} ({short}).",
        "fr": "Pas ajouté une seconde fois : ce contenu est déjà dans la collection sous le nom {file} ({short}).",
        "pt": "Não foi adicionado de novo: este conteúdo já está na coleção como {file} ({short}).",
    },
    "deadline.too_far": {
        "en": "That date is too far ahead: give a deadline within the next {years} years.",
        "es": "Esa fecha está demasiado lejos: indique un plazo dentro de los próximos {years} años.",
        "fr": "Cette date est trop lointaine : indiquez une date limite dans les {years} prochaines années.",
        "pt": "Essa data está longe demais: indique um prazo dentro dos próximos {years} anos.",
    },
}
