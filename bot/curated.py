"""Curated answers: the Secretariat's own answer to a question, shown first to anyone who asks it again.

A maintainer saves an answer under a hand-off reply, with `/curate` on a question picked from
`/stats` or the digest, or on a question typed after `/curate`. A later question that means the
same thing — the cosine of the two questions' embeddings (the index's own multilingual encoder;
the asked question embedded as a query, the curated one as a passage, which bench/secretariat.py
measured to separate paraphrases from other questions on one topic far better than two queries)
at or above the thresholds `bench/secretariat.py` fitted for that encoder into
`index/secretariat.json`, one within a language and one across languages — gets the curated answer first, labelled "Answer from the OAS
Secretariat, <date>", and the documents' own answer below it, in every front end (Telegram,
inline mode, the console) through `reply_html` / `reply_plain`. An encoder the bench has not
calibrated matches only the same question (cosine ≥ `UNCALIBRATED`), never a guess.

A curated answer never poses as document text: it is framed by its label, its sources are the
documents the maintainer named, and it is stored here, never written into a source folder, so it
is never indexed or quoted as a document. Every edit keeps the earlier version
(`curated_versions`); a retired answer is never shown again. The question's vector is cached in
the row (with the encoder's name: another encoder re-embeds it) and in memory by (id, version),
so matching a question costs one query embedding and one matrix product.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from functools import cache
from html import escape
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from bot.answering.models import Answer
from bot.database import Store, now_iso
from bot.formatting import answer_html, answer_plain
from bot.texts import LANGUAGE_NAMES, t
from index.corpus import DocumentInfo
from index.encoder import Encoder
from index.language.identify import detect_language
from index.text import fold

logger = logging.getLogger(__name__)

CALIBRATION = Path(__file__).resolve().parent.parent / "index" / "secretariat.json"
UNCALIBRATED = 0.995  # an encoder without a fitted threshold: the same question only (not a tuned number)
ANSWER_LIMIT = 1500  # room for the documents' answer in the same message
QUESTION_LIMIT = 500


class Curated(BaseModel):
    id: int
    question: str
    lang: str
    answer: str
    sources: list[str] = []
    question_id: int | None = None
    handoff_id: int | None = None
    status: str
    version: int
    created_by: int | None = None
    created_at: str
    updated_at: str

    @property
    def date(self) -> str:
        return self.updated_at[:10]


class CuratedMatch(BaseModel):
    curated: Curated
    score: float


@cache
def calibration(path: Path = CALIBRATION) -> dict:
    """The fitted numbers (`bench/secretariat.py`), by encoder name."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def threshold_for(encoder_name: str, part: str = "curated", key: str = "threshold") -> float | None:
    entry = calibration().get(part, {}).get(encoder_name)
    return float(entry[key]) if entry and key in entry else None


def _row(row: dict) -> Curated:
    fields = {key: row[key] for key in Curated.model_fields if key in row}
    fields["sources"] = json.loads(row.get("sources") or "[]")
    return Curated(**fields)


def cited_documents(answer: str, documents: list[DocumentInfo]) -> list[str]:
    """The documents an answer names by their short name or title (as the manifest writes them)."""
    folded = fold(answer)
    found = []
    for doc in documents:
        for name in (doc.short, doc.title):
            if name and len(name) >= 4 and fold(name) in folded:
                found.append(doc.short or doc.title)
                break
    return list(dict.fromkeys(found))


def _cache_key(rows: list[dict], encoder_name: str) -> tuple:
    """What the cached matrix was made from: the rows' ids, versions and vectors' encoder."""
    return (*((row["id"], row["version"], row["vector_model"]) for row in rows), encoder_name)


