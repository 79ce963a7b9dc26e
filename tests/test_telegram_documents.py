"""Maintainers add, re-index and remove documents in the chat; the bot answers from the new index."""

from __future__ import annotations

import pytest

from bot.services import build_services
from bot.texts import t
from index.corpus import load_manifest
from index.encoder import HashingEncoder
from tests.conftest import ADMIN_ID, make_settings
from tests.fakebot import buttons, callback_update, document_update, message_update, running_bot

NEW_TEXT = b"The Caribbean Migration Observatory was launched in Port of Spain in 2021 to share migration data.\n"


@pytest.fixture
async def docbot(tmp_path, small_corpus):
    settings = make_settings(tmp_path, corpus_dir=small_corpus)
    services = build_services(settings, encoder=HashingEncoder())
    async with running_bot(settings, services) as harness:
        yield harness
    services.store.close()


async def test_maintainer_adds_a_document_and_it_is_searchable_without_restart(docbot):
    api, send, corpus = docbot.api, docbot.send, docbot.settings.corpus_dir
    api.files["f1"] = NEW_TEXT
    await send(
        document_update(
            "f1",
            "Observatory note.txt",
            len(NEW_TEXT),
            user_id=ADMIN_ID,
            caption="title: Caribbean Migration Observatory note; date: 2021-06-01; kind: findings",
        )
    )
    summary = api.sent()[-1]
    assert "Caribbean Migration Observatory note" in summary["text"] and "2021-06-01" in summary["text"]
    add, cancel = buttons(summary)
    assert add.startswith("doc:add:") and cancel == add.replace("add", "cancel")
    assert "observatory-note.txt" not in {d.file for d in load_manifest(corpus)}  # nothing before confirmation

    await send(callback_update(add, user_id=ADMIN_ID))
    assert "Added" in api.texts()[-1] and "passages" in api.texts()[-1]
    entry = next(d for d in load_manifest(corpus) if d.file == "observatory-note.txt")
    assert entry.kind == "findings" and str(entry.date) == "2021-06-01"

    await send(message_update("When was the Caribbean Migration Observatory launched in Port of Spain?", user_id=5))
    assert "Port of Spain in 2021" in api.texts()[-1]


async def test_cancel_adds_nothing(docbot):
    api, send, corpus = docbot.api, docbot.send, docbot.settings.corpus_dir
    api.files["f2"] = NEW_TEXT
    before = (corpus / "manifest.toml").read_text()
    await send(document_update("f2", "note.txt", len(NEW_TEXT), user_id=ADMIN_ID))
    add, cancel = buttons(api.sent()[-1])
    await send(callback_update(cancel, user_id=ADMIN_ID))
    assert "nothing was added" in api.sent("editMessageText")[-1]["text"]
    assert (corpus / "manifest.toml").read_text() == before
    assert not list((docbot.settings.data_dir / "uploads").iterdir())  # the staged copy is gone
    await send(callback_update(add, user_id=ADMIN_ID))  # the preview's Add, after its Cancel
    assert "send the document again" in api.sent("answerCallbackQuery")[-1]["text"]


async def test_non_maintainer_document_is_politely_refused(docbot):
    api, send, corpus = docbot.api, docbot.send, docbot.settings.corpus_dir
    api.files["f3"] = NEW_TEXT
    before = (corpus / "manifest.toml").read_text()
    await send(document_update("f3", "note.txt", len(NEW_TEXT), user_id=5))
    assert api.texts()[-1] == t("en", "guard.maintainers_only")
    assert "send it to the OAS Secretariat" in api.texts()[-1]
    assert not api.sent("getFile") and (corpus / "manifest.toml").read_text() == before


@pytest.mark.parametrize(
    ("name", "content", "size", "message"),
    [
        ("table.xlsx", b"x", 1, "unsupported file type"),
        ("huge.pdf", b"x", 30_000_000, "the limit is 20 MB"),
        ("empty.txt", b"", 0, "is empty"),
        ("broken.pdf", b"%PDF-1.4 nope", 13, "not a readable PDF"),
    ],
)
async def test_bad_documents_get_the_reason(docbot, name, content, size, message):
    api, send, corpus = docbot.api, docbot.send, docbot.settings.corpus_dir
    api.files["bad"] = content
    before = (corpus / "manifest.toml").read_text()
    await send(document_update("bad", name, size, user_id=ADMIN_ID))
    assert message in api.texts()[-1]
    assert (corpus / "manifest.toml").read_text() == before


