"""A genie's wishes set aside around the request they grant. Read only in a question that speaks it (a
marker below: "genie", "lamp", "your wish", "wish granted", "I grant you", "first / second ... wish",
"Wish 2", "three wishes", "ten thousand years" not followed by "ago"), so any other question reads exactly
as before:
- a hand-over ("Your wish is my command", "Rub the lamp (twice)(, and)", "Wish granted(, in a way /
  almost):", "I grant you", "(For) your (second) wish(, master):", "your wish is for") introduces the
  request: it comes off with everything said before it ("I once granted a sultan a pie chart of his gold;
  your wish is for bars: ..." is "bars: ..."), so a value or chart named only in that patter sets nothing;
- the number of a wish is a label and the number of wishes is patter, never a limit or an ordinal
  position: "For your second wish:" and "You have three wishes." come off;
- numbered wishes ("First wish: the tips data. Second wish: ... Third wish: dinner only.") that start at
  the first are ordered steps of one chart, joined into one request by steps.unstep, which also refuses
  steps no single plan holds;
- after the request, a sentence of patter (one that speaks of wishes, lamps, genies, masters, sultans or
  "ten thousand years": "Three wishes remain... or is it two?", "Ten thousand years, and still they wish
  for tables!") comes off, and so do "master" as an address and "choose wisely";
- before a request with no hand-over, a sentence of patter or a wish about the wisher ("I wish I were ...",
  "I wish I had bought Amazon in 2018!", "I wish for gold!") is a claim that sets nothing and comes off.
Wishes in the request itself ("the number of wishes granted"), a choice left to the wisher ("whichever you
wish"), the wisher's own fortune and two wishes for two charts are left as they are (and refused
downstream). An ordinary user's "I wish I could see ..." is no marker. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.chart_count import joined_steps, refuse_chart_steps
from worker.planner.steps import unstep
from worker.planner.story_scenes import tidy
from worker.semantic import SemanticModel

__all__ = ["unwish"]

_I = re.IGNORECASE
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_ORDINAL = r"(?:" + "|".join(_ORDINALS) + r"|last|final|next|one|two|three|\d{1,2}(?:st|nd|rd|th)?)"
_MANY = r"(?:three|two|one|four|five|ten|\d{1,2})"
# "I grant you": not a concession ("I grant you that Sunday is busy").
_GRANT = r"\bI\s+(?:hereby\s+)?grant\s+(?:you|thee)\b(?!\s+(?:that|this|it)\b)"
# A genie marker: nothing below is read in a question without one.
_GENIE = re.compile(
    rf"\b(?:genie|djinn|jinni?|lamp|your\s+(?:\w+\s+)?wish(?:es)?|wish\s+granted|{_ORDINAL}\s+wish|"
    rf"wish\s+(?:#|no\.?\s*|number\s+)?\d|{_MANY}\s+wishes|ten\s+thousand\s+years\b(?!\s+ago))|{_GRANT}",
    _I,
)
_MASTER = r"(?:\s*,?\s*(?:my\s+)?master\b)?"
# What introduces the request: the text after it is the request, the text before it patter.
_HANDOVER = re.compile(
    r"(?:\byour\s+wish\s+is\s+my\s+command\b" + _MASTER + r"\s*[!.:,;-]*|"
    r"\brub(?:s|bed|bing)?\s+the\s+lamp\b(?:\s+(?:once|twice|thrice|again|\w+\s+times))?(?:\s*,?\s*and\b)?\s*[!.:,;]*|"
    r"\bwish(?:es)?\s+granted\b(?:\s*,\s*(?:in\s+a\s+way|almost|sort\s+of|of\s+a\s+sort))?"
    + _MASTER
    + r"\s*[!.:,;-]+|"
    + _GRANT
    + r"(?:\s+your\s+wish\s*:)?\s*|"
    rf"\b(?:for\s+)?(?:your|thy|the)\s+(?:{_ORDINAL}\s+)?wish\b(?:\s+is\s+for\b|{_MASTER}\s*(?:[:,]|\s-+|\s[\u2013\u2014]))\s*)",
    _I,
)
# "First wish:", "Wish 2:", "your third wish:" opening a numbered wish; the number is read below.
_NUMBERED = re.compile(
    r"(?:^|(?<=[\s.!?;]))(?:(?:for\s+)?(?:your|my|the)\s+)?(?:(?P<o>" + "|".join(_ORDINALS) + r")\s+wish|"
    r"wish\s+(?:#|no\.?\s*|number\s+)?(?P<n>\d{1,2}))" + _MASTER + r"\s*[:,.)-]\s*",
    _I,
)
_COUNT_OF_WISHES = re.compile(
    rf"(?:^|(?<=[.!?]))\s*(?:you\s+have\s+|{_GRANT}\s+)?{_MANY}\s+wishes\b[^.!?:]*[.!?:]+", _I
)
# A wish that asks for a chart of its own: "a pie of ...", "a separate line of ...", "another chart".
_A_CHART = re.compile(
    r"\b(?:an?|one|another|separate|second)\s+(?:(?:separate|new|second|other)\s+)?(?:pie|line|bar|histogram|"
    r"scatter|area|donut|chart|graph|plot)s?\b",
    _I,
)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"'])")
# A sentence of patter: it speaks of the genie's world, not of the data.
_PATTER = re.compile(
    r"\b(?:wish(?:es|ed|ing)?|lamps?|genies?|djinn|jinni?|masters?|sultans?|ten\s+thousand\s+years|"
    r"poof|abracadabra)\b",
    _I,
)
# A wish about the wisher: a claim that sets nothing.
_WISHER = re.compile(r"^\W*I\s+wish\s+(?:I\s+(?:were|was|had|could\s+have)|for)\b", _I)
_ASIDES = re.compile(
    r"(?:\s*-+\s*|\s*,\s*)?\b(?:the\s+(?:last|final)\s+one\s*,\s*)?choose\s+wisely\b\s*(?:-+)?", _I
)
# "master" as an address, not as a word of the request.
_ADDRESS = re.compile(r",?\s*\b(?:my\s+)?master\b\s*(?=[,.!?:;]|$),?", _I)


def unwish(text: str, model: SemanticModel) -> str:
    """`text` with a genie's patter set aside around the request it grants; other text is unchanged."""
    if not _GENIE.search(text):
        return text
    numbered = _numbered(_COUNT_OF_WISHES.sub(" ", text).strip())
    if numbered is not None:
        refuse_chart_steps(numbered, _A_CHART, "these wishes ask for", "Ask for each wish on its own")
        joined = unstep(numbered, model)
        return joined if joined != numbered else tidy(joined_steps(numbered))
    parts = [_ADDRESS.sub("", p).strip() for p in _SENTENCE.split(text.strip())]
    parts = [p for p in parts if p.strip(" .!?:;,-")]
    parts = _after_handover(parts) or _after_claims(parts)
    if not parts:
        return text
    request, rest = parts[0], [p for p in parts[1:] if not _PATTER.search(p)]
    read = tidy(_ASIDES.sub("", " ".join([request, *rest])))
    return read if read.strip(" .!?:;,-") and read != tidy(text) else text


