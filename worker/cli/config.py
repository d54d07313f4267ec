"""The command line's settings: CHARTQ_* from the environment, a bad value reported as one line."""

from __future__ import annotations

from pydantic import ValidationError

from shared.settings import Settings
from worker.cli.errors import CliError


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CliError(f"configuration: {first['msg']}") from exc
