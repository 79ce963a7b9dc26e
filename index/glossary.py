"""Spanish → English terms of the Program, so Spanish questions find English passages.

The documents are in English; delegates ask in both languages. A small hand-made glossary of
the Program's vocabulary and acronyms (CIDH → IACHR, OPS → PAHO, trata → trafficking) turns a
Spanish question into English search terms and into an English paraphrase for the encoder.
"""

from __future__ import annotations

import re

from index.text import fold

ACRONYMS = {
    "cidh": "IACHR", "ops": "PAHO", "oim": "IOM", "oit": "ILO", "oea": "OAS", "acnur": "UNHCR",
    "crm": "RCM", "cajp": "CAJP", "cidi": "CIDI", "cim": "CIM", "iin": "IIN", "cam": "CAM",
    "sms": "SMS", "dps": "DPS", "sedi": "SEDI", "dec": "DEC", "cepal": "ECLAC", "caricom": "CARICOM",
    "aecid": "AECID", "onu": "UN", "gt/tm": "GT/TM",
}

# Multi-word phrases first (matched before single words).
PHRASES = {
    "objetivo especifico": "specific objective", "objetivos especificos": "specific objectives",
    "objetivo general": "general objective", "objetivos generales": "general objectives",
    "estados miembros": "member states", "estado miembro": "member state",
    "trata de personas": "trafficking in persons", "trafico de migrantes": "migrant smuggling",
    "trabajadores migratorios": "migrant workers", "trabajadores migrantes": "migrant workers",
    "derechos humanos": "human rights", "primera infancia": "early childhood",
    "asamblea general": "General Assembly", "consejo permanente": "Permanent Council",
    "sociedad civil": "civil society", "buenas practicas": "best practices",
    "mejores practicas": "best practices", "plan de trabajo": "work plan",
    "informe anual": "annual report", "secretaria general": "General Secretariat",
    "vicepresidencia": "Vice Chair", "vicepresidente": "Vice Chair",
    "ninos no acompanados": "unaccompanied children", "no acompanados": "unaccompanied",
    "medidas de seguimiento": "follow-up measures follow-up activities",
    "departamento de educacion y cultura": "Department of Education and Culture",
    "cumbre de las americas": "Summit of the Americas", "cumbres de las americas": "Summits of the Americas",
    "ciudad de quebec": "Quebec City", "asistencia tecnica": "technical assistance",
    "asistencia consular": "consular assistance", "debido proceso": "due process",
    "explotacion sexual": "sexual exploitation", "comision interamericana de mujeres": "Inter-American Commission of Women",
    "instituto interamericano del nino": "Inter-American Children's Institute",
    "organizacion panamericana de la salud": "Pan American Health Organization",
    "comision interamericana de derechos humanos": "Inter-American Commission on Human Rights",
    "comision de asuntos migratorios": "Committee on Migration Issues",
    "seguridad social": "social security", "mercado laboral": "labor market",
    "estadisticas migratorias": "migration statistics",
}

