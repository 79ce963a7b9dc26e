"""Group parsed blocks into chunks that are small enough to show in a chat and whole in meaning.

A numbered objective or activity is always a chunk of its own, so that "activity 22" finds
exactly it; other paragraphs of one section are grouped up to the size limit; a paragraph
over the limit is cut at sentence ends, never mid-sentence.

What a passage means often sits outside its own words: the lead-in sentence of a list ("…the
governments would:"), the column headers of a table row, the heading it falls under, the
document and year. That context travels with the chunk (`context`, `section`) and is prefixed
to what is embedded and indexed (`embedding_text`), never to what is shown (`text`), which
stays the document's own words. A passage is never only a heading or a number: headings with
no body of their own are gathered into one outline passage, and scraps too short to mean
anything are merged into their neighbour.
"""

from __future__ import annotations

import hashlib
import re

from pydantic import BaseModel

from index.corpus import DocumentInfo
from index.parse import Block, parse_document
from index.text import split_sentences

CHUNKER_VERSION = "10"
MAX_CHUNK_CHARS = 800
MIN_CHUNK_CHARS = 60  # a group shorter than this is a scrap (a title line, a lone heading)
_STANDALONE_LABELS = ("activity", "specific objective", "general objective")
_LIST_ITEM = re.compile(r"^(?:[·•\-–]|\d{1,2}[.)]|[a-z][.)]|[ivx]+[.)]|[“\"])")
_TABLE_HEADER_CHARS = 40


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
    context: str = ""  # the list's lead-in, a table's column headers: indexed, not shown
    symbols: list[str] = []  # the document's own OAS symbols (manifest), for document cues
    lang: str = "en"  # the language the passage is written in (its document's, index/language/identify.py)

    @property
    def section_path(self) -> str:
        parts = [self.short, *self.section]
        if self.label:
            parts.append(self.label)
        return " › ".join(parts)

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def document_name(self) -> str:
        """Document short title, with its year when the title does not say it."""
        return self.short if not self.year or self.year in self.short else f"{self.short} ({self.year})"

    @property
    def heading(self) -> str:
        """Document short title (with its year when the title does not say it) and section path."""
        return " › ".join([self.document_name, *self.section, *([self.label] if self.label else [])])

    @property
    def embedding_text(self) -> str:
        """What the encoder and the lexical index see: the passage under its heading and context.

        A table row is put on one line, so its cells read together under the column headers.
        """
        body = " | ".join(self.text.split("\n")) if self.context.startswith(TABLE_PREFIX) else self.text
        context = f"{self.context}\n" if self.context else ""
        return f"{self.heading}:\n{context}{body}"


TABLE_PREFIX = "Columns: "


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
        row=block.row,
    )


def _is_table_header(block: Block) -> bool:
    letters = [char for char in block.text if char.isalpha()]
    return (
        block.in_table
        and len(block.text) <= _TABLE_HEADER_CHARS
        and bool(letters)
        and all(char.isupper() for char in letters)
        and not any(char.isdigit() for char in block.text)  # "MARCH – 2019" is a cell, not a header
    )


def _in_header_row(block: Block) -> bool:
    """A short cell of a table's first row, when the rows are known: a column header."""
    return (
        block.in_table
        and block.row == 0
        and len(block.text) <= _TABLE_HEADER_CHARS
        and not any(char.isdigit() for char in block.text)
    )


class _Grouper:
    """Walks the blocks once, keeping what the next passage needs to know about its context."""

    def __init__(self) -> None:
        self.groups: list[tuple[list[Block], str]] = []  # (blocks, context)
        self.current: list[Block] = []
        self.context = ""
        self.lead_in: Block | None = None
        self.columns: list[str] = []
        self.table_rows = 0

    def flush(self) -> None:
        if self.current:
            self.groups.append((self.current, self.context))
            self.current = []
        self.context = ""

    def start(self, block: Block) -> None:
        """The first block of a new group decides the group's context."""
        if self.columns and block.in_table:
            self.context = TABLE_PREFIX + " | ".join(self.columns)
        elif self.lead_in is not None and self.lead_in.path == block.path and _LIST_ITEM.match(block.text):
            self.context = self.lead_in.text
        else:
            self.context = ""

    def add(self, block: Block) -> None:
        if not self.current:
            self.start(block)
        self.current.append(block)

    def note(self, block: Block) -> None:
        """Track the open lead-in: a paragraph ending with ':' governs the list items that follow."""
        if block.text.rstrip().endswith(":"):
            self.lead_in = block
        elif self.lead_in is not None and (self.lead_in.path != block.path or not _LIST_ITEM.match(block.text)):
            self.lead_in = None


def _outline_entry(heading: Block) -> Block:
    return Block(heading.text, heading.start, heading.end, heading.path[:-1])


