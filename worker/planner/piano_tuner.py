"""A piano tuner at work ("A above middle C should sit at 440 hertz", "Eighty-eight keys and three of them
stick", "This Bechstein came over from Germany in 1962", "I leave it a few cents flat in winter", "My 3
o'clock is a concert grand", "The felt on these hammers is worn down to 4 millimetres", "Two octaves up, the
strings are only a few inches long", "I tune every 6 months, no matter what the owner says", "The silver
candlesticks have to come off before I can lift the lid", "The A string vibrates 440 times a second, that is
its frequency"), whose patter is set aside around the one request it carries. Read only in a question that
carries one of the tuner's markers below (a piano, pianist or tuner of pianos, a piano's maker, a grand or an
upright, middle C, a note's hertz, octaves and semitones, the keys counted, stuck, dead or of ivory, the
strings, hammers, felts, dampers, soundboard, pedals and fallboard, the tuning's fork, hammer and pins, a
pitch held or sagging, cents flat or sharp, the tuner's own tuning, the church organ and the composers
played), so any other question ("the key figures", "a lock on the scale", "the window of 2007", "a clean
chart", "note that", "tune the chart", "C-level", "the grand total", "an upright bar chart", "a sharp
drop", "a flat rate", "the strings in the data", "a candlestick chart", "the pitch of the roof") reads
exactly as before:
- a sentence or clause of the tuning that asks nothing comes off whole (worker.planner.voice_asides): a
  note's hertz, the felt's millimetres and the strings' inches are no threshold or unit; the keys counted,
  the piano's owners and the months between tunings no limit; a piano's year, the composer's and the
  organ's no period; a Bechstein from Germany or a Steinway built in Hamburg no country; the 3 o'clock
  appointment no hour; silver candlesticks and gold lettering no medal; the A string's frequency no wind;
  a client at Amazon no company;
- what the owner says "no matter what", a piano that "badly needs tuning" and a client who works at a
  company or bought the piano with a bonus ask nothing of the data;
- a lead-in while the tuning goes on ("While it settles,", "As the pitch comes up,") and a hand-over after
  the patter ("Now,", "Anyway -") are the request's start; a "that year" points back to the year the patter
  told.
A choice left to someone ("whichever you think sounds better"), a chart asked per tuner and a sentence
opening with a request's verb are the request's and stay. What the request itself asks that the data lacks
(the pianos each tuner tuned, the most musical continent, an hour of the tips, a measure in millimetres, a
year the data does not cover, a nation it does not hold) is left as it is and refused downstream, as are two
charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import (
    REQUEST_VERBS,
    set_aside,
)
from worker.semantic import SemanticModel

__all__ = ["untune"]

_I = re.IGNORECASE
_MAKER = (
    r"(?:Steinway|Bechstein|B[\u00f6o]sendorfer|Bl[\u00fcu]thner|Broadwood|Pleyel|Erard|Fazioli|Kawai|Yamaha)"
)
_PART = r"(?:hammers?|felts?|dampers?|strings?|keys?|soundboard|fallboard|lid|pedals?|action|pins?)"
# Marks the tuner alone makes. Not "key", "keys", "note", "tune", "tuning", "scale", "pitch", "sharp",
# "flat", "grand", "upright", "strings", "lid", "C" or "A" alone (the key figures, note that, tune the chart,
# a log scale, a sharp drop, a flat rate, the grand total, an upright bar, the strings in a column, lift the
# lid on the data, C-level): they are the tuner's beside the piano's other words.
_MARKS = (
    rf"pian(?:o|os|ist|ists|oforte)|piano\s+tuners?|{_MAKER}s?|(?:concert|baby|parlou?r)\s+grands?"
    r"|(?:this|that|an?|the|my|her|his|their|old)\s+upright(?!\s+(?:bars?|columns?|labels?|text|axis|charts?"
    r"|position|orientation))|middle\s+C|(?-i:[A-G])(?:\s+(?:sharp|flat))?\s+(?:above|below)\s+middle\s+C"
    r"|the\s+(?-i:[A-G])\s+strings?|\d+\s*(?:hertz|Hz)|hertz|octaves?|semitones?"
    r"|(?:eighty-eight|88)\s+keys|(?:dead|sticking|stuck|ivory|black|white)\s+keys?|the\s+ivories"
    r"|keys?\s+(?:sticks?|stuck)|\d+(?:st|nd|rd|th)\s+key|soundboards?|fallboards?|dampers|wrest\s*plank"
    r"|pin\s*block|tuning\s+(?:forks?|hammers?|levers?|pins?|pegs?)|(?:sustain|soft|damper|sostenuto)\s+pedal"
    rf"|(?:the|these|its|my)\s+hammers|felt\s+on\s+(?:the|these|its)\s+{_PART}"
    r"|(?:holding|holds|held|hold)\s+(?:its|her|his|the)\s+pitch|(?:concert|perfect)\s+pitch|pitch\s+raise"
    r"|(?:the|its)\s+pitch\s+(?:has|had)\s+(?:sagged|dropped|slipped|fallen)|(?:a\s+few|\d+|some)\s+cents"
    r"\s+(?:flat|sharp)|(?:I|we)\s+(?:always\s+|usually\s+|only\s+)?(?:re)?tun(?:e|ed)\s+(?:every|to\s+\d"
    r"|it\s+(?:to|every|down|up|flat|sharp)|pianos|organs|the\s+(?:piano|organ|grand|upright|strings))"
    r"|(?:cathedral|church|chapel|pipe)\s+organ|harpsichords?|Chopin|Beethoven|Rachmaninoff?|Rachmaninov"
    r"|Liszt|Debussy|nocturnes?|(?:silver|brass|gold|old|its|those)\s+candlesticks|lift\s+the\s+lid(?!\s+on)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the tuning: a sentence or clause with one that asks nothing is the tuner's. One that opens with a
# request's verb ("Rank the pianos I tuned"), leaves a choice to someone ("whichever you think sounds
# better") or asks for a chart per something ("One bar per tuner") is the request's, and stays refused. Not
# "frequency" or "millimetres" alone: a request may ask them of the data.
_TUNING = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|{_PART}|tun(?:e|es|ed|ing|er|ers)|pitch|note|notes|chord|flat|sharp|cents|hertz"
    r"|vibrat\w+|strings|ivory|keyboard|stool|owners?|client|customer|concert|church|hall|candlesticks"
    r"|lettering|sonatas?|concertos?|scales|plays?|played|composer|orchestras?|soundboard"
    r"|damp|radiator|draught|humidity|grand|upright)\b",
    _I | re.DOTALL,
)
# What the tuning tells that would read as asking, in a sentence that asks nothing else: what the owner
# says "no matter what", a client's work or bonus (no company asked), a string's frequency (no wind's) and a
# piano that "needs tuning" (no request).
_TOLD = re.compile(
    r"\b(?:no\s+matter\s+(?:what|who|how|when|where|which)|(?:works?|worked)\s+(?:at|for)\s+\w+"
    r"|bought\s+(?:it|this|the|her|his)\s+\w+\s+with"
    r"|(?:that\s+is|that's|which\s+is)\s+(?:its|their)\s+frequency"
    r"|(?:badly\s+)?needs?\s+(?:a\s+)?(?:good\s+|proper\s+)?(?:tuning|tuned|a\s+tune))\b",
    _I,
)
_WORK = r"(?:settl\w*|tun\w*|warm\w*|pitch|strings?|hammers?|keys?|pins?|lid|piano)"
# A lead-in while the tuning goes on, then the request.
_LEAD_IN = re.compile(
    r"(?:^|(?<=[.!?:])\s+)(?:while|whilst|as|before|after)\s+(?:I|we|you|it|the|this|she|he)"
    rf"(?:['\u2019](?:m|re|ll|ve|s))?\s+[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,30}}\s*[,:]\s*",
    _I,
)


def untune(text: str, model: SemanticModel) -> str:
    """`text` with a piano tuner's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _TUNING)
