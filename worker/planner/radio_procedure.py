"""A radio operator's procedure and NATO phonetic spelling, spelt as the plain request it carries. Read
only in a message in radio procedure (a call sign opening it, "Over." or "Out." closing it, "Wilco",
"Roger, Control.") or spelling a word in code words ("Sierra-Alpha-Tango"), so any other question reads
exactly as before:
- the call sign and addressee are labels, not values or numbers: "Control, this is Bravo Two.", "Control,
  Bravo Two.", "Roger, Control.", "Copy, Control.", "Mike One requesting ..." come off ("Bravo Two" sets no
  limit of 2);
- "Request" / "requesting", "Over.", "Out.", "Over and out.", "Wilco.", "Roger." and "Copy." add nothing;
  "Affirmative" is "yes", and "Affirmative, all three species." names every species (no filter);
- "Break." separates the parts of one message: the parts are read as one request (two charts asked stay
  refused downstream);
- "I say again, X" repeats what it follows: it comes off when X was said before it;
- "Negative X" is "not X" ("Negative pie: bars" is "Not a pie: bars", read by worker.planner.must_not);
- code words and radio numerals are read by worker.planner.phonetic_spelling.
"Say again your last chart" (pointing back at an earlier chart) is left, and refused downstream. Text not
recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.phonetic_spelling import CODE_WORD, has_spelling, unnumber, unspell
from worker.semantic import SemanticModel

__all__ = ["unradio"]

_I = re.IGNORECASE
_NUMBER_WORD = r"(?:zero|one|two|three|tree|four|fower|five|fife|six|seven|eight|nine|niner|\d{1,2})"
# A call sign: a code word and a number, written capitalised as a name is ("Bravo Two", "X-ray Three").
_CALL_SIGN = rf"(?:(?i:{CODE_WORD})\s+(?i:{_NUMBER_WORD}))"
_CALL_SIGN_CASED = r"(?-i:[A-Z][\w-]*\s+[A-Z0-9]\w*)"
_ADDRESSEE = r"(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*))?"
_ACK = r"(?:roger|copy(?:\s+that)?|wilco|affirmative)"
# An opening: "Control, this is Bravo Two." / "Control, Bravo Two." / "Base, this is Echo Four,".
_OPENING = re.compile(
    rf"^\s*(?:{_ADDRESSEE}\s*,\s*)?(?:this\s+is\s+)?(?={_CALL_SIGN_CASED}){_CALL_SIGN}\s*(?:[.,:;!]|\s+-)\s*",
    _I,
)
# An acknowledgement opening: "Roger, Control." / "Copy." / "Wilco, Base.".
_ACK_OPENING = re.compile(rf"^\s*{_ACK}(?:\s*,\s*{_ADDRESSEE})?\s*[.!;]\s*", _I)
# "Radio check, over." opening a message asks only to be heard.
_CHECK_OPENING = re.compile(r"^\s*radio\s+check\s*(?:,\s*over(?:\s+and\s+out)?\s*)?[.!;]\s*", _I)
# A call sign speaking in the third person: "Mike One requesting ...".
_CALLER = re.compile(rf"(?<![\w-])(?={_CALL_SIGN_CASED}){_CALL_SIGN}\s+(?=request(?:s|ing)?\b)", _I)
_CLOSING = re.compile(
    r"(?:(?<=^)|(?<=[.!?;,])|(?<=[.!?;,]\s))\s*(?:over(?:\s+and\s+out)?|out|wilco|roger(?:\s+that)?|"
    r"copy(?:\s+that)?)\s*[.!]?\s*$",
    _I,
)
_RADIO_WORD = re.compile(r"\b(?:wilco|over\s+and\s+out|radio\s+check)\b|(?:^|[.!?]\s+)over\s*[.!]?\s*$", _I)
_REQUEST = re.compile(r"(?:(?<=^)|(?<=[.!?:;]\s)|(?<=[.!?:;]))\s*request(?:ing)?\s+(?:a\s+|an\s+)?", _I)
_WILCO = re.compile(r"(?:(?<=^)|(?<=[.!?;]\s)|(?<=[.!?;]))\s*(?:wilco|roger|copy)\s*[.!]\s*", _I)
_BREAK = re.compile(r"(?<=[.!?;])\s*break\s*[.!;]\s*", _I)
_AFFIRMATIVE_ALL = re.compile(
    r"(?:(?<=^)|(?<=[.!?;]\s))\s*affirmative\s*,\s*all(?:\s+(?:the\s+)?[\w-]+)?\s+[a-z]+\s*[.!;]\s*", _I
)
_AFFIRMATIVE = re.compile(r"(?:(?<=^)|(?<=[.!?;]\s))\s*affirmative\s*[.!;,]\s*", _I)
_SAY_AGAIN = re.compile(r"\s*,?\s*\bI\s+say\s+again\s*,\s*(?P<what>[^.:;!?]+?)\s*(?=[.:;!?]|$)", _I)
_NEGATIVE = re.compile(r"(?<![\w-])negative\s+(?P<what>[a-z][\w-]*)", _I)
_TYPES = re.compile(r"(?:pie|bar|line|scatter|histogram|donut|column)s?$", _I)
_SPACES = re.compile(r"\s{2,}")
_DOUBLE_STOP = re.compile(r"(?<=[.!?;:])\s*\.")
# Radio brevity: "Single direction only." is "Only one direction.".
_SINGLE = re.compile(r"\bsingle\s+(?P<what>[a-z]+)\s+only\b", _I)
# A level said as its number, then named ("below one-point-zero, its January 2018 level"): the prices are
# relative, so 1 is that level, and the name carries its period, which is no period of the chart.
_LEVEL_GLOSS = re.compile(r"(?<![\w.])1(?:\.0+)?\s*,\s*(?P<gloss>(?:its|their)\s+[^,.;:]*?\blevel)\s*,?", _I)


def _in_radio(text: str) -> bool:
    return bool(
        _OPENING.search(text) or _ACK_OPENING.search(text) or _RADIO_WORD.search(text) or has_spelling(text)
    )


def unradio(text: str, model: SemanticModel) -> str:
    """`text` with radio procedure, code words and radio numerals spelt as the plain request."""
    if not _in_radio(text):
        return text
    read = text
    # The openings can stack: "Roger, Control. Affirmative, ... ".
    for _ in range(3):
        before = read
        read = _CHECK_OPENING.sub("", _ACK_OPENING.sub("", _OPENING.sub("", read)))
        if read == before:
            break
    read = _CALLER.sub("", read)
    for _ in range(3):
        before = read
        read = _CLOSING.sub("", read)
        if read == before:
            break
    read = _AFFIRMATIVE.sub("", _AFFIRMATIVE_ALL.sub("", read))
    read = _WILCO.sub("", _BREAK.sub(" ", read))
    read = _unrepeat(read)
    read = _NEGATIVE.sub(_not, read)
    read = _REQUEST.sub(" ", read)
    read = unnumber(unspell(read, model), model)
    read = _LEVEL_GLOSS.sub(lambda m: m["gloss"], _SINGLE.sub(lambda m: f"only one {m['what']}", read))
    read = _DOUBLE_STOP.sub("", _SPACES.sub(" ", read)).strip()
    return read[:1].upper() + read[1:] if read else text


def _unrepeat(text: str) -> str:
    """Without "I say again, X" where X was said before it (a repeat adds nothing)."""

    def said(m: re.Match[str]) -> str:
        return "" if m["what"].lower() in text[: m.start()].lower() else m[0]

    return _SAY_AGAIN.sub(said, text)


def _not(m: re.Match[str]) -> str:
    what = m["what"]
    article = "a " if _TYPES.fullmatch(what) and not what.lower().endswith("s") else ""
    return f"not {article}{what}"
