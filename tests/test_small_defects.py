"""The smaller defects: odd digits, unbounded days, repeated reminders, parallel wrong codes, long entities."""

from __future__ import annotations

import datetime as dt
import html
import threading

import pytest

from bot.cli import main as cli_main
from bot.database import Store
from bot.reporting import deadlines, invitations
from bot.texts import t
from handlers.jobs import send_reminders
from tests.conftest import ADMIN_ID
from tests.fakebot import callback_update, message_update
from tests.test_formatting import valid_telegram_html


@pytest.mark.parametrize("argument", ["²", "٣", "1²", "99999999999", "-1", "0"])
async def test_activity_with_odd_digits_gets_the_usage(bot, argument):
    await bot.send(message_update(f"/activity {argument}", user_id=5))
    assert bot.last() == t("en", "browse.activity_usage")


@pytest.mark.parametrize("argument", ["²", "٢٠٢٥", "20250", "1999"])
async def test_export_with_odd_digits_gets_the_usage(bot, argument):
    await bot.send(message_update(f"/export {argument}", user_id=ADMIN_ID))
    assert bot.last() == t("en", "export.usage", **deadlines.example_dates()) and not bot.api.sent("sendDocument")


@pytest.mark.parametrize("days", ["100000000", "-1", "0", "²"])
def test_invite_days_out_of_bounds_are_refused(monkeypatch, tmp_path, capsys, days):
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(tmp_path / "data"))
    with pytest.raises(SystemExit) as exit_:
        cli_main(["invite", "--actor", "IIN", "--days", days])
    assert exit_.value.code == 2 and "1 to 365" in capsys.readouterr().err
    with pytest.raises(ValueError, match="1 to 365"):
        invitations.create_invitation(Store.open(tmp_path / "x.db"), "IIN", days=int(days) if days != "²" else 0)


async def test_setting_the_deadline_again_the_same_day_repeats_no_reminder(bot):
    code = invitations.create_invitation(bot.services.store, "PAHO")
    await bot.send(message_update(f"/register {code}", user_id=77))
    due = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=30)
    today = due - dt.timedelta(days=7)
    await bot.send(message_update(f"/deadline {due.isoformat()} 2025", user_id=ADMIN_ID))
    assert await send_reminders(bot.application, bot.services, today) == 1
    await bot.send(message_update(f"/deadline {due.isoformat()} 2025", user_id=ADMIN_ID))  # sent again
    assert await send_reminders(bot.application, bot.services, today) == 0
    assert await send_reminders(bot.application, bot.services, due - dt.timedelta(days=3)) == 1  # a later day: yes


def test_parallel_wrong_codes_from_several_processes_count_against_one_limit(tmp_path):
    path = tmp_path / "shared.db"
    Store.open(path, salt="s").close()
    outcomes: list[str] = []
    barrier = threading.Barrier(30)

    def attempt() -> None:
        store = Store.open(path, salt="s")  # its own connection, as another process would have
        barrier.wait()
        try:
            invitations.register(store, 4711, "Eve", "WRONG-CODE-1234")
        except invitations.RegistrationError as error:
            outcomes.append(error.reason)
        finally:
            store.close()

    threads = [threading.Thread(target=attempt) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("invalid") == invitations.MAX_FAILURES
    assert outcomes.count("paused") == 30 - invitations.MAX_FAILURES
    store = Store.open(path, salt="s")
    assert store.db["register_failures"].count == invitations.MAX_FAILURES
    store.close()


async def test_a_description_of_ampersands_is_shown_in_valid_pieces(bot):
    code = invitations.create_invitation(bot.services.store, "IIN")
    await bot.send(message_update(f"/register {code}", user_id=78))
    await bot.send(message_update("/report", user_id=78))
    await bot.send(callback_update("ref:activity 15", user_id=78))
    await bot.send(callback_update("kind:planned", user_id=78))
    await bot.send(message_update("March 2025", user_id=78))
    bot.api.clear()
    await bot.send(message_update("&" * 3000, user_id=78))
    await bot.send(message_update("/skip", user_id=78))
    summary = [p["text"] for p in bot.api.sent()][-4:]
    assert all(len(piece) <= 4096 and valid_telegram_html(piece) for piece in summary)
    assert html.unescape("".join(summary)).count("&") == 3000


# -- the command line at its edges --------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["reports", "export", "--year", "99999", "--out", "x.md"],
        ["stats", "--days", "100000000"],
        ["search", "migrants", "--k", "-1"],
        ["admin", "add", "-5"],
        ["admin", "add", "0"],
        ["focal", "revoke", "x"],
    ],
)
def test_numbers_out_of_bounds_get_the_usage_not_a_crash(monkeypatch, tmp_path, capsys, argv):
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(tmp_path / "data"))
    with pytest.raises(SystemExit) as exit_:
        cli_main(argv)
    assert exit_.value.code == 2 and "Traceback" not in capsys.readouterr().err


def test_an_unwritable_data_folder_is_named_not_a_traceback(monkeypatch, capsys):
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", "/sys/migrantsbot-test/data")  # not writable, even by root
    assert cli_main(["invite", "--actor", "IIN"]) == 1
    err = capsys.readouterr().err
    assert "cannot write /sys/migrantsbot-test" in err and "MIGRANTSBOT_DATA_DIR" in err


def test_actors_add_refuses_to_overwrite_an_actor_silently(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(tmp_path / "data"))
    assert cli_main(["actors", "add", "IIN", "Someone else"]) == 1
    assert "already an actor IIN" in capsys.readouterr().err
    store = Store.open(tmp_path / "data" / "migrantsbot.db")
    assert store.db["actors"].get("IIN")["name"] != "Someone else"
    store.close()
    assert cli_main(["actors", "add", "IIN", "Someone else", "--replace"]) == 0


@pytest.mark.parametrize(("typed", "meant"), [("México", "MX"), ("cidh", "IACHR")])
def test_invite_suggests_the_actor_meant_as_the_chat_does(monkeypatch, tmp_path, capsys, typed, meant):
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(tmp_path / "data"))
    assert cli_main(["invite", "--actor", typed]) == 1
    assert f"Did you mean {meant}" in capsys.readouterr().err.replace(",", " ")


def test_console_questions_are_counted_by_stats_as_the_consoles(monkeypatch, tmp_path, capsys, shared_index):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(shared_index, data / "index")
    monkeypatch.setenv("MIGRANTSBOT_DATA_DIR", str(data))
    monkeypatch.setenv("MIGRANTSBOT_EMBEDDING_MODEL", "hashing")
    answers = iter(["activity 22", "What does activity 9 say?", "/quit"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    assert cli_main(["chat"]) == 0
    capsys.readouterr()
    assert cli_main(["stats"]) == 0
    out = capsys.readouterr().out
    assert t("en", "stats.none") not in out and "2 were asked in the console chat" in out
