"""A radio DJ on air, whose patter is set aside around the listener's request. Read only in a question that
speaks it (a marker below: "You're listening to Chart FM 98.6!", "our request line", "That was Dancing Queen
by ABBA", "Coming up next: traffic and weather on the 8s", "This one goes out to Sandra in Leeds", "Top 40
countdown time", "Number 1 for six weeks", "It's 7:45 on a Tuesday morning"), so any other question reads
exactly as before:
- the hand-over ("Sandra in Leeds wants X", "a caller on the request line asks for X", "a request from Marco
  in Turin for X", "Next caller on the request line: X", "This next request goes out to Ji-woo in Seoul: X")
  gives the request X, and what the DJ said before it is patter: the caller's name and home town are no
  filter ("Toronto", "Seoul"), the song and its artist no value ("Gold", "Waterloo", "Wind of Change"), its
  year and chart place no period or limit ("number 1 in 1976"), the station's frequency no threshold
  ("98.6"), the time and day on air no party size, limit or day ("7:45 on a Tuesday"), and "Top 40
  countdown" no ranking (worker.planner.music_charts would read "countdown" and "number 1");
- any other sentence or clause of the DJ's that asks nothing comes off whole (worker.planner.voice_asides).
What the request itself asks that the data lacks (the plays of each song, Apple in 2021) is left as it is,
and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["unradio_dj"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# A dedication: "the money that goes out to the waiters" is no DJ's.
_DEDICATED = r"\b(?:one|song|tune|track|request)\s+goes\s+out\s+to"
# A sentence's or a colon's start: "7:45" and "98.6" open nothing.
_START = r"(?:^|(?<=[.!?:])\s+)"
# The voice: nothing below is read in a question without one of these. A station is "<Name> FM"; a song
# played is "That was <Title> by <Artist>", both capitalised; "Top 40" alone is the music-chart fan's.
_VOICE = re.compile(
    rf"(?i:you{_Q}re\s+listening\s+to|request\s+line|coming\s+up\s+(?:next|after)|{_DEDICATED}"
    rf"|on\s+the\s+\d+s\b|top\s+40\s+(?:countdown|is\s+coming)|home\s+of\s+the\s+top\s+40"
    rf"|number\s+(?:1|one)\s+for\s+\w+\s+weeks|all\s+the\s+hits|it{_Q}s\s+\d{{1,2}}:\d\d\s+on\s+a\s+{_DAY})"
    rf"|\b[A-Z][\w-]*\s+FM\b|\b[Tt]hat\s+was\s+[A-Z][^.!?]{{0,60}}?\s+by\s+(?:the\s+)?[A-Z]"
)
# Words of the air: a sentence or clause with one that asks nothing is the DJ's.
_ON_AIR = re.compile(
    rf"{_VOICE.pattern}|(?i:\b(?:listening|request|caller|listener|song|tune|hits?|countdown|top\s+40"
    rf"|number\s+(?:1|one)|traffic|weather|news|station|on\s+air|stay\s+tuned|it{_Q}s\s+\d{{1,2}}:\d\d)\b)"
)
# The hand-over, the earliest of: "<who> wants / asks for / called the request line for X", "<a request
# or a caller, or a dedication>: X", "a request from <name> for X". Everything the DJ said before it goes.
_WANTS = (
    r"[^.!?:]{0,120}?\b(?:wants|asks(?:\s+for)?|asked(?:\s+for)?|would\s+like|requests|requested"
    r"|called\s+(?:in\s+|the\s+request\s+line\s+)?for|is\s+after)(?:\s+to\s+(?:see|know|have))?\s*:?"
)
_NAMED = rf"[^.!?:]{{0,120}}?(?:\b(?:request|caller)\b|{_DEDICATED})[^.!?:]{{0,80}}:"
_FROM = r"\ba\s+request\s+from\s+[^.!?:]{1,60}?\s+for"
_HANDOVER = re.compile(
    rf"(?:{_START}(?:(?P<wants>{_WANTS})|{_NAMED})|(?P<from>{_FROM}))\s+"
    r"(?=(?P<question>how|which|what|who|whose|where|when|whether)\b)?",
    _I,
)


def unradio_dj(text: str, model: SemanticModel) -> str:
    """`text` with a radio DJ's patter set aside around the listener's request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    read = tidy(without_asides(_handed_over(text), _ON_AIR, names))
    return request_read(text, read, model)


def _handed_over(text: str) -> str:
    """The request after the DJ's hand-over (a verb's object read as "show ..."), or `text` without one."""
    handover = _HANDOVER.search(text)
    if handover is None:
        return text
    request = text[handover.end() :]
    verb = handover["wants"] or handover["from"]
    return f"show {request}" if verb and not handover["question"] else request