def _numbered(text: str) -> str | None:
    """The wishes as "Step 1: ... Step 2: ..." when two or more are numbered in order from the text's
    start ("First wish: ... Second wish: ..."); None otherwise, so a lone "second wish" is only a label."""
    marks = list(_NUMBERED.finditer(text))
    if len(marks) < 2 or text[: marks[0].start()].strip():
        return None
    for i, m in enumerate(marks):
        said = m["o"].lower() if m["o"] else m["n"]
        if said not in (_ORDINALS[i], str(i + 1)):
            return None
    out = text
    for i, m in reversed(list(enumerate(marks))):
        out = f"{out[: m.start()]}Step {i + 1}: {out[m.end() :]}"
    return out


def _after_handover(parts: list[str]) -> list[str]:
    """The sentences from the request on, where a hand-over introduces it; its patter comes off."""
    for i, part in enumerate(parts):
        ends = [m.end() for m in _HANDOVER.finditer(part)]
        # "Rub the lamp twice and I grant you ...": the last hand-over with a request after it.
        for end in reversed(ends):
            request = part[end:].strip()
            if request.strip(" .!?:;,-"):
                return [request, *parts[i + 1 :]]
        if ends and i + 1 < len(parts):
            # "Your wish is my command!" alone: the request is the next sentence.
            return _leading_patter_off(parts[i + 1 :])
        if ends and i > 0:
            # "The average tip by day. Your wish is my command!": the request came first.
            return _leading_patter_off(parts[:i])
    return []


def _after_claims(parts: list[str]) -> list[str]:
    """The sentences from the request on, where wishes about the wisher or patter lead with no hand-over
    ("Three wishes left: ...")."""
    return _leading_patter_off(parts)


def _leading_patter_off(parts: list[str]) -> list[str]:
    """The parts with leading patter ("Ten thousand years in a lamp ...", "I wish I were ...") off; a
    lead before a colon that speaks of the genie's world goes with it."""
    i = 0
    while i < len(parts) - 1 and (_PATTER.search(parts[i]) or _WISHER.match(parts[i])):
        i += 1
    first = parts[i]
    lead, colon, request = first.partition(":")
    if colon and _PATTER.search(lead) and request.strip():
        first = request.strip()
    return [first, *parts[i + 1 :]]
