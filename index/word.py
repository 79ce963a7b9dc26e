"""A Word file's text in reading order: paragraphs and tables as the body holds them, lists numbered.

The body is walked once, in document order, so a table sits between the paragraphs around it
(python-docx's `document.paragraphs` and `document.tables` are two separate lists). Each
paragraph is one line; a table is written row by row, one cell per line led by a tab (further
paragraphs of a cell on the lines after it; a row's first cell led by two tabs; a form feed on a
line of its own after the table), the convention `index.parse` reads as table cells and rows.

List numbers are not stored in a Word file: Word computes them from the numbering definitions
(numbering.xml) when it shows the document. They are computed here the same way: a counter per
abstract list and level, a list instance's `startOverride` restarting it, deeper levels
restarting when a shallower one advances, the level's `lvlText` ("%1.", "%1.%2)", "(%3)") and
number format (decimal, letters, Roman numerals) giving the printed form. docx2python was
compared first: it ignores `lvlText` (every number comes out as "1)") and instance overrides
(a list that starts at 4 restarts at 1), so "activity 4" would lose its number.

Headings come from paragraph styles (Heading 1–9, Title, or a style with an outline level) and
are returned as offsets with their level. Footnotes follow the body, one per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

TABLE_END = "\f"  # a line of its own after a table: what follows is not in its last cell
_SYMBOL_BULLETS = "\uf0b7\uf0a7\uf0d8\uf0fc\uf076\uf0a8\uf06e\uf0e0\uf02d"  # Symbol/Wingdings bullets


@dataclass
class WordText:
    text: str
    headings: dict[int, int] = field(default_factory=dict)  # offset of a heading line → its level (1…9)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this level (1-based), None = after any shallower


class _Numbering:
    """Word's list numbering: definitions read once, counters advanced paragraph by paragraph."""

    def __init__(self, document) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.instances: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        for abstract in root.findall(qn("w:abstractNum")):
            self.abstract[abstract.get(qn("w:abstractNumId"))] = {
                int(level.get(qn("w:ilvl"), "0")): _level(level) for level in abstract.findall(qn("w:lvl"))
            }
            link = abstract.find(qn("w:numStyleLink"))
            if link is not None:  # a list style: its definition lives on another abstract list
                self.abstract[abstract.get(qn("w:abstractNumId"))] = {}
        for num in root.findall(qn("w:num")):
            abstract_id = num.find(qn("w:abstractNumId"))
            if abstract_id is None:
                continue
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    starts[ilvl] = int(start.get(qn("w:val"), "1"))
                level = override.find(qn("w:lvl"))
                if level is not None:
                    levels[ilvl] = _level(level)
            self.instances[num.get(qn("w:numId"))] = (abstract_id.get(qn("w:val")), starts, levels)

    def level(self, num_id: str, ilvl: int) -> _Level:
        abstract_id, _, levels = self.instances[num_id]
        return levels.get(ilvl) or self.abstract.get(abstract_id, {}).get(ilvl) or _Level()

    def marker(self, num_id: str, ilvl: int) -> str:
        """Advance the list and return the paragraph's printed marker ("4.", "b)", "•")."""
        if num_id not in self.instances:
            return ""
        abstract_id, starts, _ = self.instances[num_id]
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:  # an instance that restarts the list where it is first used
            self.started.add(num_id)
            for level, start in starts.items():
                counters[level] = start - 1
                for deeper in [key for key in counters if key > level]:
                    del counters[deeper]
        this = self.level(num_id, ilvl)
        counters[ilvl] = counters.get(ilvl, this.start - 1) + 1
        for deeper in [key for key in counters if key > ilvl]:
            restart = self.level(num_id, deeper).restart
            if restart is None or restart > ilvl:
                del counters[deeper]
        if this.fmt == "bullet":
            return "•"
        if this.fmt == "none":
            return ""

        def number(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            value = counters.get(level, self.level(num_id, level).start)
            return _format(value, self.level(num_id, level).fmt)

        return re.sub(r"%([1-9])", number, this.text).strip()


def _level(element) -> _Level:
    def value(tag: str, default: str) -> str:
        found = element.find(qn(tag))
        return found.get(qn("w:val"), default) if found is not None else default

    restart = element.find(qn("w:lvlRestart"))
    return _Level(
        start=int(value("w:start", "1")),
        fmt=value("w:numFmt", "decimal"),
        text=value("w:lvlText", "%1."),
        restart=int(restart.get(qn("w:val"))) if restart is not None else None,
    )


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = ""
        for amount, numeral in (
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ):  # fmt: skip
            while value >= amount:
                numerals += numeral
                value -= amount
        return numerals.upper() if fmt == "upperRoman" else numerals
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


class _Styles:
    """What a paragraph style says: its outline (heading) level and its list, following basedOn."""

    def __init__(self, document) -> None:
        self.styles: dict[str, object] = {}
        try:
            root = document.styles.element
        except Exception:  # a file without styles.xml
            return
        for style in root.findall(qn("w:style")):
            self.styles[style.get(qn("w:styleId"))] = style

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None

    def heading_level(self, style_id: str | None) -> int:
        for style in self._chain(style_id):
            name = style.find(qn("w:name"))
            label = (name.get(qn("w:val")) if name is not None else "").lower()
            if label == "title":
                return 1
            if match := re.fullmatch(r"heading ([1-9])", label):
                return int(match.group(1))
            outline = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            if outline is not None and int(outline.get(qn("w:val"), "9")) < 9:
                return int(outline.get(qn("w:val"))) + 1
        return 0

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        for style in self._chain(style_id):
            numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if numpr is not None:
                num = numpr.find(qn("w:numId"))
                ilvl = numpr.find(qn("w:ilvl"))
                if num is not None:
                    return num.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
        return None


def _paragraph_text(paragraph) -> str:
    """The text Word shows: runs, hyperlinks and fields' results; tabs and breaks as spaces; no
    deleted text, no field codes."""
    parts: list[str] = []
    for node in paragraph.iter():
        tag = node.tag
        if tag == qn("w:t"):
            parts.append(node.text or "")
        elif tag in (qn("w:tab"), qn("w:br"), qn("w:cr")):
            parts.append(" ")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif tag == qn("w:sym"):
            parts.append("•")
    return " ".join("".join(parts).split())


def read_word(document, *, limit: int) -> WordText:
    """The document's text (one paragraph a line, tables as tab-led cells) and its heading lines."""
    numbering = _Numbering(document)
    styles = _Styles(document)
    lines: list[str] = []
    headings: dict[int, int] = {}
    length = 0

    def add(text: str, level: int = 0) -> None:
        nonlocal length
        if level:
            headings[length] = level
        lines.append(text)
        length += len(text) + 1
        if length > limit:
            raise OverflowError

    def paragraph_line(paragraph) -> tuple[str, int]:
        ppr = paragraph.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = style.get(qn("w:val")) if style is not None else None
        text = _paragraph_text(paragraph)
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        listed = None
        if numpr is not None and numpr.find(qn("w:numId")) is not None:
            ilvl = numpr.find(qn("w:ilvl"))
            listed = numpr.find(qn("w:numId")).get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
        else:
            listed = styles.numbering(style_id)
        if listed is not None and listed[0] != "0" and text:
            marker = numbering.marker(*listed)
            if marker:
                text = f"{marker} {text}"
        return text, styles.heading_level(style_id)

    def block(element, *, cell: bool = False) -> list[tuple[str, int]]:
        """The lines of a body element (a cell's content when `cell`)."""
        found: list[tuple[str, int]] = []
        if element.tag == qn("w:p"):
            text, level = paragraph_line(element)
            if text:
                found.append((text, 0 if cell else level))
        elif element.tag == qn("w:tbl"):
            for row in element.findall(qn("w:tr")):
                for column, tc in enumerate(row.findall(qn("w:tc"))):
                    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                    inner: list[tuple[str, int]] = []
                    if merge is None or merge.get(qn("w:val")) == "restart":
                        for child in tc:
                            inner += block(child, cell=True)
                    texts = [text.lstrip("\t") for text, _ in inner] or [""]
                    found.append(("\t\t" + texts[0] if column == 0 else "\t" + texts[0], 0))
                    found += [(text, 0) for text in texts[1:]]
            if not cell:
                found.append((TABLE_END, 0))
        elif element.tag in (qn("w:sdt"), qn("w:customXml"), qn("w:sdtContent"), qn("w:ins")):
            for child in element:
                if child.tag in (qn("w:sdtPr"), qn("w:sdtEndPr")):
                    continue
                found += block(child, cell=cell)
        return found

    for child in document.element.body:
        for text, level in block(child):
            add(text, level)
    for text in _footnotes(document):
        add(text)
    return WordText("\n".join(lines), headings)


def _footnotes(document) -> list[str]:
    """The text of each footnote and endnote (Word's separators left out)."""
    notes: list[str] = []
    for part in document.part.package.iter_parts():
        if str(part.partname) not in ("/word/footnotes.xml", "/word/endnotes.xml"):
            continue
        from docx.oxml.parser import parse_xml

        root = parse_xml(part.blob)
        for note in root:
            if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(_paragraph_text(p) for p in note.iter(qn("w:p"))).strip()
            if text:
                notes.append(text)
    return notes
