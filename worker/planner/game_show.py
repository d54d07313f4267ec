"""A game show host's patter ("Is that your final answer?", "Survey says!") set aside around the one request
it carries. Read only in a question that speaks it (a marker below: "Chart or No Chart", "game show",
"contestant number N", "final answer", "lifeline(s)", "phone a friend", "50:50", "survey says", "grand
prize", "the right answer", "answers on the board", "right back after the break", "tonight's category",
"you have N seconds", a prize "for 64,000 dollars!"), so any other question reads exactly as before (a
quiz-master's rounds and points are worker.planner.quiz_master's):
- the host's lines that ask for nothing come off: "Is that your final answer?", "Let's see if it's the
  right answer!", "you have 30 seconds", a contestant addressed ("Contestant number three, ...", ", contestant
  number two"), and a prize ("for the grand prize (of 64,000 dollars)", "for 1,000 dollars");
- a hand-over introduces the request: "contestant number four wants", "but first,", "after the break,",
  "Tonight,", and before a colon "Your question", "Tonight's category for ...", "The top answer", a prize or
  a contestant come off with all the patter before them; an episode's number is a label, never a year;
- a sentence or a clause (ended by a spaced dash, a colon or a semicolon) of the show that asks nothing (no
  question, no request's verb, no measure or group of the data) comes off whole: "Welcome back to Chart or
  No Chart, episode 1952!", "Survey says!", "We asked 100 diners.", "The top five answers on the board are
  in!", "You have two lifelines left: phone a friend or 50:50", "Don't go away, we'll be right back after the
  break": the prize money, contestant and episode numbers, lifelines, "100 diners" and "the top five answers"
  are no limit, threshold, year or ranking, and a value or chart named only there sets nothing.
Two charts ("as a second chart") are refused here: chartq draws one chart per question; so is a choice left
to the audience ("whichever one the audience picks"), and a request for the show's own things (prize money,
contestants, episodes, lifelines, commercial breaks), which no dataset holds. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re

from worker.planner.chart_count import refuse_second_chart
from worker.planner.errors import NotInTheData
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of
from worker.semantic import SemanticModel

__all__ = ["ungame_show"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_NUMBER = r"(?:number\s+|no\.?\s*|#\s*)\w+"
_MONEY = r"\$?\d[\d,.]*(?:\s+(?:thousand|million))?\s+(?:dollars|bucks)|\$\d[\d,.]*"
_PRIZE = rf"(?:grand|top|star|big|cash)\s+prize(?:\s+of\s+(?:{_MONEY}))?|jackpot|{_MONEY}"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\b(?:chart\s+or\s+no\s+chart|game\s+show|contestants?\s+{_NUMBER}|(?:our|next|lucky)\s+contestant"
    rf"|final\s+answer|lifelines?|phone\s+a\s+friend|50\s*:\s*50|survey\s+says|grand\s+prize"
    rf"|(?:it|that){_Q}s\s+the\s+right\s+answer|answers?\s+on\s+the\s+board|right\s+back\s+after\s+the\s+break"
    rf"|tonight{_Q}s\s+category|you\s+have\s+[\w-]+\s+seconds|ask\s+the\s+audience|come\s+on\s+down"
    rf"|for\s+(?:the\s+)?(?:{_PRIZE})\s*[:!])",
    _I,
)
# Words of the show: a sentence or clause with one that asks nothing is patter.
_SHOW = re.compile(
    rf"{_VOICE.pattern}|\b(?:contestants?|lifelines?|prizes?|answers?|board|audience|studio|episode"
    rf"|category|break|buzzer|applause|welcome|go\s+away|we\s+(?:asked|surveyed|polled)|question|host"
    rf"|seconds|clock|the\s+show)\b",
    _I,
)
_CHART = r"(?:pie|line|bar|histogram|scatter|area|donut|chart|graph|plot)s?"
# What asks: a question, a request's verb, a chart, "I want", or a choice left open (refused downstream); a
# question word asks where it opens the clause: "the game show where everyone wins" asks nothing.
_ASKS = re.compile(
    r"\?\s*$|^\W*(?:how|what|which|who|whose|where|when|chart|graph|display|rank)\b(?!\s+or\s+no\b)"
    rf"|\b(?:(?<!the\s)(?<!game\s)show|number\s+of|count\s+of|total\s+of|plot|draw|give|list|compare|tell"
    rf"|whichever|either|let\s+me\s+see|I\s+(?:want|need|would\s+like)|I{_Q}d\s+like|wants"
    rf"|an?\s+{_CHART}\s+of|as\s+(?:an?\s+)?{_CHART})\b",
    _I,
)
# A hand-over with its colon: what follows is the request, and all said before it is patter.
_HANDOVER = re.compile(
    rf"\b(?:for\s+(?:the\s+)?(?:{_PRIZE})|contestant\s+{_NUMBER}|(?:your|the|tonight{_Q}s)\s+(?:next\s+|final\s+)?"
    rf"(?:question|category)(?:\s+is)?(?:\s+for\s+contestant\s+{_NUMBER})?|the\s+(?:top|number\s+one)\s+answer"
    rf"(?:\s+is)?)\s*:\s*",
    _I,
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# A clause ends at a spaced dash, a colon or a semicolon; the mark is kept with the clause after.
_CLAUSES = re.compile(r"(\s+[-\u2013\u2014]+\s+|:\s+|;\s+)")
# The host's lines that ask nothing, wherever they stand.
_LINES: list[re.Pattern[str]] = [
    re.compile(r",?\s*\b(?:is|was)\s+(?:that|this)\s+(?:your|the)\s+final\s+answer\b\s*\??", _I),
    re.compile(
        rf",?\s*\b(?:let{_Q}?s|we{_Q}ll)\s+see\s+if\s+(?:it|that)(?:{_Q}s|\s+is)\s+the\s+right\s+answer\b", _I
    ),
    re.compile(
        rf",?\s*\byou(?:{_Q}ve|\s+have)\s+(?:got\s+)?(?:only\s+|just\s+)?[\w-]+\s+seconds"
        r"(?:\s+(?:left|to\s+answer|on\s+the\s+clock))?",
        _I,
    ),
    # A prize: never a threshold on a money measure ("or more" after it is a condition, not a prize).
    re.compile(rf",?\s*\bfor\s+(?:the\s+)?(?:{_PRIZE})\b(?!\s+(?:or|and|plus|and\s+up)\b)", _I),
    # A hand-over: "contestant number four wants the total ..." asks for the total.
    re.compile(
        rf"\b(?:(?:our|next|lucky)\s+)?contestant\s+(?:{_NUMBER}\s+)?"
        r"(?:wants|would\s+like|asks\s+for|needs|chose|picks)\s+",
        _I,
    ),
    # A contestant addressed: a label, never a limit.
    re.compile(
        rf",?\s*\b(?:(?:to\s+|for\s+)?contestant\s+{_NUMBER}|(?:our|next|lucky)\s+contestant)\b,?", _I
    ),
    re.compile(r"\bbut\s+first\s*,\s*|^\W*tonight\s*,\s*", _I),
    # An episode's number is a label, never a year ("episode by episode" is left, and refused below).
    re.compile(
        rf",?\s*\b(?:(?:in|on|for)\s+)?(?:tonight{_Q}s\s+|this\s+)?episode\s+(?:{_NUMBER}|\d+)\b,?", _I
    ),
    # "After the break, ..." is when the request is asked, never a period of the data ("during the break" is
    # left, and refused below as the show's own thing).
    re.compile(r"\b(?:right\s+)?(?:after|before)\s+the\s+(?:break|commercials?|ads)\s*,\s*", _I),
]
# A request for the show's own things: no dataset holds them.
_OWN = re.compile(
    r"\b(?:prize\s+money|prizes?|contestants?|episodes?|lifelines?|commercial\s+breaks?|game\s+shows?)\b", _I
)
# "Whichever one the audience picks": the choice is left open, and chartq charts only what is named.
_CHOICE = re.compile(
    r"\b(?:whichever|either)\b(?:\s+\w+){0,3}?\s+(?:the\s+|my\s+)?(?:audience|studio|crowd|contestants?|host|viewers|friend)"
    r"\s+(?:picks?|chooses?|likes?|prefers?|wants?|decides?|votes?\s+for)\b",
    _I,
)
_LEAD = re.compile(r"^(?:[\s,:;.!?\u2013\u2014-]|\b(?:and|but|so|now|then|well|ok|okay)\b(?=\W))+", _I)
_EMPTY = re.compile(r"^[\s,:;.!?\u2013\u2014'\"-]*$")


def ungame_show(text: str, model: SemanticModel) -> str:
    """`text` with a game show host's patter set aside around the request it carries; other text is
    unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    sentences = [_sentence(s, names) for s in _SENTENCES.split(_handed_over(text.strip()))]
    kept = [s for s in sentences if not _EMPTY.match(s)]
    if not kept:
        return text
    read = tidy(" ".join(kept))
    _refuse(read, model)
    return read if read != tidy(text) else text


