"""A software tester's bug report, read as the request its expected result carries. Read only in a question
with a bug report's headings (a heading below, at the start of the text or of a sentence or line), so any
other question reads exactly as before:
- "Expected result:", "Expected behaviour:", "Expected outcome:", "Expected output:" and "Expected:" head
  the request: the chart wanted. Its "I should see", "it should show", "the chart should display" come
  off, and "(bands) kept in order" is "(bands) in order";
- "Actual result:", "Actual behaviour:", "Observed:", "Severity:", "Priority:", "Repro rate 100%",
  "Repro rate: 3 out of 3", "Reproducibility: always", "Environment:", "Browser:", "OS:", "Build:",
  "Version:", "Device:", "Notes:", "Bug report:", "Bug title:", "Summary:" and "Ticket 123:" are context:
  what was charted, how badly and where. Their values, periods and numbers ("all 33 Asian countries",
  "the 2007 numbers", "build 4411") are never filters, periods or limits;
- "Steps to reproduce:" ("STR:", "Repro steps:") says how the tester got there: its values are kept only
  where the expected result points back to them ("pick the 6+ band ... in that band", "pick Apple and
  Microsoft ... their weekly share prices"), without its "open the tips data and", "1. Load", "pick",
  "filter to". Where the expected result names no measure ("Expected result: a bar chart."), the steps'
  request is the chart's, drawn as the expected result says.
A report whose expected result asks what the data cannot answer (a waiter, a forecast, an earlier bug
report, two charts, km/h) is left for the planner to refuse by name. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unbug_report"]

_I = re.IGNORECASE
# Where a heading may begin: the text's start, a sentence's or a line's, after a list mark or bold.
_AT = r"(?:^|(?<=[.!?\n])|(?<=[.!?]\s)|(?<=[.!?]\s\s))\s*[-*#>\s]*\**\s*"
_EXPECTED = r"expected(?:\s+(?:results?|behaviou?r|outcome|output|chart))?"
_STEPS = r"(?:steps\s+to\s+reproduce|repro(?:duction)?\s+steps|str|to\s+reproduce)"
_CONTEXT = (
    r"(?:actual(?:\s+(?:results?|behaviou?r|outcome|output|chart))?|observed(?:\s+(?:results?|behaviou?r))?|"
    r"severity|priority|environment|env|browsers?|os|platform|build|version|app\s+version|device|"
    r"notes?|workaround|attachments?|reporter|assignee|component|labels?|"
    r"bug(?:\s+(?:report|title|summary))?(?:\s+#?\d+)?|title|summary|issue(?:\s+#?\d+)?|ticket(?:\s+#?\d+)?)"
)
_REPRO = r"(?:repro(?:duction)?\s+rate|reproducib(?:le|ility))"
# A heading: labelled with a colon (or a dash), or "Repro rate" followed by its rate.
_HEADING = re.compile(
    rf"{_AT}(?:(?P<expected>{_EXPECTED})|(?P<steps>{_STEPS})|{_CONTEXT}|{_REPRO})\**\s*(?:[:\u2013\u2014]|\s-\s)\**"
    rf"|{_AT}{_REPRO}(?=\s+(?:\d|always|sometimes|often|rarely|once|every))",
    _I,
)
# The headings only a bug report has ("Note:" and "Title:" are other writers' too).
_BUGGY = re.compile(
    r"[-*#>\s]*\**\s*(?:actual|observed|severity|priority|environment|repro|bug|steps\s+to|str\b)", _I
)
# The tester's words for what the chart should do, before the chart itself.
_SHOULD = re.compile(
    r"^\s*(?:(?:i|we|you|users?)\s+(?:should|would|expect(?:ed)?\s+to)\s+(?:see|get|be\s+shown)|"
    r"(?:it|the\s+(?:chart|graph|plot|app|page|tool))\s+(?:should|would|must)\s+(?:show|display|render|"
    r"draw|be)|(?:should|must)\s+(?:show|display|render|draw|be)|to\s+(?:see|get))\s*:?\s*",
    _I,
)
_KEPT = re.compile(r"\bkept\s+in\s+(?=(?:\w+\s+)?order\b)", _I)
# The steps' actions and the data they open: how the tester got there, not what was asked.
_STEP_WORDS = re.compile(
    r"(?:^|(?<=[.,;:]))\s*(?:\d+[.)]\s*)?(?:then\s+)?(?:(?:open|load|launch|go\s+to|navigate\s+to)\s+"
    r"(?:up\s+)?(?:the\s+)?[\w-]+(?:\s+(?:data(?:\s*set)?|dataset|table|page))?(?=\s*(?:[.,;]|and\b|$))"
    r"(?:\s*,?\s*and\b)?|(?:the\s+)?[\w-]+\s+(?:data(?:\s*set)?|dataset)\s*(?=[.,;])|"
    r"(?:pick|choose|select|filter\s+(?:to|by|on|for)|set\s+the\s+(?:year|period|date|band|filter)\s+to|"
    r"ask\s+for|request|type|enter|click(?:\s+on)?|switch\s+to)\b)",
    _I,
)
_STEP_MARK = re.compile(r"(?:^|(?<=\s))\d+[.)]\s+")
# The expected result pointing back to the steps' values (besides story_scenes.points_back's words).
_THAT = re.compile(
    r"\b(?:(?:in|for|of|from|on)\s+)?(?:that|this|the\s+same|the\s+chosen|the\s+selected|the\s+picked)\s+"
    r"(?:band|continent|country|nation|company|companies|stocks?|tickers?|candidates?|district|species|"
    r"day|meal|period|selection|filter)\b|\bits\b(?=\s+\w)",
    _I,
)
_YEAR = re.compile(r"\b(?:[QH][1-4]\s+)?(?:1[89]|20)\d{2}\b")
_END = re.compile(r"[\s.;,]+$")


def unbug_report(text: str, model: SemanticModel) -> str:
    """`text` as its expected result's request; unchanged when it has no bug report heading."""
    headings = list(_HEADING.finditer(text))
    if not headings:
        return text
    expected: list[str] = []
    steps: list[str] = []
    for i, head in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        body = _END.sub("", text[head.end() : end]).strip()
        if head["expected"] is not None:
            expected.append(body)
        elif head["steps"] is not None:
            steps.append(body)
    if not expected:
        # "Bars of the tip by day. Actual result: a pie.": the words before the report's context ask.
        before = _END.sub("", text[: headings[0].start()]).strip()
        if before and any(_BUGGY.match(h[0]) for h in headings):
            return tidy(before + ".")
        # No chart stated: the steps' request (if any) is the chart; the context headings come off.
        asked = _steps_request(" ".join(steps))
        return tidy(asked + ".") if asked else text
    asked = _KEPT.sub("in ", _SHOULD.sub("", " ".join(expected)))
    if not asked:
        return text
    names = names_of(model)
    request = _steps_request(" ".join(steps))
    if request and not names.measures.search(asked) and names.measures.search(request):
        # "Steps: ask for the average tip by day. Expected result: a bar chart.": the steps' chart.
        return tidy(f"{request}, as {asked}.")
    pointed = _THAT.sub("", asked)
    pointed = points_back(pointed) or pointed
    if request and pointed != asked:
        said = [*values_named(request, names), *_YEAR.findall(request)]
        if said:
            # "pick the 6+ band ... in that band": the steps name what the request points to.
            return tidy(f"{_joined(said)}: {pointed}.")
    return tidy(asked + ".")


def _steps_request(steps: str) -> str:
    """The steps without their numbering, actions and the data they open."""
    read = _STEP_WORDS.sub(" ", _STEP_MARK.sub(" ", steps))
    read = re.sub(r"\s*([.;])\s*(?=\S)", ", ", read)
    return _END.sub("", re.sub(r"(?:^[\s,;.]+)|\s{2,}", " ", read)).strip(" ,")


def _joined(said: list[str]) -> str:
    """Values as one list ("Apple and Microsoft"), periods after them ("Apple and Microsoft, 2019")."""
    values = [s for s in said if not _YEAR.fullmatch(s)]
    periods = [s for s in said if _YEAR.fullmatch(s)]
    named = " and ".join(values)
    return ", ".join(x for x in [named, *periods] if x)
