"""The Program's mandates as records: objectives, and activities with their actors.

Built from the indexed passages (so it always matches what search cites), it answers the
questions that have one exact answer: "activity 27", "specific objective 8", "what must the IIN
do?".
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from bot.actors import actor_by_id, actor_for_heading
from index.chunk import Chunk

_LEADING_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s*")


class MandateItem(BaseModel):
    """A numbered objective or activity of a document, with the actor it is addressed to."""

    kind: str  # "general objective" | "specific objective" | "activity"
    number: int
    text: str
    actor_id: str | None = None
    actor_heading: str | None = None
    chunk: Chunk

    @property
    def label(self) -> str:
        return f"{self.kind} {self.number}"


class Catalogue:
    def __init__(self, chunks: list[Chunk], program_doc: str | None = None) -> None:
        self.items: list[MandateItem] = []
        self.program_doc = program_doc or next((c.doc for c in chunks if c.kind == "program"), None)
        for chunk in chunks:
            if chunk.label and chunk.number and not chunk.label.startswith("item"):
                kind = chunk.label.rsplit(" ", 1)[0]
                actor = actor_for_heading(chunk.section[-1]) if kind == "activity" and chunk.section else None
                self.items.append(
                    MandateItem(
                        kind=kind,
                        number=chunk.number,
                        text=_LEADING_NUMBER.sub("", chunk.text).strip(),
                        actor_id=actor.id if actor else None,
                        actor_heading=chunk.section[-1] if chunk.section else None,
                        chunk=chunk,
                    )
                )

    def program_items(self, kind: str) -> list[MandateItem]:
        return sorted(
            (item for item in self.items if item.kind == kind and item.chunk.doc == self.program_doc),
            key=lambda item: item.number,
        )

    def activities_for(self, actor_id: str) -> list[MandateItem]:
        return [item for item in self.program_items("activity") if item.actor_id == actor_id]

    def lookup(self, label: str) -> list[MandateItem]:
        """Every document's item with that label, the Program's first."""
        found = [item for item in self.items if item.label == label]
        return sorted(found, key=lambda item: item.chunk.doc != self.program_doc)

    def actors_with_activities(self) -> list[tuple[str, str, int]]:
        """(actor id, display name, count) in the Program's order."""
        seen: dict[str, int] = {}
        for item in self.program_items("activity"):
            if item.actor_id:
                seen[item.actor_id] = seen.get(item.actor_id, 0) + 1
        result = []
        for actor_id, count in seen.items():
            actor = actor_by_id(actor_id)
            result.append((actor_id, actor.name if actor else actor_id, count))
        return result
