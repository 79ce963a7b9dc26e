"""The annual report as a DOCX fit to send: the 2009 report's shape, on a template maintainers restyle.

The look lives in `templates/annual_report.docx`: its styles (Title, Subtitle, Heading 1–3,
Normal, List Bullet, Quote, the "Table Grid" table style, margins, fonts) are what a maintainer
changes in Word, without code; `python bot/reporting/templates/make_template.py`
rebuilds the default. This module only decides what goes where, from plain data
(`AnnualReport`), so the database, the CLI and the tests all meet here.

Shape, after the 2009 report (AG/RES. 2289 (XXXVII-O/07) annual meeting): a cover with the
Program's name, the reporting year, the date and a symbol placeholder; I. Introduction and
II. Background with a marked place for the Secretariat's text; III. the Program's objectives;
IV. per actor, activities carried out / planned / best practices / new proposals, each citing
the Program activity by number and title, links as links; V. actors that did not report;
VI. the coverage of the Program activities, a bordered table.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, Field, field_validator

from bot.text_input import printable
from bot.texts import t

TEMPLATE = Path(__file__).parent / "templates" / "annual_report.docx"
SECTION_KINDS = ("carried_out", "planned", "best_practice", "new_proposal")


def _xml_safe(value: object) -> object:
    """What focal points typed, without the control characters a DOCX (XML) cannot hold: a report
    stored before they were refused at input must not break the year's export."""
    return printable(value) if isinstance(value, str) else value


class Entry(BaseModel):
    """One report as it appears under its actor."""

    kind: str  # one of SECTION_KINDS
    period: str
    description: str
    link: str | None = None
    reference: str | None = None  # "Program activity 9: Strengthen the Special Rapporteurship…"
    submitted: bool = False  # awaiting review: only in an export that asked for them, and marked

    _printable = field_validator("period", "description", "link", mode="before")(_xml_safe)


class ActorSection(BaseModel):
    name: str
    entries: list[Entry] = Field(default_factory=list)

    _printable = field_validator("name", mode="before")(_xml_safe)


class CoverageRow(BaseModel):
    number: int
    title: str
    actor: str
    reports: int


class AnnualReport(BaseModel):
    """Everything the document shows; built from the database and the catalogue by the caller."""

    year: int
    lang: str = "en"
    issued: dt.date = Field(default_factory=dt.date.today)
    program_title: str = ""  # default: the Program's name in `lang`
    program_symbols: list[str] = Field(default_factory=list)
    general_objectives: list[str] = Field(default_factory=list)
    specific_objectives: list[str] = Field(default_factory=list)
    actors: list[ActorSection] = Field(default_factory=list)
    not_reported: list[str] = Field(default_factory=list)
    coverage: list[CoverageRow] = Field(default_factory=list)


def render_docx(report: AnnualReport, out: Path, *, template: Path = TEMPLATE) -> Path:
    import docx

    lang = report.lang
    if not report.program_title:
        report = report.model_copy(update={"program_title": t(lang, "export.program_name")})
    document = docx.Document(str(template)) if template.exists() else docx.Document()
    _clear_body(document)
    _localise_footer(document, lang)
    _cover(document, report)
    document.add_page_break()

    document.add_heading(f"I. {t(lang, 'export.introduction')}", 1)
    _placeholder(document, t(lang, "export.secretariat_text"))
    document.add_heading(f"II. {t(lang, 'export.background')}", 1)
    symbols = ", ".join(report.program_symbols)
    if symbols:
        document.add_paragraph(t(lang, "export.background_text", program=report.program_title, symbols=symbols))
    _placeholder(document, t(lang, "export.secretariat_text"))

    document.add_heading(f"III. {t(lang, 'export.objectives')}", 1)
    for heading, items in (
        (t(lang, "export.general_objectives"), report.general_objectives),
        (t(lang, "export.specific_objectives"), report.specific_objectives),
    ):
        if items:
            document.add_heading(heading, 2)
            for number, text in enumerate(items, start=1):
                document.add_paragraph(f"{number}. {text}")
    if lang != "en":
        _note(document, t(lang, "export.quoted_en"))

    document.add_heading(f"IV. {t(lang, 'export.activities')}", 1)
    if not report.actors:
        document.add_paragraph(t(lang, "export.no_reports", year=report.year))
    for letter, section in zip(_letters(), report.actors, strict=False):
        document.add_heading(f"{letter}. {section.name}", 2)
        for number, kind in enumerate((k for k in SECTION_KINDS if any(e.kind == k for e in section.entries)), 1):
            document.add_heading(f"{number}. {t(lang, 'kind.' + kind)}", 3)
            for entry in (e for e in section.entries if e.kind == kind):
                _entry(document, entry, lang)

    document.add_heading(f"V. {t(lang, 'export.not_reported')}", 1)
    if report.not_reported:
        for name in report.not_reported:
            document.add_paragraph(name, style=_style(document, "List Bullet"))
    else:
        document.add_paragraph(t(lang, "export.everyone_reported"))

    document.add_heading(f"VI. {t(lang, 'export.coverage')}", 1)
    document.add_paragraph(
        t(
            lang,
            "export.coverage_summary",
            covered=sum(1 for r in report.coverage if r.reports),
            total=len(report.coverage),
        )
    )
    _coverage_table(document, report)
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out


