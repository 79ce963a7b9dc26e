"""Texts of the annual report export (bot/reporting/annual_report.py): labels, cover, section titles."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "export.program_name": {
        "en": "Inter-American Program for the Promotion and Protection of the Human Rights of Migrants, Including Migrant Workers and Their Families",
        "es": "Programa Interamericano para la Promoción y Protección de los Derechos Humanos de los Migrantes, Incluidos los Trabajadores Migratorios y sus Familias",
        "fr": "Programme interaméricain pour la promotion et la protection des droits de la personne des migrants, y compris les travailleurs migrants et leurs familles",
        "pt": "Programa Interamericano para a Promoção e Proteção dos Direitos Humanos dos Migrantes, Incluindo os Trabalhadores Migrantes e suas Famílias",
    },
    "export.organization": {
        "en": "ORGANIZATION OF AMERICAN STATES · Committee on Migration Issues (CAM)",
        "es": "ORGANIZACIÓN DE LOS ESTADOS AMERICANOS · Comisión de Asuntos Migratorios (CAM)",
        "fr": "ORGANISATION DES ÉTATS AMÉRICAINS · Commission des questions migratoires (CAM)",
        "pt": "ORGANIZAÇÃO DOS ESTADOS AMERICANOS · Comissão de Assuntos Migratórios (CAM)",
    },
    "export.title": {
        "en": "Annual Report on Activities in Implementation of the {program}",
        "es": "Informe anual sobre las actividades de ejecución del {program}",
        "fr": "Rapport annuel sur les activités de mise en œuvre du {program}",
        "pt": "Relatório anual sobre as atividades de execução do {program}",
    },
    "export.year": {
        "en": "Reporting year {year}",
        "es": "Año del informe: {year}",
        "fr": "Année du rapport : {year}",
        "pt": "Ano do relatório: {year}",
    },
    "export.symbol_placeholder": {
        "en": "Symbol: OEA/Ser.W CIDI/CAM/doc. __/__ (to be assigned by the Secretariat)",
        "es": "Símbolo: OEA/Ser.W CIDI/CAM/doc. __/__ (lo asigna la Secretaría)",
        "fr": "Cote : OEA/Ser.W CIDI/CAM/doc. __/__ (attribuée par le Secrétariat)",
        "pt": "Símbolo: OEA/Ser.W CIDI/CAM/doc. __/__ (atribuído pela Secretaria)",
    },
    "export.date": {
        "en": "Date: {date}",
        "es": "Fecha: {date}",
        "fr": "Date : {date}",
        "pt": "Data: {date}",
    },
    "export.draft_notice": {
        "en": "Draft compiled from the reports submitted by the focal points of the Program actors. Not an official document until approved.",
        "es": "Borrador compilado a partir de los informes enviados por los puntos focales de los actores del Programa. No es un documento oficial hasta su aprobación.",
        "fr": "Projet établi à partir des rapports soumis par les points focaux des acteurs du Programme. Ce n'est pas un document officiel avant son approbation.",
        "pt": "Rascunho compilado a partir dos relatórios enviados pelos pontos focais dos atores do Programa. Não é um documento oficial até ser aprovado.",
    },
    "export.introduction": {
        "en": "Introduction",
        "es": "Introducción",
        "fr": "Introduction",
        "pt": "Introdução",
    },
    "export.background": {
        "en": "Background",
        "es": "Antecedentes",
        "fr": "Contexte",
        "pt": "Antecedentes",
    },
    "export.background_text": {
        "en": "The {program} was adopted and revised by the General Assembly ({symbols}).",
        "es": "El {program} fue adoptado y revisado por la Asamblea General ({symbols}).",
        "fr": "Le {program} a été adopté et révisé par l'Assemblée générale ({symbols}).",
        "pt": "O {program} foi adotado e revisado pela Assembleia Geral ({symbols}).",
    },
    "export.secretariat_text": {
        "en": "[Text of the Secretariat: replace this paragraph before sending.]",
        "es": "[Texto de la Secretaría: reemplace este párrafo antes de enviar el informe.]",
        "fr": "[Texte du Secrétariat : remplacez ce paragraphe avant l'envoi.]",
        "pt": "[Texto da Secretaria: substitua este parágrafo antes do envio.]",
    },
    "export.objectives": {
        "en": "Objectives of the Program",
        "es": "Objetivos del Programa",
        "fr": "Objectifs du Programme",
        "pt": "Objetivos do Programa",
    },
    "export.general_objectives": {
        "en": "A. General objectives",
        "es": "A. Objetivos generales",
        "fr": "A. Objectifs généraux",
        "pt": "A. Objetivos gerais",
    },
    "export.specific_objectives": {
        "en": "B. Specific objectives",
        "es": "B. Objetivos específicos",
        "fr": "B. Objectifs spécifiques",
        "pt": "B. Objetivos específicos",
    },
    "export.quoted_en": {
        "en": "",
        "es": "Los objetivos se citan en el idioma original del Programa (inglés).",
        "fr": "Les objectifs sont cités dans la langue originale du Programme (anglais).",
        "pt": "Os objetivos são citados no idioma original do Programa (inglês).",
    },
    "export.activities": {
        "en": "Activities reported by the Program actors",
        "es": "Actividades informadas por los actores del Programa",
        "fr": "Activités signalées par les acteurs du Programme",
        "pt": "Atividades relatadas pelos atores do Programa",
    },
    "export.no_reports": {
        "en": "No reports were submitted for {year}.",
        "es": "No se enviaron informes para {year}.",
        "fr": "Aucun rapport n'a été soumis pour {year}.",
        "pt": "Nenhum relatório foi enviado para {year}.",
    },
    "export.not_reported": {
        "en": "Actors that did not report",
        "es": "Actores que no presentaron informes",
        "fr": "Acteurs n'ayant pas présenté de rapport",
        "pt": "Atores que não apresentaram relatórios",
    },
    "export.everyone_reported": {
        "en": "Every registered actor reported.",
        "es": "Todos los actores registrados presentaron informes.",
        "fr": "Tous les acteurs enregistrés ont présenté un rapport.",
        "pt": "Todos os atores registrados apresentaram relatórios.",
    },
    "export.coverage": {
        "en": "Coverage of the Program activities",
        "es": "Cobertura de las actividades del Programa",
        "fr": "Couverture des activités du Programme",
        "pt": "Cobertura das atividades do Programa",
    },
    "export.coverage_summary": {
        "en": "{covered} of the {total} Program activities have at least one report this year.",
        "es": "{covered} de las {total} actividades del Programa tienen al menos un informe este año.",
        "fr": "{covered} des {total} activités du Programme ont au moins un rapport cette année.",
        "pt": "{covered} das {total} atividades do Programa têm pelo menos um relatório este ano.",
    },
    "export.col_number": {
        "en": "No.",
        "es": "N.º",
        "fr": "N°",
        "pt": "N.º",
    },
    "export.col_activity": {
        "en": "Program activity",
        "es": "Actividad del Programa",
        "fr": "Activité du Programme",
        "pt": "Atividade do Programa",
    },
    "export.col_actor": {
        "en": "Actor",
        "es": "Actor",
        "fr": "Acteur",
        "pt": "Ator",
    },
    "export.col_reports": {
        "en": "Reports",
        "es": "Informes",
        "fr": "Rapports",
        "pt": "Relatórios",
    },
    "export.none": {
        "en": "none",
        "es": "ninguno",
        "fr": "aucun",
        "pt": "nenhum",
    },
    "export.activity_reference": {
        "en": "Program activity {number}: {title}",
        "es": "Actividad {number} del Programa: {title}",
        "fr": "Activité {number} du Programme : {title}",
        "pt": "Atividade {number} do Programa: {title}",
    },
    "export.objective_reference": {
        "en": "Program specific objective {number}",
        "es": "Objetivo específico {number} del Programa",
        "fr": "Objectif spécifique {number} du Programme",
        "pt": "Objetivo específico {number} do Programa",
    },
}
