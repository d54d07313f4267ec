"""A ski instructor on the slope ("Knees bent, weight forward, follow my tracks", "Snowplough, snowplough,
lovely!", "Lesson 3 of 6: parallel turns", "Group of 8 beginners on Sunday morning, all up from Toronto", "The
lifts close at 4 and it's minus 9 at the top", "Fresh powder, 25 centimetres overnight", "The black run has
30 turns", "Half my instructors come over from Norway every winter", "This resort opened in 1971", "Lift 2 is
on wind hold", "Ski passes are 55 dollars a day", "My phone dies in the cold", "Her cousin is in my Monday
group"), whose patter is set aside around the one request it carries. Read only in a question that carries
one of the instructor's markers below (skis, skiers and ski school, instructors, the pistes and their
coloured runs, lifts by number, their passes and hours, tows and gondolas, snowploughs, "pizza, then chips"
and parallel turns, sideslips and moguls, knees bent and weight forward, fresh powder, goggles and planted
poles, a resort, a glacier or a mountain hut, lessons counted, beginners and my day's group, a wind hold, a
phone dying in the cold), so any other question ("a lift chart", "sales lift 3 percent", "the slope of the
line", "a run of wins", "the Poles", "a last resort", "a cold year", "the Sunday group of tables", "pizza and
chips", "turns out") reads exactly as before:
- a sentence or clause of the lesson that asks nothing comes off whole (worker.planner.voice_asides): a
  group's size, a run's turns, centimetres of snow and the frost's degrees are no party size, limit,
  threshold or unit; a pass's dollars and the price of a lift pass no bill or share price; the group's day,
  the lunch at the hut and the lifts' hours no day, meal or hour; the resort's year no period; the winter
  the instructors come no season; the group's home town, the instructors' country and a phone's maker no
  place, country or company; gusts from the north no direction; a candidate's relative in my group no
  candidate;
- a lead-in while the lesson goes on ("On the chairlift,", "While we queue for the gondola:") and a hand-over
  after the patter ("Now,", "Right then,") are the request's start; a "that year" points back to the year
  the patter told.
A choice left to someone ("whichever you reckon"), a sentence opening with a request's verb ("Rank the
continents from the best skiing") and a question of the request ("How much snow fell") are the request's and
stay. What the request itself asks that the data lacks (snowfall, the best skiing, a wind speed, an hour of
the tips, a year or a nation past the data) is left as it is and refused downstream, as are two charts. Text
not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import (
    REQUEST_VERBS,
    set_aside,
)
from worker.semantic import SemanticModel

__all__ = ["unski"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SAID = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen)"
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_LIFT = r"(?:chair\s*lifts?|(?:ski|drag|button)[-\s]lifts?|t-bars?|rope[-\s]tows?|gondolas?)"
# Marks the instructor alone makes. Not "lift" alone (a lift chart), "run" or "runs" (a run of wins, the
# model's runs), "slope" (a line's slope), "poles" (the Poles), "resort" (a last resort), "powder", "turns",
# "cold", "snow", "group", "lesson" or "beginners" alone: they are the instructor's beside the lesson's other
# words.
_MARKS = (
    rf"ski(?:s|ers?|ing|{_Q}s)?|apr[e\u00e8]s[-\s]ski|snowboard\w*|snow\s*plough\w*|snowplow\w*|{_LIFT}"
    r"|pizza,?\s+(?:then|to|into)\s+(?:chips|french\s+fries)|parallel\s+turns?|side[-\s]?slip\w*"
    r"|schuss\w*|moguls?|off[-\s]piste|pistes?|(?:blue|red|black|green)\s+runs?|nursery\s+slopes?"
    r"|bunny\s+(?:hill|slope)s?|the\s+lifts\s+(?:close|shut|open|stop)"
    r"|lift\s+(?:passes|pass|queues?)|(?-i:Lift)\s+\d+|(?:on|take|took|ride|rode|from)\s+lift\s+\d+"
    r"|(?:the|a)\s+lift\s+(?:shuts?|closes?|opens?|stops?|squeaks?)|(?:top|bottom|lift)\s+stations?"
    r"|wind\s+hold|knees\s+bent|bend\s+(?:your|those|the)\s+knees|weight\s+(?:forward|on\s+the\s+downhill)"
    r"|follow\s+my\s+tracks|fresh\s+powder|powder\s+day|goggles|poles\s+planted"
    r"|plant\s+(?:your|the)\s+poles|(?:this|our|the|ski)\s+resort(?!\s+to)|glaciers?|mountain\s+hut"
    r"|(?:ski\s+|my\s+|our\s+|the\s+)instructors?"
    rf"|(?:group|class)\s+of\s+{_SAID}\s+(?:beginners|novices|kids)"
    rf"|beginners{_Q}?\s+(?:group|class|lesson)s?|lesson\s+{_SAID}\s+of\s+{_SAID}"
    rf"|(?:my|our)\s+(?:{_DAY}|morning|afternoon|beginners{_Q}?|kids{_Q}?)\s+(?:group|class|lesson)"
    r"|(?:dies|died|dying|dead|gives\s+up)\s+in\s+the\s+cold|minus\s+\d+\s+(?:at|on)\s+the\s+(?:top|summit)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the lesson: a sentence or clause with one that asks nothing is the instructor's. One that opens
# with a request's verb ("Rank the continents from the best skiing") or leaves a choice to someone
# ("whichever you reckon") is the request's, and stays refused.
_LESSON = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    rf".*?\b(?:{_MARKS}|snow\w*|powder|runs?|lifts?|slopes?|turns|mountains?|summit|ridge|gusts?|knees"
    r"|tracks|poles|beginners|lessons?|instructors?|resort|winter|wax(?:ed)?|edges|boots|bindings)\b",
    _I | re.DOTALL,
)
# What the lesson tells that would read as asking, in a sentence that asks nothing else: the price of a pass
# or a lesson (no bill or share price).
_TOLD = re.compile(
    rf"\b(?:price|cost)s?\s+of\s+(?:an?\s+|the\s+)?(?:{_LIFT}|lift|ski)\s*"
    r"(?:pass(?:es)?|tickets?|lessons?|hire)\b",
    _I,
)
_WORK = r"(?:lift|chairlift|gondola|queue\w*|ski\w*|lesson|run|slope|piste|tow)"
# A lead-in while the lesson goes on, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|the)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,30}}|on\s+the\s+(?:chair\s*lift|gondola|t-bar))\s*[,:]\s*",
    _I,
)


def unski(text: str, model: SemanticModel) -> str:
    """`text` with a ski instructor's patter set aside around the request it carries; other text
    unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _LESSON)
