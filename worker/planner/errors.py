"""The one way the rule planner says no: UnchartableQuestion, whose text tells the user why and what works.

It lives apart from worker.planner.rules so every reader of a question can raise it; rules re-exports it.
"""

from __future__ import annotations

__all__ = ["UnchartableQuestion"]


class UnchartableQuestion(Exception):
    """The question cannot become a chart; str is a sentence for the user saying why and what works."""
