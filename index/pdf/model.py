"""What a PDF page is made of once read: words, lines of words, ruled tables and their cells."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

_MARKER = re.compile(r"^(?:[•·▪◦‣○■□➢►\-–—*]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|\(?[ivxlcIVXLC]{1,6}[.)])$")


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
