"""Turn a document's plain text into blocks that know where they sit in its structure.

OAS documents are converted from Word: one paragraph a line, headings numbered with Roman
numerals (I., II.), letters (A., B., E.1), actor blocks ("· Inter-American Commission on Human
Rights (IACHR):") and numbered items (objectives, activities, mandates). A delegate asks for
"activity 9" or "specific objective 8", so every block carries its section path and, for a
numbered item, the label it is known by.

Tables are written one cell per line led by a tab, a cell's further paragraphs on the lines
after it (Word's text export, and what index/extract.py writes for PDF and DOCX tables). The PDF
and DOCX readers lead a row's first cell with two tabs and end the table with a form feed on a
line of its own; in a text export the rows are counted from the table's column headers (its
first cells in capitals), so every cell knows its row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TABLE_END = "\f"  # the PDF and DOCX readers end a table with a form feed on a line of its own
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
MAX_HEADING_CHARS = 110

_marker_only = re.compile(r"^\s*(?:[IVXL]+|[A-Ha-h]|[ivx]+|\d{1,2})[.)]\s*$")
_roman = re.compile(r"^([IVXL]+)\.\s+(\S.*)$")
_letter = re.compile(r"^([A-H])\.\s+(\S.*)$")
_subletter = re.compile(r"^([A-H]\.\d{1,2})\.?\s+(\S.*)$")
_numbered = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
_small_roman = re.compile(r"^([ivx]+)[.)]\s+(\S.*)$")
_bullet = re.compile(r"^[·•\-–]\s*(\S.*)$")
_acronym = re.compile(r"\([A-Z][A-Za-z/\-]{1,12}\)")
# Word field codes: � HYPERLINK "url" [\o "tip"] �display� -> display
_field_code = re.compile(r"\ufffd?\s*HYPERLINK\s+\"[^\"]*\"(?:\s*\\\w+\s*\"[^\"]*\")*\s*\ufffd*")
_footnote_marker = re.compile(r"^\ufffd\s*[.)]?\s*")
_continuation = re.compile(r"^(?:[/.),]\s*\S|[a-z][a-z]+\b)")


@dataclass
class Block:
    """A paragraph (or list item) with its place in the document."""

    text: str
    start: int
    end: int
    path: list[str] = field(default_factory=list)
    label: str | None = None  # e.g. "activity 9", "specific objective 8"
    number: int | None = None
    is_heading: bool = False
    in_table: bool = False
    row: int | None = None  # the table row (0: the column headers) when the rows are known


@dataclass
class _Heading:
    rank: int
    title: str
    kind: str = ""


def roman_to_int(numeral: str) -> int:
    total, previous = 0, 0
    for char in reversed(numeral.upper()):
        value = ROMAN_VALUES[char]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total


def clean_line(text: str) -> str:
    """A line without Word's field codes and footnote markers, which users must never see.

    `� HYPERLINK "http://x" \\o "blocked::…" �x�` keeps its display text `x`; a footnote's own
    marker (`�.` before the note) and stray replacement characters go.
    """
    text = _field_code.sub("", text)
    text = _footnote_marker.sub("", text)
    return text.replace("\ufffd", "")


def _is_continuation(text: str) -> bool:
    """A line that carries on the previous paragraph: Word dropped a footnote reference there and
    left "/", "." or ")" (or a lower-case word) at the start of the next line."""
    if _marker_only.match(text) or _numbered.match(text) or _small_roman.match(text):
        return False
    return bool(_continuation.match(text))


def _lines_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """Non-empty lines, cleaned, tabs flattened, with their offsets in the original text.

    A line that starts with a tab is a table cell in Word exports; it is marked with a leading
    tab kept in the text so that the caller can recognise tables. A line that only continues
    the one before (after a dropped footnote reference) is joined to it.
    """
    lines: list[tuple[str, int, int]] = []
    position = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = position + lead
        end = start + len(stripped)
        position += len(raw)
        cleaned = re.sub(r"\s*\t\s*", " ", clean_line(stripped)).strip()
        cell = "\t\t" if raw.startswith("\t\t") else "\t" if raw.startswith("\t") else ""
        if cell and not cleaned:
            lines.append((cell, start, start))  # an empty cell: it counts in its row
            continue
        if raw.strip("\r\n") == TABLE_END:
            lines.append((TABLE_END, start, start))
            continue
        if not cleaned or cleaned in {"/", ".", ")", ","}:
            continue
        if lines and not raw.startswith("\t") and _is_continuation(cleaned):
            previous, previous_start, _ = lines[-1]
            if not previous.lstrip("\t").endswith(":"):
                body = cleaned.lstrip("/.) ").strip() if cleaned[0] in "/.)" else cleaned
                joiner = "" if cleaned[0] in ".)," else " "
                if cleaned[0] == "/":
                    joiner = " "
                lines[-1] = (f"{previous.rstrip()}{joiner}{body}", previous_start, end)
                continue
        lines.append((cell + cleaned, start, end))
    return _join_lone_markers(lines)


def _join_lone_markers(lines: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Word exports put a list marker on its own line ("III." then "THE PROGRAM ACTORS")."""
    joined: list[tuple[str, int, int]] = []
    index = 0
    while index < len(lines):
        text, start, end = lines[index]
        if (
            _is_caps_title(text)
            and not text.endswith((":", "."))
            and index + 1 < len(lines)
            and _is_caps_title(lines[index + 1][0])
            and not lines[index + 1][0].startswith("\t")  # a table header is not part of the title
            and len(text) > 50
        ):
            next_text, _, next_end = lines[index + 1]
            lines[index + 1] = (f"{text} {next_text}", start, next_end)
            index += 1
            continue
        if _marker_only.match(text) and index + 1 < len(lines):
            next_text, _, next_end = lines[index + 1]
            if not _marker_only.match(next_text):
                cell = text[: len(text) - len(text.lstrip("\t"))]  # a table cell's tabs stay in front
                joined.append((f"{cell}{text.strip()} {next_text.lstrip(chr(9))}", start, next_end))
                index += 2
                continue
        joined.append((text, start, end))
        index += 1
    return joined


