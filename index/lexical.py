"""The lexical side of the index: SQLite FTS5 with BM25, through sqlite-utils.

It finds what embeddings miss: symbols ("AG/RES. 2883"), acronyms, names and numbers.
The chunks table is also where the passages themselves live, so one file holds the text.
Each passage is indexed as accent-folded Snowball stems of its own language (a question reaches
a document in another language through the glossaries, index/language/glossary.py), in two
columns: the passage's heading (document, year, section path, list lead-in) and its own words.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from index.chunk import Chunk
from index.language.tokens import fold
from index.language.vocabulary import all_stop_words, stem_words

_token = re.compile(r"[\w/]+(?:[.\-][\w]+)*", re.UNICODE)
_fts_token = re.compile(r"\w+", re.UNICODE)  # what FTS5's unicode61 tokenizer calls a token


def stemmed(text: str, lang: str = "en") -> str:
    """What FTS5 indexes: Snowball stems in the text's language, accent-folded, so "migrants" meets
    "migration" and "migrantes" meets "migración"."""
    return " ".join(stem_words(_fts_token.findall(text.lower()), lang))


# A word of the heading column counts half a word of the passage itself.
_BM25_SQL = (
    "select rowid, bm25(chunks_fts, 0.5, 1.0) as score from chunks_fts "
    "where chunks_fts match :match order by score limit :k"
)


class LexicalIndex:
    """BM25 over two columns: a passage's heading (document, section, lead-in) and its own words."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    @classmethod
    def create(cls, path: Path, chunks: Iterable[Chunk]) -> LexicalIndex:
        db = sqlite_utils.Database(path)
        rows = (
            {
                "rowid": position,
                "id": chunk.id,
                "doc": chunk.doc,
                "section": " › ".join(chunk.section),
                "label": chunk.label or "",
                "heading": stemmed(f"{chunk.heading} {chunk.context}", chunk.lang),
                "body": stemmed(chunk.text, chunk.lang),
                "chunk_json": chunk.model_dump_json(),
            }
            for position, chunk in enumerate(chunks)
        )
        db["chunks"].insert_all(rows, pk="rowid", batch_size=500)
        db["chunks"].enable_fts(["heading", "body"], fts_version="FTS5", tokenize="unicode61")
        return cls(db)

    @classmethod
    def open(cls, path: Path) -> LexicalIndex:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return cls(sqlite_utils.Database(conn))

    def chunks(self) -> list[Chunk]:
        return [
            Chunk.model_validate_json(row["chunk_json"])
            for row in self.db.query("select chunk_json from chunks order by rowid")
        ]

    def search(self, terms: dict[str, list[str]] | list[str], k: int) -> list[tuple[int, float]]:
        """BM25 over any of the terms, each stemmed in the language it is given in ({"en": [...],
        "es": [...]}: the question's terms in every language the index holds); a term of several
        tokens ("ag/res") is a phrase."""
        by_language = terms if isinstance(terms, dict) else {"en": terms}
        phrases = list(dict.fromkeys(stemmed(term, lang) for lang, found in by_language.items() for term in found))
        match = " OR ".join(f'"{phrase}"' for phrase in phrases if phrase)
        if not match:
            return []
        try:
            return [(row["rowid"], -row["score"]) for row in self.db.query(_BM25_SQL, {"match": match, "k": k})]
        except sqlite3.OperationalError:
            return []

    def close(self) -> None:
        self.db.conn.close()


def words(text: str) -> list[str]:
    """Accent-folded words, keeping symbols such as "ag/res." and "2021-2022" whole."""
    return _token.findall(fold(text))


def content_words(text: str) -> list[str]:
    """Content words of a passage, accent-folded, without any language's stop words."""
    stop = all_stop_words()
    return [token for token in words(text) if token not in stop and len(token) > 1]
