"""A social-media influencer's patter ("Hey besties!", "link in bio") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["uninfluence"]


def uninfluence(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text
