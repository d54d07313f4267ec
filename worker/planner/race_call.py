"""A horse-racing commentator, whose patter is set aside around the one request it carries (to be written)."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unrace_call"]


def unrace_call(text: str, model: SemanticModel) -> str:
    """`text` with a horse-racing commentator's patter set aside around the request; other text unchanged."""
    return text
