"""The lexical side of the index: SQLite FTS5 with BM25, through sqlite-utils.

It finds what embeddings miss: symbols ("AG/RES. 2883"), acronyms, names and numbers.
The chunks table is also where the passages themselves live, so one file holds the text.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from index.chunk import Chunk
from index.text import fold

STOPWORDS = set(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "say",
        "says",
        "should",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "would",
        "about",
        "any",
        "also",
        "other",
        "own",
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "y",
        "o",
        "de",
        "del",
        "al",
        "en",
        "que",
        "qué",
        "por",
        "para",
        "con",
        "sin",
        "sobre",
        "se",
        "su",
        "sus",
        "es",
        "son",
        "lo",
        "le",
        "les",
        "como",
        "cómo",
        "cuál",
        "cuáles",
        "quién",
        "quiénes",
        "cuándo",
        "dónde",
        "ha",
        "han",
        "fue",
        "fueron",
        "hay",
        "este",
        "esta",
        "estos",
        "estas",
        "ese",
        "esa",
        "eso",
        "dice",
        "dicen",
        "pide",
        "piden",
        "según",
        "entre",
        "más",
    ]
)
_token = re.compile(r"[\w/]+(?:[.\-][\w]+)*", re.UNICODE)


class LexicalIndex:
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
                "search_text": fold(f"{chunk.short} {' '.join(chunk.section)} {chunk.label or ''} {chunk.text}"),
                "chunk_json": chunk.model_dump_json(),
            }
            for position, chunk in enumerate(chunks)
        )
        db["chunks"].insert_all(rows, pk="rowid", batch_size=500)
        db["chunks"].enable_fts(["search_text"], fts_version="FTS5", tokenize="porter unicode61 remove_diacritics 2")
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

    def search(self, terms: list[str], k: int) -> list[tuple[int, float]]:
        """BM25 over any of the terms; each term is quoted so punctuation cannot break the query."""
        if not terms:
            return []
        match = " OR ".join('"' + term.replace('"', "") + '"' for term in terms)
        sql = (
            "select rowid, bm25(chunks_fts) as score from chunks_fts "
            "where chunks_fts match :match order by score limit :k"
        )
        try:
            return [(row["rowid"], -row["score"]) for row in self.db.query(sql, {"match": match, "k": k})]
        except sqlite3.OperationalError:
            return []

    def close(self) -> None:
        self.db.conn.close()


def words(text: str) -> list[str]:
    """Accent-folded words, keeping symbols such as "ag/res." and "2021-2022" whole."""
    return _token.findall(fold(text))


def query_terms(text: str) -> list[str]:
    """Content words, accent-folded, without stop words."""
    return [token for token in words(text) if token not in STOPWORDS and len(token) > 1]
