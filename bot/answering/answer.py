"""Answers a delegate can quote: the documents' own sentences, each with its source.

Order of precedence: an exact reference ("activity 27") or an actor's mandate ("what must the
IIN do?") is answered from the catalogue; anything else picks the one to three sentences of the
best passages that share most of the question's rare words. When too little of the question is
found in the passages, the honest answer is that the documents do not cover it.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from bot.actors import Actor, find_actors
from bot.answering.catalogue import Catalogue, MandateItem
from bot.texts import t
from index.chunk import Chunk
from index.lexical import query_terms, words
from index.query import MAX_QUERY_CHARS, Query, parse_query
from index.search import Searcher, SearchHit
from index.text import fold, split_sentences

PASSAGES_CONSIDERED = 6
FURTHER_SOURCES = 3
ANSWER_CACHE_SIZE = 2048
_year = re.compile(r"\b(19|20)\d{2}\b")

# Words that say "list this actor's mandate" rather than ask something specific about it.
_MANDATE_WORDS = set(
    [
        "what",
        "which",
        "does",
        "do",
        "did",
        "the",
        "program",
        "programme",
        "ask",
        "asks",
        "asked",
        "of",
        "from",
        "request",
        "requests",
        "expect",
        "expects",
        "must",
        "should",
        "suggest",
        "suggests",
        "suggested",
        "assign",
        "assigns",
        "assigned",
        "activity",
        "activities",
        "role",
        "roles",
        "task",
        "tasks",
        "mandate",
        "mandates",
        "responsibilities",
        "responsible",
        "according",
        "to",
        "for",
        "in",
        "under",
        "que",
        "qué",
        "le",
        "les",
        "pide",
        "piden",
        "debe",
        "deben",
        "hacer",
        "actividades",
        "actividad",
        "tareas",
        "mandato",
        "mandatos",
        "asigna",
        "papel",
        "rol",
        "el",
        "la",
        "los",
        "las",
        "del",
        "de",
        "al",
        "segun",
        "programa",
        "cuales",
        "cuáles",
        "son",
        "list",
        "all",
    ]
)


AnswerKind = Literal["catalogue", "extractive", "generative", "not_found", "empty"]


class Citation(BaseModel):
    n: int
    doc: str
    title: str
    short: str
    date: str
    section: str
    label: str | None = None
    text: str
    chunk_id: str


class AnswerSentence(BaseModel):
    text: str
    n: int


class Answer(BaseModel):
    """What the chat, the console and the CLI show; `text` is plain with [n] markers."""

    question: str
    lang: str
    found: bool
    kind: AnswerKind
    intro: str = ""
    sentences: list[AnswerSentence] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    generated_text: str | None = None

    @property
    def text(self) -> str:
        if not self.found:
            return "\n".join([self.intro, *self.notes]).strip()
        if self.generated_text:
            return self.generated_text
        body = "\n".join(f"{s.text} [{s.n}]" for s in self.sentences)
        return f"{self.intro}\n{body}".strip() if self.intro else body

    def as_json(self, question_id: str | None = None) -> dict:
        data = {
            "found": self.found,
            "answer": self.text,
            "citations": [
                {"n": c.n, "doc": c.doc, "title": c.title, "section": c.section, "text": c.text} for c in self.citations
            ],
        }
        return {"id": question_id, **data} if question_id is not None else data


def _stem(token: str) -> str:
    """Crude shared stem: enough for 'migrants'/'migration' to meet, cheap enough for every query."""
    return token[:6] if len(token) > 6 else token


def _stems(text: str) -> list[str]:
    return [_stem(term) for term in query_terms(text)]


@dataclass
class _Candidate:
    score: float
    coverage: float
    hit_rank: int
    chunk: Chunk
    sentence: str
    order: int


class Answerer:
    def __init__(
        self, searcher: Searcher, catalogue: Catalogue | None = None, *, min_evidence: float | None = None, llm=None
    ) -> None:
        self.searcher = searcher
        self.catalogue = catalogue or Catalogue(searcher.chunks)
        self.min_evidence = min_evidence if min_evidence else default_min_evidence(searcher.encoder.name)
        self.llm = llm
        # Sentence score = share of the question's rare words in the sentence, plus these weights of
        # passage coverage, search rank and dense similarity (tuned with bench/answers.py).
        self.weights = (0.35, 0.25, 0.2)
        # Delegates ask the same questions; an answer depends only on the question and this index.
        self._cache: OrderedDict[tuple[str, str | None], Answer] = OrderedDict()
        self._cache_lock = threading.Lock()
        document_frequency: Counter[str] = Counter()
        for chunk in searcher.chunks:
            document_frequency.update(set(_stems(f"{chunk.short} {' '.join(chunk.section)} {chunk.text}")))
        self._df = document_frequency
        self._n = max(1, len(searcher.chunks))
        self._doc_names = {c.doc: fold(f"{c.short} {c.title}") for c in searcher.chunks}

    def idf(self, stem: str) -> float:
        return math.log(1 + self._n / (1 + self._df.get(stem, 0)))

    # -- entry point -------------------------------------------------------------------------

    def answer(
        self,
        question: str | Query,
        lang: str | None = None,
        *,
        hits: list[SearchHit] | None = None,
        cached: bool = True,
    ) -> Answer:
        """The answer to a question; a question asked before (by anyone) comes from the cache.

        `lang` is the user's own language, used when the question is too short to tell its own.
        """
        query = question if isinstance(question, Query) else parse_query(question, fallback_lang=lang)
        key = (query.folded, query.lang)
        if hits is None and cached:
            with self._cache_lock:
                cached = self._cache.get(key)
                if cached is not None:
                    self._cache.move_to_end(key)
                    return cached.model_copy(deep=True)
        answer = self._answer(query, hits=hits)
        if hits is None:
            with self._cache_lock:
                self._cache[key] = answer.model_copy(deep=True)
                while len(self._cache) > ANSWER_CACHE_SIZE:
                    self._cache.popitem(last=False)
        return answer

    def _answer(self, query: Query, *, hits: list[SearchHit] | None = None) -> Answer:
        question, lang = query.text, query.lang
        if not question:
            return Answer(question="", lang=lang, found=False, kind="empty", intro=t(lang, "empty"))
        notes = [t(lang, "too_long", limit=MAX_QUERY_CHARS)] if query.truncated else []

        answer = self._from_catalogue(query)
        if answer is None:
            hits = hits if hits is not None else self.searcher.search(query, k=PASSAGES_CONSIDERED)
            answer = self._extract(query, hits)
            if answer.found and self.llm is not None:
                answer = self.llm.rewrite(answer, hits) or answer
        answer.notes = notes + answer.notes
        return answer

    # -- catalogue ---------------------------------------------------------------------------

    def _from_catalogue(self, query: Query) -> Answer | None:
        question, lang = query.text, query.lang
        if query.labels:
            items: list[MandateItem] = []
            for label in query.labels:
                found = self.catalogue.lookup(label)
                items += self._prefer_named_document(query, found)
            if items:
                return self._items_answer(question, lang, items, intro=t(lang, "according"))
        actors = find_actors(query.folded)
        if len(actors) == 1 and self._asks_for_mandate(query.folded, actors[0]):
            items = self.catalogue.activities_for(actors[0].id)
            if items:
                name = actors[0].name_in(lang)
                return self._items_answer(question, lang, items, intro=t(lang, "activities_of", actor=name))
        return None

    def _prefer_named_document(self, query: Query, items: list[MandateItem]) -> list[MandateItem]:
        """ "objective 10 in the CAM Vice Chair's plan" → that document's objective 10 only."""
        if len(items) < 2:
            return items
        question_words = {w for w in query_terms(query.folded) if len(w) > 2}
        generic = {"specific", "general", "objective", "activity", "program", "objetivo", "especifico", "actividad"}
        scored = []
        for item in items:
            name_words = set(words(self._doc_names.get(item.chunk.doc, "")))
            scored.append((len((question_words - generic) & name_words), item))
        best = max(score for score, _ in scored)
        return [item for score, item in scored if score == best] if best else items[:1]

    def _asks_for_mandate(self, folded: str, actor: Actor) -> bool:
        for alias in sorted(actor.aliases, key=len, reverse=True):
            folded = re.sub(rf"(?<![\w/-]){re.escape(fold(alias))}(?![\w/-])", " ", folded)
        remaining = [w for w in re.findall(r"[a-z]+", folded) if len(w) > 1 and w not in {"s"}]
        return bool(remaining) and all(w in _MANDATE_WORDS for w in remaining)

    def _items_answer(self, question: str, lang: str, items: list[MandateItem], *, intro: str) -> Answer:
        citations: list[Citation] = []
        sentences: list[AnswerSentence] = []
        for item in items:
            n = len(citations) + 1
            citations.append(_citation(n, item.chunk))
            sentences.append(
                AnswerSentence(text=f"{item.number}. {item.text}" if item.kind == "activity" else item.text, n=n)
            )
        return _found(question, lang, "catalogue", intro, sentences, citations)

    # -- extractive --------------------------------------------------------------------------

    def _extract(self, query: Query, hits: list[SearchHit]) -> Answer:
        question, lang = query.text, query.lang
        stems = list(dict.fromkeys(_stem(term) for term in query.terms))
        weights = {s: self.idf(s) for s in stems}
        total = sum(weights.values()) or 1.0
        candidates: list[_Candidate] = []
        # Cosines of one model sit in a narrow band; what separates passages is their place in it.
        dense_values = [hit.dense for hit in hits[:PASSAGES_CONSIDERED]] or [0.0]
        low, spread = min(dense_values), (max(dense_values) - min(dense_values)) or 1.0
        for hit in hits[:PASSAGES_CONSIDERED]:
            chunk = hit.chunk
            context = set(_stems(f"{chunk.short} {' '.join(chunk.section)} {chunk.label or ''}"))
            chunk_stems = set(_stems(chunk.text)) | context
            coverage = sum(w for s, w in weights.items() if s in chunk_stems) / total
            for order, (start, end) in enumerate(split_sentences(chunk.text)):
                sentence = chunk.text[start:end].strip()
                if len(sentence) < 20:
                    continue
                present = set(_stems(sentence)) | context
                overlap = sum(w for s, w in weights.items() if s in present) / total
                score = (
                    overlap
                    + self.weights[0] * coverage
                    + self.weights[1] / hit.rank
                    + self.weights[2] * (hit.dense - low) / spread
                )
                candidates.append(_Candidate(score, coverage, hit.rank, chunk, sentence, order))
        if not candidates or not self._enough_evidence(query, candidates, hits):
            return Answer(
                question=question,
                lang=lang,
                found=False,
                kind="not_found",
                intro=t(lang, "not_found"),
                notes=[t(lang, "not_found_help")],
            )

        candidates.sort(key=lambda c: -c.score)
        best = candidates[0]
        chosen = [best]
        for candidate in candidates[1:]:
            if len(chosen) == 3 or sum(len(c.sentence) for c in chosen) > 500:
                break
            same_passage_next = candidate.chunk.id == best.chunk.id and abs(candidate.order - best.order) == 1
            close_enough = (same_passage_next and candidate.score >= 0.75 * best.score) or (
                candidate.score >= 0.92 * best.score
            )
            if close_enough and candidate.sentence not in {c.sentence for c in chosen}:
                chosen.append(candidate)
        chosen.sort(key=lambda c: (c.chunk.id != best.chunk.id, c.chunk.id, c.order))

        citations: list[Citation] = []
        numbers: dict[str, int] = {}
        sentences = []
        for candidate in chosen:
            if candidate.chunk.id not in numbers:
                numbers[candidate.chunk.id] = len(citations) + 1
                citations.append(_citation(numbers[candidate.chunk.id], candidate.chunk))
            sentences.append(AnswerSentence(text=candidate.sentence, n=numbers[candidate.chunk.id]))
        for hit in hits[:FURTHER_SOURCES]:  # the next best passages, for the reader who wants more
            if hit.chunk.id not in numbers:
                numbers[hit.chunk.id] = len(citations) + 1
                citations.append(_citation(numbers[hit.chunk.id], hit.chunk))
        return _found(question, lang, "extractive", t(lang, "according"), sentences, citations)

    def _enough_evidence(self, query: Query, candidates: list[_Candidate], hits: list[SearchHit]) -> bool:
        """Refuse when the best passages are too far from the question, or miss a year it names.

        Evidence is the best passage's cosine similarity plus a small share of how much of the
        question's rare vocabulary it contains; the threshold is calibrated per model family on
        the dev set and our own off-topic questions (bench/answers.py).
        """
        best_coverage = max(c.coverage for c in candidates)
        best_dense = max(hit.dense for hit in hits[:PASSAGES_CONSIDERED])
        if best_dense + 0.15 * best_coverage < self.min_evidence:
            return False
        years = {m.group(0) for m in _year.finditer(query.text)}
        if years:
            top_text = " ".join(f"{h.chunk.short} {h.chunk.title} {h.chunk.date} {h.chunk.text}" for h in hits[:3])
            if not all(year in top_text for year in years):
                return False
        return True


def _found(
    question: str, lang: str, kind: AnswerKind, intro: str, sentences: list[AnswerSentence], citations: list[Citation]
) -> Answer:
    """An answer from the documents; readers in other languages are told the quotations stay in English."""
    if lang != "en":
        intro = f"{intro} {t(lang, 'quoted_en')}"
    return Answer(
        question=question, lang=lang, found=True, kind=kind, intro=intro, sentences=sentences, citations=citations
    )


def default_min_evidence(model_name: str) -> float:
    """Cosine scales differ between models: E5 puts unrelated text near 0.8, MiniLM near 0.2."""
    name = model_name.lower()
    if "e5" in name:
        return 0.87
    if "hashing" in name:
        return 0.2
    return 0.45


def _citation(n: int, chunk: Chunk) -> Citation:
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
    )
