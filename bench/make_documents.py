"""Make the test documents once: Word files and PDFs as documents really arrive.

    python bench/make_documents.py [--only bundled|multilingual|fixtures]

Needs LibreOffice and its hyphenation patterns (Debian: `apt-get install libreoffice-writer
hyphen-en-us hyphen-es hyphen-fr hyphen-pt-pt fonts-liberation2`). Each document is written as a
Word file with python-docx (running header, page footer "- N -", automatic hyphenation, real
tables, lists numbered by Word's numbering definitions, heading styles), then printed to PDF by
`soffice --headless --convert-to pdf`. The outputs are committed: the tests and benchmarks read
them and never run LibreOffice. Run this again only to change them (a PDF's bytes differ between
runs by its creation date).

- `bundled`: the five texts of corpus/ → bench/eval/documents/bundled/*.docx and *.pdf. A line of
  the text is a paragraph; "N. …" lines are Word-numbered lists (a list goes on across the
  paragraphs between its items, as in the Program's activities under each actor); "· …" lines
  are Word bullets; the tab-marked cells of the text's tables become Word tables; the lines the
  parser reads as headings are bold (Heading 1/2 styles for parts and sections). Page one holds
  the document's symbol block (manifest symbols and date) in its own header; later pages repeat
  the first symbol, or the short title, as a running header.
- `multilingual`: the Spanish, French and Portuguese test documents of
  bench/eval/documents/multilingual/*.txt (written for the benchmark) → .docx and .pdf.
- `fixtures`: the small files of tests/fixtures/ (see tests/fixtures/README.md).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DOCUMENTS = ROOT / "bench" / "eval" / "documents"
FIXTURES = ROOT / "tests" / "fixtures"

_numbered = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_bullet = re.compile(r"^[·•]\s*(\S.*)$")


@dataclass
class Style:
    """How a document is laid out: the variety real documents come in."""

    lang: str = "en-US"
    font: str = "Times New Roman"
    size: float = 12
    justified: bool = True
    space_after: float = 6
    first_line_indent: float = 0  # inches
    header_align: str = "right"


@dataclass
class Table:
    rows: list[list[list[str]]] = field(default_factory=list)  # rows → cells → paragraphs


class Writer:
    """A Word document with a running header, a "- N -" footer, hyphenation, lists and tables."""

    def __init__(
        self,
        style: Style,
        *,
        header: list[str] | None = None,
        first_page: list[str] | None = None,
        footer: bool = True,
    ) -> None:
        self.style = style
        self.doc = docx.Document()
        self._next_list = 100
        self.expected: list[str] = []  # the lines a reader should give back: paragraphs, markers, cells
        self._counts: dict[int, list[int]] = {}
        self._kinds: dict[int, tuple[int, bool]] = {}
        normal = self.doc.styles["Normal"]
        normal.font.name = style.font
        normal.font.size = Pt(style.size)
        self._set_lang(normal.element.get_or_add_rPr(), style.lang)
        normal.paragraph_format.space_after = Pt(style.space_after)
        normal.paragraph_format.space_before = Pt(0)
        if style.first_line_indent:
            normal.paragraph_format.first_line_indent = Inches(style.first_line_indent)
        for name, size in (("Heading 1", style.size), ("Heading 2", style.size)):
            heading = self.doc.styles[name]
            heading.font.name = style.font
            heading.font.size = Pt(size)
            heading.font.bold = True
            heading.font.italic = False
            heading.font.color.rgb = None
            heading.paragraph_format.space_before = Pt(12)
            heading.paragraph_format.space_after = Pt(6)
            heading.paragraph_format.first_line_indent = Inches(0)
            rpr = heading.element.get_or_add_rPr()
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is not None:
                for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                    fonts.attrib.pop(qn(attribute), None)
                fonts.set(qn("w:ascii"), style.font)
                fonts.set(qn("w:hAnsi"), style.font)
        settings = self.doc.settings.element
        settings.append(OxmlElement("w:autoHyphenation"))
        section = self.doc.sections[0]
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        section.left_margin = section.right_margin = Inches(1.1)
        section.top_margin = section.bottom_margin = Inches(1)
        align = WD_ALIGN_PARAGRAPH.RIGHT if style.header_align == "right" else WD_ALIGN_PARAGRAPH.LEFT
        if header:
            self._lines(section.header, header, align)
        if first_page is not None:
            section.different_first_page_header_footer = True
            self._lines(section.first_page_header, first_page, WD_ALIGN_PARAGRAPH.RIGHT)
            if footer:
                self._page_footer(section.first_page_footer)
        if footer:
            self._page_footer(section.footer)

    @staticmethod
    def _set_lang(rpr, lang: str) -> None:
        element = OxmlElement("w:lang")
        element.set(qn("w:val"), lang)
        element.set(qn("w:eastAsia"), lang)
        element.set(qn("w:bidi"), lang)
        rpr.append(element)

    @staticmethod
    def _lines(part, lines: list[str], align) -> None:
        first = part.paragraphs[0]
        for position, line in enumerate(lines):
            paragraph = first if position == 0 else part.add_paragraph()
            paragraph.text = line
            paragraph.alignment = align
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.first_line_indent = Inches(0)

    @staticmethod
    def _page_footer(part) -> None:
        paragraph = part.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Inches(0)
        paragraph.add_run("- ")
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        simple.append(run)
        paragraph._p.append(simple)
        paragraph.add_run(" -")

    # -- lists ------------------------------------------------------------------------------

    def new_list(self, *, start: int = 1, bullet: bool = False, letters_below: bool = True) -> int:
        """A Word list (abstract definition + instance) starting at `start`; its numId."""
        numbering = self.doc.part.numbering_part.element
        number = self._next_list
        self._next_list += 1
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(number))
        kind = OxmlElement("w:multiLevelType")
        kind.set(qn("w:val"), "hybridMultilevel")
        abstract.append(kind)
        levels = [("bullet", "•")] if bullet else [("decimal", "%1.")]
        levels.append(("lowerLetter", "%2)") if letters_below else ("decimal", "%1.%2."))
        for level, (fmt, text) in enumerate(levels):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
                element = OxmlElement(tag)
                element.set(qn("w:val"), value)
                lvl.append(element)
            ppr = OxmlElement("w:pPr")
            indent = OxmlElement("w:ind")
            indent.set(qn("w:left"), str(720 * (level + 1)))
            indent.set(qn("w:hanging"), "360")
            ppr.append(indent)
            lvl.append(ppr)
            abstract.append(lvl)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(number))
        link = OxmlElement("w:abstractNumId")
        link.set(qn("w:val"), str(number))
        num.append(link)
        if start != 1:
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), "0")
            start_at = OxmlElement("w:startOverride")
            start_at.set(qn("w:val"), str(start))
            override.append(start_at)
            num.append(override)
        numbering.append(num)
        self._kinds[number] = (start, bullet)
        return number

    # -- content ----------------------------------------------------------------------------

    def paragraph(self, text: str, *, bold: bool = False, heading: int = 0, list_id: int | None = None, level: int = 0):
        style = f"Heading {heading}" if heading else None
        paragraph = self.doc.add_paragraph(style=style)
        run = paragraph.add_run(text)
        if bold and not heading:
            run.bold = True
        if self.style.justified and not heading:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        self.expected.append(f"{self._marker(list_id, level)} {text}" if list_id is not None else text)
        if list_id is not None:
            ppr = paragraph._p.get_or_add_pPr()
            numpr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), str(level))
            numid = OxmlElement("w:numId")
            numid.set(qn("w:val"), str(list_id))
            numpr.append(ilvl)
            numpr.append(numid)
            ppr.insert(0, numpr)
            paragraph.paragraph_format.first_line_indent = None
        return paragraph

    def _marker(self, list_id: int, level: int) -> str:
        start, bullet = self._kinds[list_id]
        counts = self._counts.setdefault(list_id, [start - 1])
        if level == 0:
            counts[:] = [counts[0] + 1]
            return "•" if bullet else f"{counts[0]}."
        while len(counts) <= level:
            counts.append(0)
        counts[level] += 1
        return f"{chr(ord('a') + counts[level] - 1)})"

    def table(self, table: Table, *, header_rows: int = 1, repeat_header: bool = False) -> None:
        columns = max(len(row) for row in table.rows)
        grid = self.doc.add_table(rows=0, cols=columns)
        grid.style = self.doc.styles["Table Grid"]
        for row in table.rows:
            for column, paragraphs in enumerate(row):
                texts = paragraphs or [""]
                self.expected.append(("\t\t" if column == 0 else "\t") + texts[0])
                self.expected.extend(texts[1:])
        self.expected.append("\f")
        for row_number, row in enumerate(table.rows):
            added = grid.add_row()
            if repeat_header and row_number < header_rows:
                header = OxmlElement("w:tblHeader")
                added._tr.get_or_add_trPr().append(header)
            cells = added.cells
            for cell, paragraphs in zip(cells, row, strict=False):
                cell.paragraphs[0].text = ""
                for position, text in enumerate(paragraphs or [""]):
                    paragraph = cell.paragraphs[0] if position == 0 else cell.add_paragraph()
                    run = paragraph.add_run(text)
                    paragraph.paragraph_format.first_line_indent = Inches(0)
                    paragraph.paragraph_format.space_after = Pt(2)
                    if row_number < header_rows:
                        run.bold = True
        self.doc.add_paragraph()

    def page_break(self) -> None:
        self.doc.add_section(WD_SECTION.NEW_PAGE)

    def save(self, path: Path, *, title: str | None = None) -> None:
        self.doc.core_properties.title = title or ""
        self.doc.core_properties.author = "migrantsbot test material"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(path)


def to_pdf(source: Path, target_dir: Path) -> Path:
    """Print a Word file to PDF with LibreOffice headless (its own profile, so runs never collide)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                shutil.which("soffice") or "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(target_dir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return target_dir / f"{source.stem}.pdf"


