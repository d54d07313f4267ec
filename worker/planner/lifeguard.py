"""A lifeguard's shouts ("No running by the pool!", "Lane 4 is closed") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unlifeguard"]


def unlifeguard(text: str, model: SemanticModel) -> str:
    return text