def _handed_over(text: str) -> str:
    """The text from the first hand-over with a request after it ("For the grand prize: ..."); unchanged
    when there is none."""
    for m in _HANDOVER.finditer(text):
        if not _EMPTY.match(text[m.end() :]):
            return text[m.end() :]
    return text


def _refuse(request: str, model: SemanticModel) -> None:
    """Refuses two charts, and a request for the show's own things, which no dataset holds."""
    example = model.examples[0] if model.examples else "the average tip by day"
    refuse_second_chart(request, model)
    if (choice := _CHOICE.search(request)) is not None:
        asked = _CLAUSES.split(request[: choice.start()])[0].rstrip(" ,;:-\u2013\u2014")
        raise NotInTheData(
            f"This question leaves the choice to someone else (\u201c{choice[0]}\u201d), and chartq charts "
            f"only what the question names: \u201c{asked}\u201d names more than one. Ask for the one to "
            f"chart, e.g. \u201c{example}\u201d."
        )
    if (own := _OWN.search(request)) is not None:
        raise NotInTheData(
            f"chartq's datasets hold no \u201c{own[0].lower()}\u201d: a game show's own things are the "
            f"question's framing, not data. Ask about the data itself, e.g. \u201c{example}\u201d."
        )


def _sentence(sentence: str, names: Names) -> str:
    """The sentence's request, or "" when it is the host's patter and asks nothing."""
    for line in _LINES:
        sentence = line.sub("", sentence)
    if _patter(sentence, names):
        return ""
    parts = _CLAUSES.split(sentence)
    # parts alternate clause, mark, clause, ...: a clause of patter goes with the mark before it.
    out = parts[0] if not _patter(parts[0], names) else ""
    for mark, clause in zip(parts[1::2], parts[2::2], strict=True):
        if not _patter(clause, names):
            out = f"{out}{mark}{clause}" if out else clause
    return _LEAD.sub("", out).strip()


def _patter(clause: str, names: Names) -> bool:
    """Whether a clause is the show's: it speaks of the show and asks for nothing of the data."""
    return bool(_SHOW.search(clause)) and not _asks(clause, names)


def _asks(text: str, names: Names) -> bool:
    return bool(_ASKS.search(text) or names.measures.search(text) or names.groups.search(text))
