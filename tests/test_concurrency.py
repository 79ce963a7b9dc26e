"""Processes side by side: two `index update` runs and a stream of `reports export` on one corpus and index."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

from bot.config import PROJECT_ROOT
from bot.database import open_store
from bot.reporting import reports
from bot.reporting.reports import ProgramRef, ReportDraft
from index.corpus import load_manifest
from index.encoder import HashingEncoder
from index.store import build_index, current_version, load_searcher
from tests.conftest import CORPUS, make_settings

# Each process runs the real CLI; the export loop runs it several times in one interpreter.
EXPORTS = textwrap.dedent(
    """
    import sys
    from bot.cli import main
    for n in range(int(sys.argv[1])):
        code = main(["reports", "export", "--year", "2025", "--format", "csv", "--out", f"{sys.argv[2]}/{n}.csv"])
        if code:
            sys.exit(code)
    """
)


def _env(settings) -> dict[str, str]:
    return {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "MIGRANTSBOT_CORPUS_DIR": str(settings.corpus_dir),
        "MIGRANTSBOT_DATA_DIR": str(settings.data_dir),
        "MIGRANTSBOT_EMBEDDING_MODEL": "hashing",
        "PYTHONPATH": str(PROJECT_ROOT),
    }


def test_two_index_updates_and_an_export_loop_at_once_all_succeed(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = make_settings(tmp_path, corpus_dir=corpus)
    build_index(settings.source_dirs, settings.index_dir, HashingEncoder())
    store = open_store(settings)
    draft = ReportDraft(
        actor_id="IIN",
        ref=ProgramRef(kind="activity", number=15),
        kind="carried_out",
        period="March 2025",
        description="Regional workshop in Panama on the protection of unaccompanied migrant children.",
    )
    reports.submit_report(store, draft, 11, review=False)  # approved at once
    store.close()
    for n in range(3):  # new files in the folder: both updates have work to do
        (corpus / f"bulletin-{n}.txt").write_text(f"Migration bulletin {n}: consular assistance in 202{n}.\n" * 40)
    exports = tmp_path / "exports"
    exports.mkdir()

    env = _env(settings)
    update = [sys.executable, "-m", "bot.cli", "index", "update"]
    processes = [
        subprocess.Popen(update, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
        subprocess.Popen(update, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
        subprocess.Popen(
            [sys.executable, "-c", EXPORTS, "8", str(exports)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ),
    ]
    results = [(*process.communicate(timeout=240), process.returncode) for process in processes]
    for out, err, code in results:
        assert code == 0, out + err
        assert "Traceback" not in err

    listed = [doc.file for doc in load_manifest(corpus)]
    assert sorted(name for name in listed if name.startswith("bulletin-")) == [f"bulletin-{n}.txt" for n in range(3)]
    searcher, manifest = load_searcher(settings.index_dir, HashingEncoder())
    assert {f"bulletin-{n}.txt" for n in range(3)} <= {entry.file for entry in manifest.documents}
    assert searcher.search("Migration bulletin 2 consular assistance", k=1)[0].chunk.doc == "bulletin-2.txt"
    assert len(list(exports.glob("*.csv"))) == 8
    assert all("Regional workshop" in path.read_text(encoding="utf-8") for path in exports.glob("*.csv"))
    versions = [path for path in settings.index_dir.iterdir() if path.is_dir()]
    assert current_version(settings.index_dir) in versions and len(versions) <= 2  # the current and the one before
    assert not any((path / ".builder").exists() for path in versions)
