"""Paragraphs rebuilt from the lines' geometry, hyphenated line ends joined, tables written as cells."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter

from index.language.dictionaries import in_dictionary
from index.language.identify import document_language
from index.pdf.model import Cell, Line, TableBlock

TABLE_END = "\f"  # a line of its own after a table: what follows is not in its last cell
_HYPHENS = ("-", "\u2010", "\u00ad")
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010'’][^\W\d_]+)*")


class Builder:
    """Walks pages in order, joining wrapped lines into paragraphs and writing tables as cells."""

    def __init__(self, pages: list[list[Line]], tables: list[list[TableBlock]]) -> None:
        self.pages = pages
        self.tables = tables
        body = [line for lines in pages for line in lines]
        cells = [line for page in tables for table in page for row in table.rows for cell in row for line in cell.lines]
        self.vocabulary = _vocabulary(body + cells)
        language = document_language(" ".join(line.text for line in body[:200]))
        self.languages = (language,) if language else None
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
                        if more and len(rows) > 1 and _continues(rows[-1], more[0], cut=cut):  # not the header row
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
