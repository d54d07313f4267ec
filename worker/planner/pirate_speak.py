"""A pirate's words ("Ahoy", "me hearties", "booty", "ye") spelt as plain English. Read only in a question
that speaks pirate (a word of _PIRATE below), so any other question reads exactly as before:
- greetings, oaths and address come off: "Ahoy", "Arr", "Yarr", "Yo ho ho", "Avast (ye)", "Shiver me
  timbers", "Becalmed!", "me hearties", "matey", "ye scallywags", "ye bilge rat", "ye scurvy dogs", "ye
  landlubbers"; so do "for me log" and a shipmate who relays the question ("me ship's cook wants to know");
- clipped words are whole: "o'" of, "an'" and, "'em" them, "haulin'" hauling, "be" is / are ("that be" at
  a gloss's end comes off), "ye" you, "yer" your, "me" my before a noun ("for me log"), "fetch me" show me;
- the restaurant's "landlubbers" are its diners and name nothing: "tables o' landlubbers" are tables;
- words that name a measure, only where the question fixes which: on the medals data (a question naming
  medals or the Olympics) "booty", "plunder" and "haul" are the medals, and hauling them is winning them;
  "doubloons" left for the waiter are the tip; "treasure per head" on the countries' data is GDP per
  capita, and "the whole treasure o' the seven seas" beside the world's GDP is the world's total GDP;
  "plundered the most votes" won them; "souls" are people; "sink below" is drop below; "blooms" flowers;
  "sat down to lunch" is at lunch ("sat" is no Saturday), and "which way does the wind blow" is where.
What no data holds (buried treasure, ships, grog, pieces of eight, port and starboard, a treasure map) is
refused here, naming the words (_REFUSED); a pirate word left between readings ("treasure" alone, "the
booty by day") is left as it is, and refused downstream, named. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unpirate"]

_I = re.IGNORECASE
# A pirate's word: nothing below is read in a question without one.
_PIRATE = re.compile(
    r"\b(?:ahoy|a+rr+(?:gh)?(?=\s*[,;:!.]|\s+matey)|ya+rr+|avast|yo\s+ho(?:\s+ho)?|shiver\s+me\s+timbers|hearties|mateys?|"
    r"scallywags?|landlubbers?|bilge\s+rats?|scurvy|booty|plunder(?:s|ed|ing)?|doubloons?|buccaneers?|"
    r"me\s+ship'?s?|seven\s+seas|blow\s+me\s+down)\b",
    _I,
)
_DASH = r"[\-\u2013\u2014]"
# Greetings and oaths, with the punctuation after them.
_OATH = re.compile(
    r"\b(?:ahoy(?:\s+there)?|ya+rr+|a+rr+(?:gh)?(?=\s*[,;:!.]|\s+matey)|avast(?:\s+ye)?|yo\s+ho(?:\s+ho)*(?:\s+and\s+a\s+bottle\s+"
    r"of\s+rum)?|shiver\s+(?:me|my)\s+timbers|blow\s+me\s+down)\b[,;:!.]*",
    _I,
)
_BECALMED = re.compile(r"^\W*becalmed\s*[,!;:]+", _I)
# Address: who is spoken to, never what is charted.
_ADDRESS = re.compile(
    r"[,;]?\s*\b(?:(?:me|my)\s+(?:hearties|buck(?:o|ies)|lads?|beauties)|mateys?|"
    r"ye\s+(?:(?:scurvy|lily-livered|salty|old)\s+)?(?:scallywags?|bilge\s+rats?|dogs?|sea\s+dogs?|swabs?|"
    r"landlubbers?|rapscallions?|buccaneers?|knaves?|sprogs?|lubbers?))\b(?=\s*[,;:!.?]|\s*$)",
    _I,
)
_ADDRESS_LEAD = re.compile(r"^\W*(?:(?:me|my)\s+hearties|mateys?)\b[,;:!.]*", _I)
_LOG = re.compile(r",?\s*\bfor\s+(?:me|my|the\s+captain'?s|the)\s+(?:log|logbook|captain|crew)\b", _I)
# A shipmate who wants the answer: "Me ship's cook wants to know the ..." asks for "the ...".
_RELAY = re.compile(
    r"\b(?:me|my|the)\s+(?:ship'?s\s+)?(?:cook|captain|quartermaster|first\s+mate|bosun|boatswain|crew)"
    r"\s+(?:wants|would\s+like|wishes)\s+to\s+(?:know|see)\s+",
    _I,
)
_CLIPPED = [
    (re.compile(r"(?<![\w'])o'(?=\s)", _I), "of"),
    (re.compile(r"(?<![\w'])an'(?=\s)", _I), "and"),
    (re.compile(r"(?<![\w'])'em\b", _I), "them"),
    (re.compile(r"\b(\w{2,}in)'(?=[\s,;:.!?]|$)", _I), r"\1g"),
    (re.compile(r"\byer\b", _I), "your"),
    (re.compile(r"\bfetch\s+me\b", _I), "show me"),
]
_THAT_BE = re.compile(r",?\s*\bthat\s+be\b(?=\s*[,;:.!?]|\s*$)", _I)
# "be" after a plural subject ("souls be") is "are"; otherwise "is".
_BE_PLURAL = re.compile(r"\b(\w+s|they|we|you|ye|these|those|them)\s+be\b", _I)
_BE = re.compile(r"(?P<pre>\b\w+\s+)?\bbe\b(?=\s+\w)", _I)
# After these "be" is today's "be" ("will be the highest", "to be in 2007").
_BE_KEPT = {"to", "will", "would", "can", "could", "should", "shall", "must", "may", "might", "not"}
_WHERE_BE = re.compile(r"\b(where|what|which|who|how\s+much)\s+be\b", _I)
_YE = re.compile(r"\bye\b", _I)
# "me" is "my" before a noun ("for me log"), not after a verb that takes it ("show me tips", "draw me a").
_MY = re.compile(
    r"(?P<pre>\b\w+\s+)?(?<![\w'])me\s+(?!(?:a|an|the|all|each|every|some|how|what|which|where|who|why|"
    r"when|this|that|these|those|one|two|three|four|five|six|seven|eight|nine|ten|\d+|in|on|at|by|for|to|"
    r"from|with|and|or|if|know|see|up|out|down|back|just|only)\b)(?=[a-z])",
    _I,
)
_TAKES_ME = {
    "show", "give", "fetch", "draw", "tell", "plot", "chart", "get", "bring", "let", "make", "find", "send",
    "help", "hand", "lend", "pass", "sketch", "build", "paint", "graph", "list", "rank", "read", "sing",
    "gimme", "count", "sort", "break", "lay", "set", "put", "do", "pour", "chalk", "mark",
}  # fmt: skip
_LANDLUBBER_OF = re.compile(r"\s+of\s+(?:the\s+)?landlubbers\b", _I)
_LANDLUBBERS = re.compile(r"\b(?:the\s+)?landlubbers?\b", _I)
_MEDAL_DATA = re.compile(r"\b(?:medals?|olympics?|olympians?)\b", _I)
_HAUL_VERB = re.compile(r"\bhaul(ing|s|ed)?\s+(?:in\s+)?(?=(?:the\s+)?(?:most|fewest|least|more)\b)", _I)
# "medal haul" is the model's own word, and stays.
_BOOTY = re.compile(r"\b(?:medal\s+)?(?:booty|plunder|loot)\b(?!\s+medals?\b)|(?<!medal\s)\bhaul\b", _I)
# "plundered the most votes" won them; "plunder" alone is a noun ("the gold plunder").
_PLUNDERED = re.compile(
    r"\bplunder(ed|ing)\b|\bplunder(s)?\b(?=\s+(?:the\s+)?(?:most|fewest|least|more|\d+)\b)", _I
)
_WON = {"ed": "won", "s": "wins", "ing": "winning", "": "win"}
_VOTES = re.compile(r"\bvotes?\b", _I)
_DOUBLOON_ASK = re.compile(
    r"\bhow\s+many\s+doubloons\s+(?:did|do|does)\s+(?:the\s+)?[\w\s]{0,20}?\s*(?:leave|give|tip|pay)"
    r"(?:\s+(?:for\s+)?the\s+(?:waiter|waitress|staff|server))?",
    _I,
)
_DOUBLOONS_LEFT = re.compile(
    r"\b(?:the\s+)?doubloons?\s+(?:left|given|tipped)(?:\s+(?:for\s+)?the\s+(?:waiter|waitress|staff|server))?",
    _I,
)
_TIPS_DATA = re.compile(r"\b(?:tips?|waiter|waitress|bill|bills)\b", _I)
_PER_HEAD = re.compile(r"\b(?:treasure|riches|wealth|gold)\s+per\s+(?:head|person|soul)\b", _I)
_COUNTRY_DATA = re.compile(r"\b(?:gdp|countr(?:y|ies)|continents?|richest|poorest)\b", _I)
_SEVEN_SEAS = re.compile(
    rf"\s*{_DASH}?\s*\bthe\s+whole\s+treasure\s+of\s+(?:all\s+)?the\s+seven\s+seas\b\s*{_DASH}?\s*", _I
)
_WORLD_GDP = re.compile(r"\bworld'?s?\b[^.?!]{0,20}\bgdp\b|\bgdp\b[^.?!]{0,20}\bworld\b", _I)
_WORDS = [
    (re.compile(r"\bsouls\b", _I), "people"),
    (re.compile(r"\bsink\s+(?=below\b)", _I), "drop "),
    (re.compile(r"\bsinks\s+(?=below\b)", _I), "drops "),
    (re.compile(r"\bsinking\s+(?=below\b)", _I), "dropping "),
    (re.compile(r"\bsank\s+(?=below\b)", _I), "dropped "),
    # "sat down to lunch" is at lunch: "sat" alone would be read as Saturday.
    (re.compile(r"\b(?:sat|sit|sitting|sits)\s+down\s+(?:to|for)\s+(?=(?:lunch|dinner)\b)", _I), "at "),
    # A sailor asks "which way" the wind blows: where it blows from.
    (re.compile(r"\bwhich\s+way\s+(?=(?:does|do|did)\s+the\s+winds?\s+blow\b)", _I), "where "),
    (re.compile(r"\bblooms\b", _I), "flowers"),
    (re.compile(r"\bbloom\b", _I), "flower"),
]

# What a pirate asks for that no data holds, and why it cannot be charted, naming the words.
_REFUSED = [
    (
        r"\bburied\s+treasure\b|\btreasure\s+(?:buried|hidden)\b|\bbur(?:y|ied)\s+(?:the\s+|their\s+)?treasure\b",
        "“{w}” is in no data: there is nothing buried to count",
    ),
    (r"\btreasure\s+maps?\b", "“{w}”: chartq draws charts, not maps"),
    (
        r"\bpieces?\s+of\s+eight\b",
        "“{w}” is a currency the data does not use, and no exchange rate is given",
    ),
    (
        r"\b(?:port\s+(?:and|or|against|versus|vs\.?)\s+starboard|starboard\s+(?:and|or|against|versus|vs\.?)"
        r"\s+port|starboard|from\s+port)\b",
        "“{w}”: port and starboard are sides of a ship, which turn with its heading, so they name no compass"
        " direction; name the directions",
    ),
    (r"\b(?:grog|rum|ale)\b", "“{w}” is in no data: the tips data has bills and tips, not drinks"),
    (
        r"\bhow\s+many\s+(?:ships|galleons|vessels)\b|\b(?:ships|galleons|vessels)\s+(?:did|do|does|sent|per|by)\b",
        "“{w}”: no data counts ships",
    ),
]
_PATTERNS = [(re.compile(p, _I), why) for p, why in _REFUSED]


def _refuse(text: str, model: SemanticModel) -> None:
    """Raise, naming the words, when a pirate asks for something no data holds."""
    for pattern, why in _PATTERNS:
        if m := pattern.search(text):
            raise UnchartableQuestion(
                with_example(f"chartq cannot chart this: {why.format(w=m[0])}", text, model)
            )


def unpirate(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has no pirate word."""
    if not _PIRATE.search(text):
        return text
    read = _BECALMED.sub("", _OATH.sub("", text))
    read = _ADDRESS_LEAD.sub("", _ADDRESS.sub("", read))
    read = _RELAY.sub("", _LOG.sub("", read))
    _refuse(read, model)
    for pattern, plain in _CLIPPED:
        read = pattern.sub(plain, read)
    read = _THAT_BE.sub("", read)
    read = _WHERE_BE.sub(lambda m: f"{m[1]} is", read)
    read = _BE_PLURAL.sub(r"\1 are", read)
    read = _BE.sub(lambda m: m[0] if _kept(m, _BE_KEPT) else f"{m['pre'] or ''}is", read)
    read = _YE.sub("you", read)
    read = _MY.sub(lambda m: m[0] if _kept(m, _TAKES_ME) else f"{m['pre'] or ''}my ", read)
    read = _LANDLUBBERS.sub("they", _LANDLUBBER_OF.sub("", read))
    read = _measures(read)
    for pattern, plain in _WORDS:
        read = pattern.sub(plain, read)
    return _tidy(read)


