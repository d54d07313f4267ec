"""A flight attendant, whose patter is set aside around the one request it carries (to be written)."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["uncabin_crew"]


def uncabin_crew(text: str, model: SemanticModel) -> str:
    """`text` with a flight attendant's announcements set aside around the request; other text unchanged."""
    return text
