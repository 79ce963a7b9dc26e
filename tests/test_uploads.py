"""Uploads: each preview adds its own document, names never collide, nothing stays staged, success is checked."""

from __future__ import annotations

import os
import time

import pytest

from bot.reporting import registry, reports
from bot.reporting.reports import ProgramRef, ReportDraft
from bot.services import build_services
from bot.texts import t
from handlers.jobs import remove_old_uploads
from index.corpus import load_manifest
from index.encoder import HashingEncoder
from tests.conftest import ADMIN_ID, make_settings
from tests.fakebot import buttons, callback_update, document_update, running_bot

SECOND_ADMIN = 998
NOTE = b"The Caribbean Migration Observatory was launched in Port of Spain in 2021 to share migration data.\n"
OTHER = b"The Andean migration card was adopted by the Andean Community in 2002 for travel between members.\n"


@pytest.fixture
async def docbot(tmp_path, small_corpus):
    settings = make_settings(tmp_path, corpus_dir=small_corpus)
    services = build_services(settings, encoder=HashingEncoder())
    registry.add_maintainer(services.store, SECOND_ADMIN)
    async with running_bot(settings, services) as harness:
        yield harness
    services.store.close()


def _staged(bot) -> list[str]:
    uploads = bot.settings.data_dir / "uploads"
    return sorted(path.name for path in uploads.iterdir()) if uploads.exists() else []


async def _upload(bot, file_id: str, name: str, content: bytes, *, user_id: int = ADMIN_ID, caption=None) -> list[str]:
    bot.api.files[file_id] = content
    await bot.send(document_update(file_id, name, len(content), user_id=user_id, caption=caption))
    return buttons(bot.api.sent()[-1])


async def test_add_under_an_earlier_preview_adds_that_document(docbot):
    first_add, _ = await _upload(docbot, "a", "observatory.txt", NOTE)
    second_add, second_cancel = await _upload(docbot, "b", "andean.txt", OTHER)
    await docbot.send(callback_update(first_add, user_id=ADMIN_ID))
    files = {doc.file for doc in load_manifest(docbot.settings.corpus_dir)}
    assert "observatory.txt" in files and "andean.txt" not in files
    assert len(_staged(docbot)) == 1  # the second still waits for its answer
    await docbot.send(callback_update(second_add, user_id=ADMIN_ID))
    assert "andean.txt" in {doc.file for doc in load_manifest(docbot.settings.corpus_dir)}
    assert _staged(docbot) == []
    await docbot.send(callback_update(second_cancel, user_id=ADMIN_ID))  # too late: already added
    assert docbot.alert() == t("en", "doc.nothing_pending")


async def test_two_maintainers_adding_at_once_both_get_their_document(docbot):
    first, _ = await _upload(docbot, "a", "note.txt", NOTE)
    second, _ = await _upload(docbot, "b", "note.txt", OTHER, user_id=SECOND_ADMIN)  # same name, other content
    docbot.api.latency = 0.005
    await docbot.deliver(callback_update(first, user_id=ADMIN_ID), callback_update(second, user_id=SECOND_ADMIN))
    files = {doc.file for doc in load_manifest(docbot.settings.corpus_dir)}
    assert {"note.txt", "note-2.txt"} <= files
    indexed = {chunk.doc for chunk in docbot.services.searcher.chunks}
    assert {"note.txt", "note-2.txt"} <= indexed
    assert sum(text.startswith("Added") for text in docbot.texts()) == 2


async def test_an_upload_cannot_take_the_name_of_a_generated_report(docbot):
    store = docbot.services.store
    await _upload(docbot, "a", "Focal report 1.txt", NOTE)
    add, _ = buttons(docbot.api.sent()[-1])
    assert "document-focal-report-1.txt" in docbot.last()
    await docbot.send(callback_update(add, user_id=ADMIN_ID))
    draft = ReportDraft(
        actor_id="IIN",
        ref=ProgramRef(kind="activity", number=15),
        kind="carried_out",
        period="March 2025",
        description="The IIN trained 200 border officials on unaccompanied children in Darién in 2025.",
    )
    reports.submit_report(store, draft, 11, review=False)  # approved at once
    docbot.services.publish_reports()  # report #1 beside the upload: no clash
    indexed = {chunk.doc for chunk in docbot.services.searcher.chunks}
    assert {"document-focal-report-1.txt", "focal-report-1.txt"} <= indexed
    build_services(docbot.settings, encoder=HashingEncoder()).store.close()  # and a restart starts


async def test_a_file_put_in_the_corpus_folder_under_a_reserved_name_is_left_out_with_the_reason(docbot):
    (docbot.settings.corpus_dir / "focal-report-7.txt").write_bytes(NOTE)
    result = docbot.services.update_index()
    assert any("reserved for focal points' reports" in (found.error or "") for found in result.new_files)
    assert "focal-report-7.txt" not in {doc.file for doc in load_manifest(docbot.settings.corpus_dir)}


async def test_a_bad_caption_date_is_explained_in_the_maintainers_language(docbot):
    await _upload(docbot, "a", "note.txt", NOTE, caption="date: 2021-13-45")
    docbot.api.files["b"] = NOTE
    await docbot.send(
        document_update("b", "note.txt", len(NOTE), user_id=SECOND_ADMIN, caption="date: soon", lang="es")
    )
    for text in docbot.texts():
        assert "pydantic" not in text and "Input should be" not in text and "validation error" not in text
    english, spanish = docbot.texts()
    assert t("en", "doc.bad_date", name="note.txt", value="2021-13-45") in english
    assert t("es", "doc.bad_date", name="note.txt", value="soon") in spanish
    assert _staged(docbot) == []


def _malformed_docx() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types><Override")
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>unclosed")
    return buffer.getvalue()


async def test_staged_uploads_are_cleaned_after_a_refusal_and_after_a_day(docbot):
    await _upload(docbot, "bad", "broken.pdf", b"%PDF-1.4 nope")
    assert "not a readable PDF" in docbot.last() and _staged(docbot) == []
    await _upload(docbot, "xml", "Annex.docx", _malformed_docx())
    assert "Annex.docx" in docbot.last() and "Not added" in docbot.last() and _staged(docbot) == []
    await _upload(docbot, "a", "note.txt", NOTE)  # previewed, never answered
    (staged,) = _staged(docbot)
    uploads = docbot.settings.data_dir / "uploads"
    assert remove_old_uploads(uploads) == 0
    day_old = time.time() - 25 * 3600
    os.utime(uploads / staged, (day_old, day_old))
    assert remove_old_uploads(uploads) == 1 and _staged(docbot) == []


async def test_a_document_that_is_not_indexed_is_not_reported_as_added(docbot, monkeypatch):
    add, _ = await _upload(docbot, "a", "note.txt", NOTE)
    from index import update as index_update
    from index.extract import ExtractionError

    real = index_update.chunk_one

    def unreadable_now(folder, document):
        if document.file == "note.txt":
            raise ExtractionError("note.txt: the disk returned garbage")
        return real(folder, document)

    monkeypatch.setattr(index_update, "chunk_one", unreadable_now)
    await docbot.send(callback_update(add, user_id=ADMIN_ID))
    assert "Added" not in docbot.last() and "the disk returned garbage" in docbot.last()
    assert "note.txt" not in {doc.file for doc in load_manifest(docbot.settings.corpus_dir)}
    assert _staged(docbot) == []
