"""A PDF's text rebuilt from its layout: paragraphs, tables and page labels as the reader sees them.

A PDF holds glyphs at positions, not paragraphs. pdfminer.six (MIT) interprets the pages; a small
device keeps each glyph's text, box and font (pdfplumber's full objects would cost as much
again), and pdfplumber's table finder (MIT) reads the ruling lines. From them:

- **Lines** are words on one baseline, in reading order.
- **Running headers and footers** are lines repeated at the same place (digits aside, so "- 3 -"
  and "- 4 -" are one footer) among the first or last lines of most pages. They are dropped from
  the text, and so is anything printed above where the body starts on the other pages (page
  one's symbol block); `Layout.furniture` keeps them for the metadata. A printed page number
  among them gives the page labels when the PDF defines none.
- **Paragraphs** are rebuilt from geometry: a line ends its paragraph when the next line's first
  word would have fitted after it (so it was not wrapped), when the space above the next line is
  larger than the line spacing, when the next line starts further left or right than the
  paragraph's wrapped lines (a first-line indent, a list item out-dented from its hanging text),
  or when the font size or weight changes (a heading). One paragraph is one line of the text.
- **Hyphenated line ends** are joined when the joined word is a word of the document: first by
  its own vocabulary (the hyphenated form written elsewhere in it keeps the hyphen: Inter-American;
  the joined form, or one of its inflections, joins: migra-tion), then by the word list of its
  language (index/language/dictionaries.py, pyspellchecker's lists: "shortcoming" is a word, "longterm" is not, so long-term stays),
  then two words of the document stay a compound (gender-based); a capitalised second part keeps
  the hyphen. The vocabulary comes first because OAS documents are full of names and acronyms no
  general word list holds.
- **Tables with ruled cells** are found by pdfplumber's table finder and written row by row, one
  cell per line led by a tab (further paragraphs of a cell on the lines after it; a row's first
  cell led by two, a form feed on a line of its own after the table), which is how the corpus's
  Word exports write tables and what `index.parse` reads as table cells and rows. A table
  continued on the next page is one table; a header row repeated there is dropped; a row split
  by the page break is joined.

Work is bounded: a page whose content stream decodes to more than `MAX_PAGE_CONTENT_BYTES` is
not read (its text is left out and named in `Layout.skipped`), and a document that takes more
than its time budget raises `LayoutTimeout`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from index.pdf.furniture import printed_labels, remove_furniture
from index.pdf.glyphs import MAX_PAGE_CONTENT_BYTES, page_layout, pages
from index.pdf.model import Line, TableBlock
from index.pdf.paragraphs import TABLE_END, Builder

__all__ = ["MAX_PAGE_CONTENT_BYTES", "TABLE_END", "Layout", "LayoutTimeout", "pages", "read_layout"]

SECONDS_PER_PAGE = 1.0  # budget: a page normally takes 0.05–0.15 s
MIN_SECONDS = 20.0


class LayoutTimeout(Exception):
    """The document took longer than its budget to read."""


@dataclass
class Layout:
    """What `read_layout` found: paragraphs (one per line of `text`), page starts and labels."""

    text: str
    pages: list[tuple[int, str]]
    furniture: list[list[str]] = field(default_factory=list)  # per page: removed header/footer lines
    skipped: list[int] = field(default_factory=list)  # page numbers (1-based) not read
    headings: set[int] = field(default_factory=set)  # offsets of paragraphs set in bold or larger type


def read_layout(path, *, labels: list[str] | None = None) -> Layout:
    """The text of a PDF by its layout; `labels` are the PDF's own page labels, if it has them."""
    started = time.perf_counter()
    pages_lines: list[list[Line]] = []
    pages_tables: list[list[TableBlock]] = []
    skipped: list[int] = []
    for number, page, count in pages(path):
        if page is None:
            skipped.append(number + 1)
            pages_lines.append([])
            pages_tables.append([])
            continue
        words, edges, bbox = page
        lines, tables = page_layout(words, edges, bbox, number)
        pages_lines.append(lines)
        pages_tables.append(tables)
        budget = max(MIN_SECONDS, SECONDS_PER_PAGE * count)
        if time.perf_counter() - started > budget:
            raise LayoutTimeout(f"reading took over {budget:.0f} s ({number + 1} of {count} pages)")
    table_tops = [min((table.top for table in tables), default=None) for tables in pages_tables]
    furniture, printed = remove_furniture(pages_lines, table_tops)
    if not labels:
        labels = printed_labels(printed, len(pages_lines))
    builder = Builder(pages_lines, pages_tables)
    text, starts, headings = builder.build()
    page_starts: list[tuple[int, str]] = []
    for number in range(len(pages_lines)):
        label = labels[number] if labels and number < len(labels) else str(number + 1)
        offset = starts.get(number)
        if offset is None:  # nothing starts on this page: it begins where the previous one's text ends
            offset = page_starts[-1][0] if page_starts else 0
        page_starts.append((offset, label))
    # offsets must not go backwards (a page whose only text continues a paragraph)
    for position in range(1, len(page_starts)):
        if page_starts[position][0] < page_starts[position - 1][0]:
            page_starts[position] = (page_starts[position - 1][0], page_starts[position][1])
    return Layout(text, page_starts, furniture, skipped, headings)
