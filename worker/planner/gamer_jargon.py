"""A gamer's words, spelt as the plain request they stand for. Read only in a question that speaks them
(a word below), so any other question reads exactly as before:
- a leading framing that names the game, not the data: "Character select:", "Party-size meta:", "Patch
  notes for Q1 2018:" (its period kept: "For Q1 2018:"), "Loot table for dinner:" ("For dinner:"),
  "High-score table for the six tech stocks:" and "Leaderboard:" (a ranking: "Ranking for ...:");
  "Bottom-tier economies: the 5 poorest ..." drops its tier lead-in when the request states its count;
- rankings: "ranked ladder of", "high-score table of" are "ranking of"; "the top-tier 5" is "the top 5";
- the single top value, only where the question names a measure: "the MVP day for tips", "just the MVP",
  "is OP on average petal length", "the one that's most OP" are "the top day", "just the top one", "is
  highest on", "the top one" ("who is OP" with no measure is left, and refused as an unknown word);
- claims: "got nerfed" / "got buffed (patch after patch)" are "fell" / "rose", set aside as context by
  the yes/no and claim readers; the request's "its" / "their" then names the one value the claim names
  ("Did Facebook get nerfed ...? Just show me its weekly price line" is Facebook's line);
- loot: "medal loot" is the medals, "South Korea's loot" its haul; "by rarity" is by the grouping whose
  values are gold, silver and bronze, and a list of all its values "in that order" is just "in order";
- "spawn from" is "blow from" (the wind's direction); a count's "showed up" adds nothing, and "Keep the
  sizes in order" is "The sizes in order";
- a gloss after a dash: "- his best maps, basically" adds nothing to the ranking before it.
A tier list, a win rate, a percentage "nerf", a respawn timer, loot-box odds and a forecast of the meta are
left as they are (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.model_cache import per_model
from worker.planner.versus_names import names_of, values_named
from worker.semantic import Dimension, SemanticModel

__all__ = ["ungamer"]

_I = re.IGNORECASE
_DASH = r"[\-\u2013\u2014]"
# A gamer's word: nothing below is read in a question without one ("meta" alone is Facebook's company).
_GAMER = re.compile(
    r"\b(?:nerf(?:s|ed|ing)?|buff(?:ed|ing)?|loot|rarity|spawn(?:s|ed|ing)?|patch\s+notes|patch\s+after\s+"
    r"patch|leaderboards?|ladder|high[\s-]?score\s+table|(?:top|bottom)[\s-]tier|character\s+select|"
    r"noob|speedrun|(?:best|top|fave|favou?rite)\s+maps)\b|[\w-]+\s+meta(?=\s*:)",
    _I,
)
_GAMER_CAPS = re.compile(r"\b(?:MVP|OP|GG)\b")
# A leading framing: a game noun, then maybe "for <what it is for>", then a colon.
_FRAME_NOUN = (
    r"(?:character\s+select|[\w-]+\s+meta|patch\s+notes|loot\s+table|high[\s-]?score\s+table|"
    r"(?:the\s+)?leaderboard|ranked\s+ladder|ladder|speedrun\s+request|(?:top|bottom)[\s-]tier\s+[\w-]+)"
)
_FRAME = re.compile(
    rf"^\W*(?P<noun>{_FRAME_NOUN})(?:\s+(?P<tail>(?:for|in|of)\s+[^:;.?!]{{1,40}}?))?\s*:\s+(?P<rest>\S.*)$",
    _I | re.DOTALL,
)
_RANK_FRAME = re.compile(r"high[\s-]?score|leaderboard|ladder", _I)
_TIER_FRAME = re.compile(r"tier", _I)
_COUNT = re.compile(r"\b(?:top|bottom|best|worst|\d+)\b", _I)
_LADDER = re.compile(
    r"\b(?:(?:a|the)\s+)?(?:ranked\s+ladder|ladder|high[\s-]?score\s+table|leaderboard)\s+(?=of\b)", _I
)
_TIER_N = re.compile(r"\b(?P<end>top|bottom)[\s-]tier\s+(?=\d+\b)", _I)
# The single top value.
_JUST_MVP = re.compile(r"\b(?P<just>(?i:just|only))\s+(?i:the)\s+(?:MVP|most\s+OP|OP\s+one)\b(?!\s+\w)")
_ONE_MOST_OP = re.compile(r"\bthe\s+one\s+(?:that's|that\s+is|which\s+is)\s+(?:the\s+)?most\s+OP\b")
_IS_OP = re.compile(r"\b(?:the\s+)?(?:most\s+)?(?:OP|MVP)\b(?=\s+(?:on|in|at|for|by)\b)")
_MVP = re.compile(r"\bMVP\b")
# Claims that a value fell or rose.
_NERF = re.compile(
    r"\b(?P<verb>get|gets|got|getting|been|was|were|is|are)?\s*(?:(?:hard|badly|massively|heavily)\s+)?"
    r"(?P<word>nerfed|buffed)\b(?:\s+(?:hard|badly|heavily|massively))?(?:\s+patch\s+after\s+patch)?",
    _I,
)
# Said as the planner reads a claim's course ("did X go down", "X went up"): "fell" it does not know.
_PRESENT = {"get", "gets", "getting", "is", "are"}
_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=\S)")
_ITS = re.compile(r"\b(?:its|their)\b(?=\s+\w)", _I)
# Loot and rarity.
_MEDAL_LOOT = re.compile(r"\bmedal\s+(?:loot|haul)\b", _I)
_OWN_LOOT = re.compile(r"(?P<own>'s|\u2019s|s')\s+loot\b(?![\s-]box)", _I)
_RARITY = re.compile(r"\brarity\b", _I)
_SPAWN = re.compile(r"\bspawn(?:s|ed|ing)?\s+(?=from\b)", _I)
# A count's "showed up", an order kept, and a gloss after a dash.
_SHOWED_UP = re.compile(r"\s+(?:showed|turned|came)\s+up\b", _I)
_KEEP_ORDER = re.compile(r"\bkeep\s+(?=the\s+[\w-]+\s+in\s+order\b)", _I)
_GLOSS = re.compile(
    rf"\s*(?:{_DASH}|,)\s*(?:his|her|their|its|my|our)\s+(?:best|top|fave|favou?rite)\s+"
    rf"(?:maps|levels|stages|arenas|servers)(?:\s*,?\s*basically)?(?=\s*(?:[.!?]|$))",
    _I,
)


def ungamer(text: str, model: SemanticModel) -> str:
    """`text` with a gamer's words spelt out as the plain request; other text is unchanged."""
    if not (_GAMER.search(text) or _GAMER_CAPS.search(text)):
        return text
    read = _unframe(text)
    read = _TIER_N.sub(lambda m: f"{m['end']} ", _LADDER.sub("ranking ", read))
    if names_of(model).measures.search(read) and _GAMER_CAPS.search(read):
        read = _top_value(read)
    read = _unclaim(read, model)
    read = _OWN_LOOT.sub(lambda m: f"{m['own']} haul", _MEDAL_LOOT.sub("medals", read))
    read = _unrarity(read, model)
    read = _SPAWN.sub("blow ", read)
    read = _KEEP_ORDER.sub("", _SHOWED_UP.sub("", read))
    return _GLOSS.sub("", read)


