"""Complete answers from the catalogue, and the sources every answer cites.

The Program's lists are answered whole: an actor's activities (with the sentences that define its
role when the question asks for it), the objectives, the actors, one numbered item, or the
outline of a named document. Every answer's sources are built here too: each passage cited once,
under a short label ("Program 2016 · activity 9").
"""

from __future__ import annotations

import re

from bot.actors import actor_by_id
from bot.answering.catalogue import MandateItem
from bot.answering.intent import Intent
from bot.answering.models import Answer, AnswerSentence, Citation
from bot.texts import t
from index.chunk import Chunk
from index.query import Query


class ListingMixin:
    """Catalogue answers and citations; mixed into the Answerer, which has the catalogue and units."""

    # -- catalogue ---------------------------------------------------------------------------

    def _from_catalogue(self, query: Query, intent: Intent) -> Answer | None:
        question, lang = query.text, query.lang
        named = self.documents.named(query.folded)
        if query.labels:
            items: list[MandateItem] = []
            for label in query.labels:
                items += self._prefer_named_document(named, self.catalogue.lookup(label))
            if items:
                return self._items_answer(question, lang, items, intro=t(lang, "according"))
        if intent.kind == "mandate" and intent.actor is not None:
            return self._mandate_answer(question, lang, intent)
        if intent.kind == "objectives":
            doc = named[0] if len(named) == 1 else None
            if intent.detail == "all":
                items = self.catalogue.items_of("general objective", doc) + self.catalogue.items_of(
                    "specific objective", doc
                )
            else:
                items = self.catalogue.items_of(f"{intent.detail} objective", doc)
            if not items:
                return None
            if doc and doc != self.catalogue.program_doc:
                intro = t(lang, "objectives_of", document=self.documents.label(doc))
            else:
                intro = t(
                    lang,
                    {"general": "general_objectives", "specific": "specific_objectives"}.get(
                        intent.detail, "all_objectives"
                    ),
                )
            return self._items_answer(question, lang, items, intro=intro, groups=intent.detail == "all")
        if intent.kind == "activities":
            items = self.catalogue.program_items("activity")
            return (
                self._items_answer(question, lang, items, intro=t(lang, "all_activities"), groups=True)
                if items
                else None
            )
        if intent.kind == "summary" and len(named) == 1:
            return self._summary_answer(question, lang, named[0])
        if intent.kind == "actors":
            chunks = self.catalogue.actor_list()
            if chunks:
                return self._passages_answer(question, lang, chunks, intro=t(lang, "actors_list"))
        return None

    def _summary_answer(self, question: str, lang: str, doc: str) -> Answer | None:
        """A document's opening sentences and the headings of its parts, each pointing to its passage."""
        chunks = [c for c in self.searcher.chunks if c.doc == doc]
        citations: list[Citation] = []
        sentences: list[AnswerSentence] = []
        for chunk in chunks:
            for unit in self.units.of(chunk):
                if not unit.fragment and len(sentences) < 2:
                    sentences.append(AnswerSentence(text=unit.text, n=self._cite(citations, chunk, lang)))
            if len(sentences) >= 2:
                break
        parts: dict[str, tuple[Chunk, list[tuple[str, Chunk]]]] = {}
        for chunk in chunks:  # the document's parts (first heading level) and their parts (second)
            if not chunk.section:
                continue
            top = parts.setdefault(chunk.section[0], (chunk, []))
            if len(chunk.section) > 1 and all(child != chunk.section[1] for child, _ in top[1]):
                top[1].append((chunk.section[1], chunk))
        for heading, (first, children) in list(parts.items())[:16]:
            if not children:
                n = self._cite(citations, first, lang)
                sentences.append(AnswerSentence(text=_short_heading(heading, limit=120), n=n))
            for child, chunk in children[:12]:
                n = self._cite(citations, chunk, lang)
                group = _short_heading(heading, limit=120)
                sentences.append(AnswerSentence(text=_short_heading(child, limit=120), n=n, group=group))
        if not sentences:
            return None
        return found_answer(
            question, lang, "catalogue", t(lang, "summary_of", document=self.documents.label(doc)), sentences, citations
        )

    def _mandate_answer(self, question: str, lang: str, intent: Intent) -> Answer | None:
        actor = intent.actor
        program_actor = actor if actor.program else actor_by_id(actor.group.upper()) or actor
        items = self.catalogue.activities_for(program_actor.id)
        paragraphs = self.catalogue.unnumbered_mandate(program_actor.id)
        role = self.catalogue.role_sentences(actor) if intent.role else []
        if not items and not paragraphs and not role:
            return None
        citations: list[Citation] = []
        sentences: list[AnswerSentence] = []
        for chunk, sentence in role:
            n = self._cite(citations, chunk, lang)
            sentences.append(AnswerSentence(text=sentence, n=n))
        for chunk in paragraphs:
            n = self._cite(citations, chunk, lang)
            sentences += [AnswerSentence(text=u.text, n=n) for u in self.units.of(chunk) if not u.fragment]
        for item in items:
            n = self._cite(citations, item.chunk, lang)
            sentences.append(AnswerSentence(text=f"{item.number}. {item.text}", n=n))
        name = program_actor.name_in(lang)
        intro = t(lang, "role_of" if role else "mandate_of", actor=name)
        return found_answer(question, lang, "catalogue", intro, sentences, citations)

    def _prefer_named_document(self, named: list[str], items: list[MandateItem]) -> list[MandateItem]:
        """ "objective 10 in the CAM Vice Chair's plan" → that document's objective 10 only."""
        if len(items) < 2:
            return items
        chosen = [item for item in items if item.chunk.doc in named]
        return chosen or items[:1]

    def _items_answer(
        self, question: str, lang: str, items: list[MandateItem], *, intro: str, groups: bool = False
    ) -> Answer:
        citations: list[Citation] = []
        sentences: list[AnswerSentence] = []
        for item in items:
            n = self._cite(citations, item.chunk, lang)
            text = (
                f"{item.number}. {item.text}"
                if item.kind in {"activity", "specific objective", "general objective"}
                else item.text
            )
            group = None
            if groups:
                group = (
                    item.actor_heading
                    if item.kind == "activity"
                    else t(lang, f"label_{item.kind.replace(' ', '_')}", n="").strip()
                )
            sentences.append(AnswerSentence(text=text, n=n, group=group))
        return found_answer(question, lang, "catalogue", intro, sentences, citations)

    def _passages_answer(self, question: str, lang: str, chunks: list[Chunk], *, intro: str) -> Answer:
        citations: list[Citation] = []
        sentences: list[AnswerSentence] = []
        for chunk in chunks:
            n = self._cite(citations, chunk, lang)
            sentences += [AnswerSentence(text=u.text, n=n) for u in self.units.of(chunk) if not u.fragment or u.item]
        return found_answer(question, lang, "catalogue", intro, sentences, citations)

    # -- sources -------------------------------------------------------------------------------

    def _cite(self, citations: list[Citation], chunk: Chunk, lang: str) -> int:
        """The citation number of a passage: a passage cited twice is one source."""
        for citation in citations:
            if citation.chunk_id == chunk.id:
                return citation.n
        n = len(citations) + 1
        citations.append(_citation(n, chunk, self.source_label(chunk, lang)))
        return n

    def source_label(self, chunk: Chunk, lang: str) -> str:
        """ "Program 2016 · activity 9": the document's short name and the item or last heading,
        and the printed page for a PDF ("Annual Report 2010 · Health · p. 14")."""
        parts = [self.documents.label(chunk.doc)]
        if chunk.label and chunk.number is not None and not chunk.label.startswith("item"):
            kind = chunk.label.rsplit(" ", 1)[0].replace(" ", "_")
            parts.append(t(lang, f"label_{kind}", n=chunk.number) if f"label_{kind}" in _LABEL_KEYS else chunk.label)
        elif chunk.section:
            parts.append(_short_heading(chunk.section[-1]))
        if chunk.page:
            parts.append(t(lang, "page_label", page=chunk.page))
        return " · ".join(parts)


