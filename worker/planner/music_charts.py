"""A pop-music chart fan's words, spelt as the plain request they stand for. Read only in a question that
speaks them (a word below), so any other question reads exactly as before:
- "the charts" and "the X charts" are a ranking ("the 2007 life expectancy charts" is "the 2007 life
  expectancy ranking"); where the rest of the question names its own measure the label is only a name
  ("The GDP charts for 1992: average GDP per capita ..." is "The ranking for 1992: ...", no GDP measure);
  "the X charts - Y, I mean" is glossed as Y; "Top 10 of the X charts:" before a request that states its
  own count adds nothing;
- "number one first", "number one at the top" are "highest first" (an order, no limit); "number one",
  "the chart-topper" and "top of the pops" are "highest" (the single top value comes from "just the top
  one"), and "just (the) number one (day)", "just the chart-topper", "just the top band" are "just the top
  one"; a leading "Top of the pops on the X data:" keeps only "On the X data:"; "Top 40" is "top 40";
- "at the bottom of the charts" is "lowest"; "count down X from the lowest M up to number one" is "X
  ranked by M, lowest first" (the whole ranking, no limit);
- claims: "climbing the charts" / "climbed the charts" are "rising" / "rose", "a non-mover" is "flat", so
  the claim readers set them aside as context; the request's "its" / "their" then names the value the
  claim names, and "the whole run" is the whole data (no period);
- "made the charts" adds nothing beyond the condition the request states ("How many big spenders made the
  charts on each day?" is "How many on each day?"); "(an actual chart, not a ranking)" adds nothing;
  "all-time" names no period; "all X added up" is "all X together".
Weeks (or any count of periods) spent at number one are a chart position over time the data does not hold,
and are refused by name here; so are forecasts ("next week's number one"), and countdowns that start at a
place ("from number ten to number one"); chart positions, new entries, drop-outs, streaming, sales and
one-hit wonders are left as they are (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.owners import example_for
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unmusic_chart"]

_I = re.IGNORECASE
_DASH = r"[\-\u2013\u2014]"
# A chart fan's word: nothing below is read in a question without one ("number one" alone is plain too
# rarely to matter, but "chart" alone is a picture, so it is not one of them).
_CHART = re.compile(
    r"\b(?:chart[\s-]toppers?|number\s+one|top\s+of\s+the\s+pops|top\s+40|charts|non[\s-]movers?|"
    r"count\s+down|(?:actual|real|proper)\s+chart)\b",
    _I,
)
# "Pie charts", "bar charts": pictures, no ranking (a chart type, read by the readers after this one).
_KIND_CHARTS = re.compile(
    r"\b(?:pie|bar|line|scatter|area|column|donut|doughnut|histogram|stacked|grouped|flow|org|gantt|"
    r"radar|bubble|heat\s*map|waterfall)\s+charts\b",
    _I,
)
# A count of periods spent at number one: a chart position over time, which no plan holds.
_WEEKS_AT_ONE = re.compile(
    r"\b(?:how\s+many|number\s+of)\s+(?:weeks|months|days|years|times)\b[^.?!]{0,40}?\b"
    r"(?:number\s+one|(?:the\s+)?top\s+of\s+the\s+charts|chart[\s-]toppers?)\b",
    _I,
)
# What the data cannot answer: such a question is left whole, so it is refused by name downstream.
_REFUSED = re.compile(
    r"\b(?:chart\s+positions?|new\s+entr(?:y|ies)|dropped\s+out|drop\s+out|streams?|streaming|sales|"
    r"one[\s-]hit)\b",
    _I,
)
# A countdown is charted only from the lowest up to number one over the whole ranking: one that starts at
# a number or keeps a count would need a top N played lowest first, which no plan's sort and limit give.
_COUNTDOWN = re.compile(r"\b(?:count(?:s|ed|ing)?\s+(?:it\s+|them\s+)?down|countdown)\b", _I)
_COUNTED = re.compile(r"\b(?:top|bottom|\d+|number\s+\w+)\b", _I)
# A chart yet to come: a forecast after the data.
_FORECAST = re.compile(
    r"\b(?:predict\w*|forecast\w*|next\s+(?:week|month|year)(?:'s)?|who(?:'|\u2019)ll\s+be|will\s+be|"
    r"going\s+to\s+be|will\s+(?:top|climb|stay))\b",
    _I,
)
_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=\S)")
_ITS = re.compile(r"\b(?:its|their)\b(?=\s+\w)", _I)
# Claims about a course over time.
_CLIMB = re.compile(r"\b(?P<verb>climb|climbs|climbing|climbed)\s+(?:up\s+)?the\s+charts\b", _I)
_NON_MOVER = re.compile(r"\b(?:a\s+)?non[\s-]movers?\b", _I)
_WHOLE_RUN = re.compile(r"\s*,?\s*(?:for\s+|over\s+)?the\s+whole\s+run\b", _I)
# Orders and the single top or bottom value.
_ONE_FIRST = re.compile(
    r"\b(?:with\s+)?number\s+one\s+(?:first|at\s+the\s+top|on\s+top|at\s+the\s+front)\b", _I
)
_JUST_ONE = re.compile(
    r"\b(?P<just>just|only)\s+(?:the\s+)?(?:number\s+one|chart[\s-]topper|top)(?:\s+(?!\d)[a-z]+)?"
    r"(?=\s*(?:[.,;!?]|$))",
    _I,
)
_POPS_LEAD = re.compile(
    r"^\W*top\s+of\s+the\s+pops\s*(?P<tail>(?:on|in|for)\s+[^:;.?!]{1,40}?)?\s*[:,]\s*(?P<rest>\S.*)$",
    _I | re.DOTALL,
)
_TOP_VALUE = re.compile(
    r"\b(?:the\s+)?(?:(?:all[\s-]time\s+)?chart[\s-]topper|number\s+one|top\s+of\s+the\s+pops)\b", _I
)
# "Who topped the X charts?": who was highest in the X ranking.
_TOPPED = re.compile(r"\b(?P<verb>topped|tops|top)\s+(?=the\s+(?:[\w'\u2019-]+\s+){0,4}?charts\b)", _I)
_TOP_N = re.compile(r"\bTop(?=\s+\d+\b)")
_BOTTOM = re.compile(r"\b(?:at\s+)?(?:the\s+)?bottom\s+of\s+the\s+charts\b", _I)
_COUNT_DOWN = re.compile(
    r"\bcount\s+down\s+(?P<what>[^.?!]{1,60}?)\s+from\s+the\s+(?:lowest|smallest|bottom)\s+"
    r"(?P<by>[^.?!]{1,80}?)\s+(?:up\s+)?to\s+(?:number\s+one|the\s+top)\b",
    _I,
)
# Labels: "the X charts" (X up to four words), a gloss after it, and a "Top N of ..." lead.
_LABEL = re.compile(r"\bthe\s+(?P<label>(?:[\w'\u2019-]+\s+){0,4}?)charts\b", _I)
_GLOSS = re.compile(
    rf"\bthe\s+(?:[\w'-]+\s+){{0,3}}?charts\s*(?:{_DASH}|,)\s*(?P<what>[\w\s-]{{1,30}}?)\s*,\s*I\s+mean\b", _I
)
_TOP_OF = re.compile(
    r"^\W*(?:the\s+)?top\s+\d+\s+of\s+the\s+[^:;.?!]{0,60}?charts\b[^:;.?!]{0,40}:\s*(?P<rest>\S.*)$",
    _I | re.DOTALL,
)
_STATED_COUNT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|top|bottom)\s+"
    r"(?:(?:most|least|best|worst|richest|poorest|biggest|smallest|highest|lowest)\b|[\w-]+\s+by\b)",
    _I,
)
_YEAR = re.compile(r"\b\d{4}\b")
# Context words that add nothing once the chart words are read.
_MADE_IT = re.compile(r"\bhow\s+many\s+(?:[\w-]+\s+){0,3}?made\s+(?:it\s+(?:in)?to\s+)?the\s+charts\b", _I)
_ACTUAL_CHART = re.compile(
    r"\s*\(\s*(?:an?\s+)?(?:actual|real|proper)\s+chart\s*,?\s*not\s+a\s+(?:ranking|list|table)\s*\)", _I
)
_ALL_TIME = re.compile(r"\ball[\s-]time\s+", _I)
_ADDED_UP = re.compile(r"\b(?P<all>all\s+[\w-]+)\s+added\s+up\b", _I)


def unmusic_chart(text: str, model: SemanticModel) -> str:
    """`text` with a chart fan's words spelt out as the plain request; other text is unchanged."""
    if not _CHART.search(_KIND_CHARTS.sub("", text)):
        return text
    weeks = _WEEKS_AT_ONE.search(text)
    if weeks is not None:
        raise NotInTheData(
            f"\u201c{weeks[0]}\u201d asks for a chart position over time (the top value within each "
            f"period, counted), which chartq does not chart: a plan has one ranking. "
            f"{example_for(text, model)}"
        )
    if _REFUSED.search(text):
        return text
    forecast = _FORECAST.search(text)
    if forecast is not None:
        raise NotInTheData(
            f"\u201c{forecast[0]}\u201d asks for a chart still to come, a forecast beyond the data, which "
            f"chartq does not make. {example_for(text, model)}"
        )
    _refuse_countdown(text, model)
    read = _ACTUAL_CHART.sub("", text)
    read = _MADE_IT.sub("How many", read)
    read = _unclaim(read, model)
    read = _BOTTOM.sub("lowest", _TOPPED.sub(_top_in, read))
    read = _unlabel(read, model)
    read = _ranked(read)
    read = _ADDED_UP.sub(lambda m: f"{m['all']} together", read)
    return _ALL_TIME.sub("", read)


