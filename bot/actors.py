"""The Program's actors as the documents name them, in four languages, and the one `Actor` model.

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
    program: bool = True  # False: named in the documents, but not one of the Program's own actors

    def name_in(self, lang: str | None) -> str:
        """The name in the user's language; English where no translation is recorded."""
        translated = {"es": self.name_es, "fr": self.name_fr, "pt": self.name_pt}.get(lang or "en")
        return translated or self.name


ACTORS: list[Actor] = [
    Actor(
        id="GS",
        name="General Secretariat",
        name_es="Secretaría General",
        name_fr="Secrétariat général",
        name_pt="Secretaria-Geral",
        aliases=[
            "general secretariat",
            "secretaria general",
            "secretariat general",
            "secretaria-geral",
            "secretaria geral",
            "gs/oas",
            "sg/oea",
        ],
        group="oas",
    ),
    Actor(
        id="CAM",
        name="Committee on Migration Issues (CAM)",
        name_es="Comisión de Asuntos Migratorios (CAM)",
        name_fr="Commission des questions migratoires (CAM)",
        name_pt="Comissão de Assuntos Migratórios (CAM)",
        aliases=[
            "cam",
            "cidi-cam",
            "cidi/cam",
            "committee on migration issues",
            "committee on migrant issues",
            "comision de asuntos migratorios",
            "commission des questions migratoires",
            "comite des questions migratoires",
            "comissao de assuntos migratorios",
        ],
        group="oas",
    ),
    Actor(
        id="IACHR",
        name="Inter-American Commission on Human Rights (IACHR)",
        name_es="Comisión Interamericana de Derechos Humanos (CIDH)",
        name_fr="Commission interaméricaine des droits de l'homme (CIDH)",
        name_pt="Comissão Interamericana de Direitos Humanos (CIDH)",
        aliases=[
            "iachr",
            "cidh",
            "inter-american commission on human rights",
            "comision interamericana de derechos humanos",
            "commission interamericaine des droits de l'homme",
            "commission interamericaine des droits de l’homme",
            "comissao interamericana de direitos humanos",
        ],
        group="oas",
    ),
    Actor(
        id="CIM",
        name="Inter-American Commission of Women (CIM)",
        name_es="Comisión Interamericana de Mujeres (CIM)",
        name_fr="Commission interaméricaine des femmes (CIM)",
        name_pt="Comissão Interamericana de Mulheres (CIM)",
        aliases=[
            "cim",
            "inter-american commission of women",
            "comision interamericana de mujeres",
            "commission interamericaine des femmes",
            "comissao interamericana de mulheres",
        ],
        group="specialized",
    ),
    Actor(
        id="IIN",
        name="Inter-American Children's Institute (IIN)",
        name_es="Instituto Interamericano del Niño, la Niña y Adolescentes (IIN)",
        name_fr="Institut interaméricain de l'enfance (IIN)",
        name_pt="Instituto Interamericano da Criança (IIN)",
        aliases=[
            "iin",
            "inn",
            "inter-american children's institute",
            "inter-american children’s institute",
            "inter-american institute for children",
            "instituto interamericano del nino",
            "institut interamericain de l'enfance",
            "institut interamericain de l’enfance",
            "instituto interamericano da crianca",
        ],
        group="specialized",
    ),
    Actor(
        id="PAHO",
        name="Pan American Health Organization (PAHO)",
        name_es="Organización Panamericana de la Salud (OPS)",
        name_fr="Organisation panaméricaine de la santé (OPS)",
        name_pt="Organização Pan-Americana da Saúde (OPAS)",
        aliases=[
            "paho",
            "ops",
            "opas",
            "pan american health organization",
            "organizacion panamericana de la salud",
            "organisation panamericaine de la sante",
            "organizacao pan-americana da saude",
        ],
        group="specialized",
    ),
    Actor(
        id="OTHER_OAS",
        name="Other organs and entities of the OAS",
        name_es="Otros órganos y entidades de la OEA",
        name_fr="Autres organes et entités de l'OEA",
        name_pt="Outros órgãos e entidades da OEA",
        aliases=["other organs", "otros organos", "autres organes", "outros orgaos"],
        group="oas",
    ),
    Actor(
        id="MEMBER_STATES",
        name="OAS member states",
        name_es="Estados miembros de la OEA",
        name_fr="États membres de l'OEA",
        name_pt="Estados membros da OEA",
        aliases=[
            "member states",
            "member state",
            "states",
            "estados miembros",
            "estados",
            "countries",
            "paises",
            "etats membres",
            "etats",
            "pays",
            "estados membros",
            "paises membros",
        ],
        group="member_states",
    ),
    Actor(
        id="MULTILATERAL",
        name="Multilateral organizations",
        name_es="Organismos multilaterales",
        name_fr="Organisations multilatérales",
        name_pt="Organizações multilaterais",
        aliases=[
            "multilateral organizations",
            "multilateral organisations",
            "organismos multilaterales",
            "organizaciones multilaterales",
            "organisations multilaterales",
            "organizacoes multilaterais",
            "organismos multilaterais",
        ],
        group="multilateral",
    ),
    Actor(
        id="OTHER_ACTORS",
        name="Other actors (civil society, universities, diaspora and migrant networks)",
        name_es="Otros actores (sociedad civil, universidades, redes de diáspora y de migrantes)",
        name_fr="Autres acteurs (société civile, universités, réseaux de diaspora et de migrants)",
        name_pt="Outros atores (sociedade civil, universidades, redes de diáspora e de migrantes)",
        aliases=[
            "other actors",
            "civil society",
            "sociedad civil",
            "otros actores",
            "societe civile",
            "autres acteurs",
            "sociedade civil",
            "outros atores",
        ],
        group="other",
    ),
    # Named in the documents (annual report, work plans) but not actors of the Program's Section V.
    Actor(
        id="IOM",
        name="International Organization for Migration (IOM)",
        name_es="Organización Internacional para las Migraciones (OIM)",
        name_fr="Organisation internationale pour les migrations (OIM)",
        name_pt="Organização Internacional para as Migrações (OIM)",
        aliases=[
            "iom",
            "oim",
            "international organization for migration",
            "organizacion internacional para las migraciones",
        ],
        group="multilateral",
        program=False,
    ),
    Actor(
        id="ILO",
        name="International Labour Organization (ILO)",
        name_es="Organización Internacional del Trabajo (OIT)",
        name_fr="Organisation internationale du travail (OIT)",
        name_pt="Organização Internacional do Trabalho (OIT)",
        aliases=["ilo", "oit", "international labour organization", "international labor organization"],
        group="multilateral",
        program=False,
    ),
    Actor(
        id="UNHCR",
        name="UN Refugee Agency (UNHCR)",
        name_es="Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)",
        name_fr="Haut-Commissariat des Nations unies pour les réfugiés (HCR)",
        name_pt="ACNUR",
        aliases=["unhcr", "acnur", "hcr"],
        group="multilateral",
        program=False,
    ),
    Actor(
        id="SMS",
        name="Secretariat for Multidimensional Security (SMS)",
        name_es="Secretaría de Seguridad Multidimensional (SSM)",
        name_fr="Secrétariat à la sécurité multidimensionnelle (SSM)",
        name_pt="Secretaria de Segurança Multidimensional",
        aliases=["sms", "ssm", "secretariat for multidimensional security", "seguridad multidimensional"],
        group="oas",
        program=False,
    ),
    Actor(
        id="DPS",
        name="Department of Public Security (DPS)",
        name_es="Departamento de Seguridad Pública (DSP)",
        name_fr="Département de la sécurité publique (DSP)",
        name_pt="Departamento de Segurança Pública (DSP)",
        aliases=["dps", "dsp", "department of public security", "departamento de seguridad publica"],
        group="oas",
        program=False,
    ),
    Actor(
        id="RCM",
        name="Regional Conference on Migration (RCM, Puebla Process)",
        name_es="Conferencia Regional sobre Migración (CRM, Proceso de Puebla)",
        name_fr="Conférence régionale sur les migrations (CRM, Processus de Puebla)",
        name_pt="Conferência Regional sobre Migração (CRM, Processo de Puebla)",
        aliases=["rcm", "crm", "regional conference on migration", "puebla process", "proceso de puebla"],
        group="multilateral",
        program=False,
    ),
    Actor(
        id="SEDI",
        name="Executive Secretariat for Integral Development (SEDI)",
        name_es="Secretaría Ejecutiva para el Desarrollo Integral (SEDI)",
        name_fr="Secrétariat exécutif au développement intégré (SEDI)",
        name_pt="Secretaria Executiva de Desenvolvimento Integral (SEDI)",
        aliases=["sedi", "executive secretariat for integral development"],
        group="oas",
        program=False,
    ),
    Actor(
        id="CIDI",
        name="Inter-American Council for Integral Development (CIDI)",
        name_es="Consejo Interamericano para el Desarrollo Integral (CIDI)",
        name_fr="Conseil interaméricain pour le développement intégré (CIDI)",
        name_pt="Conselho Interamericano de Desenvolvimento Integral (CIDI)",
        aliases=["cidi", "inter-american council for integral development"],
        group="oas",
        program=False,
    ),
]

