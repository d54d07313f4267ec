"""A karaoke host's patter ("Next up on the mic: table 7!", "Give it up for Dave!") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unkaraoke"]


def unkaraoke(text: str, model: SemanticModel) -> str:
    return text
