"""A court stenographer at the record, whose patter is set aside around the one request it carries (being
written)."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unstenograph"]


def unstenograph(text: str, model: SemanticModel) -> str:
    """`text` unchanged (the reader is being written)."""
    return text
