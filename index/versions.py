"""Index versions on disk, and who may write them: the switch, the lock, the sweep.

`data/index/CURRENT` names the version that serves (replaced with os.replace, so readers see the
old name or the new, never half of one). Every change to the corpus folders or the index, from
any process (the bot, `index update`, `corpus add`), holds one file lock, `data/index.lock`
(`locked`), so two updates never interleave and two uploads never rewrite the manifest over each
other; reading needs no lock. A version being built carries a `.builder` file naming its builder
(pid and host) until it is switched in; the sweep removes only versions whose builder is gone, and
keeps the version served just before the current one, so a process still reading it (the bot
until its next refresh, an export) is not cut off.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

logger = logging.getLogger(__name__)

CURRENT = "CURRENT"
BUILDER = ".builder"  # in a version folder until it is switched in: who builds it
LOCK_TIMEOUT_SECONDS = 30 * 60  # a full build of a large corpus on a slow machine
KEEP_PREVIOUS = 1  # finished versions kept besides the current one, for readers still on them


class IndexBusyError(Exception):
    """Another process held the corpus and index lock for longer than we could wait."""


def write_lock(index_dir: Path) -> FileLock:
    """The one lock for writes to the corpus folders and the index (re-entrant in a thread)."""
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(index_dir.parent / f"{index_dir.name}.lock", is_singleton=True)


def _holder(index_dir: Path) -> str:
    try:
        return (index_dir.parent / f"{index_dir.name}.lock.holder").read_text(encoding="utf-8").strip()
    except OSError:
        return "another process"


@contextmanager
def locked(index_dir: Path, *, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the corpus and index lock; `waiting` hears it when another process has it first."""
    lock = write_lock(index_dir)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        (waiting or logger.info)(f"Waiting for {_holder(index_dir)}, which is changing the corpus or the index…")
        try:
            lock.acquire(timeout=LOCK_TIMEOUT_SECONDS)
        except Timeout:
            raise IndexBusyError(
                f"{_holder(index_dir)} has been changing the corpus or the index for over "
                f"{LOCK_TIMEOUT_SECONDS // 60} minutes; try again when it is done."
            ) from None
    try:
        if lock.lock_counter == 1:
            holder = index_dir.parent / f"{index_dir.name}.lock.holder"
            holder.write_text(f"process {os.getpid()} on {socket.gethostname()}\n", encoding="utf-8")
        yield
    finally:
        lock.release()


def current_version(index_dir: Path) -> Path | None:
    pointer = index_dir / CURRENT
    if not pointer.exists():
        return None
    version = index_dir / pointer.read_text(encoding="utf-8").strip()
    return version if version.is_dir() else None


def switch_to(index_dir: Path, version: Path) -> None:
    temporary = index_dir / f".{CURRENT}.{uuid.uuid4().hex}"
    temporary.write_text(version.name, encoding="utf-8")
    os.replace(temporary, index_dir / CURRENT)


def _builder_alive(version: Path) -> bool:
    """True while the process that writes `version` runs (its `.builder` names it)."""
    try:
        builder = json.loads((version / BUILDER).read_text(encoding="utf-8"))
        pid, host = int(builder["pid"]), str(builder["host"])
    except (OSError, ValueError, KeyError, TypeError):
        return False  # unreadable marker: its builder died while writing it
    if host != socket.gethostname():
        return True  # cannot tell from here: leave it to its own host
    if pid == os.getpid():
        return False  # our own, from a build of this process that failed before its switch
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, someone else's
    return True


def remove_old_versions(index_dir: Path, keep: Path) -> None:
    """Delete versions nobody serves or builds: unfinished ones whose builder is gone, and finished
    ones older than the KEEP_PREVIOUS newest besides `keep`."""
    finished: list[Path] = []
    for entry in index_dir.iterdir():
        if not entry.is_dir() or entry == keep or not entry.name.startswith("v"):
            continue
        if (entry / BUILDER).exists():
            if not _builder_alive(entry):
                shutil.rmtree(entry, ignore_errors=True)
        elif not (entry / "manifest.json").exists():  # died before writing its marker, or an older release's
            shutil.rmtree(entry, ignore_errors=True)
        else:
            finished.append(entry)
    finished.sort(key=lambda path: (path / "manifest.json").stat().st_mtime_ns, reverse=True)  # newest first
    for entry in finished[KEEP_PREVIOUS:]:
        shutil.rmtree(entry, ignore_errors=True)


def remove_unfinished_versions(index_dir: Path) -> None:
    """Folders of builds that died before their switch (never served), and versions long replaced."""
    serving = current_version(index_dir)
    if serving is not None:
        remove_old_versions(index_dir, keep=serving)


def start_version(index_dir: Path, name: str) -> Path:
    """A new version folder, marked as being built by this process until `finish_version`."""
    version = index_dir / name
    version.mkdir()
    builder = {"pid": os.getpid(), "host": socket.gethostname()}
    (version / BUILDER).write_text(json.dumps(builder), encoding="utf-8")
    return version


def finish_version(index_dir: Path, version: Path) -> None:
    """Serve `version`, then sweep what nobody serves or builds any more."""
    switch_to(index_dir, version)
    (version / BUILDER).unlink()
    remove_old_versions(index_dir, keep=version)
