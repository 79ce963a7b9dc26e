"""The weekly digest through the real Application: paraphrases of one unanswered question grouped
with their count, 👎 with reasons, open hand-offs with a button to answer them; sent once per week
across a restart, never when there is nothing to say, and nothing lost when Telegram answers
400/403/429/5xx; /digest on demand and /digest weekly to schedule it."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import digest, handoffs
from bot.database import open_store
from bot.digest import WEEKDAYS, cluster
from bot.texts import t
from handlers.digest import send_weekly_digest
from tests.conftest import ADMIN_ID, make_settings
from tests.fakebot import Harness, buttons, callback_update, message_update, reply_update, running_bot

USER = 80
DARIEN = [
    "How many migrants crossed the Darien Gap in 2023?",
    "how many migrants crossed the Darién Gap in 2023",
    "How many migrants crossed the Darien gap during 2023?",
]
OTHER = "Who won the 2022 football World Cup?"


def _today_at_midnight() -> str:
    """A schedule whose time this week has passed: today, 00:00 (UTC)."""
    return f"{WEEKDAYS[dt.datetime.now(dt.UTC).weekday()]} 00:00"


@pytest.fixture
def weekly_settings(tmp_path):
    return make_settings(tmp_path, digest=_today_at_midnight())


@pytest.fixture
async def chat(weekly_settings, services):
    services.settings = weekly_settings
    async with running_bot(weekly_settings, services) as harness:
        yield harness


def _log_week(store) -> dict[str, int]:
    ids = {}
    for question in [*DARIEN, OTHER]:
        ids[question] = store.log_question(
            user_id=USER, question=question, lang="en", found=False, kind="not_found", latency_ms=3
        )
    down = store.log_question(
        user_id=USER, question="activity 9", lang="pt", found=True, kind="catalogue", latency_ms=3
    )
    handoffs.down_vote(store, down, USER, "the answer shown")
    handoffs.set_reason(store, down, USER, "incomplete")
    handoffs.set_comment(store, down, USER, "Falta o prazo.")
    ids["handoff"] = handoffs.open_handoff(store, down, USER, USER, "pt")[0].id
    return ids


def _to(chat: Harness, chat_id: int) -> list[dict]:
    return [params for params in chat.api.sent() if int(params["chat_id"]) == chat_id]


async def test_the_digest_groups_paraphrases_and_is_sent_once_a_week_across_a_restart(chat, services):
    ids = _log_week(services.store)
    period = await send_weekly_digest(chat.application, services)
    (sent,) = _to(chat, ADMIN_ID)
    text = sent["text"]
    assert text.startswith("📋 <b>The week for the Secretariat</b>")
    assert t("en", "digest.unanswered", count=4, groups=2) in text
    assert f"{t('en', 'digest.group', n=1, count=3)}\n   English: “{DARIEN[-1]}”" in text  # the latest example
    assert f"{t('en', 'digest.group', n=2, count=1)}\n   English: “{OTHER}”" in text
    assert "“activity 9”: Incomplete — Falta o prazo." in text
    assert f"#handoff{ids['handoff']}" in text
    assert buttons(sent) == [f"cuq:{ids[DARIEN[-1]]}", f"cuq:{ids[OTHER]}", f"dho:{ids['handoff']}"]

    assert await send_weekly_digest(chat.application, services) is None  # this week's is sent
    await chat.crash()  # a restart: a new Application, the database opened afresh
    services.store.close()
    services.store = open_store(chat.settings)
    await chat.start()
    assert await send_weekly_digest(chat.application, services) is None
    assert len(_to(chat, ADMIN_ID)) == 1
    with services.store.read() as db:
        assert [(row["period"], row["outcome"]) for row in db["digest_periods"].rows] == [(period, "sent")]

    # the ✍ under a group leads to the prompt for its answer
    await chat.send(callback_update(f"cuq:{ids[DARIEN[-1]]}", user_id=ADMIN_ID))
    assert chat.last() == t("en", "curate.prompt", question=DARIEN[-1])
    # the hand-off's button shows it again, to reply to
    await chat.send(callback_update(f"dho:{ids['handoff']}", user_id=ADMIN_ID))
    shown = chat.api.last_message(ADMIN_ID)
    assert f"#handoff{ids['handoff']}" in shown["text"]
    await chat.send(reply_update("O prazo é 31 de março.", shown, user_id=ADMIN_ID))
    assert "O prazo é 31 de março." in _to(chat, USER)[-1]["text"]


async def test_an_empty_week_says_nothing(chat, services):
    period = await send_weekly_digest(chat.application, services)
    assert period is not None and chat.api.sent() == []
    assert await send_weekly_digest(chat.application, services) is None
    with services.store.read() as db:
        assert [row["outcome"] for row in db["digest_periods"].rows] == ["empty"]


async def test_not_due_before_its_time_and_off_when_asked(chat, services):
    _log_week(services.store)
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    services.settings.digest = f"{WEEKDAYS[tomorrow.weekday()]} 23:59"
    if tomorrow.weekday() == 0:  # tomorrow is next week: this week's time is Monday of this week
        services.settings.digest = f"{WEEKDAYS[6]} 23:59"
    assert await send_weekly_digest(chat.application, services) is None
    services.settings.digest = ""
    assert await send_weekly_digest(chat.application, services) is None
    assert chat.api.sent() == []


@pytest.mark.parametrize("status", [429, 500, 502, 403, 400])
async def test_telegram_errors_lose_no_digest_and_never_double_it(chat, services, status):
    _log_week(services.store)
    chat.api.fail_next("sendMessage", status, chat_id=ADMIN_ID)
    await send_weekly_digest(chat.application, services)
    await send_weekly_digest(chat.application, services)  # the next check
    await send_weekly_digest(chat.application, services)
    delivered = [p for p in _to(chat, ADMIN_ID) if "The week for the Secretariat" in p["text"]]
    # every try is a call; what reached the maintainer is the calls Telegram accepted
    accepted = len(delivered) - 1
    if status in (403, 400):  # refused: given up for the week, not retried every few minutes
        assert accepted == 0 and len(delivered) == 1
    else:  # 429 waited for by the flood limiter; 5xx tried again at the next check
        assert accepted == 1 and len(delivered) == 2
    with services.store.read() as db:
        assert [row["outcome"] for row in db["digest_periods"].rows] == ["sent"]


async def test_the_maintainers_chat_gets_it_and_digest_commands(tmp_path, services):
    settings = make_settings(tmp_path, digest=_today_at_midnight(), maintainers_chat_id=-100555)
    services.settings = settings
    async with running_bot(settings, services) as chat:
        _log_week(services.store)
        await send_weekly_digest(chat.application, services)
        assert [p["chat_id"] for p in chat.api.sent()] == [-100555]  # the group, not each maintainer

        await chat.send(message_update("/digest", user_id=ADMIN_ID))
        assert chat.last().startswith("📋 <b>The week for the Secretariat</b>")
        await chat.send(message_update("/digest", user_id=USER))
        assert chat.last() == t("en", "guard.maintainers_only")
        await chat.send(message_update("/digest weekly tue 08:30", user_id=ADMIN_ID))
        assert chat.last() == t("en", "digest.scheduled", when="tue 08:30", zone="UTC")
        assert digest.schedule(services.store, settings.digest).text == "tue 08:30"
        await chat.send(message_update("/digest weekly", user_id=ADMIN_ID))
        assert "tue 08:30" in chat.last()
        await chat.send(message_update("/digest weekly someday", user_id=ADMIN_ID))
        assert chat.last() == t("en", "digest.usage")
        await chat.send(message_update("/digest weekly off", user_id=ADMIN_ID))
        assert chat.last() == t("en", "digest.stopped") and digest.schedule(services.store, settings.digest) is None


def test_clustering_merges_while_the_average_similarity_reaches_the_threshold():
    import numpy as np

    vectors = np.array([[1, 0, 0], [0.96, 0.28, 0], [0.9, 0.0, 0.436], [0, 1, 0], [0, 0, 1]], dtype="float32")
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    assert cluster(vectors, 0.85) == [[0, 1, 2], [3], [4]]
    assert cluster(vectors, 0.999) == [[0], [1], [2], [3], [4]]
    assert cluster(vectors[:0], 0.5) == []
