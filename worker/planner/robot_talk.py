"""A robot's status lines ("BEEP BOOP. UNIT 734 REPORTING. QUERY RECEIVED: ... END OF LINE.") set aside
around the one request it carries. Read only in a question that speaks it (a marker below: beeps and boops,
"QUERY RECEIVED", "EXECUTING REQUEST", "END OF LINE", "AFFIRMATIVE", a numbered unit or directive, power or
battery "AT N PERCENT", "N OF MY M SENSORS", "PROCESSING..."), so any other question reads exactly as before:
- a stretch between marks (full stops, commas, colons, an ellipsis) that is only a status line comes off
  with its mark: beeps, "UNIT 734 REPORTING" / "HERE" / "OUT", "UNIT 2 OF 6 ONLINE", "QUERY RECEIVED",
  "PROCESSING", "EXECUTING REQUEST 2019", "DIRECTIVE 4" before its colon, "DIRECTIVE 6 OF 6", "POWER AT 87
  PERCENT", "My battery is at 3 percent", "3 OF MY 16 SENSORS ACTIVE", "ERROR 404", "AFFIRMATIVE", "END OF
  LINE", "so be quick" and "HUMAN" as an address: their numbers are no limit, year, threshold or value;
- a sentence of the machine about itself that asks nothing ("UNIT 734 IS PROGRAMMED FOR GOLD", "MY OPTICAL
  SENSORS DETECT THREE SPECIES", "My battery is low, so be quick:") comes off whole: a value, number or
  chart it names sets nothing unless the request names it again;
- "UNIT 9 REQUESTS", "UNIT 734 REQUIRES" and "I require" hand over the request, as "show".
Two numbered directives that each ask for a chart ("DIRECTIVE 3: ... DIRECTIVE 4: A SEPARATE PIE ...") are
two charts, refused here: chartq draws one chart per question. What the request itself asks that the data
cannot answer (a company or a year it lacks, a choice left open) is left as it is and refused downstream.
Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.semantic import SemanticModel

__all__ = ["unrobot"]

_I = re.IGNORECASE
_BEEP = r"(?:beep|boop|bleep|bloop|blip|bzzt|whirr+|bip|bop|ding)"
_PERCENT = r"\d{1,3}(?:\.\d+)?\s*(?:percent|per\s+cent|%)"
_UNIT = r"unit\s+(?:#|no\.?\s*)?\d+"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\b(?:(?:beep|boop|bleep|bloop|bzzt)\b(?!-)|query\s+received|executing\s+request"
    rf"|end\s+of\s+(?:line|transmission)|affirmative|{_UNIT}|directive\s+\d+"
    rf"|(?:power|battery|charge)(?:\s+level)?(?:\s+is)?\s+(?:at\s+)?{_PERCENT}"
    rf"|\d+\s+of\s+my\s+\d+\s+(?:sensors|processors|circuits|cores)|processing(?:\.{{2,}}|\u2026))",
    _I,
)
# A status line: a stretch between marks that is only this comes off with its mark.
_STATUS = re.compile(
    rf"^(?:{_BEEP}(?:[\s,-]+{_BEEP})*|query\s+received|(?:processing|computing|calculating|analy[sz]ing)"
    rf"|executing(?:\s+(?:request|query|directive|command))?(?:\s+(?:#|no\.?\s*)?\d+)?"
    rf"|end\s+of\s+(?:line|transmission|message|program)|affirmative|acknowledged|human"
    rf"|(?:this\s+is\s+)?{_UNIT}(?:\s+of\s+\d+)?(?:\s+(?:reporting(?:\s+for\s+duty)?|online|offline|here|out"
    rf"|active|activated|ready|standing\s+by|signing\s+off))?"
    rf"|directive\s+\d+(?:\s+of\s+\d+)?|error\s+\d+|(?:[a-z]+\s+){{1,2}}not\s+found"
    rf"|(?:my\s+)?(?:power|battery|charge)(?:\s+level)?(?:\s+is)?(?:\s+(?:at|now))?\s+{_PERCENT}"
    r"(?:\s+remaining)?"
    rf"|\d+\s+of\s+(?:my\s+)?\d+\s+(?:sensors|processors|circuits|cores)(?:\s+(?:active|online|operational))?"
    rf"|all\s+systems\s+(?:nominal|go|online|operational)|(?:so\s+)?(?:be\s+quick|make\s+it\s+quick|hurry))$",
    _I,
)
# The machine speaking of itself: a sentence that opens so and asks nothing is patter.
_SELF = re.compile(
    rf"^\W*(?:{_UNIT}|this\s+unit|my\s+(?:[a-z]+\s+)?(?:sensors|circuits|processors|battery|programming"
    r"|memory|databanks?|servos|cpu)|I\s+am\s+an?\s+(?:robot|android|machine)"
    r"|I\s+(?:cannot|can\s*not|can't|do\s+not|don't)\s+(?:feel|compute\s+emotions?))\b",
    _I,
)
_ASKS = re.compile(
    r"\?|\b(?:show|display|plot|chart|draw|give|list|count|scatter|compare|require[sd]?|requests?|needs?|wants?"
    r"|would\s+like|which|what|how|who)\b",
    _I,
)
# "UNIT 9 REQUESTS", "THIS UNIT REQUIRES", "I require": the request follows, as "show".
_HANDS_OVER = re.compile(
    rf"\b(?:(?:{_UNIT}|this\s+unit)\s+(?:requests|requires|needs|wants|would\s+like(?:\s+to\s+see)?)|I\s+(?:require|request))\b"
    r"(?:\s+that)?",
    _I,
)
# The marks a status line sits between: a full stop, comma, colon, ellipsis; "6+" and "14:00" are no marks.
_MARKS = re.compile(r"(\.{2,}\s*|\u2026\s*|[.,;:!?]+(?:\s+|$))")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_DIRECTIVE = re.compile(r"\bdirective\s+\d+\s*:\s*(.*?)(?=\bdirective\s+\d+\s*:|$)", _I | re.DOTALL)
_EMPTY = re.compile(r"^[\s,:;.!?\u2026'\"-]*$")


def unrobot(text: str, model: SemanticModel) -> str:
    """`text` with a robot's status lines set aside around the request it carries; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    _refuse_directives(text, model)
    sentences = _SENTENCES.split(_unstatused(text))
    kept = [_HANDS_OVER.sub("show", s) for s in sentences if not _patter(s)]
    kept = [s for s in kept if not _EMPTY.match(s)]
    if not kept:
        return text
    read = tidy(" ".join(kept))
    return read if read != tidy(text) else text


