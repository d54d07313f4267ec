"""Compass words spelt as the wind data names its directions: "north-westerly winds" are the NW winds,
"south-easterly" SE, "northerly" N; "north-west" and "north west" are northwest. Without this a
"north-westerly" wind was read as "north" with the rest dropped: a different direction.
"""

from __future__ import annotations

import re

__all__ = ["uncompass"]

_TWO = re.compile(r"(?<!\w)(north|south)[-\s]?(east|west)(?:erly|ern|ward|wards)?(?!\w)", re.IGNORECASE)
_ONE = re.compile(r"(?<!\w)(north|south|east|west)erly(?!\w)", re.IGNORECASE)


def uncompass(text: str) -> str:
    """`text` with "north-westerly" as "northwest" and "northerly" as "north"."""
    text = _TWO.sub(lambda m: f"{m[1]}{m[2]}".lower(), text)
    return _ONE.sub(lambda m: m[1].lower(), text)
