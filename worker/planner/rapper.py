"""A rapper's lines ("Yo, check it", "Drop the beat!", "Mic drop") set aside around the one request they
carry. Read only in a question that speaks the voice (a marker below: "Yo, check it", "Check it, check it",
"Drop the beat", "Mic drop", "Word up", "Peace out", "Straight outta", "spittin'", "reppin'", "rolls deep",
"Shout-out to", "my crew", "the podium crew", "illest", "dopest", "in the '07", "gold chains", "like my
flow", "like a rhyme", "that's my heaven", "rapper"), so any other question reads exactly as before ("bars"
in an ordinary question is a bar chart, and "yo" alone is no marker):
- the calls ("Yo, check it:", "Word up -", "Drop the beat!", "Mic drop.", "Peace out.") and "yo" as an
  address ("Straight outta Montreal, yo.") come off wherever they are;
- a lead-in before the request's colon that speaks the voice and asks for nothing (no request's verb, no
  chart) comes off whole, even when it names a value or a measure: "Word up to the podium crew:" is no top
  3, "My crew of 5 reppin' every compass point:" no limit, "Spittin' bars about ...:" no bar chart, "In the
  '07 I was broke, now the bills are all I spoke:" no year and no bill, "Coderre's the dopest:" no ranking;
  when the request points back to it ("their", "his"), the values it names stay as the request's subject:
  "Spittin' bars about Google and Microsoft: their weekly share prices" is Google and Microsoft's;
- a sentence or clause of the voice that asks nothing comes off whole (worker.planner.voice_asides): "My
  crew of 5 rolls deep." sets no limit and no party size, "- that's my heaven", "- up and down like my flow";
  a simile padding the request ("rising like a rhyme") and "every time" after "one line" come off too;
- "in the '07" that the request says is '07 (2007); said in a memory ("In the '07 I was broke") it sets
  nothing.
"The illest" and "the dopest" inside the request are praise and left as they are (refused downstream when
they are all the ranking said: "The dopest country of 2007 - just the top one" names no measure). Two charts
asked in one question are refused here: chartq draws one chart per question. What the request asks that the
data lacks (a waiter, a block party's night, a choice left open) is left as it is, to be refused downstream.
Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.chart_count import refuse_second_chart
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of
from worker.planner.voice_asides import ASKS, without_asides
from worker.semantic import SemanticModel

__all__ = ["unrap"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_DASH = r"[-\u2013\u2014]+"
# "Check it" alone is a call only before a colon, a "!" or a dash: "Check it against the rest" asks.
_CALLS = (
    r"yo,?\s+check\s+it|check\s+it,?\s+check\s+it|check\s+it(?=\s*[:!]|\s[-\u2013\u2014])|drop\s+the\s+beat"
    r"|mic\s+drop|word\s+up|peace\s+out"
)
_RHYME = r"(?:rhymes?|flow|beats?|verses?|tracks?|quotes)"
_SIMILE = rf"like\s+(?:(?:a|my)\s+)?(?:[\w-]+\s+)?{_RHYME}(?:\s+(?:in|of|on)\s+(?:a|my|the)\s+{_RHYME})?\b"
_TALK = (
    rf"{_CALLS}|straight\s+outta|spittin{_Q}?|reppin{_Q}?|rolls?\s+deep|shout-?outs?\s+to|my\s+crew"
    rf"|podium\s+crew|illest|dopest|in\s+the\s+{_Q}\d\d|gold\s+chains|{_SIMILE}|that{_Q}s\s+my\s+heaven|rappers?"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_TALK})", _I)
# Words of the rapper's world: a sentence or clause with one that asks nothing is patter. The praise
# ("illest", "dopest") is left out: inside the request it is what the request says, refused downstream.
_RAPPED = re.compile(
    rf"(?:\b(?:{_TALK}|crew|homies|squad|{_RHYME}|heaven|broke|spoke|bling|chains|mic|hood|block|yo)\b)"
    r"(?<!illest)(?<!dopest)",
    _I,
)
_CALL = re.compile(rf"(?:\s{_DASH}\s*)?\b(?:{_CALLS})\b(?:\s*[!.,:;]+|\s+{_DASH})?", _I)
# "Yo," opening a sentence and ", yo" closing a clause: an address, not a word of the request.
_YO = re.compile(r"(?:^|(?<=[.!?]\s))\s*yo\s*[,!]\s*|,\s*yo\b(?=\s*[.!?,:;]|\s*$)", _I)
# A lead-in before the request's colon, within the first sentence.
_LEAD_IN = re.compile(r"^(?P<lead>[^:.!?]+):\s+(?P<rest>\S.*)$", re.S)
# "In the '07 I was broke, ...": a memory, no year.
_MEMORY = re.compile(rf"\bin\s+the\s+{_Q}\d\d\s+(?:I|we)\s+(?:was|were|had|used)\b[^,:;.!?]*[,:;.!?]?", _I)
_THE_YEAR = re.compile(rf"\bthe\s+(?={_Q}\d\d\b)", _I)
# A simile or a rhyme's tag padding the request: "..., rising like a rhyme", "one line, every time".
_PADS = re.compile(
    rf"(?:,\s*|\s{_DASH}\s*)?(?:[\w'\u2019]+\s+){{0,3}}?{_SIMILE}|(?<=\bline),\s*every\s+time\b", _I
)
# A choice left open ("whichever rhymes better") is the request's own, to be refused downstream: no clause
# of it is patter.
_CHOICE = re.compile(r"\b(?:whichever|either\s+one|you\s+pick|your\s+(?:call|choice))\b", _I)
_POINTS_BACK = re.compile(r"\b(?:their|his|her|its|them|those|both)\b", _I)
_POSSESSIVE = re.compile(rf"{_Q}s$", _I)


def unrap(text: str, model: SemanticModel) -> str:
    """`text` with a rapper's lines set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    called = tidy(_YO.sub(" ", _CALL.sub(" ", text)))
    # Refused once the calls are off, so that the first chart's example carries none of them.
    refuse_second_chart(called, model)
    # A lead-in is read before a memory in it comes off ("In the '92 I was broke, now I'm rich: ...").
    read = _MEMORY.sub(" ", _without_lead_in(called, names))
    if not _CHOICE.search(read):
        read = without_asides(_PADS.sub("", read), _RAPPED, names)
    read = tidy(_THE_YEAR.sub("", read))
    if not read.strip(" .!?:;,-"):
        return text
    return read if read != tidy(text) else text


def _without_lead_in(text: str, names: Names) -> str:
    """`text` without a lead-in of the voice that asks nothing before a colon; the values it names stay
    when the request after it points back to them."""
    m = _LEAD_IN.match(text)
    if m is None or not (_VOICE.search(m["lead"]) or _RAPPED.search(m["lead"])):
        return text
    lead, rest = m["lead"], m["rest"]
    if ASKS.search(lead) or not (ASKS.search(rest) or names.measures.search(rest)):
        return text
    if not _POINTS_BACK.search(rest):
        return rest
    named = [_POSSESSIVE.sub("", v.group(0)) for v in names.values.finditer(lead)]
    named += [g.group(0) for g in names.groups.finditer(lead)]
    return f"{' and '.join(named)}: {rest}" if named else rest
