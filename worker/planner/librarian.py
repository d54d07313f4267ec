"""A librarian's asides ("Shhh!", "this book is overdue") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unlibrarian"]


def unlibrarian(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text
