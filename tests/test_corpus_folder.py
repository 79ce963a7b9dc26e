"""The corpus folder is the truth: files copied in are indexed, broken ones named, the manifest's layout kept."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from bot.cli import main as cli_main
from bot.documents import prepare_document
from index.corpus import (
    DocumentInfo,
    add_document,
    add_entry,
    load_manifest,
    remove_document,
    scan_folder,
    update_entry,
)
from index.encoder import HashingEncoder
from index.extract import ExtractionError, extract
from index.metadata import detect_metadata, first_date, guess_kind, short_name
from index.store import load_searcher
from tests.pdfs import pdf_bytes, pdf_writer


def _pdf(pages: list[str], *, labels_from: int | None = None) -> bytes:
    """A PDF with one line of text per page; page labels start at `labels_from` when given."""
    from pypdf.constants import PageLabelStyle

    writer = pdf_writer([f"BT /F1 10 Tf 10 200 Td ({text}) Tj ET".encode() for text in pages])
    if labels_from is not None:
        writer.set_page_label(0, len(pages) - 1, style=PageLabelStyle.DECIMAL, start=labels_from)
    return pdf_bytes(writer)


@pytest.fixture
def cli(small_corpus, tmp_path, monkeypatch, capsys):
    """`migrantsbot …` on a temporary corpus and data folder with the fast test encoder."""
    monkeypatch.setenv("MIGRANTSBOT_CORPUS_DIR", str(small_corpus))
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MIGRANTSBOT_EMBEDDING_MODEL", "hashing")
    monkeypatch.chdir(tmp_path)  # no .env of the developer's

    def run(*argv: str) -> tuple[int, str]:
        code = cli_main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    assert run("index", "build")[0] == 0
    return run


def _top(tmp_path, question: str):
    searcher, _ = load_searcher(tmp_path / "data" / "index", HashingEncoder())
    return searcher.search(question, k=1)[0].chunk


def test_files_copied_into_the_folder_are_indexed_and_listed(cli, small_corpus, tmp_path):
    import docx

    (small_corpus / "observatory.txt").write_text(
        "Caribbean Migration Observatory: meeting note\n14 May 2026\n"
        "The observatory will publish quarterly bulletins on remittance corridors.\n",
        encoding="utf-8",
    )
    (small_corpus / "andean.pdf").write_bytes(_pdf(["The Andean migration card replaced tourist cards in 2002."]))
    document = docx.Document()
    document.add_paragraph("Plan de trabajo de la Comisión 2027")
    # the date the plan gives as its own (approved), not the first date it names
    document.add_paragraph(
        "La Comisión celebrará un taller sobre quokkas migratorias el 5 de abril de 2027; "
        "plan aprobado el 3 de marzo de 2027."
    )
    document.save(small_corpus / "plan.docx")

    code, out = cli("index", "update", "--dry-run")
    assert code == 0 and "observatory.txt (new in the folder, not yet in manifest.toml)" in out
    assert "observatory.txt" not in {d.file for d in load_manifest(small_corpus)}  # a dry run writes nothing

    code, out = cli("index", "update")
    assert code == 0, out
    assert "+ observatory.txt: new in the folder, added to manifest.toml" in out
    listed = {d.file: d for d in load_manifest(small_corpus)}
    assert listed["observatory.txt"].date == dt.date(2026, 5, 14) and listed["observatory.txt"].kind == "meeting"
    assert listed["plan.docx"].kind == "work_plan" and listed["plan.docx"].date == dt.date(2027, 3, 3)
    assert _top(tmp_path, "quarterly bulletins remittance corridors observatory").doc == "observatory.txt"
    assert _top(tmp_path, "Andean migration card tourist cards").doc == "andean.pdf"
    assert _top(tmp_path, "taller quokkas migratorias").doc == "plan.docx"

    (small_corpus / "observatory.txt").unlink()
    code, out = cli("index", "update")
    assert code == 0 and "observatory.txt: listed in manifest.toml but not in the folder" in out
    assert _top(tmp_path, "quarterly bulletins remittance corridors observatory").doc != "observatory.txt"


def test_a_corrupt_file_is_named_the_rest_indexed_and_the_old_version_kept(cli, small_corpus, tmp_path):
    (small_corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (small_corpus / "good.txt").write_text("The quokka corridor study covered twelve border crossings.\n")
    code, out = cli("index", "update")
    assert code == 1 and "broken.pdf" in out and "not a readable PDF" in out
    assert _top(tmp_path, "quokka corridor study border crossings").doc == "good.txt"
    assert "broken.pdf" not in {d.file for d in load_manifest(small_corpus)}  # tried again next time

    # A listed document that becomes unreadable keeps its indexed passages; the command says so.
    report = small_corpus / "mini-report.txt"
    old_words = report.read_text(encoding="utf-8").split()[:6]
    report.write_bytes(b"\x00\x01\x02 binary \x00" * 200)
    code, out = cli("index", "update")
    assert code == 1 and "mini-report.txt" in out and "not a text file" in out
    assert _top(tmp_path, " ".join(old_words)).doc == "mini-report.txt"


def test_manifest_comments_and_order_survive_adds_edits_and_removals(small_corpus, tmp_path):
    manifest = small_corpus / "manifest.toml"
    manifest.write_text("# Kept by the Secretariat: do not reorder.\n" + manifest.read_text(encoding="utf-8"))
    before = manifest.read_text(encoding="utf-8")
    new = tmp_path / "note.txt"
    new.write_text("A note on consular networks.\n")
    add_document(small_corpus, new, DocumentInfo(file="note.txt", title="Consular note", short="Note"))
    after_add = manifest.read_text(encoding="utf-8")
    assert after_add.startswith(before.rstrip("\n"))  # the old text is untouched, the entry appended
    update_entry(small_corpus, "note.txt", date="2026-05-14", kind="meeting")
    assert "# Kept by the Secretariat: do not reorder." in manifest.read_text(encoding="utf-8")
    assert next(d for d in load_manifest(small_corpus) if d.file == "note.txt").date == dt.date(2026, 5, 14)
    remove_document(small_corpus, "note.txt")
    assert manifest.read_text(encoding="utf-8").rstrip("\n") == before.rstrip("\n")


def test_corpus_edit_corrects_metadata_and_refuses_a_bad_date(cli, small_corpus):
    code, out = cli("corpus", "edit", "mini-report.txt", "--short", "Mini report 2009", "--no-index")
    assert code == 0 and "Mini report 2009" in out
    assert next(d for d in load_manifest(small_corpus) if d.file == "mini-report.txt").short == "Mini report 2009"
    code, out = cli("corpus", "edit", "mini-report.txt", "--date", "14/05/2026", "--no-index")
    assert code == 1 and "date" in out


def test_upload_errors_name_the_file_the_maintainer_sent(small_corpus, tmp_path):
    staged = tmp_path / "upload.txt"
    staged.write_bytes(b"")
    with pytest.raises(ExtractionError, match=r"^empty\.txt is empty"):
        prepare_document(staged, small_corpus, original_name="empty.txt")


def test_the_same_content_under_another_name_is_refused(small_corpus, tmp_path):
    from index.corpus import CorpusError

    copy = tmp_path / "copy of report.txt"
    copy.write_bytes((small_corpus / "mini-report.txt").read_bytes())
    with pytest.raises(CorpusError, match=r"same content as mini-report\.txt"):
        prepare_document(copy, small_corpus)


def test_a_copy_dropped_into_the_folder_under_another_name_is_not_indexed_twice(cli, small_corpus, tmp_path):
    original = (small_corpus / "mini-report.txt").read_text(encoding="utf-8")
    # the same text with other line breaks, spacing and bullets: the same words in the same order
    (small_corpus / "report copy.txt").write_text(original.replace("\n", "\n\n").replace(" ", "  "), encoding="utf-8")
    code, out = cli("index", "update")
    assert code == 1
    assert "! report copy.txt: not added: report copy.txt has the same content as mini-report.txt (Mini Report)" in out
    assert "report copy.txt" not in {d.file for d in load_manifest(small_corpus)}


def test_the_same_document_as_docx_beside_its_pdf_is_refused_with_the_pdfs_name(small_corpus):
    from index.corpus import CorpusError

    fixtures = Path(__file__).parent / "fixtures"
    (small_corpus / "work-plan-2021.pdf").write_bytes((fixtures / "layout.pdf").read_bytes())
    add_entry(small_corpus, DocumentInfo(file="work-plan-2021.pdf", title="Work Plan 2021", short="Work Plan 2021"))
    with pytest.raises(CorpusError, match=r"same content as work-plan-2021\.pdf \(Work Plan 2021\)"):
        prepare_document(fixtures / "layout.docx", small_corpus, original_name="Plan de trabajo 2021.docx")


def test_a_first_update_on_a_fresh_data_folder_says_what_it_detected(small_corpus, tmp_path, monkeypatch, capsys):
    (small_corpus / "note.txt").write_text(
        "Caribbean Migration Observatory: meeting note\nDated 14 May 2026\nThe observatory met on remittances.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("MIGRANTSBOT_CORPUS_DIR", str(small_corpus))
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(tmp_path / "fresh"))
    monkeypatch.setenv("MIGRANTSBOT_EMBEDDING_MODEL", "hashing")
    monkeypatch.chdir(tmp_path)
    assert cli_main(["index", "update"]) == 0
    out = capsys.readouterr().out
    assert (
        "+ note.txt: new in the folder, added to manifest.toml; metadata detected: "
        "'Caribbean Migration Observatory: meeting note' (short: 'Caribbean Migration Observatory: meeting note'; "
        "date: 2026-05-14; kind: meeting)"
    ) in out


@pytest.mark.parametrize(
    "text",
    ["14 May 2026", "May 14, 2026", "14 de mayo de 2026", "14 mai 2026", "14 de maio de 2026", "2026-05-14"],
)
def test_dates_in_the_four_languages(text):
    assert first_date(f"Informal meeting held in Washington, D.C., on {text}, with the IOM.") == dt.date(2026, 5, 14)


def test_kind_is_other_unless_the_title_says_and_short_names_keep_whole_words(tmp_path):
    assert guess_kind("Notes on remittances, the Program and its actors") == "other"
    assert guess_kind("Meeting note: CAM and the IOM") == "meeting"
    assert guess_kind("Plano de trabalho da CAM 2026") == "work_plan"
    title = (
        "Work Plan of the Vice Chair of the Committee on Migration Issues (CAM) for follow-up of the Program, 2018-2019"
    )
    short = short_name(title)
    assert short == "Work Plan of the Vice Chair… 2018-2019"
    assert all(word in title for word in short.replace("…", " ").split())
    note = tmp_path / "note.txt"
    note.write_text("Meeting note: CAM informal session\n14 May 2026\nThe Program was discussed at length.\n")
    detected = detect_metadata(note, note.read_text())
    assert detected.kind == "meeting" and detected.date == dt.date(2026, 5, 14)


def test_a_multi_page_pdf_keeps_the_printed_page_of_each_passage(cli, small_corpus, tmp_path):
    filler = " The Secretariat compiled the contributions of the actors." * 10  # a page is a passage of its own
    pages = [
        "Foreword of the annual report on migrant workers." + filler,
        "Chapter one describes seasonal agricultural quotas." + filler,
        "Chapter two describes the zebra crossing pilot for migrant children." + filler,
    ]
    (small_corpus / "report-2010.pdf").write_bytes(_pdf(pages, labels_from=12))
    extracted = extract(small_corpus / "report-2010.pdf")
    assert [label for _, label in extracted.pages] == ["12", "13", "14"]
    assert cli("index", "update")[0] == 0
    assert _top(tmp_path, "zebra crossing pilot").page == "14"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("﻿Plan de trabajo: reunión sobre niñez migrante.".encode("utf-16"), None),
        ("Plan de trabajo: reunión sobre niñez migrante.".encode("cp1252"), None),
        (bytes(range(256)) * 40, "not a text file"),
    ],
)
def test_text_files_are_decoded_by_their_encoding_and_binary_refused(tmp_path, content, reason):
    path = tmp_path / "note.txt"
    path.write_bytes(content)
    if reason:
        with pytest.raises(ExtractionError, match=reason):
            extract(path)
    else:
        assert "reunión sobre niñez migrante" in extract(path).text


def test_a_docx_that_unpacks_to_too_much_is_refused_before_parsing(tmp_path, monkeypatch):
    import zipfile

    from index import extract as extraction

    monkeypatch.setattr(extraction, "MAX_UNCOMPRESSED_BYTES", 1_000_000)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:t>" + "a" * 5_000_000 + "</w:t>")
    assert bomb.stat().st_size < 100_000
    with pytest.raises(ExtractionError, match="unpacks to 5 MB"):
        extract(bomb)


def test_a_docx_with_malformed_xml_is_refused_with_its_name(tmp_path):
    import zipfile

    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types><Default oops")
        archive.writestr("word/document.xml", "<w:document")
    with pytest.raises(ExtractionError, match=r"broken\.docx is not a readable DOCX"):
        extract(broken)


def test_scan_lists_new_missing_and_unsupported_files(small_corpus):
    (small_corpus / "new.md").write_text("# New\nA new note.\n")
    (small_corpus / "sheet.xlsx").write_bytes(b"x")
    (small_corpus / ".manifest.tmp.toml").write_text("")  # a staging file is not a document
    scan = scan_folder(small_corpus)
    assert scan.unlisted == ["new.md"] and scan.unsupported == ["sheet.xlsx"] and not scan.missing


def test_a_dry_run_counts_new_files_before_listing_them_and_an_update_never_says_to_update(cli, small_corpus, caplog):
    (small_corpus / "note.txt").write_text("Observatory note: the corridors study began in 2026.\n" * 5)
    code, out = cli("index", "update", "--dry-run")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("1 new, 0 changed") and lines[1].startswith("+ note.txt (new")
    with caplog.at_level(logging.WARNING):
        code, out = cli("index", "update")
    assert code == 0 and "+ note.txt: new in the folder" in out
    assert "run `migrantsbot index update`" not in out + caplog.text
