"""A butler's service ("Very good, sir.", "His lordship wishes to see") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unbutler"]


def unbutler(text: str, model: SemanticModel) -> str:
    return text