def _unstatused(text: str) -> str:
    """`text` without its status lines, each with the mark after it; a full stop they held moves back."""
    parts = _MARKS.split(text)
    kept: list[list[str]] = []
    # parts alternate stretch, mark, stretch, ...; the last stretch has no mark.
    for stretch, mark in zip(parts[::2], [*parts[1::2], ""], strict=True):
        if not _STATUS.match(stretch.strip()):
            kept.append([stretch, mark])
        elif kept and re.search(r"[.!?\u2026]", mark) and not re.search(r"[.!?\u2026]", kept[-1][1]):
            # "Show X, human." keeps its full stop after X.
            kept[-1][1] = ". "
    return "".join(s + m for s, m in kept).strip()


def _patter(sentence: str) -> bool:
    """Whether a sentence is the machine speaking of itself and asking nothing."""
    return bool(_SELF.match(sentence)) and not _ASKS.search(_HANDS_OVER.sub("show", sentence))


def _refuse_directives(text: str, model: SemanticModel) -> None:
    """Refuses two numbered directives that each name a measure (two charts), quoting the first."""
    measures = names_of(model).measures
    asked = [d.strip(" .!?;,") for d in _DIRECTIVE.findall(text) if measures.search(d)]
    if len(asked) < 2:
        return
    first = re.split(r"(?<=[.!?])\s", asked[0])[0].strip(" .!?")
    raise NotInTheData(
        f"chartq draws one chart per question, and this one gives {len(asked)} directives that each ask for "
        f"a chart. Ask for each chart in a question of its own, e.g. \u201c{first.lower()}\u201d."
    )