# -- the bundled texts -----------------------------------------------------------------------


def text_items(text: str) -> list[str | Table]:
    """The text's lines as paragraphs, and its tab-marked cells (one tab before each cell, the
    cell's further paragraphs on the lines after it) as tables. A table's columns are its
    leading all-capital cells without digits; it ends, on a complete row, at a capitalised title
    line or at the end of the text."""
    lines = text.splitlines()
    items: list[str | Table] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.startswith("\t"):
            if line.strip():
                items.append(line.strip())
            index += 1
            continue
        cells: list[list[str]] = []
        while index < len(lines):
            line = lines[index]
            if line.startswith("\t"):
                cells.append([line.strip()] if line.strip() else [])
            elif line.strip():
                columns = _columns(cells)
                complete = columns and len(cells) % columns == 0
                letters = [char for char in line if char.isalpha()]
                if complete and letters and all(char.isupper() for char in letters) and len(line.strip()) > 12:
                    break
                cells[-1].append(line.strip())
            index += 1
        columns = _columns(cells)
        table = Table()
        for start in range(0, len(cells), columns):
            table.rows.append(cells[start : start + columns])
        items.append(table)
    return items


def _columns(cells: list[list[str]]) -> int:
    count = 0
    for cell in cells:
        text = " ".join(cell)
        letters = [char for char in text if char.isalpha()]
        if len(cell) == 1 and letters and all(c.isupper() for c in letters) and not any(c.isdigit() for c in text):
            count += 1
        else:
            break
    return count