WORDS = {
    "actividad": "activity", "actividades": "activities", "actor": "actor", "actores": "actors",
    "programa": "program", "migrante": "migrant", "migrantes": "migrants", "migracion": "migration",
    "migratoria": "migration", "migratorio": "migration", "migratorias": "migration",
    "derecho": "right", "derechos": "rights", "resolucion": "resolution", "resoluciones": "resolutions",
    "mandato": "mandate", "mandatos": "mandates", "objetivo": "objective", "objetivos": "objectives",
    "trata": "trafficking", "trafico": "smuggling", "victimas": "victims", "victima": "victim",
    "mujeres": "women", "mujer": "woman", "ninos": "children", "nino": "child", "ninas": "girls",
    "infancia": "childhood", "adolescentes": "adolescents", "familias": "families", "familia": "family",
    "trabajadores": "workers", "trabajador": "worker", "salud": "health", "educacion": "education",
    "proyecto": "project", "proyectos": "projects", "implementa": "implementing implements",
    "departamento": "department", "seguimiento": "follow-up", "medidas": "measures",
    "sirven": "purpose serve", "declaracion": "declaration", "lideres": "leaders", "jefes": "heads",
    "cumbre": "summit", "cumbres": "summits", "asistencia": "assistance", "tecnica": "technical",
    "brindo": "provided", "brindar": "provide", "estados": "states", "estado": "state",
    "miembros": "members", "comision": "commission", "comite": "committee", "instituto": "institute",
    "organizacion": "organization", "organizaciones": "organizations", "consular": "consular",
    "consulado": "consulate", "frontera": "border", "fronteras": "borders", "fronterizas": "border",
    "refugiados": "refugees", "asilo": "asylum", "deportacion": "deportation", "detencion": "detention",
    "discriminacion": "discrimination", "xenofobia": "xenophobia", "integracion": "integration",
    "desarrollo": "development", "remesas": "remittances", "reunion": "meeting", "reuniones": "meetings",
    "informe": "report", "informes": "reports", "recomendaciones": "recommendations",
    "capacitacion": "training", "talleres": "workshops", "taller": "workshop", "estudio": "study",
    "estudios": "studies", "datos": "data", "estadisticas": "statistics", "informacion": "information",
    "cooperacion": "cooperation", "dialogo": "dialogue", "politicas": "policies", "politica": "policy",
    "leyes": "laws", "ley": "law", "justicia": "justice", "judicial": "judicial", "defensa": "defense",
    "regularizacion": "regularization", "irregular": "irregular", "retorno": "return",
    "repatriacion": "repatriation", "documentos": "documents", "identidad": "identity",
    "propiedad": "property", "laborales": "labor", "laboral": "labor", "empleo": "employment",
    "financiamiento": "funding", "fondo": "fund", "recursos": "resources", "creo": "created",
    "creacion": "creation", "crear": "create", "cuando": "when", "donde": "where", "quien": "who",
    "quienes": "who", "cuantos": "how many", "cuantas": "how many", "paises": "countries",
    "pais": "country", "region": "region", "hemisferio": "Hemisphere", "americas": "Americas",
    "sexual": "sexual", "explotacion": "exploitation", "contrabando": "smuggling", "secuestro": "kidnapping",
    "muertes": "deaths", "desapariciones": "disappearances", "desaparecidos": "missing",
    "personas": "persons", "genero": "gender", "violencia": "violence", "ministros": "ministers",
    "trabajo": "labor work", "conferencia": "conference", "foro": "forum", "foros": "forums",
    "sociedad": "society", "civil": "civil", "presidencia": "presidency", "celebro": "held",
    "celebrada": "held", "realizo": "held carried out", "dijeron": "said", "compromiso": "commitment",
    "prevenir": "prevent", "combatir": "combat", "proteger": "protect", "proteccion": "protection",
    "promover": "promote", "promocion": "promotion", "acceso": "access", "tribunales": "courts",
    "expulsion": "expulsion", "vigilancia": "monitoring", "progreso": "progress", "avances": "progress",
    "intercambio": "exchange", "intercambiar": "exchange", "plan": "plan", "calendario": "schedule calendar",
    "fecha": "date", "ano": "year", "anos": "years", "venezolanos": "Venezuelans", "nicaraguenses": "Nicaraguans",
    "centroamericanos": "Central Americans", "caravana": "caravan", "principios": "principles",
    "rural": "rural", "rurales": "rural", "indigenas": "indigenous", "comunidades": "communities",
    "transicion": "transition", "tendencias": "trends", "idioma": "language", "mexico": "Mexico",
    "definicion": "definition", "define": "defines", "significa": "means", "deben": "should must",
    "debe": "should must", "pide": "asks requests", "solicita": "requests", "encarga": "instructs",
}

_SPANISH_HINTS = re.compile(
    r"[ñ¿¡áéíóú]|\b(qué|que|cuál|cuáles|cómo|quién|quiénes|dónde|cuándo|según|sobre|los|las|del|para|"
    r"está|están|hizo|dijo|dijeron|puede|pueden|debe|deben|actividad|objetivo|programa)\b",
    re.IGNORECASE,
)


def looks_spanish(text: str) -> bool:
    return len(_SPANISH_HINTS.findall(text)) >= 2


def translate_terms(text: str) -> str:
    """A word-for-word English rendering of a Spanish question: crude, but it shares vocabulary."""
    folded = fold(text)
    for phrase, english in sorted(PHRASES.items(), key=lambda item: -len(item[0])):
        folded = re.sub(rf"\b{re.escape(phrase)}\b", english.lower(), folded)
    words = []
    for token in re.findall(r"[\w/]+", folded):
        if token in ACRONYMS:
            words.append(ACRONYMS[token])
        elif token in WORDS:
            words.append(WORDS[token])
        else:
            words.append(token)
    return " ".join(words)
