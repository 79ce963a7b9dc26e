"""Browsing the mandates and sources: plain functions behind /objectives, /activities, /sources."""

from __future__ import annotations

from bot.actors import actor_by_id
from bot.answering.catalogue import Catalogue, MandateItem
from index.chunk import Chunk
from index.corpus import DocumentInfo

HEADINGS = {
    "en": {
        "general": "General objectives",
        "specific": "Specific objectives",
        "sources": "Documents",
        "no_activity": "There is no activity {n}: the Program has activities 1 to {last}.",
        "unknown_actor": "I do not know the actor '{name}'. Choose one of: {choices}",
        "activities": "Program activities for {actor}",
        "pick_actor": "Choose an actor to see its Program activities:",
        "chunks": "passages",
    },
    "es": {
        "general": "Objetivos generales",
        "specific": "Objetivos específicos",
        "sources": "Documentos",
        "no_activity": "No existe la actividad {n}: el Programa tiene las actividades 1 a {last}.",
        "unknown_actor": "No conozco el actor '{name}'. Elija uno de: {choices}",
        "activities": "Actividades del Programa para {actor}",
        "pick_actor": "Elija un actor para ver sus actividades del Programa:",
        "chunks": "pasajes",
    },
}


def _h(lang: str, key: str, **values: object) -> str:
    return HEADINGS.get(lang, HEADINGS["en"])[key].format(**values)


def _item_line(item: MandateItem) -> str:
    return f"{item.number}. {item.text}"


def objectives_text(catalogue: Catalogue, lang: str = "en") -> str:
    general = catalogue.program_items("general objective")
    specific = catalogue.program_items("specific objective")
    lines = [
        _h(lang, "general"),
        *(_item_line(i) for i in general),
        "",
        _h(lang, "specific"),
        *(_item_line(i) for i in specific),
    ]
    return "\n".join(lines)


def actor_name(actor_id: str, lang: str) -> str:
    actor = actor_by_id(actor_id)
    if actor is None:
        return actor_id
    return actor.name_es if lang == "es" else actor.name


def resolve_actor(catalogue: Catalogue, name: str) -> str | None:
    """An actor id from what the user typed: 'IACHR', 'cidh', 'member states'..."""
    from bot.actors import find_actors

    known = {actor_id for actor_id, _, _ in catalogue.actors_with_activities()}
    if name.upper() in known:
        return name.upper()
    found = [a.id for a in find_actors(name) if a.id in known]
    return found[0] if found else None


def activities_text(catalogue: Catalogue, actor_id: str, lang: str = "en") -> str:
    items = catalogue.activities_for(actor_id)
    return "\n".join([_h(lang, "activities", actor=actor_name(actor_id, lang)), *(_item_line(i) for i in items)])


def unknown_actor_text(catalogue: Catalogue, name: str, lang: str = "en") -> str:
    choices = ", ".join(actor_id for actor_id, _, _ in catalogue.actors_with_activities())
    return _h(lang, "unknown_actor", name=name, choices=choices)


def activity_text(catalogue: Catalogue, number: int, lang: str = "en") -> str:
    items = [i for i in catalogue.program_items("activity") if i.number == number]
    if not items:
        last = max((i.number for i in catalogue.program_items("activity")), default=0)
        return _h(lang, "no_activity", n=number, last=last)
    item = items[0]
    return f"{_item_line(item)}\n— {item.chunk.section_path}"


def passage_counts(chunks: list[Chunk]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for chunk in chunks:
        counts[chunk.doc] = counts.get(chunk.doc, 0) + 1
    return counts


def sources_text(documents: list[DocumentInfo], chunk_counts: dict[str, int], lang: str = "en") -> str:
    lines = [_h(lang, "sources")]
    for doc in sorted(documents, key=lambda d: d.date.isoformat() if d.date else "", reverse=True):
        count = chunk_counts.get(doc.file, 0)
        date = doc.date.isoformat() if doc.date else "—"
        symbols = f" [{', '.join(doc.symbols)}]" if doc.symbols else ""
        lines.append(f"• {doc.short} ({date}){symbols}: {doc.title}. {count} {_h(lang, 'chunks')}")
    return "\n".join(lines)