def _letters():
    return (chr(code) for code in range(ord("A"), ord("Z") + 1))


def _clear_body(document) -> None:
    """The template's body may hold sample text for the maintainer's eye; its styles are what we keep."""
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _style(document, name: str):
    return name if name in [style.name for style in document.styles] else None


def _localise_footer(document, lang: str) -> None:
    """The template's default footer, in this version's language; a footer a maintainer wrote
    in Word is theirs and stays as it is."""
    default = t("en", "export.footer")
    for section in document.sections:
        for paragraph in section.footer.paragraphs:
            if paragraph.text.strip() == default and paragraph.runs:
                paragraph.runs[0].text = t(lang, "export.footer")
                for extra in paragraph.runs[1:]:
                    extra.text = ""


def _cover(document, report: AnnualReport) -> None:
    lang = report.lang
    for text, style in (
        (t(lang, "export.organization"), "Subtitle"),
        (t(lang, "export.title", program=report.program_title), "Title"),
        (t(lang, "export.year", year=report.year), "Subtitle"),
    ):
        document.add_paragraph(text, style=_style(document, style))
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for text in (t(lang, "export.symbol_placeholder"), t(lang, "export.date", date=_long_date(report.issued, lang))):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    notice = document.add_paragraph()
    notice.alignment = WD_ALIGN_PARAGRAPH.CENTER
    notice.add_run(t(lang, "export.draft_notice")).italic = True


def _placeholder(document, text: str) -> None:
    """A visibly marked place the Secretariat writes in before sending."""
    from docx.enum.text import WD_COLOR_INDEX

    run = document.add_paragraph().add_run(text)
    run.italic = True
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _note(document, text: str) -> None:
    document.add_paragraph().add_run(text).italic = True


def _entry(document, entry: Entry, lang: str) -> None:
    paragraph = document.add_paragraph(style=_style(document, "List Bullet"))
    if entry.submitted:
        paragraph.add_run(f"[{t(lang, 'export.submitted_mark')}] ").bold = True
    paragraph.add_run(f"{entry.period}: ").bold = True
    paragraph.add_run(entry.description)
    if entry.reference:
        paragraph.add_run(f" ({entry.reference})").italic = True
    if entry.link:
        paragraph.add_run(" ")
        _hyperlink(paragraph, entry.link, entry.link)


def _hyperlink(paragraph, url: str, text: str) -> None:
    """A real, clickable link (python-docx has no API for it: the relationship and run are built here)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.extend([style, color, underline])
    run.append(properties)
    content = OxmlElement("w:t")
    content.text = text
    run.append(content)
    link.append(run)
    paragraph._p.append(link)


def _coverage_table(document, report: AnnualReport) -> None:
    lang = report.lang
    table = document.add_table(rows=1, cols=4)
    if _style(document, "Table Grid"):
        table.style = "Table Grid"
    headers = [
        t(lang, key) for key in ("export.col_number", "export.col_activity", "export.col_actor", "export.col_reports")
    ]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in report.coverage:
        cells = table.add_row().cells
        cells[0].text = str(row.number)
        cells[1].text = row.title
        cells[2].text = row.actor
        cells[3].text = str(row.reports) if row.reports else t(lang, "export.none")
    _paginate(table)
    _column_widths(table, (0.45, 3.75, 1.55, 0.75))
    _compact_cells(table)


def _paginate(table) -> None:
    """The header row repeated on every page, and no row cut across two."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)
    for row in table.rows:
        whole = OxmlElement("w:cantSplit")
        whole.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(whole)


def _column_widths(table, inches: tuple[float, ...]) -> None:
    """Widths on the grid and on every cell: Word reads one, LibreOffice the other."""
    from docx.shared import Inches

    table.autofit = False
    for column, width in zip(table.columns, inches, strict=True):
        column.width = Inches(width)
    for row in table.rows:
        for cell, width in zip(row.cells, inches, strict=True):
            cell.width = Inches(width)


def _compact_cells(table) -> None:
    """Table text left-aligned and a size smaller than the body, so rows stay short."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                paragraph.paragraph_format.space_after = Pt(0)
                for run in paragraph.runs:
                    run.font.size = Pt(9.5)


_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}


def _long_date(day: dt.date, lang: str) -> str:
    month = _MONTHS.get(lang, _MONTHS["en"]).split()[day.month - 1]
    if lang == "en":
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} de {month} de {day.year}" if lang in ("es", "pt") else f"{day.day} {month} {day.year}"
