"""The one way the rule planner says no: UnchartableQuestion, whose text tells the user why and what works.

It lives apart from worker.planner.rules so every reader of a question can raise it; rules re-exports it.
"""

from __future__ import annotations

__all__ = ["NamesNothing", "NotInTheData", "UnchartableQuestion"]


class UnchartableQuestion(Exception):
    """The question cannot become a chart; str is a sentence for the user saying why and what works."""


class NotInTheData(UnchartableQuestion):
    """The question names what the data is not ("the 2017 election" of 2013 data), or a value only
    ambiguously ("Aus.": Australia or Austria): no reading that sets those words aside as context may
    answer it, as the chart would answer about something else."""


class NamesNothing(UnchartableQuestion):
    """The question names nothing chartq can measure, so no dataset could be chosen: said of a piece of a
    question ("Going once, going twice..."), it tells less than the refusal of the whole."""
