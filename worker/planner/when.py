"""Questions asking when something peaked or bottomed out, or which way it was heading: the chart that
shows the answer is the named value's line over time, over the period named ("When did Google's price
peak?" is Google's price over time; "When was Facebook's stock at its lowest during 2018?" is Facebook's
stock over time during 2018; "In which survey year was Cambodia's life expectancy at its lowest?";
"Which way was Africa's life expectancy heading from 1967 to 2002?"). The peak or trough is not a
filter, and not a ranking of one bar: it is read off the line.
"""

from __future__ import annotations

import re

__all__ = ["unwhen"]

_EXTREME = r"(?:lowest|highest|peak|best|worst|maximum|minimum|max|min|low|high|top|bottom|weakest|strongest)"
_ASKING = (
    r"(?:when|at\s+what\s+(?:point|time)|in\s+(?:which|what)\s+(?:survey\s+)?"
    r"(?:year|week|month|date|period|quarter)|(?:which|what)\s+(?:survey\s+)?(?:year|week|month|date))"
)
_REACHED = (
    rf"(?:at\s+(?:its|their|his|her|an?\s+all-time|the)\s+(?:all-time\s+)?{_EXTREME}(?:\s+(?:point|level|value))?|"
    r"peak(?:ed)?|bottom(?:ed)?(?:\s+out)?|top(?:ped)?\s+out|"
    rf"(?:reach|hit|touch|record|see)(?:ed)?\s+(?:its|their|an?|the)\s+(?:all-time\s+)?{_EXTREME}"
    r"(?:\s+(?:point|level|value))?)"
)
_WHEN = re.compile(
    rf"^\W*{_ASKING}\s+(?:did|was|were|is|are|does|do|had|has)\s+(?P<x>.+?)\s+{_REACHED}(?!\w)(?P<rest>.*)$",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"^\W*(?:which|what)\s+(?:way|direction)\s+(?:was|were|is|are|did)\s+(?P<x>.+?)\s+"
    r"(?:heading|going|moving|trending|head|go|move|trend)(?!\w)(?P<rest>.*)$",
    re.IGNORECASE,
)


def unwhen(text: str) -> str:
    """ "When did X peak (during P)?" as "X over time (during P)"."""
    for pattern in (_WHEN, _HEADING):
        m = pattern.match(text)
        if m is not None:
            return f"{m['x']} over time{m['rest']}"
    return text
