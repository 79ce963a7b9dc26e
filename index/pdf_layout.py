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
  language (index/wordlists.py: "shortcoming" is a word, "longterm" is not, so long-term stays),
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

import bisect
import functools
import itertools
import re
import statistics
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field

from index.wordlists import LANGUAGES, document_language, in_dictionary

MAX_PAGE_CONTENT_BYTES = 2_000_000  # a dense text page is 20–100 KB; more is a drawing or a bomb
SECONDS_PER_PAGE = 1.0  # budget: a page normally takes 0.05–0.15 s
MIN_SECONDS = 20.0
TABLE_END = "\f"  # a line of its own after a table: what follows is not in its last cell
FURNITURE_LINES = 3  # how many lines at a page's top and bottom may be a running header or footer

_MARKER = re.compile(r"^(?:[•·▪◦‣○■□➢►\-–—*]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|\(?[ivxlcIVXLC]{1,6}[.)])$")
_HYPHENS = ("-", "\u2010", "\u00ad")
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010'’][^\W\d_]+)*")


class LayoutTimeout(Exception):
    """The document took longer than its budget to read."""


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class Line:
    """Words on one baseline, left to right (never changed once made: its measures are kept)."""

    words: list[Word]
    page: int

    @functools.cached_property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @functools.cached_property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @functools.cached_property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    @functools.cached_property
    def size(self) -> float:
        sizes = Counter()
        for word in self.words:
            sizes[round(word.size, 1)] += len(word.text)
        return sizes.most_common(1)[0][0]

    @functools.cached_property
    def bold(self) -> bool:
        return all(word.bold for word in self.words)

    @functools.cached_property
    def text_x0(self) -> float:
        """Where the text starts after a list marker ("1.", "•"): a hanging indent's wrapped lines start there."""
        if len(self.words) > 1 and _MARKER.match(self.words[0].text):
            return self.words[1].x0
        return self.x0


@dataclass
class Cell:
    x0: float
    x1: float
    lines: list[Line]


@dataclass
class TableBlock:
    """A ruled table on one page: rows of cells, each cell its lines."""

    page: int
    top: float
    bottom: float
    columns: list[tuple[float, float]]  # (x0, x1) of each column
    rows: list[list[Cell]]


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
    for number, page, count in _pages(path):
        if page is None:
            skipped.append(number + 1)
            pages_lines.append([])
            pages_tables.append([])
            continue
        words, edges, bbox = page
        lines, tables = _page_layout(words, edges, bbox, number)
        pages_lines.append(lines)
        pages_tables.append(tables)
        budget = max(MIN_SECONDS, SECONDS_PER_PAGE * count)
        if time.perf_counter() - started > budget:
            raise LayoutTimeout(f"reading took over {budget:.0f} s ({number + 1} of {count} pages)")
    table_tops = [min((table.top for table in tables), default=None) for tables in pages_tables]
    furniture, printed = _remove_furniture(pages_lines, table_tops)
    if not labels:
        labels = _printed_labels(printed, len(pages_lines))
    builder = _Builder(pages_lines, pages_tables)
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


def _pages(path):
    """(page index, (words, ruling edges, page box) or None when the page is not read, page count).

    pdfminer.six interprets each page; a small device keeps, of each glyph, only its text, box
    and font (pdfplumber's full objects cost as much again), and pdfminer's own lines and
    rectangles become the edges pdfplumber's table finder reads.
    """
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.layout import LTCurve, LTFigure, LTLine, LTRect
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    class Device(PDFLayoutAnalyzer):
        def __init__(self, manager) -> None:
            super().__init__(manager, laparams=None)
            self.glyphs: list[tuple] = []
            self.page = None

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = "\ufffd"
            advance = font.char_width(cid) * fontsize * scaling
            if font.is_vertical():
                return advance
            a, b, c, d, e, f = matrix
            low = font.get_descent() * fontsize + rise
            high = low + fontsize
            x0, y0 = c * low + e, d * low + f
            x1, y1 = a * advance + c * high + e, b * advance + d * high + f
            upright = a * d * scaling > 0 and b * c <= 0
            self.glyphs.append((text, min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1), upright, font.fontname))
            return advance

        def receive_layout(self, ltpage) -> None:
            self.page = ltpage

    with open(path, "rb") as handle:
        document = PDFDocument(PDFParser(handle))
        manager = PDFResourceManager(caching=True)
        device = Device(manager)
        interpreter = PDFPageInterpreter(manager, device)
        pages = list(PDFPage.create_pages(document))
        for number, page in enumerate(pages):
            if _content_size(page) > MAX_PAGE_CONTENT_BYTES:
                yield number, None, len(pages)
                continue
            device.glyphs = []
            interpreter.process_page(page)
            layout = device.page
            height = layout.bbox[3]
            edges: list[dict] = []
            containers = [layout]
            while containers:
                for item in containers.pop():
                    if isinstance(item, LTFigure):
                        containers.append(item)
                    elif isinstance(item, (LTRect, LTLine, LTCurve)):
                        edges.extend(_edges(item, height))
            yield number, (_words(device.glyphs, height), edges, (0, 0, layout.bbox[2], height)), len(pages)


