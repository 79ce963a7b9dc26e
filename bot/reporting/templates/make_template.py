"""Rebuild the default look of the annual report: `python bot/reporting/templates/make_template.py`.

Maintainers normally restyle `annual_report.docx` in Word (Home › Styles › Modify); this script
only recreates the default when the file is lost or to start again. The body text it writes is a
sample for the eye: the exporter removes it and keeps the styles, margins and page setup.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from bot.texts import t

OUT = Path(__file__).with_name("annual_report.docx")
INK = RGBColor(0x1F, 0x2A, 0x44)  # a dark navy, close to the OAS documents' headings


def _drop_theme_fonts(style) -> None:
    """Word's default styles name theme fonts, which win over the font set here: remove them."""
    from docx.oxml.ns import qn

    properties = style.element.rPr
    fonts = properties.find(qn("w:rFonts")) if properties is not None else None
    if fonts is not None:
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)


def build(out: Path = OUT) -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(27.94), Cm(21.59)  # US Letter, as OAS documents
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin = section.bottom_margin = Cm(2.2)
    footer = section.footer.paragraphs[0]
    footer.text = t("en", "export.footer")  # each version gets it in its language (annual_report.py)
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.runs[0].font.size = Pt(8)

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size, bold, space_before in (("Title", 20, True, 96), ("Subtitle", 13, False, 12)):
        style = styles[name]
        style.font.name, style.font.size, style.font.bold = "Times New Roman", Pt(size), bold
        style.font.color.rgb = INK
        style.font.italic = False
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.space_before = Pt(space_before)
        style.paragraph_format.space_after = Pt(12)
    for level, size in ((1, 14), (2, 12.5), (3, 11.5)):
        style = styles[f"Heading {level}"]
        style.font.name, style.font.size, style.font.bold = "Times New Roman", Pt(size), True
        style.font.color.rgb = INK
        style.font.italic = level == 3
        style.paragraph_format.space_before = Pt(14 if level == 1 else 10)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    styles["List Bullet"].font.name = "Times New Roman"
    for style in styles:
        _drop_theme_fonts(style)

    document.add_paragraph("ORGANIZATION OF AMERICAN STATES", style="Subtitle")
    document.add_paragraph("Annual Report on Activities in Implementation of the Program", style="Title")
    document.add_heading("I. Introduction", 1)
    document.add_paragraph("Sample body text: the exporter replaces everything here and keeps the styles.")
    table = document.add_table(rows=2, cols=4, style="Table Grid")
    table.rows[0].cells[0].text = "No."
    document.save(str(out))
    return out


if __name__ == "__main__":
    print(f"Wrote {build()}")
