"""Reports into search, through the real Application: one coalesced background publisher that never
holds a worker, and a manifest.toml typo that neither stops the bot nor loses a report."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from filelock import FileLock

from bot.reporting import invitations
from bot.texts import t
from tests.conftest import ADMIN_ID, make_settings
from tests.fakebot import Harness, callback_update, message_update, running_bot

FOCAL = 611
DESCRIPTION = "Regional workshop number {n} in Panama on the protection of unaccompanied migrant children."


async def _register(bot: Harness, actor: str = "IIN", user_id: int = FOCAL) -> None:
    code = invitations.create_invitation(bot.services.store, actor)
    await bot.send(message_update(f"/register {code}", user_id=user_id))


async def _submit(bot: Harness, n: int, user_id: int = FOCAL, ref: str = "activity 15") -> None:
    await bot.send(message_update("/report", user_id=user_id))
    await bot.send(callback_update(f"ref:{ref}", user_id=user_id))
    await bot.send(callback_update("kind:carried_out", user_id=user_id))
    await bot.send(message_update("March 2025", user_id=user_id))
    await bot.send(message_update(DESCRIPTION.format(n=n), user_id=user_id))
    await bot.send(message_update("/skip", user_id=user_id))
    await bot.send(callback_update("rsub", user_id=user_id))


def _indexed_reports(bot: Harness) -> set[str]:
    return {entry.file for entry in bot.services.manifest.documents if entry.file.startswith("focal-report-")}


async def _published(bot: Harness) -> None:
    assert await asyncio.to_thread(bot.application.bot_data.publisher.wait, 120)


async def test_reports_submitted_during_a_long_index_job_hold_no_worker_and_questions_go_on(chat_bot):
    bot = chat_bot
    # A small machine's share of worker threads; an `index update` elsewhere holds the lock.
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=4))
    await _register(bot)
    elsewhere = FileLock(bot.settings.index_dir.parent / "index.lock", is_singleton=False, thread_local=False)
    elsewhere.acquire()
    try:

        async def busy_period() -> None:
            for n in range(6):
                await _submit(bot, n)
            await bot.send(message_update("What does activity 16 say?", user_id=7))

        await asyncio.wait_for(busy_period(), timeout=60)
        assert "trafficking" in bot.last()  # answered from the index as it is
        assert _indexed_reports(bot) == set()
        publisher = bot.application.bot_data.publisher
        assert publisher.pending and publisher.runs == 0
    finally:
        elsewhere.release()
    await _published(bot)
    assert publisher.runs <= 2  # six requests, coalesced
    bot.services.refresh()
    assert len(_indexed_reports(bot)) == 6


@pytest.fixture
async def chat_bot(settings, services):
    settings.review_reports = False  # the publisher is tested here: reports approved as submitted
    async with running_bot(settings, services) as harness:
        yield harness


async def test_a_typo_in_the_manifest_keeps_the_last_index_serving_and_says_where(tmp_path, small_corpus, caplog):
    from bot.services import build_services
    from index.encoder import HashingEncoder

    settings = make_settings(tmp_path, corpus_dir=small_corpus, maintainers_chat_id=-100777, review_reports=False)
    build_services(settings, encoder=HashingEncoder()).close()  # a valid index on disk
    manifest = small_corpus / "manifest.toml"
    good = manifest.read_text(encoding="utf-8")
    manifest.write_text(good.replace("[[document]]", "[[document]\n", 1), encoding="utf-8")  # a typo on line 1…

    services = build_services(settings, encoder=HashingEncoder())  # …stops nothing
    async with running_bot(settings, services, clear=False) as bot:
        told = [p["text"] for p in bot.api.sent() if int(p["chat_id"]) == -100777]
        assert len(told) == 1 and "manifest.toml" in told[0] and "line" in told[0]

        await bot.send(message_update("/sources", user_id=7))
        assert "Mini Program" in bot.texts()[-1] or "mini" in bot.texts()[-1].lower()
        for command in ("/sources", "/remove", "/reindex"):
            await bot.send(message_update(command, user_id=ADMIN_ID))
            assert "manifest.toml" in bot.last() and "line" in bot.last(), command
        await bot.send(message_update("/export 2025 en", user_id=ADMIN_ID))
        assert bot.api.sent("sendDocument")
        assert t("en", "error.sorry") not in bot.texts()

        await _register(bot)
        await _submit(bot, 1, ref="other")  # the small corpus has its own activities
        assert "Report #1 saved" in bot.texts()[-1]
        publisher = bot.application.bot_data.publisher
        for _ in range(200):
            if publisher.problem:
                break
            await asyncio.sleep(0.05)
        assert "manifest.toml" in publisher.problem  # waiting, not dropped
        manifest.write_text(good, encoding="utf-8")  # fixed: published with nothing else to do
        (watch,) = bot.application.job_queue.get_jobs_by_name("watch_index")
        await watch.run(bot.application)  # the job that runs every two seconds
        await _published(bot)
        bot.services.refresh()
        assert _indexed_reports(bot) == {"focal-report-1.txt"}
    services.close()


async def test_a_report_not_yet_published_when_the_bot_stopped_is_published_at_the_next_start(
    settings, services, monkeypatch
):
    settings.review_reports = False  # approved as submitted: what is tested is the publishing
    async with running_bot(settings, services) as bot:
        await _register(bot)
        monkeypatch.setattr("bot.publisher.ReportPublisher.request", lambda self: None)  # killed before it ran
        await _submit(bot, 1)
        monkeypatch.undo()
    async with running_bot(settings, services) as bot:
        await _published(bot)
        bot.services.refresh()
        assert _indexed_reports(bot) == {"focal-report-1.txt"}