def _edges(item, height: float) -> list[dict]:
    """The straight sides of a drawn line or rectangle, as pdfplumber's table finder takes them."""
    points = list(getattr(item, "pts", []) or [])
    from pdfminer.layout import LTRect

    if isinstance(item, LTRect):
        x0, y0, x1, y1 = item.bbox
        points = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    edges = []
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        top, bottom = height - max(ay, by), height - min(ay, by)
        left, right = min(ax, bx), max(ax, bx)
        if abs(ay - by) < 0.5 and right - left > 0.5:
            orientation = "h"
            top = bottom = (top + bottom) / 2
        elif abs(ax - bx) < 0.5 and bottom - top > 0.5:
            orientation = "v"
            left = right = (left + right) / 2
        else:
            continue
        edges.append(
            {
                "object_type": "line",
                "x0": left,
                "x1": right,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "width": right - left,
                "height": bottom - top,
                "orientation": orientation,
            }
        )
    return edges


def _words(glyphs: list[tuple], height: float) -> list[Word]:
    """Glyphs in drawing order cut into words at spaces, gaps and line changes."""
    words: list[Word] = []
    text: list[str] = []
    box: list[float] = []
    bold: list[bool] = []
    sizes: list[float] = []

    def close() -> None:
        if text:
            words.append(
                Word(
                    "".join(text),
                    box[0],
                    box[1],
                    height - box[3],
                    height - box[2],
                    Counter(sizes).most_common(1)[0][0],
                    all(bold),
                )
            )
            text.clear()
            bold.clear()
            sizes.clear()

    for char, x0, x1, y0, y1, upright, font in glyphs:
        if not upright:
            continue
        size = round(y1 - y0, 1)
        if not char.strip():
            close()
            continue
        if text:
            gap = x0 - box[1]
            same_line = abs(y0 - box[2]) < 0.3 * max(size, 1) or (y0 < box[3] and y1 > box[2] and size < max(sizes))
            if not same_line or gap > max(1.0, 0.12 * size) or x0 < box[0] - 0.5:
                close()
        box = [box[0], max(box[1], x1), min(box[2], y0), max(box[3], y1)] if text else [x0, x1, y0, y1]
        text.append(char)
        name = font.lower()
        bold.append("bold" in name or "black" in name or "heavy" in name)
        sizes.append(size)
    close()
    return words


