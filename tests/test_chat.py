"""The console chat, driven through its input lines."""

from __future__ import annotations

from bot.chat import chat_loop
from index.corpus import load_manifest
from tests.conftest import CORPUS


def test_console_chat_conversation(services):
    out: list[str] = []
    lines = [
        "activity 27",
        "/activity 9",
        "/activities IIN",
        "/activities",
        "/objectives",
        "/sources",
        "/nope",
        "",
        "/quit",
        "never read",
    ]
    chat_loop(services.answerer, load_manifest(CORPUS), iter(lines), out.append)
    transcript = "\n".join(out)
    assert "identity documents" in transcript and "Sources:" in transcript
    assert "due process" in transcript
    assert "unaccompanied migrant children" in transcript
    assert "IACHR: Inter-American Commission on Human Rights (IACHR) (5)" in transcript
    assert "Specific objectives" in transcript
    assert "Annual Report 2009" in transcript
    assert "Unknown command /nope" in transcript
    assert "Type a question" in transcript
    assert "never read" not in transcript


def test_run_without_token_starts_console_chat(monkeypatch, tmp_path, capsys, shared_index):
    import shutil

    from bot.cli import main

    data = tmp_path / "data"
    shutil.copytree(shared_index, data / "index")
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(data))
    monkeypatch.setenv("MIGRANTSBOT_EMBEDDING_MODEL", "hashing")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    answers = iter(["activity 22", "/quit"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    assert main(["run"]) == 0
    captured = capsys.readouterr()
    assert "console chat" in captured.err and "trafficking in persons" in captured.out


def test_console_follow_up_is_read_against_the_previous_question(services):
    from bot.chat import ChatSession

    session = ChatSession(services.answerer, load_manifest(CORPUS))
    assert "Inter-American Commission on Human Rights" in session.respond("What does the Program ask of the IACHR?")
    follow_up = session.respond("and the CIM?")
    assert "Inter-American Commission of Women" in follow_up
    fresh = ChatSession(services.answerer, load_manifest(CORPUS))
    assert fresh.respond("and the CIM?") != follow_up  # without a previous question there is nothing to follow
