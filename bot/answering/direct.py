"""The short direct line that answers what was asked, before the quote it comes from.

"Who…?" → the actor or body: the one whose section the quoted activity or finding falls under, else
the one the quote names; "when…?" → the date the quote (or its table row) gives; "how many…?" → the
number it states; "where…?" → the place; "which resolution…?" → the symbol; "which document…?" →
the document. Taken from the documents' structure and words, never made up: when the quote does
not hold the asked fact there is no direct line (and the gate decides whether to answer at all).
"""

from __future__ import annotations

from bot.actors import actor_by_id
from bot.answering.features import Candidate
from bot.texts import t
from index.documents import DocumentCatalogue
from index.language import Question
from index.language.answers import amounts_in, counts_in, dates_in, names_in, places_in
from index.language.patterns import symbols_in
from index.units import UnitIndex


def direct_line(
    question: Question, chosen: list[Candidate], units: UnitIndex, documents: DocumentCatalogue
) -> str | None:
    """The asked fact, framed in the reader's language, or None when the quote does not give one."""
    if not chosen:
        return None
    value = _value(question, chosen, units, documents)
    return t(question.lang, "direct", answer=value) if value else None


def _value(question: Question, chosen: list[Candidate], units: UnitIndex, documents: DocumentCatalogue) -> str | None:
    best = chosen[0].unit
    texts = [c.unit.text for c in chosen]
    lang = best.chunk.lang
    if question.which_document:
        profile = documents.documents.get(best.chunk.doc)
        return (
            f"{profile.title} ({best.chunk.date[:4]})"
            if profile and best.chunk.date
            else documents.label(best.chunk.doc)
        )
    if "resolution" in question.document_kinds and not question.symbols:
        symbols = [symbol for text in texts for symbol in symbols_in(text)]
        if symbols:
            return symbols[0]
    for kind in question.answer_types:
        found = _of_kind(kind, question, chosen, units, lang)
        if found:
            return found
    return None


def _of_kind(kind: str, question: Question, chosen: list[Candidate], units: UnitIndex, lang: str) -> str | None:
    best = chosen[0].unit
    texts = [c.unit.text for c in chosen]
    if kind == "who":
        actor = units.section_actor(best.chunk)
        if actor and actor not in question.actors:
            found = actor_by_id(actor)
            return found.name_in(question.lang) if found else None
        named = [a for c in chosen for a in c.unit.actors if a not in question.actors and a != "MEMBER_STATES"]
        if named:
            found = actor_by_id(named[0])
            return found.name_in(question.lang) if found else None
        names = [name for text in texts for name in names_in(text, lang)]
        return names[-1] if names else None
    if kind == "when":
        dates = [date for text in texts for date in dates_in(text, lang)]
        asked = {str(year) for year in question.years}
        dates = [date for date in dates if date not in asked] or dates
        return dates[0] if dates else None
    if kind == "how_many":
        counts = [count for text in texts for count in counts_in(text, lang)]
        if counts:
            return counts[0]
        passage = units.of(best.chunk)
        lead = best if best.lead_in else passage[best.lead] if best.lead is not None else None
        return str(len(lead.followers)) if lead is not None and lead.followers else None  # a count of the list
    if kind == "amount":
        amounts = [amount for text in texts for amount in amounts_in(text, lang)]
        return amounts[0] if amounts else None
    if kind in {"where", "countries"}:
        places = [place for text in texts for place in places_in(text, lang)]
        places = [place for place in places if place.lower() not in question.places]
        return ", ".join(dict.fromkeys(places[:6])) if places else None
    return None
