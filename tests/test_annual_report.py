"""The annual report DOCX: cover, opening sections, actors and their reports, who did not report, coverage."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from bot.reporting.annual_report import ActorSection, AnnualReport, CoverageRow, Entry, render_docx


def _report(lang: str) -> AnnualReport:
    return AnnualReport(
        year=2026,
        lang=lang,
        issued=dt.date(2026, 12, 2),
        program_symbols=["AG/RES. 2141 (XXXV-O/05)", "AG/RES. 2883 (XLVI-O/16)"],
        general_objectives=["Promote and protect the human rights of migrants."],
        specific_objectives=["Facilitate orderly migration.", "Foster migrant support networks."],
        actors=[
            ActorSection(
                name="Inter-American Commission on Human Rights (IACHR)",
                entries=[
                    Entry(
                        kind="carried_out",
                        period="March 2026",
                        description="Hearing on the detention of migrant children.",
                        link="https://www.oas.org/en/iachr/",
                        reference="Program activity 9: Offer training on guarantees of due process",
                    ),
                    Entry(kind="new_proposal", period="2027", description="A regional report on transit."),
                ],
            )
        ],
        not_reported=["Pan American Health Organization (PAHO)", "Brazil"],
        coverage=[
            CoverageRow(number=9, title="Offer training on guarantees of due process", actor="IACHR", reports=1),
            CoverageRow(number=10, title="Offer training to government officials", actor="IACHR", reports=0),
        ],
    )


@pytest.mark.parametrize(
    ("lang", "title", "not_reported", "none"),
    [
        ("en", "Annual Report on Activities in Implementation of the Inter-American Program", "did not report", "none"),
        (
            "es",
            "Informe anual sobre las actividades de ejecución del Programa Interamericano",
            "no presentaron",
            "ninguno",
        ),
    ],
)
def test_export_has_cover_sections_actors_that_did_not_report_and_a_bordered_coverage_table(
    tmp_path, lang, title, not_reported, none
):
    out = render_docx(_report(lang), tmp_path / f"report-{lang}.docx")
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    text = "\n".join(paragraphs)
    assert any(title in p for p in paragraphs[:3])  # the cover
    assert "2026" in paragraphs[2] and "CIDI/CAM/doc. __/__" in text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    parts = [p.text.split(". ", 1)[0] for p in document.paragraphs if p.style.name == "Heading 1"]
    assert parts == ["I", "II", "III", "IV", "V", "VI"]  # introduction … coverage, as in the 2009 report
    assert any(not_reported in h for h in headings)
    assert "Pan American Health Organization (PAHO)" in paragraphs and "Brazil" in paragraphs
    assert "Program activity 9: Offer training on guarantees of due process" in text
    assert "A. Inter-American Commission on Human Rights (IACHR)" in headings
    table = document.tables[-1]
    assert table.style.name == "Table Grid"
    assert [c.text for c in table.rows[2].cells] == ["10", "Offer training to government officials", "IACHR", none]
    links = [rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")]
    assert links == ["https://www.oas.org/en/iachr/"]


def test_the_template_keeps_its_styles_and_its_sample_text_is_dropped(tmp_path):
    out = render_docx(_report("en"), tmp_path / "report.docx")
    document = docx.Document(str(out))
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert not any("Sample body text" in p.text for p in document.paragraphs)


@pytest.mark.parametrize(("lang", "footer"), [("en", "Annual report (draft)"), ("es", "Informe anual (borrador)")])
def test_each_version_has_the_footer_in_its_language_and_table_rows_stay_whole(tmp_path, lang, footer):
    from docx.oxml.ns import qn

    document = docx.Document(str(render_docx(_report(lang), tmp_path / f"report-{lang}.docx")))
    assert document.sections[0].footer.paragraphs[0].text.endswith(footer)
    rows = document.tables[-1].rows
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)


def test_a_footer_written_by_a_maintainer_is_kept(tmp_path):
    from bot.reporting.annual_report import TEMPLATE

    restyled = docx.Document(str(TEMPLATE))
    restyled.sections[0].footer.paragraphs[0].text = "OEA/Ser.W · Secretaría de Acceso a Derechos y Equidad"
    template = tmp_path / "restyled.docx"
    restyled.save(str(template))
    out = render_docx(_report("es"), tmp_path / "report.docx", template=template)
    footer = docx.Document(str(out)).sections[0].footer.paragraphs[0].text
    assert footer == "OEA/Ser.W · Secretaría de Acceso a Derechos y Equidad"
