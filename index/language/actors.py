"""The actors a text names, in any language: "CIDH", "the Inter-American Commission on Human Rights",
"l'OIM", "los Estados miembros" — one id each (IACHR, IOM, MEMBER_STATES).

Which actors exist (and their group) is in `actors.toml`; how each language names them is in
`<lang>.toml`, [actors]. Questions and document passages are read with the same names.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from index.language.tokens import PhraseSet, Token, fold, tokenize
from index.language.vocabulary import DATA_DIR, languages, vocabulary


@dataclass(frozen=True)
class ActorInfo:
    id: str
    group: str  # "oas", "specialized", "member_states", "multilateral", "other"
    program: bool  # one of the Program's own actors
    names: dict[str, str]  # language → name shown
    aliases: tuple[str, ...]  # every language's

    def name_in(self, lang: str | None) -> str:
        return self.names.get(lang or "en") or self.names["en"]


@dataclass(frozen=True)
class ActorMention:
    actor: str  # id
    start: int  # character offsets in the text
    end: int
    first_token: int
    end_token: int


@cache
def actor_table() -> dict[str, ActorInfo]:
    """Every actor, in the order of actors.toml."""
    data = tomllib.loads((DATA_DIR / "actors.toml").read_text(encoding="utf-8"))
    table = {}
    for actor_id, entry in data.items():
        names = {
            lang: vocabulary(lang).actors[actor_id].name for lang in languages() if actor_id in vocabulary(lang).actors
        }
        aliases = tuple(
            dict.fromkeys(
                alias for lang in languages() for alias in vocabulary(lang).actors.get(actor_id, _NONE).aliases
            )
        )
        table[actor_id] = ActorInfo(actor_id, entry["group"], bool(entry["program"]), names, aliases)
    return table


class _NoActor:
    aliases: tuple[str, ...] = ()


_NONE = _NoActor()


@cache
def _alias_phrases() -> PhraseSet:
    return PhraseSet((), values={alias: actor_id for actor_id, info in actor_table().items() for alias in info.aliases})


@cache
def _single_aliases() -> dict[str, str]:
    return {
        fold(alias): actor_id for actor_id, info in actor_table().items() for alias in info.aliases if " " not in alias
    }


def actor_mentions(tokens: tuple[Token, ...]) -> list[ActorMention]:
    """Where each actor is named, in order; the longest name wins at each place ("CIDI-CAM" is the CAM).

    A name joined to a word by a hyphen counts too ("IACHR-led").
    """
    phrases = _alias_phrases()
    singles = _single_aliases()
    found: list[ActorMention] = []
    index = 0
    while index < len(tokens):
        match = phrases.match_at(tokens, index)
        if match is not None:
            found.append(
                ActorMention(str(match.value), tokens[index].start, tokens[match.end - 1].end, index, match.end)
            )
            index = match.end
            continue
        token = tokens[index]
        head = token.folded.split("-", 1)[0] if "-" in token.folded and not token.folded[0].isdigit() else ""
        if head in singles:
            found.append(ActorMention(singles[head], token.start, token.start + len(head), index, index + 1))
        index += 1
    return found


def actors_in(text: str, *, keep_states: bool = False) -> list[str]:
    """Actor ids a text names, in order, most specific first (the IACHR before "states")."""
    return ordered_actors(actor_mentions(tokenize(text)), keep_states=keep_states)


def ordered_actors(mentions: list[ActorMention], *, keep_states: bool = False) -> list[str]:
    found = list(dict.fromkeys(mention.actor for mention in mentions))
    if len(found) > 1 and not keep_states:
        found = [actor for actor in found if actor != "MEMBER_STATES"] or found
    return found


def actor_for_heading(heading: str) -> str | None:
    """The Program actor a section heading is about ("· Inter-American Children's Institute (IIN):")."""
    mentions = actor_mentions(tokenize(heading))
    table = actor_table()
    if any(mention.actor == "MEMBER_STATES" and " " in heading[mention.start : mention.end] for mention in mentions):
        return "MEMBER_STATES"
    named = {mention.actor for mention in mentions}
    return next((a for a, info in table.items() if a in named and a != "MEMBER_STATES" and info.program), None)
