"""Metadata read from a new document: title, date, kind and OAS symbol, where the file tells.

Maintainers confirm or correct them; whatever cannot be found is asked for (chat) or given on
the command line.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pydantic import BaseModel

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_MESES = {
    m: i
    for i, m in enumerate(
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        start=1,
    )
}
_ISO_DATE = re.compile(r"\b(20\d{2}|19\d{2})-(\d{2})-(\d{2})\b")
_EN_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_ES_DATE = re.compile(r"\b(\d{1,2})\s+de\s+(" + "|".join(_MESES) + r")\s+de\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_SYMBOL = re.compile(
    r"\b(?:AG/RES\.|CP/RES\.|CIDI/RES\.|AG/DEC\.)\s*\d+\s*\([IVXL]+-[OE]/\d{2}\)|\bOEA/Ser\.[A-Z](?:/[\w.]+)+"
)
_KINDS = [
    ("resolution", r"\bresolu"),
    ("work_plan", r"work plan|plan de trabajo"),
    ("annual_report", r"annual report|informe anual"),
    ("findings", r"findings|conclusiones"),
    ("program", r"\bprogram\b|\bprograma\b"),
    ("declaration", r"declaration|declaraci"),
]


class DetectedMetadata(BaseModel):
    title: str | None = None
    date: dt.date | None = None
    kind: str = "document"
    symbols: list[str] = []


def slugify(name: str) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return stem[:60] or "document"


def detect_metadata(path: Path, text: str) -> DetectedMetadata:
    title, date = _file_properties(path)
    head = text[:4000]
    if not title:
        title = next((line.strip() for line in head.splitlines() if len(line.strip()) > 8), None)
        if title and len(title) > 160:
            title = title[:157].rsplit(" ", 1)[0] + "…"
    date = date or _first_date(head)
    symbols = list(dict.fromkeys(match.group(0) for match in _SYMBOL.finditer(head)))[:3]
    lowered = f"{title or ''} {head[:600]}".lower()
    kind = next((name for name, pattern in _KINDS if re.search(pattern, lowered)), "document")
    return DetectedMetadata(title=title, date=date, kind=kind, symbols=symbols)


def _first_date(text: str) -> dt.date | None:
    candidates = []
    for match in _ISO_DATE.finditer(text):
        candidates.append((match.start(), _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))))
    for match in _EN_DATE.finditer(text):
        candidates.append(
            (match.start(), _safe_date(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2))))
        )
    for match in _ES_DATE.finditer(text):
        candidates.append(
            (match.start(), _safe_date(int(match.group(3)), _MESES[match.group(2).lower()], int(match.group(1))))
        )
    valid = [(position, value) for position, value in candidates if value]
    return min(valid)[1] if valid else None


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
