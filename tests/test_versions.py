"""Index versions: the lock every writer holds, and a sweep that removes only what nobody builds or reads."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time

import pytest
from filelock import Timeout

from index.encoder import HashingEncoder
from index.store import build_index, current_version
from index.update import update_index
from index.versions import BUILDER, locked, write_lock
from tests.conftest import SMALL_CORPUS


def _unfinished(index_dir, name: str, pid: int):
    version = index_dir / name
    version.mkdir()
    (version / BUILDER).write_text(json.dumps({"pid": pid, "host": socket.gethostname()}))
    return version


def test_the_sweep_leaves_a_version_whose_builder_runs_and_removes_one_whose_builder_died(tmp_path):
    build_index(SMALL_CORPUS, tmp_path, HashingEncoder())
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        building = _unfinished(tmp_path, "v29990101T000000-alive0", other.pid)
        abandoned = _unfinished(tmp_path, "v29990101T000000-dead00", dead.pid)
        update_index(SMALL_CORPUS, tmp_path, HashingEncoder())
        build_index(SMALL_CORPUS, tmp_path, HashingEncoder())
        assert building.exists() and not abandoned.exists()
    finally:
        other.kill()
        other.wait()
    build_index(SMALL_CORPUS, tmp_path, HashingEncoder())
    assert not building.exists()  # its builder is gone now


def test_writers_wait_for_each_other_and_readers_do_not(tmp_path):
    index_dir = tmp_path / "index"
    build_index(SMALL_CORPUS, index_dir, HashingEncoder())
    held, release, waited = threading.Event(), threading.Event(), []

    def holder() -> None:
        with locked(index_dir):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    with pytest.raises(Timeout):
        write_lock(index_dir).acquire(timeout=0.2)  # another writer has to wait
    assert current_version(index_dir) is not None  # a reader does not
    started = time.perf_counter()
    threading.Timer(0.3, release.set).start()
    with locked(index_dir, waiting=waited.append):
        pass
    assert time.perf_counter() - started >= 0.25 and waited and "Waiting for process" in waited[0]
    thread.join()
