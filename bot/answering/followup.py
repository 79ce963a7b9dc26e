"""Follow-up questions read against the previous turn of the same chat.

"and the IOM?" after "What does the Program ask of the IACHR?" is "What does the Program ask of
the IOM?"; "¿y en 2009?" puts 2009 in place of the year asked before; "tell me more" shows the
passage around the sentence just quoted. Without a previous turn (or after it expired) a message
is a question of its own. The chat keeps a `TurnContext` (bot/answering/models.py) per chat.
"""

from __future__ import annotations

import re

from bot.actors import actor_spans
from bot.answering.answer_type import question_years
from bot.answering.models import TurnContext
from index.text import fold

CONTEXT_SECONDS = 600  # a follow-up more than ten minutes later is a new conversation

_MORE = re.compile(
    r"^\W*(?:(?:please |por favor |s'il te plait |s'il vous plait )?(?:tell me more|more|more details|more please|"
    r"more information|go on|continue|expand|elaborate|details|the full passage|show me the passage|cuentame mas|"
    r"cuenteme mas|dime mas|digame mas|mas|mas detalles|mas informacion|amplia|amplie|sigue|continua|"
    r"el pasaje completo|dis m'en plus|dis-m'en plus|dites m'en plus|dites-m'en plus|plus|plus de details|"
    r"en savoir plus|davantage|la suite|conte-me mais|conte me mais|mais|mais detalhes|mais informacoes|fale mais|"
    r"saber mais|diga mais|continue))\W*$"
)
_LEAD = re.compile(
    r"^\W*(?:and what about|and how about|what about|how about|and for|and in|and the|and|also|same for|what of|"
    r"y que hay de|y que pasa con|y sobre|y en|y para|y con|y el|y la|y los|y las|y|que hay de|"
    r"et qu'en est-il de|qu'en est-il de|et pour|et en|et sur|et concernant|et le|et la|et les|et l'|et|"
    r"e quanto a|e sobre|e em|e para|e o|e a|e os|e as|e)(?=\W|$)"
)
_CONTENT = re.compile(r"[a-z0-9][a-z0-9/'-]*")
_SHORT = 5  # words; longer messages are questions of their own


def asks_for_more(text: str) -> bool:
    return bool(_MORE.match(fold(text).replace("’", "'")))


def is_follow_up(text: str) -> bool:
    """An elliptical message: short, and opening with "and…", "what about…", "¿y…?", "et…", "e…"."""
    folded = fold(text).replace("’", "'")
    words = _CONTENT.findall(folded)
    if not words or len(words) > _SHORT + 2:
        return False
    if _LEAD.match(folded):
        return True
    # "2009?" or "IOM?" alone: a bare name or year
    return len(words) <= 2 and (bool(question_years(text)) or bool(actor_spans(text)))


def _replace(text: str, spans: list[tuple[int, int]], replacement: str) -> str:
    """Replace the spans (offsets in the folded text, which keeps the original's length) by one text."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def resolve(text: str, context: TurnContext | None, *, now: float) -> str | None:
    """The follow-up as a whole question, or None when it is not one (or there is nothing to follow)."""
    if context is None or not context.fresh(now, CONTEXT_SECONDS) or not is_follow_up(text):
        return None
    previous = context.question
    folded_text = fold(text).replace("’", "'")
    lead = _LEAD.match(folded_text)
    rest = text[lead.end() :] if lead else text
    rest = re.sub(
        r"^(?:about|regarding|sobre|acerca de|de|du|des|sur|concernant|a respeito de)\s+", "", rest.strip(" ?¿!¡.,;:")
    )
    if not rest:
        return None

    new_actors = actor_spans(rest)
    old_actors = actor_spans(previous)
    new_years = question_years(rest)
    old_year_spans = [
        m.span() for m in re.finditer(r"(?<!\d)(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?(?!\d)", previous)
    ]
    resolved = previous
    changed = False
    if new_actors and old_actors:
        mention = rest[new_actors[0][0] : new_actors[0][1]]
        resolved = _replace(resolved, [(old_actors[0][0], old_actors[0][1])], mention)
        changed = True
    if new_years:
        year_text = next(m.group(0) for m in re.finditer(r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?", rest))
        if old_year_spans:
            resolved = _replace(resolved, old_year_spans[:1], year_text)
        else:
            resolved = f"{resolved.rstrip(' ?')} ({year_text})?"
        changed = True
    if not changed:
        resolved = f"{previous.rstrip(' ?')} — {rest}?"
    return resolved
