"""A TV shopping host's pitch ("But wait, there's more!", "Call now!"), set aside around its request."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unshop"]


def unshop(text: str, model: SemanticModel) -> str:
    return text
