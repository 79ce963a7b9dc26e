"""The measurement side: question sets that hold their evidence, folds that never leak the held-out
document, near misses that are really absent from the corpus, and the scoring rules of bench/."""

from __future__ import annotations

import re

import pytest

from bench import near_misses
from bench.answers import direct_line, score
from bench.check_eval import EVAL_DIR, check
from bench.common import direct_hit
from bench.compare import changes
from bench.folds import documents, every_question, folds, kind
from bench.split import load
from bench.split import part as split_part
from bot.answering.models import Answer, AnswerSentence, Citation
from index.text import fold as fold_text


@pytest.fixture(scope="module")
def corpus():
    return near_misses.Corpus()


def test_every_question_set_holds_its_evidence_in_its_document():
    assert check() == []


def test_wide_training_set_covers_every_document_language_and_style():
    wide = load(EVAL_DIR / "train_wide.jsonl")
    assert {item["doc"] for item in wide} == set(documents())
    assert {item["lang"] for item in wide} == {"en", "es", "fr", "pt"}
    assert {"keywords", "typo", "no_accents", "paraphrase", "listing", "how_many", "who", "when"} <= {
        item["style"] for item in wide
    }
    assert all(item.get("direct") for item in wide if item["style"] in {"how_many", "who", "when"})


def test_each_fold_trains_without_its_document_and_tests_all_of_it():
    all_folds = folds()
    assert [fold.doc for fold in all_folds] == list(documents())
    tested = [item["id"] for fold in all_folds for item in fold.test]
    assert sorted(tested) == sorted(item["id"] for item in every_question())  # each question in one fold
    for fold in all_folds:
        assert fold.test and fold.train
        assert all(item.get("doc") in (fold.doc, None) for item in fold.test)
        for item in fold.train:
            assert item.get("doc") != fold.doc
            assert fold.doc not in item.get("alt_docs", [])
            assert item["part"] != "validation"
        assert any(kind(item) == "out_of_scope" for item in fold.test)


def test_near_misses_keep_their_source_and_are_never_made_from_validation():
    validation = {item["id"] for item in split_part("validation")}
    sources = {item["id"]: item for item in split_part("tune") + load(EVAL_DIR / "train_wide.jsonl")}
    made = load(EVAL_DIR / "near_misses.jsonl")
    assert made
    for miss in made:
        assert miss["source_id"] not in validation
        assert miss["doc"] == sources[miss["source_id"]]["doc"]
        assert not miss.get("evidence") and miss["kind"] == "near_miss"
    assert all(miss["source_id"] in validation for miss in load(EVAL_DIR / "near_misses_validation.jsonl"))


def test_near_miss_files_are_what_the_generator_makes_now(corpus):
    sources = [(item, "tune") for item in split_part("tune")]
    sources += [(item, "train_wide") for item in load(EVAL_DIR / "train_wide.jsonl")]
    assert near_misses.generate(sources, corpus) == load(EVAL_DIR / "near_misses.jsonl")


def test_what_a_near_miss_asks_about_is_in_no_document(corpus):
    for miss in load(EVAL_DIR / "near_misses.jsonl"):
        change = miss["change"]
        if change["what"] == "year":
            assert not {int(year) for year in change["to"].split(", ")} & corpus.years
        elif change["what"] in ("actor", "place"):
            assert not corpus.mentions(change["to"])
        assert all(piece in miss["question"] for piece in change["to"].split(", "))


