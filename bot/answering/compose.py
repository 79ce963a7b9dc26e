"""An answer put together from what was chosen: the quotes with their sources, "the documents mention
X but do not say Y", "the documents do not cover this", or the passage around the last quote.

The framing is in the reader's language (bot/texts); quotations stay as the documents wrote them.
"""

from __future__ import annotations

from bot.answering.features import Candidate
from bot.answering.gate import Verdict
from bot.answering.models import Answer, AnswerSentence, TurnContext, paginate
from bot.answering.sources import Sources, found_answer
from bot.texts import t
from index.chunk import Chunk
from index.documents import DocumentCatalogue
from index.language import Question
from index.language.glossary import translate_terms
from index.language.vocabulary import all_stop_words, stem_words
from index.units import UnitIndex

MORE_UNITS_AROUND = 3
MENTIONED_PHRASES = 3
SAME_FACT_RATIO = 90  # rapidfuzz token-set ratio from which two quotes say the same thing


def quotes(question: Question, chosen: list[Candidate], documents: DocumentCatalogue) -> Answer:
    """The chosen units, quoted with their sources, in reading order. A sentence two documents both
    hold is quoted once, from the more recent, and a note names the older one: a delegate is told
    which text is current instead of reading the same thing twice."""
    chosen, notes = _one_per_fact(chosen, question.lang)
    sources = Sources(documents, question.lang)
    sentences = [sources.sentence(c.unit.text, c.unit.chunk) for c in chosen]
    answer = found_answer(question.text, question.lang, "extractive", t(question.lang, "according"), sentences, sources)
    answer.notes = notes
    return answer


def _one_per_fact(chosen: list[Candidate], lang: str) -> tuple[list[Candidate], list[str]]:
    from rapidfuzz import fuzz

    kept: list[Candidate] = []
    notes: list[str] = []
    for candidate in chosen:
        twin = next(
            (
                other
                for other in kept
                if other.unit.chunk.doc != candidate.unit.chunk.doc
                and fuzz.token_set_ratio(other.unit.text, candidate.unit.text) >= SAME_FACT_RATIO
            ),
            None,
        )
        if twin is None:
            kept.append(candidate)
            continue
        newer, older = sorted((twin, candidate), key=lambda c: c.unit.chunk.date or "", reverse=True)
        if newer is candidate:
            kept[kept.index(twin)] = candidate
        notes.append(t(lang, "same_fact", older=older.unit.chunk.document_name, newer=newer.unit.chunk.document_name))
    return kept, list(dict.fromkeys(notes))


def not_found(question: Question) -> Answer:
    lang = question.lang
    return Answer(
        question=question.text,
        lang=lang,
        found=False,
        kind="not_found",
        intro=t(lang, "not_found"),
        notes=[t(lang, "not_found_help")],
    )


def partial(
    question: Question, verdict: Verdict, best: Candidate, units: UnitIndex, documents: DocumentCatalogue
) -> Answer:
    """ "The documents mention X but do not say Y", with the closest sentence and its source; when
    the closest passage holds none of the question's own words there is no X: not covered."""
    lang = question.lang
    named = mentioned(question, best, units, exclude=set(verdict.missing))
    if not named:
        return not_found(question)
    missing_parts = []
    if verdict.missing:
        missing_parts.append(t(lang, "missing_about", names=", ".join(verdict.missing)))
    if verdict.missing_type:
        missing_parts.append(t(lang, f"missing_{verdict.missing_type}"))
    sources = Sources(documents, lang)
    n = sources.cite(best.unit.chunk)
    if not missing_parts:
        missing_parts.append(t(lang, "missing_detail"))
    intro = t(lang, "partial", mentioned=named, missing=" / ".join(missing_parts))
    return Answer(
        question=question.text,
        lang=lang,
        found=False,
        kind="partial",
        intro=intro,
        sentences=[AnswerSentence(text=best.unit.text, n=n)],
        citations=sources.citations,
    )


def _english_stems(word: str, lang: str) -> set[str]:
    """The stems a question word may have in the documents: its own, and its glossary English's."""
    found = set(stem_words([word], "en")) | set(stem_words([word], lang))
    english, _ = translate_terms(word, lang)
    if english:
        found |= set(stem_words(english.lower().split(), "en"))
    return found


def mentioned(question: Question, best: Candidate, units: UnitIndex, *, exclude: set[str]) -> str:
    """The question's own words that the closest passage holds, as the question groups them
    ("«Costa Rica»", not "«Costa», «Rica»"), rarest first, at most three."""
    present = best.unit.stems | units.context_stems(best.unit.chunk)
    for unit in units.of(best.unit.chunk):
        present |= unit.stems
    stop = all_stop_words()
    phrases: list[tuple[str, float]] = []
    current: list[str] = []
    weight = 0.0
    text = question.text
    for token in (*question.tokens, None):
        word = text[token.start : token.end] if token is not None else ""
        usable = (
            token is not None
            and token.word
            and token.bare not in stop
            and len(token.bare) > 2
            and not token.bare.isdigit()
            and word not in exclude
        )
        stems = _english_stems(token.bare, question.lang) & present if usable else set()
        if stems:
            current.append(word)
            weight = max(weight, max(units.idf(stem) for stem in stems))
            continue
        if current:
            phrases.append((" ".join(current), weight))
        current, weight = [], 0.0
    ranked = {phrase for phrase, _ in sorted(phrases, key=lambda p: -p[1])[:MENTIONED_PHRASES]}
    return ", ".join(f"«{phrase}»" for phrase, _ in phrases if phrase in ranked)


def more(
    question: Question,
    context: TurnContext,
    chunk: Chunk | None,
    units: UnitIndex,
    documents: DocumentCatalogue,
    now: float,
) -> Answer:
    """The passage around the sentence quoted last: its neighbours in the passage, or the passage."""
    lang = context.lang if question.lang == "en" and len(question.text) < 25 else question.lang
    if chunk is None:
        return Answer(question=question.text, lang=lang, found=False, kind="not_found", intro=t(lang, "not_found"))
    passage = [u for u in units.of(chunk) if not u.fragment or u.item]
    around = list(passage)
    if context.sentence:
        position = next((i for i, u in enumerate(passage) if u.text == context.sentence), None)
        if position is not None:
            around = passage[max(0, position - MORE_UNITS_AROUND) : position + MORE_UNITS_AROUND + 1]
    if len(around) <= 2:  # a short passage: the next one of the same section too
        following = units.next(chunk)
        if following is not None and following.section == chunk.section:
            around += [u for u in units.of(following) if not u.fragment or u.item]
    sources = Sources(documents, lang)
    sentences = [sources.sentence(unit.text, unit.chunk) for unit in around]
    answer = found_answer(question.text, lang, "more", t(lang, "more"), sentences, sources)
    answer.pages = paginate(answer.sentences) if len(sentences) > 1 else []
    answer.context = context.model_copy(update={"at": now})
    return answer
