"""A sports coach's pep talk ("Alright team, huddle up!", "Give me 110%", "Leave it all on the field") set
aside around the play it calls. Text not recognised is unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unpep_talk"]


def unpep_talk(text: str, model: SemanticModel) -> str:
    return text