def _unframe(text: str) -> str:
    """Without a leading game framing: its "for ..." kept, a ranking's said, a tier's dropped for a count."""
    frame = _FRAME.match(text)
    if frame is None:
        return text
    rest, tail = frame["rest"], frame["tail"]
    if _TIER_FRAME.search(frame["noun"]):
        return _capital(rest) if _COUNT.search(rest) else text
    if _RANK_FRAME.search(frame["noun"]):
        return f"Ranking {tail}: {rest}" if tail else f"Ranking: {rest}"
    return f"{_capital(tail)}: {rest}" if tail else _capital(rest)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _top_value(text: str) -> str:
    """ "MVP" and "OP" as the single top value (the question names its measure)."""
    read = _JUST_MVP.sub(lambda m: f"{m['just']} the top one", text)
    read = _ONE_MOST_OP.sub("the top one", read)
    read = _IS_OP.sub("highest", read)
    return _MVP.sub("top", read)


def _unclaim(text: str, model: SemanticModel) -> str:
    """A nerf or buff as a fall or rise; the request's "its" then names the value the claim names, and the
    claim the measure the request charts ("Did Facebook's price fall"), so the two read as one question."""
    if not _NERF.search(text):
        return text
    read = _NERF.sub(_plain_claim, text)
    claim, *rest = _SENTENCE.split(read, maxsplit=1)
    names = names_of(model)
    named = values_named(claim, names)
    if len(named) != 1 or not rest or values_named(rest[0], names):
        return read
    its = named[0] + "'s"
    measure = names.measures.search(rest[0])
    if measure is not None and not names.measures.search(claim):
        claim = re.sub(rf"{re.escape(named[0])}(?!['\u2019])", f"{its} {measure[0]}", claim, count=1)
    return f"{claim} {_ITS.sub(its, rest[0])}"


def _plain_claim(claim: re.Match[str]) -> str:
    way = "down" if claim["word"].lower() == "nerfed" else "up"
    return f"go {way}" if (claim["verb"] or "").lower() in _PRESENT else f"went {way}"


@per_model
def _medal_grouping(model: SemanticModel) -> Dimension | None:
    """The grouping whose values are the medal colours, which a gamer calls rarity."""
    for ds in model.datasets:
        for dim in ds.dimensions:
            if {"gold", "silver", "bronze"} <= {str(v).lower() for v in dim.values}:
                return dim
    return None


def _unrarity(text: str, model: SemanticModel) -> str:
    """ "By rarity" by the medal colour; a list of every colour "in that order" is only an order."""
    dim = _medal_grouping(model)
    if dim is None or not _RARITY.search(text):
        return text
    word = (dim.synonyms or [dim.label])[0]
    read = _RARITY.sub(word, text)
    values = "|".join(re.escape(str(v)) for v in dim.values)
    listed = re.compile(
        rf"(?P<by>\b{re.escape(word)})\s*(?:{_DASH}|,|\()\s*(?P<list>(?:(?:{values})\s*(?:,|and|\s)\s*)+)"
        rf"(?:in\s+that\s+order|in\s+order)\)?",
        _I,
    )
    found = listed.search(read)
    if found is None:
        return read
    said = {v.lower() for v in re.findall(values, found["list"], _I)}
    if said != {str(v).lower() for v in dim.values}:
        return read
    return f"{read[: found.start()]}{found['by']}, in order{read[found.end() :]}"
