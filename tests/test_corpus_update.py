"""Adding, changing and removing documents: search follows, unchanged documents are not re-embedded."""

from __future__ import annotations

import io

import pytest

from bot.documents import prepare_document
from index.corpus import DocumentInfo, add_document, load_manifest, remove_document
from index.encoder import HashingEncoder
from index.extract import ExtractionError
from index.store import build_index, current_version, load_searcher
from index.update import plan_update, update_index


class CountingEncoder(HashingEncoder):
    def __init__(self) -> None:
        super().__init__()
        self.embedded: list[str] = []

    def encode_passages(self, texts, *, show_progress=False):
        self.embedded += texts
        return super().encode_passages(texts)


def _top(index_dir, question):
    searcher, _ = load_searcher(index_dir, HashingEncoder())
    hits = searcher.search(question, k=1)
    return hits[0].chunk if hits else None


def test_add_change_remove_cycle(small_corpus, tmp_path):
    index_dir = tmp_path / "index"
    build_index(small_corpus, index_dir, HashingEncoder())
    new = tmp_path / "remittances.txt"
    new.write_text("Remittances to Ecuador grew in 2010 according to the quarterly remittance bulletin.\n")

    add_document(small_corpus, new, DocumentInfo(file="remittances.txt", title="Remittance bulletin", short="Bulletin"))
    assert plan_update(small_corpus, index_dir, HashingEncoder()).added == ["remittances.txt"]
    encoder = CountingEncoder()
    result = update_index(small_corpus, index_dir, encoder)
    # the new passage and its one sentence, nothing of the other documents
    assert result.embedded_chunks == 1 and all("Remittances" in text for text in encoder.embedded)
    assert len(encoder.embedded) == 2
    assert result.reused_chunks > 10
    assert _top(index_dir, "quarterly remittance bulletin Ecuador").doc == "remittances.txt"

    new.write_text("Remittances to Ecuador fell in 2011 because of the crisis in Spain.\n")
    add_document(
        small_corpus,
        new,
        DocumentInfo(file="remittances.txt", title="Remittance bulletin", short="Bulletin"),
        replace=True,
    )
    encoder = CountingEncoder()
    result = update_index(small_corpus, index_dir, encoder)
    assert result.plan.changed == ["remittances.txt"] and len(encoder.embedded) == 2
    assert all("crisis in Spain" in text for text in encoder.embedded)
    assert "crisis in Spain" in _top(index_dir, "remittances Ecuador crisis Spain").text

    remove_document(small_corpus, "remittances.txt")
    encoder = CountingEncoder()
    result = update_index(small_corpus, index_dir, encoder)
    assert result.plan.removed == ["remittances.txt"] and result.embedded_chunks == 0 and not encoder.embedded
    searcher, _ = load_searcher(index_dir, HashingEncoder())
    assert all(chunk.doc != "remittances.txt" for chunk in searcher.chunks)
    assert not (small_corpus / "remittances.txt").exists()


def test_changed_metadata_reindexes_that_document_only(small_corpus, tmp_path):
    index_dir = tmp_path / "index"
    build_index(small_corpus, index_dir, HashingEncoder())
    from index.corpus import write_manifest

    documents = load_manifest(small_corpus)
    documents[1] = documents[1].model_copy(update={"short": "Renamed Report"})
    write_manifest(small_corpus, documents)
    result = update_index(small_corpus, index_dir, CountingEncoder())
    assert result.plan.changed == ["mini-report.txt"] and result.plan.unchanged == ["mini-program.txt"]
    assert load_manifest(small_corpus)[1].short == "Renamed Report"


def test_nothing_to_do_and_model_change_forces_full_rebuild(small_corpus, tmp_path):
    index_dir = tmp_path / "index"
    build_index(small_corpus, index_dir, HashingEncoder())
    assert not plan_update(small_corpus, index_dir, HashingEncoder()).has_work
    plan = plan_update(small_corpus, index_dir, HashingEncoder(dimension=128))
    assert plan.full_rebuild and "model changed" in plan.full_rebuild


