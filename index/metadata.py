"""Metadata read from a new document: title, date, kind and OAS symbols, as a maintainer would give them.

Maintainers confirm or correct them; whatever cannot be found is asked for (chat) or given on the
command line, so "not found" is better than a wrong guess:

- **Title**: the file's Title property when it names something, else the first heading-like line
  of page one that is not a running header (the reader has dropped those), a generic heading
  ("INTRODUCTION:"), a symbol, a date or a note in brackets; capitals are turned into the casing
  the document itself uses for each word (its language's rule for words it never writes).
- **Date**: the document's own, never the first date it cites: a date in page one's symbol block,
  else a date that follows a word saying it is the document's (adopted, agreed, approved, signed,
  dated…), else a date standing on a line of its own at the top. Not the file's creation date,
  which is when someone saved or printed it.
- **Kind**: from the title (the words each language uses), else from a resolution symbol opening the text.
- **Symbols**: the document's own, written on one line: those of page one's header block (a
  series line such as "OEA/Ser.W" joined to the symbol under it) and those standing alone on a
  line at the top of the text, never the resolutions its paragraphs cite.

The cue words (months, "adopted", generic headings, kind names, small words of titles) are
language data: [metadata] of index/language/<lang>.toml, the same keys in every language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from index.language.identify import document_language
from index.language.vocabulary import language_file, languages, vocabulary
from index.text import fold

KINDS = ("program", "resolution", "work_plan", "annual_report", "findings", "declaration", "meeting", "other")
SHORT_MAX = 48
HEAD_CHARS = 4000  # where the title, the date and the symbols are looked for (about page one)
HEAD_LINES = 40
CUE_WORDS_BEFORE_DATE = 15  # "Agreed upon at the LVII regular meeting held on April 19, 2016"
MAX_TITLE_CHARS = 250

# OAS symbols (notation, the same in every language). A resolution or declaration with its
# session in Roman numerals, every numeral allowed: AG/RES. 2883 (XLVI-O/16), CIDI/RES. 371 (CXLII-O/24).
_RESOLUTION = r"\b[A-Z]{2,8}(?:/[A-Z]{2,8})?/(?:RES|DEC)\.?\s*\d{1,4}(?:/\d{2})?\s*\([IVXLCDM]+-[OE]/\d{2}\)"
# A document symbol: CIDI/CAM/doc.31/25, CP/CAJP-2456/07, CP/doc.5432/19 rev. 1
_DOCUMENT = r"\b[A-Z]{2,8}(?:/[A-Z]{2,8})*(?:/(?:doc|DOC|Doc|INF|inf)\.\s?[\w.\-]+|-\d{3,5})/\d{2}\b(?:\s+(?:rev|corr|add)\.\s?\d+)?"
# A series, alone or before the document symbol printed under it: OEA/Ser.W CIDI/CAM/doc.XX/16
_SERIES = r"\bOEA/Ser\.[A-Z](?:/[\w.\-]+)*"
_SYMBOL = re.compile(rf"{_SERIES}\s+(?:{_DOCUMENT})|{_SERIES}/[\w.\-]+(?:/[\w.\-]+)*|{_RESOLUTION}|{_DOCUMENT}")
_SECTION_NUMBER = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d{1,2}(?:\.\d{1,2})*)[.)]\s")


class DetectedMetadata(BaseModel):
    title: str | None = None
    date: dt.date | None = None
    kind: str = "other"
    symbols: list[str] = []


# -- language data ---------------------------------------------------------------------------


@cache
def language_data() -> dict[str, dict]:
    """The [metadata] section of each language's data file (index/language/<lang>.toml)."""
    return {language: language_file(language)["metadata"] for language in languages()}


def _every(key: str) -> list[str]:
    return [fold(word) for data in language_data().values() for word in data[key]]


@cache
def _months() -> dict[str, int]:
    """Month names and abbreviations of every language (each file's [months])."""
    return {name: number for language in languages() for name, number in vocabulary(language).months.items()}


