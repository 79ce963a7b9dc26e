"""Answers a delegate can quote: the documents' own sentences, each with its source.

One message goes through these steps:
  1. intent (bot/answering/intent.py): small talk and personal cases get a short reply in the
     user's language; a follow-up ("and the IOM?") is read against the chat's previous turn
     (bot/answering/followup.py); "tell me more" shows the passage around the last quote;
  2. catalogue: an exact reference ("activity 27"), an actor's mandate ("what must the IIN do?"),
     the objectives or the list of actors or activities are answered whole from the Program;
  3. otherwise retrieval: every candidate passage's sentences are scored (bot/answering/select.py)
     and the best are quoted, unless the gate (bot/answering/gate.py) finds they do not answer:
     then "the documents mention X but do not say Y", or "the documents do not cover this".
Long answers come in pages (Answer.pages) that a front end shows one at a time.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections import Counter, OrderedDict
from pathlib import Path

from bot.actors import actor_by_id, find_actors
from bot.answering import followup
from bot.answering.answer_type import question_years
from bot.answering.catalogue import Catalogue, MandateItem
from bot.answering.cues import DocumentCues
from bot.answering.gate import CHECKED_TYPES, Verdict, judge, thresholds_for
from bot.answering.intent import Intent, classify
from bot.answering.models import Answer, AnswerSentence, Citation, Page, TurnContext, paginate
from bot.answering.select import Candidate, QuestionWeights, Weights, choose, question_weights, score_candidates
from bot.answering.units import UnitStore, entity_tokens, stem, stems, terms_of
from bot.answering.vectors import UnitVectors
from bot.texts import t
from index.chunk import Chunk
from index.lexical import query_terms
from index.query import MAX_QUERY_CHARS, Query, parse_query
from index.search import Searcher, SearchHit

__all__ = ["Answer", "AnswerSentence", "Answerer", "Citation", "Page", "TurnContext", "default_min_evidence"]

CANDIDATES = 16  # passages scored for every question: all of them, not the first few
TYPED_SHARE = 0.75  # a sentence holding the date (number…) asked for may replace a better one down to this share
ANSWER_CACHE_SIZE = 2048
MORE_UNITS_AROUND = 3


class Answerer:
    def __init__(
        self,
        searcher: Searcher,
        catalogue: Catalogue | None = None,
        *,
        min_evidence: float | None = None,
        llm=None,
        cache_dir: Path | None = None,
    ) -> None:
        """`cache_dir` keeps the sentence embeddings between starts (none: computed in memory)."""
        self.searcher = searcher
        self.catalogue = catalogue or Catalogue(searcher.chunks)
        self.thresholds = thresholds_for(searcher.encoder.name, min_evidence or None)
        self.llm = llm
        self.weights = Weights()
        self.units = UnitStore()
        self.documents = DocumentCues(searcher.chunks)
        # Delegates ask the same questions; an answer depends only on the question and this index.
        self._cache: OrderedDict[tuple[str, str | None], Answer] = OrderedDict()
        self._cache_lock = threading.Lock()
        document_frequency: Counter[str] = Counter()
        self._context_stems: dict[str, set[str]] = {}
        for chunk in searcher.chunks:
            context = stems(f"{chunk.short} {' '.join(chunk.section)} {chunk.label or ''}")
            self._context_stems[chunk.id] = context
            document_frequency.update(context | stems(chunk.text))
        self._df = document_frequency
        self._n = max(1, len(searcher.chunks))
        self.vectors = UnitVectors(searcher.encoder, cache_dir)
        self.vectors.prepare([u for chunk in searcher.chunks for u in self.units.of(chunk) if not u.fragment])
        self._positions = {chunk.id: position for position, chunk in enumerate(searcher.chunks)}
        self._neighbours = {}
        for previous, chunk in zip(searcher.chunks, searcher.chunks[1:], strict=False):
            if previous.doc == chunk.doc:
                self._neighbours[chunk.id] = (previous, self._neighbours.get(chunk.id, (None, None))[1])
                self._neighbours[previous.id] = (self._neighbours.get(previous.id, (None, None))[0], chunk)

    @property
    def min_evidence(self) -> float:
        return self.thresholds.minimum("en")

    def idf(self, stem_: str) -> float:
        return math.log(1 + self._n / (1 + self._df.get(stem_, 0)))

    def context_stems(self, chunk: Chunk) -> set[str]:
        cached = self._context_stems.get(chunk.id)
        if cached is None:
            cached = self._context_stems[chunk.id] = stems(
                f"{chunk.short} {' '.join(chunk.section)} {chunk.label or ''}"
            )
        return cached

    # -- entry point -------------------------------------------------------------------------

    def answer(
        self,
        question: str | Query,
        lang: str | None = None,
        *,
        hits: list[SearchHit] | None = None,
        cached: bool = True,
        context: TurnContext | None = None,
        now: float | None = None,
    ) -> Answer:
        """The answer to a message; `context` is the chat's previous turn, for follow-ups.

        `lang` is the user's own language, used when the question is too short to tell its own.
        A question asked before (by anyone, with no follow-up to resolve) comes from the cache.
        """
        now = time.time() if now is None else now
        query = question if isinstance(question, Query) else parse_query(question, fallback_lang=lang)
        if context is not None and context.fresh(now, followup.CONTEXT_SECONDS):
            if followup.asks_for_more(query.text):
                return self._more(query, context, now)
            resolved = followup.resolve(query.text, context, now=now)
            if resolved is not None:
                answer = self.answer(
                    parse_query(resolved, fallback_lang=context.lang), cached=cached, hits=hits, now=now
                )
                answer.resolved_question = resolved
                answer.question = query.text
                return answer
        key = (query.folded, query.lang)
        if hits is None and cached:
            with self._cache_lock:
                found = self._cache.get(key)
                if found is not None:
                    self._cache.move_to_end(key)
                    return self._with_context(found.model_copy(deep=True), query, now)
        answer = self._answer(query, hits=hits)
        if hits is None:
            with self._cache_lock:
                self._cache[key] = answer.model_copy(deep=True)
                while len(self._cache) > ANSWER_CACHE_SIZE:
                    self._cache.popitem(last=False)
        return self._with_context(answer, query, now)

    def _answer(self, query: Query, *, hits: list[SearchHit] | None = None) -> Answer:
        question, lang = query.text, query.lang
        if not question:
            return Answer(question="", lang=lang, found=False, kind="empty", intro=t(lang, "empty"))
        notes = [t(lang, "too_long", limit=MAX_QUERY_CHARS)] if query.truncated else []
        intent = classify(query, document_words=self.documents.words)
        if intent.rest:  # "hi, what must the IIN do?": the question after the greeting
            return self._answer(parse_query(intent.rest, fallback_lang=lang), hits=hits)
        if intent.kind == "small_talk":  # "bonjour" is French whatever a two-word message looks like
            lang = intent.lang or lang
            return Answer(question=question, lang=lang, found=False, kind="small_talk", intro=t(lang, intent.detail))
        if intent.kind == "referral":
            return Answer(question=question, lang=lang, found=False, kind="referral", intro=t(lang, "referral"))

        answer = self._from_catalogue(query, intent)
        if answer is None:
            vector = self.searcher.encoder.encode_queries([query.search_text])[0]
            hits = hits if hits is not None else self.searcher.search(query, k=CANDIDATES, query_vector=vector)
            answer = self._extract(query, intent, hits, vector)
            if answer.found and self.llm is not None:
                answer = self.llm.rewrite(answer, hits) or answer
        answer.notes = notes + answer.notes
        answer.pages = paginate(answer.sentences) if len(answer.sentences) > 1 else []
        return answer

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
        return _found(
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
        name = program_actor.display(lang)
        intro = t(lang, "role_of" if role else "mandate_of", actor=name)
        return _found(question, lang, "catalogue", intro, sentences, citations)

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
        return _found(question, lang, "catalogue", intro, sentences, citations)

    def _passages_answer(self, question: str, lang: str, chunks: list[Chunk], *, intro: str) -> Answer:
        citations: list[Citation] = []
        sentences: list[AnswerSentence] = []
        for chunk in chunks:
            n = self._cite(citations, chunk, lang)
            sentences += [AnswerSentence(text=u.text, n=n) for u in self.units.of(chunk) if not u.fragment or u.item]
        return _found(question, lang, "catalogue", intro, sentences, citations)

    # -- retrieval -----------------------------------------------------------------------------

    def question_weights(self, query: Query) -> QuestionWeights:
        terms = terms_of(query.search_text)
        entities = sorted(entity_tokens(query.search_text))
        return question_weights([*terms, *entities], self.idf, lambda s: self._df.get(s, 0) > 0)

    def _extract(self, query: Query, intent: Intent, hits: list[SearchHit], vector) -> Answer:
        question, lang = query.text, query.lang
        qw = self.question_weights(query)
        named = self.documents.named(query.folded)
        boosted: set[str] = set()
        if intent.topic and intent.actor is not None:
            # "What does the Program ask of the member states on health?": the actor's activities compete too
            activities = [item.chunk for item in self.catalogue.activities_for(intent.actor.id)]
            hits = hits + self._extra_hits(vector, hits, activities)
            boosted = {chunk.id for chunk in activities}
        elif intent.numbered:
            boosted = {h.chunk.id for h in hits if (h.chunk.label or "").startswith(intent.numbered)}
        candidates = score_candidates(
            query,
            hits,
            self.units,
            qw,
            answer_types=intent.answer_types,
            named_documents=named,
            boosted=boosted,
            weights=self.weights,
            context_stems=self.context_stems,
            years=question_years(query.text),
            document_years=self._document_years,
            similarities=lambda units: self.vectors.similarities(units, vector),
        )
        chosen = choose(candidates, self.units, self.weights)
        chosen = self._prefer_typed(chosen, candidates, intent)
        verdict = judge(
            question=question,
            lang=lang,
            answer_types=intent.answer_types,
            chosen=chosen,
            best_dense=max((h.dense for h in hits), default=0.0),
            unknown_share=qw.unknown_share,
            thresholds=self.thresholds,
            document_years=self._document_years,
            neighbours=lambda chunk: self._neighbours.get(chunk.id, (None, None)),
        )
        if verdict.outcome == "not_found":
            return Answer(
                question=question,
                lang=lang,
                found=False,
                kind="not_found",
                intro=t(lang, "not_found"),
                notes=[t(lang, "not_found_help")],
            )
        if verdict.outcome == "partial":
            return self._partial(query, verdict, chosen[0])
        citations: list[Citation] = []
        sentences = []
        for candidate in chosen:
            n = self._cite(citations, candidate.unit.chunk, lang)
            sentences.append(AnswerSentence(text=candidate.unit.text, n=n))
        return _found(question, lang, "extractive", t(lang, "according"), sentences, citations)

    def _prefer_typed(self, chosen: list[Candidate], candidates: list[Candidate], intent: Intent) -> list[Candidate]:
        """ "When…?" answered without a date: a close candidate that gives one answers instead."""
        checked = [kind for kind in intent.answer_types if kind in CHECKED_TYPES]
        if not checked or not chosen or any(c.typed for c in chosen):
            return chosen
        best = chosen[0].score
        typed = [c for c in candidates if c.typed and c.score >= TYPED_SHARE * best]
        return choose(typed, self.units, self.weights) if typed else chosen

    def _extra_hits(self, vector, hits: list[SearchHit], chunks: list[Chunk]) -> list[SearchHit]:
        """Passages search did not return, as hits with their dense similarity to the question."""
        have = {h.chunk.id for h in hits}
        wanted = [c for c in chunks if c.id not in have]
        if not wanted:
            return []
        positions = [self._positions[c.id] for c in wanted]
        try:
            cosines = (self.searcher.vectors.vectors(positions) @ vector).tolist()
        except RuntimeError:  # an index type that cannot give its vectors back
            cosines = [min((h.dense for h in hits), default=0.0)] * len(wanted)
        return [
            SearchHit(rank=len(hits) + i + 1, score=0.0, dense=cosine, lexical=0.0, chunk=chunk)
            for i, (chunk, cosine) in enumerate(zip(wanted, cosines, strict=True))
        ]

    def _document_years(self, doc: str) -> set[int]:
        info = self.documents.documents.get(doc)
        return set(info.years) if info else set()

    def _partial(self, query: Query, verdict: Verdict, best: Candidate) -> Answer:
        """ "The documents mention X but do not say Y", with the closest sentence and its source."""
        lang = query.lang
        missing_parts = []
        if verdict.missing:
            missing_parts.append(t(lang, "missing_about", names=", ".join(verdict.missing)))
        if verdict.missing_type:
            missing_parts.append(t(lang, f"missing_{verdict.missing_type}"))
        mentioned = self._mentioned(query, best, exclude=set(verdict.missing))
        citations: list[Citation] = []
        n = self._cite(citations, best.unit.chunk, lang)
        intro = t(lang, "partial", mentioned=mentioned or citations[0].source, missing=" / ".join(missing_parts))
        return Answer(
            question=query.text,
            lang=lang,
            found=False,
            kind="partial",
            intro=intro,
            sentences=[AnswerSentence(text=best.unit.text, n=n)],
            citations=citations,
        )

    def _mentioned(self, query: Query, best: Candidate, *, exclude: set[str]) -> str:
        """The question's own words that the closest passage holds, as the question groups them
        ("«Costa Rica»", not "«Costa», «Rica»"), rarest first, at most three."""
        present = best.unit.stems | self.context_stems(best.unit.chunk)
        for unit in self.units.of(best.unit.chunk):
            present |= unit.stems
        phrases: list[tuple[str, float]] = []
        current: list[str] = []
        weight = 0.0
        for word in [*query.text.split(), ""]:
            bare = word.strip(" ,.;:!?¡¿()\"'«»“”’")
            terms = query_terms(bare) if bare else []
            if terms and bare not in exclude and not bare.isdigit() and len(bare) > 2 and stem(terms[0]) in present:
                current.append(bare)
                weight = max(weight, self.idf(stem(terms[0])))
                if word.endswith((",", ";", ":", "?")):  # punctuation ends a phrase
                    phrases.append((" ".join(current), weight))
                    current, weight = [], 0.0
                continue
            if current:
                phrases.append((" ".join(current), weight))
            current, weight = [], 0.0
        ranked = {phrase for phrase, _ in sorted(phrases, key=lambda p: -p[1])[:3]}
        return ", ".join(f"«{phrase}»" for phrase, _ in phrases if phrase in ranked)

    # -- follow-ups --------------------------------------------------------------------------

    def _more(self, query: Query, context: TurnContext, now: float) -> Answer:
        """The passage around the sentence quoted last: its neighbours in the passage, or the passage."""
        lang = context.lang if query.lang == "en" and len(query.text) < 25 else query.lang
        chunk = self.searcher.chunk_by_id(context.chunk_ids[0]) if context.chunk_ids else None
        if chunk is None:
            return Answer(question=query.text, lang=lang, found=False, kind="not_found", intro=t(lang, "not_found"))
        units = [u for u in self.units.of(chunk) if not u.fragment or u.item]
        around = list(units)
        if context.sentence:
            position = next((i for i, u in enumerate(units) if u.text == context.sentence), None)
            if position is not None:
                around = units[max(0, position - MORE_UNITS_AROUND) : position + MORE_UNITS_AROUND + 1]
        chunks = [chunk]
        if len(around) <= 2:  # a short passage: the next one of the same section too
            following = self._neighbours.get(chunk.id, (None, None))[1]
            if following is not None and following.section == chunk.section:
                chunks.append(following)
                around += [u for u in self.units.of(following) if not u.fragment or u.item]
        citations: list[Citation] = []
        sentences = []
        for unit in around:
            n = self._cite(citations, unit.chunk, lang)
            sentences.append(AnswerSentence(text=unit.text, n=n))
        answer = _found(query.text, lang, "more", t(lang, "more"), sentences, citations)
        answer.pages = paginate(answer.sentences) if len(sentences) > 1 else []
        answer.context = context.model_copy(update={"at": now})
        return answer

    def _with_context(self, answer: Answer, query: Query, now: float) -> Answer:
        """What the chat keeps of this turn so that the next message can follow up on it."""
        if answer.kind in {"small_talk", "referral", "empty"}:
            return answer
        actors = find_actors(query.folded)
        first = answer.sentences[0].text if answer.sentences else None
        answer.context = TurnContext(
            question=query.text,
            lang=query.lang,
            kind=answer.kind,
            actor_id=actors[0].id if actors else None,
            documents=list(dict.fromkeys(c.doc for c in answer.citations)),
            years=sorted(question_years(query.text)),
            chunk_ids=[c.chunk_id for c in answer.citations],
            sentence=first,
            at=now,
        )
        return answer

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
        """ "Program 2016 · activity 9": the document's short name and the item or last heading."""
        document = self.documents.label(chunk.doc)
        if chunk.label and chunk.number is not None and not chunk.label.startswith("item"):
            kind = chunk.label.rsplit(" ", 1)[0].replace(" ", "_")
            where = t(lang, f"label_{kind}", n=chunk.number) if f"label_{kind}" in _LABEL_KEYS else chunk.label
        elif chunk.section:
            where = _short_heading(chunk.section[-1])
        else:
            return document
        return f"{document} · {where}"


_LABEL_KEYS = {"label_activity", "label_general_objective", "label_specific_objective"}


def _short_heading(heading: str, limit: int = 48) -> str:
    """ "IV. Annual Activity Report" → "Annual Activity Report"; headings in capitals in sentence case."""
    text = re.sub(r"^\s*(?:[IVXL]+|[A-Z]|\d+)(?:\.\d+)?[.)]\s+", "", heading).strip(" ·:")
    if text.isupper():
        text = text.capitalize()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _found(
    question: str, lang: str, kind: str, intro: str, sentences: list[AnswerSentence], citations: list[Citation]
) -> Answer:
    """An answer from the documents; readers in other languages are told the quotations stay in English."""
    if lang != "en":
        intro = f"{intro} {t(lang, 'quoted_en')}"
    return Answer(
        question=question, lang=lang, found=True, kind=kind, intro=intro, sentences=sentences, citations=citations
    )


def default_min_evidence(model_name: str) -> float:
    """The English threshold of the model family (bot/answering/gate.py has all languages)."""
    return thresholds_for(model_name).minimum("en")


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
    )
