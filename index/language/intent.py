"""What a message asks for, read from its words: small talk, a personal case, a listing, or a question.

A greeting is not a question the documents fail to answer, and "how do I apply for asylum?" is not
answered by quoting a resolution. "What must the IIN do?", "could you list the three general
objectives?" or "what is the purpose of the Program?" have one complete answer, a list of the
Program, given whole. Everything else is a question for retrieval, with the kinds of answer it
wants ("when" wants a date).

Every phrase comes from the language data files; a message is matched against the vocabulary of
all four languages at once, so a question whose language was misjudged (a short one) is still read.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from index.language.tokens import Match, PhraseSet, Token
from index.language.vocabulary import ANSWER_TYPES, languages, vocabulary


@cache
def cue(name: str) -> PhraseSet:
    """A cue ("mandate", "listing", "polite"…) in every language at once."""
    return PhraseSet.union(vocabulary(lang).cues[name] for lang in languages())


@cache
def question_words(kind: str) -> PhraseSet:
    return PhraseSet.union(vocabulary(lang).question_words[kind] for lang in languages())


@cache
def words_of(attribute: str) -> frozenset[str]:
    """A word set of the vocabulary ("clause_openers", "fillers"…) in every language at once."""
    return frozenset().union(*(getattr(vocabulary(lang), attribute) for lang in languages()))


@cache
def phrases_of(attribute: str) -> PhraseSet:
    """A phrase set of the vocabulary ("case_words", "more"…) in every language at once."""
    return PhraseSet.union(getattr(vocabulary(lang), attribute) for lang in languages())


@cache
def small_talk_phrases() -> PhraseSet:
    """Every small-talk phrase, with its kind and the languages that use it ("ok": all four)."""
    entries: dict[str, tuple[str, set[str]]] = {}
    for lang in languages():
        for kind, phrases in vocabulary(lang).small_talk.items():
            for candidates in phrases._first.values():
                for key, _, _ in candidates:
                    phrase = " ".join(key)
                    entries.setdefault(phrase, (kind, set()))[1].add(lang)
    return PhraseSet((), values={phrase: (kind, frozenset(langs)) for phrase, (kind, langs) in entries.items()})


@cache
def document_kind_words() -> frozenset[str]:
    """Words of the phrases that name a kind of document ("annual report", "plan de trabajo")."""
    found: set[str] = set()
    for lang in languages():
        for phrases in vocabulary(lang).documents.values():
            for candidates in phrases._first.values():
                for key, _, _ in candidates:
                    found.update(key)
    return frozenset(found)


# -- small talk ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SmallTalk:
    kind: str | None  # greeting, thanks, bye, identity; None when the message is not small talk
    rest: int | None = None  # token index where a question starts after a greeting or thanks
    lang: str | None = None  # the language of its words, when only one language uses them


def small_talk(tokens: tuple[Token, ...], text: str) -> SmallTalk:
    """The small talk a message opens with, and where a question after it starts.

    "hello" → greeting; "hi, what must the IIN do?" → the question from "what"; "👍" → thanks.
    """
    if not any(token.word for token in tokens):
        symbol = any(unicodedata.category(c) == "So" for c in text)
        return SmallTalk("thanks" if symbol else None)
    phrases = small_talk_phrases()
    fillers = words_of("fillers")
    found: list[tuple[str, frozenset[str]]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not token.word:
            index += 1
            continue
        match = phrases.match_at(tokens, index)
        if match is not None:
            found.append(match.value)
            index = match.end
            continue
        if found and token.bare in fillers:
            index += 1
            continue
        break
    if not found:
        return SmallTalk(None)
    kind = next((k for k, _ in found if k != "greeting"), found[0][0])
    common = frozenset.intersection(*(langs for _, langs in found))
    lang = next(iter(common)) if len(common) == 1 else None
    if not any(token.word for token in tokens[index:]):
        return SmallTalk(kind, lang=lang)
    if kind in {"greeting", "thanks"}:
        return SmallTalk(None, rest=index)  # "hi! what must the IIN do?": answer the question
    return SmallTalk(None)


# -- personal cases --------------------------------------------------------------------------------


def personal_case(tokens: tuple[Token, ...]) -> bool:
    """A question about one person's situation (asylum, a visa, a detained relative): not the Program's."""
    possessives, relatives = words_of("possessives"), words_of("relatives")
    relative = any(token.bare in possessives and following.bare in relatives for token, following in pairwise(tokens))
    if not relative and not phrases_of("case_words").any_in(tokens):
        return False
    return relative or phrases_of("first_person").any_in(tokens) or phrases_of("how_do_i").any_in(tokens)


# -- kinds of answer -------------------------------------------------------------------------------


def _opens_clause(tokens: tuple[Token, ...], start: int) -> bool:
    """A question word counts where a question or a clause begins: "When did…", "…, and when?"."""
    if start == 0:
        return True
    before = tokens[start - 1]
    return not before.word or before.bare in words_of("clause_openers")


def _opens_question(tokens: tuple[Token, ...], start: int) -> bool:
    """Only conjunctions, prepositions and punctuation before it: "Et à qui…?", "¿Porque…?"."""
    return all(not token.word or token.bare in words_of("clause_openers") for token in tokens[:start])


def answer_types(tokens: tuple[Token, ...]) -> tuple[str, ...]:
    """Every kind of answer the question asks for, in the order asked ("where and when…")."""
    found: dict[int, str] = {}
    opening_only = words_of("opening_only")
    for kind in ANSWER_TYPES:
        for match in question_words(kind).find(tokens):
            if not _opens_clause(tokens, match.start):
                continue
            if len(match.phrase) == 1 and match.phrase[0] in opening_only and not _opens_question(tokens, match.start):
                continue  # French "qui" in "l'organe qui…", Spanish "porque" (because) in mid-sentence
            if match.start not in found:
                found[match.start] = kind
            break
    return tuple(kind for _, kind in sorted(found.items()))


@cache
def item_names(kind: str) -> PhraseSet:
    """How every language names an item kind ("activity", "objective")."""
    return PhraseSet.union(vocabulary(lang).items[kind] for lang in languages())


def named_item_kinds(tokens: tuple[Token, ...]) -> list[str]:
    """The kinds of numbered item a question names: "activity", "general objective", "specific
    objective", "objective" (neither general nor specific)."""
    found = []
    general, specific = cue("general"), cue("specific")
    for index in range(len(tokens)):
        if item_names("activity").match_at(tokens, index):
            found.append("activity")
        elif item_names("objective").match_at(tokens, index):
            near = tokens[max(0, index - 2) : index + 3]
            if general.any_in(near):
                found.append("general objective")
            elif specific.any_in(near):
                found.append("specific objective")
            else:
                found.append("objective")
    return found