def _refuse_countdown(text: str, model: SemanticModel) -> None:
    """Refuses a countdown other than the whole ranking from the lowest up to number one."""
    said = _COUNTDOWN.search(text)
    if said is None:
        return
    whole = _COUNT_DOWN.search(text)
    if whole is not None and not _COUNTED.search(whole["what"]):
        return
    raise NotInTheData(
        f"\u201c{said[0]}\u201d to number one from a set place asks for a top N played from the bottom up, "
        f"which no sort and limit give (a limit keeps the top values only when they come first). Ask for "
        f"the top N highest first, or the whole ranking lowest first. {example_for(text, model)}"
    )


def _unclaim(text: str, model: SemanticModel) -> str:
    """A climb as a rise and a non-mover as flat, read as claims; the request's "its" names the value."""
    if not (_CLIMB.search(text) or _NON_MOVER.search(text)):
        return text
    read = _CLIMB.sub(_plain_climb, text)
    read = _NON_MOVER.sub("flat", read)
    read = _WHOLE_RUN.sub("", read)
    claim, *rest = _SENTENCE.split(read, maxsplit=1)
    names = names_of(model)
    named = values_named(claim, names)
    if len(named) != 1 or not rest or values_named(rest[0], names):
        return read
    return f"{claim} {_ITS.sub(named[0] + chr(39) + 's', rest[0])}"


