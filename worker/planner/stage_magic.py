"""A stage magician's patter ("Pick a card, any card!", "Abracadabra!") around a request."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unmagic"]


def unmagic(text: str, model: SemanticModel) -> str:
    return text