class CuratedAnswers:
    """The curated answers of one database, matched with the encoder the index uses."""

    def __init__(self, store: Store, encoder: Callable[[], Encoder]) -> None:
        self.store = store
        self._encoder = encoder
        self._lock = threading.Lock()
        self._cache: tuple[tuple, np.ndarray, list[Curated], list[str]] | None = None

    # -- writing ----------------------------------------------------------------------------

    def save(
        self,
        question: str,
        answer: str,
        lang: str,
        *,
        created_by: int,
        sources: list[str] | None = None,
        question_id: int | None = None,
        handoff_id: int | None = None,
    ) -> Curated:
        """A new curated answer, active at once; a second save for the same question (same
        logged question or hand-off) is an edit of the first, a new version."""
        question = " ".join(question.split())[:QUESTION_LIMIT]
        answer = answer.strip()[:ANSWER_LIMIT]
        if not question or not answer:
            raise ValueError("a curated answer needs a question and an answer")
        with self.store.atomic() as db:
            rows = db.query(
                "select id from curated_answers where status = 'active' "
                "and (question_id = ? or handoff_id = ? or lower(question) = lower(?))",
                [question_id, handoff_id, question],
            )
            existing = next(iter(rows), None)
            if existing is not None:
                return self.edit(existing["id"], answer, lang, edited_by=created_by, sources=sources)
            now = now_iso()
            table = db["curated_answers"]
            table.insert(
                {
                    "question": question,
                    "lang": lang,
                    "answer": answer,
                    "sources": json.dumps(sources or []),
                    "question_id": question_id,
                    "handoff_id": handoff_id,
                    "status": "active",
                    "version": 1,
                    "created_by": created_by,
                    "created_at": now,
                    "updated_at": now,
                    "vector": None,
                    "vector_model": None,
                }
            )
            return _row(table.get(table.last_pk))

    def draft(self, question: str, *, created_by: int, question_id: int | None = None) -> int:
        """A curated answer waiting for its text (the maintainer's reply to the bot's prompt)."""
        question = " ".join(question.split())[:QUESTION_LIMIT]
        if not question:
            raise ValueError("empty question")
        now = now_iso()
        with self.store.atomic() as db:
            table = db["curated_answers"]
            table.insert(
                {
                    "question": question,
                    "lang": "",
                    "answer": "",
                    "sources": "[]",
                    "question_id": question_id,
                    "handoff_id": None,
                    "status": "draft",
                    "version": 0,
                    "created_by": created_by,
                    "created_at": now,
                    "updated_at": now,
                    "vector": None,
                    "vector_model": None,
                }
            )
            return int(table.last_pk)

    def complete(
        self, draft_id: int, answer: str, lang: str, *, created_by: int, sources: list[str] | None = None
    ) -> Curated | None:
        """The draft's answer, given: it becomes active (or, when its question already has an
        active curated answer, a new version of that one). None when the draft is gone."""
        with self.store.atomic() as db:
            rows = list(db["curated_answers"].rows_where("id = ? and status = 'draft'", [draft_id]))
            if not rows:
                return None
            draft = rows[0]
            db["curated_answers"].delete(draft_id)
            return self.save(
                draft["question"],
                answer,
                lang,
                created_by=created_by,
                sources=sources,
                question_id=draft["question_id"],
            )

    def edit(
        self, curated_id: int, answer: str, lang: str, *, edited_by: int, sources: list[str] | None = None
    ) -> Curated:
        """A new version of the answer (the question stays, and so does its vector); the earlier
        version is kept in `curated_versions`."""
        answer = answer.strip()[:ANSWER_LIMIT]
        if not answer:
            raise ValueError("empty answer")
        with self.store.atomic() as db:
            current = db["curated_answers"].get(curated_id)
            if current["status"] != "active":
                raise ValueError("a retired answer cannot be edited")
            snapshot = {k: v for k, v in current.items() if k not in {"vector", "vector_model"}}
            db["curated_versions"].insert(
                {
                    "curated_id": curated_id,
                    "version": current["version"],
                    "snapshot": json.dumps(snapshot),
                    "replaced_by": edited_by,
                    "replaced_at": now_iso(),
                }
            )
            db["curated_answers"].update(
                curated_id,
                {
                    "answer": answer,
                    "lang": lang,
                    "sources": json.dumps(sources if sources is not None else json.loads(current["sources"] or "[]")),
                    "version": current["version"] + 1,
                    "updated_at": now_iso(),
                },
            )
            return _row(db["curated_answers"].get(curated_id))

    def retire(self, curated_id: int) -> bool:
        """Never shown again; its versions stay. False when it was not active."""
        with self.store.atomic() as db:
            done = db.execute(
                "update curated_answers set status = 'retired', updated_at = ? where id = ? and status = 'active'",
                [now_iso(), curated_id],
            ).rowcount
        return bool(done)

    # -- reading ----------------------------------------------------------------------------

    def get(self, curated_id: int) -> Curated | None:
        with self.store.read() as db:
            rows = list(db["curated_answers"].rows_where("id = ?", [curated_id]))
        return _row(rows[0]) if rows else None

    def active(self) -> list[Curated]:
        with self.store.read() as db:
            return [_row(row) for row in db["curated_answers"].rows_where("status = 'active'", order_by="id desc")]

    def versions(self, curated_id: int) -> list[dict]:
        """The earlier versions, oldest first, as they were."""
        with self.store.read() as db:
            rows = db["curated_versions"].rows_where("curated_id = ?", [curated_id], order_by="version")
            return [json.loads(row["snapshot"]) for row in rows]

    # -- matching ---------------------------------------------------------------------------

    def thresholds(self) -> tuple[float, float]:
        """(within a language, across languages): a translation sits further from its original than
        a paraphrase, so the bench fits one of each; an uncalibrated encoder: the same question only."""
        name = self._encoder().name
        same = threshold_for(name)
        across = threshold_for(name, key="threshold_across_languages")
        return (same if same is not None else UNCALIBRATED, across if across is not None else UNCALIBRATED)

    def _vectors(self) -> tuple[np.ndarray, list[Curated], list[str]]:
        """The active answers' question vectors; missing or stale ones are embedded and stored."""
        encoder = self._encoder()
        with self.store.read() as db:
            rows = list(db["curated_answers"].rows_where("status = 'active'", order_by="id"))
        key = _cache_key(rows, encoder.name)
        with self._lock:
            if self._cache is not None and self._cache[0] == key:
                return self._cache[1], self._cache[2], self._cache[3]
        stale = [row for row in rows if row["vector"] is None or row["vector_model"] != encoder.name]
        if stale:
            fresh = encoder.encode_passages([row["question"] for row in stale])
            with self.store.atomic() as db:
                for row, vector in zip(stale, fresh, strict=True):
                    blob = np.asarray(vector, dtype="float32").tobytes()
                    db["curated_answers"].update(row["id"], {"vector": blob, "vector_model": encoder.name})
                    row["vector"], row["vector_model"] = blob, encoder.name
        matrix = (
            np.vstack([np.frombuffer(row["vector"], dtype="float32") for row in rows])
            if rows
            else np.zeros((0, encoder.dimension), "float32")
        )
        curated = [_row(row) for row in rows]
        languages = [detect_language(item.question) for item in curated]
        key = _cache_key(rows, encoder.name)
        with self._lock:
            self._cache = (key, matrix, curated, languages)
        return matrix, curated, languages

    def match(self, question: str, lang: str | None = None) -> CuratedMatch | None:
        """The active curated answer whose question means the same as `question` (in `lang`, as
        the question was read; detected when not given), if any."""
        question = " ".join(question.split())
        if not question:
            return None
        matrix, curated, languages = self._vectors()
        if not curated:
            return None
        vector = self._encoder().encode_queries([question])[0]
        scores = matrix @ np.asarray(vector, dtype="float32")
        best = int(np.argmax(scores))
        same, across = self.thresholds()
        lang = lang or detect_language(question)
        if float(scores[best]) < (same if languages[best] == lang else across):
            return None
        return CuratedMatch(curated=curated[best], score=float(scores[best]))


