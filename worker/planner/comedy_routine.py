"""A stand-up comedian's routine ("So what's the deal with tips?", "Am I right, folks?", "Seriously though:
...") set aside around the request it carries. Text not recognised is unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["uncomedy"]


def uncomedy(text: str, model: SemanticModel) -> str:
    return text
