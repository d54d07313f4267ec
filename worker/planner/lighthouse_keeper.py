"""A lighthouse keeper on watch ("Log entry, 06:00: lamp extinguished, visibility 4 miles, sea slight",
"Keeper's log, 14:10: two gannets on the gallery rail", "The lens turns once every 20 seconds, 3 white
flashes and a pause", "Keeper here since 1979, when the light was still manned by three of us", "The
foghorn sounded for 6 hours last night", "Gale warning: force 8 from the north-west", "Supply boat due on
Tuesday with paraffin", "High tide at 16:45 and the causeway is under water", "Radio check with the
coastguard on channel 16", "The bronze bell in the lantern room was cast in 1868", "The keeper before me won
silver for lifeboat rowing in 1958", "The Montreal ferry passes at noon most days"), whose patter is set
aside around the one request it carries. Read only in a question that carries one of the keeper's markers
below (a lighthouse or its keeper, the keeper's log, the lamp lit or trimmed, the lantern, the lens turning
and its flashes, the foghorn, the light manned or automated, a gale warning and a Beaufort force, the sea's
state, the barometer, the visibility, the tide and the causeway, the coastguard and channel 16, the relief
crew and the supply boat, paraffin and wicks, the lifeboat, a trawler, tanker or ferry, the weathervane, the
gallery rail, the skerry and the cliff, the seabirds and the seals), so any other question ("keep the top
5", "a light colour", "the goalkeeper", "a log scale", "the lens of party size", "a flash of colour", "the
force of the wind", "the bell curve", "every week", "since 1979") reads exactly as before:
- a sentence or clause of the watch that asks nothing comes off whole (worker.planner.voice_asides): the
  log's hours, the tide's and the sunset's times and the ferry at noon are no hour; the visibility's miles,
  the lens's seconds, the flashes, the gulls' eggs, the seals counted and the tins of beef no threshold or
  limit; the supply boat's Tuesday and the ferry's days no day; the keeper's years, the bell's and the
  automation's no period; a Norwegian trawler and the Montreal ferry no country or city; the bronze bell and
  the silver for rowing no medal; the force and quarter of a gale, a rusted weathervane's east no wind;
- supplies the crew wants, the ferry passing "most days" and a radio check ask nothing of the data;
- a lead-in while the watch goes on ("While the lamp warms up,", "Between watches:", "For the relief crew,
  who argue about it every week:") and a hand-over after the patter ("Now,", "Anyway -") are the request's
  start; a "that year" points back to the year the patter told.
A choice left to someone ("whichever the inspector prefers"), a chart asked per keeper and a sentence
opening with a request's verb are the request's and stay. What the request itself asks that the data lacks
(the ships passing the lighthouse, the wind speed in knots, a year the data does not cover, an hour of the
tips, a nation it does not hold, the most beautiful continent) is left as it is and refused downstream, as
are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import (
    REQUEST_VERBS,
    set_aside,
)
from worker.semantic import SemanticModel

__all__ = ["unlighthouse"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SAID = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)"
_BIRD = r"(?:gannets?|gulls?|seagulls?|puffins?|cormorants?|shags|kittiwakes?|terns|guillemots?|fulmars?)"
_VESSEL = r"(?:trawlers?|tankers?|ferry|ferries|freighters?|lifeboats?|supply\s+boats?|fishing\s+boats?)"
# Marks the keeper alone makes. Not "keep", "light", "lamp", "log", "lens", "flash", "force", "bell", "tide"
# or "sea" alone (keep the top 5, a light colour, a log scale, the lens of party size, a flash of colour, the
# force of the wind, a bell curve, the tide of opinion): they are the keeper's beside the watch's other words.
_MARKS = (
    r"light\s*houses?|light\s*keepers?|(?<![\w-])(?<!goal\s)(?<!wicket\s)(?<!score\s)(?<!time\s)(?<!book\s)"
    rf"(?<!shop\s)(?<!zoo\s)(?<!bee\s)keepers?(?:{_Q}s)?(?![\w-])|log\s+entry|(?:light|station|watch){_Q}?s?"
    r"\s+log|log\s+(?:signed|written\s+up)|logbook|fog\s*horns?|fog\s+(?:signal|bell)s?|lanterns?"
    r"|lamp\s+(?:lit|extinguished|trimmed|out|room|warm\w*)|(?:lit|lighting|light|trimmed|trim)\s+the\s+lamp"
    r"|paraffin|(?:spare\s+)?wicks|fresnel|(?:the|a|its)\s+lens\s+(?:turns|turned|rotates|rotated|revolves"
    rf"|revolved|turning)|{_SAID}\s+(?:white|red|green)\s+flash(?:es)?"
    r"|flash(?:es)?\s+every\s+(?:\w+\s+)?seconds?"
    r"|the\s+light\s+(?:was|is|has\s+been|had\s+been|went)\s+(?:still\s+|finally\s+|fully\s+)?(?:automated"
    r"|manned|unmanned|decommissioned|converted|lit|out)|automated\s+the\s+light|gale\s+warnings?"
    r"|force\s+(?:\d{1,2}|eight|nine|ten)(?!\s*%)|sea\s+(?:slight|moderate|rough|calm|state)|barometers?"
    r"|visibility\s+(?:(?:is|was|down|up|under|below|of|to|at)\s+)*(?:\d+|good|poor|fair|moderate|nil|zero)"
    r"|coastguards?|channel\s+16|relief\s+(?:crew|keepers?|boat)|weathervanes?|gallery\s+rail"
    rf"|{_VESSEL}|skerry|skerries|causeway|(?:high|low)\s+(?:tide|water)|{_BIRD}"
    r"|the\s+tide\s+(?:is|was|came|comes|turns|turned|went)"
    r"|seals\s+(?:on|off)|cliff\s+(?:path|top|edge)|shipping\s+forecast|on\s+watch|night\s+watch"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the watch: a sentence or clause with one that asks nothing is the keeper's. One that opens with
# a request's verb ("Count the ships that passed"), leaves a choice to someone ("whichever the inspector
# prefers") or asks for a chart per something ("one bar per keeper") is the request's, and stays refused.
# Not "wind", "strength" or "direction": a request's clause may ask them of the data.
_WATCH = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|light|lamp|lens|flash(?:es)?|fog|gale|gusting|sea|tide|storm|rock|ledge|cliffs?"
    r"|boat|ships?|vessels?|crew|log|logged|eggs|seals|birds|kettle|cocoa|radio|horn|bell|rail|gallery"
    r"|sheltered|dawn|dusk|sunset|sunrise|night|watch|rusted|manned|supply|tins|drawer)\b",
    _I | re.DOTALL,
)
# What the watch tells that would read as asking, in a sentence that asks nothing else: supplies the crew
# wants or needs (no request), a boat passing "most days" (no day of the data) and a radio check (no bill).
_TOLD = re.compile(
    r"\b(?:(?:wants?|needs?|ordered|asked\s+for)\s+(?:\w+\s+){0,3}?(?:paraffin|wicks|tins|coal|oil|supplies"
    r"|bread|milk|tea|cocoa|batteries|bulbs?)|(?:most|some|many|other|calm|stormy|foggy|clear)\s+days"
    r"|radio\s+checks?)\b",
    _I,
)
_WORK = r"(?:lamp|light|lens|kettle|watch|fog|tide|storm|gale|log|lantern|wicks?|boat)"
# A lead-in while the watch goes on, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after|until)\s+(?:I|we|you|it|the|this|my)"
    rf"(?:{_Q}(?:m|re|ll|ve|s))?\s+[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,30}}|between\s+watches"
    r"|on\s+(?:the\s+)?(?:night|morning|middle|dog)\s+watch)\s*[,:]\s*",
    _I,
)


def unlighthouse(text: str, model: SemanticModel) -> str:
    """`text` with a lighthouse keeper's patter set aside around the request it carries; other text
    unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _WATCH)
