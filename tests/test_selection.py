"""Choosing what to quote: a list cut between two passages is still one list."""

from __future__ import annotations

from bot.answering.choose import choose, load_chooser
from bot.answering.features import LanguageWeights, QuestionWeights, score_candidates
from index.chunk import Chunk
from index.language import analyse
from index.search import SearchHit
from index.units import UnitIndex

LEAD = "In the Plan of Action, the Heads of State and Government established that governments would:"
FIRST = (
    "“Strengthen cooperation among states to address the origins and effects of migration.”\n"
    "“Promote recognition of the value of close cooperation among countries of origin and destination.”"
)
SECOND = (
    "“Commit to the widest possible exchange of information among states concerning illegal trafficking networks.”\n"
    "“Establish an inter-American program within the OAS for the protection of the human rights of migrants.”"
)


def _chunk(number: int, text: str) -> Chunk:
    return Chunk(
        id=f"plan#{number}", doc="plan", title="Plan", short="Plan", section=["Summits"], text=text, start=0, end=1
    )


def _answer(question: str, hits: list[SearchHit], passages: list[Chunk]) -> list[str]:
    """What is quoted when every word of the question weighs the same (the chooser of the hashing encoder)."""
    units = UnitIndex(passages)
    read = analyse(question)
    weights = LanguageWeights(en=QuestionWeights({s: 1.0 for s in sorted(_stems(read, units))}, []))
    chooser = load_chooser("hashing-4096")
    candidates = score_candidates(read, hits, units, weights, chooser.weights)
    return [c.unit.text for c in choose(candidates, units, chooser)]


def _stems(question, units: UnitIndex) -> set[str]:
    from bot.answering.features import question_weights

    english = question_weights(question, units).of("en")
    return set(english.weights) | set(english.unknown)


def test_the_item_asked_about_is_found_where_the_list_goes_on_in_the_next_passage():
    first, second = _chunk(1, f"{LEAD}\n{FIRST}"), _chunk(2, SECOND)
    hits = [
        SearchHit(rank=1, score=1.0, dense=0.9, lexical=1.0, chunk=first),
        SearchHit(rank=2, score=0.9, dense=0.8, lexical=0.5, chunk=second),
    ]
    question = "What did the governments establish in the Plan of Action on illegal trafficking networks?"
    texts = _answer(question, hits, [first, second])
    assert texts[0] == LEAD
    assert any("illegal trafficking networks" in text for text in texts)
    assert not any("Strengthen cooperation" in text for text in texts)


def test_a_passage_that_does_not_follow_the_lead_in_is_not_taken_for_its_list():
    first, other = _chunk(1, f"{LEAD}\n{FIRST}"), _chunk(5, SECOND)
    hits = [
        SearchHit(rank=1, score=1.0, dense=0.9, lexical=1.0, chunk=first),
        SearchHit(rank=2, score=0.9, dense=0.1, lexical=0.1, chunk=other),
    ]
    question = "What did the governments establish in the Plan of Action on illegal trafficking networks?"
    texts = _answer(question, hits, [first, _chunk(2, "Another paragraph about something else entirely."), other])
    assert texts == [LEAD, *FIRST.split("\n")]  # the lead-in with its own list, nothing from elsewhere