@cache
def _date_patterns() -> list[tuple[re.Pattern, tuple[str, ...]]]:
    month = "(" + "|".join(sorted(map(re.escape, _months()), key=len, reverse=True)) + r")\.?"
    suffix = "|".join(sorted(map(re.escape, _every("day_suffixes")), key=len, reverse=True))
    joiners = "|".join(sorted(map(re.escape, _every("date_joiners")), key=len, reverse=True))
    day = rf"(\d{{1,2}})(?:{suffix})?" if suffix else r"(\d{1,2})"
    join = rf"(?:\s+(?:{joiners}))?" if joiners else ""
    year = r"((?:19|20)\d{2})"
    return [
        (re.compile(rf"\b{year}-(\d{{2}})-(\d{{2}})\b"), ("y", "m", "d")),  # 2026-05-14
        (
            re.compile(rf"\b{day}{join}\s+{month}{join},?\s+{year}\b"),
            ("d", "M", "y"),
        ),  # 14 May 2026, 14 de mayo de 2026
        (re.compile(rf"\b{month}\s+{day},?\s+{year}\b"), ("M", "d", "y")),  # May 14, 2026
    ]


# -- what is read ----------------------------------------------------------------------------


def slugify(name: str) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return stem[:60].rstrip("-") or "document"


def detect_metadata(path: Path, text: str, extracted=None) -> DetectedMetadata:
    """What the file says of itself. `extracted` is its `index.extract.Extracted` (read when not given)."""
    if extracted is None:
        from index.extract import Extracted, ExtractionError, extract

        try:
            extracted = extract(path) if path.suffix.lower() in (".pdf", ".docx") else Extracted(text)
        except ExtractionError:
            extracted = Extracted(text)
    page_one = _page_one(text, extracted)
    header = [line.strip() for line in extracted.page_one_header if line.strip()]
    symbols = own_symbols(header, page_one)
    title = _property_title(extracted.title, path) or first_title(page_one, text, extracted.headings)
    date = own_date(header, "\n".join(page_one))
    return DetectedMetadata(title=title, date=date, kind=guess_kind(title or "", "\n".join(page_one)), symbols=symbols)


def _page_one(text: str, extracted) -> list[str]:
    """The lines of page one (the first lines of a file without pages)."""
    end = extracted.pages[1][0] if len(extracted.pages) > 1 and extracted.pages[1][0] > 0 else HEAD_CHARS
    lines = [line.strip() for line in text[: min(end, HEAD_CHARS)].splitlines()]
    return [line for line in lines if line][:HEAD_LINES]


def _property_title(title: str | None, path: Path) -> str | None:
    """A Title property that names the document (not "Microsoft Word - 003.doc", not the file name)."""
    if not title:
        return None
    title = " ".join(title.split())
    letters = [char for char in title if char.isalpha()]
    if (
        len(letters) < 4
        or fold(title) in (fold(path.stem), fold(path.name))
        or re.match(r"(?i)microsoft\s+\w+\s+-", title)
    ):
        return None
    return title


def own_symbols(header: list[str], page_one: list[str]) -> list[str]:
    """The document's own symbols: in its header block, or alone on a line at the top of the text."""
    found: list[str] = []
    block = " \n".join(header)
    block = re.sub(rf"({_SERIES})\s*\n\s*(?=[A-Z]{{2,8}}/)", r"\1 ", block)  # a series over its document symbol
    found += [match.group(0) for match in _SYMBOL.finditer(block)]
    for line in page_one[:15]:
        bare = line.strip(" []“”\"'.;:")
        match = _SYMBOL.search(bare)
        if match and len(bare) - len(match.group(0)) <= 3:  # a symbol on a line of its own, maybe in brackets
            found.append(match.group(0))
    return list(dict.fromkeys(" ".join(symbol.split()) for symbol in found if not re.fullmatch(_SERIES, symbol)))


