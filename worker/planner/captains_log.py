"""A starship captain's log ("Captain's log, stardate 2007.3") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unlog"]


def unlog(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text
