"""Two charts asked for in one question: "Two charts: the average tip by day, and the medals by nation",
"The average tip by day as bars and a separate pie of the medals by nation", "... and separately a line of
Apple's price". chartq draws one chart per
question, and reading both as one request would chart one data set by the other's groups or silently drop
one of them; the question is refused with the first chart as the question to ask first. "A separate line
for each company" asks for one chart with a line per company, and is no second chart.

Read in every question once the voices' patter is gone (worker.planner.rules), and by the readers of
voices that refuse before they set their patter aside ("My grandson drew two graphs at school" is a scene,
not a request: worker.planner.grandmother reads only the sentences that ask)."""

from __future__ import annotations

import itertools
import re

from worker.planner.errors import NotInTheData
from worker.planner.versus_names import names_of
from worker.semantic import SemanticModel

__all__ = ["CHARTS", "refuse_second_chart"]

_I = re.IGNORECASE
# A line or a bar is a chart of its own only said as one, or "of" something ("a separate line of Apple's
# price"); "a separate line for each company" is one chart's series.
_KIND = r"(?:pie|chart|graph|plot|histogram|scatter|(?:line|bar)\s+(?:chart|graph)|(?:line|bar)(?=\s+of\b))"
_COUNTED = r"(?:two|three|2|3|both|separate)\s+(?:charts|graphs|plots|pies)"
_ANOTHER = (
    rf"(?:(?:on|in)\s+)?(?:an?\s+(?:separate|second|other)|another|separately,?\s+an?)\s+{_KIND}(?:\s+chart)?"
)
# A second chart: counted ("two charts"), added ("and a separate pie"), of something ("another pie of
# the medals") or as what the first is not ("as a second chart"); "I'd like another pie: ..." is one.
CHARTS = re.compile(
    rf"\b(?:(?P<counted>{_COUNTED})|(?:and\s*,?\s*(?:also\s+)?|as\s+)(?P<added>{_ANOTHER})"
    rf"|(?P<of>{_ANOTHER})(?=\s+(?:of|for|showing|with)\b))\b(?!\s+(?:for|per)\s+(?:each|every)\b)",
    _I,
)
# Two requests each drawn as a chart of its own: "the tip by day as a bar chart and the bill by sex as a
# pie chart" (read as one, the second was dropped and the first drawn as a pie).
_AS_KIND = {
    "bar": r"bar\s+(?:charts?|graphs?)|column\s+charts?|bars?|columns?",
    "pie": r"pie\s+charts?|pies?",
    "line": r"line\s+(?:charts?|graphs?)|lines?",
    "scatter": r"scatters?|scatter\s*plots?",
    "histogram": r"histograms?",
}
_AS = re.compile(
    r"\bas\s+(?:an?\s+)?(?:" + "|".join(f"(?P<{k}>{body})" for k, body in _AS_KIND.items()) + r")\b", _I
)
_AND_ALSO = re.compile(r"\s*,?\s*and\s+(?:also\s+)?", _I)
_AND_BY = re.compile(r"(?:,\s*|\s+)and\s+(?:then\s+)?(?P<next>[^,;]*?\b(?:by|per|for\s+each)\b)", _I)
# Where the first request ends: before ", and", ";" or "and (also) a ...".
_NEXT = re.compile(r"\s*(?:,\s*and\b|;|\band\s+(?:also\s+)?an?\b)", _I)
_TRAILING_AND = re.compile(r"\s*,?\s*\b(?:and|but)(?:\s+also)?\s*,?\s*$", _I)


