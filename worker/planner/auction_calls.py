"""An auctioneer's calls, set aside around the request they frame. Read only in a question that speaks them
(a call below), so any other question reads exactly as before:
- patter adds nothing, wherever a phrase or sentence is made of it alone: "Ladies and gentlemen", "Lot 42"
  / "lot no. 7" (a label: no limit, value or district), "The final lot of the evening", "the next lot",
  "a fine piece", "the reserve has been met", "bidding starts now", "Fresh to the block", "Up next on the
  block", "under the hammer", "Going once, going twice", "Going, going, gone", "Sold!", "Sold to the
  gentleman in the back / the lady on the phone / the highest bidder / the bidder on line 2", "For the
  highest bidder:"; "The bidding opens on the wind: ..." is "the wind: ...";
- a bid call adds nothing ("Do I hear 8?", "Do I hear 30?", "Do I hear an opening bid?", "Do I hear
  fifty?", "Do I hear any advance?"): a number the request states itself is the request's;
- a bid call naming a chart type asks for it ("Do I hear bars? Bars it is." is "As bars.", "Do I hear a
  line?" is "As a line."), unless the request names another chart type;
- "the highest / lowest bidder" is a ranking only where the question names a measure ("Which company was
  the highest bidder on average price in 2019?" is "Which company had the highest average price in
  2019?"), and "fetched the highest M" is "had the highest M"; with no measure named they are left as
  they are, so the question is refused naming them ("which country fetched the most?").
Hammer prices, reserve prices, catalogues, forecasts ("Do I hear a forecast?") and "the highest bidder
chooses" between two charts are left as they are, and refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unauction"]

_I = re.IGNORECASE
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million"
)
# An auctioneer's call: nothing below is read in a question without one.
_AUCTION = re.compile(
    r"\b(?:lot\s+(?:no\.?\s*|number\s+|#\s*)?\d+|(?:final|last|next|first|opening)\s+lot|going\s+once|"
    r"going\s*,\s*going|do\s+I\s+hear|(?:sold|gone)\s+to\s+the|(?:highest|lowest|top)\s+bidder|"
    r"bidding\s+(?:opens|starts|begins)|reserve\s+(?:has\s+been|is)\s+met|(?:on|to)\s+the\s+block|"
    r"under\s+the\s+hammer)\b",
    _I,
)
# A bid call: "Do I hear 8?", "Do I hear an opening bid?", "Do I hear fifty thousand?".
_BID = (
    r"do\s+I\s+hear\s+(?:(?:an?|any|the)\s+)?(?:(?:opening|first|higher|better|new)\s+)?"
    r"(?:(?:bid|advance|offer|raise)s?(?:\s+of\s+[$£€]?[\d.,]+)?|more|another|[$£€]?\d[\d.,]*\s*(?:k|m)?|"
    rf"(?:(?:{_NUMBER_WORDS})[\s-]*)+)(?:\s+(?:anywhere|now|then|please))?"
)
# A call that names a chart type, with the room's answer ("Bars it is.").
_CHART_WORDS = (
    r"bars?|bar\s+chart|(?:a\s+)?line(?:\s+chart)?|(?:a\s+)?pie(?:\s+chart)?|(?:a\s+)?scatter(?:\s*plot)?|"
    r"(?:a\s+)?histogram"
)
_CHART_CALL = re.compile(
    rf"\bdo\s+I\s+hear\s+(?P<chart>{_CHART_WORDS})\s*\?(?:\s*(?:{_CHART_WORDS})\s+it\s+is\s*[.!]*)?\s*",
    _I,
)
_CHART_AS = {"bar": "bars", "lin": "a line", "pie": "a pie", "sca": "a scatter", "his": "a histogram"}
_NAMES_CHART = re.compile(r"\b(?:bars?|line(?!\s+\d)|pie|scatter(?:\s*plot)?|histogram|doughnut|donut)\b", _I)
_ARTICLE = re.compile(r"^an?\s+", _I)
# "Do I hear gold?": a bid call naming a value of the data adds nothing either.
_VALUE_CALL = re.compile(
    r"\bdo\s+I\s+hear\s+(?:(?:an?|the|some|any)\s+)?(?P<what>[\w' -]{1,30}?)\s*\?\s*", _I
)
_OPENS_ON = re.compile(r"^\W*(?:and\s+)?(?:the\s+)?bidding\s+(?:opens|starts|begins)\s+(?:on|with)\s+", _I)
# Patter: a phrase made only of these (and the connectors) adds nothing.
_PATTER = re.compile(
    r"\b(?:ladies\s+and\s+gentlemen|lot\s+(?:no\.?\s*|number\s+|#\s*)?\d+[a-z]?|"
    r"(?:the\s+)?(?:final|last|next|first|opening)\s+lot(?:\s+of\s+the\s+(?:evening|night|day|sale|auction))?|"
    r"(?:a|an|one|this)\s+(?:very\s+)?(?:fine|rare|lovely|handsome|splendid|choice|superb|exquisite)\s+"
    r"(?:piece|lot|item|specimen|example)|(?:and\s+)?the\s+reserve\s+(?:has\s+been|is)\s+met|"
    r"(?:the\s+)?bidding\s+(?:starts|opens|begins)(?:\s+now)?|(?:fresh|new|up\s+next|next)\s+(?:to|on)\s+the\s+block|"
    r"(?:going\s+)?under\s+the\s+hammer|going\s+(?:once|twice|three\s+times)|going|"
    r"(?:sold|gone)(?:\s+to\s+(?:the|a|an|our|that|this|my)\s+[\w\s'-]{1,40})?|"
    r"(?:for|to)\s+the\s+(?:highest|top)\s+bidder|" + _BID + r")(?=\W|$)",
    _I,
)
_CONNECTOR = re.compile(r"\b(?:and|so|now|then|folks|everyone|please|yes|here\s+we\s+go)\b", _I)
# A phrase ends at a comma, colon, semicolon, sentence end, ellipsis or a dash between spaces.
# "1.5" and "Lot no. 7" are no phrase ends.
_PIECES = re.compile(
    r"(?P<piece>(?:(?!\s+-+\s)[^,:;.!?]|(?<=\d)[.,](?=\d)|(?<=\bno)\.(?=\s*\d))*)"
    r"(?P<end>\s+-+\s+|[,:;.!?]+|$)"
)
_STOP = re.compile(r"[.!?]")
_LEADING = re.compile(r"^[\s,:;.!?-]+")
_BLANK = re.compile(r"[\s'\"()…-]+")
# "the highest bidder on price", "fetched the highest price": a ranking once a measure is named.
_WAS_BIDDER = re.compile(
    r"\b(?:was|is|were|are)\s+the\s+(?P<way>highest|lowest|top)\s+bidders?\s+"
    r"(?:on|for|by|in\s+terms\s+of)\s+",
    _I,
)
_BIDDER = re.compile(
    r"\bthe\s+(?P<way>highest|lowest|top)\s+bidders?\b(?!\s+(?:chooses|picks|decides|gets))", _I
)
_FETCHED = re.compile(r"\bfetch(?:ed|es)?\b(?=\s+the\s+(?:highest|lowest|most|least|top|best|biggest)\b)", _I)


def unauction(text: str, model: SemanticModel) -> str:
    """`text` with an auctioneer's calls set aside; other text is unchanged."""
    if not _AUCTION.search(text):
        return text
    read = _CHART_CALL.sub(lambda m: _chart_asked(m, text), text)
    read = _OPENS_ON.sub("", _unpatter(_VALUE_CALL.sub(lambda m: _value_bid(m, model), read)))
    if not read.strip(" ?!.,;:'\"-"):
        # Nothing but patter ("Going once, going twice..."): left whole, so its refusal names its words.
        return text
    if names_of(model).measures.search(_BIDDER.sub(" ", read)):
        read = _ranked(read)
    return tidy(read) if read != text else text