def _is_caps_title(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(text) < 100 and len(letters) >= 4 and all(char.isupper() for char in letters)


def _looks_like_title(text: str) -> bool:
    """Short, no closing full stop, mostly capitalised words: a heading rather than a sentence."""
    if len(text) > MAX_HEADING_CHARS or (text.endswith((".", ";", ",")) and not text.endswith(".)")):
        return False
    if ";" in text or "AG/RES" in text:  # a citation of a resolution, not a title
        return False
    words = [word for word in re.findall(r"[^\W\d_][\w’'/-]*", text) if len(word) > 3]
    if not words:
        return bool(text) and len(text) < 40
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised / len(words) >= 0.5 or bool(_acronym.search(text))


def _colon_heading(text: str) -> bool:
    body = text.rstrip()
    if not body.endswith(":") or len(body) > MAX_HEADING_CHARS:
        return False
    return _looks_like_title(body[:-1])


def _item_label(path_titles: list[str], number: int) -> str:
    context = " ".join(path_titles).lower()
    if "specific objective" in context or "objetivos específicos" in context:
        return f"specific objective {number}"
    if "general objective" in context or "objetivos generales" in context:
        return f"general objective {number}"
    if ("activit" in context or "actividad" in context) and not re.search(r"calendar|schedule|calendario", context):
        return f"activity {number}"
    return f"item {number}"


class _Outline:
    """The stack of open headings, with the Roman-numeral bookkeeping that nests sub-lists."""

    def __init__(self) -> None:
        self.stack: list[_Heading] = []
        self.top_roman = 0
        self.nested_roman = 0

    def push(self, heading: _Heading) -> None:
        while self.stack and self.stack[-1].rank >= heading.rank:
            self.stack.pop()
        self.stack.append(heading)

    def roman_rank(self, value: int, *, capitals: bool = False) -> int:
        """A Roman numeral starts a top-level part when it continues the top-level count
        (or, in capitals, skips ahead of it); otherwise it numbers a nested list."""
        if capitals and value > self.top_roman:
            self.top_roman = value
            self.nested_roman = 0
            return 1
        if self.nested_roman and value == self.nested_roman + 1:
            self.nested_roman = value
            return 4
        if value == self.top_roman + 1:
            self.top_roman = value
            self.nested_roman = 0
            return 1
        self.nested_roman = value
        return 4

    def note_item(self, value: int) -> None:
        """A Roman-numbered paragraph (not a heading) continues or starts a nested list."""
        if value in (1, self.nested_roman + 1):
            self.nested_roman = value

    @property
    def titles(self) -> list[str]:
        return [heading.title for heading in self.stack]


def _clean_title(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().rstrip(":").strip()
    return text


def parse_document(text: str, headings: dict[int, int] | None = None) -> list[Block]:
    """Split a document into headings and paragraphs, each with its section path.

    `headings` are the lines the file itself marks as headings (offset → level, 0 when the level
    is unknown): a Word heading style, a PDF line in bold or larger type. They are headings even
    when their words do not look like one, unless they read as a sentence (a closing full stop)
    or sit in a table.
    """
    headings = headings or {}
    outline = _Outline()
    blocks: list[Block] = []
    # Objectives listed as plain paragraphs get their numbers from their order;
    # a numbered list, or a lead-in ending with ":", ends that counting.
    counted_items = 0
    numbered_items = 0
    in_table = False
    rows = _Rows()

    for raw_line, start, end in _lines_with_offsets(text):
        if raw_line == TABLE_END:
            in_table = False
            continue
        line = raw_line.lstrip("\t")
        if in_table and not raw_line.startswith("\t") and rows.complete and _is_caps_title(line):
            in_table = False  # a title in capitals after a table's last full row: the table is over
        if raw_line.startswith("\t") and not in_table:
            rows = _Rows()
        in_table = in_table or raw_line.startswith("\t")
        row = rows.place(raw_line) if in_table else None
        if not line:
            continue  # an empty cell
        heading = _classify_heading(line, outline)
        if heading is None and start in headings and not raw_line.startswith("\t"):
            heading = _styled_heading(line, headings[start])
        if heading is not None and in_table and (heading.rank > 2 or heading.kind != "part"):
            heading = None  # table cells are data, not structure
        if heading is not None:
            in_table = False
            outline.push(heading)
            counted_items = numbered_items = 0
            blocks.append(Block(line, start, end, outline.titles, is_heading=True))
            continue

        if roman_item := _roman.match(line):
            outline.note_item(roman_to_int(roman_item.group(1)))  # keeps count of nested lists
        path = outline.titles
        label = None
        number = None
        numbered = _numbered.match(line)
        section_is_objectives = bool(path) and re.search(r"objectives|objetivos", path[-1], re.I)
        if numbered:
            number = int(numbered.group(1))
            label = _item_label(path, number)
            numbered_items += 1
        elif section_is_objectives and not _bullet.match(line):
            if numbered_items or line.rstrip().endswith(":"):
                outline.stack.pop()  # the list of objectives is over
                path = outline.titles
                counted_items = numbered_items = 0
            else:
                counted_items += 1
                number = counted_items
                label = _item_label(path, number)
        blocks.append(Block(line, start, end, path, label=label, number=number, in_table=in_table, row=row))
    return blocks


class _Rows:
    """Which row of a table each line is in: given (a row's first cell led by two tabs), or
    counted from the column headers (the table's first cells, in capitals) in a text export."""

    def __init__(self) -> None:
        self.row = -1
        self.cells = 0
        self.headers = 0
        self.given = False

    @property
    def complete(self) -> bool:
        """Counted rows (a text export's), the last one full."""
        return not self.given and self.headers >= 2 and (self.cells - self.headers) % self.headers == 0

    def place(self, raw_line: str) -> int | None:
        if raw_line.startswith("\t\t"):
            self.given = True
            self.row += 1
            return self.row
        if self.given:
            return self.row
        if not raw_line.startswith("\t"):
            return self.row if self.row >= 0 else None  # a cell's further paragraph
        text = raw_line.strip()
        if self.cells == self.headers and _column_header(text):
            self.headers += 1
            self.cells += 1
            self.row = 0
            return 0
        self.cells += 1
        if self.headers < 2:
            return None  # no column headers: the rows cannot be told
        self.row = 1 + (self.cells - self.headers - 1) // self.headers
        return self.row


def _column_header(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return (
        bool(letters)
        and len(text) <= 40
        and all(char.isupper() for char in letters)
        and not any(c.isdigit() for c in text)
    )


def _styled_heading(line: str, level: int) -> _Heading | None:
    """A line the file sets as a heading: its level gives the rank (parts, sections, subsections)."""
    if len(line) > MAX_HEADING_CHARS or line.rstrip().endswith((".", ";", ",")) or _numbered.match(line):
        return None
    return _Heading({1: 1, 2: 2, 3: 3}.get(level, 6), _clean_title(line))


def _classify_heading(line: str, outline: _Outline) -> _Heading | None:
    if len(line) > MAX_HEADING_CHARS:
        return None
    if (match := _subletter.match(line)) and _looks_like_title(match.group(2).rstrip(":")):
        return _Heading(3, _clean_title(line))
    if (match := _roman.match(line)) and _looks_like_title(match.group(2).rstrip(":")):
        rank = outline.roman_rank(roman_to_int(match.group(1)), capitals=_is_caps_title(match.group(2)))
        return _Heading(rank, _clean_title(line), kind="part")
    if (match := _letter.match(line)) and _looks_like_title(match.group(2).rstrip(":")):
        return _Heading(2, _clean_title(line), kind="part")
    if match := _bullet.match(line):
        if _colon_heading(match.group(1)):
            return _Heading(4, _clean_title(match.group(1)), kind="actor")
        return None
    if match := _numbered.match(line):
        body = match.group(2)
        if _colon_heading(body) or (len(body) < 60 and body.endswith(":")):
            return _Heading(5, _clean_title(line))
        if len(body) < 60 and _looks_like_title(
            body.rstrip(".") if line.lstrip()[len(match.group(1))] == ")" else body
        ):
            return _Heading(5, _clean_title(line))
        return None
    if match := _small_roman.match(line):
        if len(line) < 80 and not line.endswith((".", ";", ",")):
            return _Heading(6, _clean_title(line))
        return None
    if _is_caps_title(line):
        return _Heading(1 if outline.top_roman == 0 else 3, _clean_title(line))
    if _colon_heading(line):
        return _Heading(4, _clean_title(line), kind="actor" if _acronym.search(line) else "")
    if _looks_like_title(line) and len(line) < 70 and not line.endswith(":"):
        return _Heading(6, _clean_title(line))
    return None
