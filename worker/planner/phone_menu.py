"""An automated phone menu's prompts ("Press 1 for ...", "Please hold") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unphone"]


def unphone(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text
