"""A drill sergeant's orders set aside around the one request they carry. Read only in a question with one of
its marks (a drill command said as a phrase of its own: "Listen up, maggots", "Drop and give me twenty",
"On the double", "Do you understand me?", "Sir, yes sir", "At ease", "Dismissed", "Fall in (, two ranks)",
"Sound off", "Left, right, left", "Left / Right / About face", "Ten-hut"; a recruit addressed at the
question's start or end: "Private (Pyle)", "Recruit", "Maggots"; or recruits counted, "I've got forty
recruits and"), so any other question ("drop the smokers", "drop table tips", "the fall in life expectancy")
reads exactly as before:
- a drill command said as a whole phrase of its own (between the start or end of the question and a ",",
  ".", "!", "?", ":", ";" or " - ") comes off, with a leading "now", "and" or "then": push-up counts
  ("Drop and give me fifty (push-ups)"), "two ranks" and the recruits counted are no limit, sort or
  series, and "left" and "right" marched or faced are no compass directions nor values;
- "Dismissed - except you" is a dismissal and no exclusion;
- an insult ("that is / you are a disgrace", "what a disgrace", "pathetic", "worthless") comes off; a
  prohibition beside it ("that is not a pie") is left for the planner to read as one;
- a recruit addressed ("Private", "Private Pyle", "Recruit", "Maggots", "Cadet", "Soldier", "Ladies") said
  as a phrase of its own comes off: a recruit's name is no value of the data, so a value is planned only
  where the request names it ("Private Kim from South Korea, ... South Korea's medals");
- "I've got forty recruits and I want ..." is "I want ...": the recruits counted are no limit;
- a piece that follows an order and starts "then" loses it ("Drop and give me ten, then the median tip");
  where an order ended a sentence, the sentence still ends ("not a pie, that is a disgrace! Bars:").
What stays of an order inside a request ("each recruit's push-ups", "the wind from the left and from the
right") is left as it is and refused downstream as what the data cannot answer. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.semantic import SemanticModel

__all__ = ["undrill"]

_I = re.IGNORECASE
_APOS = r"['\u2019]"
_COUNT = (
    r"(?:\d{1,3}|ten|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|one\s+hundred"
    r"|(?:twenty|thirty|forty|fifty)[\s-](?:one|two|three|four|five|six|seven|eight|nine))"
)
_RECRUIT = r"(?:private|recruit|maggot|cadet|trainee|grunt|soldier)s?"
# A recruit addressed by rank and name ("Private Pyle", "Recruit Kim"), or the squad as a whole.
_ADDRESS_WORDS = rf"(?:{_RECRUIT}(?:\s+[A-Z][a-z]+)?|ladies|girls|boys|you\s+(?:lot|maggots?|people))"
_RANKS = r"(?:(?:in\s+)?(?:one|two|three|four|single|double)\s+(?:ranks?|lines?|files?|columns?)|in\s+line)"
# A drill command: a whole phrase of the sergeant's that asks for nothing.
_ORDER = (
    rf"(?:listen\s+up|drop\s+and\s+give\s+me\s+{_COUNT}(?:\s+(?:push-?ups|more|of\s+them))?"
    r"|(?:get\s+)?on\s+the\s+double|double[\s-]time|(?:do\s+you|did\s+you)\s+(?:understand|hear)\s+me"
    rf"|(?:is\s+that|am\s+I)\s+(?:clear|understood)|(?:sir\s+)?yes\s+sir(?:\s+sir)?|sir\s+no\s+sir"
    r"|(?:stand\s+)?at\s+ease|(?:you{_APOS}re\s+|you\s+are\s+|everyone\s+|all\s+)?dismissed"
    rf"(?:\s+except\s+you)?|fall\s+in(?:\s+{_RANKS})?|{_RANKS}|sound\s+off(?:\s+like\s+you\s+got\s+a\s+pair)?"
    r"|(?:left|right)(?:\s+(?:left|right))+|(?:left|right|about)\s+face|hup(?:\s+(?:two|three|four))*"
    r"|ten[\s-]?hut|atten-?tion|move(?:\s+it)?(?:\s+move(?:\s+it)?)*|go\s+go\s+go|now\s+move"
    r"|hit\s+the\s+deck|eyes\s+front|forward\s+march|company\s+halt|halt)"
)
_INSULT = (
    rf"(?:(?:that|this|it|you)(?:\s+is|\s+are|{_APOS}s|{_APOS}re)\s+(?:a\s+)?(?:disgrace|pathetic|worthless"
    r"|a\s+joke)|what\s+a\s+disgrace|(?:pathetic|worthless|disgraceful|disgusting))"
)
# Commands a user of another voice never says as a phrase of their own: any one marks the voice.
_MARK_ORDER = re.compile(
    r"\s*(?:(?:now|and|then)\s+)*(?:drop\s+and\s+give\s+me|on\s+the\s+double|(?:do|did)\s+you\s+understand"
    r"|(?:sir\s+)?yes\s+sir|sir\s+no\s+sir|(?:stand\s+)?at\s+ease|dismissed"
    r"|fall\s+in|sound\s+off|(?:left|right)\s+(?:left|right|face)|about\s+face|ten[\s-]?hut|listen\s+up\s+"
    rf"{_ADDRESS_WORDS}).*",
    _I,
)
_ANY_MARK = re.compile(rf"\bmaggots?\b|\bdrop\s+and\s+give\s+me\s+{_COUNT}\b", _I)
_WHOLE_ORDER = re.compile(rf"\s*(?:(?:now|and|then|so)\s+)*(?:{_ORDER}|{_INSULT})(?:\s+now)?\s*", _I)
_ADDRESS = re.compile(rf"\s*(?:(?:listen\s+up|now|and)\s+)?{_ADDRESS_WORDS}\s*", _I)
# "I've got forty recruits and I want ...": the recruits counted are no limit.
_GOT_RECRUITS = re.compile(
    rf"\b(?:I{_APOS}ve\s+got|I\s+have|I\s+got|we{_APOS}ve\s+got)\s+{_COUNT}\s+{_RECRUIT}\s*,?\s*(?:and|so)\s+",
    _I,
)
_THEN = re.compile(r"^(\s*)(?:and\s+)?then\s+(?:give\s+me\s+)?", _I)
# Pieces of the question between the marks an order stands between; the marks are kept as they are.
_SPLIT = re.compile(r"(\s*(?:[,.!?:;]+|\s[-\u2013\u2014]+)(?:\s+|$))")
# Orders said with commas or a dash of their own ("Sir, yes, sir", "Left, right, left", "Dismissed -
# except you") are one phrase before the split.
_JOINED = re.compile(
    r"\b(?:(?:sir\s*,\s*)?yes\s*,?\s*sir|(?:left|right)(?:\s*,\s*(?:left|right)\b)+"
    r"|hup(?:\s*,\s*(?:two|three|four)\b)+|dismissed\s*(?:[-\u2013\u2014,]+\s*)?except\s+you"
    rf"|fall\s+in\s*,\s*{_RANKS})",
    _I,
)
_STOP = re.compile(r"[.!?]")
_LOOSE_END = re.compile(r"[\s,;:\-\u2013\u2014]+$")


def _joined(text: str) -> str:
    return _JOINED.sub(lambda m: re.sub(r"\s*[,\-\u2013\u2014]+\s*|\s+", " ", m[0]), text)


def _is_order(piece: str) -> bool:
    return bool(_WHOLE_ORDER.fullmatch(piece))


def _marked(pieces: list[str]) -> bool:
    """Whether the question speaks as a drill sergeant: an order of its own, or a recruit addressed first
    or last."""
    ends = [p for p in (pieces[0], pieces[-1]) if p.strip()] if pieces else []
    return any(_is_order(p) and _MARK_ORDER.fullmatch(p) for p in pieces) or any(
        _ADDRESS.fullmatch(p) and re.search(_RECRUIT, p, _I) for p in ends
    )


def undrill(text: str, model: SemanticModel) -> str:
    """`text` with a drill sergeant's orders set aside around the request; other text is unchanged."""
    parts = _SPLIT.split(_GOT_RECRUITS.sub("", _joined(text)))
    pieces, marks = parts[0::2], [*parts[1::2], ""]
    marked = _ANY_MARK.search(text) or _GOT_RECRUITS.search(text)
    if not (marked or _marked([p for p in pieces if p.strip()])):
        return text
    kept: list[list[str]] = []
    after_order = False
    for piece, mark in zip(pieces, marks, strict=True):
        if _is_order(piece) or _ADDRESS.fullmatch(piece):
            after_order = after_order or _is_order(piece)
            # The sentence an order ended still ends: "not a pie, that is a disgrace! Bars:".
            if kept and _STOP.search(mark) and not _STOP.search(kept[-1][1]):
                kept[-1][1] = mark
            continue
        kept.append([_THEN.sub(r"\1", piece) if after_order else piece, mark])
        after_order = False
    read = _LOOSE_END.sub("", "".join(p + m for p, m in kept))
    if not read.strip() or read == text:
        return text
    if not read.endswith((".", "!", "?")):
        read += "?" if text.rstrip().endswith("?") else "."
    return tidy(read)
