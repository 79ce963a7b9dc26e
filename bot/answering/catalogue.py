"""The Program's mandates as records: objectives, and activities with their actors.

Built from the indexed passages (so it always matches what search cites), it answers the
questions that have one exact, complete answer: "activity 27", "specific objective 8", "what
must the IIN do?" (every activity, not the best three), "what are the general objectives?",
"what is the role of the CAM?" (the sentences that define its mandate, then its activities).
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from bot.actors import Actor, actor_by_id, actor_for_heading
from index.chunk import Chunk
from index.language.actors import actor_mentions
from index.language.tokens import tokenize
from index.language.vocabulary import vocabulary
from index.text import split_sentences

_LEADING_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s*")


def _role_word_at(sentence: str, lang: str) -> int | None:
    """Where a sentence says what something is for (its mandate, responsibility, mission, creation):
    the offset of the first such word of the sentence's language ([cues] role_statement)."""
    tokens = tokenize(sentence)
    phrases = vocabulary(lang).cues["role_statement"]
    for index in range(len(tokens)):
        if phrases.match_at(tokens, index) is not None:
            return tokens[index].start
    return None


def _named_at(sentence: str, actor_id: str) -> list[int]:
    return [m.start for m in actor_mentions(tokenize(sentence)) if m.actor == actor_id]


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
        self.all_chunks = chunks
        self.program_chunks = [c for c in chunks if c.doc == self.program_doc]
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

    def items_of(self, kind: str, doc: str | None = None) -> list[MandateItem]:
        """A document's numbered items of one kind ("general objective"), the Program's by default."""
        doc = doc or self.program_doc
        return sorted((i for i in self.items if i.kind == kind and i.chunk.doc == doc), key=lambda i: i.number)

    def unnumbered_mandate(self, actor_id: str) -> list[Chunk]:
        """For actors the Program addresses in a paragraph, not numbered activities (multilateral
        organizations, civil society): the paragraphs under the heading about them, in the part of
        the Program where the activities are."""
        activity_parts = {item.chunk.section[0] for item in self.program_items("activity") if item.chunk.section}
        found = []
        for chunk in self.program_chunks:
            if chunk.label or len(chunk.section) < 2 or chunk.section[0] not in activity_parts or len(chunk.text) < 80:
                continue
            actor = actor_for_heading(chunk.section[-1])
            if actor is not None and actor.id == actor_id:
                found.append(chunk)
        return found

    def role_sentences(self, actor: Actor, *, limit: int = 2) -> list[tuple[Chunk, str]]:
        """Sentences that say what the actor is for (its mandate, responsibility, mission), the Program's first.

        The actor must be named before the role word, in the sentence or in the one just before
        it ("The Inter-American Commission of Women (CIM). This institution is mandated to…").
        """
        if actor.id == "MEMBER_STATES":
            return []
        found: list[tuple[int, Chunk, str]] = []
        for rank, chunk in enumerate(self.all_chunks):
            if chunk.label:
                continue
            spans = split_sentences(chunk.text)
            for position, (start, end) in enumerate(spans):
                sentence = chunk.text[start:end].strip()
                role = _role_word_at(sentence, chunk.lang)
                if role is None:
                    continue
                named = _named_at(sentence, actor.id)
                if named and -80 < role - min(named) < 160:
                    found.append((0 if chunk.doc == self.program_doc else 1 + rank, chunk, sentence))
                elif position > 0 and not named:
                    before = chunk.text[spans[position - 1][0] : spans[position - 1][1]].strip()
                    if (
                        len(before) < 120
                        and _named_at(before, actor.id)
                        and "\n" not in chunk.text[spans[position - 1][0] : end].strip()
                    ):
                        found.append((0 if chunk.doc == self.program_doc else 1 + rank, chunk, f"{before} {sentence}"))
        found.sort(key=lambda item: item[0])
        seen: set[str] = set()
        result = []
        for _, chunk, sentence in found:
            if sentence not in seen:
                seen.add(sentence)
                result.append((chunk, sentence))
        return result[:limit]

    def actor_list(self) -> list[Chunk]:
        """The Program's passages that list its actors (under a heading that says "actors")."""
        return [
            chunk
            for chunk in self.program_chunks
            if not chunk.label and chunk.section and _names_actors(chunk.section[0], chunk.lang)
        ]

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


def _names_actors(heading: str, lang: str) -> bool:
    """A heading about the Program's actors ("V. ACTORS AND SUGGESTED ACTIVITIES", "V. ACTORES…")."""
    return vocabulary(lang).cues["actors"].any_in(tokenize(heading))