def own_date(header: list[str], head: str) -> dt.date | None:
    """The document's own date: its header block's, a date after an "adopted" word, or a date on a line of its own."""
    for line in header:
        if found := dates_in(line):
            return found[0][1]
    folded = fold(head)
    cues = "|".join(sorted(map(re.escape, _every("own_date")), key=len, reverse=True))
    for cue in re.finditer(rf"\b(?:{cues})\b", folded):
        following = folded[cue.end() :]
        for position, value in dates_in(following):
            if len(following[:position].split()) <= CUE_WORDS_BEFORE_DATE:
                return value
            break
    for line in head.splitlines()[:15]:
        found = dates_in(line)
        if (
            found
            and len(re.sub(r"[\W\d_]+", "", fold(line))) <= len(re.sub(r"[\W\d_]+", "", fold(_date_text(line)))) + 8
        ):
            return found[0][1]
    return None


def _date_text(line: str) -> str:
    folded = fold(line)
    for pattern, _ in _date_patterns():
        if match := pattern.search(folded):
            return match.group(0)
    return ""


def dates_in(text: str) -> list[tuple[int, dt.date]]:
    """Every full date in the text (position, date), in the four languages' usual forms, in order."""
    folded = fold(text)
    candidates: list[tuple[int, dt.date]] = []
    for pattern, order in _date_patterns():
        for match in pattern.finditer(folded):
            parts = dict(zip(order, match.groups(), strict=True))
            month = int(parts["m"]) if "m" in parts else _months()[parts["M"]]
            value = _safe_date(int(parts["y"]), month, int(parts["d"]))
            if value:
                candidates.append((match.start(), value))
    return sorted(candidates)


def first_date(text: str) -> dt.date | None:
    """The first full date in the text (not the document's own date: see `own_date`)."""
    found = dates_in(text)
    return found[0][1] if found else None


def first_title(page_one: list[str], text: str, headings: dict[int, int] | None = None) -> str | None:
    """The first heading-like line of page one that is not generic, a symbol, a date or a note;
    a title in capitals goes on over the next capitalised line ("… 2009 ANNUAL MEETING").
    Failing that, the document's first line when it could be a title (a plain note's heading)."""
    generic = set(_every("generic_headings"))
    all_lines = text.split("\n")
    styled = {
        all_lines[number].strip()
        for number in {text.count("\n", 0, offset) for offset in headings or {}}
        if number < len(all_lines)
    }
    fallback = page_one[0].rstrip(":").strip() if page_one and _title_candidate(page_one[0], generic) else None
    for position, line in enumerate(page_one):
        if len(line) > MAX_TITLE_CHARS or (_SECTION_NUMBER.match(line) and not _generic(line, generic)):
            break  # the body, or a numbered section, has begun: page one prints no title of its own
        if not _title_candidate(line, generic) or not (_is_caps(line) or line in styled or _title_words(line)):
            continue
        title = line.rstrip(":").strip()
        following = page_one[position + 1] if position + 1 < len(page_one) else ""
        if (
            _is_caps(title)
            and _is_caps(following)
            and len(following) <= 80
            and _title_candidate(following, generic)
            and not _SECTION_NUMBER.match(following)
        ):
            title = f"{title}, {following.rstrip(':').strip()}"
        return recase(title, text) if _is_caps(title) else title
    return (recase(fallback, text) if _is_caps(fallback) else fallback) if fallback else None


def _generic(line: str, generic: set[str]) -> bool:
    bare = fold(_SECTION_NUMBER.sub("", line)).strip(" :.-–")
    return bare in generic


def _title_candidate(line: str, generic: set[str]) -> bool:
    bare = line.strip()
    if len(bare) < 8 or bare[0] in "[(" or bare.endswith((".", ";", ",")):
        return False
    if _SECTION_NUMBER.match(bare) or _generic(bare, generic):
        return False
    if (symbol := _SYMBOL.search(bare)) and len(bare) - len(symbol.group(0)) <= 3:
        return False
    if dates_in(bare) and len(bare) - len(_date_text(bare)) <= 10:
        return False
    return sum(char.isalpha() for char in bare) >= 6


def _title_words(line: str) -> bool:
    words = [word for word in re.findall(r"[^\W\d_][\w’'/-]*", line) if len(word) > 3]
    return bool(words) and sum(word[0].isupper() for word in words) / len(words) >= 0.6 and len(line) <= 160


