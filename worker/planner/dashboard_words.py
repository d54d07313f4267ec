"""A business review's dashboard words (KPI, top performers, laggards, headline numbers) spelt out in the
words the readers know, before any other rewrite reads the question.

- A label before a colon ("KPI:", "KPI trend:", "Top performers:", "Laggards among the six tech stocks:",
  "The headline number per region for the board deck:") or a question asked before the request ("Who is
  the top performer on golds? Gold medals by nation") names the kind of chart, not a value: it is read
  into the request after it. "KPI" and "headline number" ask for nothing; "trend" is a line over time
  ("trend of ..."); "top performers" is a ranking, highest first, and "laggards" lowest first, unless the
  request already ranks ("the 3 companies with the highest ..."); a request ranking the other way is
  refused, as the question then says two things. What the label scopes ("per region", "in Q4 2018",
  "for the board deck") is moved after the request; "among the six tech stocks" names the things ranked
  ("the six tech stocks ranked by ...", or "..., among X" after a request that groups); "on golds"
  names the measure ranked on, dropped only when the request names it again.
- "Top 5 performers", "the 10 laggards", "bottom 3 performers": a counted ranking, "top 5" / "bottom 10".

A KPI or headline label with anything else in its scope is left as written (the context readers then say
it was left out); a ranking label is refused instead, as the headline readers would drop it and with it
the ranking's direction.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.semantic import SemanticModel

__all__ = ["undashboard"]

_I = re.IGNORECASE
_TOP = r"(?:top|best|star|leading|strongest)[\s-]+performers?|leaders"
_BOTTOM = r"(?:bottom|worst|weakest|poorest)[\s-]+performers?|under-?performers?|laggards?|stragglers"
_KPI = r"kpis?|key\s+(?:performance\s+)?(?:indicators?|metrics?|figures?|numbers?)"
_HEAD = rf"headline\s+(?:numbers?|figures?|metrics?|stats?|kpis?)|(?:{_KPI})"
_KIND = rf"(?P<trend>(?:{_KPI})\s+trends?)|(?P<top>{_TOP})|(?P<bottom>{_BOTTOM})|(?P<head>{_HEAD})"
# "Top performers in Q4 2018: ...", "The headline number per region for the board deck: ..."
_LABEL = re.compile(
    rf"^\W*(?:(?:the|our)\s+)?(?:{_KIND})\b(?P<scope>[^:?!.;]{{0,80}}?)\s*:\s+(?P<rest>\S.*)$", _I
)
# "Who is the top performer on golds? Gold medals by nation": a question before the request.
_ASKED = re.compile(
    rf"^\W*(?:who|which\s+\w+|what)(?:'s|\s+(?:is|are|was|were))\s+(?:the\s+|our\s+)?(?:{_KIND})\b"
    r"(?P<scope>[^:?!.;]{0,80}?)\s*\?\s+(?P<rest>\S.*)$",
    _I,
)
# "per" as a grouping, not the "per" of a measure's name ("GDP per capita", "tip per person").
_PER = r"per\b(?!\s+(?:capita|person|head|cover|table)\b)"
# The scope of a label, piece by piece: each begins with a preposition.
_PIECE = re.compile(
    rf"\s*,?\s*(?P<prep>{_PER}|by|for\s+each|for|in\s+terms\s+of|in|during|among|across|on)\s+"
    rf"(?P<what>(?:(?!\b(?:{_PER}|by|for|in|during|among|across|on)\b)[^,])+)",
    _I,
)
# Words by which a request already ranks what it shows.
_RANKS = re.compile(
    r"\b(?:top|bottom|highest|lowest|most|least|fewest|best|worst|largest|smallest|biggest|ranked|"
    r"ranking|rank|descending|ascending)\b",
    _I,
)
# The ranking words of each direction, to tell a label that a request contradicts ("Top performers: the
# 3 companies with the lowest price" says two things: refused, not half read).
_UP = re.compile(r"\b(?:top|highest|most|best|largest|biggest|descending)\b", _I)
_DOWN = re.compile(r"\b(?:bottom|lowest|least|fewest|worst|smallest|ascending)\b", _I)
_GROUPS = re.compile(rf"\b(?:by|{_PER}|each|every|across)\b", _I)
# "top 5 performers", "bottom 3 performers", "the 10 laggards": a counted ranking.
_COUNTED = re.compile(
    r"\b(?:(?P<end>top|bottom|best|worst)\s+(?P<n>\d+)\s+(?:performers|performing)"
    r"|(?P<n2>\d+)\s+(?P<kind>top|best|bottom|worst|weakest|leading)\s+performers"
    r"|(?P<n3>\d+)\s+(?:laggards|underperformers|under-performers))\b"
    # "by" after the performers ranks them ("top 3 performers by medals"); it is no grouping.
    r"(?P<by>\s+by\b)?",
    _I,
)
_WORD = re.compile(r"[a-z]+", _I)


def _stem(word: str) -> str:
    word = re.sub(r"(?<=[a-z]{3})ies$", "y", word.lower())
    return re.sub(r"(?<=[a-z]{3})(?:es|s)$", "", word)


def _repeated(what: str, rest: str) -> bool:
    """Whether every word of `what` (but its articles) is said again in `rest`, in any form."""
    said = {_stem(w) for w in _WORD.findall(rest)}
    wanted = [_stem(w) for w in _WORD.findall(what) if w.lower() not in {"the", "a", "an", "of"}]
    return bool(wanted) and all(w in said for w in wanted)


def _scope(scope: str, rest: str) -> tuple[list[str], str | None] | None:
    """The scope's pieces to say after the request and what it ranks among, or None when some of it
    cannot be placed (the label is then left as written)."""
    pieces: list[str] = []
    among: str | None = None
    at = 0
    while at < len(scope.rstrip()):
        m = _PIECE.match(scope, at)
        if m is None:
            return None
        prep, what = m["prep"].lower(), m["what"].strip()
        if prep in {"among", "across"}:
            among = what
        elif prep in {"on", "in terms of"}:
            # the measure ranked on: said again in the request, or it would be lost
            if not _repeated(what, rest):
                return None
        else:
            pieces.append(f"{m['prep']} {what}")
        at = m.end()
    return pieces, among


def _one_direction(ranking: str, top: bool, rest: str) -> None:
    """Refuses a label the request ranks the other way ("Top performers: the 3 ... with the lowest")."""
    up, down = bool(_UP.search(rest)), bool(_DOWN.search(rest))
    if (top and down and not up) or (not top and up and not down):
        raise UnchartableQuestion(
            f"“{ranking.strip()}” asks for one end of a ranking and the rest of the question for the other; "
            "say which one to show first, e.g. “highest first” or “lowest first”."
        )


def _unplaced(ranking: str, label: str) -> None:
    """Refuses a ranking label whose scope cannot be read into the request: left as written, the
    headline readers would drop the label and with it the ranking's direction."""
    if ranking:
        raise UnchartableQuestion(
            f"chartq could not tell how “{label.strip()}” applies to the rest of the question; say what to "
            "rank and in which order, e.g. “life expectancy by country in 2007, lowest first”."
        )


