"""Complete answers from the catalogue: the Program's lists, given whole.

An actor's activities (with the sentences that define its role when the question asks for it),
the objectives, the actors, one numbered item, or the outline of a named document. The question
says which (`Question.intent`, `.references`, `.documents`); these functions only assemble.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.actors import actor_by_id
from bot.answering.catalogue import Catalogue, MandateItem
from bot.answering.models import Answer, AnswerSentence
from bot.answering.sources import Sources, found_answer, short_heading
from bot.texts import t
from index.chunk import Chunk
from index.documents import DocumentCatalogue
from index.language import Question
from index.language.identify import lexicon
from index.language.tokens import fold
from index.language.vocabulary import stem_words
from index.units import UnitIndex

NUMBERED_KINDS = {"activity", "specific objective", "general objective"}


OTHER_TOPIC_WORDS = 2  # words the counted document never uses that make a "how many" about something else


@dataclass(frozen=True)
class Listings:
    """What the catalogue answers need: the Program's records, the documents, the passages' units."""

    catalogue: Catalogue
    documents: DocumentCatalogue
    units: UnitIndex
    chunks: list[Chunk]

    def answer(self, question: Question) -> Answer | None:
        """The complete answer the question asks for, or None when it asks for no list."""
        lang = question.lang
        named = list(question.documents)
        if "how_many" in question.answer_types and question.item_kinds and not question.labels:
            counted = self.counted_items(question, named)
            if counted and not self.asks_about_more(question, counted[0].chunk.doc):
                # "how many activities does the IACHR have?": the list, and its count first
                answer = self.items_answer(question, counted, intro=t(lang, "according"))
                answer.direct = t(lang, "direct", answer=str(len(counted)))
                return answer
        if question.labels:
            items: list[MandateItem] = []
            for label in question.labels:
                items += _prefer_named(named, self.catalogue.lookup(label))
            if items:
                return self.items_answer(question, items, intro=t(lang, "according"))
        if question.intent == "mandate" and question.actors:
            return self.mandate_answer(question)
        if question.intent == "objectives":
            return self.objectives_answer(question, named)
        if question.intent == "activities":
            items = self.catalogue.program_items("activity")
            return self.items_answer(question, items, intro=t(lang, "all_activities"), groups=True) if items else None
        if question.intent == "summary" and len(named) == 1:
            return self.summary_answer(question, named[0])
        if question.intent == "actors":
            chunks = self.catalogue.actor_list()
            if chunks:
                return self.passages_answer(question, chunks, intro=t(lang, "actors_list"))
        return None

    def asks_about_more(self, question: Question, doc: str) -> bool:
        """Whether the question names something the counted document never speaks of: "how many
        bilateral activities did the RIAL fund finance?" is not a count of the Program's activities."""
        lang = next((chunk.lang for chunk in self.chunks if chunk.doc == doc), None)
        if lang is None:
            return False
        used = self.units.document_stems(doc)
        vocabulary = lexicon(question.lang) | lexicon(lang)  # "how many", "compte": the asking, not the topic
        terms = [term for term in question.terms_in(lang) if term.isalpha() and fold(term) not in vocabulary]
        return sum(stem not in used for stem in stem_words(terms, lang)) >= OTHER_TOPIC_WORDS

    def counted_items(self, question: Question, named: list[str]) -> list[MandateItem]:
        """The items a "how many…?" question counts: an actor's activities, the Program's, or a
        document's objectives of the kind named."""
        kind = question.item_kinds[0]
        doc = named[0] if len(named) == 1 else None
        if kind == "activity":
            if question.actors:
                actor = actor_by_id(question.actors[0])
                program_actor = actor if actor is None or actor.program else actor_by_id(actor.group.upper()) or actor
                return self.catalogue.activities_for(program_actor.id) if program_actor else []
            return self.catalogue.items_of("activity", doc)
        if kind == "objective":
            return self.catalogue.items_of("general objective", doc) + self.catalogue.items_of(
                "specific objective", doc
            )
        return self.catalogue.items_of(kind, doc)

    def objectives_answer(self, question: Question, named: list[str]) -> Answer | None:
        lang = question.lang
        doc = named[0] if len(named) == 1 else None
        if question.detail == "all":
            items = self.catalogue.items_of("general objective", doc) + self.catalogue.items_of(
                "specific objective", doc
            )
        else:
            items = self.catalogue.items_of(f"{question.detail} objective", doc)
        if not items:
            return None
        if doc and doc != self.catalogue.program_doc:
            intro = t(lang, "objectives_of", document=self.documents.label(doc))
        else:
            key = {"general": "general_objectives", "specific": "specific_objectives"}.get(
                question.detail, "all_objectives"
            )
            intro = t(lang, key)
        return self.items_answer(question, items, intro=intro, groups=question.detail == "all")

    def summary_answer(self, question: Question, doc: str) -> Answer | None:
        """A document's opening sentences and the headings of its parts, each pointing to its passage."""
        lang = question.lang
        chunks = [c for c in self.chunks if c.doc == doc]
        sources = Sources(self.documents, lang)
        sentences: list[AnswerSentence] = []
        for chunk in chunks:
            for unit in self.units.of(chunk):
                if not unit.fragment and len(sentences) < 2:
                    sentences.append(sources.sentence(unit.text, chunk))
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
                sentences.append(sources.sentence(short_heading(heading, limit=120), first))
            for child, chunk in children[:12]:
                group = short_heading(heading, limit=120)
                sentences.append(sources.sentence(short_heading(child, limit=120), chunk, group=group))
        if not sentences:
            return None
        intro = t(lang, "summary_of", document=self.documents.label(doc))
        return found_answer(question.text, lang, "catalogue", intro, sentences, sources)

    def mandate_answer(self, question: Question) -> Answer | None:
        lang = question.lang
        actor = actor_by_id(question.actors[0])
        if actor is None:
            return None
        program_actor = actor if actor.program else actor_by_id(actor.group.upper()) or actor
        items = self.catalogue.activities_for(program_actor.id)
        paragraphs = self.catalogue.unnumbered_mandate(program_actor.id)
        role = self.catalogue.role_sentences(actor) if question.role else []
        if not items and not paragraphs and not role:
            return None
        sources = Sources(self.documents, lang)
        sentences = [sources.sentence(sentence, chunk) for chunk, sentence in role]
        for chunk in paragraphs:
            sentences += [sources.sentence(u.text, chunk) for u in self.units.of(chunk) if not u.fragment]
        sentences += [sources.sentence(f"{item.number}. {item.text}", item.chunk) for item in items]
        intro = t(lang, "role_of" if role else "mandate_of", actor=program_actor.name_in(lang))
        return found_answer(question.text, lang, "catalogue", intro, sentences, sources)

    def items_answer(self, question: Question, items: list[MandateItem], *, intro: str, groups: bool = False) -> Answer:
        lang = question.lang
        sources = Sources(self.documents, lang)
        sentences: list[AnswerSentence] = []
        for item in items:
            text = f"{item.number}. {item.text}" if item.kind in NUMBERED_KINDS else item.text
            group = None
            if groups:
                group = (
                    item.actor_heading
                    if item.kind == "activity"
                    else t(lang, f"label_{item.kind.replace(' ', '_')}", n="").strip()
                )
            sentences.append(sources.sentence(text, item.chunk, group=group))
        return found_answer(question.text, lang, "catalogue", intro, sentences, sources)

    def passages_answer(self, question: Question, chunks: list[Chunk], *, intro: str) -> Answer:
        sources = Sources(self.documents, question.lang)
        sentences: list[AnswerSentence] = []
        for chunk in chunks:
            sentences += [sources.sentence(u.text, chunk) for u in self.units.of(chunk) if not u.fragment or u.item]
        return found_answer(question.text, question.lang, "catalogue", intro, sentences, sources)


def _prefer_named(named: list[str], items: list[MandateItem]) -> list[MandateItem]:
    """ "objective 10 in the CAM Vice Chair's plan" → that document's objective 10 only."""
    if len(items) < 2:
        return items
    chosen = [item for item in items if item.chunk.doc in named]
    return chosen or items[:1]
