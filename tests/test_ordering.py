"""Updates delivered in one batch (getUpdates after downtime): one user's in order, users side by side."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Update

from bot.reporting import invitations, reports
from handlers.ordering import PerUserUpdateProcessor
from tests.fakebot import Harness, callback_update, message_update, running_bot

FOCAL = 601
DESCRIPTION = "Regional workshop in Panama on the protection of unaccompanied migrant children at borders."


@pytest.fixture
async def chat(settings, services):
    async with running_bot(settings, services) as harness:
        harness.api.latency = 0.005  # a network round trip, so that concurrent handlers would interleave
        yield harness


async def _start_report(chat: Harness) -> None:
    code = invitations.create_invitation(chat.services.store, "IIN")
    await chat.send(message_update(f"/register {code}", user_id=FOCAL))
    await chat.send(message_update("/report", user_id=FOCAL))
    await chat.send(callback_update("ref:activity 15", user_id=FOCAL))
    await chat.send(callback_update("kind:carried_out", user_id=FOCAL))


async def test_a_batch_of_answers_fills_the_report_steps_in_order(chat):
    await _start_report(chat)
    chat.api.clear()
    await chat.deliver(
        message_update("March 2025", user_id=FOCAL),
        message_update(DESCRIPTION, user_id=FOCAL),
        message_update("/skip", user_id=FOCAL),
    )
    summary = chat.last()
    assert "Period: March 2025" in summary and DESCRIPTION in summary and "Link: —" in summary
    assert not any("do not know that command" in text for text in chat.texts())
    assert chat.buttons() == ["rsub", "redit", "rcancel"]


async def test_a_triple_submit_in_one_batch_saves_once_and_says_so_once(chat):
    await _start_report(chat)
    await chat.send(message_update("March 2025", user_id=FOCAL))
    await chat.send(message_update(DESCRIPTION, user_id=FOCAL))
    await chat.send(message_update("/skip", user_id=FOCAL))
    chat.api.clear()
    await chat.deliver(*(callback_update("rsub", user_id=FOCAL) for _ in range(3)))
    assert chat.services.store.db["reports"].count == 1
    assert sum("Report #1 submitted" in text for text in chat.texts()) == 1
    assert len(reports.reports_of(chat.services.store, FOCAL)) == 1


async def test_questions_of_many_users_in_one_batch_each_get_one_answer(chat):
    users = range(700, 712)
    batch = [message_update(question, user_id=u) for u in users for question in ("activity 9", "activity 16")]
    await chat.deliver(*batch)
    for u in users:
        replies = [p["text"] for p in chat.api.sent() if p["chat_id"] == u]
        assert len(replies) == 2, u
        assert "due process" in replies[0] and "trafficking" in replies[1], u  # in the order asked


def _update(update_id: int, user_id: int) -> Update:
    return Update.de_json(message_update("x", user_id=user_id, update_id=update_id), None)


async def test_one_user_waits_for_their_previous_update_while_another_user_goes_ahead():
    processor = PerUserUpdateProcessor()
    await processor.initialize()
    release, order = asyncio.Event(), []

    async def handle(name: str, wait: bool = False) -> None:
        if wait:
            await release.wait()
        order.append(name)

    slow = asyncio.create_task(processor.process_update(_update(1, 1), handle("a1", wait=True)))
    second = asyncio.create_task(processor.process_update(_update(2, 1), handle("a2")))
    other = asyncio.create_task(processor.process_update(_update(3, 2), handle("b1")))
    await asyncio.wait_for(other, 1)
    assert order == ["b1"] and not second.done()  # user 1's second update waits for the first
    release.set()
    await asyncio.wait_for(asyncio.gather(slow, second), 1)
    assert order == ["b1", "a1", "a2"] and processor.waiting == 0
    await processor.shutdown()


async def test_a_failed_update_does_not_block_the_next_one_of_the_same_user():
    processor = PerUserUpdateProcessor()
    order = []

    async def fail() -> None:
        raise RuntimeError("boom")

    async def ok() -> None:
        order.append("ok")

    first = asyncio.create_task(processor.process_update(_update(1, 1), fail()))
    second = asyncio.create_task(processor.process_update(_update(2, 1), ok()))
    results = await asyncio.gather(first, second, return_exceptions=True)
    assert isinstance(results[0], RuntimeError) and order == ["ok"]
