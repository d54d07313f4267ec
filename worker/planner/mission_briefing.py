"""A secret agent's briefing ("Your mission, should you choose to accept it") around a request."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unbrief"]


def unbrief(text: str, model: SemanticModel) -> str:
    return text
