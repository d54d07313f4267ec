"""A starship captain's log set aside around the one request it carries. Read only in a question that speaks
it (a marker below: "Captain's log", "stardate", "Number One," / "Number One:" as an address, "the main
viewer", "On screen:", "Warp factor 6", "Engage!", "Make it so", "Red alert!", "Hailing frequencies open",
"Klingons", "the Gamma Quadrant", "Starfleet", "the away team", "science officer"), so any other question
reads exactly as before ("number one" in an ordinary question may be a ranking, and stays one):
- the log's heading ("Captain's log, stardate 2007.3.", "Captain's log, supplemental.") and the captain's
  calls ("Engage!", "Make it so.", "Red alert!", "Hailing frequencies open to Montreal.") come off: a stardate
  in the heading is no year, and Montreal no value;
- "Number One" as an address, "On screen:", "put X on the main viewer", "Our science officer requests X" and
  "Starfleet Command asks for X" hand over X: the address is no ranking and no top 1;
- a sentence or clause of the ship's world that asks nothing comes off whole (worker.planner.voice_asides):
  "The crew has been dining on Deck 10 all week" sets no filter, "Warp factor 6 has us ahead of schedule"
  no limit, "the away team of 4 has returned" no count, "The Klingons are hailing us; ignore them" nothing;
- a scene that names values the request points back to ("Number One, the away team has been buying shares
  of Apple and Microsoft. Their weekly share prices ...") keeps those values ("Apple and Microsoft:").
Two screens ("and X on a separate screen") are refused here: chartq draws one chart per question. What the
request itself asks of the ship's world (the Klingon Empire's population, a stardate or a warp factor as a
measure, a choice left open) is left as it is, and refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from worker.planner.chart_count import refuse_second_chart
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, listed, names_of
from worker.planner.voice_asides import ASKS, without_asides
from worker.semantic import SemanticModel

__all__ = ["unlog"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_START = r"(?:^|(?<=[.!?:]\s))\s*"
# "Number One" as an address: opening the request before a comma or colon, or closing a clause. "Number one
# at the top" or "the number one country" is a ranking and no address.
_ADDRESS = rf"{_START}number\s+one\s*[,:]\s*|,\s*number\s+one\b(?=\s*[.!?:])"
_SHIP = (
    rf"captain{_Q}s\s+log|stardates?|main\s+viewer|on\s+screen|warp\s+factors?|engage!|make\s+it\s+so"
    r"|red\s+alert|hailing\s+frequencies|klingons?|romulans?|vulcans?|(?:alpha|beta|gamma|delta)\s+quadrant"
    r"|starfleet|away\s+team|science\s+officer|first\s+officer|shields\s+at|beam\s+(?:me|us)\s+up"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_SHIP})|{_ADDRESS}", _I)
# Words of the ship's world: a sentence or clause with one that asks nothing is the log's narration.
_WORLD = re.compile(
    rf"\b(?:{_SHIP}|captain|crew|deck|ship|starship|bridge|helm|warp|quadrant|klingon\s+\w+|federation"
    r"|surface|shields?|hailing|schedule|planet|orbit|sensors|transporter|phasers?|torpedo(?:es)?|ensign"
    r"|officer|botanist|command|galaxy|nebula|enterprise|census)\b",
    _I,
)
# The log's heading and the captain's calls: they carry nothing of the request wherever they stand. A
# hand-over ("Make it so:") keeps its colon's request.
_CALLS = re.compile(
    rf"{_START}(?:captain{_Q}s\s+log(?:\s*,\s*(?:stardate\s+[\d.]*\d|supplemental))*|engage|red\s+alert"
    r"|make\s+it\s+so(?:\s*,\s*number\s+one)?|hailing\s+frequencies\s+open(?:\s+to\s+[^.!?:]+)?"
    r"|on\s+screen)\s*(?:[.!:]+\s*|$)",
    _I,
)
_ADDRESSED = re.compile(_ADDRESS, _I)
# "put X on the main viewer" / "X, on screen": the viewer is where it is shown, and says nothing of X.
_VIEWER = re.compile(r"\bput\s+(?P<x>.+?)\s+on\s+(?:the\s+)?(?:main\s+)?(?:viewer|screen)\b", _I)
_ON_SCREEN = re.compile(r",?\s*\bon\s+(?:the\s+main\s+viewer|screen)\b(?=\s*[.!?]|\s*$)", _I)
# "... and X on a separate screen": a second chart, as worker.planner.chart_count reads it.
_SECOND = re.compile(r"\bon\s+(?:a\s+separate|a\s+second|another)\s+(?:screen|viewer)\b", _I)
# "; ignore them" after the Klingons' hail: part of the aside, not a request to leave anything out.
_IGNORED = re.compile(r"\s*[;,]\s*(?:ignore|never\s+mind)\s+(?:them|it|that)\b", _I)
# "Our science officer requests X", "Starfleet Command asks for X": whoever asks on board hands over X.
_REQUESTER = re.compile(
    rf"{_START}(?P<who>(?:our|the|my)\s[^.!?:,]{{0,60}}?|starfleet\s+command)\s+"
    r"(?:requests|asks\s+for|would\s+like(?:\s+to\s+see)?|needs|wants\s+to\s+(?:see|know))\s+",
    _I,
)
_NOTHING = re.compile(r"(?!)")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_POINTS_BACK = re.compile(r"\b(?:their|its|them|those|these|both)\b", _I)


def unlog(text: str, model: SemanticModel) -> str:
    """`text` with a captain's log set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    read = _SECOND.sub("as a separate chart", _handed_over(text, names))
    # A group's plural in the log's narration ("restless for days", "two days early") asks for no grouping:
    # only a measure or a request's verb keeps a sentence of the ship.
    read = without_asides(_named_back(read, names), _WORLD, replace(names, groups=_NOTHING))
    # Refused once the log is gone, so the first chart is named without the narration around it.
    refuse_second_chart(read, model)
    return tidy(read) if read.strip() else text


def _handed_over(text: str, names: Names) -> str:
    """`text` without the log's heading, the captain's calls and hand-overs, keeping what they hand over."""
    read = _IGNORED.sub("", _CALLS.sub(" ", text))
    read = _ADDRESSED.sub(" ", read)
    # The one who asks names no data ("the botanist on the away team"), else it is the request itself.
    read = _REQUESTER.sub(lambda m: m[0] if _names_data(m["who"], names) else " ", read)
    return _ON_SCREEN.sub("", _VIEWER.sub(r"show \g<x>", read)).strip()


def _named_back(text: str, names: Names) -> str:
    """A scene of the ship that asks nothing as the values it names, when a later sentence points back to
    them ("... buying shares of Apple and Microsoft. Their weekly share prices" is Apple and Microsoft's)."""
    sentences = _SENTENCES.split(text)
    for i, sentence in enumerate(sentences):
        later = " ".join(sentences[i + 1 :])
        if _WORLD.search(sentence) and not ASKS.search(sentence) and _POINTS_BACK.search(later):
            values = [m[0] for m in names.values.finditer(sentence)]
            if values:
                sentences[i] = f"{listed(values)}:"
    return " ".join(sentences)


def _names_data(text: str, names: Names) -> bool:
    """Whether `text` names a measure, a group or a value of the data."""
    return bool(names.measures.search(text) or names.groups.search(text) or names.values.search(text))