def heading_lines(text: str) -> dict[str, int]:
    """The lines the parser reads as headings, with a Word heading level (1, 2) or 0 for bold."""
    from index.parse import parse_document

    found: dict[str, int] = {}
    for block in parse_document(text):
        if block.is_heading:
            level = len(block.path) if len(block.path) <= 2 and block.path and block.path[-1][:1].isupper() else 0
            for line in text[block.start : block.end].splitlines():
                if line.strip():
                    found.setdefault(line.strip(), level)
    return found


BUNDLED = {
    # file: (style, running header lines, first-page block, with title property)
    "program-2016.txt": (
        Style(first_line_indent=0.5, space_after=0),
        ["AG/RES. 2883 (XLVI-O/16)"],
        ["OEA/Ser.W", "AG/RES. 2883 (XLVI-O/16)", "Original: Spanish"],
        True,
    ),
    "annual-report-2009.txt": (
        Style(),
        ["AG/RES. 2289 (XXXVII-O/07)"],
        ["OEA/Ser.W", "AG/RES. 2289 (XXXVII-O/07)", "March 1, 2009", "Original: English"],
        False,
    ),
    "cam-vice-chair-work-plan-2018-2019.txt": (
        Style(font="Arial", size=11),
        ["CAM Vice Chair Work Plan 2018-2019"],
        ["Committee on Migration Issues (CAM)", "1 February 2019", "Original: Spanish"],
        True,
    ),
    "cam-informal-meetings-findings-2018-2019.txt": (
        Style(justified=False, header_align="left"),
        ["CAM informal meetings findings 2018-2019"],
        ["Committee on Migration Issues (CAM)", "Dated 30 April 2019"],
        True,
    ),
    "gttm-work-plan-2004-2005.txt": (
        Style(),
        ["GT/TM Work Plan 2004-2005"],
        ["Working Group on Migrant Workers (GT/TM)", "September 1, 2004", "Original: Spanish"],
        True,
    ),
}