def asked_item(tokens: tuple[Token, ...]) -> str | None:
    """ "Which activity…?", "¿Qué objetivo…?": the question asks which numbered item."""
    which = cue("which")
    for index in range(len(tokens)):
        if which.match_at(tokens, index) is None:
            continue
        for offset in (1, 2):
            if index + offset >= len(tokens):
                break
            for kind in ("activity", "objective"):
                if item_names(kind).match_at(tokens, index + offset):
                    return kind
    return None


def asks_of_program(tokens: tuple[Token, ...]) -> bool:
    """ "What does the Program ask / expect / suggest of X…": the Program is the asker."""
    program, verbs = cue("program"), cue("ask_verbs")

    def followed(first, then, index: int) -> bool:
        return first.match_at(tokens, index) is not None and any(
            then.match_at(tokens, j) for j in range(index + 1, min(len(tokens), index + 4))
        )

    return any(followed(program, verbs, i) or followed(verbs, program, i) for i in range(len(tokens)))


# -- listings and mandates -------------------------------------------------------------------------


@dataclass(frozen=True)
class Intent:
    """What to do with a message. `kind` is one of:

    small_talk · referral · mandate (an actor's mandate) · objectives (general/specific/all) ·
    activities (all of the Program's) · actors (the Program's list) · summary (of a named
    document) · question (retrieval).
    """

    kind: str
    detail: str = ""
    role: bool = False  # a mandate question that asks for the actor's role, not only its activities
    topic: bool = False  # a mandate question that also names a topic ("…the member states on health?")


def _is_frame(token: Token, tokens: tuple[Token, ...], index: int, frame_spans: set[int]) -> bool:
    return (
        index in frame_spans
        or token.bare in words_of("stop_words")
        or token.folded in cue("frame")
        or token.folded in cue("polite")
        or token.bare in _number_words()
        or token.number is not None
        or token.lower == "'s"
    )


@cache
def _number_words() -> frozenset[str]:
    return frozenset(word for lang in languages() for word in vocabulary(lang).numbers)


def _spans(phrase_set: PhraseSet, tokens: tuple[Token, ...]) -> set[int]:
    return {index for match in phrase_set.find(tokens) for index in range(match.start, match.end)}