def _plain_climb(said: re.Match[str]) -> str:
    verb = said["verb"].lower()
    return {"climb": "go up", "climbs": "rises", "climbing": "rising"}.get(verb, "rose")


def _unlabel(text: str, model: SemanticModel) -> str:
    """ "The X charts" as a ranking, its words kept only where the rest names no measure."""
    read = text
    top_of = _TOP_OF.match(read)
    if top_of is not None and _STATED_COUNT.search(top_of["rest"]):
        read = _capital(top_of["rest"])
    read = _GLOSS.sub(lambda m: f"the {m['what']} ranking", read)
    measures = names_of(model).measures

    def label(found: re.Match[str]) -> str:
        outside = read[: found.start()] + read[found.end() :]
        words = found["label"]
        if _KIND_CHARTS.search(found[0]):
            return found[0]
        if words and measures.search(outside) and not _YEAR.search(words):
            words = ""
        return f"{found[0][:3]} {words}ranking"

    return _LABEL.sub(label, read)


def _ranked(text: str) -> str:
    """Number one as an order, as the single top value, or the bottom of the charts as the lowest."""
    read = _ONE_FIRST.sub("highest first", text)
    read = _JUST_ONE.sub(lambda m: f"{m['just']} the top one", read)
    pops = _POPS_LEAD.match(read)
    if pops is not None:
        read = f"{_capital(pops['tail'])}: {pops['rest']}" if pops["tail"] else _capital(pops["rest"])
    read = _COUNT_DOWN.sub(lambda m: f"{m['what']} ranked by {m['by']}, lowest first", read)
    read = _TOP_VALUE.sub("highest", read)
    return _TOP_N.sub("top", read)


def _top_in(said: re.Match[str]) -> str:
    return "was highest in " if said["verb"].lower() == "topped" else "is highest in "


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