_BY_ID = {actor.id: actor for actor in ACTORS}
PROGRAM_ACTORS = [actor for actor in ACTORS if actor.program]


def actor_by_id(actor_id: str) -> Actor | None:
    return _BY_ID.get(actor_id.upper())


def _alias_pattern(alias: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/-]){re.escape(fold(alias))}(?![\w/])")


_PATTERNS = [(actor, [_alias_pattern(alias) for alias in actor.aliases]) for actor in ACTORS]
_BY_ALIAS = {fold(alias): actor for actor in ACTORS for alias in actor.aliases}
# One pattern for every name, longest first: at each place the longest name wins, so "CIDI-CAM"
# is the CAM and not the CIDI, and one scan of the text finds them all.
_ANY_ALIAS = re.compile(
    r"(?<![\w/-])(" + "|".join(re.escape(a) for a in sorted(_BY_ALIAS, key=len, reverse=True)) + r")(?![\w/])"
)


def actor_spans(text: str) -> list[tuple[int, int, Actor]]:
    """Where each actor is named in the folded text (same offsets as the original), in order."""
    return [(m.start(), m.end(), _BY_ALIAS[m.group(1)]) for m in _ANY_ALIAS.finditer(fold(text))]


def find_actors(text: str, *, program_only: bool = False, keep_states: bool = False) -> list[Actor]:
    """Actors named in a question, in order, most specific first (IACHR before 'states')."""
    found: list[Actor] = []
    for _, _, actor in actor_spans(text):
        if actor not in found and (actor.program or not program_only):
            found.append(actor)
    if len(found) > 1 and not keep_states:
        found = [actor for actor in found if actor.id != "MEMBER_STATES"] or found
    return found


def actor_for_heading(heading: str) -> Actor | None:
    """The Program actor a section heading is about ("· Inter-American Children’s Institute (IIN):")."""
    folded = fold(heading)
    if "member states" in folded:
        return _BY_ID["MEMBER_STATES"]
    for actor, patterns in _PATTERNS:
        if actor.id != "MEMBER_STATES" and actor.program and any(p.search(folded) for p in patterns):
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
        {"id": a.id, "name": a.name, "name_es": a.name_es, "grp": a.group}
        for a in PROGRAM_ACTORS
        if a.id != "MEMBER_STATES"
    ]
    rows += [
        {"id": code, "name": name, "name_es": name_es, "grp": "member_states"} for code, name, name_es in MEMBER_STATES
    ]
    return rows