def write_text_document(text: str, writer: Writer) -> None:
    """Paragraphs, lists and tables of a text in the conventions of the corpus files."""
    headings = heading_lines(text)
    current_list: int | None = None
    expected = 0
    bullets: int | None = None
    for item in text_items(text):
        if isinstance(item, Table):
            writer.table(item)
            current_list = bullets = None
            continue
        level = headings.get(item)
        bold = level is not None
        if (match := _numbered.match(item)) and level not in (1, 2):
            number = int(match.group(1))
            if current_list is None or number != expected:
                current_list = writer.new_list(start=number)
            expected = number + 1
            writer.paragraph(match.group(2), bold=bold, list_id=current_list)
            bullets = None
            continue
        if match := _bullet.match(item):
            if bullets is None:
                bullets = writer.new_list(bullet=True)
            writer.paragraph(match.group(1), bold=bold, list_id=bullets)
            continue
        bullets = None
        writer.paragraph(item, bold=bold and not level, heading=level or 0)


def make_bundled() -> None:
    manifest = {entry["file"]: entry for entry in tomllib.loads((CORPUS / "manifest.toml").read_text())["document"]}
    target = DOCUMENTS / "bundled"
    target.mkdir(parents=True, exist_ok=True)
    for name, (style, header, first_page, titled) in BUNDLED.items():
        text = (CORPUS / name).read_text(encoding="utf-8")
        writer = Writer(style, header=header, first_page=first_page)
        write_text_document(text, writer)
        path = target / f"{Path(name).stem}.docx"
        writer.save(path, title=manifest[name]["title"] if titled else None)
        to_pdf(path, target)
        print(f"wrote {path.name} and its PDF")


# -- the multilingual test documents --------------------------------------------------------

MULTILINGUAL = {
    # file stem: (style, running header)
    "es-plan-trabajo-cam-2025": (Style(lang="es-ES"), ["OEA/Ser.W CIDI/CAM/doc.31/25"]),
    "fr-rapport-suivi-programme-2024": (
        Style(lang="fr-FR", first_line_indent=0.4, space_after=0),
        ["CIDI/CAM/doc.12/24"],
    ),
    "pt-relatorio-oficina-2023": (Style(lang="pt-PT", font="Arial", size=11), ["Relatório da oficina regional 2023"]),
}


