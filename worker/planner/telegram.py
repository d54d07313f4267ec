"""A telegram's wire style ("URGENT STOP ... STOP RGDS MABEL") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["untelegram"]


def untelegram(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text