def _kept(m: re.Match[str], words: set[str]) -> bool:
    """Whether the word before a match is one after which the pirate's word reads as today's."""
    return bool(m["pre"]) and m["pre"].strip().lower() in words


def _measures(text: str) -> str:
    """The pirate's words for a measure, read only where the question fixes the measure they name."""
    if _MEDAL_DATA.search(text) or _VOTES.search(text):
        text = _PLUNDERED.sub(lambda m: _WON[m[1] or m[2] or ""], text)
    if _MEDAL_DATA.search(text):
        text = _HAUL_VERB.sub(lambda m: _WON[m[1] or ""] + " ", text)
        text = _BOOTY.sub("medals", text)
    if _TIPS_DATA.search(text):
        text = _DOUBLOON_ASK.sub("how much tip", text)
        text = _DOUBLOONS_LEFT.sub("the tip", text)
    if _COUNTRY_DATA.search(text):
        text = _PER_HEAD.sub("GDP per capita", text)
    if _WORLD_GDP.search(text):
        text = _SEVEN_SEAS.sub(" ", text)
    return text


def _tidy(text: str) -> str:
    """Spaces and stray commas left where the words were, and a capital to start."""
    text = " ".join(text.split())
    text = re.sub(r"\s+(?=[,;:!?.](?:\s|$))", "", text)
    text = re.sub(r"([,;:!?.])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:]+(?=[.?!])|^[\s,;:.?!]+|[\s,;:]+$", "", text)
    return text[:1].upper() + text[1:]
