"""A drill sergeant's orders ("Listen up, maggots!", "Drop and give me twenty!") around a request."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["undrill"]


def undrill(text: str, model: SemanticModel) -> str:
    return text
