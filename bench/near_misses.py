"""Near misses made from in-scope questions: the topic stays in the documents, the asked fact leaves them.

    python bench/near_misses.py          # writes eval/near_misses.jsonl and eval/near_misses_validation.jsonl

A near miss is a question whose topic the documents cover while the figure, date, actor or place it
asks about is in none of them ("What did the IOM do in Haiti in 2031?"). The right answer says the
documents do not hold it. Unseen question sets hold such questions and the assistant answered most
of them with the nearest passage, so the refusal needs examples of them to be fitted and measured.

Method, the same for every question and every language (no question is edited by hand):
- Sources: the in-scope questions (those with evidence) of the `tune` part and of
  eval/train_wide.jsonl give eval/near_misses.jsonl, for fitting; those of the `validation` part
  give eval/near_misses_validation.jsonl, for measuring only.
- Four changes, each made at most once per question where the question offers it:
  * year — every four-digit year (1800-2099) outside a document symbol moves by one offset so
    that no resulting year occurs anywhere in the corpus; ranges ("2018-2019") move together.
  * amount — the first other number (the language's own thousands and decimal separators:
    "40,386", "40.386", "40 386") becomes one that occurs nowhere in the corpus: an activity
    number past the last one, a count or sum the documents never state. A day beside one of the
    language's month names is part of a date and is left alone.
  * actor — the first organisation of the documents named in the question (by name or acronym,
    as the language writes it: near_miss/<lang>.toml) becomes one the corpus never names, of the
    same grammatical gender (and, in French, the same initial vowel or consonant, for elision), so
    that "la OIM" becomes "la UNESCO" and "del IIN" "del Banco Mundial".
  * place — the first country, city or state the documents mention becomes one of the same kind
    and gender that the corpus never mentions ("Haití" → "Japón", "Ottawa" → "Oslo").
- Absence is checked against the corpus text itself, accents and case folded, on word boundaries:
  a replacement is kept only when neither its own form nor its English form occurs in any
  document. Document symbols (AG/RES. 2141, CP/CAJP-2038/03, Resolution 2/18) are never changed.
- Which offset or replacement a question gets is chosen by a hash of its id, so reruns give the
  same file; a replacement keeps the case of a lower-case (keyword) question.

Each near miss keeps the `source_id`, `doc` and `alt_docs` of its question (leave-one-document-out
folds put it with that document), its `lang`, `kind: near_miss`, the `change` made, and no evidence.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.check_eval import CORPUS, corpus_texts
from bench.split import load
from bench.split import part as split_part
from index.text import fold

HERE = Path(__file__).resolve().parent
EVAL_DIR = HERE / "eval"
LANGUAGE_DIR = HERE / "near_miss"
TRAIN_WIDE = EVAL_DIR / "train_wide.jsonl"
OUTPUT = EVAL_DIR / "near_misses.jsonl"
OUTPUT_VALIDATION = EVAL_DIR / "near_misses_validation.jsonl"
CHANGES = ("year", "amount", "actor", "place")
YEAR_OFFSETS = (13, 17, 21, -13, 19, 23, -17, 27, 11, 29)
YEAR_RANGE = (1950, 2040)  # a changed year stays one a person could ask about
# A document symbol: letters, slashes, dots and hyphens ending in a number ("AG/RES. 2141
# (XXXV-O/05)", "CP/CAJP-2038/03", "RES. 252", "CD45(D1)"), or a number/number ("2/18").
SYMBOL = re.compile(r"\b[A-Z][A-Z/]*[A-Z][.\s-]{0,2}\d[\d/().A-Z-]*|\b\d+/\d+\b")
YEAR = re.compile(r"(?<![\d.,/])(1[89]\d\d|20\d\d)(?![\d/]|[.,]\d)")


@dataclass(frozen=True)
class Name:
    """A form of an organisation or place as a question in one language writes it."""

    text: str
    english: str
    kind: str
    gender: str

    @property
    def vowel(self) -> bool:
        return fold(self.text)[:1] in set("aeiouy")


@dataclass(frozen=True)
class Language:
    """What near_miss/<lang>.toml says about how that language writes numbers and names."""

    code: str
    thousands: str
    decimal: str
    match_initial_vowel: bool
    months: tuple[str, ...]
    known: dict[str, tuple[Name, ...]]  # "organisation" / "place" → the documents' own
    absent: dict[str, tuple[Name, ...]]  # candidates, before the corpus check

    @property
    def number(self) -> re.Pattern[str]:
        sep = re.escape(self.thousands) + ("\u00a0\u202f" if self.thousands == " " else "")
        return re.compile(
            rf"(?<![\w/.,-])(\d{{1,3}}(?:[{sep}]\d{{3}})+|\d+)(?:{re.escape(self.decimal)}\d+)?(?![\w/]|[.,]\d)"
        )

    def is_day(self, question: str, start: int, end: int) -> bool:
        """A number right beside a month name ("March 16", "16 de marzo", "16 mars") is a date."""
        before = fold(question[:start]).split()[-1:]
        after = [word for word in fold(question[end:]).split()[:2] if word not in ("de", "of")][:1]
        return any(word.strip(",.") in self.months for word in before + after)

    def format(self, value: float, decimals: int) -> str:
        whole, _, fraction = f"{value:,.{decimals}f}".partition(".")
        text = whole.replace(",", self.thousands)
        return f"{text}{self.decimal}{fraction}" if fraction else text


@cache
def language(code: str) -> Language:
    data = tomllib.loads((LANGUAGE_DIR / f"{code}.toml").read_text(encoding="utf-8"))
    known: dict[str, tuple[Name, ...]] = {}
    absent: dict[str, tuple[Name, ...]] = {}
    for section, kind in (("organisations", "organisation"), ("places", None)):
        known[kind or "place"] = tuple(
            Name(text, text, entry.get("kind", kind or ""), entry.get("gender", ""))
            for entry in data[section]["known"]
            for text in entry["names"]
        )
        absent[kind or "place"] = tuple(
            Name(entry["name"], entry["english"], entry.get("kind", kind or ""), entry.get("gender", ""))
            for entry in data[section]["absent"]
        )
    grammar = data["grammar"]
    return Language(
        code,
        grammar["thousands"],
        grammar["decimal"],
        grammar["match_initial_vowel"],
        tuple(fold(month) for month in grammar["months"]),
        known,
        absent,
    )


class Corpus:
    """The documents' text, folded, to prove that a year, number or name occurs in none of them."""

    def __init__(self, corpus: Path = CORPUS) -> None:
        self.text = fold(" ".join(corpus_texts(corpus).values()))
        numbers = re.findall(r"\d+(?:[.,]\d+)*", self.text)
        self.numbers = {n.replace(",", "") for n in numbers} | set(numbers)
        self.years = {int(n) for n in numbers if len(n) == 4 and n.isdigit()}

    def mentions(self, name: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", self.text) is not None

    def holds_number(self, value: str) -> bool:
        return value in self.numbers


def _pick(seed: str, options: list) -> object | None:
    return options[zlib.crc32(seed.encode()) % len(options)] if options else None


def _protected(question: str) -> list[tuple[int, int]]:
    return [match.span() for match in SYMBOL.finditer(question)]


def _free(span: tuple[int, int], protected: list[tuple[int, int]]) -> bool:
    return not any(start < span[1] and span[0] < end for start, end in protected)


def _folded(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each of its characters, the index of the character it came from."""
    out, origin = [], []
    for index, char in enumerate(text):
        for piece in fold(char):
            out.append(piece)
            origin.append(index)
    return "".join(out), origin


def change_year(question: str, seed: str, corpus: Corpus) -> tuple[str, str, str] | None:
    protected = _protected(question)
    found = [m for m in YEAR.finditer(question) if _free(m.span(), protected)]
    if not found:
        return None
    years = [int(m.group()) for m in found]
    start = zlib.crc32(seed.encode()) % len(YEAR_OFFSETS)
    for offset in YEAR_OFFSETS[start:] + YEAR_OFFSETS[:start]:
        moved = [year + offset for year in years]
        if all(YEAR_RANGE[0] <= y <= YEAR_RANGE[1] and y not in corpus.years for y in moved):
            text = question
            for match, year in sorted(zip(found, moved, strict=True), key=lambda pair: -pair[0].start()):
                text = text[: match.start()] + str(year) + text[match.end() :]
            return text, ", ".join(m.group() for m in found), ", ".join(map(str, moved))
    return None


def change_amount(question: str, seed: str, corpus: Corpus, lang: Language) -> tuple[str, str, str] | None:
    protected = _protected(question) + [m.span() for m in YEAR.finditer(question)]
    for match in lang.number.finditer(question):
        if not _free(match.span(), protected) or lang.is_day(question, *match.span()):
            continue
        raw = match.group()
        whole, _, fraction = raw.partition(lang.decimal) if lang.decimal in raw else (raw, "", "")
        digits = re.sub(r"\D", "", whole)
        if not digits:
            continue
        value = float(f"{digits}.{fraction}" if fraction else digits)
        decimals = len(fraction)
        candidates = [value * 3 + 7, value * 5 + 3, value * 7 + 11, value + 97, value * 11 + 13, value * 13 + 17]
        start = zlib.crc32(seed.encode()) % len(candidates)
        for candidate in candidates[start:] + candidates[:start]:
            plain = f"{candidate:.{decimals}f}"
            if not corpus.holds_number(plain) and not corpus.holds_number(f"{candidate:,.{decimals}f}"):
                new = lang.format(candidate, decimals)
                return question[: match.start()] + new + question[match.end() :], raw, new
    return None


def change_name(question: str, seed: str, corpus: Corpus, lang: Language, kind: str) -> tuple[str, str, str] | None:
    """Replace the first of the documents' organisations (or places) the question names."""
    folded, origin = _folded(question)
    protected = _protected(question)
    hits = []
    for name in sorted(lang.known[kind], key=lambda n: -len(n.text)):
        for match in re.finditer(rf"(?<!\w){re.escape(fold(name.text))}(?!\w)", folded):
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            if _free((start, end), protected) and not any(s < end and start < e for s, e, _ in hits):
                hits.append((start, end, name))
    if not hits:
        return None
    start, end, name = min(hits, key=lambda hit: hit[0])
    options = [
        other
        for other in lang.absent[kind]
        if other.kind == name.kind
        and other.gender == name.gender
        and (not lang.match_initial_vowel or other.vowel == name.vowel)
        and not corpus.mentions(other.text)
        and not corpus.mentions(other.english)
        and not re.search(rf"(?<!\w){re.escape(fold(other.text))}(?!\w)", folded)
    ]
    chosen = _pick(seed, options)
    if chosen is None:
        return None
    original = question[start:end]
    new = chosen.text.lower() if original == original.lower() else chosen.text
    return question[:start] + new + question[end:], original, new


def make(item: dict, source_part: str, corpus: Corpus) -> list[dict]:
    """The near misses of one in-scope question: one per change the question offers."""
    lang = language(item["lang"])
    made: list[dict] = []
    for change in CHANGES:
        seed = f"{item['id']}:{change}"
        if change == "year":
            result = change_year(item["question"], seed, corpus)
        elif change == "amount":
            result = change_amount(item["question"], seed, corpus, lang)
        else:
            result = change_name(item["question"], seed, corpus, lang, "organisation" if change == "actor" else "place")
        if result is None or result[0] == item["question"]:
            continue
        question, before, after = result
        made.append(
            {
                "id": f"nm-{item['id']}-{change}",
                "question": question,
                "lang": item["lang"],
                "doc": item["doc"],
                "alt_docs": item.get("alt_docs", []),
                "source_id": item["id"],
                "source_part": source_part,
                "kind": "near_miss",
                "change": {"what": change, "from": before, "to": after},
                "answer": f"Not in the documents: they hold {before}, not {after}.",
            }
        )
    return made


def generate(items: list[tuple[dict, str]], corpus: Corpus) -> list[dict]:
    return [
        miss
        for item, source in items
        if item.get("evidence") and item.get("doc")
        for miss in make(item, source, corpus)
    ]


def write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def main() -> None:
    corpus = Corpus()
    wide = load(TRAIN_WIDE) if TRAIN_WIDE.exists() else []
    fitting = generate(
        [(item, "tune") for item in split_part("tune")] + [(item, "train_wide") for item in wide], corpus
    )
    measuring = generate([(item, "validation") for item in split_part("validation")], corpus)
    write(OUTPUT, fitting)
    write(OUTPUT_VALIDATION, measuring)
    for path, rows in ((OUTPUT, fitting), (OUTPUT_VALIDATION, measuring)):
        counts = Counter((row["change"]["what"], row["lang"]) for row in rows)
        print(f"{path.name}: {len(rows)} near misses", dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
