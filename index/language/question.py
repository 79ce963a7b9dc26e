"""One reading of a message: everything later steps need to know about it, computed once.

`analyse(text, fallback_lang=…, previous=…)` returns a frozen `Question`: the text as asked, its
language, its words and stems, its English search terms, the intent (small talk, a personal case,
a listing, a follow-up, a question), the kinds of answer it wants, the actors, years, places,
numbered items and OAS symbols it names, the kinds of document it names. Search, answering,
follow-ups and the command line read these fields; no module after this one reads the text again.
A follow-up ("and in 2009?") is resolved here, against the previous question of the same chat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from index.language.actors import ActorMention, actor_mentions, actor_table, ordered_actors
from index.language.glossary import translate_terms
from index.language.identify import MAX_CHARS, detect_language, other_language
from index.language.intent import (
    Intent,
    answer_types,
    asked_item,
    asks_for_more,
    besides_span,
    classify,
    follow_lead,
    listing_asked,
    named_item_kinds,
    personal_case,
    phrases_of,
    small_talk,
)
from index.language.patterns import item_references, resolution_references, year_mentions, years_in
from index.language.places import named_countries
from index.language.spelling import Speller
from index.language.spelling import apply as apply_corrections
from index.language.tokens import Token, fold, split_clitics, tokenize
from index.language.vocabulary import all_stop_words, languages, stem_words, vocabulary

MAX_QUESTION_CHARS = MAX_CHARS
FOLLOW_UP_WORDS = 7  # longer messages are questions of their own
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Reference:
    """An explicit pointer in a question: a numbered item ("activity 27") or a resolution number."""

    label: str  # "activity 27"; empty for a resolution
    symbol: str | None = None  # "2883" for AG/RES. 2883


@dataclass(frozen=True)
class YearMention:
    start: int
    end: int
    years: frozenset[int]


@dataclass(frozen=True)
class Question:
    """A message as the bot understands it. Built by `analyse`; never changed afterwards."""

    text: str  # as asked: invisible characters dropped, whitespace collapsed, at most MAX_QUESTION_CHARS
    folded: str  # lower-case, no accents
    lang: str  # the language it is written in (the user's own for a message too short to tell)
    tokens: tuple[Token, ...]
    intent: str  # empty, small_talk, other_language, referral, more, mandate, objectives, activities, actors,
    # summary, question
    detail: str = ""  # small talk: greeting/thanks/bye/identity; objectives: general/specific/all
    small_talk_lang: str | None = None  # small talk: the language of its words, when they tell
    answer_types: tuple[str, ...] = ()  # the kinds of answer asked for, in order ("where", "when")
    asked_item: str | None = None  # "activity" / "objective" when the question asks which one
    listing: bool = False  # "list…", "all the…": a whole list is wanted
    which_document: bool = False  # "which document…?"
    role: bool = False  # a mandate question that asks for the actor's role
    topic: bool = False  # a mandate question that names a topic too ("…the member states on health?")
    actors: tuple[str, ...] = ()  # actor ids, in order, most specific first
    actor_mentions: tuple[ActorMention, ...] = ()  # every mention, with its place
    years: frozenset[int] = frozenset()
    year_mentions: tuple[YearMention, ...] = ()
    references: tuple[Reference, ...] = ()
    document_kinds: tuple[str, ...] = ()  # kinds of document named ("annual_report")
    item_kinds: tuple[str, ...] = ()  # kinds of numbered item named: "activity", "general objective"…
    places: tuple[str, ...] = ()  # countries named
    numbers: tuple[int, ...] = ()  # other numbers named (an amount, a count)
    excluded: tuple[str, ...] = ()  # "besides X, which…": the content words of X, which the answer is not about
    excluded_actors: tuple[str, ...] = ()  # … and the actors named there
    content: tuple[str, ...] = ()  # its content words, folded, in its own language
    stems: tuple[str, ...] = ()  # their Snowball stems, in its language
    english: str = ""  # the glossary's English terms for its words ("" for English)
    untranslated: tuple[str, ...] = ()  # its words the glossary has no entry for (names, cognates)
    search_text: str = ""  # what the encoder embeds: the question and its English terms
    terms: tuple[str, ...] = ()  # content words for BM25, in English where the glossary knows them
    truncated: bool = False
    greeting: bool = False  # opened with a greeting or thanks, which was set aside
    typed: str | None = None  # a follow-up: the message as typed (`text` is then the resolved question)
    corrected: str | None = None  # the message as typed, when some words were read as the known words they
    # are a letter or two off (`text` holds the corrected message)
    documents: tuple[str, ...] = ()  # documents the question names (filled by an analyser that knows them)
    document_scores: tuple[tuple[str, float], ...] = field(default=(), compare=False)

    @property
    def labels(self) -> list[str]:
        return [reference.label for reference in self.references if reference.label]

    @property
    def symbols(self) -> list[str]:
        return [reference.symbol for reference in self.references if reference.symbol]

    def excluded_in(self, lang: str) -> list[str]:
        """The "besides X" words in a document language (through the glossary, as `terms_in`)."""
        if not self.excluded or lang == self.lang:
            return list(self.excluded)
        english, untranslated = translate_terms(" ".join(self.excluded), self.lang)
        words = [*english.lower().split(), *untranslated] if english or untranslated else list(self.excluded)
        if lang == "en":
            return words
        from index.language.glossary import glossary

        target = glossary(lang)
        return target.from_english(words) if target else words

    @property
    def is_follow_up(self) -> bool:
        return self.typed is not None

    def terms_in(self, lang: str) -> list[str]:
        """Its search terms in a document language: English through the glossary, its own words as they are."""
        if lang == "en" or lang not in languages():
            return list(self.terms)
        if lang == self.lang:
            return list(self.content)
        from index.language.glossary import glossary

        target = glossary(lang)
        english = [term for term in self.terms if term]
        return target.from_english(english) if target else english


def clean(text: str) -> tuple[str, bool]:
    """Invisible characters out, whitespace collapsed, cut at MAX_QUESTION_CHARS: (text, truncated)."""
    text = " ".join(_INVISIBLE.sub("", text or "").split())
    if len(text) > MAX_QUESTION_CHARS:
        return text[:MAX_QUESTION_CHARS], True
    return text, False


def _content(tokens: tuple[Token, ...], skip: set[int]) -> list[str]:
    stop = all_stop_words()
    return [
        t.folded
        for i, t in enumerate(tokens)
        if t.word and i not in skip and t.bare not in stop and len(t.bare) > 1 and t.lower != "'s"
    ]


def _search_terms(text: str, tokens: tuple[Token, ...], lang: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(English terms, untranslated words, BM25 terms). Words the glossary translated are searched in
    English only: left in the question's language they would match the few titles quoted in it."""
    english, untranslated = translate_terms(text, lang)
    stop = all_stop_words()
    if english:
        pieces = tokenize(f"{' '.join(untranslated)} {english}")
        terms = [t.folded for t in pieces if t.word and t.bare not in stop and len(t.bare) > 1 and t.lower != "'s"]
    else:
        terms = _content(tokens, set())
    return english, tuple(untranslated), tuple(terms)


