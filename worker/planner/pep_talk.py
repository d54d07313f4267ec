"""A sports coach's pep talk set aside around the play it calls. Read only in a question with one of its marks
("huddle up", "team meeting / talk", "hustle", giving or wanting 110%, "leave it all on the field", what
champions do, "dig deep", "eyes on the prize", "game faces on", "no pain, no gain", "go team", or a play or
game plan called), so any other question (a plain "Okay everyone, ...") reads exactly as before:
- a cheer said as a whole phrase of its own (between the start or end of the question and a ",", ".",
  "!", "?", ":", ";" or " - ") comes off: "Alright team", "Come on, team", "Huddle up (, everybody /
  folks / people)", "Bring it in", "Gather round", "Listen up", "Team meeting (, everyone)", "Team talk",
  "Give me 110% (on this one)", "Give it 110 percent / a hundred and ten per cent", "Give it your all",
  "Hustle (, people)", "(and) I want hustle", "More hustle", "Leave it all on the field / court / pitch /
  out there", "That's what champions do", "Champions don't rest / never quit", "Play like champions",
  "Dig deep", "Eyes on the prize", "Game faces on", "No pain, no gain", "Let's go (, team)", "Let's do
  this", "We've got this", "Go team". A cheer followed by "and" ("Hustle and chart ...") comes off with it;
  so does one after "and" at the question's end ("..., and leave it all on the field!");
- "team", "everyone", "everybody", "folks", "people", "guys", "squad" and "y'all" said as an address
  beside a cheer ("Hustle, people!", "Team, huddle up!") come off with it: the players are no nation
  of the medals data;
- the play called is the request: "Here's the play:", "Today's play is", "the play is", "Our game plan:",
  "Let's run this play:" come off and leave what follows;
- "(days) kept in order" is "(days) in order".
"110%" names no value, limit or threshold, and "champions" is praise, not a ranking: so what stays of a
cheer inside a request ("the champions of the stocks data", "one champion per continent") is left as it
is and refused downstream as before. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.semantic import SemanticModel

__all__ = ["unpep_talk"]

_I = re.IGNORECASE
_APOS = r"['\u2019]"
_TEAM = rf"(?:team|everyone|everybody|folks|people|guys|squad|gang|y{_APOS}all|you\s+lot|troops)"
_PCT = r"(?:1[1-9]0|200|(?:a|one)\s+hundred\s+(?:and\s+)?ten)\s*(?:%|percent|per\s+cent)"
_FIELD = r"(?:field|court|pitch|ice|floor|track|mat|park|out\s+there)"
_CHAMPS = r"(?:champions|champs|winners)"
_EFFORT = rf"(?:{_PCT}|your\s+all|everything(?:\s+you(?:{_APOS}ve|\s+have)\s+got)?)"
_CHAMPS_SAY = (
    rf"(?:that{_APOS}s\s+what\s+{_CHAMPS}\s+do|{_CHAMPS}\s+(?:don{_APOS}t|do\s+not|never)"
    rf"|(?:play|think)\s+like\s+{_CHAMPS})"
)
_WANT = rf"(?:I\s+want|I\s+need|we\s+need|let{_APOS}s\s+see|show\s+me)"
# A cheer: a whole phrase of the coach's that asks for nothing.
_CHEER = (
    rf"(?:(?:give|gimme)\s+(?:me|it|us|this|them)\s+{_EFFORT}(?:\s+(?:on|for)\s+(?:this|that)(?:\s+one)?)?"
    rf"|(?:I\s+want|I\s+need|we\s+need)\s+{_PCT}|{_WANT}\s+(?:some\s+|more\s+)?hustle"
    rf"|(?:more\s+)?hustle(?:\s+out\s+there)?|leave\s+it\s+all\s+(?:on\s+the\s+)?{_FIELD}"
    rf"|{_CHAMPS_SAY}(?:\s+(?:rest|quit|stop|sleep|give\s+up))?"
    r"|dig\s+deep|eyes\s+on\s+the\s+(?:prize|ball)|game\s+faces?\s+on|no\s+pain\s*,?\s*no\s+gain"
    rf"|let{_APOS}s\s+(?:go|do\s+this|win\s+this(?:\s+one)?|get\s+it\s+done)"
    rf"|(?:we{_APOS}ve|we\s+have|we)\s+got\s+this|go\s*,?\s+team(?:\s*,?\s+go)?"
    r"|huddle\s+up|bring\s+it\s+in|gather\s+(?:a)?round|listen\s+up|team\s+(?:meeting|talk|huddle)"
    rf"|(?:alright|all\s+right|okay|ok|right|come\s+on|c{_APOS}mon|now)(?:\s*,?\s+{_TEAM})?)"
)
# What marks the voice: nothing below is read in a question without one.
_PEP = re.compile(
    r"\b(?:huddle\s+up|team\s+(?:meeting|talk|huddle)|hustle"
    rf"|(?:give|gimme|want|need)\s+(?:me\s+|it\s+|us\s+)?{_PCT}"
    rf"|leave\s+it\s+all\s+(?:on\s+the\s+)?{_FIELD}|{_CHAMPS_SAY}|dig\s+deep|eyes\s+on\s+the\s+prize"
    rf"|here{_APOS}s\s+the\s+play|(?:today|tonight){_APOS}s\s+play|the\s+play\s+is|game\s+plan"
    r"|run\s+(?:this|the)\s+play|game\s+faces?\s+on|no\s+pain\s*,?\s+no\s+gain|go\s*,?\s+team)(?!\w)",
    _I,
)
_WHOLE_CHEER = re.compile(rf"\s*(?:and\s+)?{_CHEER}\s*", _I)
_ADDRESS = re.compile(rf"\s*{_TEAM}\s*", _I)
# A cheer joined to the request by "and" at its start ("Hustle and chart ..."), or to its end.
_CHEER_AND = re.compile(rf"^\s*{_CHEER}\s*,?\s+(?:and(?:\s+then)?|then|now|so)\s+", _I)
_AND_CHEER = re.compile(rf"\s*,?\s+(?:and|so|now)\s+{_CHEER}\s*$", _I)
# The play called: what follows it is the request.
_PLAY = (
    rf"(?:(?:here{_APOS}s|here\s+is|this\s+is)\s+(?:the|our|my|your)|(?:today|tonight){_APOS}s"
    r"|our|the|your|my|next)\s+"
    r"(?:game\s+)?(?:play|plan)(?:\s+(?:today|tonight|for\s+today))?"
    rf"|let{_APOS}s\s+run\s+(?:this|the)\s+play|run\s+(?:this|the)\s+play"
)
_WHOLE_PLAY = re.compile(rf"\s*(?:and\s+)?(?:{_PLAY})\s*", _I)
_PLAY_IS = re.compile(rf"^\s*(?:{_PLAY})\s+is\s+(?=\S)", _I)
# Pieces of the question between the marks a cheer stands between; the marks are kept as they are.
_SPLIT = re.compile(r"(\s*(?:[,.!?:;]+|\s[-\u2013\u2014]+)(?:\s+|$))")
# A cheer said with a comma of its own ("No pain, no gain", "Go, team, go") is one phrase before the split.
_JOINED = re.compile(r"\b(no\s+pain|go)\s*,\s*(no\s+gain|team\b(?:\s*,\s*go\b)?)", _I)
_LOOSE_END = re.compile(r"[\s,;:\-\u2013\u2014]+$")
_KEPT = re.compile(r"\bkept\s+in\s+(?=(?:\w+\s+)?order\b)", _I)


def unpep_talk(text: str, model: SemanticModel) -> str:
    """`text` with a coach's pep talk set aside around the play it calls; other text is unchanged."""
    if not _PEP.search(text):
        return text
    parts = _SPLIT.split(_JOINED.sub(lambda m: f"{m[1]} {m[2].replace(',', '')}", text))
    pieces, marks = parts[0::2], [*parts[1::2], ""]
    cheer = [bool(_WHOLE_CHEER.fullmatch(p) or _WHOLE_PLAY.fullmatch(p)) for p in pieces]
    kept: list[str] = []
    for i, (piece, mark) in enumerate(zip(pieces, marks, strict=True)):
        beside = (i > 0 and cheer[i - 1]) or (i + 1 < len(cheer) and cheer[i + 1])
        if cheer[i] or (beside and _ADDRESS.fullmatch(piece)):
            continue
        kept.append(_AND_CHEER.sub("", _CHEER_AND.sub("", _PLAY_IS.sub("", piece))) + mark)
    read = _KEPT.sub("in ", _LOOSE_END.sub("", "".join(kept)))
    if not read.strip() or read == text:
        return text
    if not read.endswith((".", "!", "?")):
        read += "?" if text.rstrip().endswith("?") else "."
    return tidy(read)