def test_kill_mid_update_keeps_old_index_and_next_update_finishes(small_corpus, tmp_path):
    index_dir = tmp_path / "index"
    build_index(small_corpus, index_dir, HashingEncoder())
    serving = current_version(index_dir)
    extra = tmp_path / "extra.txt"
    extra.write_text("The Caribbean migration observatory published its first bulletin.\n")
    add_document(small_corpus, extra, DocumentInfo(file="extra.txt", title="Observatory", short="Observatory"))

    class KilledWhileWriting(HashingEncoder):
        def encode_passages(self, texts, *, show_progress=False):
            raise KeyboardInterrupt("kill -INT")

    with pytest.raises(KeyboardInterrupt):
        update_index(small_corpus, index_dir, KilledWhileWriting())
    assert current_version(index_dir) == serving
    assert _top(index_dir, "Caribbean migration observatory bulletin").doc != "extra.txt"

    # A kill after the new folder was partly written: the folder is swept, the update completes.
    (index_dir / "v29990101T000000-dead00").mkdir()
    result = update_index(small_corpus, index_dir, HashingEncoder())
    assert result.plan.added == ["extra.txt"]
    assert _top(index_dir, "Caribbean migration observatory bulletin").doc == "extra.txt"
    assert not (index_dir / "v29990101T000000-dead00").exists()


def _pdf(text: str | None, *, encrypt: bool = False) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=300)
    if text is not None:
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 20 200 Td ({text}) Tj ET".encode())
        page[NameObject("/Contents")] = writer._add_object(stream)
    if encrypt:
        writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_and_docx_become_documents(small_corpus, tmp_path):
    import docx

    pdf = tmp_path / "Resolution on migrant children.pdf"
    pdf.write_bytes(_pdf("Unaccompanied migrant children need protection."))
    info, text = prepare_document(pdf, small_corpus)
    assert "Unaccompanied migrant children" in text and info.file == "resolution-on-migrant-children.pdf"

    document = docx.Document()
    document.core_properties.title = "Work Plan of the CAM 2021"
    document.add_paragraph("I. OBJECTIVES")
    document.add_paragraph("The CAM will meet on March 3, 2021 to review the Program.")
    path = tmp_path / "plan.docx"
    document.save(path)
    info, text = prepare_document(path, small_corpus)
    assert info.title == "Work Plan of the CAM 2021" and info.kind == "work_plan"
    assert "review the Program" in text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.pdf", "blank-pdf", "has no text"),
        ("locked.pdf", "encrypted-pdf", "encrypted"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
        ("broken.docx", b"PK not a zip", "not a readable DOCX"),
        ("empty.txt", b"", "is empty"),
        ("table.xlsx", b"data", "unsupported file type"),
    ],
)
def test_bad_files_are_refused_with_the_reason(small_corpus, tmp_path, name, content, message):
    if content == "blank-pdf":
        content = _pdf(None)
    elif content == "encrypted-pdf":
        content = _pdf("secret text", encrypt=True)
    path = tmp_path / name
    path.write_bytes(content)
    before = (small_corpus / "manifest.toml").read_text()
    with pytest.raises(ExtractionError, match=message):
        prepare_document(path, small_corpus)
    assert (small_corpus / "manifest.toml").read_text() == before


def test_file_over_the_size_limit_is_refused(tmp_path):
    from index.extract import extract_text

    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(ExtractionError, match="limit"):
        extract_text(path, max_bytes=1024)


def test_cli_adds_and_removes_through_the_same_services_as_the_chat(small_corpus, tmp_path, monkeypatch, capsys):
    from bot.cli import main
    from bot.config import Settings
    from bot.services import build_services

    monkeypatch.setenv("MIGRANTSBOT_CORPUS_DIR", str(small_corpus))
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MIGRANTSBOT_EMBEDDING_MODEL", "hashing")
    note = tmp_path / "Andean note.txt"
    note.write_text("The Andean migration card was adopted by the member countries in 2002.\n", encoding="utf-8")

    assert main(["corpus", "add", str(note), "--title", "Andean migration card note", "--date", "2002-06-01"]) == 0
    out = capsys.readouterr().out
    assert "Added andean-note.txt" in out and "Embedded" in out
    services = build_services(Settings(_env_file=None))
    hits = services.searcher.search("Andean migration card adopted", k=1)
    assert hits[0].chunk.doc == "andean-note.txt" and hits[0].chunk.title == "Andean migration card note"
    services.close()

    assert main(["corpus", "remove", "andean-note.txt"]) == 0
    assert "Removed andean-note.txt" in capsys.readouterr().out
    services = build_services(Settings(_env_file=None))
    assert all(chunk.doc != "andean-note.txt" for chunk in services.searcher.chunks)
    assert "andean-note.txt" not in {doc.file for doc in services.documents()}
    services.close()
