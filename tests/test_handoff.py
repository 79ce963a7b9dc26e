"""A way to a human, through the real Application: 👎 → why → the user's words → 🙋 → the
maintainers → a maintainer's reply → the user (and back), across restarts; /stats counts it."""

from __future__ import annotations

import pytest

from bot import handoffs
from bot.database import open_store
from bot.texts import t
from tests.conftest import ADMIN_ID
from tests.fakebot import Harness, buttons, callback_update, decoded, message_update, reply_update, running_bot

USER = 60
GROUP = -100777


@pytest.fixture
async def chat(settings, services):
    async with running_bot(settings, services) as harness:
        yield harness


async def _restart(chat: Harness) -> None:
    """A new Application on what persistence wrote, and a database opened afresh."""
    await chat.crash()
    chat.services.store.close()
    chat.services.store = open_store(chat.settings)
    await chat.start()


async def _ask_and_down_vote(chat: Harness, question: str = "activity 9", lang: str = "pt") -> int:
    await chat.send(message_update(question, user_id=USER, lang=lang))
    answer = chat.api.last_message(USER)
    question_id = int(next(b for b in chat.buttons() if b.startswith("fb:")).split(":")[1])
    await chat.send(callback_update(f"fb:{question_id}:-1", user_id=USER, lang=lang, message_text=answer["text"]))
    return question_id


def _to(chat: Harness, chat_id: int) -> list[str]:
    return [params["text"] for params in chat.api.sent() if int(params["chat_id"]) == chat_id]


async def test_thumbs_down_reason_handoff_and_reply_reach_the_user_across_restarts(chat):
    question_id = await _ask_and_down_vote(chat)
    assert chat.alert() == t("pt", "ask.thanks") and chat.last() == t("pt", "feedback.why")
    assert chat.buttons() == [f"fbr:{question_id}:{reason}" for reason in handoffs.REASONS]

    await chat.send(callback_update(f"fbr:{question_id}:incomplete", user_id=USER, lang="pt"))
    noted = chat.api.sent("editMessageText")[-1]
    assert noted["text"] == t("pt", "feedback.noted", reason="Incompleta") and buttons(noted) == [f"hand:{question_id}"]
    prompt = chat.api.last_message(USER)
    assert prompt["text"] == t("pt", "feedback.comment_prompt")
    assert decoded(chat.api.sent()[-1]["reply_markup"])["force_reply"] is True

    await _restart(chat)
    await chat.send(reply_update("Falta o prazo para os relatórios.", prompt, user_id=USER, lang="pt"))
    assert chat.last() == t("pt", "feedback.comment_thanks")  # the words, not a new question
    assert chat.services.store.db["questions"].count == 1

    await chat.send(callback_update(f"hand:{question_id}", user_id=USER, lang="pt"))
    (to_maintainer,) = _to(chat, ADMIN_ID)
    assert "#handoff1" in to_maintainer and "activity 9" in to_maintainer and "(Português)" in to_maintainer
    assert "due process" in to_maintainer  # the answer they saw
    assert "Incomplete" in to_maintainer and "Falta o prazo para os relatórios." in to_maintainer
    assert chat.last() == t("pt", "handoff.sent", id=1)
    await chat.send(callback_update(f"hand:{question_id}", user_id=USER, lang="pt"))  # a second tap
    assert chat.alert() == t("pt", "handoff.already", id=1) and len(_to(chat, ADMIN_ID)) == 1

    await _restart(chat)
    hand_off = chat.api.last_message(ADMIN_ID)
    await chat.send(reply_update("O prazo é 31 de março.", hand_off, user_id=ADMIN_ID))
    framed = chat.api.last_message(USER)
    assert framed["text"].startswith("💬 <b>A Secretaria da OEA responde à sua pergunta</b> “activity 9”")
    assert "O prazo é 31 de março." in framed["text"]
    assert chat.last() == t("en", "handoff.delivered", id=1)  # told to the maintainer who replied
    assert chat.services.store.db["questions"].count == 1  # a reply to a hand-off is not a question
    assert handoffs.handoff(chat.services.store, 1).status == "answered"

    await _restart(chat)
    await chat.send(reply_update("Obrigado! E para 2027?", framed, user_id=USER, lang="pt"))
    assert chat.last() == t("pt", "handoff.user_message_sent", id=1)
    follow_up = chat.api.last_message(ADMIN_ID)
    assert "#handoff1" in follow_up["text"] and "Obrigado! E para 2027?" in follow_up["text"]
    assert handoffs.handoff(chat.services.store, 1).status == "open"
    await chat.send(reply_update("Também 31 de março.", follow_up, user_id=ADMIN_ID))
    assert "Também 31 de março." in chat.api.last_message(USER)["text"]
    thread = [(m["sender"], m["text"]) for m in handoffs.thread(chat.services.store, 1)]
    assert [sender for sender, _ in thread] == ["secretariat", "user", "secretariat"]

    await chat.send(message_update("/stats", user_id=ADMIN_ID))
    assert "Why 👎: Incomplete 1" in chat.last() and "Hand-offs to the Secretariat: 0 open, 1 answered" in chat.last()