async def test_reindex_shows_plan_then_runs(docbot):
    api, send, corpus = docbot.api, docbot.send, docbot.settings.corpus_dir
    await send(message_update("/reindex", user_id=ADMIN_ID))
    assert "up to date" in api.texts()[-1]
    (corpus / "mini-report.txt").write_text(
        (corpus / "mini-report.txt").read_text() + "The Andean migration card was adopted in 2002.\n"
    )
    await send(message_update("/reindex", user_id=ADMIN_ID))
    assert "1 changed" in api.texts()[-1] and "reidx:run" in buttons(api.sent()[-1])
    await send(callback_update("reidx:run", user_id=ADMIN_ID))
    assert "embedded" in api.texts()[-1]
    await send(message_update("Andean migration card adopted", user_id=5))
    assert "Andean migration card" in api.texts()[-1]


async def test_remove_with_confirmation(docbot):
    api, send, services, corpus = docbot.api, docbot.send, docbot.services, docbot.settings.corpus_dir
    await send(message_update("/remove", user_id=ADMIN_ID))
    choices = buttons(api.sent()[-1])
    assert len(choices) == 2
    report_key = choices[1]
    await send(callback_update(report_key, user_id=ADMIN_ID))
    confirm = buttons(api.sent()[-1])
    assert confirm[0].startswith("rmyes:")
    await send(callback_update(confirm[0], user_id=ADMIN_ID))
    assert "Removed Mini Report" in api.texts()[-1]
    assert [d.file for d in load_manifest(corpus)] == ["mini-program.txt"]
    assert all(c.doc != "mini-report.txt" for c in services.searcher.chunks)
    await send(callback_update(confirm[0], user_id=ADMIN_ID))  # the same button again
    assert "no longer in the corpus" in api.sent("answerCallbackQuery")[-1]["text"]


async def test_maintainer_commands_and_buttons_refused_to_others(docbot):
    api, send, corpus = docbot.api, docbot.send, docbot.settings.corpus_dir
    before = (corpus / "manifest.toml").read_text()
    await send(message_update("/reindex", user_id=5))
    await send(message_update("/remove", user_id=5, lang="es"))
    assert api.texts() == [t("en", "guard.maintainers_only"), t("es", "guard.maintainers_only")]
    await send(callback_update("reidx:run", user_id=5))
    await send(callback_update("doc:add:0123456789abcdef", user_id=5))
    alerts = api.sent("answerCallbackQuery")
    assert [a["text"] for a in alerts] == [t("en", "guard.maintainers_only")] * 2 and all(
        a["show_alert"] for a in alerts
    )
    assert (corpus / "manifest.toml").read_text() == before


async def test_index_published_elsewhere_is_picked_up_by_the_watch_job(docbot):
    """The CLI updates the index while the bot runs: the JobQueue's watcher serves the new version."""
    from index.update import update_index

    services, corpus = docbot.services, docbot.settings.corpus_dir
    (corpus / "mini-report.txt").write_text(
        (corpus / "mini-report.txt").read_text() + "Quokka migration corridors were studied.\n"
    )
    update_index(corpus, services.settings.index_dir, HashingEncoder())
    serving = services.version
    (watcher,) = docbot.application.job_queue.get_jobs_by_name("watch_index")
    await watcher.run(docbot.application)
    assert services.version != serving
    assert services.searcher.search("Quokka migration corridors", k=1)[0].chunk.doc == "mini-report.txt"
    await docbot.send(message_update("Quokka migration corridors", user_id=5))
    assert "Quokka migration corridors were studied" in docbot.last()
    assert services.refresh() is False  # nothing newer: nothing to do


async def test_the_preview_reads_a_date_in_the_text_and_asks_about_a_kind_the_title_does_not_say(docbot):
    text = b"Notes on remittance corridors\n14 May 2026\nThe Secretariat compiled the corridors' figures.\n"
    docbot.api.files["f9"] = text
    await docbot.send(document_update("f9", "corridors.txt", len(text), user_id=ADMIN_ID))
    preview = docbot.last()
    assert "Date: 2026-05-14" in preview
    assert "Kind: other (the title does not say" in preview and "work_plan" in preview