def make_multilingual() -> None:
    folder = DOCUMENTS / "multilingual"
    for stem, (style, header) in MULTILINGUAL.items():
        source = folder / f"{stem}.txt"
        text = source.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line.strip()]
        body = "\n".join(lines)
        writer = Writer(style, header=header, first_page=[])
        write_text_document(body, writer)
        path = folder / f"{stem}.docx"
        writer.save(path)
        to_pdf(path, folder)
        print(f"wrote {path.name} and its PDF")


# -- unit test fixtures ---------------------------------------------------------------------


def make_fixtures() -> None:
    """The unit tests' files, and beside each PDF the lines its reader must give back."""
    FIXTURES.mkdir(parents=True, exist_ok=True)
    # layout.pdf: four pages with a running header, a "- N -" footer, a symbol block on page one,
    # hyphenated words, numbered items that wrap, and a table that goes on over a page break.
    writer = Writer(
        Style(),
        header=["OEA/Ser.W CIDI/CAM/doc.7/21"],
        first_page=["OEA/Ser.W", "CIDI/CAM/doc.7/21", "Dated 12 March 2021", "Original: English"],
    )
    writer.paragraph("WORK PLAN OF THE COMMITTEE ON MIGRATION ISSUES FOR 2021", heading=1)
    writer.paragraph("I. BACKGROUND", heading=1)
    background = [
        "Notwithstanding the intergovernmental recommendations adopted in previous years, institutionalization of "
        "comprehensive interinstitutional mechanisms for unaccompanied adolescents remained extraordinarily uneven "
        "throughout the subregion, particularly regarding internationally recognized responsibilities.",
        "The member states reaffirmed their commitment to the protection of migrant workers and their families, to "
        "the exchange of information between consular networks, and to the regular review of the Inter-American "
        "Program, including its long-term objectives and its gender-based approach to the vulnerabilities of migrants.",
        "Representatives of the Inter-American Commission on Human Rights, the Inter-American Children’s Institute "
        "and the Inter-American Commission of Women presented their contributions, notably on interculturality, "
        "self-employment of returning migrants, and the characteristics of intraregional labour mobility.",
        "Consultations with civil society organizations highlighted the importance of documentation, regularization "
        "and nondiscrimination, and recommended strengthening coordination mechanisms among governmental institutions.",
    ]
    for text in background:
        writer.paragraph(text)
    writer.paragraph("II. SUGGESTED ACTIVITIES", heading=1)
    writer.paragraph("The Committee on Migration Issues will:")
    items = writer.new_list()
    for text in [
        "Coordinate with the General Secretariat every initiative related to the Program, including the "
        "exchange of information on migration legislation among the consular networks of the member states.",
        "Exchange best practices.",
        "Prepare a report on the 2021 Program activities for the Permanent Council, with the contributions "
        "of the Inter-American Commission on Human Rights and of the Inter-American Children’s Institute, "
        "to be presented before 12 November 2021 in accordance with resolution AG/RES. 2961 (L-O/20).",
        "Hold an informal meeting with civil society organizations.",
    ]:
        writer.paragraph(text, list_id=items)
    writer.paragraph("The General Secretariat will:")
    more = writer.new_list(start=5)
    for text in [
        "Strengthen the protection of migrant children traveling without their families, in cooperation with "
        "the Inter-American Children’s Institute and the consular networks of the countries of origin.",
        "Support the member states in the collection of comparable statistics on migration flows.",
    ]:
        writer.paragraph(text, list_id=more)
    writer.paragraph("III. SCHEDULE OF MEETINGS", heading=1)
    writer.paragraph(
        "The schedule below lists the meetings of the Committee; dates may be changed by the Chair after "
        "consultation with the member states and the Secretariat."
    )
    table = Table(rows=[[["DATE"], ["ACTIVITY"], ["RESPONSIBLE"]]])
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
    for number, month in enumerate(months):
        activity = [f"Informal meeting number {number + 1} of the Committee with the Program actors"]
        if number == 6:
            activity = [
                "Special meeting on the situation of migrant caravans, with the participation of the "
                "Inter-American Commission on Human Rights, the International Organization for Migration, "
                "the United Nations High Commissioner for Refugees, the consular networks of the countries "
                "of origin, transit and destination, and civil society organizations working on the ground",
                "Presentation of the conclusions to the Permanent Council",
            ]
        table.rows.append([[f"{month} 2021"], activity, ["CAM Chair"]])
    writer.table(table, repeat_header=True)
    writer.paragraph("IV. FINAL PROVISIONS", heading=1)
    writer.paragraph(
        "This work plan was adopted by the Committee on Migration Issues at its regular meeting held on "
        "12 March 2021 and will be reviewed at the end of the year."
    )
    path = FIXTURES / "layout.docx"
    writer.save(path, title=None)
    to_pdf(path, FIXTURES)  # the Word file stays: the same document in two formats
    (FIXTURES / "layout.expected.txt").write_text("\n".join(writer.expected) + "\n", encoding="utf-8")
    print("wrote layout.pdf and layout.expected.txt")

    # structure.docx: heading styles, a table between paragraphs, a list numbered by Word that
    # goes on across other paragraphs, a nested level, bullets, a list that starts at 4.
    writer = Writer(Style(), header=["Running header that is not body text"])
    writer.paragraph("Work Plan of the Committee on Migration Issues 2021", heading=1)
    writer.paragraph("A. Objectives", heading=2)
    writer.paragraph("The Committee will pursue the following objectives:")
    objectives = writer.new_list()
    writer.paragraph("Promote the human rights of migrants.", list_id=objectives)
    writer.paragraph("Exchange best practices among the actors.", list_id=objectives)
    writer.paragraph("B. Activities", heading=2)
    writer.paragraph("General Secretariat:")
    activities = writer.new_list()
    writer.paragraph("Coordinate the initiatives related to the Program.", list_id=activities)
    writer.paragraph("Enter into cooperation agreements with the member states", list_id=activities)
    writer.paragraph("by signing memoranda of understanding;", list_id=activities, level=1)
    writer.paragraph("by exchanging letters.", list_id=activities, level=1)
    writer.paragraph("Inter-American Commission on Human Rights (IACHR):")
    writer.paragraph("Offer training on due process in migration proceedings", list_id=activities)
    bullets = writer.new_list(bullet=True)
    writer.paragraph("in Central America", list_id=bullets)
    writer.paragraph("in the Caribbean", list_id=bullets)
    writer.paragraph("C. Calendar", heading=2)
    calendar = Table(
        rows=[
            [["DATE"], ["ACTIVITY"]],
            [["March 2021"], ["Informal meeting with the IACHR", "Presentation of the report"]],
            [["May 2021"], ["Adoption of the Work Plan"]],
        ]
    )
    writer.table(calendar)
    writer.paragraph("The calendar may change with the Committee’s agenda.")
    writer.paragraph("D. Member states", heading=2)
    states = writer.new_list(start=4)
    writer.paragraph("Exchange information on migration flows.", list_id=states)
    writer.paragraph("Consider ratifying the inter-American instruments.", list_id=states)
    path = FIXTURES / "structure.docx"
    writer.save(path, title="Work Plan of the Committee on Migration Issues 2021")
    (FIXTURES / "structure.expected.txt").write_text("\n".join(writer.expected) + "\n", encoding="utf-8")
    print("wrote structure.docx and structure.expected.txt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["bundled", "multilingual", "fixtures"])
    args = parser.parse_args()
    if args.only in (None, "fixtures"):
        make_fixtures()
    if args.only in (None, "bundled"):
        make_bundled()
    if args.only in (None, "multilingual"):
        make_multilingual()


if __name__ == "__main__":
    main()