async def test_handoffs_go_to_the_maintainers_chat_when_one_is_set(chat, settings):
    settings.maintainers_chat_id = GROUP
    question_id = await _ask_and_down_vote(chat, "¿Qué dice la actividad 27?", lang="es")
    await chat.send(callback_update(f"fbr:{question_id}:wrong_source", user_id=USER, lang="es"))
    await chat.send(callback_update(f"hand:{question_id}", user_id=USER, lang="es"))
    assert _to(chat, ADMIN_ID) == [] and "#handoff1" in _to(chat, GROUP)[0] and "Wrong source" in _to(chat, GROUP)[0]
    member = 4321  # anyone in the maintainers' chat may answer
    await chat.send(reply_update("Vea la resolución AG/RES. 2883.", chat.api.last_message(GROUP), user_id=member))
    framed = chat.api.last_message(USER)["text"]
    assert "La Secretaría de la OEA responde a su pregunta" in framed and "AG/RES. 2883" in framed
    await chat.send(message_update("/stats", user_id=ADMIN_ID))
    assert "Why 👎: Wrong source 1" in chat.last()


async def test_only_the_asker_gives_reasons_and_hands_off(chat):
    question_id = await _ask_and_down_vote(chat)
    await chat.send(callback_update(f"fbr:{question_id}:other", user_id=USER + 1))
    assert chat.alert() == t("en", "ask.not_yours")
    await chat.send(callback_update(f"hand:{question_id}", user_id=USER + 1))
    assert chat.alert() == t("en", "ask.not_yours") and chat.services.store.db["handoffs"].count == 0
    for stale in (f"fbr:{question_id}:angry", "fbr:x:other", "hand:", "fb:1:0"):
        await chat.send(callback_update(stale, user_id=USER))
        assert chat.alert() == t("en", "button.stale"), stale


async def test_a_second_thumbs_down_does_not_ask_again(chat):
    question_id = await _ask_and_down_vote(chat)
    asked = len(chat.texts())
    await chat.send(callback_update(f"fb:{question_id}:-1", user_id=USER, lang="pt"))
    assert len(chat.texts()) == asked


async def test_with_nobody_to_hand_to_no_handoff_is_offered_or_kept(chat, settings):
    settings.admin_ids = []
    question_id = await _ask_and_down_vote(chat)
    await chat.send(callback_update(f"fbr:{question_id}:incomplete", user_id=USER, lang="pt"))
    assert buttons(chat.api.sent("editMessageText")[-1]) == []
    await chat.send(callback_update(f"hand:{question_id}", user_id=USER, lang="pt"))  # an old button
    assert chat.alert() == t("pt", "handoff.unavailable") and chat.services.store.db["handoffs"].count == 0


async def test_a_user_who_blocked_the_bot_leaves_the_handoff_open(chat):
    question_id = await _ask_and_down_vote(chat, lang="en")
    await chat.send(callback_update(f"fbr:{question_id}:not_asked", user_id=USER))
    await chat.send(callback_update(f"hand:{question_id}", user_id=USER))
    chat.api.blocked_by.add(USER)
    await chat.send(reply_update("Here is the answer.", chat.api.last_message(ADMIN_ID), user_id=ADMIN_ID))
    assert chat.last() == t("en", "handoff.not_delivered", id=1)
    assert handoffs.handoff(chat.services.store, 1).status == "open"


async def test_replies_to_other_messages_are_questions_and_stickers_are_not_passed_on(chat):
    question_id = await _ask_and_down_vote(chat, lang="en")
    await chat.send(reply_update("activity 22", chat.api.last_message(USER), user_id=USER))  # the 'why' message
    assert "trafficking in persons" in chat.last()
    await chat.send(callback_update(f"fbr:{question_id}:incomplete", user_id=USER))
    await chat.send(callback_update(f"hand:{question_id}", user_id=USER))
    sticker = reply_update(None, chat.api.last_message(ADMIN_ID), user_id=ADMIN_ID)
    sticker["message"]["sticker"] = {
        "file_id": "s",
        "file_unique_id": "s",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
    await chat.send(sticker)
    assert chat.last() == t("en", "handoff.text_only")
    assert handoffs.handoff(chat.services.store, 1).status == "open"


async def test_a_refusal_offers_the_secretariat_at_once(chat, settings):
    await chat.send(message_update("Quxbaz flimflam zorbled?", user_id=USER, lang="fr"))
    refusal = chat.api.last_message(USER)
    assert "Les documents ne traitent pas" in refusal["text"] and chat.buttons() == ["hand:1"]
    await chat.send(callback_update("hand:1", user_id=USER, lang="fr", message_text=refusal["text"]))
    assert chat.last() == t("fr", "handoff.sent", id=1)
    assert chat.api.sent("editMessageReplyMarkup")  # the 🙋 is taken off the refusal
    to_maintainer = _to(chat, ADMIN_ID)[-1]
    assert "Quxbaz flimflam zorbled?" in to_maintainer and t("en", "handoff.refused") in to_maintainer
    assert "Les documents ne traitent pas" in to_maintainer  # what they were told
    settings.admin_ids = []
    await chat.send(message_update("Zorbled quxbaz again?", user_id=USER, lang="fr"))
    assert chat.buttons() == []  # nobody to hand it to: no button