def classify(
    tokens: tuple[Token, ...],
    *,
    actors: list[str],
    actor_tokens: set[int],
    program_actors: set[str],
    multilateral: set[str],
    document_words: frozenset[str],
    types: tuple[str, ...],
    dated: bool = False,
) -> Intent:
    """The listing a question asks for, if it asks for one; else a question for retrieval.

    `actors` are the ids named (most specific first), `actor_tokens` the token positions of their
    names, `program_actors` and `multilateral` the ids that are the Program's own actors and
    multilateral organisations; `document_words` the words that name documents. A question that
    names a year (`dated`) asks what happened then, never for a standing mandate.
    """
    words = [(i, t) for i, t in enumerate(tokens) if t.word and t.lower != "'s"]
    named_docs = document_words | document_kind_words()
    program_named = [a for a in actors if a in program_actors] or [a for a in actors if a in multilateral]
    frame_spans = _spans(cue("polite"), tokens) | _spans(cue("frame"), tokens)
    if len(program_named) == 1 and len(actors) == 1 and not dated:
        remaining = [(i, t) for i, t in words if i not in actor_tokens and t.bare not in named_docs]
        mandate = cue("mandate")
        cues = [t for i, t in remaining if t.folded in mandate]
        if cues and all(t.folded in mandate or _is_frame(t, tokens, i, frame_spans) for i, t in remaining):
            return Intent("mandate", role=any(t.folded in cue("role") for _, t in remaining))
        if asks_of_program(tokens) and not types:
            return Intent("question", topic=True)

    listing_spans = _spans(cue("listing"), tokens)
    content = [
        (i, t)
        for i, t in words
        if t.bare not in named_docs
        and not _is_frame(t, tokens, i, frame_spans)
        and i not in listing_spans
        and t.folded not in cue("program")
    ]
    objectives, general, specific = cue("objectives"), cue("general"), cue("specific")
    if any(t.folded in objectives for _, t in words) and all(
        t.folded in objectives or t.folded in general or t.folded in specific for _, t in content
    ):
        has_general = any(t.folded in general for _, t in words)
        has_specific = any(t.folded in specific for _, t in words)
        detail = (
            "general" if has_general and not has_specific else "specific" if has_specific and not has_general else "all"
        )
        return Intent("objectives", detail=detail)
    summary = cue("summary")
    if (
        any(summary.match_at(tokens, i) for i, _ in words)
        and content
        and all(summary.match_at(tokens, i) or t.folded.isdigit() or i in _spans(summary, tokens) for i, t in content)
    ):
        return Intent("summary")  # "summarize the 2009 annual report": the answerer checks a document is named
    if content and all(t.folded in cue("purpose") for _, t in content) and not actors:
        return Intent("objectives", detail="general")
    actors_cue, activities_cue = cue("actors"), cue("activities")
    if not actors and any(t.folded in actors_cue for _, t in words) and all(t.folded in actors_cue for _, t in content):
        return Intent("actors")
    if (
        not actors
        and any(t.folded in activities_cue for _, t in words)
        and all(t.folded in activities_cue or t.folded in cue("mandate") for _, t in content)
    ):
        return Intent("activities")
    return Intent("question")


def besides_span(tokens: tuple[Token, ...]) -> list[int]:
    """ "Besides the CAM and the IACHR, which…": the token positions of what the asker already knows,
    from the cue to the end of its clause (a punctuation mark or a question word)."""
    besides = cue("besides")
    asking = cue("which")
    for index in range(len(tokens)):
        match = besides.match_at(tokens, index)
        if match is None:
            continue
        span = []
        for position in range(match.end, len(tokens)):
            token = tokens[position]
            if not token.word or asking.match_at(tokens, position):
                break
            span.append(position)
        return span
    return []


def listing_asked(tokens: tuple[Token, ...]) -> bool:
    """ "List…", "all the…", "enumerate…": the question wants a whole list, not one sentence."""
    return cue("listing").any_in(tokens)


def follow_lead(tokens: tuple[Token, ...]) -> Match | None:
    """The lead of an elliptical message ("and…", "what about…", "¿y…?", "et…"), if it opens with one."""
    start = next((i for i, t in enumerate(tokens) if t.word), None)
    return phrases_of("follow_leads").match_at(tokens, start) if start is not None else None


def asks_for_more(tokens: tuple[Token, ...]) -> bool:
    """ "tell me more", "¿más detalles?", "dis-m'en plus": the whole message asks for more."""
    words = [i for i, t in enumerate(tokens) if t.word]
    if not words:
        return False
    match = phrases_of("more").match_at(tokens, words[0])
    return match is not None and all(i < match.end for i in words)
