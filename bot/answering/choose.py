"""Choosing the sentences of an answer among every passage search returned.

Every quotable unit of every candidate passage gets a row of features (`FEATURES`): how much of
the question's rare vocabulary it holds itself and in its headings, how its passage ranked, its
own similarity to the question, whether it holds the kind of answer asked for, whether it is in
the document the question names. A linear model fitted by `bench/train_chooser.py` and stored in
`index/chooser.json` scores the rows; no weight is written in code. Then the structure decides
what comes with the best unit: a lead-in brings its list (or the items the question is about), a
list item its lead-in, a pronoun its sentence before, and close seconds of other passages follow.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.answering.features import FEATURES, Candidate
from index.language import Question
from index.units import LIST_CHARS, Unit, UnitIndex

MODEL_FILE = Path(__file__).resolve().parents[2] / "index" / "chooser.json"


@dataclass(frozen=True)
class Chooser:
    """The fitted linear model and the rules of what comes along with the best unit."""

    weights: tuple[float, ...]
    keep: float  # another passage's unit is kept when it scores at least this share of the best
    neighbour: float  # the best unit's next sentence, likewise
    typed_share: float  # a unit holding the asked kind may replace a better one down to this share
    max_units: int
    max_chars: int
    standout_ratio: float  # list items the question is about stand out at this multiple of the typical item…
    standout_margin: float  # … and this much above it
    standout_keep: float  # the items kept are those within this share of the best


@cache
def load_chooser(model: str, path: Path = MODEL_FILE) -> Chooser:
    """The chooser fitted for an encoder (its cosines have their own scale), else the default one."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path} was fitted for features {data['features']}, not {FEATURES}")
    weights = data["weights"].get(model) or data["weights"]["default"]
    return Chooser(weights=tuple(weights), **data["selection"])


