"""The language layer's data and the patterns it owns: every language file has every section, what a
document sentence holds, years and symbols, the glossaries between languages, and that no module
outside the layer reads a question's text with a pattern of its own."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from index.language.answers import holds
from index.language.glossary import glossary, translate_terms
from index.language.patterns import symbols_in, years_in
from index.language.vocabulary import DATA_DIR, languages, vocabulary
from index.units import is_date_cell

ROOT = Path(__file__).resolve().parent.parent


WORD_TABLES = {"actors", "numbers"}  # keyed by the language's own words or by actor: only the section must exist


def _shape(data: dict) -> dict:
    return {
        key: _shape(value) if isinstance(value, dict) and key not in WORD_TABLES else None
        for key, value in data.items()
    }


def test_every_language_file_has_the_same_sections_and_keys():
    shapes = {lang: _shape(tomllib.loads((DATA_DIR / f"{lang}.toml").read_text("utf-8"))) for lang in languages()}
    assert set(shapes) == {"en", "es", "fr", "pt"}
    for lang, shape in shapes.items():
        assert shape == shapes["en"], f"{lang}.toml differs from en.toml in its sections or keys"


def test_every_actor_is_named_in_every_language():
    actors = tomllib.loads((DATA_DIR / "actors.toml").read_text("utf-8"))
    for lang in languages():
        assert set(vocabulary(lang).actors) == set(actors), lang
        assert all(name.aliases for name in vocabulary(lang).actors.values()), lang


def test_a_new_phrase_is_a_data_edit(tmp_path, monkeypatch):
    """A Portuguese listing cue added to pt.toml is all it takes for a question to use it."""
    from index.language import intent
    from index.language import vocabulary as module
    from index.language.tokens import tokenize

    for path in DATA_DIR.glob("*.toml"):
        (tmp_path / path.name).write_text(path.read_text("utf-8"), "utf-8")
    edited = (
        (tmp_path / "pt.toml").read_text("utf-8").replace('listing = ["liste",', 'listing = ["relacione", "liste",')
    )
    (tmp_path / "pt.toml").write_text(edited, "utf-8")
    assert not intent.cue("listing").any_in(tokenize("relacione"))
    monkeypatch.setattr(module, "DATA_DIR", tmp_path)
    module.languages.cache_clear()
    module.vocabulary.cache_clear()
    intent.cue.cache_clear()
    try:
        assert intent.cue("listing").any_in(tokenize("relacione as atividades"))
    finally:
        monkeypatch.undo()
        module.languages.cache_clear()
        module.vocabulary.cache_clear()
        intent.cue.cache_clear()


def test_sentences_holding_an_answer_type():
    assert holds("when", "The World Congress was held in September 2005, in Orlando, Florida.")
    assert holds("when", "La reunión se celebró el 16 de marzo.", "es")
    assert not holds("when", "Member states may wish to share their experience.")  # the verb "may"
    assert holds("how_many", "has assisted victims from 30 countries.")
    assert holds("how_many", "participaron doce ministerios", "es")
    assert not holds("how_many", "1. Circulation of the Work Plan of the CAM Vice Chair")  # a list number
    assert not holds("how_many", "resolution AG/RES. 2141 (XXXV-O/05)")  # a symbol
    assert not holds("how_many", "as set out in activity 27")  # a label
    assert holds("countries", "Argentina, Colombia, Ecuador, Jamaica and Peru participate as observers")
    assert holds("countries", "Le Mexique et le Guatemala ont signé", "fr")
    assert holds("amount", "a contribution of US$ 250,000") and not holds("amount", "over 100 organizations")
    assert holds("who", "Dr. Santiago Cantón, Executive Secretary, agreed.")
    assert holds("why", "in order to strengthen cooperation") and holds("why", "afin de renforcer la coopération", "fr")


def test_a_date_cell_is_read_in_any_language_and_with_a_slip_of_the_keyboard():
    assert is_date_cell("APRIL - 2019") and is_date_cell("Fourth week October") and is_date_cell("30 and 31")
    assert is_date_cell("marzo de 2019") and is_date_cell("Febrruary 2019")  # one letter off a month
    assert not is_date_cell("Informal meeting of the CAM")


def test_years_from_oas_symbols_and_ranges():
    assert years_in("AG/RES. 2910 (XLVII-O/17) Migration in the Americas") == {2017}
    assert years_in("AG/RES. 2141 (XXXV-O/05)") == {2005}
    assert years_in("the 2018-2019 period and 2004-05") == {2018, 2019, 2004, 2005}
    assert 2027 not in years_in("AG/RES. 2027 (XXXIV-O/04)")  # a resolution number is not a year
    assert 2027 not in years_in("la résolution 2027 de l'Assemblée")
    assert symbols_in("see CIDI/RES. 371\n(CXLII-O/24) and AG/RES. 2883 (XLVI-O/16)") == [
        "CIDI/RES. 371 (CXLII-O/24)",
        "AG/RES. 2883 (XLVI-O/16)",
    ]


@pytest.mark.parametrize(
    ("question", "lang", "english"),
    [
        ("¿Qué hace la CIDH contra la trata de personas?", "es", {"iachr", "trafficking", "persons"}),
        ("Que fait l'OIM contre la traite des personnes ?", "fr", {"iom", "trafficking", "persons"}),
        ("O que a OPAS faz sobre o tráfico de pessoas?", "pt", {"paho", "trafficking", "persons"}),
        ("¿Qué piden las trabajadoras migrantes?", "es", {"migrant", "worker"}),
        ("Quels sont les objectifs spécifiques du plan de travail ?", "fr", {"specific", "objective", "work", "plan"}),
    ],
)
def test_glossary_terms_reach_the_english_search(question, lang, english):
    from index.language import analyse

    read = analyse(question)
    assert read.lang == lang and english <= set(read.terms)
    assert all(word.lower() in read.search_text.lower() for word in english)


def test_translated_words_are_searched_in_english_only_and_unknown_ones_stay():
    english, untranslated = translate_terms("¿Qué dice el Programa sobre Monterrey?", "es")
    assert "program" in english and "monterrey" in untranslated and "programa" not in untranslated
    assert translate_terms("What does the Program say?", "en") == ("", [])


def test_words_that_differ_only_by_an_accent_keep_their_own_meaning():
    """French "traite" (trafficking) and "traité" (treaty) fold to one word and one stem."""
    assert translate_terms("la lutte contre la traite", "fr")[0].split()[-1] == "trafficking"
    assert "trafficking" not in translate_terms("le traité de Vienne", "fr")[0]
    assert "treaty" in translate_terms("le traité de Vienne", "fr")[0]


def test_function_words_the_glossary_lacks_are_not_kept_as_names():
    _, rest = translate_terms("Qu'ont dit les chefs d'État de Bolivie contre ce plan ?", "fr")
    assert "bolivie" in rest and not {"ont", "contre", "ce"} & set(rest)
    _, rest = translate_terms("¿Qué hace el MESECVI respecto de ellas?", "es")
    assert rest == ["mesecvi"]


def test_the_glossaries_read_backwards_reach_a_document_in_another_language():
    assert glossary("es").from_english(["trafficking", "workshop"]) == ["trata", "taller"]
    assert "traite" in glossary("fr").from_english(["trafficking"])


_QUESTION_NAMES = {"question", "query", "message", "previous"}
_QUESTION_FIELDS = {"text", "folded", "typed"}
_PATTERN_METHODS = {"search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}


def _reads_question_text(node: ast.AST) -> bool:
    for inner in ast.walk(node):
        if isinstance(inner, ast.Name) and inner.id in _QUESTION_NAMES:
            return True
        if isinstance(inner, ast.Attribute) and inner.attr in _QUESTION_FIELDS:
            value = inner.value
            if isinstance(value, ast.Name) and value.id in _QUESTION_NAMES:
                return True
    return False


def test_no_module_outside_the_language_layer_reads_a_question_with_a_pattern():
    """Patterns over a question belong to index/language: a module elsewhere that runs one over
    `question`, `question.text`, `query.folded`… fails this test."""
    offenders = []
    for folder in ("bot", "handlers", "index"):
        for path in (ROOT / folder).rglob("*.py"):
            if "language" in path.relative_to(ROOT).parts:
                continue
            tree = ast.parse(path.read_text("utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                    continue
                if node.func.attr not in _PATTERN_METHODS:
                    continue
                receiver = node.func.value
                is_re = isinstance(receiver, ast.Name) and (receiver.id == "re" or receiver.id.startswith("_"))
                if is_re and any(_reads_question_text(arg) for arg in node.args):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_countries_a_sentence_names_come_in_its_order_every_run():
    from index.language.answers import places_in

    sentence = "The RCM has granted observer status to Argentina, Colombia, Ecuador, Jamaica, and Peru."
    assert places_in(sentence) == ["Argentina", "Colombia", "Ecuador", "Jamaica", "Peru"]
