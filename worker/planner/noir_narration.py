"""A hard-boiled detective's narration ("The rain hadn't stopped for three days. ... I pulled the file on
Asia") set aside around the request it carries. Text not recognised is unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unnoir"]


def unnoir(text: str, model: SemanticModel) -> str:
    return text
