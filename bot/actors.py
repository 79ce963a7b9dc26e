"""The Program's actors as the documents name them, and the one `Actor` model.

Used to recognise an actor in a question ("what must the IIN do?", "¿qué pide a la CIDH?"), to
file a Program activity under its actor, and to seed the registry of actors whose focal points
file reports (`bot/reporting/registry.py` reads the same model from the database).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from index.text import fold


class Actor(BaseModel):
    """A Program actor or a registered one (a member state, an organisation added later)."""

    id: str
    name: str
    name_es: str
    group: str  # "oas", "specialized", "member_states", "multilateral", "other"
    aliases: list[str] = Field(default_factory=list)  # how questions name it (folded when matched)
    name_fr: str | None = None
    name_pt: str | None = None

    def name_in(self, lang: str) -> str:
        """The name in the user's language; English where no translation is recorded."""
        translated = {"es": self.name_es, "fr": self.name_fr, "pt": self.name_pt}.get(lang)
        return translated or self.name


ACTORS: list[Actor] = [
    Actor(
        id="GS",
        name="General Secretariat",
        name_es="Secretaría General",
        aliases=["general secretariat", "secretaria general", "gs/oas", "sg/oea"],
        group="oas",
        name_fr="Secrétariat général",
        name_pt="Secretaria-Geral",
    ),
    Actor(
        id="CAM",
        name="Committee on Migration Issues (CAM)",
        name_es="Comisión de Asuntos Migratorios (CAM)",
        aliases=["cam", "cidi-cam", "cidi/cam", "committee on migration issues", "comision de asuntos migratorios"],
        group="oas",
        name_fr="Commission des questions migratoires (CAM)",
        name_pt="Comissão de Assuntos Migratórios (CAM)",
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
        name_fr="Commission interaméricaine des droits de l'homme (CIDH)",
        name_pt="Comissão Interamericana de Direitos Humanos (CIDH)",
    ),
    Actor(
        id="CIM",
        name="Inter-American Commission of Women (CIM)",
        name_es="Comisión Interamericana de Mujeres (CIM)",
        aliases=["cim", "inter-american commission of women", "comision interamericana de mujeres"],
        group="specialized",
        name_fr="Commission interaméricaine des femmes (CIM)",
        name_pt="Comissão Interamericana de Mulheres (CIM)",
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
        name_fr="Institut interaméricain de l'enfance et de l'adolescence (IIN)",
        name_pt="Instituto Interamericano da Criança e do Adolescente (IIN)",
    ),
    Actor(
        id="PAHO",
        name="Pan American Health Organization (PAHO)",
        name_es="Organización Panamericana de la Salud (OPS)",
        aliases=["paho", "ops", "opas", "pan american health organization", "organizacion panamericana de la salud"],
        group="specialized",
        name_fr="Organisation panaméricaine de la santé (OPS)",
        name_pt="Organização Pan-Americana da Saúde (OPAS)",
    ),
    Actor(
        id="OTHER_OAS",
        name="Other organs and entities of the OAS",
        name_es="Otros órganos y entidades de la OEA",
        aliases=["other organs", "otros organos"],
        group="oas",
        name_fr="Autres organes et entités de l'OEA",
        name_pt="Outros órgãos e entidades da OEA",
    ),
    Actor(
        id="MEMBER_STATES",
        name="OAS member states",
        name_es="Estados miembros de la OEA",
        aliases=["member states", "member state", "states", "estados miembros", "estados", "countries", "paises"],
        group="member_states",
        name_fr="États membres de l'OEA",
        name_pt="Estados membros da OEA",
    ),
    Actor(
        id="MULTILATERAL",
        name="Multilateral organizations",
        name_es="Organismos multilaterales",
        aliases=["multilateral organizations", "organismos multilaterales", "iom", "oim", "ilo", "oit"],
        group="multilateral",
        name_fr="Organisations multilatérales",
        name_pt="Organizações multilaterais",
    ),
    Actor(
        id="OTHER_ACTORS",
        name="Other actors (civil society, universities, diaspora and migrant networks)",
        name_es="Otros actores (sociedad civil, universidades, redes de diáspora y de migrantes)",
        aliases=["other actors", "civil society", "sociedad civil", "otros actores"],
        group="other",
        name_fr="Autres acteurs (société civile, universités, réseaux de la diaspora et de migrants)",
        name_pt="Outros atores (sociedade civil, universidades, redes da diáspora e de migrantes)",
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
