"""Crossword clues ("7 across: average tip by day (5,3,2,3)", "Answer: Norway") around the data question
the clue asks.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["uncrossword"]


def uncrossword(text: str, model: SemanticModel) -> str:
    return text
