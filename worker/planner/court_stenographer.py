"""A court stenographer at the record ("Reading back, page 312, line 9: Q. What did you order? A. The steak,
for two", "Court stands adjourned until 2 p.m.", "Exhibit 22 is a weather log from the harbour", "Juror
number 6 has asked for a glass of water", "Two hundred and twenty-five words a minute", "Case number
2007-0412 is called", "The record will reflect the date, November 2013", "Sidebar at the bench, off the
record"), whose patter is set aside around the one request it carries. Read only in a question that carries
one of the stenographer's markers below (a stenographer or court reporter, a read-back of a question and its
answer, reading back, the record kept, struck or gone off, an exhibit or case number, a juror, the court
adjourned, in recess or resuming, a sidebar or the bench, words a minute, the transcript), so any other
question ("a record high", "the record tip", "the bench press", "the stand of trees", "a case of wine", "in
that case", "a page of results", "line 9 of the data", "a court of tennis", "Q4 sales", "A. the tips") reads
exactly as before:
- a read-back ("Q. And you travelled from Norway? A. Yes, by way of Denmark") is the record, not the
  request: its question asks nothing, and the country, the steak for two, the shares and the dozen irises
  it names set no filter, party size or limit;
- a sentence or clause of the record that asks nothing comes off whole (worker.planner.voice_asides): page,
  line, exhibit, juror and case numbers are labels, no limit, party size or year; the court's hours ("until 2
  p.m.", "at 2:15 sharp") no hour; words a minute no threshold; the witness's smoke, country, watch and ring
  no smoker, country or medal; the wind of the night in question no direction; the date the record reflects
  no period;
- a need of the court's people ("needs an interpreter", "has asked for a glass of water") asks nothing of the
  data; a lead-in of the read-back ("Reading back, page 312, line 9:") and a hand-over after the patter
  ("Now,") are the request's start; a "that year" points back to the year the record told.
A sentence opening with a request's verb, a choice left to someone and two charts are the request's and stay.
What the request itself asks that the data lacks (trials held, an hour of the bills, a year past the data)
is left as it is and refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.voice_asides import REQUEST_VERBS, request_read_in_year, set_aside
from worker.semantic import SemanticModel

__all__ = ["unstenograph"]

_I = re.IGNORECASE
# A read-back: "Q." and its question, then "A." and its answer (capitals, so "a. the tips" is no read-back).
_READ_BACK = re.compile(r"(?:^|(?<=[\s:,]))Q[.:]\s+[^.?!]*[.?!]\s+A[.:]\s+[^.?!]*(?:[.?!]+|$)\s*")
_CHART = r"(?:chart|graph|plot|pie|bar|line|histogram|scatter)s?"
# Marks the stenographer alone makes. Not "record", "case", "page", "line", "stand", "bench", "court" or
# "witness" alone ("a record high", "in that case", "line 9", "the stand of trees", "a tennis court").
_MARKS = (
    r"stenograph\w*|court\s+reporters?|transcripts?|verbatim|read(?:ing)?\s+back|sidebar"
    r"|(?:for|off|on|from|strike\s+\w+(?:\s+\w+)?\s+from)\s+the\s+record"
    r"|the\s+record\s+(?:will\s+|shall\s+|should\s+)?(?:show|reflect|note)s?"
    r"|strike\s+that|exhibits?\s+(?:\d+|[A-Z])|(?:two|three|four|five|\d+)\s+exhibits|marked\s+for\s+identification"
    r"|jurors?(?:\s+(?:number|no\.)\s*\d+)?|the\s+jury|case\s+(?:number|no\.)\s*[\d-]+"
    r"|the\s+case\s+(?:was|is)\s+(?:filed|called|heard|adjourned)|is\s+called"
    r"|court\s+(?:stands\s+|is\s+)?(?:adjourned|resumes|reconvenes|in\s+recess)|adjourned|recess"
    r"|at\s+the\s+bench|on\s+the\s+stand|the\s+witness|the\s+clerk|counsel|your\s+hono(?:u)?r"
    r"|objection|overruled|sustained|words\s+a\s+minute|the\s+next\s+matter|pages\s+of\s+(?:evidence|testimony)"
)
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the record: a sentence or clause with one that asks nothing is the stenographer's. One that opens
# with a request's verb, leaves a choice to someone or asks a chart per something is the request's.
_RECORD = re.compile(
    rf"^(?!.*\b(?:whichever|discretion|leave\s+it\s+to)\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|record|witness|court|exhibit|juror|case|trial|testimony|evidence|clerk|judge"
    r"|defendant|interpreter|bench|stand|page|sworn|oath|hearing|matter|dispute)\b",
    _I | re.DOTALL,
)
# What the record tells that would read as asking: a need of the court's people ("needs an interpreter") and
# the date the record reflects.
_TOLD = re.compile(
    rf"\b(?:(?:needs|wants|(?:has\s+)?asked\s+for)\s+(?:an?|some|the)\s+(?!{_CHART}\b)\w+"
    r"|the\s+record\s+(?:will\s+|shall\s+)?(?:show|reflect|note)s?\s+the\s+date)\b",
    _I,
)
# A lead-in of the read-back: "Reading back, page 312, line 9:".
_LEAD_IN = re.compile(
    r"(?:^|(?<=[.!?:])\s+)read(?:ing)?\s+back(?:\s*,?\s*(?:page|line)\s+\d+)*\s*[,:]\s*",
    _I,
)


def unstenograph(text: str, model: SemanticModel) -> str:
    """`text` with a court stenographer's patter set aside around the request it carries; other text
    unchanged."""
    if not _VOICE.search(text) and not _READ_BACK.search(text):
        return text
    plain = _READ_BACK.sub(" ", text).strip()
    read = set_aside(plain, model, _VOICE, _TOLD, _LEAD_IN, _RECORD)
    if plain == text or read != plain:
        return read
    return request_read_in_year(text, tidy(plain), tidy(text), model)