def _page_layout(words: list[Word], edges: list[dict], bbox, number: int) -> tuple[list[Line], list[TableBlock]]:
    """The page's body lines, and its ruled tables with the lines of each cell."""
    tables: list[TableBlock] = []
    if len(edges) >= 4:
        from types import SimpleNamespace

        from pdfplumber.table import TableFinder

        finder = TableFinder(
            SimpleNamespace(edges=edges, bbox=bbox), {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
        )
        for found in finder.tables:
            block = _table_block(found, words, number)
            if block is not None:
                tables.append(block)
    body = [w for w in words if not any(_within(w, t) for t in tables)]
    return _lines(body, number), tables


def _content_size(page) -> int:
    """The decoded size of a page's content streams, decoding no further than the limit."""
    from pdfminer.pdftypes import resolve1

    total = 0
    for stream in page.contents or []:
        stream = resolve1(stream)
        raw = getattr(stream, "rawdata", None)
        if raw is None:
            continue
        filters = stream.attrs.get("Filter") if hasattr(stream, "attrs") else None
        names = [str(getattr(item, "name", item)) for item in (filters if isinstance(filters, list) else [filters])]
        if filters is None:
            total += len(raw)
        elif names == ["FlateDecode"]:
            try:
                total += len(zlib.decompressobj().decompress(raw, MAX_PAGE_CONTENT_BYTES + 1))
            except zlib.error:
                total += len(raw)
        else:
            total += len(raw) * 4  # other filters: judge by the stored size
        if total > MAX_PAGE_CONTENT_BYTES:
            break
    return total


def _within(word: Word, table: TableBlock) -> bool:
    middle_x, middle_y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return (
        table.columns[0][0] - 1 <= middle_x <= table.columns[-1][1] + 1
        and table.top - 1 <= middle_y <= table.bottom + 1
    )


def _table_block(found, words: list[Word], number: int) -> TableBlock | None:
    """A table of at least two columns (a ruled box around a paragraph is no table)."""
    rows = [row for row in found.rows if any(cell is not None for cell in row.cells)]
    if not rows:
        return None
    xs = sorted({round(cell[0], 1) for row in rows for cell in row.cells if cell} | {round(found.bbox[2], 1)})
    columns = [(xs[i], xs[i + 1]) for i in range(len(xs) - 1)]
    if len(columns) < 2:
        return None
    table = TableBlock(number, found.bbox[1], found.bbox[3], columns, [])
    for row in rows:
        cells: list[Cell] = []
        for cell in row.cells:
            if cell is None:
                continue  # the continuation of a merged cell
            x0, top, x1, bottom = cell
            inside = [
                w
                for w in words
                if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and top - 1 <= (w.top + w.bottom) / 2 <= bottom + 1
            ]
            cells.append(Cell(x0, x1, _lines(inside, number)))
        table.rows.append(cells)
    return table


def _lines(words: list[Word], page: int) -> list[Line]:
    """Words grouped into lines by baseline (a superscript joins the line it overlaps)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.bottom, 0), w.x0)):
        for line in reversed(lines[-3:]):
            last = line[-1]
            height = min(word.bottom - word.top, last.bottom - last.top) or 1
            overlap = min(word.bottom, max(w.bottom for w in line)) - max(word.top, min(w.top for w in line))
            if overlap >= 0.5 * height:
                line.append(word)
                break
        else:
            lines.append([word])
    result = []
    for line in lines:
        line.sort(key=lambda w: w.x0)
        result.append(Line(line, page))
    result.sort(key=lambda line: (line.top, line.x0))
    return result


# -- running headers and footers ------------------------------------------------------------


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.text.casefold())).strip()


def _remove_furniture(
    pages: list[list[Line]], table_tops: list[float | None] | None = None
) -> tuple[list[list[str]], list[str | None]]:
    """Drop running headers and footers in place; the removed lines per page and the printed page numbers.

    `table_tops` (the top of each page's first table) tells where a page's body starts when a
    table comes first."""
    table_tops = table_tops or [None] * len(pages)
    removed: list[list[str]] = [[] for _ in pages]
    printed: list[str | None] = [None] * len(pages)
    with_text = [number for number, lines in enumerate(pages) if lines]
    _remove_page_numbers(pages, with_text, removed, printed)
    if len(with_text) < 2:
        return removed, printed
    needed = max(2, (len(with_text) + 1) // 2)
    places: Counter = Counter()
    for number in with_text:
        lines = pages[number]
        candidates = {id(line): line for line in lines[:FURNITURE_LINES] + lines[-FURNITURE_LINES:]}
        for line in candidates.values():
            places[(_furniture_key(line), round(line.top / 4))] += 1
    repeated: set[tuple[str, int]] = set()
    for (key, slot), _ in places.items():
        total = sum(places.get((key, near), 0) for near in (slot - 1, slot, slot + 1))
        if total >= needed:
            repeated |= {(key, slot - 1), (key, slot), (key, slot + 1)}
    if not repeated:
        _remove_margin_lines(pages, with_text, table_tops, removed)
        return removed, printed
    tops: list[float] = []
    header_tops: list[float] = []
    header_gaps: list[float] = []
    with_header: set[int] = set()
    for number in with_text:
        lines = pages[number]
        edge = {id(line) for line in lines[:FURNITURE_LINES] + lines[-FURNITURE_LINES:]}
        kept = []
        last_header: Line | None = None
        for line in lines:
            if id(line) in edge and (_furniture_key(line), round(line.top / 4)) in repeated:
                removed[number].append(line.text)
                if not kept:  # above the body: a running header
                    last_header = line
                    header_tops.append(line.top)
                numbers = re.findall(r"\d+", line.text)
                if len(numbers) == 1 and printed[number] is None:
                    printed[number] = numbers[0]
                continue
            kept.append(line)
        pages[number] = kept
        if last_header is not None:
            with_header.add(number)
            starts = [top for top in (kept[0].top if kept else None, table_tops[number]) if top is not None]
            if starts and min(starts) > last_header.bottom:
                tops.append(min(starts))
                header_gaps.append(min(starts) - last_header.bottom)
    if not with_header:
        _remove_margin_lines(pages, with_text, table_tops, removed)
    if tops:
        # Above where the body starts on the other pages, or in a block that starts where their
        # headers start and ends with the space they leave below them (page one's symbol block).
        body_top = statistics.median(tops)
        every = [line for number in with_text for line in pages[number]]
        left = _mode([round(line.x0) for line in every])
        right = sorted(line.x1 for line in every)[int(0.95 * (len(every) - 1))]
        header_top = statistics.median(header_tops)
        gap = statistics.median(header_gaps)
        for number in with_text:
            lines = pages[number]
            if number in with_header or not lines:
                continue
            cut = sum(1 for line in lines if line.top < body_top - 2)
            if abs(lines[0].top - header_top) <= 4:
                cut = max(cut, _header_block(lines, gap, left, right))
            if cut:
                removed[number] = [line.text for line in lines[:cut]] + removed[number]
                pages[number] = lines[cut:]
    return removed, printed


_PAGE_NUMBER = re.compile(r"^[-–—(\[]?\s*\d{1,4}\s*(?:/\s*\d{1,4})?\s*[-–—)\]]?$")


def _remove_page_numbers(
    pages: list[list[Line]], with_text: list[int], removed: list[list[str]], printed: list[str | None]
) -> None:
    """A page number alone on the last (or first) line of a page, well apart from the text, is a
    footer (or header) even when there are too few pages to see it repeat."""
    for number in with_text:
        lines = pages[number]
        for position in (len(lines) - 1, 0):
            if len(lines) < 2 or not _PAGE_NUMBER.match(lines[position].text):
                continue
            neighbour = lines[position - 1] if position else lines[1]
            if abs(lines[position].top - neighbour.top) > 2.5 * lines[position].size:
                removed[number].append(lines[position].text)
                printed[number] = printed[number] or re.search(r"\d+", lines[position].text).group(0)
                del lines[position]


def _remove_margin_lines(
    pages: list[list[Line]], with_text: list[int], table_tops: list[float | None], removed: list[list[str]]
) -> None:
    """No running header repeats (a short document): lines printed above where the text of every
    other page starts are in the top margin, a header of that page only."""
    starts = {}
    for number in with_text:
        candidates = [
            top for top in (pages[number][0].top if pages[number] else None, table_tops[number]) if top is not None
        ]
        if candidates:
            starts[number] = min(candidates)
    for number in with_text:
        others = [top for other, top in starts.items() if other != number]
        if not others:
            continue
        limit = min(others) - 2
        above = [line for line in pages[number] if line.bottom < limit]
        if above and len(above) < len(pages[number]):
            removed[number] = [line.text for line in above] + removed[number]
            pages[number] = [line for line in pages[number] if line.bottom >= limit]


def _header_block(lines: list[Line], gap: float, left: float, right: float) -> int:
    """How many lines at the top of a page, starting where running headers start, are a header
    of their own: up to the space headers leave below them, or while they are short lines in
    the first one's type and alignment (a right-aligned symbol block)."""
    first = lines[0]
    width = max(right - left, 1)
    right_aligned = first.x0 - left > 0.3 * width and right - first.x1 < 0.05 * width
    count = 1
    for line, below in itertools.pairwise(lines):
        if below.top - line.bottom >= 0.7 * gap:
            return count
        same_type = below.size == first.size and below.bold == first.bold
        aligned = abs(below.x1 - first.x1) <= 2 if right_aligned else abs(below.x0 - first.x0) <= 2
        short = below.x1 - below.x0 < 0.6 * width
        if not (same_type and aligned and short and below.top - line.top <= 1.5 * first.size) or count >= 8:
            return count if right_aligned else 0
        count += 1
    return count if right_aligned else 0


def _printed_labels(printed: list[str | None], count: int) -> list[str] | None:
    """Page labels from printed page numbers, when most pages print their index plus one constant."""
    offsets = Counter(int(value) - number for number, value in enumerate(printed) if value is not None)
    if not offsets:
        return None
    offset, seen = offsets.most_common(1)[0]
    numbered = sum(1 for value in printed if value is not None)
    if numbered < count / 2 or seen < 0.6 * numbered:
        return None
    return [str(number + offset) if number + offset >= 1 else str(number + 1) for number in range(count)]


# -- paragraphs -----------------------------------------------------------------------------


class _Builder:
    """Walks pages in order, joining wrapped lines into paragraphs and writing tables as cells."""

    def __init__(self, pages: list[list[Line]], tables: list[list[TableBlock]]) -> None:
        self.pages = pages
        self.tables = tables
        body = [line for lines in pages for line in lines]
        cells = [line for page in tables for table in page for row in table.rows for cell in row for line in cell.lines]
        self.vocabulary = _vocabulary(body + cells)
        language = document_language(" ".join(line.text for line in body[:200]))
        self.languages = (language,) if language else LANGUAGES
        self.sorted_words = sorted(self.vocabulary)
        self.left = _mode([round(line.x0) for line in body]) if body else 0
        rights = sorted(line.x1 for line in body)
        self.right = rights[int(0.95 * (len(rights) - 1))] if rights else 0
        sizes = Counter()
        for line in body:
            sizes[line.size] += len(line.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 10
        steps = sorted(
            b.bottom - a.bottom
            for lines in pages
            for a, b in itertools.pairwise(lines)
            if a.size == b.size == self.body_size and 0.9 * a.size < b.bottom - a.bottom < 2 * a.size
        )
        # the spacing of wrapped lines: the smallest step that is common (paragraph spacing only adds)
        self.line_step = steps[len(steps) // 10] if steps else self.body_size * 1.2
        self.bottom = max((lines[-1].bottom for lines in pages if lines), default=0)
        cell_steps = sorted(
            b.bottom - a.bottom
            for page in tables
            for table in page
            for row in table.rows
            for cell in row
            for a, b in itertools.pairwise(cell.lines)
            if a.size == b.size and 0.9 * a.size < b.bottom - a.bottom < 2 * a.size
        )
        self.cell_step = cell_steps[len(cell_steps) // 10] if cell_steps else self.line_step

    # -- the walk ---------------------------------------------------------------------------

    def build(self) -> tuple[str, dict[int, int], set[int]]:
        """The text (one paragraph a line, table cells led by a tab), where each page starts, headings."""
        parts: list[str] = []
        starts: dict[int, int] = {}
        headings: set[int] = set()
        length = 0

        def emit(text: str, page_breaks: list[tuple[int, int]], *, heading: bool = False) -> None:
            nonlocal length
            for offset, page in page_breaks:
                starts.setdefault(page, length + offset)
            if heading:
                headings.add(length)
            parts.append(text)
            length += len(text) + 1

        current: list[Line] = []
        table: TableBlock | None = None  # the open table: it may go on at the top of the next page
        rows: list[list[Cell]] = []

        def flush_paragraph() -> None:
            if current:
                text, breaks = self._join(current)
                if text:
                    heading = (current[0].bold or current[0].size > self.body_size + 0.5) and len(text) < 160
                    emit(text, breaks, heading=heading)
                current.clear()

        def flush_table() -> None:
            nonlocal table
            if table is None:
                return
            for row in rows:
                for column, cell in enumerate(row):
                    lead = "\t\t" if column == 0 else "\t"  # two tabs: the first cell of a row
                    paragraphs = self._cell_paragraphs(cell)
                    if not paragraphs:
                        emit(lead, [(0, table.page)])
                    for position, (text, breaks) in enumerate(paragraphs):
                        if position == 0:
                            text, breaks = lead + text, [(offset + len(lead), page) for offset, page in breaks]
                        emit(text, breaks)
            emit(TABLE_END, [])
            rows.clear()
            table = None

        for number, lines in enumerate(self.pages):
            items: list[Line | TableBlock] = sorted([*lines, *self.tables[number]], key=lambda item: item.top)
            for position, item in enumerate(items):
                if isinstance(item, TableBlock):
                    flush_paragraph()
                    if table is not None and position == 0 and table.page == number - 1 and _same_columns(table, item):
                        more = item.rows
                        if more and rows and _row_text(more[0]) == _row_text(rows[0]):
                            more = more[1:]  # the header row repeated on the new page
                        cut = table.bottom >= self.bottom - 1.5 * self.line_step  # it filled its page
                        if more and rows and _continues(rows[-1], more[0], cut=cut):
                            rows[-1] = [
                                Cell(a.x0, a.x1, a.lines + b.lines) for a, b in zip(rows[-1], more[0], strict=False)
                            ]
                            more = more[1:]
                        rows.extend(more)
                    else:
                        flush_table()
                        rows.extend(item.rows)
                    table = item
                    continue
                flush_table()
                if current and self._breaks(current, item):
                    flush_paragraph()
                current.append(item)
        flush_paragraph()
        flush_table()
        return "\n".join(parts), starts, headings

    def _cell_paragraphs(self, cell: Cell) -> list[tuple[str, list[tuple[int, int]]]]:
        """A cell's paragraphs, its own width (less its padding) standing for the page's."""
        lines = cell.lines
        if not lines:
            return []
        left = min(line.x0 for line in lines)
        padding = min(max(left - cell.x0, 0), 8)
        right = cell.x1 - padding
        paragraphs: list[list[Line]] = []
        for line in lines:
            if paragraphs and not self._breaks(paragraphs[-1], line, right=right, left=left, step=self.cell_step):
                paragraphs[-1].append(line)
            else:
                paragraphs.append([line])
        return [joined for joined in (self._join(p) for p in paragraphs) if joined[0]]

    # -- where a paragraph ends -------------------------------------------------------------

    def _breaks(
        self,
        paragraph: list[Line],
        line: Line,
        *,
        right: float | None = None,
        left: float | None = None,
        step: float | None = None,
    ) -> bool:
        """True when `line` starts a new paragraph rather than continuing `paragraph`."""
        last = paragraph[-1]
        right = self.right if right is None else right
        left = self.left if left is None else left
        width = max(right - left, 1)
        same_page = last.page == line.page
        step = (step or self.line_step) * max(last.size, line.size) / self.body_size
        if same_page and line.bottom - last.bottom > step + max(1.0, 0.08 * line.size):
            return True  # space between paragraphs
        if not same_page and last.text.endswith((".", "!", "?")) and line.text[:1].isupper():
            return True  # a page that ends a sentence and a next page that starts one
        if same_page and line.top < last.top:
            return True  # back up the page: another column or a float
        if last.bold != line.bold or abs(last.size - line.size) > 0.6:
            return True
        if last.x0 - left > 0.25 * width and abs(last.x0 - line.x0) > 3:
            return True  # a centred or right-aligned line
        first_word = line.words[0].x1 - line.words[0].x0
        space = 0.25 * line.size
        if right - last.x1 > first_word + space + 1:
            return True  # the next line's first word would have fitted: the line was not wrapped
        if len(paragraph) >= 2:  # a first-line indent, or a list item out-dented from its hanging text
            return abs(line.x0 - paragraph[1].x0) > 3
        first = paragraph[0]
        if abs(line.x0 - first.text_x0) <= 3 and first.text_x0 != first.x0:
            return False  # the hanging text of a list item
        return line.x0 > first.x0 + 3  # indented after a full line: a new indented paragraph

    # -- the text of a paragraph ------------------------------------------------------------

    def _join(self, lines: list[Line]) -> tuple[str, list[tuple[int, int]]]:
        """The paragraph's text, and where in it each page's part begins ((offset, page) pairs)."""
        text = ""
        breaks: list[tuple[int, int]] = []
        for line in lines:
            piece = line.text[:-1].replace("\u00ad", "") + line.text[-1]  # a soft hyphen counts only at the end
            if not text:
                text = piece
            elif text.endswith(_HYPHENS) and len(text) > 1 and text[-2].isalpha() and piece[:1].isalpha():
                text = self._dehyphenate(text, piece)
            elif text.endswith("-") and len(text) > 1 and text[-2].isalnum() and piece[:1].isdigit():
                text += piece  # a range or a symbol broken after its hyphen: 2004-2005, CP/CAJP-2456/07
            elif text.endswith("/") and len(text) > 1 and not text[-2].isspace():
                text += piece  # a symbol, a URL or "and/or" broken after its slash
            else:
                text += " " + piece
            if not breaks or breaks[-1][1] != line.page:
                breaks.append((max(0, len(text) - len(piece)), line.page))
        return text.rstrip("\u00ad"), breaks

    def _known(self, word: str) -> bool:
        """The word, or the word with an ending of up to three letters (shortcoming → shortcomings), occurs."""
        if self.vocabulary[word]:
            return True
        position = bisect.bisect_left(self.sorted_words, word)
        return (
            position < len(self.sorted_words)
            and self.sorted_words[position].startswith(word)
            and len(self.sorted_words[position]) - len(word) <= 3
            and "-" not in self.sorted_words[position][len(word) :]
        )

    def _part(self, word: str) -> bool:
        folded = word.casefold()
        return len(folded) >= 3 and (self._known(folded) or in_dictionary(folded, self.languages))

    def _dehyphenate(self, text: str, piece: str) -> str:
        stem_match = re.search(r"([^\W\d_][\w'’\-\u2010]*)[-\u2010\u00ad]$", text)
        rest_match = re.match(r"[^\W\d_][\w'’]*", piece)
        if not stem_match or not rest_match:
            return text[:-1] + piece
        stem, rest = stem_match.group(1), rest_match.group(0)
        joined, hyphenated = (stem + rest).casefold(), f"{stem}-{rest}".casefold()
        if text.endswith("\u00ad"):
            keep = False
        elif self._known(hyphenated) and not self._known(joined):
            keep = True
        elif self._known(joined) or in_dictionary(joined, self.languages):
            keep = False
        elif self._part(stem) and self._part(rest):
            keep = True  # two words, never written joined: a compound (long-term, gender-based)
        else:
            keep = rest[:1].isupper() and not rest.isupper()  # Inter-American, but RESPONSI-BLE
        return (text if keep else text[:-1]) + piece


def _vocabulary(lines: list[Line]) -> Counter:
    """Words as the document writes them away from line ends (where hyphenation cuts them)."""
    counts: Counter = Counter()
    cut = False  # the line before ended on a hyphen: this line's first word is the rest of a word
    for line in lines:
        words = line.words
        for position, word in enumerate(words):
            if (position == len(words) - 1 and word.text.endswith(_HYPHENS)) or (position == 0 and cut):
                continue
            for token in _WORD.findall(word.text):
                counts[token.replace("\u2010", "-").casefold()] += 1
        cut = words[-1].text.endswith(_HYPHENS)
    return counts


def _mode(values: list[float]) -> float:
    return Counter(values).most_common(1)[0][0]


def _same_columns(first: TableBlock, second: TableBlock) -> bool:
    if len(first.columns) != len(second.columns):
        return False
    return all(
        abs(a[0] - b[0]) <= 2 and abs(a[1] - b[1]) <= 2 for a, b in zip(first.columns, second.columns, strict=True)
    )


def _row_text(row: list[Cell]) -> list[str]:
    return [" ".join(line.text for line in cell.lines) for cell in row]


def _continues(before: list[Cell], after: list[Cell], *, cut: bool) -> bool:
    """A row cut by the page break: the table filled its page, or the text goes on in lower case,
    or a cell ended on a hyphen."""
    if len(before) != len(after):
        return False
    if cut:
        return True
    for cell in after:
        if cell.lines:
            if cell.lines[0].text[:1].islower():
                return True
            break
    return any(cell.lines and cell.lines[-1].text.endswith(_HYPHENS) for cell in before)
