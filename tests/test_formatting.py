"""Long answers are split for Telegram without passing its 4096-character limit."""

from __future__ import annotations

from bot.formatting import split_message


def test_paragraphs_are_kept_whole_when_they_fit():
    text = "\n".join(f"Paragraph {n}: " + "word " * 150 for n in range(12))
    pieces = split_message(text, limit=4096)
    assert len(pieces) > 1 and all(len(piece) <= 4096 for piece in pieces)
    assert "\n".join(pieces).split("\n") == text.split("\n")


def test_a_line_without_spaces_longer_than_the_limit_is_still_cut_under_it():
    text = "x" * 10_000
    pieces = split_message(text, limit=4096)
    assert all(len(piece) <= 4096 for piece in pieces)
    assert "".join(pieces) == text
