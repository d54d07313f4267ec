"""A fan's match day (worker.planner.sports_talk's places and weather): a home ground ("Coderre's home
turf: his top 5 districts" is "Coderre's top 5 districts"; "On Joly's own patch - the districts she won -"
is "In the districts Joly won,"), a season ("the 2018 season" is 2018), the weather at the ground
("blowing straight down the pitch" adds nothing; "blowing a gale - the 6+ band -" is the user's own band;
"a gale" alone is a band only on a Beaufort scale that has one from force 8) and "by whether ... A or B"
with A and B values of one dimension ("by result"). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.versus_names import names_of
from worker.semantic import Dimension, SemanticModel

__all__ = ["unmatch_day"]

_I = re.IGNORECASE
_DASH = r"[\-\u2013\u2014]"

# A home ground: "Coderre's home turf", "Joly's own patch".
_GROUND = r"(?:own\s+)?(?:home\s+)?(?:turf|patch|ground|backyard|stronghold|heartland|fortress)"
_OWN_PATCH_WON = re.compile(
    rf"^\W*(?i:on|in|at)\s+(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:'s|\u2019s)\s+{_GROUND}\s*(?:{_DASH}|,|\()\s*"
    rf"(?:i\.?e\.?,?\s+)?the\s+(?P<noun>[a-z]+)\s+(?:she|he|they|it)\s+(?P<verb>won|took|carried|held|topped)"
    rf"\s*(?:{_DASH}|,|\))?\s*",
)
_TURF_OWN = re.compile(
    rf"(?P<who>\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?P<s>'s|\u2019s)\s+{_GROUND}\s*(?:[:;,]|\s{_DASH})\s*"
    r"(?:his|her|their|its)\s+",
)
_SEASON = re.compile(
    r"\b(?:the\s+)?(?P<year>(?:19|20)\d\d)\s+season\b|\bthe\s+season\s+(?:of\s+)?(?P<y2>(?:19|20)\d\d)\b", _I
)
_PITCH = re.compile(
    r"\s*\b(?:blowing|coming|gusting|howling)\s+(?:straight\s+|right\s+|directly\s+)?(?:down|across|along|up|over)"
    r"\s+the\s+(?:pitch|field|ground|park|course|track)\b",
    _I,
)
_GALE_BAND = re.compile(
    rf"\b(?:it\s+(?:is\s+|'s\s+)?|the\s+wind\s+(?:is\s+)?)?blowing\s+a\s+(?:full\s+)?gale\s*(?:{_DASH}|,|\()\s*"
    rf"(?:the\s+|a\s+|i\.?e\.?,?\s+)?(?:band\s+)?(?P<band>[\w.+-]*\w[+]?)(?:\s+band)?\s*(?:{_DASH}|,|\))?",
    _I,
)
_GALE = re.compile(
    r"\b(?:it\s+(?:is\s+|'s\s+)?)?blowing\s+a\s+(?:full\s+)?gale\b|\bgale[\s-]force\s+winds?\b", _I
)
_WHETHER = re.compile(
    r"\bby\s+whether\s+(?:or\s+not\s+)?(?:[\w'-]+\s+){0,6}?(?:by\s+)?(?:a\s+|an\s+|the\s+)?(?P<a>[\w-]+)\s+or\s+"
    r"(?:by\s+)?(?:a\s+|an\s+|the\s+)?(?P<b>[\w-]+)\b",
    _I,
)


def unmatch_day(text: str, model: SemanticModel) -> str:
    """`text` with a fan's home grounds, seasons and match-day weather spelt out."""
    text = _home_ground(text, model)
    text = _SEASON.sub(lambda m: m["year"] or m["y2"], text)
    text = _weather(text, model)
    return _WHETHER.sub(lambda m: _by_dimension(m, model), text)


def _home_ground(text: str, model: SemanticModel) -> str:
    """A candidate's or team's home ground: "On Joly's own patch - the districts she won -" is "In the
    districts Joly won,"; "Coderre's home turf: his top 5" is "Coderre's top 5"."""
    values = names_of(model).values

    def named(who: str) -> str | None:
        # "On Joly": the name is the longest end of the capitalised words that is a value of the data.
        words = who.split()
        return next(
            (" ".join(words[i:]) for i in range(len(words)) if values.fullmatch(" ".join(words[i:]))), None
        )

    m = _OWN_PATCH_WON.match(text)
    if m is not None and (who := named(m["who"])) is not None:
        text = f"In the {m['noun']} {who} {m['verb']}, {text[m.end() :]}"

    def own(m: re.Match[str]) -> str:
        who = named(m["who"])
        return m[0] if who is None else f"{m['who'][: len(m['who']) - len(who)]}{who}{m['s']} "

    return _TURF_OWN.sub(own, text)


def _weather(text: str, model: SemanticModel) -> str:
    """The weather at the ground: the pitch adds nothing, a gale is a band the user or the data names."""
    text = _PITCH.sub("", text)
    text = _GALE_BAND.sub(lambda m: _band(m, model), text)
    gales = _gale_bands(model)
    if len(gales) == 1:
        text = _GALE.sub(
            lambda m: f"the wind {gales[0]}" if m[0].lower().startswith("it") else f"{gales[0]} winds", text
        )
    return text


def _strengths(model: SemanticModel) -> list[Dimension]:
    return [
        d
        for ds in model.datasets
        for d in ds.dimensions
        if re.search(r"\b(?:strength|speed|force|beaufort)", " ".join((d.name, *d.synonyms)), _I)
    ]


def _band(m: re.Match[str], model: SemanticModel) -> str:
    """The user's own band for "a gale", if it is one of the data's bands."""
    for d in _strengths(model):
        if m["band"].lower() in {str(v).lower() for v in (*d.order, *d.values)}:
            lead = "the wind" if m[0].lower().startswith(("it", "the")) else "winds"
            return f"{lead} {m['band']}"
    return m[0]


def _gale_bands(model: SemanticModel) -> list[str]:
    """The data's bands that are gales: on the Beaufort scale, from force 8 up."""
    bands: list[str] = []
    for d in _strengths(model):
        if not any("beaufort" in s.lower() for s in d.synonyms):
            continue
        for v in (*d.order, *d.values):
            low = re.match(r"\s*(\d+)", str(v))
            if low is not None and int(low[1]) >= 8 and str(v) not in bands:
                bands.append(str(v))
    return bands


def _by_dimension(m: re.Match[str], model: SemanticModel) -> str:
    """ "by whether ... A or B", A and B values of one dimension: "by" that dimension."""
    a, b = m["a"].lower(), m["b"].lower()
    for ds in model.datasets:
        for d in ds.dimensions:
            own = {str(v).lower() for v in d.values} | set(d.value_synonyms)
            if a in own and b in own and a != b:
                return f"by {d.name}"
    return m[0]
