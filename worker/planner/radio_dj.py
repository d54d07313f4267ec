"""A radio DJ on air ("You're listening to Chart FM 98.6!", "our request line") around the listener's request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unradio_dj"]


def unradio_dj(text: str, model: SemanticModel) -> str:
    return text