def choose(
    candidates: list[Candidate], units: UnitIndex, chooser: Chooser, *, whole_list: bool = False
) -> list[Candidate]:
    """The units to quote, in reading order: the best, its list or next sentence, and close seconds.

    "Close" is measured against the spread of the candidates' scores (the best minus the median),
    so it means the same whatever the scale of the fitted weights. `whole_list` ("list all…"):
    a list is quoted whole, not only the items that stand out.
    """
    if not candidates:
        return []
    best = candidates[0]
    by_key = {(c.unit.chunk.id, c.unit.index): c for c in candidates}
    chosen = [best]
    passage = units.of(best.unit.chunk)
    spread = max(best.score - candidates[len(candidates) // 2].score, 1e-9)

    def close(candidate: Candidate, share: float) -> bool:
        return best.score - candidate.score <= (1.0 - share) * spread

    def add(index: int) -> None:
        key = (best.unit.chunk.id, index)
        candidate = by_key.get(key) or Candidate(passage[index], best.hit, 0.0, 0.0, 0.0, best.coverage, False)
        if all((c.unit.chunk.id, c.unit.index) != key for c in chosen):
            chosen.append(candidate)

    lead = passage[best.unit.lead] if best.unit.lead is not None else None
    if whole_list and lead is not None and not lead.fragment:
        chosen = [by_key.get((lead.chunk.id, lead.index)) or Candidate(lead, best.hit, 0.0, 0.0, 0.0, 0.0, False)]
        for index in lead.followers:
            add(index)
    elif best.unit.lead_in and best.unit.followers and whole_list:
        for index in best.unit.followers:
            add(index)
    elif best.unit.lead_in and whole_list:
        chosen += _items_in_next_passage(best, candidates, by_key, units, chooser, whole_list=True)
    elif best.unit.lead_in and best.unit.followers:
        for item in _items_asked(best.unit, candidates, by_key, units, chooser):
            if isinstance(item, int):
                add(item)
            else:
                chosen.append(item)  # the item asked about, where the list goes on in the next passage
    elif best.unit.lead_in:
        chosen += _items_in_next_passage(best, candidates, by_key, units, chooser)  # its list begins there
    else:
        if best.unit.lead is not None and not passage[best.unit.lead].fragment:
            add(best.unit.lead)  # an item of a list: its lead-in says what the list is
        elif (lead := _lead_in_before(best.unit, candidates, units)) is not None:
            chosen.insert(0, lead)  # an item whose list began in the passage before: that lead-in
        elif best.unit.index > 0 and best.unit.refers_back:
            previous = passage[best.unit.index - 1]
            if not previous.fragment:
                add(previous.index)
        following = best.unit.index + 1
        if following < len(passage):
            candidate = by_key.get((best.unit.chunk.id, following))
            if candidate is not None and close(candidate, chooser.neighbour):
                add(following)
        for candidate in candidates[1:]:
            if len(chosen) >= chooser.max_units or sum(len(c.unit.text) for c in chosen) > chooser.max_chars:
                break
            if not close(candidate, chooser.keep):
                break
            if best.typed and not candidate.typed:
                continue  # the best gives the date (number, place) asked for: so must a second sentence
            if candidate.unit.text in {c.unit.text for c in chosen}:
                continue
            chosen.append(candidate)
            if candidate.unit.lead_in and candidate.unit.chunk.id == best.unit.chunk.id:
                break
    first_chunk = best.unit.chunk.id
    chosen.sort(key=lambda c: (c.unit.chunk.id != first_chunk, c.unit.chunk.id, c.unit.index))
    return _without_lone_lead_ins(chosen, best)


def _without_lone_lead_ins(chosen: list[Candidate], best: Candidate) -> list[Candidate]:
    """A lead-in ("…the governments would:") says nothing without its list: one that came along
    without any of its items is dropped (the best unit's own list was brought with it above)."""
    kept = []
    for position, candidate in enumerate(chosen):
        unit = candidate.unit
        if unit.lead_in and candidate is not best:
            following = chosen[position + 1] if position + 1 < len(chosen) else None
            if following is None or (following.unit.lead != unit.index and following.unit.chunk.id == unit.chunk.id):
                continue
            if following.unit.chunk.id != unit.chunk.id and not following.unit.item:
                continue
        kept.append(candidate)
    return kept


def prefer_typed(
    chosen: list[Candidate], candidates: list[Candidate], question: Question, units: UnitIndex, chooser: Chooser
) -> list[Candidate]:
    """ "When…?" answered without a date: a close candidate that gives one answers instead."""
    from index.language.answers import CHECKED_TYPES

    checked = [kind for kind in question.answer_types if kind in CHECKED_TYPES]
    if not checked or not chosen or any(c.typed for c in chosen):
        return chosen
    best = chosen[0].score
    spread = max(best - candidates[len(candidates) // 2].score, 1e-9)
    typed = [c for c in candidates if c.typed and best - c.score <= (1.0 - chooser.typed_share) * spread]
    return choose(typed, units, chooser) if typed else chosen


def _items_in_next_passage(
    lead: Candidate, candidates: list[Candidate], by_key: dict, units: UnitIndex, chooser: Chooser, *, whole_list=False
) -> list[Candidate]:
    """A lead-in that ends its passage: its list is the next passage's opening run of items (the
    ones the question is about when some stand out). A lead-in is never quoted without them."""
    following = units.next(lead.unit.chunk)
    if following is None:
        return []
    run: list[Unit] = []
    for unit in units.of(following):
        if unit.fragment:
            continue
        if unit.lead_in or (run and _shape(unit) != _shape(run[0])):
            break
        run.append(unit)
        if sum(len(u.text) for u in run) > LIST_CHARS:
            break
    found = [by_key.get((u.chunk.id, u.index)) or Candidate(u, lead.hit, 0.0, 0.0, 0.0, 0.0, False) for u in run]
    if whole_list:
        return found
    owns = sorted(c.own for c in found)
    if owns and owns[-1] > 0 and owns[-1] >= chooser.standout_ratio * owns[len(owns) // 2]:
        return [c for c in found if c.own >= chooser.standout_keep * owns[-1]]
    return found


def _shape(unit: Unit) -> str:
    if unit.item:
        return "item"
    return "quote" if unit.text.lstrip()[:1] in '“”"«' else "prose"


def _list_goes_on(lead_in: Unit, units: UnitIndex) -> list[Unit]:
    """The units of the next passage that go on with a lead-in's list, when the list is cut.

    A list is cut when its items run to the end of the lead-in's passage; the next passage goes
    on with it for as long as its units have the items' shape (numbered, bulleted or quoted).
    """
    if not lead_in.followers:
        return []
    passage = units.of(lead_in.chunk)
    last = max((u.index for u in passage if not u.fragment), default=-1)
    following = units.next(lead_in.chunk)
    if lead_in.followers[-1] != last or following is None:
        return []
    shape = _shape(passage[lead_in.followers[-1]])
    run: list[Unit] = []
    for unit in units.of(following):
        if unit.fragment:
            continue
        if unit.lead_in or unit.lead is not None or _shape(unit) != shape:
            break
        run.append(unit)
    return run


def _lead_in_before(unit: Unit, candidates: list[Candidate], units: UnitIndex) -> Candidate | None:
    """For a unit of a passage that goes on with a list from the passage before, that list's lead-in."""
    if unit.lead is not None or unit.lead_in:
        return None
    for candidate in candidates:
        other = candidate.unit.chunk.id != unit.chunk.id
        if candidate.unit.lead_in and other and unit in _list_goes_on(candidate.unit, units):
            return candidate
    return None


def _items_asked(
    lead_in: Unit, candidates: list[Candidate], by_key: dict, units: UnitIndex, chooser: Chooser
) -> list[int | Candidate]:
    """The items of a lead-in's list to quote: those the question is about when some stand out
    (their own words hold clearly more of the question than the rest), else the list in order.

    A list split between passages counts as one: an item of the passage that goes on with it may
    stand out too (it comes as a Candidate; the lead-in's own items come as indices), but "the
    list in order" is the lead-in's own passage only — the next one is a tap away."""
    going_on = {(u.chunk.id, u.index) for u in _list_goes_on(lead_in, units)}
    continued = [c for c in candidates if (c.unit.chunk.id, c.unit.index) in going_on]
    scored: list[tuple[float, int | Candidate]] = []
    for index in lead_in.followers:
        candidate = by_key.get((lead_in.chunk.id, index))
        scored.append((candidate.own if candidate is not None else 0.0, index))
    scored += [(c.own, c) for c in continued]
    values = sorted(own for own, _ in scored)
    top = values[-1] if values else 0.0
    typical = values[len(values) // 2] if values else 0.0
    if top > 0 and top >= chooser.standout_ratio * typical and top - typical >= chooser.standout_margin:
        return [item for own, item in scored if own >= chooser.standout_keep * top]
    return list(lead_in.followers)
