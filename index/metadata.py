"""Metadata read from a new document: title, date, kind and OAS symbol, where the file tells.

Maintainers confirm or correct them; whatever cannot be found is asked for (chat) or given on
the command line. OAS documents come in four languages, so dates are read in English, Spanish,
French and Portuguese forms; a kind is only guessed from the title, and "other" is the honest
answer when the title does not say.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pydantic import BaseModel

from index.text import fold

KINDS = ("program", "resolution", "work_plan", "annual_report", "findings", "declaration", "meeting", "other")
SHORT_MAX = 48

# Month names (accent-folded) in the OAS's four languages.
_MONTH_NAMES = {
    1: ["january", "jan", "enero", "janvier", "janeiro"],
    2: ["february", "feb", "febrero", "fevrier", "fevereiro"],
    3: ["march", "mar", "marzo", "mars", "marco"],
    4: ["april", "apr", "abril", "avril"],
    5: ["may", "mayo", "mai", "maio"],
    6: ["june", "jun", "junio", "juin", "junho"],
    7: ["july", "jul", "julio", "juillet", "julho"],
    8: ["august", "aug", "agosto", "aout"],
    9: ["september", "sept", "sep", "septiembre", "setiembre", "septembre", "setembro"],
    10: ["october", "oct", "octubre", "octobre", "outubro"],
    11: ["november", "nov", "noviembre", "novembre", "novembro"],
    12: ["december", "dec", "diciembre", "decembre", "dezembro"],
}
_MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"((?:19|20)\d{2})"
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er|º|°)?"
_DATE_PATTERNS = [
    (re.compile(rf"\b{_YEAR}-(\d{{2}})-(\d{{2}})\b"), ("y", "m", "d")),  # 2026-05-14
    (
        re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH}\s+(?:de[l]?\s+)?{_YEAR}\b"),
        ("d", "M", "y"),
    ),  # 14 May 2026, 14 de mayo de 2026
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"), ("M", "d", "y")),  # May 14, 2026
]
_SYMBOL = re.compile(
    r"\b(?:AG/RES\.|CP/RES\.|CIDI/RES\.|AG/DEC\.)\s*\d+\s*\([IVXL]+-[OE]/\d{2}\)|\bOEA/Ser\.[A-Z](?:/[\w.]+)+"
)
# A kind is read from the title (and the first lines for a resolution's symbol), in four languages.
_KIND_PATTERNS = [
    ("resolution", r"^(?:ag|cp|cidi)/res\b|\bresolu(?:tion|cion|cao)\b"),
    ("annual_report", r"\bannual report\b|\binforme anual\b|\brapport annuel\b|\brelatorio anual\b"),
    ("work_plan", r"\bwork ?plan\b|\bplan de trabajo\b|\bplan de travail\b|\bplano de trabalho\b"),
    ("findings", r"\bfindings\b|\bconclusiones\b|\bconclusions\b|\bconclusoes\b"),
    ("declaration", r"\bdeclaration\b|\bdeclaracion\b|\bdeclaracao\b"),
    (
        "meeting",
        r"\bmeeting\b|\bminutes\b|\breunion\b|\bacta\b|\bcompte rendu\b|\breuniao\b|\bata\b|\bsession\b|\bsesion\b",
    ),
    ("program", r"^(?:inter-american |interamerican[oa] |programme interamericain )?(?:program|programa|programme)\b"),
]
_SHORT_STOP = {
    "of",
    "the",
    "and",
    "for",
    "on",
    "in",
    "to",
    "a",
    "de",
    "del",
    "la",
    "las",
    "los",
    "el",
    "y",
    "e",
    "et",
    "des",
    "du",
    "le",
    "les",
    "da",
    "do",
    "das",
    "dos",
    "para",
    "pour",
    "sobre",
    "sur",
    "en",
    "em",
}


class DetectedMetadata(BaseModel):
    title: str | None = None
    date: dt.date | None = None
    kind: str = "other"
    symbols: list[str] = []


def slugify(name: str) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return stem[:60].rstrip("-") or "document"


def detect_metadata(path: Path, text: str) -> DetectedMetadata:
    title, date = _file_properties(path)
    head = text[:4000]
    if not title:
        title = next((line.strip() for line in head.splitlines() if len(line.strip()) > 8), None)
        if title and len(title) > 160:
            title = title[:157].rsplit(" ", 1)[0] + "…"
    date = first_date(head) or date  # a date printed in the document beats the file's creation time
    symbols = list(dict.fromkeys(match.group(0) for match in _SYMBOL.finditer(head)))[:3]
    return DetectedMetadata(title=title, date=date, kind=guess_kind(title or "", head), symbols=symbols)


def guess_kind(title: str, head: str = "") -> str:
    """The kind the title announces; "other" when it announces none (asked in the preview)."""
    folded = fold(title).strip()
    for kind, pattern in _KIND_PATTERNS:
        if re.search(pattern, folded):
            return kind
    first_line = fold(head.lstrip().split("\n", 1)[0]) if head else ""
    if re.match(r"(?:ag|cp|cidi)/res\.", first_line):
        return "resolution"
    return "other"


def first_date(text: str) -> dt.date | None:
    """The first full date in the text, in any of the four languages' usual forms."""
    folded = fold(text)
    candidates: list[tuple[int, dt.date]] = []
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(folded):
            parts = dict(zip(order, match.groups(), strict=True))
            month = int(parts["m"]) if "m" in parts else _MONTHS[parts["M"]]
            value = _safe_date(int(parts["y"]), month, int(parts["d"]))
            if value:
                candidates.append((match.start(), value))
    return min(candidates)[1] if candidates else None


def short_name(title: str, *, limit: int = SHORT_MAX) -> str:
    """A name for citations: the title if short, else whole words up to the limit, never cut mid-word.

    The title's last year ("…, 2018-2019") is kept, since it is what tells similar documents apart.
    """
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    years = re.findall(r"\b(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?\b", title)
    tail = f" {years[-1]}" if years else ""
    words: list[str] = []
    for word in title.split():
        if len(" ".join([*words, word])) + len(tail) + 1 > limit:
            break
        words.append(word)
    if tail and tail.strip() in " ".join(words):
        tail = ""
    while words and (fold(words[-1]).strip(",;:(") in _SHORT_STOP or words[-1].endswith(("(", ","))):
        words.pop()
    if not words:  # one enormous word: it is the whole name
        return title[:limit]
    text = " ".join(words).rstrip(",;:")
    if text.count("(") > text.count(")"):  # never leave a parenthesis open
        text = text[: text.rfind("(")].rstrip()
    return f"{text}…{tail}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _file_properties(path: Path) -> tuple[str | None, dt.date | None]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            from pypdf import PdfReader

            info = PdfReader(path).metadata
            created = info.creation_date if info else None
            return ((info.title or None) if info else None), (created.date() if created else None)
        if suffix == ".docx":
            import docx

            core = docx.Document(str(path)).core_properties
            return (core.title or None), (core.created.date() if core.created else None)
    except Exception:  # properties are a convenience; a file that has none is still fine
        return None, None
    return None, None
