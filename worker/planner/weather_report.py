"""A TV weather forecaster's patter ("Good evening, here's your outlook:", "scattered showers", "back to you
in the studio") set aside around the request it frames. Text not recognised is unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unforecast"]


def unforecast(text: str, model: SemanticModel) -> str:
    return text
