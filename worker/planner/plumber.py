"""A plumber on a job ("The U-bend under the sink at number 42 was clogged again", "Call-out fee is 80
dollars, then 45 an hour", "15 mm copper pipe, two elbows and a compression fitting", "The boiler lost
pressure overnight, down to 0.5 bar", "Turn the stopcock a quarter to the left", "A combi boiler from
Germany, fitted back in 1998", "I've been on the tools since 1998", "The hot tap on the north wall keeps
dripping", "Three jobs in Mile-End, all leaking radiators", "The price of copper pipe has doubled"), whose
patter is set aside around the one request it carries. Read only in a question that carries one of the
plumber's markers below (plumbing, a U-bend, a stopcock, a boiler or radiator, a cistern, a call-out's fee,
copper or burst or leaking pipe, elbows and fittings, a tap that is hot, cold or dripping, a blocked sink or
drain, lost pressure, "on the tools", a van full of tools, three jobs before lunch), so any other question
("pipe-delimited", "cut the population", "colour it by year", "the oil price", "the engine of growth",
"Ford", "lunch only", "tips by day", "a leak in the numbers") reads exactly as before:
- a sentence or clause of the job that asks nothing comes off whole (worker.planner.voice_asides): pipe
  sizes, a boiler's bar, the lengths cut, the elbows, the jobs done and a house's number are no limit,
  threshold or party size; the call-out fee and the hourly rate no threshold, unit or period; the lunch
  missed and the burst pipe at dinner time no meal; the day the tap started dripping no day; a boiler's or
  the plumber's years no period; a boiler from Germany or a tap from Italy no country; gold taps and a
  silver van no medal; the north wall and a quarter turn to the left no direction and no quarter; the
  price of copper no share price; a job in Mile-End no district;
- a lead-in while the work goes on ("While the solder sets,", "Between jobs:") and a hand-over after the
  patter ("Meanwhile:", "Anyway -") are the request's start.
A choice left to someone ("whichever my apprentice prefers") is the request's and stays. What the request
itself asks that the data lacks (the call-outs of the week, the best continent to be a plumber, an hour of
the tips, a wind speed) is left as it is and refused downstream, as are two charts. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import HANDOVER, REQUEST_VERBS, request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["unplumb"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_PIPE = r"pip(?:e|es|ing|ework)"
_FIXTURE = r"(?:taps?|pipes?|radiators?|boilers?|valves?|toilets?|cisterns?|sinks?|drains?|showers?)"
# Marks the plumber alone makes. Not "pipe" alone ("pipe-delimited"), "tap", "sink", "leak", "bar" or
# "pressure" alone (a data leak, a bar chart), nor a chart's "callout at 2008": they are the plumber's beside
# the job's other words.
_MARKS = (
    rf"plumb(?:er|ers|ing)|u-bends?|stopcocks?|(?:combi\s+)?boilers?|radiators?|cisterns?|ballcocks?"
    rf"|call-out\s+(?:fee|charge|rate|at\s+\d\d?\s+(?:this|last|in\s+the|a\.?m|p\.?m|o{_Q}clock))"
    rf"|(?:\d+\s*mm|\w+[\s-]millimetre|copper|burst|leaking|lead)\s+{_PIPE}|(?:two|three|four|\d+)\s+elbows"
    rf"|(?:compression|push-fit|solder|copper|brass)\s+fittings?"
    rf"|(?:hot|cold|mixer|gold|brass|chrome|kitchen|bath|outside|dripping|leaky|leaking)\s+taps?"
    rf"|(?:under|unblock\w*|blocked|clogged)\s+(?:the\s+)?{_FIXTURE}|{_FIXTURE}\s+(?:was|is|were|are)"
    rf"\s+(?:\w+\s+)?(?:clogged|blocked|leaking|dripping)|(?:been|keeps|kept|still)\s+dripping"
    rf"|lost\s+pressure|on\s+the\s+tools|(?:bled|bleed|bleeding)\s+the\s+radiators|immersion\s+heater"
    r"|van\s+full\s+of\s+tools|(?:two|three|four|five|\d+)\s+jobs\s+(?:before|by|after)\s+(?:lunch|noon)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the job: a sentence or clause with one that asks nothing is the plumber's. A choice left to
# someone ("whichever my apprentice Jo prefers") is the request's, and stays refused, as is a clause that
# opens with a request's verb whatever it names ("Chart the call-outs I did").
_JOB = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    rf".*?\b(?:{_MARKS}|{_PIPE}|copper|elbows?|tee|fittings?|{_FIXTURE}|u-bend\w*"
    r"|leak\w*|dripp\w*|burst|clogged|budge|jobs?|call-?outs?|fee|apprentice|tools|van|wall|pressure|bar"
    r"|lengths|solder\w*|washers?|spanner|wrench|plunger|water|fitted|fixed|sorted|clear|cash|customer)\b",
    _I | re.DOTALL,
)
# The price of the trade's stuff, a sentence of its own: "price" is the stocks data's measure, but copper's
# asks nothing of it.
_PRICED = re.compile(
    rf"(?:^|(?<=[.!?])\s+)[^.!?]{{0,40}}\b(?:price|cost)s?\s+of\s+(?:\w+\s+){{0,2}}(?:copper|{_PIPE}"
    rf"|{_FIXTURE}|fittings|parts|brass|solder)\b(?![^.!?]*\b(?:chart|whichever|how|what|which|show)\b)"
    r"[^.!?]*[.!]+",
    _I,
)
# An idiom of the telling ("on a Friday of all days"): no group of days.
_OF_ALL = re.compile(r"(?<=day)\s+of\s+all\s+days\b", _I)
_WORK = rf"(?:{_PIPE}|jobs?|taps?|boilers?|radiators?|solder|water|stopcock|van|tools|leak|drains?|sinks?)"
# A lead-in at the request's start: the job going on meanwhile, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|the)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,20}}|between\s+{_WORK})\s*[,:]\s*",
    _I,
)


def unplumb(text: str, model: SemanticModel) -> str:
    """`text` with a plumber's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = _LEAD_IN.sub(" ", _PRICED.sub(" ", tidy(text))).strip()
    read = without_asides(_OF_ALL.sub("", read), _JOB, names_of(model))
    return request_read(text, tidy(HANDOVER.sub("", read)), model)
