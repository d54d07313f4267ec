"""A satnav's directions ("In 200 metres, turn left", "Recalculating") around the driver's request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unsatnav"]


def unsatnav(text: str, model: SemanticModel) -> str:
    return text
