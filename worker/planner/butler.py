"""A butler in a great house, whose service is set aside around the one request he carries. Read only in a
question that speaks it (a marker below: "Very good, sir", "madam", "his lordship", "her ladyship", "the
Earl", "the Dowager", "If I may be so bold", "I have taken the liberty", "X's compliments", "Will that be
all?", "Dinner is served", "Shall I fetch ..."), so any other question reads exactly as before:
- the service ("Very good, sir.", "Very well.", "Will that be all, madam?", "Shall I fetch the decanter?",
  "If I may be so bold:", "Lady Mary's compliments:") and the addresses ("sir", "madam") say nothing;
- "his lordship wishes to see X", "Her ladyship asks for X", "He asks how X", "she would like X" hand over
  the request X: the titles (the Earl, the Dowager, Lady Mary) are people of the house, never values;
- a sentence or clause of the household that asks nothing comes off whole (worker.planner.voice_asides):
  "Dinner is served at eight" sets no meal and no limit, "the guests number fourteen" and "the table for
  six" no party size, "the Earl has returned from India" no country unless the request names it again.
A year in the household that the request points back to ("abroad since 1947 ... in that year") is the
request's year. Two charts are refused here (chartq draws one chart per question). What the request itself
asks that the data lacks (wine drunk, Tesla's price, the hour of tea) is left as it is, and refused
downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from worker.planner.chart_count import refuse_second_chart
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unbutler"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_START = r"(?:^|(?<=[.!?:;]\s))\s*"
_ADDRESS = rf"(?:sir|madam|m{_Q}lady|my\s+lord|your\s+(?:lordship|ladyship|grace))"
# Whoever of the house asks: the master, the mistress, their titles, or "he" / "she" after them.
_WHO = (
    r"(?:his\s+lordship|her\s+ladyship|his\s+grace|her\s+grace|the\s+(?:earl|dowager|countess|duke|duchess"
    r"|marquess|baron(?:ess)?|master|mistress|family|household)|(?:lady|lord)\s+[A-Z]\w+|he|she|they)"
)
_SERVICE = (
    rf"very\s+good,\s+{_ADDRESS}|will\s+that\s+be\s+all|if\s+I\s+may\s+be\s+so\s+bold"
    rf"|taken\s+the\s+liberty|{_Q}s\s+compliments|dinner\s+is\s+served|shall\s+I\s+(?:fetch|bring|pour)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"(?:{_SERVICE})|\b(?:madam|his\s+lordship|her\s+ladyship|the\s+(?:earl|dowager)|m{_Q}lady)\b", _I
)
# Words of the house: a sentence or clause with one that asks nothing is the butler's. A meal is the
# house's only as its hour ("Lunch is at one"): "Dinner only." after the request is the request's filter.
_HOUSE = re.compile(
    rf"(?:{_SERVICE})|\b(?:very\s+well|{_ADDRESS}|{_WHO}|earl|dowager|lordship|ladyship|tea|guests?"
    r"|courses|table\s+for|laid|decanter|silver|polished|terrace|room|garden(?:er)?|broker|telephoned"
    r"|(?:dinner|lunch|luncheon|breakfast)\s+(?:is|will\s+be)|returned|abroad|mayor|expected|tonight"
    r"|liberty|butler|footman|valet|cook|house)\b",
    _I,
)
# Each hand-over, its speaker and verb; a question word after it ("He asks how many") is the request's.
_HANDOVER = re.compile(
    rf"{_START}(?:(?:in\s+the\s+meantime|meanwhile|then|now)\s*,\s*)?{_WHO}\b[^.!?:;]{{0,80}}?"
    r"\b(?:wishes|would\s+like|asks|requests|desires|wants)(?:\s+(?:for|to\s+(?:see|know|have)))?\s+"
    r"(?=(?P<question>how|which|what|who|whose|where|when|whether)\b)?",
    _I,
)
# The service, wherever it stands: it may carry an address, and ends at its stop. "Shall I fetch ...?" is
# a question, but the butler's: without_asides would keep it as one that asks.
_SAYS_NOTHING = re.compile(
    rf"{_START}(?:very\s+good|very\s+well|will\s+that\s+be\s+all|if\s+I\s+may\s+be\s+so\s+bold"
    rf"|shall\s+I\s+[^.!?]*|[\w\s]{{0,40}}{_Q}s\s+compliments(?:\s*,\s*and)?)"
    rf"(?:\s*,\s*{_ADDRESS})?\s*[.!?:,]*\s*"
    r"|,?\s*\bas\s+(?:his|her|their)\s+(?:lordship|ladyship|grace)\s+(?:requested|wished|asked)\b",
    _I,
)
# What opens the request once the service before it is gone: the butler's courtesy, not the request's.
_LEAD = re.compile(
    r"^\W*(?:then\s*,\s*)?(?:if\s+you\s+please|while\s+I\s+do|in\s+the\s+meantime)\s*[,:]\s*", _I
)
# "sir" and "madam" as an address: closing a clause, or opening one before its comma or colon.
_ADDRESSED = re.compile(rf",\s*{_ADDRESS}\b(?=\s*[,.!?:;]|$)|{_START}{_ADDRESS}\s*[,:]\s*", _I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_THAT_YEAR = re.compile(r"\b(?:in\s+)?(?:that|the\s+same)\s+year\b", _I)
_NOTHING = re.compile(r"(?!)")


def unbutler(text: str, model: SemanticModel) -> str:
    """`text` with a butler's service set aside around the request he carries; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    handed = _HANDOVER.sub(lambda m: "" if m["question"] else "show ", text)
    handed = tidy(_SAYS_NOTHING.sub(" ", handed))
    # A group's plural in the house ("six courses", "the guests") asks for no grouping: only a measure or a
    # request's verb keeps a sentence of the household.
    read = without_asides(handed, _HOUSE, replace(names_of(model), groups=_NOTHING))
    read = tidy(_LEAD.sub("", _ADDRESSED.sub(" ", read)))
    if not read.strip():
        return text
    read = _pointed_back(read, text)
    refuse_second_chart(read, model)
    return read if read != tidy(text) else text


def _pointed_back(read: str, text: str) -> str:
    """The request's "that year" as the household's year it points back to, once the household is gone."""
    years = [y for y in _YEAR.findall(text) if y not in read]
    if not years or not _THAT_YEAR.search(read):
        return read
    return _THAT_YEAR.sub(f"in {years[-1]}", read)