def _chart_asked(call: re.Match[str], text: str) -> str:
    """ "Do I hear bars? Bars it is." as "As bars.", unless the request names another chart type."""
    rest = text[: call.start()] + text[call.end() :]
    asked = _CHART_AS[_ARTICLE.sub("", call["chart"].lower())[:3]]
    others = {m[0].lower()[:3] for m in _NAMES_CHART.finditer(rest)}
    if others and others != {asked.split()[-1][:3]}:
        return ""
    return f"As {asked}. "


def _value_bid(call: re.Match[str], model: SemanticModel) -> str:
    """A bid call naming nothing but values of the data ("Do I hear gold?") is dropped; others are kept."""
    named = values_named(call["what"], names_of(model))
    return "" if [v.lower() for v in named] == [call["what"].strip().lower()] else call[0]


def _unpatter(text: str) -> str:
    """The text without the phrases made only of patter; the sentence end of a dropped phrase is kept."""
    kept: list[list[str]] = []
    for found in _PIECES.finditer(text):
        piece, end = found["piece"], found["end"]
        if not piece and not end:
            continue
        if piece.strip() and _is_patter(piece):
            if kept and _STOP.search(end) and not _STOP.search(kept[-1][1]):
                kept[-1][1] = end.strip()[-1:]
            continue
        kept.append([piece, end])
    read = "".join(piece + end for piece, end in kept)
    return _LEADING.sub("", read)


def _is_patter(piece: str) -> bool:
    left = _CONNECTOR.sub(" ", _PATTER.sub(" ", piece))
    return not _BLANK.sub("", left)


def _ranked(text: str) -> str:
    """The highest bidder as the top value of the named measure, "fetched" as "had"."""
    read = _WAS_BIDDER.sub(lambda m: f"had the {_way(m['way'])} ", text)
    read = _BIDDER.sub(lambda m: f"the {_way(m['way'])}", read)
    return _FETCHED.sub("had", read)


def _way(word: str) -> str:
    return "lowest" if word.lower() == "lowest" else "highest"
