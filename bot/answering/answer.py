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
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable
from pathlib import Path

from bot.actors import find_actors
from bot.answering import followup
from bot.answering.answer_type import question_years
from bot.answering.catalogue import Catalogue
from bot.answering.cues import DocumentCues
from bot.answering.gate import CHECKED_TYPES, Verdict, judge, thresholds_for
from bot.answering.intent import Intent, classify
from bot.answering.listing import ListingMixin, found_answer
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


class Answerer(ListingMixin):
    def __init__(
        self,
        searcher: Searcher,
        catalogue: Catalogue | None = None,
        *,
        min_evidence: float | None = None,
        llm=None,
        cache_dir: Path | None = None,
        report: Callable[[str], None] | None = None,
    ) -> None:
        """`cache_dir` keeps the sentence embeddings between starts (none: computed in memory);
        `report` hears about embedding them, with a progress bar, when there are new ones."""
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
        self.vectors.prepare(
            [u for chunk in searcher.chunks for u in self.units.of(chunk) if not u.fragment], report=report
        )
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
        chosen = choose(candidates, self.units, self.weights, self._next_passage)
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
        return found_answer(question, lang, "extractive", t(lang, "according"), sentences, citations)

    def _prefer_typed(self, chosen: list[Candidate], candidates: list[Candidate], intent: Intent) -> list[Candidate]:
        """ "When…?" answered without a date: a close candidate that gives one answers instead."""
        checked = [kind for kind in intent.answer_types if kind in CHECKED_TYPES]
        if not checked or not chosen or any(c.typed for c in chosen):
            return chosen
        best = chosen[0].score
        typed = [c for c in candidates if c.typed and c.score >= TYPED_SHARE * best]
        return choose(typed, self.units, self.weights, self._next_passage) if typed else chosen

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

    def _next_passage(self, chunk: Chunk) -> Chunk | None:
        return self._neighbours.get(chunk.id, (None, None))[1]

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
        answer = found_answer(query.text, lang, "more", t(lang, "more"), sentences, citations)
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


def default_min_evidence(model_name: str) -> float:
    """The English threshold of the model family (bot/answering/gate.py has all languages)."""
    return thresholds_for(model_name).minimum("en")
