"""An airline captain's cabin announcement ("Ladies and gentlemen, this is your captain speaking", "cruising
at 35,000 feet", "fasten your seatbelts") set aside around the request. Text not recognised is unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["uncabin"]


def uncabin(text: str, model: SemanticModel) -> str:
    return text
