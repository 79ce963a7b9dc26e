"""Check the question sets against the corpus before anything is measured or fitted on them.

    python bench/check_eval.py            # every set in bench/eval/ and bench/*.jsonl; exit 1 on a problem
    python bench/check_eval.py --passages # also: spans that no indexed passage holds whole (a warning)

For every in-scope question: its `doc` (and each of `alt_docs`) is a document of the corpus
manifest (by its `original` name), and every `evidence` span is a substring of that document's
text once runs of whitespace are collapsed — the rule bench/answers.py and bench/retrieval.py
score with, so a span that is not in the text could never be hit. Also: ids unique across all
sets, a known language, a known `style` where one is given, `direct` a list of non-empty strings.
A near miss must have no evidence and keep the `source_id` of a question that exists.

`--passages` reads the built index (data/index) and lists spans that cross two passages or fall in
text the reader drops (a heading, a link): the answer can never quote them whole, so a miss on
such a question says nothing about the answering. Warnings only; the exit status ignores them.
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.split import load
from index.text import collapse_whitespace

HERE = Path(__file__).resolve().parent
EVAL_DIR = HERE / "eval"
CORPUS = HERE.parent / "corpus"
LANGS = {"en", "es", "fr", "pt"}
STYLES = {
    "plain", "keywords", "typo", "no_accents", "paraphrase", "listing", "which_document", "how_many", "who",
    "when", "polite", "acronym", "besides", "which_resolution",
}  # fmt: skip


def corpus_texts(corpus: Path = CORPUS) -> dict[str, str]:
    """Each document's text by its `original` name (the name the question sets use), whitespace collapsed."""
    manifest = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))
    return {
        entry["original"]: collapse_whitespace((corpus / entry["file"]).read_text(encoding="utf-8"))
        for entry in manifest["document"]
    }


def problems(name: str, items: Iterable[dict], texts: dict[str, str], seen: dict[str, str]) -> list[str]:
    found: list[str] = []
    for item in items:
        ident = item.get("id")
        where = f"{name}:{ident}"
        if not ident or not item.get("question"):
            found.append(f"{where}: no id or no question")
            continue
        if ident in seen:
            found.append(f"{where}: id also used in {seen[ident]}")
        seen[ident] = name
        if item.get("lang") not in LANGS:
            found.append(f"{where}: language {item.get('lang')!r}")
        if "style" in item and item["style"] not in STYLES:
            found.append(f"{where}: unknown style {item['style']!r}")
        direct = item.get("direct")
        if direct is not None and (
            not isinstance(direct, list) or not all(isinstance(d, str) and d.strip() for d in direct)
        ):
            found.append(f"{where}: direct must be a list of non-empty strings")
        if item.get("kind") == "near_miss":
            if item.get("evidence"):
                found.append(f"{where}: a near miss has no evidence")
            if not item.get("source_id"):
                found.append(f"{where}: a near miss keeps its source_id")
            continue
        evidence = item.get("evidence") or []
        if not evidence:
            if item.get("doc"):
                found.append(f"{where}: a question with a doc needs evidence")
            continue
        for doc in [item.get("doc"), *item.get("alt_docs", [])]:
            if doc not in texts:
                found.append(f"{where}: unknown document {doc!r}")
        text = texts.get(item.get("doc"), "")
        for span in evidence:
            if collapse_whitespace(span) not in text:
                found.append(f"{where}: evidence not in {item.get('doc')}: {span[:80]!r}")
    return found


def check(eval_dir: Path = EVAL_DIR, extra: Iterable[Path] = (), corpus: Path = CORPUS) -> list[str]:
    """Every problem found in the sets of `eval_dir` and the `extra` files; empty when all is well."""
    texts = corpus_texts(corpus)
    seen: dict[str, str] = {}
    found: list[str] = []
    paths = [*sorted(eval_dir.glob("*.jsonl")), *extra]
    for path in paths:
        found += problems(path.name, load(path), texts, seen)
    for path in paths:  # near misses point at questions of the other sets
        for item in load(path):
            if item.get("kind") == "near_miss" and item.get("source_id") not in seen:
                found.append(f"{path.name}:{item['id']}: source {item.get('source_id')!r} is in no set")
    return found


def unquotable(index_dir: Path, eval_dir: Path = EVAL_DIR) -> list[str]:
    """Evidence spans that no passage of the built index holds whole."""
    from index.lexical import LexicalIndex
    from index.versions import current_version

    version = current_version(index_dir)
    if version is None:
        return [f"no index in {index_dir}: build it with `python -m bot.cli index build`"]
    passages = [collapse_whitespace(chunk.text) for chunk in LexicalIndex.open(version / "chunks.db").chunks()]
    return [
        f"{path.name}:{item['id']}: no passage holds {span[:80]!r}"
        for path in sorted(eval_dir.glob("*.jsonl"))
        for item in load(path)
        for span in item.get("evidence") or []
        if not any(collapse_whitespace(span) in passage for passage in passages)
    ]


if __name__ == "__main__":
    issues = check(extra=[HERE / "out_of_scope.jsonl", HERE / "small_talk.jsonl"])
    for line in issues:
        print(line)
    print(f"{len(issues)} problem(s)")
    if "--passages" in sys.argv[1:]:
        from bot.config import Settings

        warnings = unquotable(Settings().index_dir)
        for line in warnings:
            print("warning:", line)
        print(f"{len(warnings)} span(s) no passage holds whole")
    sys.exit(1 if issues else 0)
