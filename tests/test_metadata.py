"""Metadata a maintainer would accept, read from the file: title, the document's own date, kind, symbols."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from index.corpus import register_new_files
from index.extract import extract
from index.language.vocabulary import language_file, languages
from index.metadata import detect_metadata, own_date, own_symbols, recase
from tests.pdfs import pdf_bytes, pdf_writer

FIXTURES = Path(__file__).parent / "fixtures"


def test_every_language_file_has_the_same_keys_and_kinds():
    data = {lang: language_file(lang) for lang in languages()}
    keys = {lang: sorted(found["metadata"]) for lang, found in data.items()}
    assert all(found == keys["en"] for found in keys.values()), keys
    kinds = {lang: [kind["name"] for kind in found["metadata"]["kind"]] for lang, found in data.items()}
    assert all(found == kinds["en"] for found in kinds.values()), kinds
    assert all(len(found["months"]) == 12 for found in data.values())


def test_a_pdf_with_a_running_header_gives_its_printed_title_own_date_and_symbol(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "manifest.toml").write_text("")
    (folder / "plan.pdf").write_bytes((FIXTURES / "layout.pdf").read_bytes())
    [found] = register_new_files(folder)
    info = found.info
    # not the running header, not "I. BACKGROUND", and written as the document writes those words
    assert info.title == "Work Plan of the Committee on Migration Issues for 2021"
    # the symbol block's date, not 12 November 2021 (a deadline in the text) nor today (the file's creation)
    assert info.date == dt.date(2021, 3, 12)
    assert info.kind == "work_plan"
    # the symbol printed over two lines, on one line; the resolution the text cites is not the document's
    assert info.symbols == ["OEA/Ser.W CIDI/CAM/doc.7/21"]


def test_the_date_a_document_gives_as_its_own_is_not_the_first_date_it_names():
    head = (
        "Report on the regional workshop\n"
        "The workshop held on 7 June 2005 in Fort Lauderdale recalled the Program.\n"
        "Adopted by the Committee at its regular meeting of 14 March 2025."
    )
    assert own_date([], head) == dt.date(2025, 3, 14)
    assert own_date([], "Plan de trabajo\n(Aprobado por la Comisión en su reunión del 14 de marzo de 2025)") == dt.date(
        2025, 3, 14
    )
    assert own_date([], "Rapport de suivi\nAdopté par la Commission le 5 décembre 2024") == dt.date(2024, 12, 5)
    assert own_date([], "Relatório\nAssinado em Brasília, em 23 de agosto de 2023.") == dt.date(2023, 8, 23)
    assert own_date([], "The Program recalls the Summit of 20 April 2001 and the meeting of 7 June 2005.") is None


def test_symbols_with_every_roman_numeral_on_one_line_and_only_the_documents_own():
    header = ["OEA/Ser.W", "CIDI/CAM/doc.12/24", "Original: Spanish"]
    page_one = [
        "[CIDI/RES. 371 (CXLII-O/24)]",
        "Recalling resolutions AG/RES. 2883 (XLVI-O/16) and AG/RES. 3001 (MMI-O/24), the Committee…",
    ]
    assert own_symbols(header, page_one) == ["OEA/Ser.W CIDI/CAM/doc.12/24", "CIDI/RES. 371 (CXLII-O/24)"]


def test_a_title_in_capitals_is_written_as_the_document_writes_its_words():
    body = "The Inter-American Program of the CAM was adopted. The program has objectives for migrant workers."
    assert recase("INTER-AMERICAN PROGRAM OF THE CAM FOR MIGRANT WORKERS", body, "en") == (
        "Inter-American Program of the CAM for Migrant Workers"
    )
    body = "La Comisión de Asuntos Migratorios aprobó el plan de trabajo de la Presidencia."
    assert recase("PLAN DE TRABAJO DE LA COMISIÓN DE ASUNTOS MIGRATORIOS", body, "es") == (
        "Plan de trabajo de la Comisión de Asuntos Migratorios"
    )


def _pdf_with_libreoffice_dates(title: str) -> bytes:
    """A one-page PDF whose document information holds a title and LibreOffice's creation date."""
    from pypdf.generic import NameObject, TextStringObject

    writer = pdf_writer(
        [b"BT /F1 12 Tf 20 200 Td (INTRODUCTION) Tj 0 -20 Td (The member states met on remittances.) Tj ET"]
    )
    writer.add_metadata({"/Title": title})
    writer._info.get_object()[NameObject("/CreationDate")] = TextStringObject("D:20261206134456Z'")
    return pdf_bytes(writer)


def test_a_malformed_creation_date_does_not_lose_the_title(tmp_path):
    from pypdf import PdfReader

    path = tmp_path / "remittances.pdf"
    path.write_bytes(_pdf_with_libreoffice_dates("Declaration on Remittances"))
    with pytest.raises(ValueError):  # what made every property disappear
        PdfReader(path).metadata.creation_date  # noqa: B018
    detected = detect_metadata(path, extract(path).text)
    assert detected.title == "Declaration on Remittances" and detected.kind == "declaration"
    assert detected.date is None  # the file's creation date is not the document's
