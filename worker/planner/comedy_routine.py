"""A stand-up comedian's routine set aside around the one request it carries. Read only in a question that
carries a comedian's markers ("what's the deal with", "am I right", "folks", "I'll be here all week",
"seriously though", "but seriously", "jokes aside", "walks into a bar", "you ever notice", "I'm so old",
"that's the joke", "the whole routine", "tough crowd", "try the veal", "ba-dum-tss", "rimshot", "thank you,
goodnight"), so any other question reads exactly as before:
- the tags are context and come off wherever they stand: "Am I right(, folks)?", "I'll be here all week!",
  "I'm here till Thursday", "Try the veal!", "Tough crowd.", "Ba-dum-tss", "*rimshot*", "Thank you,
  goodnight!", "- that's the whole routine", "That's the joke.", "that's my time", "I'll tell you the
  deal.", and "folks" or "ladies and gentlemen" said to the audience;
- where the comedian steers back to the request ("Seriously though:", "Anyway, seriously though:", "But
  seriously, folks,", "Jokes aside:", "All joking aside,", "On a serious note:", "Let's see:", "Let's check,
  folks:"), what follows the last such turn is the request, and the joke before it is context: a chart word
  in a joke ("two guys walk into a bar", "I want a pie") is no chart type, and a value named only in the
  joke is no filter;
- with no such turn, the set-up sentences before the first sentence that asks ("What's the deal with the
  total bill? Some people order tap water. Give me a histogram of the total bill") are context;
- a lone "What's the deal with X?" that is the whole request is "Show X";
- where the request points back to the joke ("on that day", "that year", "them"), the joke's values are
  kept and only the tags come off, so what the data cannot answer ("my birthday, 14 March") stays refused
  by name.
Two charts, jokes about what the data lacks (how funny a continent is, waitresses, euros) and requests for
values the data does not hold are left for the readers after this one to refuse. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["uncomedy"]

_I = re.IGNORECASE
# A comedian's marker: nothing below is read in a question without one.
_MARKER = re.compile(
    r"\b(?:what'?s\s+the\s+deal\s+with|am\s+i\s+right|folks|(?:i'?ll\s+be|i'?m)\s+here\s+(?:all\s+week|till|"
    r"until)|seriously\s+though|but\s+seriously|(?:all\s+)?(?:jokes?|joking)\s+aside|walks?\s+into\s+a\s+bar|"
    r"(?:you|ya|did\s+you)\s+ever\s+notice|i'?m\s+so\s+old|that'?s\s+the\s+(?:joke|whole\s+routine)|"
    r"tough\s+crowd|try\s+the\s+veal|ba[\s-]?dum[\s-]?t?(?:ss|ish)|rimshot|thank\s+you,?\s+good\s*night|"
    r"on\s+a\s+serious\s+note|is\s+this\s+thing\s+on|tight\s+five)\b",
    _I,
)
# A clause start: the beginning, or after a sentence's or a clause's punctuation.
_START = r"(?:^|(?<=[.!?:;,\u2026-]\s)|(?<=[.!?\u2026])|(?<=\.\.\.))"
_FOLKS = r"(?:\s*,?\s*(?:folks|ladies\s+and\s+gentlemen|my\s+friends))?"
# Where the comedian steers back to the request; it follows the last one.
_STEER = re.compile(
    _START + r"\s*(?:(?:anyway|ok(?:ay)?|no|but|alright|right)\s*,?\s+)*(?:"
    r"seriously(?:\s+though)?|(?:all\s+)?(?:jokes?|joking|kidding)\s+aside|on\s+a\s+serious\s+note|"
    r"for\s+real(?:\s+though)?|let'?s\s+(?:see|check|look)(?=" + _FOLKS + r"\s*[:,\u2014-])|"
    r"anyway(?=" + _FOLKS + r"\s*[:,\u2014-]))" + _FOLKS + r"\s*(?:[:,.!\u2014-]+\s*)",
    _I,
)
# Tags: said to the audience, carrying no request.
_TAGS = [
    r"\bam\s+i\s+right" + _FOLKS + r"\s*[?!.]*",
    r"\b(?:i'?ll\s+be|i'?m)\s+here\s+(?:all\s+week|till\s+\w+|until\s+\w+)\s*[!.,]*(?:\s*try\s+the\s+veal\s*[!.]*)?",
    r"\btry\s+the\s+veal\s*[!.]*",
    r"\btough\s+crowd\s*[!.]*",
    r"\*?\b(?:ba[\s-]?dum[\s-]?t?(?:ss|ish)|rimshot)\b\*?\s*[!.]*",
    r"\bthank\s+you,?\s+good\s*night\s*[!.]*",
    r"\bis\s+this\s+thing\s+on\s*\?*",
    r"(?:\s*[-\u2014,]\s*|\b)that'?s\s+(?:the\s+(?:whole\s+)?(?:joke|routine|bit)|my\s+time|all\s+i'?ve\s+got)\s*[!.]*",
    r"\bi'?ll\s+tell\s+you\s+the\s+deal\s*[!.]*",
]
_TAG = re.compile("|".join(f"(?:{t})" for t in _TAGS), _I)
# "folks" said to the audience: between commas or at a clause's end.
_VOCATIVE = re.compile(
    r"\s*,?\s*\b(?:folks|ladies\s+and\s+gentlemen)\b(?=\s*(?:[,.!?:;\u2014-]|$))|^\s*(?:folks|ladies\s+and\s+"
    r"gentlemen)\s*[,:!]\s*",
    _I,
)
_DEAL_OPENER = re.compile(
    r"^\W*(?:so,?\s+)?what'?s\s+the\s+deal\s+with\s+(?P<what>[^?.!]+?)\s*[?!]+\s*(?=\S)", _I
)
_SENTENCE = re.compile(r"(?<=[.!?\u2026])\s+(?=\S)")
# A sentence that asks for a chart.
_ASKS = re.compile(
    r"\b(?:show|give|chart|plot|graph|draw|display|compare|list|rank|map|count|let\s+me\s+see|"
    r"(?:i|we)\s+(?:want|need|would\s+like)|i'?d\s+like|how\s+(?:many|much)|which|could\s+you|can\s+you)\b",
    _I,
)
_DATED = re.compile(
    r"\b(?:\d{1,4}(?:st|nd|rd|th)?|january|february|march|april|june|july|august|september|october|"
    r"november|december)\b",
    _I,
)
# What points back to the joke beyond story_scenes' pointers ("its medals", "there").
_BACK = re.compile(r"\b(?:its|it|there|they|them|their|those|these)\b", _I)
_NOTICE = re.compile(r"^\W*(?:(?:you|ya|did\s+you)\s+ever\s+notice(?:\s+(?:how|that))?)\s*", _I)
_CONTRACTED = re.compile(r"['\u2019]s\b", _I)
_DEAL = re.compile(r"^\W*(?:so,?\s+)?what'?s\s+the\s+deal\s+with\s+(?P<what>[^?]+?)\s*[?!.]*$", _I)


def uncomedy(text: str, model: SemanticModel) -> str:
    """`text` with a comedian's routine set aside around its request; other text is unchanged."""
    if not _MARKER.search(text):
        return text
    read = _unsteer(text, model)
    if read is text:
        read = _unsetup(text, model)
    read = _VOCATIVE.sub("", _TAG.sub(" ", read))
    # Kept for a request that points back to it, "What's the deal with the wind on my birthday?" is a
    # framing: "The wind on my birthday:".
    read = _DEAL_OPENER.sub(lambda m: f"{m['what']}: ", read)
    read = tidy(read)
    return read if read and read != tidy(text) else text