# -- what every front end shows -----------------------------------------------------------------


def _label(match: CuratedMatch, lang: str) -> str:
    return t(lang, "curated.label", date=match.curated.date)


def _written_in(match: CuratedMatch, lang: str) -> str | None:
    if match.curated.lang == lang:
        return None
    return t(lang, "curated.written_in", language=LANGUAGE_NAMES.get(match.curated.lang, match.curated.lang))


def curated_html(match: CuratedMatch, lang: str) -> str:
    """The Secretariat's answer under its label (Telegram HTML); never mixed with quoted text."""
    lines = [f"🏛 <b>{escape(_label(match, lang))}</b>"]
    note = _written_in(match, lang)
    if note:
        lines.append(f"<i>{escape(note)}</i>")
    lines.append(escape(match.curated.answer))
    if match.curated.sources:
        lines.append(f"<i>{escape(t(lang, 'curated.sources', sources='; '.join(match.curated.sources)))}</i>")
    return "\n".join(lines)


def curated_plain(match: CuratedMatch, lang: str) -> str:
    lines = [f"🏛 {_label(match, lang)}"]
    note = _written_in(match, lang)
    if note:
        lines.append(note)
    lines.append(match.curated.answer)
    if match.curated.sources:
        lines.append(t(lang, "curated.sources", sources="; ".join(match.curated.sources)))
    return "\n".join(lines)


def find(curated: CuratedAnswers | None, answer: Answer) -> CuratedMatch | None:
    """The curated answer for the question `answer` answers: none for small talk or nothing asked,
    which are conversation, not questions. A question read as a personal case (a referral) may
    still have one: the Secretariat's answer is shown above the referral."""
    if curated is None or answer.kind in {"small_talk", "empty"}:
        return None
    try:
        return curated.match(answer.resolved_question or answer.question, answer.lang)
    except Exception:  # a curated answer is an extra: the documents' answer goes out whatever happens
        logger.exception("Could not match curated answers")
        return None


def reply_html(match: CuratedMatch | None, answer: Answer, page: int | None = None) -> str:
    """The reply to a question: the curated answer first (when one matches), then the documents'."""
    documents = answer_html(answer, page)
    if match is None:
        return documents
    return f"{curated_html(match, answer.lang)}\n\n{documents}"


def reply_plain(match: CuratedMatch | None, answer: Answer) -> str:
    documents = answer_plain(answer)
    if match is None:
        return documents
    return f"{curated_plain(match, answer.lang)}\n\n{documents}"
