"""Browsing the mandates and sources: plain functions behind /objectives, /activities, /sources.

Plain text in the user's language around the documents' own words (which stay as written).
"""

from __future__ import annotations

from bot.actors import actor_by_id, find_actors
from bot.answering.catalogue import Catalogue, MandateItem
from bot.texts import t
from index.chunk import Chunk
from index.corpus import DocumentInfo


def _item_line(item: MandateItem) -> str:
    return f"{item.number}. {item.text}"


def objectives_text(catalogue: Catalogue, lang: str = "en") -> str:
    general = catalogue.program_items("general objective")
    specific = catalogue.program_items("specific objective")
    lines = [
        t(lang, "browse.general"),
        *(_item_line(i) for i in general),
        "",
        t(lang, "browse.specific"),
        *(_item_line(i) for i in specific),
    ]
    return "\n".join(lines)


def actor_name(actor_id: str, lang: str) -> str:
    actor = actor_by_id(actor_id)
    return actor.name_in(lang) if actor else actor_id


def resolve_actor(catalogue: Catalogue, name: str) -> str | None:
    """An actor id from what the user typed: 'IACHR', 'cidh', 'member states'..."""
    known = {actor_id for actor_id, _, _ in catalogue.actors_with_activities()}
    if name.upper() in known:
        return name.upper()
    found = [a.id for a in find_actors(name) if a.id in known]
    return found[0] if found else None


def activities_text(catalogue: Catalogue, actor_id: str, lang: str = "en") -> str:
    items = catalogue.activities_for(actor_id)
    return "\n".join([t(lang, "browse.activities", actor=actor_name(actor_id, lang)), *(_item_line(i) for i in items)])


def unknown_actor_text(catalogue: Catalogue, name: str, lang: str = "en") -> str:
    choices = ", ".join(actor_id for actor_id, _, _ in catalogue.actors_with_activities())
    return t(lang, "browse.unknown_actor", name=name, choices=choices)


def activity_text(catalogue: Catalogue, number: int, lang: str = "en") -> str:
    items = [i for i in catalogue.program_items("activity") if i.number == number]
    if not items:
        last = max((i.number for i in catalogue.program_items("activity")), default=0)
        return t(lang, "browse.no_activity", n=number, last=last)
    item = items[0]
    return f"{_item_line(item)}\n— {item.chunk.section_path}"


def passage_counts(chunks: list[Chunk]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for chunk in chunks:
        counts[chunk.doc] = counts.get(chunk.doc, 0) + 1
    return counts


def sources_text(documents: list[DocumentInfo], chunk_counts: dict[str, int], lang: str = "en") -> str:
    lines = [t(lang, "browse.sources")]
    for doc in sorted(documents, key=lambda d: d.date.isoformat() if d.date else "", reverse=True):
        count = chunk_counts.get(doc.file, 0)
        date = doc.date.isoformat() if doc.date else "—"
        symbols = f" [{', '.join(doc.symbols)}]" if doc.symbols else ""
        lines.append(f"• {doc.short} ({date}){symbols}: {doc.title}. {count} {t(lang, 'browse.passages')}")
    return "\n".join(lines)
