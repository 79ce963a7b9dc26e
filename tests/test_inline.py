"""Inline mode through the real Application: `@bot activity 27` in any chat offers the answer and
its passages; short queries get a hint; what the documents do not cover is said so."""

from __future__ import annotations

from bot.texts import t
from tests.fakebot import inline_update


async def test_an_inline_query_offers_the_answer_and_its_passages(bot):
    await bot.send(inline_update("activity 27", user_id=70))
    (answered,) = bot.api.inline_answers()
    results = answered["results"]
    assert answered["is_personal"] is True and answered["button"] is None
    first, *passages = results
    assert first["title"] == t("en", "inline.answer")
    assert "identity documents" in first["input_message_content"]["message_text"]
    assert first["input_message_content"]["parse_mode"] == "HTML"
    assert passages, "the cited passages follow the answer"
    for result in passages:
        text = result["input_message_content"]["message_text"]
        assert result["type"] == "article" and result["title"] in text  # the source line heads the passage
        assert result["description"] and result["description"][:40] in text.replace("&amp;", "&")
    assert any("identity documents" in r["input_message_content"]["message_text"] for r in passages)
    assert len({r["id"] for r in results}) == len(results)


async def test_an_inline_question_in_spanish_is_framed_and_labelled_in_spanish(bot):
    await bot.send(inline_update("¿Qué dice la actividad 27 del Programa?", user_id=71, lang="es"))
    results = bot.api.inline_answers()[-1]["results"]
    assert results[0]["title"] == t("es", "inline.answer")
    assert "Según los documentos" in results[0]["input_message_content"]["message_text"]
    assert t("es", "quoted_en") in results[1]["input_message_content"]["message_text"]


async def test_empty_and_short_inline_queries_get_a_hint(bot):
    for query in ("", "  ", "27"):
        await bot.send(inline_update(query, user_id=72, lang="fr"))
        answered = bot.api.inline_answers()[-1]
        assert answered["results"] == [] and answered["button"]["text"] == t("fr", "inline.hint")
        assert answered["button"]["start_parameter"] == "inline"


async def test_an_inline_question_the_documents_do_not_cover_says_so(bot):
    await bot.send(inline_update("Quxbaz flimflam zorbled?", user_id=73))
    answered = bot.api.inline_answers()[-1]
    assert answered["results"] == [] and answered["button"]["text"] == t("en", "inline.not_found")


async def test_closed_mode_offers_no_results_to_strangers(bot, settings):
    settings.closed = True
    await bot.send(inline_update("activity 27", user_id=74))
    answered = bot.api.inline_answers()[-1]
    assert answered["results"] == [] and answered["button"]["text"] == t("en", "inline.closed")
