"""One bot per data folder: a second `migrantsbot run` on the same data refuses to start.

Two bots on one data folder would both poll Telegram (each getting 409 Conflict half the time)
and keep conversation state in one database from two processes that each believe their own
memory. So the running bot holds `data/bot.lock` (an OS file lock, released by the kernel when
the process dies, so a crash never leaves a stale lock), and a second one is told who holds it.
The console chat and the CLI do not take it: they may run beside the bot.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = "bot.lock"


class AlreadyRunning(RuntimeError):
    """Another bot serves this data folder; the message says which and what to do."""


def _holder_file(data_dir: Path) -> Path:
    return data_dir / f"{LOCK_NAME}.holder"


def hold_instance(data_dir: Path) -> FileLock:
    """The lock of the one bot on `data_dir`, held until `release()` (or the process ends).

    Not a singleton and not per thread: a second Application in this same process is refused
    too, as a second process would be.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(data_dir / LOCK_NAME, is_singleton=False, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        try:
            holder = _holder_file(data_dir).read_text(encoding="utf-8").strip()
        except OSError:
            holder = "another process"
        raise AlreadyRunning(
            f"Another migrantsbot ({holder}) is already running on the data folder {data_dir}. "
            "Stop it first, or give this one its own folder with MIGRANTSBOT_DATA_DIR "
            "(and its own TELEGRAM_BOT_TOKEN: Telegram hands each bot's updates to one process only)."
        ) from None
    _holder_file(data_dir).write_text(f"process {os.getpid()} on {socket.gethostname()}\n", encoding="utf-8")
    return lock
