"""Running headers and footers, page one's own header, and the page numbers they print.

A line repeated at the same place (digits aside, so "- 3 -" and "- 4 -" are one footer) among the
first or last lines of most pages is a running header or footer; so is anything printed above
where the body starts on the other pages, or a block starting where their headers start (page
one's symbol block). A short document, where nothing can repeat, loses a page number standing
alone at the foot of a page and lines printed above where every other page's text starts.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter

from index.pdf.model import Line

FURNITURE_LINES = 3  # how many lines at a page's top and bottom may be a running header or footer


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.text.casefold())).strip()


def remove_furniture(
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


def printed_labels(printed: list[str | None], count: int) -> list[str] | None:
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


def _mode(values: list[float]) -> float:
    return Counter(values).most_common(1)[0][0]
