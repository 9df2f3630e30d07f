"""Run the Alembic migrations programmatically (CLI ``timeline migrate``, test fixtures)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from app.settings import PROJECT_DIR


def alembic_config(url: str | None = None) -> Config:
    cfg = Config(str(PROJECT_DIR / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_DIR / "migrations"))
    cfg.attributes["configure_logger"] = False
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)
