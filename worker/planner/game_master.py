"""A dungeon master's narration of a tabletop session, set aside around the quest that carries the request.
Read only in a question that speaks it (a marker below: "Your quest", "Roll for initiative / perception",
"Roll a d20", "a natural 20 / 1", "experience points", "hit points", "gold pieces", "dungeon master", or a
hero of the table doing something: "The wizard casts ...", "The dwarves count ...", "You gain / enter /
find ..."), so any other question reads exactly as before ("a party of four" in a tips question is still
a party size):
- "Your quest:" (also "But your quest ignores the dice:", "Your next quest is to", "Your quest, brave
  adventurer:") introduces the request: what is narrated before it is the scene and comes off whole, so a
  value named only there ("a scrying spell over Africa", "a pie chalked on the wall") is no filter or chart;
  "Your quest calls for / demands bars:" is "as bars";
- a sentence of narration beside the request, before or after it, comes off: dice rolls ("Roll a d6 for
  luck.", "Roll a d20 for the election: 14!", "you rolled a 17", "A natural 1!"), a roll for initiative or
  perception, experience points, hit points and gold pieces gained or left, "You enter / find / sail ...",
  and a hero's deed ("The rogue ...", "The bard sings ...", "Three heroes stand ..."); its numbers are no
  limit, threshold, year or district;
- the adventuring party ("The party of four sets out at dawn.") is not the tips data's party size: a
  sentence about the party comes off, and a party size is read only where the request names it again
  ("tables of 4", "parties of 3 or more");
- the quest's storytelling: "the longest petal each species grew" is "for each species" (no change over
  time).
A roll that chooses between requests ("on a high roll ..., on a low roll ..."), a quest in two charts,
hit points, experience points and the prophecy's future years are left as they are (and refused downstream
as what the data cannot answer). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.semantic import SemanticModel

__all__ = ["ungame_master"]

_I = re.IGNORECASE
_DIE = r"(?:an?\s+)?d(?:4|6|8|10|12|20|100)\b"
_HERO = (
    r"(?:wizards?|rogues?|paladins?|druids?|bards?|rangers?|clerics?|warlocks?|sorcerer(?:ess)?s?|barbarians?|"
    r"fighters?|monks?|dwarf|dwarves|elf|elves|halflings?|gnomes?|orcs?|goblins?|dragons?|heroes|hero|"
    r"adventurers?|barkeep|innkeeper|necromancers?|knights?)"
)
_QUEST = r"(?:your|the\s+party's|our)\s+(?:(?:next|true|final|first|main|one|only)\s+)?quest"
# The voice itself: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\b{_QUEST}\b|\broll\s+for\s+(?:initiative|perception|luck|stealth|insight|investigation)\b|"
    rf"\broll\s+{_DIE}|\bnatural\s+(?:20|1|one|twenty)\b|\b(?:experience|hit)\s+points\b|\bXP\b|"
    rf"\bgold\s+pieces\b|\bdungeon\s+master\b|(?<!chart\s)\bthe\s+{_HERO}\s+(?:casts?|kneels?|sings?|"
    r"marches|march|licks?|counts?|draws?|rolls?|sneaks?|rides?|stands?|swings?|whispers?|reads?)\b",
    _I,
)
# "Your quest calls for bars:": the chart the quest asks for.
_CALLS_FOR = re.compile(
    rf"\b{_QUEST}\s+(?:calls\s+for|demands|requires|asks\s+for|needs)\s+(?:an?\s+)?"
    r"(?P<type>bars?|lines?|pies?|scatters?|histograms?|areas?)(?:\s+charts?)?\s*[:,-]\s*",
    _I,
)
# What opens the quest: the words after it are the request.
_QUEST_LEAD = re.compile(
    rf"(?:\b(?:but|and|so|now)\s*,?\s+)?\b{_QUEST}\b(?!\s+has\b)"
    r"(?:\s*,\s*(?:brave|bold|weary|noble|young)?\s*(?:adventurers?|heroes|hero|travell?ers?)\s*)?"
    r"(?:\s+(?:is|was|will\s+be)\s+(?:to\s+(?=\w)|simple\s*:|this\s*:)|"
    r"\s+(?:ignores|defies|scorns)\s+the\s+(?:dice|die|roll)|\s+(?:awaits|begins))?\s*[:\u2013\u2014-]?\s*",
    _I,
)
# A sentence of narration, said beside the request: the scene, the dice and the table's heroes.
_NARRATION = re.compile(
    rf"\broll(?:s|ed)?\s+(?:for\s+\w+|{_DIE})|\byou\s+rolled\b|\bnatural\s+(?:20|1|one|twenty)\b|"
    r"\b(?:experience|hit)\s+points\b|\bXP\b|\bgold\s+pieces\b|"
    r"^\W*you\s+(?:enter|find|gain|sail|arrive|meet|hear|see|open|discover|wake|awake|stand|walk|descend|"
    r"climb|reach|come|step|push|spot|draw|earn|lose|level)\b|"
    rf"^\W*(?:the|an?|our|your|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w'-]+\s+){{0,2}}?{_HERO}\b|"
    r"^\W*(?:the|our|your)\s+party\b(?!\s+sizes?\b)|\b(?:tavern|dungeon|realm|prophecy|the\s+map)\b",
    _I,
)
# A sentence that asks: it stays, whatever narration it holds.
_ASK = re.compile(
    r"\b(?:show|chart|plot|draw\s+(?:me|us|the|a)|graph|list|rank|compare|how\s+(?:many|much)|which|what)\b"
    r"|\?\s*$",
    _I,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c])")
_SAID = [
    (r"\b(?P<each>each|every)\s+(?P<group>\w+)\s+(?:grew|gathered|hoarded)\b(?=\s*[,.;]|\s*$)",
     r"for \g<each> \g<group>"),
]  # fmt: skip
_WORDS = [(re.compile(p, _I), r) for p, r in _SAID]


def ungame_master(text: str, model: SemanticModel) -> str:
    """`text` with a dungeon master's narration set aside around its quest; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    read = _CALLS_FOR.sub(lambda m: f"Your quest: as {_plural(m['type'])}: ", text)
    lead = _QUEST_LEAD.search(read)
    if lead is not None:
        read = _moved_chart(read[lead.end() :])
    sentences = [s for s in _SENTENCE.split(read.strip()) if s.strip()]
    kept = [s for s in sentences if _ASK.search(s) or not _NARRATION.search(s)]
    if lead is None and not kept:
        return text
    read = tidy(_plain(" ".join(kept or sentences)))
    return read if read.strip(" .!?,:;-") else text


def _plural(kind: str) -> str:
    kind = kind.lower().rstrip("s")
    return "bars" if kind == "bar" else f"a {kind}"


def _moved_chart(request: str) -> str:
    """ "as bars: the tip on each day." as "the tip on each day, as bars.": the chart after what it draws."""
    found = re.match(r"^as\s+(?P<chart>bars|an?\s+\w+):\s*(?P<rest>[^.!?]*)(?P<end>.*)$", request, re.S)
    if found is None:
        return request
    return f"{found['rest']}, as {found['chart']}{found['end']}"


def _plain(text: str) -> str:
    for pattern, plain in _WORDS:
        text = pattern.sub(plain, text)
    return text
