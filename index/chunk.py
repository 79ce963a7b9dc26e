"""Group parsed blocks into chunks that are small enough to show in a chat and whole in meaning.

A numbered objective or activity is always a chunk of its own, so that "activity 22" finds
exactly it; other paragraphs of one section are grouped up to the size limit; a paragraph
over the limit is cut at sentence ends, never mid-sentence.
"""

from __future__ import annotations

import hashlib

from pydantic import BaseModel

from index.corpus import DocumentInfo
from index.parse import Block, parse_document
from index.text import split_sentences

CHUNKER_VERSION = "5"
MAX_CHUNK_CHARS = 800
_STANDALONE_LABELS = ("activity", "specific objective", "general objective")


class Chunk(BaseModel):
    """A passage as search returns it: the document's own words plus where they come from."""

    id: str
    doc: str
    title: str
    short: str
    date: str = ""
    kind: str = ""
    section: list[str]
    label: str | None = None
    number: int | None = None
    text: str
    start: int
    end: int
    page: str | None = None  # the printed page label (PDFs), where the passage starts

    @property
    def section_path(self) -> str:
        parts = [self.short, *self.section]
        if self.label:
            parts.append(self.label)
        return " › ".join(parts)

    @property
    def embedding_text(self) -> str:
        """What the encoder sees: the passage with its context, so headings help find it."""
        context = " › ".join([*self.section[-2:], *([self.label] if self.label else [])])
        return f"{self.short}. {context}: {self.text}" if context else f"{self.short}. {self.text}"


def _standalone(block: Block) -> bool:
    return bool(block.label) and block.label.startswith(_STANDALONE_LABELS)


def _sentence_pieces(block: Block) -> list[Block]:
    """Cut an over-long paragraph at sentence ends into pieces under the limit.

    Consecutive pieces share one sentence, so a fact told across a sentence boundary is
    still whole in one of them.
    """
    sentences = split_sentences(block.text)
    pieces: list[Block] = []
    first = 0
    while first < len(sentences):
        last = first
        while last + 1 < len(sentences) and sentences[last + 1][1] - sentences[first][0] <= MAX_CHUNK_CHARS:
            last += 1
        pieces.append(_slice(block, sentences[first][0], sentences[last][1]))
        if last + 1 >= len(sentences):
            break
        first = last if last > first else last + 1
    return pieces


def _slice(block: Block, start: int, end: int) -> Block:
    return Block(
        block.text[start:end].strip(),
        block.start + start,
        block.start + end,
        block.path,
        block.label,
        block.number,
        in_table=block.in_table,
    )


def chunk_blocks(blocks: list[Block], document: DocumentInfo) -> list[Chunk]:
    groups: list[list[Block]] = []
    current: list[Block] = []

    def flush() -> None:
        nonlocal current
        if current:
            groups.append(current)
            current = []

    pending_heading: Block | None = None
    for block in blocks:
        if block.is_heading:
            flush()
            if pending_heading is not None and len(block.path) <= len(pending_heading.path):
                # A heading with no body of its own is really a list item: keep its words.
                current.append(
                    Block(pending_heading.text, pending_heading.start, pending_heading.end, pending_heading.path[:-1])
                )
                groups.append(current)
                current = []
            pending_heading = block
            continue
        pending_heading = None
        pieces = _sentence_pieces(block) if len(block.text) > MAX_CHUNK_CHARS else [block]
        for piece in pieces:
            lead_in = bool(current) and (current[-1].text.endswith(":") or len(current[-1].text) < 60)
            if _standalone(piece):
                if not (lead_in and not _standalone(current[-1])):
                    flush()
                current.append(piece)
                flush()
                continue
            if piece.in_table and any(b.in_table and len(b.text) >= 60 for b in current):
                flush()  # a table row (its short cells, then its text) is a passage of its own
            same_section = bool(current) and current[-1].path == piece.path
            size = sum(len(b.text) + 1 for b in current) + len(piece.text)
            if (
                current
                and (not same_section or size > MAX_CHUNK_CHARS)
                and not (lead_in and size < 1.5 * MAX_CHUNK_CHARS)
            ):
                flush()
            current.append(piece)
    flush()
    return [_make_chunk(document, group, position) for position, group in enumerate(groups)]


def _make_chunk(document: DocumentInfo, group: list[Block], position: int) -> Chunk:
    text = "\n".join(b.text for b in group)
    digest = hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:8]
    labelled = next((b for b in group if _standalone(b)), None) or (group[0] if len(group) == 1 else None)
    return Chunk(
        id=f"{document.doc_id}#{position}-{digest}",  # a changed passage gets a new id
        doc=document.file,
        title=document.title,
        short=document.short,
        date=document.date.isoformat() if document.date else "",
        kind=document.kind,
        section=group[-1].path if labelled is None else labelled.path,
        label=labelled.label if labelled else None,
        number=labelled.number if labelled else None,
        text=text,
        start=group[0].start,
        end=group[-1].end,
    )


def chunk_document(text: str, document: DocumentInfo) -> list[Chunk]:
    return chunk_blocks(parse_document(text), document)