def _unsteer(text: str, model: SemanticModel) -> str:
    """The request after the last turn back to it, unless it points back to a value of the joke."""
    turns = list(_STEER.finditer(text))
    if not turns:
        return text
    joke, rest = text[: turns[-1].start()], text[turns[-1].end() :]
    if not rest.strip():
        return text
    if _kept(joke, rest, model):
        # "You ever notice Canada ...? Seriously though: its medals": the joke frames the request.
        return f"{_NOTICE.sub('', joke).strip().rstrip('.!?')}: {rest}"
    return rest


def _unsetup(text: str, model: SemanticModel) -> str:
    """The request without the set-up sentences before the first one that asks."""
    sentences = [s for s in _SENTENCE.split(_TAG.sub(" ", text).strip()) if s.strip()]
    if len(sentences) == 1:
        deal = _DEAL.match(_VOCATIVE.sub("", sentences[0]))
        # "What's the deal with the average tip by day, folks?": the whole request.
        return f"Show {deal['what']}." if deal else text
    first = next((i for i, s in enumerate(sentences) if i and _asks(s)), None)
    if first is None or any(_asks(s) for s in sentences[:first]):
        return text
    joke, rest = " ".join(sentences[:first]), " ".join(sentences[first:])
    return text if _kept(joke, rest, model) else rest


def _asks(sentence: str) -> bool:
    return bool(_ASKS.search(sentence)) and not _DEAL.match(_VOCATIVE.sub("", sentence))


def _kept(joke: str, rest: str, model: SemanticModel) -> bool:
    """Whether the request points back to a value named only in the joke."""
    names = names_of(model)
    # "what's", "it's": a contraction's "s" is no wind direction.
    joke, rest = _CONTRACTED.sub("", joke), _CONTRACTED.sub("", rest)
    again = {v.lower() for v in values_named(rest, names)}
    lost = [v for v in values_named(joke, names) if v.lower() not in again]
    # "My birthday, 14 March ... on that day": a date the data may not hold is the joke's too.
    dated = bool(_DATED.search(joke)) and not _DATED.search(rest)
    return bool(lost or dated) and bool(points_back(rest) or _BACK.search(rest))