def chunk_blocks(blocks: list[Block], document: DocumentInfo) -> list[Chunk]:
    grouper = _Grouper()
    # Headings met since the last paragraph. Those that turn out to have no body of their own
    # (no paragraph falls under them) are gathered into one outline passage with their words.
    heading_run: list[Block] = []
    in_table = False

    def flush_outline(body: Block | None) -> None:
        ancestors = set(body.path) if body is not None else set()
        entries = [_outline_entry(h) for h in heading_run if h.path[-1] not in ancestors]
        heading_run.clear()
        if entries:
            grouper.flush()
            grouper.current = entries
            grouper.flush()

    for block in blocks:
        if block.in_table and not in_table:
            grouper.columns, grouper.table_rows = [], 0
        in_table = block.in_table
        if not block.in_table:
            grouper.columns = []
        if block.is_heading:
            grouper.flush()
            heading_run.append(block)
            grouper.lead_in = None
            continue
        if heading_run:
            flush_outline(block)
        if (_is_table_header(block) and grouper.table_rows == 0) or _in_header_row(block):
            grouper.columns.append(block.text)
            continue
        if block.in_table:
            grouper.table_rows += 1
        pieces = _sentence_pieces(block) if len(block.text) > MAX_CHUNK_CHARS else [block]
        for piece in pieces:
            current = grouper.current
            lead_in = bool(current) and (current[-1].text.endswith(":") or len(current[-1].text) < 60)
            if _standalone(piece):
                if not (lead_in and not _standalone(current[-1])):
                    grouper.flush()
                grouper.add(piece)
                grouper.flush()
                continue
            if piece.in_table and piece.row is not None:
                if current and current[-1].in_table and current[-1].row != piece.row:
                    grouper.flush()  # a table row is a passage of its own
            elif piece.in_table and any(b.in_table and len(b.text) >= 60 for b in current):
                grouper.flush()  # rows unknown: its short cells, then its text, are a row
            elif not piece.in_table and current and current[-1].in_table:
                grouper.flush()  # the table has ended
            same_section = bool(current) and current[-1].path == piece.path
            size = sum(len(b.text) + 1 for b in current) + len(piece.text)
            if (
                current
                and (not same_section or size > MAX_CHUNK_CHARS)
                and not (lead_in and size < 1.5 * MAX_CHUNK_CHARS)
            ):
                grouper.flush()
            grouper.add(piece)
        grouper.note(block)
    grouper.flush()
    flush_outline(None)
    groups = _merge_scraps(grouper.groups)
    return [_make_chunk(document, group, context, position) for position, (group, context) in enumerate(groups)]


def _shared_path(first: list[Block], second: list[Block]) -> int:
    count = 0
    for a, b in zip(first[-1].path, second[0].path, strict=False):
        if a != b:
            break
        count += 1
    return count


def _row(blocks: list[Block]) -> bool:
    return all(block.in_table and block.row is not None for block in blocks)


def _merge_scraps(groups: list[tuple[list[Block], str]]) -> list[tuple[list[Block], str]]:
    """A group too short to mean anything alone joins the neighbour it shares most headings with
    (the one before on a tie). Into a numbered item it goes as context, so that the item's own
    text stays exactly the item.
    """
    merged = list(groups)
    position = 0
    while position < len(merged):
        blocks, context = merged[position]
        size = sum(len(b.text) for b in blocks)
        if size >= MIN_CHUNK_CHARS or any(_standalone(b) for b in blocks) or len(merged) == 1 or _row(blocks):
            position += 1  # a table row read under its column headers is whole, however short
            continue
        before = merged[position - 1] if position > 0 and not _row(merged[position - 1][0]) else None
        after = merged[position + 1] if position + 1 < len(merged) and not _row(merged[position + 1][0]) else None
        if before is None and after is None:
            position += 1
            continue
        into_before = after is None or (
            before is not None and _shared_path(before[0], blocks) >= _shared_path(blocks, after[0])
        )
        del merged[position]
        if into_before:
            target, target_context = before
            if any(_standalone(b) for b in target):
                merged[position - 1] = (target, f"{target_context}\n{' '.join(b.text for b in blocks)}".strip())
            else:
                merged[position - 1] = (target + blocks, target_context)
            position = max(0, position - 1)
        else:
            target, target_context = after
            if any(_standalone(b) for b in target):
                merged[position] = (target, f"{' '.join(b.text for b in blocks)}\n{target_context}".strip())
            else:
                merged[position] = (blocks + target, context or target_context)
    return merged


def _make_chunk(document: DocumentInfo, group: list[Block], context: str, position: int) -> Chunk:
    text = "\n".join(b.text for b in group)
    digest = hashlib.sha1(f"{context}\n{text}".encode(), usedforsecurity=False).hexdigest()[:8]
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
        context=context,
        symbols=document.symbols,
    )


def chunk_document(text: str, document: DocumentInfo, headings: dict[int, int] | None = None) -> list[Chunk]:
    """A document's passages, each stamped with the document's language (it is stemmed and read in it).

    `headings` are the lines the document's file sets as headings (index/extract.py).

    "Activity N" names the Program's own numbered activities; another document's numbered
    paragraphs under an "activities" heading (an annual report's) keep their own numbering as
    items, cited by their section, never as a Program activity.
    """
    blocks = parse_document(text, headings)
    if document.kind != "program":
        for block in blocks:
            if block.label and block.label.startswith("activity "):
                block.label = f"item {block.number}"
    chunks = chunk_blocks(blocks, document)
    lang = _prose_language(text)
    for chunk in chunks:
        chunk.lang = lang
    return chunks


def _prose_language(text: str) -> str:
    """The language a document is written in, among the bot's, from a sample of its prose."""
    from index.language.identify import detect_language
    from index.language.identify import document_language as identify

    sample = " ".join(line for line in text.splitlines() if len(line) > 60)[:4000] or text[:4000]
    if not sample.strip():
        return "en"
    return identify(sample) or detect_language(sample, "en")