def analyse(
    text: str,
    *,
    fallback_lang: str | None = None,
    previous: Question | None = None,
    previous_topic: str | None = None,
    document_words: frozenset[str] = frozenset(),
    speller: Speller | None = None,
) -> Question:
    """The one reading of a message.

    `fallback_lang` is the user's own language: it decides for a message of a few words. With
    `previous` (the chat's last question, still fresh), a short elliptical message is read against
    it; `previous_topic` is what that question was answered with, for a follow-up of a numbered
    item ("activity 27" → "and in 2009?" asks about its topic in 2009, not about activity 27).
    `document_words` are words that name documents of the corpus (short titles); `speller` reads
    a typo as the known word it is close to.
    """
    text, truncated = clean(text)
    tokens = tokenize(text)
    other = other_language(text, tokens) if text else None
    if other is not None:  # "ما هي أهداف البرنامج؟": told, in the bot's languages, which it answers in
        return Question(text=text, folded=fold(text), lang="en", tokens=tokens, intent="other_language", detail=other)
    lang = detect_language(text, fallback_lang, tokens) if text else (fallback_lang or "en")
    clitics = vocabulary(lang).clitics
    tokens = split_clitics(tokens, clitics)
    typed = None
    if speller is not None and (corrections := speller.correct(tokens, text, lang)):
        typed, text = text, apply_corrections(text, corrections)
        tokens = split_clitics(tokenize(text), clitics)
    base = dict(text=text, folded=fold(text), lang=lang, tokens=tokens, truncated=truncated, corrected=typed)
    if not any(t.word for t in tokens):
        talk = small_talk(tokens, text) if text else None
        if talk is not None and talk.kind:
            return Question(**base, intent="small_talk", detail=talk.kind, small_talk_lang=talk.lang)
        return Question(**base, intent="empty")

    if previous is not None:
        if asks_for_more(tokens):
            return Question(**base, intent="more")
        resolved = resolve_follow_up(tokens, text, previous, previous_topic)
        if resolved is not None:
            question = analyse(resolved, fallback_lang=previous.lang, document_words=document_words)
            return replace(question, typed=typed or text)

    talk = small_talk(tokens, text)
    if talk.kind is not None:
        return Question(**base, intent="small_talk", detail=talk.kind, small_talk_lang=talk.lang)
    if talk.rest is not None:  # "hi, what must the IIN do?": the question after the greeting
        rest = text[tokens[talk.rest].start :].lstrip(" ,!.¡-")
        question = analyse(rest, fallback_lang=fallback_lang, document_words=document_words)
        return replace(question, greeting=True, corrected=typed)
    return _read(tokens, base, document_words)


