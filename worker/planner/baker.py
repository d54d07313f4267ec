"""A baker at the oven, whose patter is set aside around the one request it carries
(not yet read: the question is returned unchanged)."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unbake"]


def unbake(text: str, model: SemanticModel) -> str:
    """`text` with the patter set aside around the request; other text unchanged."""
    del model
    return text