@pytest.mark.parametrize(
    ("question", "lang", "what", "kept"),
    [
        ("¿Qué hizo la OIM en 2008 en Haití?", "es", "year", "OIM"),
        ("What did the IOM report for 2018-2019?", "en", "year", "IOM"),
        ("Qu'a fait l'OIM en Haïti ?", "fr", "actor", "Haïti"),
        ("¿Qué actividades tiene el IIN?", "es", "actor", "el "),
        ("How many persons, 40,386 or more, asked for protection?", "en", "amount", "persons"),
        ("O que a CIDH fez na Nicarágua?", "pt", "place", "CIDH"),
    ],
)
def test_a_change_moves_the_asked_fact_out_of_the_documents(corpus, question, lang, what, kept):
    item = {"id": "t1", "question": question, "lang": lang, "doc": "d", "evidence": ["x"]}
    made = {miss["change"]["what"]: miss for miss in near_misses.make(item, "tune", corpus)}
    assert what in made
    miss = made[what]
    assert kept in miss["question"] and miss["question"] != question
    if what == "year":
        assert all(int(y) not in corpus.years for y in re.findall(r"\d{4}", miss["question"]))


def test_replacements_agree_with_the_article_and_elision_of_the_question(corpus):
    es = near_misses.make({"id": "a", "question": "¿Qué hace la OIM?", "lang": "es", "doc": "d"}, "tune", corpus)
    feminine = {entry.text for entry in near_misses.language("es").absent["organisation"] if entry.gender == "f"}
    assert es[0]["change"]["to"] in feminine
    fr = near_misses.make({"id": "b", "question": "Que fait l'OIM ?", "lang": "fr", "doc": "d"}, "tune", corpus)
    assert fold_text(fr[0]["change"]["to"])[0] in "aeiouy"


def test_symbols_and_days_are_never_changed(corpus):
    item = {"id": "c", "question": "What did AG/RES. 2027 ask for on March 16?", "lang": "en", "doc": "d"}
    assert near_misses.make(item, "tune", corpus) == []


@pytest.mark.parametrize(
    ("line", "expected", "hit"),
    [
        ("Doce actividades.", ["12", "twelve", "doce"], True),
        ("En 2012 se creó la CAM.", ["12"], False),
        ("Beatriz Pineres, or TBD.", ["Piñeres"], True),
        ("", ["2006"], False),
        ("The Inter-American Children’s Institute.", ["Inter-American Children's Institute"], True),
    ],
)
def test_direct_line_check(line, expected, hit):
    assert direct_hit(line, expected) is hit


def _answer(sentences: list[str], *, found: bool = True) -> Answer:
    citation = Citation(n=1, doc="d", title="t", short="s", date="", section="", text=" ".join(sentences), chunk_id="c")
    return Answer(
        question="q",
        lang="en",
        found=found,
        kind="extractive" if found else "not_found",
        sentences=[AnswerSentence(text=text, n=1) for text in sentences],
        citations=[citation] if found else [],
    )


def test_score_reads_the_first_sentence_as_the_direct_line_until_answers_have_one():
    item = {"id": "w", "question": "who?", "lang": "en", "evidence": ["the IACHR visited"], "direct": ["IACHR"]}
    answer = _answer(["In June 2001, the IACHR visited the hospital. The CIM did not."])
    assert direct_line(answer) == "In June 2001, the IACHR visited the hospital."
    row = score(answer, item)
    assert row["text"] and row["direct"] and row["right"]
    refused = score(_answer([], found=False), item)
    assert refused["declined"] and not refused["text"] and not refused["direct"] and not refused["right"]


def test_a_near_miss_is_right_only_when_refused():
    item = {"id": "n", "question": "q", "lang": "es", "kind": "near_miss", "source_id": "w"}
    assert score(_answer([], found=False), item)["right"]
    assert not score(_answer(["Something."]), item)["right"]


def test_compare_names_the_questions_that_changed():
    before = {"a": {"id": "a", "right": True}, "b": {"id": "b", "right": False}, "c": {"id": "c", "right": True}}
    after = {"a": {"id": "a", "right": False}, "b": {"id": "b", "right": True}, "c": {"id": "c", "right": True}}
    found = changes(before, after, "right")
    assert [row["id"] for row in found["lost"]] == ["a"]
    assert [row["id"] for row in found["gained"]] == ["b"]
