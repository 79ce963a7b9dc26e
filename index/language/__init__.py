"""The language layer: how the bot reads a message and the documents, in each of its languages.

Knowledge of a language is data, one file per language (`en.toml`, `es.toml`, `fr.toml`,
`pt.toml`, with the same sections; `glossary/<lang>.toml` for terms between languages;
`actors.toml` for the actors every language names); this package reads it. `analyse()` turns a
message into a `Question`, computed once; `answers.holds()` says what a document sentence holds;
`patterns` has the patterns written once for a class of inputs (years, symbols, item references).
"""

from index.language.question import Question, Reference, analyse

__all__ = ["Question", "Reference", "analyse"]
