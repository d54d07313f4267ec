"""A scientist's lab-notebook framing (hypotheses, methods, variables), spelt as the request it carries.

A notebook question is a run of labelled lines: "Hypothesis:", "H0:", "H1:", "Null hypothesis:",
"Observation:", "Prediction:" and "Falsify this:" state a claim, which is context like a story's scene
(worker.planner.story_scenes): its values are no filters, and its "never", "beat" or "every" reach no
reader, unless the request points back to it ("that year", "them", or "both" for the two values the claim
names). "Lab notebook, entry 14.", "Experiment 3." and "Trial 2." are labels whose numbers are neither
limits nor filters. "n = 244" and "n = 100 flowers" restate the rows charted and add nothing. "Plot the
evidence:", "Method:" and "Replicate with the petals:" introduce the request. The design lines name what
the request leaves out: "Sample: the 2002 survey, Asian countries only" is the rows studied, kept before
the request; "Dependent variable: Y" and "Variables: independent = X, dependent = Y" name the measure Y
(and the grouping X, or a scatter's x-axis when X is a measure) where the request names no measure;
"Control group: A. Treatment group: B." names two values that the request's "both groups" compares. A
treatment that is not a value of the data ("Treatment: double every tip") is left as written, for the
readers after this one to refuse; so are tests, p-values, intervals and coefficients. Text with no
notebook label is returned unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import Names, names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unnotebook"]

_I = re.IGNORECASE
# A notebook's lines end with a full stop, whatever case the next one starts in ("(n = 50) plot ...").
_LINE = re.compile(r"(?<=[.!?])\s+(?=\S)")
# A claim: context, read only where the request points back to it.
_CLAIM = re.compile(
    r"^\s*(?:(?:null|alternative|working)\s+hypothesis|hypothes[ie]s|h[01a]|observations?|prediction|"
    r"falsify\s+this|claim|conjecture)\s*:\s*",
    _I,
)
# Labels carrying nothing: entries and experiment numbers.
_ENTRY = re.compile(
    r"^\s*(?:(?:lab\s+)?notebook\s*,?\s*)?(?:(?:entry|experiment|trial|run)\s+(?:no\.\s*)?\d+\s*)?"
    r"(?:[.:;,]\s*|$)",
    _I,
)
_LABEL_ONLY = re.compile(r"\w")
# "n = 244", "n=100 flowers", "(n = 50)": a sample size is the rows charted, not a limit.
_SIZE = re.compile(r"\(?\bn\s*=\s*\d[\d,]*(?:\s+[a-z]+(?=\s*(?:[.;,)]|$)))?\)?\s*[.;,]?", _I)
# What introduces the request.
_INTRO = re.compile(
    r"^\s*(?:(?:plot|show|chart)\s+the\s+(?:evidence|data)\s*:\s*(?P<verb>)|method\s*:\s*|"
    r"replicate\s+(?:with|on|for)\s+[^:]{1,40}:\s*)",
    _I,
)
_SAMPLE = re.compile(r"^\s*sample\s*:\s*(?P<rows>.+?)\s*[.;]?\s*$", _I)
_DEPENDENT = re.compile(r"^\s*dependent\s+variable\s*:\s*(?P<y>.+?)\s*[.;]?\s*$", _I)
_VARIABLES = re.compile(
    r"^\s*variables\s*:\s*independent\s*(?:=|:|is)\s*(?P<x>[^,;]+?)\s*[,;]\s*"
    r"dependent\s*(?:=|:|is)\s*(?P<y>[^.;]+?)\s*[.;]?\s*$",
    _I,
)
_GROUP = re.compile(r"^\s*(?P<role>control|treatment)(?:\s+group)?\s*:\s*(?P<who>[^.;]+?)\s*[.;]?\s*$", _I)
# Nouns a group's value may carry ("lunch tables", "the smokers").
_GROUP_NOUNS = re.compile(
    r"\b(?:the|all|tables?|diners|customers|people|rows|flowers|countries|days|meals|only)\b", _I
)
# The request's words for the two groups of the design.
_BOTH_GROUPS = re.compile(
    r"(?:\bfor\s+)?\b(?:both|each|the\s+two|each\s+of\s+the|the\s+control\s+and\s+(?:the\s+)?treatment)\s+groups?\b",
    _I,
)
_UNREAD_GROUP = re.compile(r"\b(?:groups?|control|treatment|treated)\b", _I)
# "both" alone ("Plot both weekly prices"): the two values the claim named.
_BOTH = re.compile(r"\bboth\b(?!\s+(?:groups?|[\w' ]{1,30}?\band\b))", _I)
# A scientist's "raw observations" are the rows themselves, which an unaggregated chart already shows.
_RAW = re.compile(
    r"\b(?:the\s+)?(?:raw|individual|unaggregated)\s+(?:observations|data\s+points|measurements|data)\b",
    _I,
)
# A claim's periods, kept with its values where the request points back ("in that year").
_PERIOD = re.compile(r"\b(?:[QH][1-4]\s+)?(?:1[89]|20)\d{2}\b")
_NOTEBOOK = re.compile(
    r"(?:^|[.;]\s+)(?:(?:lab\s+)?notebook\s*,|(?:entry|experiment|trial)\s+\d+\s*[.:]|"
    r"n\s*=\s*\d|(?:(?:null|alternative|working)\s+hypothesis|hypothesis|h[01a]|observations?|prediction|"
    r"falsify\s+this|method|sample|variables|dependent\s+variable|control(?:\s+group)?|"
    r"treatment(?:\s+group)?|(?:plot|show|chart)\s+the\s+evidence|replicate\s+(?:with|on|for)\s+[^:]{1,40})"
    r"\s*:)",
    _I,
)


def unnotebook(text: str, model: SemanticModel) -> str:
    """`text` with a notebook's framing read as context; unchanged when it has no notebook label."""
    if not _NOTEBOOK.search(text):
        return text
    names = names_of(model)
    claims: list[str] = []
    rows: list[str] = []
    groups: list[str] = []
    request: list[str] = []
    measure = grouping = ""
    for sentence in (s for s in _LINE.split(_SIZE.sub(" ", text).strip()) if s.strip()):
        if not _LABEL_ONLY.search(_ENTRY.sub("", sentence, count=1)):
            continue
        if claim := _CLAIM.match(sentence):
            claims.append(sentence[claim.end() :])
        elif sample := _SAMPLE.match(sentence):
            rows.append(sample["rows"])
        elif dependent := _DEPENDENT.match(sentence):
            measure = dependent["y"]
        elif variables := _VARIABLES.match(sentence):
            grouping, measure = variables["x"], variables["y"]
        elif (group := _GROUP.match(sentence)) and _is_values(group["who"], names):
            groups.append(" ".join(values_named(group["who"], names)))
        elif intro := _INTRO.match(sentence):
            verb = "plot " if intro["verb"] is not None else ""
            request.append(verb + sentence[intro.end() :])
        else:
            request.append(_ENTRY.sub("", sentence, count=1) if _ENTRY.match(sentence) else sentence)
    if not request:
        return text
    asked = _RAW.sub(" ", " ".join(request))
    if groups:
        asked = _BOTH_GROUPS.sub(" for " + " and ".join(groups), asked)
        if _UNREAD_GROUP.search(asked):
            # A group the request names in a way not read here: refused by name, not charted without it.
            return text
    context = " ".join(claims)
    if len(pair := values_named(context, names)) == 2 and _BOTH.search(asked):
        asked = _BOTH.sub(" and ".join(pair), asked, count=1)
    elif context and (pointed := points_back(asked)):
        # "Test it ...", "in that year": the claim is what the request is about.
        said = [*values_named(context, names), *_PERIOD.findall(context)]
        rows.append(", ".join(said) if said else re.sub(r"[.!?]+\s*$", "", context.strip()))
        asked = pointed
    grouped = not grouping or grouping.strip().lower() in asked.lower()
    if measure and (not names.measures.search(asked) or not grouped):
        rows.append(_design(measure, grouping, names))
    return tidy(f"{', '.join(rows)}: {asked}" if rows else asked)


def _is_values(who: str, names: Names) -> bool:
    """Whether a group is named by values of the data alone ("lunch tables", "women")."""
    found = values_named(who, names)
    rest = _GROUP_NOUNS.sub(" ", names.values.sub(" ", who))
    return bool(found) and not re.search(r"\w", rest)


def _design(measure: str, grouping: str, names: Names) -> str:
    """The measure a design names, over its independent variable: a scatter's x when that is a measure."""
    if not grouping:
        return measure
    if names.measures.fullmatch(grouping.strip()):
        return f"{grouping} against {measure}"
    return f"{measure} by {grouping}"
