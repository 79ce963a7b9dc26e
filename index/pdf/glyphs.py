"""Glyphs to words, lines and ruled tables, page by page (pdfminer.six and pdfplumber's table finder).

pdfminer.six interprets each page; a small device keeps, of each glyph, only its text, box and
font (pdfplumber's full objects cost as much again), and pdfminer's own lines and rectangles
become the edges pdfplumber's table finder reads. A page whose content stream decodes to more
than `MAX_PAGE_CONTENT_BYTES` is not read at all.
"""

from __future__ import annotations

import itertools
import zlib
from collections import Counter

from index.pdf.model import Cell, Line, TableBlock, Word

MAX_PAGE_CONTENT_BYTES = 2_000_000  # a dense text page is 20–100 KB; more is a drawing or a bomb


def pages(path):
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


def page_layout(words: list[Word], edges: list[dict], bbox, number: int) -> tuple[list[Line], list[TableBlock]]:
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
