"""A hypnotist's induction ("You are getting sleepy", "On the count of three") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unhypnotize"]


def unhypnotize(text: str, model: SemanticModel) -> str:
    return text
