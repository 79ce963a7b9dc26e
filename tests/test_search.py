"""Hybrid search on the small corpus: exact references lead, Spanish works, the CLI's JSON schema."""

from __future__ import annotations

import json
import shutil

import pytest

from bot.cli import main as cli_main
from index.encoder import HashingEncoder
from index.language import analyse as parse_query
from index.store import build_index, load_searcher
from tests.conftest import SMALL_CORPUS


@pytest.fixture
def searcher(tmp_path):
    encoder = HashingEncoder()
    build_index(SMALL_CORPUS, tmp_path / "index", encoder)
    return load_searcher(tmp_path / "index", encoder)[0]


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("activity 4", "activity 4"),
        ("What does activity 2 say?", "activity 2"),
        ("actividad 5", "activity 5"),
        ("objetivo específico 3", "specific objective 3"),
        ("specific objective 2", "specific objective 2"),
        ("general objective 1", "general objective 1"),
    ],
)
def test_exact_references_come_first(searcher, question, label):
    assert searcher.search(question, k=3)[0].chunk.label == label


def test_resolution_symbol_and_facts_are_found(searcher):
    assert "AG/RES. 2738" in searcher.search("AG/RES. 2738", k=1)[0].chunk.text
    assert (
        "30 countries"
        in searcher.search("How many countries did the trafficking return program help?", k=2)[0].chunk.text
    )
    assert "PAHO" in searcher.search("¿Cuántos talleres organizó la OPS?", k=1)[0].chunk.text


def test_reference_parsing():
    query = parse_query("Compare activity 27, actividad 3 and objetivo específico 8")
    assert set(query.labels) == {"activity 27", "activity 3", "specific objective 8"}
    assert parse_query("AG/RES. 2883").symbols == ["2883"]


def test_a_question_is_parsed_once_into_what_search_and_answers_need():
    query = parse_query("  ¿Qué le pide el Programa   a la CIDH?  ")
    assert query.text == "¿Qué le pide el Programa a la CIDH?"
    assert query.folded == "¿que le pide el programa a la cidh?"
    assert query.lang == "es"
    assert "IACHR" in query.search_text and "iachr" in query.terms
    long = parse_query("activity 9 " + "x" * 5000)
    assert long.truncated and len(long.text) == 1000 and long.labels == ["activity 9"]


def test_empty_question_finds_nothing(searcher):
    assert searcher.search("   ") == []


def _cli_env(monkeypatch, tmp_path, *, build: bool = True):
    monkeypatch.setenv("MIGRANTSBOT_CORPUS_DIR", str(SMALL_CORPUS))
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MIGRANTSBOT_EMBEDDING_MODEL", "hashing")
    if build:  # reading commands never build the index themselves
        build_index(SMALL_CORPUS, tmp_path / "data" / "index", HashingEncoder())


def test_search_cli_json_schema(monkeypatch, tmp_path, capsys):
    _cli_env(monkeypatch, tmp_path)
    assert cli_main(["search", "activity 3", "--json", "--k", "2"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert len(result["hits"]) == 2
    hit = result["hits"][0]
    assert {"rank", "score", "text", "doc", "title", "section"} <= hit.keys()
    assert hit["rank"] == 1 and hit["doc"] == "mini-program.txt" and "activity 3" in hit["section"]


def test_search_cli_batch(monkeypatch, tmp_path, capsys):
    _cli_env(monkeypatch, tmp_path)
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "a", "question": "activity 1"}\nnot json\n{"id": 7, "question": "PAHO workshops"}\n')
    assert cli_main(["search", "--json", "--k", "3", "--queries", str(queries)]) == 0
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line["id"] for line in lines] == ["a", 7]
    assert all(len(line["hits"]) == 3 and line["hits"][0]["rank"] == 1 for line in lines)
    assert "skipped" in captured.err


def test_fused_ranking_is_deterministic(searcher):
    question = "What does the Program ask about migrant workers and their families?"
    first = [(hit.chunk.id, hit.score) for hit in searcher.search(question, k=10)]
    again = [(hit.chunk.id, hit.score) for hit in searcher.search(searcher.analyser.analyse(question), k=10)]
    assert first == again and len(first) == 10
    scores = [score for _, score in first]
    assert scores == sorted(scores, reverse=True)


def test_equal_scores_keep_the_earlier_passage_first():
    from index.rank import Ranker, Signals

    signals = Signals(positions=[7, 3, 5], dense=[0.5, 0.5, 0.5], lexical=[1.0, 1.0, 1.0])
    ranker = Ranker({"all": (1.0,) * 9})
    assert [position for position, _ in ranker.order(signals)] == [3, 5, 7]


def test_a_question_naming_a_document_raises_it(searcher):
    catalogue = searcher.catalogue
    scores = catalogue.scores(searcher.analyser.analyse("What did the 2009 annual report say about workshops?"))
    assert scores == {"mini-report.txt": 1.0}
    spanish = searcher.analyser.analyse("¿Qué dice el informe anual sobre los talleres?")
    assert max(catalogue.scores(spanish).items(), key=lambda i: i[1])[0] == "mini-report.txt"
    assert catalogue.scores(parse_query("What does AG/RES. 2883 say?")) == {"mini-program.txt": 1.0}
    assert catalogue.scores(parse_query("How are migrants protected?")) == {}
    hit = searcher.search("What did the 2009 annual report say about workshops?", k=1)[0]
    assert hit.chunk.doc == "mini-report.txt"


def test_reading_commands_never_build_or_update_the_index(monkeypatch, tmp_path, capsys, caplog):
    _cli_env(monkeypatch, tmp_path, build=False)
    assert cli_main(["search", "activity 3"]) == 1
    assert "migrantsbot index build" in capsys.readouterr().err
    assert not (tmp_path / "data" / "index").exists()  # nothing was built

    corpus = tmp_path / "corpus"
    shutil.copytree(SMALL_CORPUS, corpus)
    monkeypatch.setenv("MIGRANTSBOT_CORPUS_DIR", str(corpus))
    build_index(corpus, tmp_path / "data" / "index", HashingEncoder())
    served = sorted(path.name for path in (tmp_path / "data" / "index").iterdir())
    (corpus / "mini-report.txt").write_text((corpus / "mini-report.txt").read_text() + "A new line.\n")
    assert cli_main(["search", "activity 3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["hits"]  # served as it was
    assert "migrantsbot index update" in caplog.text
    assert sorted(path.name for path in (tmp_path / "data" / "index").iterdir()) == served  # and left as it was