def _two_kinds(text: str) -> tuple[str, str] | None:
    """(the second request's chart words, the first request) when `text` joins two requests with "and",
    each drawn as a chart of its own ("... as bars and the bill by sex as bars")."""
    kinds = list(_AS.finditer(text))
    for one, two in itertools.pairwise(kinds):
        # "the tip by day as bars and as a pie": one request drawn twice.
        if one.lastgroup != two.lastgroup and _AND_ALSO.fullmatch(text, one.end(), two.start()):
            return two[0], text[: one.end()].strip(" .!?:;,-")
        joined = _AND_BY.search(text, one.end(), two.start())
        # "... and split it by sex as a line" changes the one chart.
        if joined is not None and not re.search(r"\b(?:it|them|this|that)\b", joined["next"], _I):
            return two[0], text[: joined.start()].strip(" .!?:;,-")
    return None


def refuse_second_chart(text: str, model: SemanticModel) -> None:
    """Raises when `text` asks for a second chart, naming the first one as the question to ask."""
    charts = CHARTS.search(text)
    if charts is None:
        if (kinds := _two_kinds(text)) is None:
            return
        said, first = kinds
    else:
        said = charts["counted"] or charts["added"] or charts["of"]
        first = _first(text, charts)
    measures = names_of(model).measures
    # "Charlie wants two, the greedy thing: a pie of the medals ...": the chart after a lead-in's colon.
    lead, colon, chart = first.rpartition(":")
    first = chart.strip() if colon and measures.search(chart) and not measures.search(lead) else first
    if not measures.search(first):
        # Nothing of the data named around the charts: an example question, as every refusal gives.
        first = model.examples[0] if model.examples else "the average tip by day"
    said_as = _label_said(first, model)
    read = f" (\u201c{said_as[0]}\u201d read as {said_as[1]})" if said_as else ""
    raise NotInTheData(
        f"chartq draws one chart per question, and this one asks for \u201c{said}\u201d. Ask for each "
        f"chart in a question of its own, e.g. \u201c{first}\u201d{read}."
    )


def _label_said(text: str, model: SemanticModel) -> tuple[str, str] | None:
    """The word and the label of the measure `text` names only by a synonym ("bill": total bill), so that
    a refusal quoting the user's words says what they are read as; None when the label itself is said."""
    labels = [m.label.lower() for ds in model.datasets for m in ds.measures]
    if any(re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text, _I) for label in labels):
        return None
    for ds in model.datasets:
        for measure in ds.measures:
            for word in measure.synonyms:
                if m := re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, _I):
                    return m[0], measure.label.lower()
    return None


def _first(text: str, charts: re.Match[str]) -> str:
    """The first chart asked for: after "two charts:", else before the second one."""
    before = _TRAILING_AND.sub("", text[: charts.start()])
    if charts["counted"]:
        after = text[charts.end() :]
        asked = after.partition(":")[2] or (after if not before.strip(" .!?:;,-") else "")
        if asked.strip():
            return _NEXT.split(asked)[0].strip(" .!?:;,-\u2013\u2014")
    return _NEXT.split(before)[0].strip(" .!?:;,-\u2013\u2014")


# The numbered steps worker.planner.genie_wishes and worker.planner.town_crier write a voice's numbered
# wishes or articles as ("Step 1: ... Step 2: ...").
_STEP = re.compile(r"\bStep\s+\d+:\s*")


def refuse_chart_steps(steps: str, chart: re.Pattern[str], asked: str, each: str) -> None:
    """Refuses numbered steps that each ask for a chart of their own (`chart` finds one): reading some as
    context would chart one and silently drop the other. `asked` and `each` word the refusal in the
    voice ("these wishes ask for", "Ask for each wish on its own")."""
    charts = [s.strip(" .;,") for s in _STEP.split(steps) if chart.search(s)]
    if len(charts) > 1:
        raise NotInTheData(
            f"chartq draws one chart per question, and {asked} {len(charts)} "
            f"(\u201c{charts[0]}\u201d and \u201c{charts[1]}\u201d). {each}, e.g. \u201c{charts[0]}\u201d."
        )


def joined_steps(steps: str) -> str:
    """Numbered steps with no step naming the data first, joined with commas as one request."""
    return ", ".join(s.strip(" .;,") for s in _STEP.split(steps) if s.strip(" .;,")) + "."
