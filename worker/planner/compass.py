"""Compass words spelt as the wind data names its directions: "north-westerly winds" are the NW winds,
"south-easterly" SE, "northerly" N; "north-west" and "north west" are northwest; "the N direction" (a code
before the word) is "direction N"; "due north" (exactly north) is "north". Without this a
"north-westerly" wind was read as "north" with the rest dropped: a different direction.
"""

from __future__ import annotations

import re

__all__ = ["uncompass"]

_TWO = re.compile(r"(?<!\w)(north|south)[-\s]?(east|west)(?:erly|ern|ward|wards)?(?!\w)", re.IGNORECASE)
_ONE = re.compile(r"(?<!\w)(north|south|east|west)erly(?!\w)", re.IGNORECASE)
_DUE = re.compile(r"(?<!\w)due\s+(?=(?:north|south|east|west))", re.IGNORECASE)
# "the N direction", "the “N” direction": a code in capitals (a lower-case "e" or "s" is a word) before
# "direction" is that direction, as "direction N" reads.
_CODE_FIRST = re.compile(
    r"(?<!\w)[\"\u201c\u2018']?(N|NNE|NE|ENE|E|ESE|SE|SSE|S|SSW|SW|WSW|W|WNW|NW|NNW)[\"\u201d\u2019']?\s+"
    r"(directions?)\b"
)


def uncompass(text: str) -> str:
    """`text` with "north-westerly" as "northwest" and "northerly" as "north"."""
    text = _TWO.sub(lambda m: f"{m[1]}{m[2]}".lower(), text)
    text = _CODE_FIRST.sub(lambda m: f"{m[2]} {m[1]}", _DUE.sub("", text))
    return _ONE.sub(lambda m: m[1].lower(), text)
