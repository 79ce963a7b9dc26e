"""The Program's actors as the documents name them, in English and Spanish.

Used to recognise an actor in a question ("what must the IIN do?", "¿qué pide a la CIDH?") and
to file a Program activity under its actor.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from index.text import fold


class Actor(BaseModel):
    id: str
    name: str
    name_es: str
    aliases: list[str]
    group: str  # "oas", "specialized", "member_states", "multilateral", "other"


ACTORS: list[Actor] = [
    Actor(
        id="GS",
        name="General Secretariat",
        name_es="Secretaría General",
        aliases=["general secretariat", "secretaria general", "gs/oas", "sg/oea"],
        group="oas",
    ),
    Actor(
        id="CAM",
        name="Committee on Migration Issues (CAM)",
        name_es="Comisión de Asuntos Migratorios (CAM)",
        aliases=["cam", "cidi-cam", "cidi/cam", "committee on migration issues", "comision de asuntos migratorios"],
        group="oas",
    ),
    Actor(
        id="IACHR",
        name="Inter-American Commission on Human Rights (IACHR)",
        name_es="Comisión Interamericana de Derechos Humanos (CIDH)",
        aliases=[
            "iachr",
            "cidh",
            "inter-american commission on human rights",
            "comision interamericana de derechos humanos",
        ],
        group="oas",
    ),
    Actor(
        id="CIM",
        name="Inter-American Commission of Women (CIM)",
        name_es="Comisión Interamericana de Mujeres (CIM)",
        aliases=["cim", "inter-american commission of women", "comision interamericana de mujeres"],
        group="specialized",
    ),
    Actor(
        id="IIN",
        name="Inter-American Children's Institute (IIN)",
        name_es="Instituto Interamericano del Niño, la Niña y Adolescentes (IIN)",
        aliases=[
            "iin",
            "inn",
            "inter-american children's institute",
            "inter-american children’s institute",
            "instituto interamericano del nino",
        ],
        group="specialized",
    ),
    Actor(
        id="PAHO",
        name="Pan American Health Organization (PAHO)",
        name_es="Organización Panamericana de la Salud (OPS)",
        aliases=["paho", "ops", "pan american health organization", "organizacion panamericana de la salud"],
        group="specialized",
    ),
    Actor(
        id="OTHER_OAS",
        name="Other organs and entities of the OAS",
        name_es="Otros órganos y entidades de la OEA",
        aliases=["other organs", "otros organos"],
        group="oas",
    ),
    Actor(
        id="MEMBER_STATES",
        name="OAS member states",
        name_es="Estados miembros de la OEA",
        aliases=["member states", "member state", "states", "estados miembros", "estados", "countries", "paises"],
        group="member_states",
    ),
    Actor(
        id="MULTILATERAL",
        name="Multilateral organizations",
        name_es="Organismos multilaterales",
        aliases=["multilateral organizations", "organismos multilaterales", "iom", "oim", "ilo", "oit"],
        group="multilateral",
    ),
    Actor(
        id="OTHER_ACTORS",
        name="Other actors (civil society, universities, diaspora and migrant networks)",
        name_es="Otros actores (sociedad civil, universidades, redes de diáspora y de migrantes)",
        aliases=["other actors", "civil society", "sociedad civil", "otros actores"],
        group="other",
    ),
]

_BY_ID = {actor.id: actor for actor in ACTORS}


def actor_by_id(actor_id: str) -> Actor | None:
    return _BY_ID.get(actor_id.upper())


def _alias_pattern(alias: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/-]){re.escape(fold(alias))}(?![\w/-])")


_PATTERNS = [(actor, [_alias_pattern(alias) for alias in actor.aliases]) for actor in ACTORS]


def find_actors(text: str) -> list[Actor]:
    """Actors named in a question, most specific first (IACHR before 'states')."""
    folded = fold(text)
    found = [actor for actor, patterns in _PATTERNS if any(p.search(folded) for p in patterns)]
    if len(found) > 1:
        found = [actor for actor in found if actor.id != "MEMBER_STATES"] or found
    return found


def actor_for_heading(heading: str) -> Actor | None:
    """The actor a Program section heading is about ("· Inter-American Children’s Institute (IIN):")."""
    folded = fold(heading)
    if "member states" in folded:
        return _BY_ID["MEMBER_STATES"]
    for actor, patterns in _PATTERNS:
        if actor.id != "MEMBER_STATES" and any(p.search(folded) for p in patterns):
            return actor
    return None


MEMBER_STATES: list[tuple[str, str, str]] = [
    ("AG", "Antigua and Barbuda", "Antigua y Barbuda"),
    ("AR", "Argentina", "Argentina"),
    ("BS", "The Bahamas", "Bahamas"),
    ("BB", "Barbados", "Barbados"),
    ("BZ", "Belize", "Belice"),
    ("BO", "Bolivia", "Bolivia"),
    ("BR", "Brazil", "Brasil"),
    ("CA", "Canada", "Canadá"),
    ("CL", "Chile", "Chile"),
    ("CO", "Colombia", "Colombia"),
    ("CR", "Costa Rica", "Costa Rica"),
    ("CU", "Cuba", "Cuba"),
    ("DM", "Dominica", "Dominica"),
    ("DO", "Dominican Republic", "República Dominicana"),
    ("EC", "Ecuador", "Ecuador"),
    ("SV", "El Salvador", "El Salvador"),
    ("GD", "Grenada", "Granada"),
    ("GT", "Guatemala", "Guatemala"),
    ("GY", "Guyana", "Guyana"),
    ("HT", "Haiti", "Haití"),
    ("HN", "Honduras", "Honduras"),
    ("JM", "Jamaica", "Jamaica"),
    ("MX", "Mexico", "México"),
    ("NI", "Nicaragua", "Nicaragua"),
    ("PA", "Panama", "Panamá"),
    ("PY", "Paraguay", "Paraguay"),
    ("PE", "Peru", "Perú"),
    ("KN", "Saint Kitts and Nevis", "San Cristóbal y Nieves"),
    ("LC", "Saint Lucia", "Santa Lucía"),
    ("VC", "Saint Vincent and the Grenadines", "San Vicente y las Granadinas"),
    ("SR", "Suriname", "Surinam"),
    ("TT", "Trinidad and Tobago", "Trinidad y Tobago"),
    ("US", "United States", "Estados Unidos"),
    ("UY", "Uruguay", "Uruguay"),
    ("VE", "Venezuela", "Venezuela"),
]


def seed_actors() -> list[dict]:
    """The registry's first rows: the Program's actors and the 35 member states."""
    rows = [
        {"id": a.id, "name": a.name, "name_es": a.name_es, "grp": a.group} for a in ACTORS if a.id != "MEMBER_STATES"
    ]
    rows += [
        {"id": code, "name": name, "name_es": name_es, "grp": "member_states"} for code, name, name_es in MEMBER_STATES
    ]
    return rows


def program_actor_for(actor_id: str, group: str) -> str:
    """Whose Program activities an actor implements: a member state implements the states' ones."""
    return "MEMBER_STATES" if group == "member_states" else actor_id
