"""A locksmith on a call-out ("Locked out at 2 in the morning, the poor fellow was in his socks", "A 5-lever
mortice deadlock, the proper British standard", "I cut 3 spare keys for the landlord", "That pin tumbler had
6 pins", "The safe at the jeweller's took me 40 minutes to open", "Emergency rate after midnight is 90 dollars
flat", "A brass Yale from 1978", "I rekeyed 12 flats", "The master key opens every door on the third floor",
"Smart locks have been all the rage since 2018", "That is lock number 150 on my list today", "Three keys on
the ring", "The back door faces east"), whose patter is set aside around the one request it carries. Read
only in a question that carries one of the locksmith's markers below (a locksmith, being locked out, a
lockout, deadlocks, deadbolts, padlocks, mortices, levers counted, pin tumblers, a Yale, keys spare, master,
skeleton, cut or on a ring, rekeying, a safe opened or its deposit boxes, locks fitted, changed, greased,
picked, wanted, new, smart or numbered, a door knocker and the house's doors, the emergency rate and
call-out fee, the locksmith's jobs and a cabinet opened), so any other question ("the key countries", "lock
in the top 5", "a safe bet", "the door to door sales", "cut the population", "open the chart", "pin the
legend", "a rolling window", "the tips by day") reads exactly as before:
- a sentence or clause of the call-out that asks nothing comes off whole (worker.planner.voice_asides): the
  hour of a lockout, the emergency rate after midnight and the minutes a safe took are no hour, threshold or
  limit; the levers, pins, keys, flats and locks counted no party size, limit or threshold; a Yale's, a
  lock's or a campaign office's year no period; the silver cups, gold bars and bronze knocker no medal; the
  customer from Lagos no country; an Apple phone no company; a back door facing east no direction; the third
  floor no rank;
- an order for the locksmith ("The landlord wants 4 spare keys"), the price of a lock (no share price), lock
  shares that boomed (no company asked) and the customer "who" did something ask nothing of the data;
- a lead-in while the job goes on ("While I drill the lock,", "Between call-outs:") and a hand-over after
  the patter ("Now,", "Anyway -") are the request's start; a "that year" points back to the year the
  patter told.
A choice left to someone ("whichever the apprentice prefers"), a chart asked per locksmith and a sentence
opening with a request's verb are the request's and stay. What the request itself asks that the data lacks
(the lockouts in each district, the company with the most secure locks, the bill in the small hours, a tip
in euros) is left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import (
    REQUEST_VERBS,
    set_aside,
)
from worker.semantic import SemanticModel

__all__ = ["unlock"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SAID = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|a\s+few|some)"
_LOCK = r"(?:locks?|deadlocks?|deadbolts?|padlocks?|latch(?:es)?|cylinders?|safes?|keys?)"
_OWNER = r"(?:the|a|an|my|his|her|their|that|this|these|those|new|old|all\s+the|about\s+\d+|\d+)"
# Marks the locksmith alone makes. Not "key", "keys", "lock", "locks", "door", "safe", "open", "pin", "pick",
# "cut", "lever" or "bolt" alone ("the key countries", "lock in the top 5", "a safe bet", "door to door",
# "open the chart", "pin the legend", "cut the population", "the piano's 88 keys"): they are the locksmith's
# beside the call-out's other words.
_MARKS = (
    rf"locksmith(?:s|ing|{_Q}s)?|locked\s+out|lockouts?|(?:mortice|mortise)(?:\s+locks?)?|deadbolts?"
    r"|padlocks?|(?:mortice|mortise|\d+-lever|new|old|a)\s+deadlocks?|\d+-lever"
    rf"|{_SAID}\s+levers|levers\s+or\s+{_SAID}|pin[\s-]+tumblers?|(?:brass|old|my|his|her)\s+yale"
    rf"|yale\s+(?:locks?|keys?)|(?:spare|master|skeleton|door|front-door|back-door)\s+keys?|key\s*rings?"
    rf"|keys?\s+on\s+(?:the|my|a|his|her|their)\s+(?:[\w']+\s+)?ring|cut\s+(?:a|{_SAID})\s+(?:new\s+)?keys"
    r"|keys?[\s-]cutting|keys?\s+cut(?!-)|keyholes?|re-?key(?:s|ed|ing)?|between\s+(?:jobs|call-?outs)"
    r"|the\s+safe\s+(?:at|in|on|was|took|door|had)|safe[\s-]deposit|safe-?crack\w*"
    r"|(?:crack|cracked|cracking|opened|open|picked|pick|picking)\s+(?:a|an|the|that|this)\s+(?:\w+\s+)?"
    r"(?:safe|padlock|cabinet|strongbox)|lock-?picks?|lock-?picking"
    rf"|(?:fit|fits|fitted|fitting|change|changes|changed|changing|grease|greased|greasing|oil|oiled|oiling"
    rf"|pick|picked|picking|replace|replaced|service|serviced|wanted|drill|drilled|drilling)\s+(?:{_OWNER}\s+)*"
    rf"(?:new\s+)?locks?|(?:new|smart|these|those)\s+locks?|locks?\s+(?:number|no\.?)\s+\d+"
    r"|locks\s+I\s+(?:fit|fix|change|pick|open)|door\s+knockers?|(?:back|front|side|shed|garage|cellar)\s+doors?"
    r"|emergency\s+(?:rate|call-?outs?|jobs?)|call-?out\s+(?:fees?|charges?|rates?)"
    r"|my\s+(?:night\s+|emergency\s+)?(?:jobs|call-?outs)\s+(?:come|are|were)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the call-out: a sentence or clause with one that asks nothing is the locksmith's. One that opens
# with a request's verb ("Rank the locks I fitted"), leaves a choice to someone or asks for a chart per
# something ("One bar per locksmith") is the request's, and stays refused.
_CALLOUT = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|{_LOCK}|doors?|frames?|hinges?|knockers?|levers?|pins|tumblers?|bolts?|keyring"
    r"|van|customers?|landlords?|tenants?|caretakers?|fellow|jeweller\w*|cabinet|ring|jobs?|call-?outs?"
    r"|brass|sweetly|labelled|midnight|the\s+morning|emergency)\b",
    _I | re.DOTALL,
)
# What the call-out tells that would read as asking, in a sentence that asks nothing else: an order for the
# locksmith ("wants 4 spare keys"), the price of a lock (no share price), lock shares (no company asked) and
# the customer "who" did something (no question), "give or take" and a lock "on my list" (no list asked).
_TOLD = re.compile(
    rf"\b(?:(?:wants?|needs?|ordered|asked\s+for|would\s+like)\s+(?:\w+\s+){{0,3}}?(?:{_LOCK}|doors?|copies)"
    rf"|(?:price|cost)s?\s+of\s+(?:an?\s+|the\s+)?(?:\w+\s+)?{_LOCK}|(?:smart\s+)?lock\s+(?:company\s+)?shares"
    r"|(?:customer|landlord|tenant|caretaker|fellow|lady|owner|jeweller)\s+who|give\s+or\s+take"
    r"|(?:on|in)\s+(?:my|the|his|her|today\W?s)\s+(?:\w+\s+)?list)\b",
    _I,
)
_WORK = r"(?:locks?|keys?|doors?|safe|deadbolt|padlock|latch|cylinder|hinges?|tumblers?|levers?)"
# A lead-in while the job goes on, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,30}}?\b{_WORK}\b[^,.!?:;]{{0,30}}|between\s+(?:jobs|call-?outs))\s*[,:]\s*",
    _I,
)


def unlock(text: str, model: SemanticModel) -> str:
    """`text` with a locksmith's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _CALLOUT)
