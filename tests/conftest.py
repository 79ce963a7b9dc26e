"""Fixtures: settings on a temporary data folder, services on the real corpus with a fast encoder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pydantic import SecretStr

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bot.config import PROJECT_ROOT, Settings
from bot.services import Services, build_services
from index.encoder import HashingEncoder

CORPUS = PROJECT_ROOT / "corpus"
SMALL_CORPUS = Path(__file__).parent / "data" / "small_corpus"
ADMIN_ID = 999


def make_settings(tmp_path: Path, corpus_dir: Path = CORPUS, **overrides) -> Settings:
    values = {
        "corpus_dir": corpus_dir,
        "data_dir": tmp_path / "data",
        "embedding_model": "hashing",
        "telegram_token": SecretStr("123456:TEST-TOKEN"),
        "admin_ids": [ADMIN_ID],
        "questions_per_minute": 5,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture(scope="session")
def shared_index(tmp_path_factory) -> Path:
    """The real corpus indexed once per session with the hashing encoder (fast, deterministic)."""
    data_dir = tmp_path_factory.mktemp("shared") / "data"
    settings = make_settings(data_dir.parent)
    build_services(settings, encoder=HashingEncoder()).store.close()
    return settings.index_dir


@pytest.fixture
def services(settings: Settings, shared_index: Path) -> Services:
    shutil.copytree(shared_index, settings.index_dir)
    ready = build_services(settings, encoder=HashingEncoder())
    yield ready
    ready.store.close()


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A writable copy of the small test corpus, for tests that change documents."""
    target = tmp_path / "corpus"
    shutil.copytree(SMALL_CORPUS, target)
    return target


@pytest.fixture
async def bot(settings, services):
    """The bot on the real corpus, through the real Application (tests/fakebot.py)."""
    from tests.fakebot import running_bot

    async with running_bot(settings, services) as harness:
        yield harness
