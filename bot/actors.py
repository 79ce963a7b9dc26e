"""The Program's actors and the one `Actor` model.

Which actors there are and how each language names them is language data (index/language/
actors.toml and each language's [actors]); this module gives them the model the rest of the bot
uses: to file a Program activity under its actor, to read an actor named in a command, and to
seed the registry of actors whose focal points file reports (`bot/reporting/registry.py` reads the
same model from the database).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from index.language.actors import actor_for_heading as heading_actor
from index.language.actors import actor_table, actors_in


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


def _actor(info) -> Actor:
    return Actor(
        id=info.id,
        name=info.names["en"],
        name_es=info.names.get("es") or info.names["en"],
        name_fr=info.names.get("fr"),
        name_pt=info.names.get("pt"),
        group=info.group,
        aliases=list(info.aliases),
        program=info.program,
    )


# Read from the language data (index/language/actors.toml and each language's [actors]).
ACTORS: list[Actor] = [_actor(info) for info in actor_table().values()]
_BY_ID = {actor.id: actor for actor in ACTORS}
PROGRAM_ACTORS = [actor for actor in ACTORS if actor.program]


def actor_by_id(actor_id: str) -> Actor | None:
    return _BY_ID.get(actor_id.upper())


def find_actors(text: str, *, program_only: bool = False, keep_states: bool = False) -> list[Actor]:
    """Actors a text names (a command's argument, a heading), in order, most specific first."""
    found = [_BY_ID[actor_id] for actor_id in actors_in(text, keep_states=keep_states)]
    return [actor for actor in found if actor.program or not program_only]


def actor_for_heading(heading: str) -> Actor | None:
    """The Program actor a section heading is about ("· Inter-American Children's Institute (IIN):")."""
    found = heading_actor(heading)
    return _BY_ID.get(found) if found else None


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
