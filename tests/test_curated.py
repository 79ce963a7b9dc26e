"""Curated answers through the real Application: saved under a hand-off reply or with /curate,
shown first (labelled, never as document text) in the chat, inline mode and the console, edited
with versions kept, retired for good, never indexed. The cross-language match needs the real
model (`real_model`); the rest runs on the deterministic fake encoder, which matches the same
question only (it is not calibrated: see index/secretariat.json)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from bot.chat import ChatSession
from bot.config import BUNDLED_MODEL
from bot.curated import CuratedAnswers
from bot.services import build_services
from bot.texts import t
from index.encoder import load_encoder
from tests.conftest import ADMIN_ID, make_settings
from tests.fakebot import Harness, buttons, callback_update, inline_update, message_update, reply_update, running_bot

USER = 70
QUESTION = "How do delegates get the Program's documents in Portuguese?"
ANSWER = "Ask the OAS Secretariat: it sends the Portuguese versions within a week. See the Program (2016 revision)."


@pytest.fixture
async def chat(settings, services):
    async with running_bot(settings, services) as harness:
        yield harness


def _today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


async def _curate(chat: Harness, question: str, answer: str) -> None:
    await chat.send(message_update(f"/curate {question}", user_id=ADMIN_ID))
    prompt = chat.api.last_message(ADMIN_ID)
    assert prompt["text"] == t("en", "curate.prompt", question=question)
    await chat.send(reply_update(answer, prompt, user_id=ADMIN_ID))


async def test_curate_edit_and_retire_everywhere_the_answer_is_shown(chat, services):
    await _curate(chat, QUESTION, ANSWER)
    assert chat.last() == t("en", "curated.saved", id=1, version=1)
    assert services.store.db["questions"].count == 0  # the prompt's reply is not a question

    await chat.send(message_update("how do delegates get the program's documents in portuguese", user_id=USER))
    reply = chat.last()
    label = f"🏛 <b>{t('en', 'curated.label', date=_today())}</b>"
    cited = t("en", "curated.sources", sources="Program (2016 revision)")
    assert reply.startswith(f"{label}\n{ANSWER}\n<i>{cited}</i>\n\n")
    assert services.store.db["questions"].get(1)["curated_id"] == 1
    await chat.send(message_update("Como os delegados obtêm os documentos do Programa em português?", user_id=USER))
    assert "🏛" not in chat.last()  # the fake encoder matches the same question only

    await chat.send(inline_update("How do delegates get the Program's documents in Portuguese?", user_id=USER))
    (inline,) = chat.api.inline_answers()
    first = inline["results"][0]
    assert first["title"] == t("en", "curated.label", date=_today()) and ANSWER in first["description"]
    session = ChatSession(services.answerer, services.documents(), curated=services.curated)
    assert session.respond(QUESTION).startswith(f"🏛 {t('en', 'curated.label', date=_today())}\n{ANSWER}")

    await chat.send(message_update("/curated", user_id=ADMIN_ID))
    assert chat.buttons() == ["cued:1", "curet:1"] and ANSWER in chat.last()
    await chat.send(callback_update("cued:1", user_id=ADMIN_ID))
    prompt = chat.api.last_message(ADMIN_ID)
    assert prompt["text"] == t("en", "curated.edit_prompt", question=QUESTION, version=1)
    await chat.send(
        reply_update("Write to the Secretariat; the translation takes five days.", prompt, user_id=ADMIN_ID)
    )
    assert chat.last() == t("en", "curated.saved", id=1, version=2)
    assert [v["answer"] for v in services.curated.versions(1)] == [ANSWER]  # the earlier version is kept
    await chat.send(message_update(QUESTION, user_id=USER))
    assert "five days" in chat.last() and "within a week" not in chat.last()

    await chat.send(callback_update("curet:1", user_id=ADMIN_ID))
    assert chat.alert() == t("en", "curated.retired_short")
    await chat.send(message_update(QUESTION, user_id=USER))
    assert "🏛" not in chat.last()
    await chat.send(inline_update(QUESTION + " ", user_id=USER))
    assert all("curated" not in r["id"] for r in chat.api.inline_answers()[-1]["results"])
    assert session.respond(QUESTION).startswith("🏛") is False
    await chat.send(callback_update("cued:1", user_id=ADMIN_ID))  # a retired answer cannot be edited
    assert chat.alert() == t("en", "curated.gone")
    assert len(services.curated.versions(1)) == 1 and services.curated.get(1).status == "retired"

    services.publish_reports()  # nothing curated is ever a document
    assert not any("five days" in chunk.text or ANSWER in chunk.text for chunk in services.searcher.chunks)


async def test_curate_picks_from_the_unanswered_questions_and_only_maintainers_may(chat, services):
    asked = services.store.log_question(
        user_id=5, question="Who chairs the CAM in 2031?", lang="en", found=False, kind="not_found", latency_ms=1
    )
    await chat.send(message_update("/stats", user_id=ADMIN_ID))
    assert t("en", "stats.curate_hint").strip() in chat.last()
    await chat.send(message_update("/curate", user_id=ADMIN_ID))
    assert chat.buttons() == [f"cuq:{asked}"]
    await chat.send(callback_update(f"cuq:{asked}", user_id=ADMIN_ID))
    prompt = chat.api.last_message(ADMIN_ID)
    await chat.send(reply_update("The CAM elects its chair each year; 2031 is not decided.", prompt, user_id=ADMIN_ID))
    (saved,) = services.curated.active()
    assert saved.question_id == asked and saved.question == "Who chairs the CAM in 2031?" and saved.lang == "en"

    for command in ("/curate Who?", "/curated"):
        await chat.send(message_update(command, user_id=USER))
        assert chat.last() == t("en", "guard.maintainers_only")
    await chat.send(callback_update(f"curet:{saved.id}", user_id=USER))
    assert chat.alert() == t("en", "guard.maintainers_only") and services.curated.get(saved.id).status == "active"
    await chat.send(message_update("/curate Someone's question", user_id=ADMIN_ID))
    prompt = chat.api.last_message(ADMIN_ID)
    await chat.send(reply_update("An answer from no maintainer.", prompt, user_id=USER))  # not a maintainer
    assert len(services.curated.active()) == 1


@pytest.fixture(scope="module")
def real_index(tmp_path_factory, small_corpus_path):
    """The small corpus indexed once with the real bundled model."""
    data = tmp_path_factory.mktemp("real-curated")
    settings = make_settings(data, corpus_dir=small_corpus_path, embedding_model=BUNDLED_MODEL)
    build_services(settings, encoder=load_encoder(BUNDLED_MODEL)).store.close()
    return settings.index_dir


@pytest.fixture(scope="module")
def small_corpus_path(tmp_path_factory):
    from tests.conftest import SMALL_CORPUS

    target = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(SMALL_CORPUS, target)
    return target


@pytest.mark.real_model
async def test_a_handoff_reply_saved_as_curated_answers_the_same_question_in_another_language(
    tmp_path, real_index, small_corpus_path
):
    settings = make_settings(tmp_path, corpus_dir=small_corpus_path, embedding_model=BUNDLED_MODEL)
    shutil.copytree(real_index, settings.index_dir)
    services = build_services(settings, encoder=load_encoder(BUNDLED_MODEL))
    try:
        async with running_bot(settings, services) as chat:
            question = "How can my country's ministry become a focal point for the Program?"
            await chat.send(message_update(question, user_id=USER))
            question_id = int(next(b for b in chat.buttons() if b.startswith(("fb:", "hand:"))).split(":")[1])
            await chat.send(callback_update(f"hand:{question_id}", user_id=USER, message_text="…"))
            handoff = chat.api.last_message(ADMIN_ID)
            assert "#handoff1" in handoff["text"]
            answer = "The ministry of foreign affairs writes to the OAS Secretariat naming its focal point."
            await chat.send(reply_update(answer, handoff, user_id=ADMIN_ID))
            assert chat.last() == t("en", "handoff.delivered", id=1)
            (save,) = buttons(chat.api.sent()[-1])
            await chat.send(callback_update(save, user_id=ADMIN_ID))
            assert chat.last() == t("en", "curated.saved", id=1, version=1)
            curated = CuratedAnswers(services.store, lambda: services.searcher.encoder).get(1)
            assert (curated.question, curated.answer, curated.lang, curated.handoff_id) == (question, answer, "en", 1)

            await chat.send(
                message_update(
                    "¿Cómo puede el ministerio de mi país convertirse en punto focal del Programa?", user_id=71
                )
            )
            reply = chat.last()
            assert reply.startswith(f"🏛 <b>{t('es', 'curated.label', date=_today())}</b>\n")
            assert t("es", "curated.written_in", language="English") in reply and answer in reply
            await chat.send(message_update("Who is the focal point of Mexico for the Program?", user_id=72))
            assert "🏛" not in chat.last() and answer not in chat.last()
    finally:
        services.store.close()
