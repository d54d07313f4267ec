"""A stage magician's patter ("Pick a card, any card!", "Abracadabra!") set aside around the request each
trick performs. Read only in a question that speaks it (a marker below: "pick a card", "pick a X, any X",
"any card", "up my sleeve", "abracadabra", "presto", "ta-da", "voila", "hocus pocus", "watch closely", "my
next trick", "grand finale", "top hat", a playing card such as "the ace of spades", "the card says", "make
X disappear / vanish"), so any other question reads exactly as before:
- patter names nothing and comes off: "Pick a card(, any card)", "Pick a year, any year", "Nothing up my
  sleeve (but)", "Abracadabra", "Presto", "Ta-da", "Voila", "Hocus pocus", "(Now) watch closely", "(And)
  for my next trick", "For my grand finale", "From this top hat...", "the card says", "(Now) just one
  card"; a playing card ("the three of diamonds", "the queen of hearts", "The seven of clubs! Seven!") is
  no number, limit, band or value, and "X vanishes... and reappears as a histogram" asks for the histogram;
- "make X disappear / vanish" (after "I will now", "I", "Watch as I", "Watch me"; with a trailing "from the
  world", "into thin air") is an exclusion where X names values of the data ("Sunday", "the bronze
  medals", "Facebook"): the request gets "excluding X", and the ones kept are all the rest: "the remaining
  / the other (five) Xs" are all Xs, "the rest of the world" is the world, "of the rest / the others" and
  "left on stage" add nothing, "Every nation's remaining medals" is every nation's medals;
- a value or year revealed on its own before the request ("From this top hat... South Korea!", "1977!")
  is planned only where the request points back to it ("their", "in that year"); where the request names
  it again, the reveal adds nothing.
"Make X disappear" where X names no value ("one direction"), or two left to choose ("Sunday or Saturday",
"- the west or the east, you choose -"), is left whole, and so are rabbits, a value made to appear, the
lovely assistant's earnings and a card drawn to choose between two readings (refused downstream as what
the data cannot answer). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import Names, names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unmagic"]

_I = re.IGNORECASE
_RANK = r"(?:ace|king|queen|jack|knave|two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)"
_SUIT = r"(?:spades|hearts|diamonds|clubs)"
_SPELL = r"(?:abracadabra|presto(?:[\s-]+chango)?|ta-?da+|voil[a\u00e0]|hocus[\s-]+pocus|alakazam|shazam)"
_GONE = r"(?:disappear|vanish)"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\b(?:pick\s+a\s+card|pick\s+an?\s+(?P<what>\w+)\s*[,-]?\s*any\s+(?P=what)|any\s+card|up\s+my\s+sleeves?"
    rf"|{_SPELL}|watch\s+closely|(?:next|final)\s+trick|grand\s+finale|top\s+hat|{_RANK}\s+of\s+{_SUIT}"
    rf"|the\s+card\s+says|make\s+[^.!?:;]{{1,60}}?\s+{_GONE})(?!\w)",
    _I,
)
# "the queen of hearts vanishes... and reappears as a histogram": only the histogram is asked.
_REAPPEAR = re.compile(
    rf"(?:(?:now\s+)?watch\s+(?:closely\s+)?as\s+)?(?:the\s+|my\s+|this\s+)?(?:{_RANK}\s+of\s+{_SUIT}|card|coin|dove|"
    r"rabbit|it)\s+(?:vanishes|disappears)(?:\s*(?:\.{2,}|\u2026))?"
    r"\s*,?\s*(?:and|then|only\s+to)\s+(?:then\s+)?(?:reappears?|returns?|comes\s+back)\s+as\s+",
    _I,
)
# "I will now make Sunday disappear (from the world)": an exclusion where X names values of the data.
_MAKE_GONE = re.compile(
    r"(?:\b(?:and\s+)?(?:now\s+)?(?:I(?:\s+will|\s+shall|'ll|\u2019ll)?\s+(?:now\s+)?|watch\s+(?:as\s+I|me)\s+"
    r"|let\s+me\s+))?\bmake\s+(?P<x>[^.!?:;]{1,60}?)\s+" + _GONE + r"\w*"
    r"(?:\s+(?:from|off|into|before|in\s+front\s+of)\s+(?:[\w']+\s+){0,2}?"
    r"(?:world|stage|air|eyes|table|deck|data|chart|hat|room|audience|sight|view))?",
    _I,
)
# Two to choose from, in X or in an aside after it ("- the west or the east, you choose -").
_EITHER = re.compile(r"\bor\b|\bwhichever\b|\byou\s+choose\b", _I)
_ASIDE = re.compile(r"\s*[-\u2013\u2014][^.!?:;\u2013\u2014-]*", _I)
_CARD = re.compile(rf"\b(?:the\s+)?(?P<n>{_RANK})\s+of\s+{_SUIT}\b(?:\s*[!.]+\s*(?P=n)\b(?=\s*[!.]))?", _I)
# Patter that names nothing; the "but" after the sleeve leads into what is up it.
_PATTER = re.compile(
    rf"\b(?:pick\s+an?\s+(?P<what>\w+)(?:\s*[,-]?\s*any\s+(?P=what))?|any\s+card|{_SPELL}"
    r"|nothing\s+(?:up|in)\s+(?:my|the)\s+sleeves?(?:\s+but\b)?|(?:now\s+)?watch\s+(?:closely|carefully)"
    r"|(?:and\s+)?for\s+my\s+(?:next|last|final|first)\s+trick|(?:and\s+)?for\s+my\s+(?:grand\s+)?finale"
    r"|from\s+(?:this|my|the)\s+(?:top\s+|magic\s+)?hat(?:\s*(?:\.{2,}|\u2026))?|the\s+card\s+says"
    r"|(?:now,?\s+)?(?:just|only)\s+one\s+card)(?!\w)",
    _I,
)
_SENTENCES = re.compile(r"(?<=[.!?\u2026])\s+")
# What is left of a sentence whose patter came off: leading punctuation and connectors.
_LEAD = re.compile(r"^(?:[\s,:;.!?\u2026\u2013\u2014-]|\b(?:now|and|so|then)\b)+", _I)
_EMPTY = re.compile(r"^[\s,:;.!?\u2026\u2013\u2014'\"-]*$")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_AND = re.compile(r"\b(?:and|or|but)\b", _I)
# After an exclusion, what is "left on stage" adds nothing; "the remaining X" and "the rest of the X" are
# read by worker.planner.remaining, after the exclusion this reader adds.
_KEPT = [
    (
        re.compile(
            r"\s*\b(?:(?:that|which)\s+(?:are\s+)?)?(?:still\s+)?(?:left|remaining|remain)\s+"
            r"(?:on\s+(?:the\s+)?stage|in\s+the\s+(?:deck|hat)|behind)\b",
            _I,
        ),
        "",
    ),
]


def unmagic(text: str, model: SemanticModel) -> str:
    """`text` with a magician's patter set aside; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    excluded: list[str] = []
    read = _REAPPEAR.sub("", text)
    for made in _MAKE_GONE.finditer(read):
        x, aside = made["x"], _ASIDE.match(read, made.end())
        gone = values_named(x, names)
        if _EITHER.search(x + (aside[0] if aside else "")) or not gone:
            # Nothing of the data, or two left to choose: the trick is left whole, to be refused.
            return text
        # Only the values: a first name ("Denis Coderre") or a noun around them names nothing more.
        excluded.extend(gone)
    read = _PATTER.sub(" ", _CARD.sub(" ", _MAKE_GONE.sub(" ", read)))
    request = _unreveal([_LEAD.sub("", s) for s in _SENTENCES.split(read.strip())], names)
    if not request:
        return text
    said = " ".join(request)
    if excluded:
        for pattern, plain in _KEPT:
            said = pattern.sub(plain, said)
        said = re.sub(r"[\s.!?]+$", "", said) + ", excluding " + " and ".join(excluded) + "."
    said = tidy(said)
    return said if said.strip() and said != tidy(text) else text


def _unreveal(sentences: list[str], names: Names) -> list[str]:
    """The request's sentences, a value revealed alone before them kept only where they point back."""
    out: list[str] = []
    for i, sentence in enumerate(sentences):
        if _EMPTY.match(sentence):
            continue
        revealed = values_named(sentence, names) + _YEAR.findall(sentence)
        if not revealed or not _EMPTY.match(_AND.sub("", _bare(sentence, revealed))):
            out.append(sentence)
            continue
        rest = " ".join(s for s in sentences[i + 1 :] if not _EMPTY.match(s))
        pointed = points_back(rest)
        if pointed and not any(v.lower() in rest.lower() for v in revealed):
            return [*out, f"{' and '.join(revealed)}: {pointed}"]
        # Named again, or not pointed back to: the reveal adds nothing.
    return out


def _bare(sentence: str, revealed: list[str]) -> str:
    for value in revealed:
        sentence = re.sub(rf"{re.escape(value)}(?:['\u2019]s)?", " ", sentence, flags=_I)
    return sentence
