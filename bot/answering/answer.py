"""Answers a delegate can quote: the documents' own sentences, each with its source.

A message goes through small steps, each a function with typed inputs and outputs:
  analyse   the one reading of the message (index/language): intent, kinds of answer, actors,
            years, references, documents named; a follow-up is resolved against the last turn
  route     small talk and personal cases get a short reply in the user's language; "tell me
            more" the passage around the last quote; a listing or a numbered item the complete
            answer from the catalogue (listing.py)
  retrieve  hybrid search (index/search.py), plus an actor's activities for "what does the
            Program ask of X on Y?"
  choose    every quotable unit of the candidates scored by the fitted chooser (choose.py)
  gate      answer, refuse, or "the documents mention X but do not say Y" (gate.py)
  compose   the answer with its sources, in pages when long (compose.py, sources.py)
Everything built from the index (units, their vectors and stems, neighbours, the documents'
cues) was built when the index was loaded; an `Answerer` only holds it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

import numpy as np

from bot.actors import actor_by_id
from bot.answering import compose
from bot.answering.catalogue import Catalogue
from bot.answering.choose import Chooser, choose, load_chooser, prefer_typed
from bot.answering.direct import direct_line
from bot.answering.features import Candidate, LanguageWeights, question_weights, rescored, score_candidates
from bot.answering.gate import Gate, Verdict, judge, load_gate
from bot.answering.listing import Listings
from bot.answering.models import Answer, AnswerSentence, Citation, Page, TurnContext, paginate
from bot.texts import LANGUAGES, t
from index.chunk import Chunk
from index.language import Question
from index.language.question import MAX_QUESTION_CHARS
from index.search import Searcher, SearchHit

__all__ = ["Answer", "AnswerSentence", "Answerer", "Citation", "Page", "TurnContext"]

CANDIDATES = 16  # passages scored for every question: all of them, not the first few
ANSWER_CACHE_SIZE = 2048
CONTEXT_SECONDS = 600  # a follow-up more than ten minutes later is a new conversation
REPLIES = {"small_talk", "referral", "empty"}


class Answerer:
    """The answering pipeline over one loaded index; thread-safe, shared by every front end."""

    def __init__(
        self,
        searcher: Searcher,
        catalogue: Catalogue | None = None,
        *,
        min_evidence: float | None = None,
        llm=None,
        chooser: Chooser | None = None,
        gate: Gate | None = None,
    ) -> None:
        """`chooser` and `gate` default to the models fitted for the searcher's encoder
        (index/chooser.json, index/gate.json); a benchmark passes models it is fitting."""
        self.searcher = searcher
        self.catalogue = catalogue or Catalogue(searcher.chunks)
        self.units = searcher.units
        self.documents = searcher.catalogue
        self.analyser = searcher.analyser
        self.listings = Listings(self.catalogue, self.documents, self.units, searcher.chunks)
        self.chooser = chooser or load_chooser(searcher.encoder.name)
        self.gate = gate or load_gate(searcher.encoder.name, min_evidence or None)
        self.llm = llm
        # Delegates ask the same questions; an answer depends only on the question and this index.
        self._cache: OrderedDict[tuple[str, str], Answer] = OrderedDict()
        self._cache_lock = threading.Lock()

    def analyse(self, text: str, lang: str | None = None, context: TurnContext | None = None, now: float = 0.0):
        """The message read once, against the chat's previous turn when it is still fresh."""
        previous = topic = None
        if context is not None and context.fresh(now, CONTEXT_SECONDS):
            previous = self.analyser.analyse(context.question, fallback_lang=context.lang)
            topic = context.sentence
        return self.analyser.analyse(text, fallback_lang=lang, previous=previous, previous_topic=topic)

    def answer(
        self,
        message: str | Question,
        lang: str | None = None,
        *,
        hits: list[SearchHit] | None = None,
        cached: bool = True,
        context: TurnContext | None = None,
        now: float | None = None,
    ) -> Answer:
        """The answer to a message; `lang` is the user's own language (for a message too short to
        tell its own) and `context` the chat's previous turn, for follow-ups. A question asked before
        (by anyone, with no follow-up to resolve) comes from the cache."""
        now = time.time() if now is None else now
        question = message if isinstance(message, Question) else self.analyse(message, lang, context, now)
        if question.intent == "more" and context is not None:
            chunk = self.searcher.chunk_by_id(context.chunk_ids[0]) if context.chunk_ids else None
            return compose.more(question, context, chunk, self.units, self.documents, now)
        key = (question.folded, question.lang)
        if hits is None and cached:
            with self._cache_lock:
                found = self._cache.get(key)
                if found is not None:
                    self._cache.move_to_end(key)
                    return self._finish(found.model_copy(deep=True), question, now)
        answer = self._answer(question, hits)
        if hits is None:
            with self._cache_lock:
                self._cache[key] = answer.model_copy(deep=True)
                while len(self._cache) > ANSWER_CACHE_SIZE:
                    self._cache.popitem(last=False)
        return self._finish(answer, question, now)

    def _answer(self, question: Question, hits: list[SearchHit] | None) -> Answer:
        lang = question.lang
        if question.intent == "empty" or question.intent == "more":
            return Answer(question="", lang=lang, found=False, kind="empty", intro=t(lang, "empty"))
        if question.intent == "small_talk":  # "bonjour" is French whatever a two-word message looks like
            lang = question.small_talk_lang or lang
            return Answer(
                question=question.text, lang=lang, found=False, kind="small_talk", intro=t(lang, question.detail)
            )
        if question.intent == "other_language":  # said in each of the bot's languages: the reader's is unknown
            intro = "\n".join(t(language, "other_language") for language in LANGUAGES)
            return Answer(question=question.text, lang="en", found=False, kind="small_talk", intro=intro)
        if question.intent == "referral":
            return Answer(question=question.text, lang=lang, found=False, kind="referral", intro=t(lang, "referral"))
        answer = self.listings.answer(question)
        if answer is None:
            vector = self.searcher.encoder.encode_queries([question.search_text])[0]
            hits = hits if hits is not None else self.retrieve(question, vector)
            answer = self._extract(question, hits, vector)
            if answer.found and self.llm is not None:
                answer = self.llm.rewrite(answer, hits) or answer
        if question.truncated:
            answer.notes = [t(lang, "too_long", limit=MAX_QUESTION_CHARS), *answer.notes]
        answer.pages = paginate(answer.sentences) if len(answer.sentences) > 1 else []
        return answer

    def retrieve(self, question: Question, vector: np.ndarray) -> list[SearchHit]:
        """The candidate passages: search's, and for "what does the Program ask of X on Y?" every
        activity of X too (search may rank the one about Y below others)."""
        hits = self.searcher.search(question, k=CANDIDATES, query_vector=vector)
        if question.topic and question.actors:
            activities = [item.chunk for item in self.catalogue.activities_for(question.actors[0])]
            hits = hits + self._extra_hits(vector, hits, activities)
        return hits

    def candidates(
        self, question: Question, hits: list[SearchHit], vector: np.ndarray, chooser: Chooser | None = None
    ) -> tuple[list[Candidate], LanguageWeights]:
        """Every quotable unit of the hits, scored by the chooser (this answerer's, or one being fitted)."""
        if question.topic and question.actors:
            boosted = {item.chunk.id for item in self.catalogue.activities_for(question.actors[0])}
        elif question.asked_item:
            boosted = {h.chunk.id for h in hits if (h.chunk.label or "").startswith(question.asked_item)}
        else:
            boosted = set()
        qw = question_weights(question, self.units)
        scored = score_candidates(
            question,
            hits,
            self.units,
            qw,
            (chooser or self.chooser).weights,
            boosted=boosted,
            query_vector=vector,
            document_years=self.documents.years,
        )
        return scored, qw

    def decide(
        self,
        question: Question,
        hits: list[SearchHit],
        vector: np.ndarray,
        *,
        chooser: Chooser | None = None,
        gate: Gate | None = None,
        scored: tuple[list[Candidate], LanguageWeights] | None = None,
    ) -> tuple[list[Candidate], Verdict]:
        """The units to quote and the verdict on them (with this answerer's models, or ones being
        fitted; `scored`: candidates computed before, scored again with `chooser`)."""
        chooser = chooser or self.chooser
        if scored is None:
            candidates, by_language = self.candidates(question, hits, vector, chooser)
        else:
            candidates, by_language = rescored(scored[0], chooser.weights), scored[1]
        chosen = choose(candidates, self.units, chooser, whole_list=question.listing)
        chosen = prefer_typed(chosen, candidates, question, self.units, chooser)
        qw = by_language.of(chosen[0].unit.chunk.lang if chosen else question.lang)
        cosine = self.units.similarities([chosen[0].unit], vector)[0] if chosen else None
        verdict = judge(
            question,
            chosen,
            hits,
            qw,
            self.units,
            gate or self.gate,
            document_years=self.documents.years,
            sentence_cosine=cosine if cosine is not None else 0.0,
            names=_actor_name(question.lang),
        )
        return chosen, verdict

    def _extract(self, question: Question, hits: list[SearchHit], vector: np.ndarray) -> Answer:
        chosen, verdict = self.decide(question, hits, vector)
        if verdict.outcome == "not_found":
            return compose.not_found(question)
        if verdict.outcome == "partial":
            return compose.partial(question, verdict, chosen[0], self.units, self.documents)
        answer = compose.quotes(question, chosen, self.documents)
        answer.direct = direct_line(question, chosen, self.units, self.documents)
        return answer

    def _extra_hits(self, vector: np.ndarray, hits: list[SearchHit], chunks: list[Chunk]) -> list[SearchHit]:
        """Passages search did not return, as hits with their dense similarity to the question."""
        have = {h.chunk.id for h in hits}
        wanted = [c for c in chunks if c.id not in have]
        if not wanted:
            return []
        positions = [self.units.positions[c.id] for c in wanted]
        try:
            cosines = (self.searcher.vectors.vectors(positions) @ vector).tolist()
        except RuntimeError:  # an index type that cannot give its vectors back
            cosines = [min((h.dense for h in hits), default=0.0)] * len(wanted)
        return [
            SearchHit(rank=len(hits) + i + 1, score=0.0, dense=cosine, lexical=0.0, chunk=chunk)
            for i, (chunk, cosine) in enumerate(zip(wanted, cosines, strict=True))
        ]

    def _finish(self, answer: Answer, question: Question, now: float) -> Answer:
        """The follow-up as typed, and what the chat keeps of this turn for the next message."""
        if question.is_follow_up:
            answer.resolved_question = question.text
        answer.question = question.typed or question.corrected or question.text
        if answer.kind in REPLIES:
            return answer
        first = answer.sentences[0].text if answer.sentences else None
        answer.context = TurnContext(
            question=question.text,
            lang=question.lang,
            kind=answer.kind,
            actor_id=question.actors[0] if question.actors else None,
            documents=list(dict.fromkeys(c.doc for c in answer.citations)),
            years=sorted(question.years),
            chunk_ids=[c.chunk_id for c in answer.citations],
            sentence=first,
            at=now,
        )
        return answer


def _actor_name(lang: str):
    """How "the documents do not say anything about …" names an actor: in the reader's language."""

    def name(actor_id: str) -> str:
        actor = actor_by_id(actor_id)
        return actor.name_in(lang) if actor else actor_id

    return name
