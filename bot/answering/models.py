"""What an answer is, for every front end: the sentences quoted, their sources, and how to page them.

`Answer.kind` says what happened:
    catalogue   a complete list from the Program (an actor's activities, the objectives, one item)
    extractive  sentences chosen from the passages search returned
    generative  the same, rewritten by the optional LLM with its citations checked
    partial     "the documents mention X but do not say Y": found=False, with the closest source
    not_found   the documents do not cover the question
    more        "tell me more": the passage around the sentence quoted in the previous turn
    small_talk  a greeting, thanks, "who are you?" — answered briefly, never logged as unanswered
    referral    a personal case (asylum, a visa, a detained relative): whom to contact
    empty       nothing was asked

`found` is True only when the documents answer; `unanswered` says what /stats should count as a
question the documents may be missing (not_found and partial, never small talk or a referral).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

AnswerKind = Literal[
    "catalogue", "extractive", "generative", "partial", "not_found", "more", "small_talk", "referral", "empty"
]
PAGE_CHARS = 3500  # a page stays well under Telegram's 4096 characters once sources and markup are added


class Citation(BaseModel):
    n: int
    doc: str
    title: str
    short: str
    date: str
    section: str  # the full path, for the passage view
    label: str | None = None
    text: str
    chunk_id: str
    source: str = ""  # the short label of source lists: "Program 2016 · activity 9"
    page: str | None = None  # the printed page of a PDF passage


class AnswerSentence(BaseModel):
    text: str
    n: int  # the citation it comes from
    group: str | None = None  # in a long list, the heading it falls under ("IACHR")


class Page(BaseModel):
    """One screen of a long answer: which sentences it shows and which sources they cite."""

    sentences: list[int]  # indices into Answer.sentences
    citations: list[int]  # citation numbers, in order of first use on the page


class TurnContext(BaseModel):
    """What a chat remembers of its last answered question, for a few minutes, to resolve a follow-up.

    The Telegram handler keeps one per chat (in chat_data) and passes it back with the next
    message; nothing else is stored.
    """

    question: str  # the question as resolved (a follow-up's own text is already merged into it)
    lang: str
    kind: str
    actor_id: str | None = None
    documents: list[str] = Field(default_factory=list)
    years: list[int] = Field(default_factory=list)
    chunk_ids: list[str] = Field(default_factory=list)  # cited passages, the main one first
    sentence: str | None = None  # the first sentence quoted
    at: float = 0.0  # time.time() of the answer

    def fresh(self, now: float, ttl: float) -> bool:
        return now - self.at <= ttl


class Answer(BaseModel):
    """What the chat, the console and the CLI show; `text` is plain with [n] markers."""

    question: str
    lang: str
    found: bool
    kind: AnswerKind
    intro: str = ""
    direct: str | None = None  # the asked fact in a short line before the quote ("In short: 2006")
    sentences: list[AnswerSentence] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    generated_text: str | None = None
    resolved_question: str | None = None  # a follow-up, read against the previous question
    context: TurnContext | None = None  # to keep for the next message of the same chat
    pages: list[Page] = Field(default_factory=list)

    @property
    def unanswered(self) -> bool:
        """Whether /stats should list this as a question the documents may be missing."""
        return self.kind in {"not_found", "partial"}

    @property
    def text(self) -> str:
        if self.generated_text and self.found:
            return self.generated_text
        body = "\n".join(f"{s.text} [{s.n}]" for s in self.sentences)
        parts = [self.intro, body, *self.notes] if not self.found else [self.direct or "", self.intro, body]
        return "\n".join(part for part in parts if part).strip()

    def page(self, number: int) -> Page:
        """Page `number` (0-based, clamped); an answer that was never paged is one page."""
        if not self.pages:
            return Page(sentences=list(range(len(self.sentences))), citations=[c.n for c in self.citations])
        return self.pages[max(0, min(number, len(self.pages) - 1))]

    def as_json(self, question_id: str | None = None) -> dict:
        data = {
            "found": self.found,
            "kind": self.kind,
            "answer": self.text,
            "direct": self.direct,
            "citations": [
                {"n": c.n, "doc": c.doc, "title": c.title, "section": c.section, "source": c.source, "text": c.text}
                for c in self.citations
            ],
        }
        return {"id": question_id, **data} if question_id is not None else data


def paginate(sentences: list[AnswerSentence], *, limit: int = PAGE_CHARS, overhead: int = 120) -> list[Page]:
    """Group sentences into pages of at most `limit` characters, counting each page's sources too.

    A sentence is never cut; a group heading starts a new line and counts towards its page. Each
    source line costs about `overhead` characters on the page that cites it.
    """
    pages: list[Page] = []
    current: list[int] = []
    cited: list[int] = []
    size = 0
    last_group: str | None = None
    for index, sentence in enumerate(sentences):
        cost = len(sentence.text) + 6
        if sentence.group and sentence.group != last_group:
            cost += len(sentence.group) + 2
        if sentence.n not in cited:
            cost += overhead
        if current and size + cost > limit:
            pages.append(Page(sentences=current, citations=cited))
            current, cited, size = [], [], 0
            cost += len(sentence.group or "") + 2 if sentence.group else 0
        current.append(index)
        if sentence.n not in cited:
            cited.append(sentence.n)
        size += cost
        last_group = sentence.group
    if current:
        pages.append(Page(sentences=current, citations=cited))
    return pages
