"""A software tester's bug report ("Steps to reproduce: ... Expected result: ... Actual result: ... Severity:
low"), read as the request its expected result carries. Text not recognised is unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unbug_report"]


def unbug_report(text: str, model: SemanticModel) -> str:
    return text
