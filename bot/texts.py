"""Every text a user sees, in the OAS's four official languages, behind one function: `t(lang, key)`.

One entry per key with its four translations side by side, so a translator (or a reviewer) sees
at once what a text says in each language; `tests/test_texts.py` checks that no key misses one.
Quoted document text is never translated: it stays in the documents' language and is labelled.
"""

from __future__ import annotations

LANGUAGES = ("en", "es", "fr", "pt")
DEFAULT_LANGUAGE = "en"

TEXTS: dict[str, dict[str, str]] = {
    "according": {
        "en": "According to the documents:",
        "es": "Según los documentos:",
        "fr": "Selon les documents :",
        "pt": "Segundo os documentos:",
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
    "quoted_en": {
        "en": "",
        "es": "(texto original en inglés)",
        "fr": "(texte original en anglais)",
        "pt": "(texto original em inglês)",
    },
    "activities_of": {
        "en": "Program activities for {actor}:",
        "es": "Actividades del Programa para {actor}:",
        "fr": "Activités du Programme pour {actor} :",
        "pt": "Atividades do Programa para {actor}:",
    },
    "program_name": {
        "en": "Inter-American Program for the Promotion and Protection of the Human Rights of Migrants, Including Migrant Workers and Their Families",
        "es": "Programa Interamericano para la Promoción y Protección de los Derechos Humanos de los Migrantes, Incluidos los Trabajadores Migratorios y sus Familias",
        "fr": "Programme interaméricain pour la promotion et la protection des droits de la personne des migrants, y compris les travailleurs migrants et leurs familles",
        "pt": "Programa Interamericano para a Promoção e Proteção dos Direitos Humanos dos Migrantes, Incluindo os Trabalhadores Migrantes e suas Famílias",
    },
    # -- the annual report (bot/reporting/annual_report.py) --
    "export_organization": {
        "en": "ORGANIZATION OF AMERICAN STATES · Committee on Migration Issues (CAM)",
        "es": "ORGANIZACIÓN DE LOS ESTADOS AMERICANOS · Comisión de Asuntos Migratorios (CAM)",
        "fr": "ORGANISATION DES ÉTATS AMÉRICAINS · Commission des questions migratoires (CAM)",
        "pt": "ORGANIZAÇÃO DOS ESTADOS AMERICANOS · Comissão de Assuntos Migratórios (CAM)",
    },
    "export_title": {
        "en": "Annual Report on Activities in Implementation of the {program}",
        "es": "Informe anual sobre las actividades de ejecución del {program}",
        "fr": "Rapport annuel sur les activités de mise en œuvre du {program}",
        "pt": "Relatório anual sobre as atividades de execução do {program}",
    },
    "export_year": {
        "en": "Reporting year {year}",
        "es": "Año del informe: {year}",
        "fr": "Année du rapport : {year}",
        "pt": "Ano do relatório: {year}",
    },
    "export_symbol_placeholder": {
        "en": "Symbol: OEA/Ser.W CIDI/CAM/doc. __/__ (to be assigned by the Secretariat)",
        "es": "Símbolo: OEA/Ser.W CIDI/CAM/doc. __/__ (lo asigna la Secretaría)",
        "fr": "Cote : OEA/Ser.W CIDI/CAM/doc. __/__ (attribuée par le Secrétariat)",
        "pt": "Símbolo: OEA/Ser.W CIDI/CAM/doc. __/__ (atribuído pela Secretaria)",
    },
    "export_date": {
        "en": "Date: {date}",
        "es": "Fecha: {date}",
        "fr": "Date : {date}",
        "pt": "Data: {date}",
    },
    "export_draft_notice": {
        "en": "Draft compiled from the reports submitted by the focal points of the Program actors. Not an official document until approved.",
        "es": "Borrador compilado a partir de los informes enviados por los puntos focales de los actores del Programa. No es un documento oficial hasta su aprobación.",
        "fr": "Projet établi à partir des rapports soumis par les points focaux des acteurs du Programme. Ce n'est pas un document officiel avant son approbation.",
        "pt": "Rascunho compilado a partir dos relatórios enviados pelos pontos focais dos atores do Programa. Não é um documento oficial até ser aprovado.",
    },
    "export_introduction": {
        "en": "Introduction",
        "es": "Introducción",
        "fr": "Introduction",
        "pt": "Introdução",
    },
    "export_background": {
        "en": "Background",
        "es": "Antecedentes",
        "fr": "Contexte",
        "pt": "Antecedentes",
    },
    "export_background_text": {
        "en": "The {program} was adopted and revised by the General Assembly ({symbols}).",
        "es": "El {program} fue adoptado y revisado por la Asamblea General ({symbols}).",
        "fr": "Le {program} a été adopté et révisé par l'Assemblée générale ({symbols}).",
        "pt": "O {program} foi adotado e revisado pela Assembleia Geral ({symbols}).",
    },
    "export_secretariat_text": {
        "en": "[Text of the Secretariat: replace this paragraph before sending.]",
        "es": "[Texto de la Secretaría: reemplace este párrafo antes de enviar el informe.]",
        "fr": "[Texte du Secrétariat : remplacez ce paragraphe avant l'envoi.]",
        "pt": "[Texto da Secretaria: substitua este parágrafo antes do envio.]",
    },
    "export_objectives": {
        "en": "Objectives of the Program",
        "es": "Objetivos del Programa",
        "fr": "Objectifs du Programme",
        "pt": "Objetivos do Programa",
    },
    "export_general_objectives": {
        "en": "A. General objectives",
        "es": "A. Objetivos generales",
        "fr": "A. Objectifs généraux",
        "pt": "A. Objetivos gerais",
    },
    "export_specific_objectives": {
        "en": "B. Specific objectives",
        "es": "B. Objetivos específicos",
        "fr": "B. Objectifs spécifiques",
        "pt": "B. Objetivos específicos",
    },
    "export_quoted_en": {
        "en": "",
        "es": "Los objetivos se citan en el idioma original del Programa (inglés).",
        "fr": "Les objectifs sont cités dans la langue originale du Programme (anglais).",
        "pt": "Os objetivos são citados no idioma original do Programa (inglês).",
    },
    "export_activities": {
        "en": "Activities reported by the Program actors",
        "es": "Actividades informadas por los actores del Programa",
        "fr": "Activités signalées par les acteurs du Programme",
        "pt": "Atividades relatadas pelos atores do Programa",
    },
    "export_no_reports": {
        "en": "No reports were submitted for {year}.",
        "es": "No se enviaron informes para {year}.",
        "fr": "Aucun rapport n'a été soumis pour {year}.",
        "pt": "Nenhum relatório foi enviado para {year}.",
    },
    "export_not_reported": {
        "en": "Actors that did not report",
        "es": "Actores que no presentaron informes",
        "fr": "Acteurs n'ayant pas présenté de rapport",
        "pt": "Atores que não apresentaram relatórios",
    },
    "export_everyone_reported": {
        "en": "Every registered actor reported.",
        "es": "Todos los actores registrados presentaron informes.",
        "fr": "Tous les acteurs enregistrés ont présenté un rapport.",
        "pt": "Todos os atores registrados apresentaram relatórios.",
    },
    "export_coverage": {
        "en": "Coverage of the Program activities",
        "es": "Cobertura de las actividades del Programa",
        "fr": "Couverture des activités du Programme",
        "pt": "Cobertura das atividades do Programa",
    },
    "export_coverage_summary": {
        "en": "{covered} of the {total} Program activities have at least one report this year.",
        "es": "{covered} de las {total} actividades del Programa tienen al menos un informe este año.",
        "fr": "{covered} des {total} activités du Programme ont au moins un rapport cette année.",
        "pt": "{covered} das {total} atividades do Programa têm pelo menos um relatório este ano.",
    },
    "export_col_number": {
        "en": "No.",
        "es": "N.º",
        "fr": "N°",
        "pt": "N.º",
    },
    "export_col_activity": {
        "en": "Program activity",
        "es": "Actividad del Programa",
        "fr": "Activité du Programme",
        "pt": "Atividade do Programa",
    },
    "export_col_actor": {
        "en": "Actor",
        "es": "Actor",
        "fr": "Acteur",
        "pt": "Ator",
    },
    "export_col_reports": {
        "en": "Reports",
        "es": "Informes",
        "fr": "Rapports",
        "pt": "Relatórios",
    },
    "export_none": {
        "en": "none",
        "es": "ninguno",
        "fr": "aucun",
        "pt": "nenhum",
    },
    "export_activity_reference": {
        "en": "Program activity {number}: {title}",
        "es": "Actividad {number} del Programa: {title}",
        "fr": "Activité {number} du Programme : {title}",
        "pt": "Atividade {number} do Programa: {title}",
    },
    "export_objective_reference": {
        "en": "Program specific objective {number}",
        "es": "Objetivo específico {number} del Programa",
        "fr": "Objectif spécifique {number} du Programme",
        "pt": "Objetivo específico {number} do Programa",
    },
    "report_kind_carried_out": {
        "en": "Activities carried out",
        "es": "Actividades realizadas",
        "fr": "Activités réalisées",
        "pt": "Atividades realizadas",
    },
    "report_kind_planned": {
        "en": "Activities planned",
        "es": "Actividades planificadas",
        "fr": "Activités prévues",
        "pt": "Atividades planejadas",
    },
    "report_kind_best_practice": {
        "en": "Best practices",
        "es": "Buenas prácticas",
        "fr": "Bonnes pratiques",
        "pt": "Boas práticas",
    },
    "report_kind_new_proposal": {
        "en": "New proposals",
        "es": "Nuevas propuestas",
        "fr": "Nouvelles propositions",
        "pt": "Novas propostas",
    },
}


def normalise_language(code: str | None) -> str:
    """A Telegram `language_code` ("pt-br", "fr") or a choice, as one of LANGUAGES."""
    base = (code or "").lower().replace("_", "-").split("-")[0]
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def t(lang: str | None, key: str, **values: object) -> str:
    """The text for `key` in `lang` (English for an unknown language), with `{values}` filled in."""
    entry = TEXTS[key]
    text = entry.get(normalise_language(lang)) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
