"""Settings from the environment (and an optional ``.env`` file), via pydantic-settings."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_DIR = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    #: Any SQLAlchemy URL; default: a SQLite file in the project's git-ignored data directory.
    database_url: str = ""
    #: Where the default SQLite file lives.
    data_dir: Path = PROJECT_DIR / "data"
    #: Events per page on the timeline and in /api/events, and the most a client may ask for.
    page_size: int = 100
    max_page_size: int = 1000
    #: Counts (list totals, facet counts) cached per process and data version (0 disables).
    count_cache_size: int = 2048
    #: Time budget for computing the facets of one request (SQLite only; 0 = no limit). Facets not
    #: finished in time are shown as "zu aufwendig" and computed in the background for the next
    #: request (Datasette's facet_time_limit_ms).
    facet_time_limit_ms: int = 30
    #: Compute facets cut by the time limit in a background thread into the count cache.
    facet_background: bool = True
    #: Count facets, totals, page offsets and the time axis from an in-memory bitset index of the
    #: events (``app/store/facet_index.py``), rebuilt for every data version; false: SQL only.
    facet_index: bool = True
    #: Databases with up to this many events build that index inside the request (milliseconds);
    #: bigger ones in a background thread, while requests use SQL.
    facet_index_sync_max: int = 5_000
    #: Echo SQL (debugging).
    sql_echo: bool = False

    def url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.data_dir / 'timeline.db'}"


@cache
def get_settings() -> Settings:
    return Settings()
