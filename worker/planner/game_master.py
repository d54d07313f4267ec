"""A dungeon master's narration ("Roll for initiative!", "Your quest:") around a request."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["ungame_master"]


def ungame_master(text: str, model: SemanticModel) -> str:
    return text
