"""A Wild West cowboy's drawl ("Howdy, partner", "I reckon") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unwild_west"]


def unwild_west(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text