def _is_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 4 and all(char.isupper() for char in letters)


def recase(title: str, text: str, language: str | None = None) -> str:
    """A title written in capitals, cased as the document writes each word elsewhere.

    A word the document writes with inner capitals or only in capitals keeps that form
    (Inter-American, CAM, GT/TM). Otherwise the language's rule: in "title" case every word but
    the small ones is capitalised; in "sentence" case only the first word and those the document
    capitalises inside its sentences (names: Comisión de Asuntos Migratorios).
    """
    data = language_data()[language or _language_of(text)]
    small = {fold(word) for word in data["title_small_words"]}
    forms: dict[str, Counter] = {}
    for line in text.splitlines():
        if _is_caps(line):
            continue
        for match in re.finditer(r"[^\W\d_][\w’'\-]*", line):
            before = line[: match.start()].rstrip()
            if not before or before.endswith((".", "!", "?", ":", "•", "·", "(", "“", '"')):
                continue  # a sentence's first word is capitalised whatever it is
            word = match.group(0)
            forms.setdefault(word.casefold(), Counter())[word] += 1
    result = []
    first = True
    for piece in re.split(r"(\s+)", title):
        core = re.sub(r"^[^\w]+|[^\w]+$", "", piece)
        if not piece.strip() or not any(char.isalpha() for char in core):
            result.append(piece)
            continue
        seen = forms.get(core.casefold(), Counter())
        special = [form for form in seen if form != form.lower() and form != form.capitalize()]
        capitalised = any(form[:1].isupper() for form in seen)
        if special:
            cased = max(special, key=lambda form: seen[form])  # Inter-American, CAM, GT/TM
        elif re.search(r"[/\d]", core):
            cased = core
        elif fold(core) in small and not first:
            cased = core.lower()
        elif first or data["title_case"] == "title" or capitalised:
            cased = core.lower().capitalize()
        else:
            cased = core.lower()
        if first:
            cased = cased[:1].upper() + cased[1:]
        result.append(piece.replace(core, cased, 1))
        first = False
    return "".join(result)


def _language_of(text: str) -> str:
    return document_language(text) or "en"


def guess_kind(title: str, head: str = "") -> str:
    """The kind the title announces; "other" when it announces none (asked in the preview)."""
    folded = " ".join(fold(title).replace("’", "'").split())
    kinds: list[tuple[str, list[str], list[str]]] = []
    for data in language_data().values():
        for position, entry in enumerate(data["kind"]):
            if len(kinds) <= position:
                kinds.append((entry["name"], [], []))
            kinds[position][1].extend(fold(word) for word in entry["starts"])
            kinds[position][2].extend(fold(word) for word in entry["anywhere"])
    for name, starts, anywhere in kinds:
        if any(folded.startswith(word) for word in starts) or any(
            re.search(rf"\b{re.escape(word)}\b", folded) for word in anywhere
        ):
            return name
    first_line = head.lstrip().split("\n", 1)[0] if head else ""
    if re.match(_RESOLUTION, first_line.strip("[] ")) and "/RES" in first_line:
        return "resolution"
    return "other"


def short_name(title: str, *, limit: int = SHORT_MAX) -> str:
    """A name for citations: the title if short, else whole words up to the limit, never cut mid-word.

    The title's last year ("…, 2018-2019") is kept, since it is what tells similar documents apart.
    """
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    years = re.findall(r"\b(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?\b", title)
    tail = f" {years[-1]}" if years else ""
    words: list[str] = []
    for word in title.split():
        if len(" ".join([*words, word])) + len(tail) + 1 > limit:
            break
        words.append(word)
    if tail and tail.strip() in " ".join(words):
        tail = ""
    small = set(_every("title_small_words"))
    while words and (fold(words[-1]).strip(",;:(") in small or words[-1].endswith(("(", ","))):
        words.pop()
    if not words:  # one enormous word: it is the whole name
        return title[:limit]
    text = " ".join(words).rstrip(",;:")
    if text.count("(") > text.count(")"):  # never leave a parenthesis open
        text = text[: text.rfind("(")].rstrip()
    return f"{text}…{tail}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
