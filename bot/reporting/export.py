"""The annual report draft, in the shape of the 2009 report, from what focal points filed.

Per actor: activities carried out, activities planned, best practices, new proposals, each item
citing the Program activity or objective it implements; then the coverage of the 42 Program
activities this year. Markdown, CSV or DOCX. The draft is a document for the Secretariat, written
in English like the 2009 report; the section headings are the string table's English ones.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bot.answering.catalogue import Catalogue
from bot.database import Store
from bot.reporting.registry import actors
from bot.reporting.reports import REPORT_KINDS, Report, active_reports
from bot.texts import t

FORMATS = ("md", "csv", "docx")


def _grouped(store: Store, year: int) -> tuple[dict[str, str], dict[str, dict[str, list[Report]]]]:
    names = {a.id: a.name for a in actors(store)}
    grouped: dict[str, dict[str, list[Report]]] = {}
    for report in active_reports(store, year):
        grouped.setdefault(report.actor_id, {}).setdefault(report.kind, []).append(report)
    return names, grouped


def coverage(store: Store, catalogue: Catalogue, year: int) -> list[tuple[int, str, int]]:
    """(activity number, actor, reports this year) for every Program activity."""
    counts: dict[int, int] = {}
    for report in active_reports(store, year):
        if report.ref_kind == "activity" and report.ref_number is not None:
            counts[report.ref_number] = counts.get(report.ref_number, 0) + 1
    return [
        (item.number, item.actor_id or "", counts.get(item.number, 0)) for item in catalogue.program_items("activity")
    ]


def export_markdown(store: Store, catalogue: Catalogue, year: int) -> str:
    names, grouped = _grouped(store, year)
    lines = [
        f"# Annual Report on Activities in Implementation of the Inter-American Program, {year}",
        "",
        "Draft compiled from the reports of the Program actors' focal points "
        "(submitted through migrantsbot; not an official document until approved).",
        "",
    ]
    letter = ord("A")
    for actor_id in sorted(grouped, key=lambda a: names.get(a, a)):
        lines += [f"## {chr(letter)}. {names.get(actor_id, actor_id)}", ""]
        letter += 1
        for number, kind in enumerate(REPORT_KINDS, start=1):
            items = grouped[actor_id].get(kind, [])
            if not items:
                continue
            lines += [f"### {number}. {t('en', f'kind.{kind}')}", ""]
            for report in items:
                link = f" ({report.link})" if report.link else ""
                lines.append(f"- **{report.period}** — {report.description}{link} *[Program {report.ref.label('en')}]*")
            lines.append("")
    if not grouped:
        lines += ["No reports were submitted for this year.", ""]
    lines += ["## Coverage of the Program activities", "", "| Activity | Actor | Reports |", "| --- | --- | --- |"]
    for number, actor_id, count in coverage(store, catalogue, year):
        lines.append(f"| {number} | {actor_id} | {count if count else 'none'} |")
    return "\n".join(lines) + "\n"


def export_csv(store: Store, catalogue: Catalogue, year: int) -> str:
    names, _ = _grouped(store, year)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "report_id",
            "actor_id",
            "actor",
            "section",
            "program_ref",
            "period",
            "description",
            "link",
            "version",
            "updated_at",
        ]
    )
    for report in active_reports(store, year):
        writer.writerow(
            [
                report.id,
                report.actor_id,
                names.get(report.actor_id, ""),
                t("en", f"kind.{report.kind}"),
                report.ref.label("en"),
                report.period,
                report.description,
                report.link or "",
                report.version,
                report.updated_at,
            ]
        )
    return buffer.getvalue()


def export_docx(store: Store, catalogue: Catalogue, year: int, out: Path) -> None:
    import docx

    names, grouped = _grouped(store, year)
    document = docx.Document()
    document.add_heading(f"Annual Report on Activities in Implementation of the Inter-American Program, {year}", 0)
    document.add_paragraph(
        "Draft compiled from the reports of the Program actors' focal points (not an official document until approved)."
    )
    letter = ord("A")
    for actor_id in sorted(grouped, key=lambda a: names.get(a, a)):
        document.add_heading(f"{chr(letter)}. {names.get(actor_id, actor_id)}", 1)
        letter += 1
        for number, kind in enumerate(REPORT_KINDS, start=1):
            items = grouped[actor_id].get(kind, [])
            if items:
                document.add_heading(f"{number}. {t('en', f'kind.{kind}')}", 2)
                for report in items:
                    link = f" ({report.link})" if report.link else ""
                    document.add_paragraph(
                        f"{report.period} — {report.description}{link} [Program {report.ref.label('en')}]",
                        style="List Bullet",
                    )
    document.add_heading("Coverage of the Program activities", 1)
    rows = coverage(store, catalogue, year)
    table = document.add_table(rows=len(rows) + 1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Activity", "Actor", "Reports"], strict=True):
        cell.text = text
    for row, (number, actor_id, count) in zip(table.rows[1:], rows, strict=True):
        row.cells[0].text, row.cells[1].text, row.cells[2].text = str(number), actor_id, str(count) if count else "none"
    document.save(str(out))


def export(store: Store, catalogue: Catalogue, year: int, fmt: str, out: Path) -> Path:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "docx":
        export_docx(store, catalogue, year, out)
    else:
        text = export_markdown(store, catalogue, year) if fmt == "md" else export_csv(store, catalogue, year)
        out.write_text(text, encoding="utf-8")
    return out
