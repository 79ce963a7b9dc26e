"""The annual report draft, in the shape of the 2009 report, from what focal points filed.

Per actor: activities carried out, activities planned, best practices, new proposals, each item
citing the Program activity or objective it implements; then the coverage of the 42 Program
activities this year. Markdown, CSV and XLSX (bot/reporting/spreadsheet.py) are working files for
the Secretariat, in English; the DOCX (bot/reporting/annual_report.py) is the report to send, in
the language asked for.

Only approved reports are the record (bot/reporting/review.py); `include_submitted` (a
maintainer's `/export 2026 all`) adds those still awaiting review, each marked as such.

What focal points typed is data in every format: in the CSV a cell that a spreadsheet would run
as a formula (starting with = + - @, a tab or a carriage return) is quoted with a leading
apostrophe, the OWASP rule against CSV injection; in the Markdown, HTML and Markdown markup are
escaped, each report is one line, and only http(s) addresses become links.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

from bot.actors import actor_by_id
from bot.answering.catalogue import Catalogue
from bot.database import Store
from bot.reporting.annual_report import ActorSection, AnnualReport, CoverageRow, Entry, render_docx
from bot.reporting.registry import actors, focal_points
from bot.reporting.reports import REPORT_KINDS, Report, active_reports
from bot.texts import t
from index.corpus import DocumentInfo

FORMATS = ("md", "csv", "docx", "xlsx")


def _grouped(
    store: Store, year: int, include_submitted: bool = False
) -> tuple[dict[str, str], dict[str, dict[str, list[Report]]]]:
    names = {a.id: a.name for a in actors(store)}
    grouped: dict[str, dict[str, list[Report]]] = {}
    for report in active_reports(store, year, include_submitted=include_submitted):
        grouped.setdefault(report.actor_id, {}).setdefault(report.kind, []).append(report)
    return names, grouped


def coverage(
    store: Store, catalogue: Catalogue, year: int, include_submitted: bool = False
) -> list[tuple[int, str, int]]:
    """(activity number, actor, reports this year) for every Program activity."""
    counts: dict[int, int] = {}
    for report in active_reports(store, year, include_submitted=include_submitted):
        if report.ref_kind == "activity" and report.ref_number is not None:
            counts[report.ref_number] = counts.get(report.ref_number, 0) + 1
    return [
        (item.number, item.actor_id or "", counts.get(item.number, 0)) for item in catalogue.program_items("activity")
    ]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Inline markup only: every report is one line that starts with our own "- **", so the markup of a
# line's start (#, -, +, 1.) cannot take effect inside it.
_MARKDOWN = re.compile(r"([\\`*_\[\]|~])")


def csv_cell(value: object) -> object:
    """A value a spreadsheet shows as text, never runs (OWASP: prefix a formula's first character)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return f"'{value}"
    return value


def md(text: object) -> str:
    """Text as Markdown shows it and does nothing else: one line, HTML and Markdown markup escaped."""
    one_line = " ".join(str(text).split())
    return _MARKDOWN.sub(r"\\\1", html.escape(one_line, quote=False))


def md_link(url: str) -> str:
    """An http(s) address as a link; anything else (javascript:, data:…) as plain text."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return md(url)
    target = quote(url.strip(), safe=":/?#@!$&'*+,;=%-._~[]")  # spaces, quotes, <, >, ( and ) encoded
    return f"[{md(url)}]({target})"


def export_markdown(store: Store, catalogue: Catalogue, year: int, include_submitted: bool = False) -> str:
    names, grouped = _grouped(store, year, include_submitted)
    lines = [
        f"# Annual Report on Activities in Implementation of the Inter-American Program, {year}",
        "",
        "Draft compiled from the reports of the Program actors' focal points "
        "(submitted through migrantsbot; not an official document until approved).",
        "",
    ]
    letter = ord("A")
    for actor_id in sorted(grouped, key=lambda a: names.get(a, a)):
        lines += [f"## {chr(letter)}. {md(names.get(actor_id, actor_id))}", ""]
        letter += 1
        for number, kind in enumerate(REPORT_KINDS, start=1):
            items = grouped[actor_id].get(kind, [])
            if not items:
                continue
            lines += [f"### {number}. {t('en', f'kind.{kind}')}", ""]
            for report in items:
                link = f" ({md_link(report.link)})" if report.link else ""
                reference = f"[Program {report.ref.label('en')}]"  # ours: "activity 15", "other"
                mark = f"**[{t('en', 'export.submitted_mark')}]** " if report.review == "submitted" else ""
                lines.append(f"- {mark}**{md(report.period)}** — {md(report.description)}{link} *{reference}*")
            lines.append("")
    if not grouped:
        lines += ["No reports were submitted for this year.", ""]
    lines += ["## Coverage of the Program activities", "", "| Activity | Actor | Reports |", "| --- | --- | --- |"]
    for number, actor_id, count in coverage(store, catalogue, year, include_submitted):
        lines.append(f"| {number} | {actor_id} | {count if count else 'none'} |")
    return "\n".join(lines) + "\n"


def export_csv(store: Store, catalogue: Catalogue, year: int, include_submitted: bool = False) -> str:
    names, _ = _grouped(store, year, include_submitted)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
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
            "state",
        ]
    )
    for report in active_reports(store, year, include_submitted=include_submitted):
        row = [
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
            report.review,
        ]
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()


def _title(text: str, limit: int = 110) -> str:
    """An item's first words, whole, for a table cell or a reference."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def annual_report(
    store: Store,
    catalogue: Catalogue,
    year: int,
    *,
    lang: str = "en",
    program: DocumentInfo | None = None,
    include_submitted: bool = False,
) -> AnnualReport:
    """What the annual report shows for `year`, in `lang` (reports are quoted as submitted)."""
    registry = {a.id: a for a in actors(store)}
    activities = {item.number: item for item in catalogue.program_items("activity")}

    def name(actor_id: str) -> str:
        found = registry.get(actor_id) or actor_by_id(actor_id)
        return found.name_in(lang) if found else actor_id

    def reference(report: Report) -> str | None:
        ref = report.ref
        if ref.kind == "activity" and ref.number in activities:
            return t(
                lang, "export.activity_reference", number=ref.number, title=_title(activities[ref.number].text, 90)
            )
        if ref.kind == "specific objective":
            return t(lang, "export.objective_reference", number=ref.number)
        return None

    reports = active_reports(store, year, include_submitted=include_submitted)
    sections: dict[str, list[Entry]] = {}
    for report in reports:
        sections.setdefault(report.actor_id, []).append(
            Entry(
                kind=report.kind,
                period=report.period,
                description=report.description,
                link=report.link,
                reference=reference(report),
                submitted=report.review == "submitted",
            )
        )
    # Who was expected to report: every actor with a focal point, and the Program's own actors.
    expected = {point.actor_id for point in focal_points(store)}
    expected |= {item.actor_id for item in activities.values() if item.actor_id and item.actor_id in registry}
    counts = {number: 0 for number in activities}
    for report in reports:
        if report.ref_kind == "activity" and report.ref_number in counts:
            counts[report.ref_number] += 1
    return AnnualReport(
        year=year,
        lang=lang,
        program_symbols=program.symbols if program else [],
        general_objectives=[item.text for item in catalogue.program_items("general objective")],
        specific_objectives=[item.text for item in catalogue.program_items("specific objective")],
        actors=[
            ActorSection(name=name(actor_id), entries=entries)
            for actor_id, entries in sorted(sections.items(), key=lambda item: name(item[0]))
        ],
        not_reported=sorted(name(actor_id) for actor_id in expected - set(sections)),
        coverage=[
            CoverageRow(number=number, title=_title(item.text), actor=name(item.actor_id or ""), reports=counts[number])
            for number, item in sorted(activities.items())
        ],
    )


def export(
    store: Store,
    catalogue: Catalogue,
    year: int,
    fmt: str,
    out: Path,
    *,
    lang: str = "en",
    program: DocumentInfo | None = None,
    include_submitted: bool = False,
) -> Path:
    """The year's draft as `fmt`; the DOCX is the report to send, in `lang`, on the bundled template."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "docx":
        report = annual_report(store, catalogue, year, lang=lang, program=program, include_submitted=include_submitted)
        render_docx(report, out)
    elif fmt == "xlsx":
        from bot.reporting.spreadsheet import export_xlsx

        export_xlsx(store, catalogue, year, out, include_submitted=include_submitted, lang=lang)
    else:
        write = export_markdown if fmt == "md" else export_csv
        out.write_text(write(store, catalogue, year, include_submitted), encoding="utf-8")
    return out
