"""The reports as a spreadsheet (XLSX, openpyxl): what Secretariat staff filter and pivot.

Sheet 1, one row per report version (earlier versions included, so an edit's history shows): the
report, its version and whether it is the current one, the actor, the Program activity or
objective, the kind, the period and year, the review state, the dates and the link, and the
description. Sheet 2, the coverage of the Program's activities by actor: one row per activity
(its number, its words, the actor the Program names) and one column per reporting actor with
the number of its reports on that activity.

The reports are the same as the other formats': approved ones, and with `include_submitted`
those awaiting review (their state says so). What focal points typed is data: a cell whose text
a spreadsheet would run as a formula is stored as text (cell type string, quote prefix set),
never as a formula, and its words are kept as typed.
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.answering.catalogue import Catalogue
from bot.database import Store
from bot.reporting.registry import actors
from bot.reporting.reports import Report, active_reports
from bot.texts import t

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEADERS = (
    "report",
    "version",
    "current",
    "actor_id",
    "actor",
    "program_ref",
    "kind",
    "period",
    "year",
    "state",
    "created",
    "version_date",
    "replaced",
    "link",
    "description",
)


def _text_cell(cell) -> None:
    """A string that looks like a formula stays a string (openpyxl would store it as a formula)."""
    if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def _versions(store: Store, report: Report) -> list[tuple[dict, str | None]]:
    """Every version of a report, oldest first: (its fields, when it was replaced or None)."""
    with store.read() as db:
        earlier = list(db["report_versions"].rows_where("report_id = ?", [report.id], order_by="version"))
    rows = [(json.loads(row["snapshot"]), row["replaced_at"]) for row in earlier]
    return [*rows, (report.model_dump(), None)]


def _program_ref(fields: dict, lang: str) -> str:
    number = fields.get("ref_number")
    kind = fields.get("ref_kind") or "other"
    key = f"ref.{kind.replace(' ', '_')}"
    return t(lang, key, number=number) if number is not None else t(lang, key)


def export_xlsx(
    store: Store, catalogue: Catalogue, year: int, out: Path, *, include_submitted: bool = False, lang: str = "en"
) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    names = {a.id: a.name_in(lang) for a in actors(store)}
    reports = active_reports(store, year, include_submitted=include_submitted)
    book = Workbook()
    sheet = book.active
    sheet.title = t(lang, "xlsx.sheet_reports")
    sheet.append([t(lang, f"xlsx.{name}") for name in HEADERS])
    for report in sorted(reports, key=lambda r: r.id):
        for fields, replaced in _versions(store, report):
            sheet.append(
                [
                    report.id,
                    fields.get("version"),
                    t(lang, "xlsx.no" if replaced else "xlsx.yes"),
                    report.actor_id,
                    names.get(report.actor_id, report.actor_id),
                    _program_ref(fields, lang),
                    t(lang, f"kind.{fields.get('kind')}") if fields.get("kind") else "",
                    fields.get("period") or "",
                    fields.get("year"),
                    t(lang, f"state.{fields.get('review') or 'approved'}"),
                    (report.created_at or "")[:19],
                    (fields.get("updated_at") or "")[:19],
                    (replaced or "")[:19],
                    fields.get("link") or "",
                    fields.get("description") or "",
                ]
            )
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            _text_cell(cell)
    _header(sheet, Font, Alignment)
    widths = {"E": 30, "F": 26, "G": 22, "H": 18, "N": 30, "O": 80}
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width

    coverage = book.create_sheet(t(lang, "xlsx.sheet_coverage"))
    activities = catalogue.program_items("activity")
    counts: dict[tuple[int, str], int] = {}
    for report in reports:
        if report.ref_kind == "activity" and report.ref_number is not None:
            key = (report.ref_number, report.actor_id)
            counts[key] = counts.get(key, 0) + 1
    reporting = sorted({actor for _, actor in counts}, key=lambda a: names.get(a, a))
    coverage.append(
        [
            t(lang, "export.col_number"),
            t(lang, "export.col_activity"),
            t(lang, "export.col_actor"),
            t(lang, "xlsx.total"),
            *(names.get(actor, actor) for actor in reporting),
        ]
    )
    for item in activities:
        row = [counts.get((item.number, actor), 0) for actor in reporting]
        coverage.append([item.number, item.text, names.get(item.actor_id or "", item.actor_id or ""), sum(row), *row])
    for row in coverage.iter_rows(min_row=2):
        for cell in row:
            _text_cell(cell)
    _header(coverage, Font, Alignment)
    coverage.column_dimensions["B"].width = 80
    coverage.column_dimensions["C"].width = 30
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def _header(sheet, Font, Alignment) -> None:
    """A bold first row, frozen, with filters on every column: ready to filter and pivot."""
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