_LABEL_KEYS = {"label_activity", "label_general_objective", "label_specific_objective"}


def _short_heading(heading: str, limit: int = 48) -> str:
    """ "IV. Annual Activity Report" → "Annual Activity Report"; headings in capitals in sentence case."""
    text = re.sub(r"^\s*(?:[IVXL]+|[A-Z]|\d+)(?:\.\d+)?[.)]\s+", "", heading).strip(" ·:")
    if text.isupper():
        text = text.capitalize()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def found_answer(
    question: str, lang: str, kind: str, intro: str, sentences: list[AnswerSentence], citations: list[Citation]
) -> Answer:
    """An answer from the documents; readers in other languages are told the quotations stay in English."""
    if lang != "en":
        intro = f"{intro} {t(lang, 'quoted_en')}"
    return Answer(
        question=question, lang=lang, found=True, kind=kind, intro=intro, sentences=sentences, citations=citations
    )


def _citation(n: int, chunk: Chunk, source: str) -> Citation:
    return Citation(
        n=n,
        doc=chunk.doc,
        title=chunk.title,
        short=chunk.short,
        date=chunk.date,
        section=chunk.section_path,
        label=chunk.label,
        text=chunk.text,
        chunk_id=chunk.id,
        source=source,
        page=chunk.page,
    )
