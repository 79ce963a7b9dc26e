"""The index on disk: versions switched atomically, clear errors for corrupt or mismatched indexes."""

from __future__ import annotations

import pytest

from index.encoder import HashingEncoder
from index.store import IndexLoadError, build_index, current_version, load_searcher
from tests.conftest import SMALL_CORPUS


def test_build_then_load(tmp_path):
    manifest = build_index(SMALL_CORPUS, tmp_path, HashingEncoder())
    searcher, loaded = load_searcher(tmp_path, HashingEncoder())
    assert loaded.chunk_count == manifest.chunk_count == len(searcher.chunks) > 10
    assert {d.file for d in loaded.documents} == {"mini-program.txt", "mini-report.txt"}
    assert all(len(d.sha256) == 64 for d in loaded.documents)


def test_missing_index_says_how_to_build(tmp_path):
    with pytest.raises(IndexLoadError, match="migrantsbot index build"):
        load_searcher(tmp_path / "nothing", HashingEncoder())


def test_model_mismatch_is_refused_with_the_fix(tmp_path):
    build_index(SMALL_CORPUS, tmp_path, HashingEncoder())
    with pytest.raises(IndexLoadError, match=r"built with hashing-4096.*Rebuild it with: migrantsbot index build"):
        load_searcher(tmp_path, HashingEncoder(dimension=64))


def test_corrupt_index_files_are_reported(tmp_path):
    build_index(SMALL_CORPUS, tmp_path, HashingEncoder())
    version = current_version(tmp_path)
    (version / "index.faiss").write_bytes(b"not a faiss index")
    with pytest.raises(IndexLoadError, match="corrupt"):
        load_searcher(tmp_path, HashingEncoder())


def test_corrupt_manifest_is_reported(tmp_path):
    build_index(SMALL_CORPUS, tmp_path, HashingEncoder())
    (current_version(tmp_path) / "manifest.json").write_text("{")
    with pytest.raises(IndexLoadError, match="unreadable"):
        load_searcher(tmp_path, HashingEncoder())


def test_new_version_replaces_old_and_crash_mid_build_keeps_old(tmp_path):
    build_index(SMALL_CORPUS, tmp_path, HashingEncoder())
    first = current_version(tmp_path)
    build_index(SMALL_CORPUS, tmp_path, HashingEncoder())
    second = current_version(tmp_path)
    assert second != first and first.exists()  # kept while a reader may still be on it
    build_index(SMALL_CORPUS, tmp_path, HashingEncoder())
    third = current_version(tmp_path)
    assert third != second and second.exists() and not first.exists()  # only the one before the current

    class Exploding(HashingEncoder):
        def encode_passages(self, texts, *, show_progress=False):
            raise KeyboardInterrupt("killed while embedding")

    with pytest.raises(KeyboardInterrupt):
        build_index(SMALL_CORPUS, tmp_path, Exploding())
    assert current_version(tmp_path) == third
    searcher, _ = load_searcher(tmp_path, HashingEncoder())
    assert searcher.search("activity 1", k=1)[0].chunk.label == "activity 1"
