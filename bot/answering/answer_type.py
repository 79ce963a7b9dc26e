"""What kind of answer a question wants, and which sentences hold that kind.

"When…?" wants a date, "how many…?" a number, "which countries…?" a list of countries, "who…?"
an organ or a person, "where…?" a place, "why…?" a reason. The question words are recognised in
the four languages the bot answers in; the sentences are the documents' own, in English. A
sentence that holds the wanted kind is preferred, and a question whose best sentences hold none
of it is answered "the documents mention X but do not say …" instead of with a wrong quote.

Years are also read from OAS symbols: the session code `XLVII-O/17` of a resolution is 2017.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.text import fold

WHO, WHEN, WHERE, HOW_MANY, COUNTRIES, WHY = "who", "when", "where", "how_many", "countries", "why"
AMOUNT = "amount"  # how much money: a sum, not any number

# Question words on the folded question (lower case, no accents). Order matters: the first match
# wins, so "how many countries" is a number and "in which country" a place.
_QUESTION_TYPES: list[tuple[str, re.Pattern[str]]] = [
    (
        AMOUNT,
        re.compile(
            r"\b(how much (money|funding|financing|did|does|was|were|is)|what (amount|budget|sum)|"
            r"cuanto (dinero|financiamiento|presupuesto|aporto|dio|costo|se)|que (monto|presupuesto|suma)|"
            r"combien (d'argent|de fonds|a|ont)|quel (montant|budget)|quanto (dinheiro|financiamento|orcamento|custou)|"
            r"qual (o )?(montante|orcamento|valor))\b"
        ),
    ),
    (
        HOW_MANY,
        re.compile(
            r"\b(how (many|much)|what (number|amount|percentage|share)|number of|cuant[oa]s?|combien|quant[oa]s?|"
            r"que (cantidad|numero|porcentaje)|qual (o )?(numero|montante|valor))\b"
        ),
    ),
    (
        COUNTRIES,
        re.compile(
            r"\b((which|what) (other )?(countries|states|nations)|(que|cuales|quais|quels|quelles) (otros |autres |outros )?"
            r"(paises|estados|pays|etats|nacoes))\b"
        ),
    ),
    (
        WHEN,
        re.compile(
            r"\b(when|by when|since when|what (date|year|month|day)|in (what|which) (year|month)|cuando|desde cuando|"
            r"(en|a partir de) que (ano|fecha|mes)|que (ano|fecha)|quand|depuis quand|(en )?quelle (annee|date)|"
            r"en quel (mois|an)|quando|desde quando|em que (ano|data|mes)|(qual|que) (ano|data))\b"
        ),
    ),
    (
        WHERE,
        re.compile(
            r"\b(where|in (what|which) (city|country|place)|donde|adonde|en que (ciudad|pais|lugar)|ou|dans quel(le)? "
            r"(ville|pays)|onde|em que (cidade|pais))\b"
        ),
    ),
    (
        WHY,
        re.compile(
            r"\b(why|for what reason|what (is|was) the reason|por que|por que razon|pourquoi|pour quelle raison|"
            r"porque|por qual razao|por que motivo)\b"
        ),
    ),
    (
        WHO,
        re.compile(
            r"\b(who|whom|whose|(which|what) (organ|organs|body|bodies|agency|agencies|entity|entities|institution|"
            r"institutions|organization|organizations|organisation|organisations|office|department|person|persons|"
            r"official|officials|government|governments|ministry|ministries|secretariat)|quien|quienes|"
            r"(que|cual|cuales) (organo|organos|organismo|organismos|agencia|agencias|entidad|entidades|institucion|"
            r"instituciones|organizacion|organizaciones|oficina|departamento|dependencia|persona|personas|gobierno)|"
            r"qui|quel(le)?s? (organe|organes|organisme|organismes|agence|agences|entite|entites|institution|"
            r"institutions|organisation|organisations|bureau|departement|personne|personnes|gouvernement)|"
            r"quem|(que|qual|quais) (orgao|orgaos|organismo|organismos|agencia|agencias|entidade|entidades|"
            r"instituicao|instituicoes|organizacao|organizacoes|escritorio|departamento|pessoa|pessoas|governo))\b"
        ),
    ),
]
# "où" folds to "ou" (= "or" in French and Portuguese): only the accented form means "where".
_FRENCH_WHO = re.compile(r"^\W*(et |mais )?((a|par|avec|de|pour) )?qui\b")
_FRENCH_WHERE = re.compile(r"(^|[\s,;:(«\"'])où\b", re.IGNORECASE)


_CLAUSE_START = re.compile(
    r"(^|[¿¡,;:(\-–—]|\b(and|or|y|o|e|et|ou|but|pero|mais)|\b(to|a|por|par|de|desde|since|until|hasta|in|en|em|dans|by))\s*$"
)


def _opens_clause(folded: str, start: int) -> bool:
    """A question word counts where a question or a clause begins: "When did…", "…, and when?".

    In the middle of a sentence the same words are conjunctions ("its main concern when it
    comes to migration") and ask for nothing.
    """
    return bool(_CLAUSE_START.search(folded[max(0, start - 12) : start]))


def expected_types(question: str, folded: str | None = None) -> tuple[str, ...]:
    """Every kind of answer the question asks for, in the order asked ("where and when…")."""
    folded = folded if folded is not None else fold(question)
    found: list[tuple[int, str]] = []
    for kind, pattern in _QUESTION_TYPES:
        for match in pattern.finditer(folded):
            if not _opens_clause(folded, match.start()):
                continue
            word = match.group(0)
            if kind == WHERE and word == "ou" and not _FRENCH_WHERE.search(question):
                continue
            if kind == WHO and word == "qui" and not _FRENCH_WHO.search(folded):
                continue  # French "qui" in a relative clause ("l'organe qui…") is not "who?"
            if kind == WHY and word == "porque" and not folded.lstrip("¿¡ ").startswith("porque"):
                continue  # Spanish/Portuguese "porque" is "because" unless it opens the question
            if all(start != match.start() for start, _ in found):
                found.append((match.start(), kind))
            break
    return tuple(kind for _, kind in sorted(found))


def expected_type(question: str, folded: str | None = None) -> str | None:
    """The first kind of answer the question asks for, or None for "what…", yes/no and open questions."""
    types = expected_types(question, folded)
    return types[0] if types else None


# -- what a sentence holds ---------------------------------------------------------------------

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = re.compile(
    rf"\b((19|20)\d{{2}}|({_MONTHS})\b|(first|second|third|fourth|last) (week|quarter|half)|"
    r"[IVXL]+-[OE]/\d{2}\b)",
    re.IGNORECASE,
)
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|"
    r"hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|percent"
)
_NUMBER = re.compile(rf"(?<![\w/.$-])(\d[\d,.]*\s*%?|({_NUMBER_WORDS})\b)", re.IGNORECASE)
_NOT_A_COUNT = re.compile(
    r"(^|\n)\W*\d{1,2}[.)]\s|\b(?:RES|DEC|doc|No|Nos|CD|article|Article|paragraph|activity|activities|objective|"
    r"objectives|session|XX?X?V?I*-O)\.?\s*\d+|\b\d+(?:st|nd|rd|th)\b|\([IVXL]+-[OE]/\d{2}\)"
)
_MONEY = re.compile(
    r"(US\$|\$|€|\bUSD\b|\bdollars?\b|\beuros?\b|\bCAD\b)\s*[\d.,]*|\b\d[\d.,]*\s*(million|billion|thousand)\b", re.I
)
_YEAR_ONLY = re.compile(r"^(19|20)\d{2}$")
_ORGAN = re.compile(
    r"\b(Commission|Committee|Secretariat|Secretary|Organization|Organisation|Agency|Institute|Department|Office|"
    r"Council|Assembly|Government|Ministry|Ministries|University|Bank|Fund|Forum|Network|Conference|Rapporteur|"
    r"Rapporteurship|Section|Unit|Program|Center|Centre|Alliance|Foundation|Court|Mechanism|Group|Chair)\b"
    r"|\b[A-Z]{2,}[a-z]?\b|\b(Dr|Mr|Mrs|Ms|Commissioner|Ambassador|Minister)\.?\s+[A-Z]"
)
_PERSON = re.compile(r"\b[A-Z][a-zá-úñ]+ (?:[A-Z][a-zá-úñ]+ )?[A-Z][a-zá-úñ]+(?:-[A-Z][a-zá-úñ]+)?\b")
_REASON = re.compile(
    r"\b(because|due to|owing to|in order to|so that|so as to|with a view to|in view of|given that|given the|"
    r"since|as a result|result of|reason|reasons|aimed at|with the aim|the aim|purpose|to ensure|to guarantee|"
    r"to implement|in response to|responding to|to address|to promote|to prevent|to help|to facilitate|to strengthen|"
    r"to improve|to reduce|to protect|recommendations? of|pursuant to|in fulfillment)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern[str]:
    from bot.actors import MEMBER_STATES

    names = {name for _, name, _ in MEMBER_STATES} | {name_es for _, _, name_es in MEMBER_STATES}
    names |= {"Bahamas", "Spain", "Mexico", "Brazil", "Peru", "Haiti", "Canada", "United States", "Turks and Caicos"}
    names |= {"Italy", "Portugal", "France", "Germany", "Japan", "Europe", "Nicaragua", "Venezuela", "Trinidad"}
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"\b({alternatives})\b")


def countries_in(text: str) -> set[str]:
    return set(_country_pattern().findall(text))


def holds(kind: str | None, text: str) -> bool:
    """Whether a sentence holds an answer of the wanted kind (None: any sentence does)."""
    if kind is None:
        return True
    if kind == WHEN:
        return bool(_DATE.search(text))
    if kind == HOW_MANY:
        counted = _NOT_A_COUNT.sub(" ", text)  # list numbers, symbols, ordinals and session codes are no answer
        return any(not _YEAR_ONLY.match(m.group(0).strip()) for m in _NUMBER.finditer(counted))
    if kind == AMOUNT:
        return bool(_MONEY.search(text))
    if kind == COUNTRIES:
        return len(countries_in(text)) >= 1
    if kind == WHERE:
        return bool(countries_in(text)) or bool(re.search(r"\b(in|at|held in|from) [A-Z][a-z]+", text))
    if kind == WHY:
        return bool(_REASON.search(text))
    if kind == WHO:
        return bool(_ORGAN.search(text) or _PERSON.search(text))
    return True


# -- years -----------------------------------------------------------------------------------

_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–/]\s*(\d{2}|(?:19|20)\d{2})(?!\d)")
_SESSION = re.compile(r"\b[IVXL]+-[OE]/(\d{2})\b")
_RESOLUTION_NUMBER = re.compile(
    r"\b(?:[A-Z]+/RES\.?|resolution|resoluci[oó]n|résolution|resolução|decision)\s*\d{3,4}", re.I
)


def _full_year(two_digits: str) -> int:
    value = int(two_digits)
    return 2000 + value if value < 70 else 1900 + value


def years_in(text: str) -> set[int]:
    """Every year a text names: 2009, both ends of 2018-2019 or 2004-05, and OAS session codes.

    `AG/RES. 2141 (XXXV-O/05)` was adopted in 2005 and `XLVII-O/17` is the 2017 session, so a
    question about 2017 finds a passage that only gives the symbol.
    """
    text = _RESOLUTION_NUMBER.sub(" ", text)  # AG/RES. 2027 is a number, not the year 2027
    years = {int(match) for match in _FOUR_DIGIT_YEAR.findall(text)}
    for start, end in _YEAR_RANGE.findall(text):
        first = int(start)
        last = int(end) if len(end) == 4 else (first // 100) * 100 + int(end)
        if first <= last <= first + 10:
            years.update(range(first, last + 1))
    years.update(_full_year(match) for match in _SESSION.findall(text))
    return years


def question_years(text: str) -> set[int]:
    """Years a question asks about (not numbers such as "activity 2009"); symbols count too."""
    return {year for year in years_in(text) if 1940 <= year <= 2100}
