"""The sources every answer cites: each passage once, under a short label ("Program 2016 · activity 9").

Labels come from the document catalogue (its short name), the passage's item label or last
heading, and the printed page of a PDF passage, in the reader's language.
"""

from __future__ import annotations

import re

from bot.answering.models import Answer, AnswerSentence, Citation
from bot.texts import t
from index.chunk import Chunk
from index.documents import DocumentCatalogue

_LABEL_KEYS = {"label_activity", "label_general_objective", "label_specific_objective"}


class Sources:
    """Citations of one answer, numbered in order of first use; a passage cited twice is one source."""

    def __init__(self, catalogue: DocumentCatalogue, lang: str) -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.citations: list[Citation] = []

    def cite(self, chunk: Chunk) -> int:
        for cited in self.citations:
            if cited.chunk_id == chunk.id:
                return cited.n
        n = len(self.citations) + 1
        self.citations.append(citation(n, chunk, source_label(self.catalogue, chunk, self.lang)))
        return n

    def sentence(self, text: str, chunk: Chunk, group: str | None = None) -> AnswerSentence:
        return AnswerSentence(text=text, n=self.cite(chunk), group=group)


def source_label(catalogue: DocumentCatalogue, chunk: Chunk, lang: str) -> str:
    """ "Program 2016 · activity 9": the document's short name and the item or last heading, and the
    printed page for a PDF ("Annual Report 2010 · Health · p. 14")."""
    parts = [catalogue.label(chunk.doc)]
    if chunk.label and chunk.number is not None and not chunk.label.startswith("item"):
        kind = chunk.label.rsplit(" ", 1)[0].replace(" ", "_")
        parts.append(t(lang, f"label_{kind}", n=chunk.number) if f"label_{kind}" in _LABEL_KEYS else chunk.label)
    elif chunk.section:
        parts.append(short_heading(chunk.section[-1]))
    if chunk.page:
        parts.append(t(lang, "page_label", page=chunk.page))
    return " · ".join(parts)


def short_heading(heading: str, limit: int = 48) -> str:
    """ "IV. Annual Activity Report" → "Annual Activity Report"; headings in capitals in sentence case."""
    text = re.sub(r"^\s*(?:[IVXL]+|[A-Z]|\d+)(?:\.\d+)?[.)]\s+", "", heading).strip(" ·:")
    if text.isupper():
        text = text.capitalize()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def citation(n: int, chunk: Chunk, source: str) -> Citation:
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


def found_answer(
    question: str, lang: str, kind: str, intro: str, sentences: list[AnswerSentence], sources: Sources
) -> Answer:
    """An answer from the documents; a reader is told in which language the quotations stay, when
    it is not theirs: "(texto original en inglés)", "(original in Spanish)"."""
    quoted = list(dict.fromkeys(_citation_lang(sources, c) for c in sources.citations))
    others = [language for language in quoted if language != lang]
    if others:
        names = ", ".join(t(lang, f"in_language.{language}") for language in others)
        intro = f"{intro} {t(lang, 'quoted_in', language=names)}"
    return Answer(
        question=question,
        lang=lang,
        found=True,
        kind=kind,
        intro=intro,
        sentences=sentences,
        citations=sources.citations,
    )


def _citation_lang(sources: Sources, citation_: Citation) -> str:
    profile = sources.catalogue.documents.get(citation_.doc)
    return profile.lang if profile else "en"
