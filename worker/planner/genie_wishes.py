"""A genie's wishes ("Your wish is my command!", "Wish granted:") around a request."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unwish"]


def unwish(text: str, model: SemanticModel) -> str:
    return text
