"""A philosopher's musing ("Consider, if you will, ...", "One might ask whether ...", "Is it not the case
that ...") set aside around the request it carries. Text not recognised is unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unphilosophise"]


def unphilosophise(text: str, model: SemanticModel) -> str:
    return text
