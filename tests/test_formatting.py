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


def valid_telegram_html(piece: str) -> bool:
    """No tag or entity cut, every tag closed in the same piece (what Telegram checks per message)."""
    import re
    from html.parser import HTMLParser

    if re.search(r"&(?!(?:[A-Za-z]+|#[0-9]+);)", piece) or re.search(r"<[^>]*$", piece):
        return False
    stack: list[str] = []

    class Checker(HTMLParser):
        def handle_starttag(self, tag, attrs):
            stack.append(tag)

        def handle_endtag(self, tag):
            assert stack and stack.pop() == tag, (tag, stack)

    Checker(convert_charrefs=False).feed(piece)
    return not stack


def test_a_run_of_entities_is_never_cut_inside_one():
    import html

    text = html.escape("&" * 3000)  # 15,000 characters of "&amp;" with no space
    pieces = split_message(text, limit=4096)
    assert len(pieces) == 4 and all(len(piece) <= 4096 and valid_telegram_html(piece) for piece in pieces)
    assert html.unescape("".join(pieces)) == "&" * 3000


def test_a_tag_open_at_a_cut_is_closed_and_opened_again():
    text = "<b>Title</b>\n<i>" + "word " * 2000 + "</i>\n<a href='https://oas.org/x'>" + "y" * 5000 + "</a>"
    pieces = split_message(text, limit=4096)
    assert all(len(piece) <= 4096 and valid_telegram_html(piece) for piece in pieces)
    assert pieces[1].startswith("<i>") and any(piece.startswith("<a href='https://oas.org/x'>y") for piece in pieces)
    assert sum(piece.count("word") for piece in pieces) == 2000