def _relabel(m: re.Match[str]) -> str | None:
    """The request with what its label says written into it, or None to leave the question as written."""
    rest = m["rest"].strip()
    ranking = m["top"] or m["bottom"]
    found = _scope(m["scope"], rest)
    if found is None:
        _unplaced(ranking, m[0][: m.start("rest") - m.start()].rstrip(" :?"))
        return None
    tail, among = found
    if ranking:
        _one_direction(ranking, bool(m["top"]), rest)
        if not _RANKS.search(rest):
            tail.append("highest first" if m["top"] else "lowest first")
    if m["trend"]:
        rest = f"trend of {rest}"
    if among is not None:
        if not ranking:
            return None
        if _GROUPS.search(rest):
            tail.insert(0, f"among {among}")  # the request groups: "among" then scopes, read as said
        else:
            rest = f"{among} ranked by {rest}"
    return ", ".join([rest.rstrip(" ,.;"), *tail]) if tail else rest


def _counted(m: re.Match[str]) -> str:
    on = " on" if m["by"] else ""
    if m["n"]:
        end = "top" if m["end"].lower() in {"top", "best"} else "bottom"
        return f"{end} {m['n']}{on}"
    if m["n2"]:
        end = "top" if m["kind"].lower() in {"top", "best", "leading"} else "bottom"
        return f"{end} {m['n2']}{on}"
    return f"bottom {m['n3']}{on}"


def undashboard(text: str, model: SemanticModel | None = None) -> str:
    """`text` with its dashboard labels and counted rankings written as the readers know them."""
    del model  # the words are the same on every dataset
    for pattern in (_LABEL, _ASKED):
        m = pattern.match(text)
        if m is not None:
            text = _relabel(m) or text
            break
    return _COUNTED.sub(_counted, text)
