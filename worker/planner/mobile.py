"""A phone user's typing spelt out before a question is read: emoji, chat abbreviations and the slips
autocorrect makes (filled in by its owner; see the docstring of `unmobile`)."""

from __future__ import annotations

__all__ = ["unmobile"]


def unmobile(text: str) -> str:
    """`text` with a phone user's typing said plainly; unchanged when there is nothing to say."""
    return text