def _read(tokens: tuple[Token, ...], base: dict, document_words: frozenset[str]) -> Question:
    text, lang = base["text"], base["lang"]
    references = tuple(
        [Reference(label) for label, _, _ in item_references(tokens, lang)]
        + [Reference("", symbol=number) for number in resolution_references(tokens, text)]
    )
    mentions = actor_mentions(tokens)
    actors = ordered_actors(mentions)
    years = tuple(YearMention(start, end, found) for (start, end), found in year_mentions(text))
    types = answer_types(tokens)
    kinds = tuple(
        dict.fromkeys(
            str(match.value)
            for lang_ in languages()
            for phrases in vocabulary(lang_).documents.values()
            for match in phrases.find(tokens)
        )
    )
    referenced = {i for _, start, end in item_references(tokens, lang) for i in range(start, end)}
    item_kinds = tuple(dict.fromkeys(named_item_kinds(tokens)))
    actor_tokens = {i for m in mentions for i in range(m.first_token, m.end_token)}
    content = _content(tokens, referenced)
    english, untranslated, terms = _search_terms(text, tokens, lang)
    numbers = tuple(
        t.number
        for i, t in enumerate(tokens)
        if t.number is not None and i not in referenced and not (1900 <= t.number <= 2099 and len(t.folded) == 4)
    )
    excluded_tokens = besides_span(tokens)
    fields = dict(
        excluded=tuple(tokens[i].folded for i in excluded_tokens if tokens[i].bare not in all_stop_words()),
        excluded_actors=tuple(
            dict.fromkeys(m.actor for m in mentions if any(m.first_token <= i < m.end_token for i in excluded_tokens))
        ),
        answer_types=types,
        asked_item=asked_item(tokens),
        listing=listing_asked(tokens),
        which_document=phrases_of("which_document").any_in(tokens),
        actors=tuple(actors),
        actor_mentions=tuple(mentions),
        years=frozenset(years_in(text)),
        year_mentions=years,
        references=references,
        document_kinds=kinds,
        item_kinds=item_kinds,
        places=tuple(named_countries(tokens, text, lang)),
        numbers=numbers,
        content=tuple(content),
        stems=tuple(stem_words(content, lang)),
        english=english,
        untranslated=untranslated,
        search_text=f"{text} {english}" if english else text,
        terms=terms,
    )
    if personal_case(tokens):
        return Question(**base, intent="referral", **fields)
    if references:
        return Question(**base, intent="question", **fields)
    table = actor_table()
    intent: Intent = classify(
        tokens,
        actors=actors,
        actor_tokens=actor_tokens,
        program_actors={a for a in actors if table[a].program},
        multilateral={a for a in actors if table[a].group == "multilateral"},
        document_words=document_words,
        types=types,
        dated=bool(years),
    )
    if intent.topic:
        fields["asked_item"] = "activity"
    return Question(**base, intent=intent.kind, detail=intent.detail, role=intent.role, topic=intent.topic, **fields)


# -- follow-ups ------------------------------------------------------------------------------------


def is_follow_up(tokens: tuple[Token, ...], text: str) -> bool:
    """An elliptical message: short, and opening with "and…", "what about…", "¿y…?", "et…", "e…",
    or a bare name or year ("2009?", "IOM?")."""
    words = [t for t in tokens if t.word]
    if not words or len(words) > FOLLOW_UP_WORDS:
        return False
    if follow_lead(tokens) is not None:
        return True
    return len(words) <= 2 and (bool(years_in(text)) or bool(actor_mentions(tokens)))


def resolve_follow_up(
    tokens: tuple[Token, ...], text: str, previous: Question, previous_topic: str | None = None
) -> str | None:
    """The follow-up as a whole question, or None when it is not one."""
    if not is_follow_up(tokens, text):
        return None
    lead = follow_lead(tokens)
    start = lead.end if lead is not None else 0
    while start < len(tokens) and not tokens[start].word:
        start += 1
    about = phrases_of("about").match_at(tokens, start) if start < len(tokens) else None
    if about is not None and about.end < len(tokens):
        start = about.end
    rest_tokens = tokens[start:]
    if not any(t.word for t in rest_tokens):
        return None
    offset = rest_tokens[0].start
    rest = text[offset:].strip(" ?¿!¡.,;:")
    new_actors = actor_mentions(tokenize(rest))
    new_years = year_mentions(rest)
    base = previous.text
    old_actors = [(m.start, m.end) for m in previous.actor_mentions]
    old_years = [(m.start, m.end) for m in previous.year_mentions]
    if previous.references and (new_years or new_actors) and previous_topic:
        # "activity 27" then "and in 2009?": the item's topic in 2009, not the item again
        base, old_actors, old_years = previous_topic, [], []
    replacements: list[tuple[int, int, str]] = []
    if new_actors and old_actors:
        replacements.append((*old_actors[0], rest[new_actors[0].start : new_actors[0].end]))
    if new_years:
        (year_start, year_end), _ = new_years[0]
        if old_years:
            replacements.append((*old_years[0], rest[year_start:year_end]))
        else:
            replacements.append((len(base.rstrip(" ?")), len(base), f" ({rest[year_start:year_end]})?"))
    if not replacements:
        return f"{base.rstrip(' ?')} — {rest}?"
    resolved = base
    for begin, end, new in sorted(replacements, reverse=True):
        resolved = resolved[:begin] + new + resolved[end:]
    return resolved
