"""A hedging user's self-doubt set aside around the one request the question carries.

Read only in a question with a self-doubt hedge: on the whole request or on the asking ("I'm not sure if
this makes sense, but", "not sure if this is a thing, but", "I'm not sure this is allowed, but", "I might be
wrong / overthinking it, but", "maybe this is obvious, but", "possibly a silly idea / a weird request:",
"would it be weird to ask for / to want", "is it okay to ask for", "no pressure (at all)", "feel free to
ignore this / to say no", "I'm kind of new to this, sorry:", "sorry if that's a dumb one", "I hope I'm
asking this right", "or is that a silly question?", "does that make sense?", "if that makes sense", "if
that's (even) possible", "if it's not too much trouble", "I guess (what I kind of want is)", "what I'm sort
of after is", "I'd sort of like"). Those hedges carry no meaning and come off.

In such a question a softener on a single choice is that choice: "maybe most first" is "most first", "sort
of as a pie" is "as a pie", "kind of" / "sort of" before a request go. "Kind of" after "each", "which",
"what" ("each kind of iris") is the data's own word for a category and stays.

A hedge that leaves two readings open is no softener: "X or maybe Y" between values is left for the
unsure-names reader to refuse, and two choices handed back ("sepal width or petal width ..., either is
fine", "a pie, or maybe bars, whichever") are refused here, naming them. A question with no self-doubt
hedge is returned unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.story_scenes import tidy
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["undoubt"]

_I = re.IGNORECASE
_SILLY = r"(?:silly|weird|dumb|stupid|daft|odd|strange|naive|basic)"
_THIS = r"(?:this|that|it)(?:'s|\s+is)"
# Hedges that open the question, with the "but" or colon that leads into the request.
_OPENING = (
    r"(?:i'?m\s+|i\s+am\s+)?not\s+(?:really\s+|entirely\s+|totally\s+)?sure\s+(?:if\s+|whether\s+)?"
    r"(?:this|that)\s+(?:makes\s+sense|is\s+(?:a\s+thing|allowed|ok|okay|possible))",
    r"i\s+might\s+be\s+(?:wrong|overthinking\s+(?:it|this))",
    rf"maybe\s+(?:this|that)(?:'s|\s+is)\s+(?:obvious|a\s+{_SILLY}\s+question)",
    rf"(?:possibly|maybe|probably|this\s+is|this\s+might\s+be)\s+an?\s+{_SILLY}\s+(?:idea|request|question|ask)",
    r"(?:i'?m|i\s+am)\s+(?:kind\s+of\s+|sort\s+of\s+|a\s+bit\s+|quite\s+|pretty\s+|fairly\s+)?new\s+to\s+"
    r"(?:this|these\s+things|charts?)(?:\s*,?\s*sorry)?",
    r"no\s+pressure(?:\s+at\s+all)?",
    r"feel\s+free\s+to\s+(?:ignore\s+(?:this|me|it)|say\s+no|skip\s+(?:this|it))",
    rf"sorry\s+if\s+{_THIS}\s+a\s+{_SILLY}\s+(?:one|question|ask)",
)
_OPEN = re.compile(
    r"(?:^|(?<=[.?!]\s)|(?<=[.?!]))\s*(?:" + "|".join(_OPENING) + r")\s*(?:[,:;.!?-]+\s*)?(?:but\b\s*,?\s*)?",
    _I,
)
# Hedges trailing the request (or standing as their own sentence), with the break before them.
_CLOSING = (
    r"(?:or\s+)?is\s+that\s+an?\s+" + _SILLY + r"\s+(?:question|idea|request|thing\s+to\s+ask)",
    r"(?:does|do)\s+(?:that|this)\s+make\s+sense",
    r"if\s+(?:that|this)\s+makes\s+sense",
    rf"if\s+{_THIS}\s+(?:even\s+|at\s+all\s+)?possible(?:\s+at\s+all)?",
    rf"if\s+{_THIS}\s+not\s+too\s+much\s+(?:trouble|bother|hassle)",
    r"i\s+hope\s+i'?m\s+asking\s+(?:this|it)\s+right",
    r"no\s+pressure(?:\s+at\s+all)?",
    r"feel\s+free\s+to\s+(?:ignore\s+(?:this|me|it)|say\s+no|skip\s+(?:this|it))",
    rf"sorry\s+if\s+{_THIS}\s+a\s+{_SILLY}\s+(?:one|question|ask)",
    r"i\s+guess",
)
_CLOSE = re.compile(r"(?:\s*[,;:-]+\s*|\s+|^)(?:" + "|".join(_CLOSING) + r")\b\s*(?:[,:;]\s*)?", _I)
# Asking with doubt ("Would it be weird to ask for", "I guess what I kind of want is"): the request follows.
_ASKING = re.compile(
    r"\b(?:would|will|is)\s+it\s+be\s+(?:weird|odd|strange|silly|too\s+much|a\s+problem|ok(?:ay)?)\s+to\s+"
    r"(?:ask\s+for|ask\s+to\s+see|want|see|have|get)\s+"
    r"|\bis\s+it\s+(?:ok(?:ay)?|alright|all\s+right|fine)\s+(?:to|if\s+i)\s+(?:ask\s+for|ask\s+to\s+see|want|see|"
    r"have|get)\s+"
    r"|\b(?:i\s+guess\s+)?what\s+i(?:'m|\s+am)?\s+(?:kind\s+of\s+|sort\s+of\s+|really\s+)?"
    r"(?:want|after|need|mean|would\s+like)\s+is\s+"
    r"|\b(?:i\s+guess\s+)?i(?:'d|\s+would)\s+(?:kind\s+of\s+|sort\s+of\s+)?(?:like|love|want)\s+(?!to\b)",
    _I,
)
# A self-doubt hedge anywhere: the reader is active only where one is.
_ACTIVE = re.compile(
    "|".join((*_OPENING, *_CLOSING)).replace(r"i\s+guess", r"i\s+guess\b")
    + r"|\bwould\s+it\s+be\s+(?:weird|odd|strange|silly)|\bis\s+it\s+ok(?:ay)?\s+to\s+ask",
    _I,
)
# Softeners on one choice: "maybe most first", "sort of as a pie", "kind of want".
_MAYBE = re.compile(
    r"(?<![\w'])(?<!\bor\s)(?:maybe|perhaps|possibly)\s+(?:just\s+)?"
    r"(?=(?:most|least|highest|lowest|biggest|smallest|largest|longest|shortest|richest|poorest|top)\s+first\b"
    r"|as\s+(?:an?\s+|one\s+)?\w+|in\s+[\w-]+\s+order\b|sorted\b|show\b|chart\b|plot\b|the\b|a\b|an\b)",
    _I,
)
_SORT_OF = re.compile(
    r"(?<!\beach\s)(?<!\bwhich\s)(?<!\bwhat\s)(?<!\bevery\s)(?<!\bone\s)(?<!\bany\s)(?<!\bthis\s)(?<!\bthat\s)"
    r"(?<!\bsame\s)(?<!\bper\s)(?<!\bby\s)(?<!\ba\s)(?<!\bthe\s)\b(?:sort|kind)\s+of\s+(?!iris|flower|plant)",
    _I,
)
# Two readings handed back: "X or Y ..., either is fine", "X, or maybe Y, whichever (you think)".
_EITHER = re.compile(
    r"\b(?:either\s+(?:is|one\s+is|would\s+be|works?)\s+(?:fine|ok(?:ay)?|good)|whichever(?:\s+you\s+(?:think|"
    r"like|prefer|want))?(?=\s*[,.;:!?-]|\s*$)|i'?m\s+not\s+fussy|(?:i\s+)?can'?t\s+remember\s+which)",
    _I,
)
_OR = re.compile(
    r"(?:\beither\s+)?\b(?P<a>(?:the\s+|as\s+an?\s+|as\s+)?[\w-]+(?:\s+[\w-]+)?),?\s+or\s+(?:maybe\s+|perhaps\s+)?"
    r"(?P<b>(?:the\s+|as\s+an?\s+|as\s+)?[\w-]+(?:\s+[\w-]+)?)",
    _I,
)
_SENTENCE = re.compile(r"[.?!]\s")
_PUNCT = re.compile(r"^[\s,;:.!?-]+|(?<=[.?!])\s*[,;:.!?-]+(?=\s|$)|\s+-\s*(?=[.?!]|$)")


def _closed(m: re.Match[str]) -> str:
    """What is left of a trailing hedge: the break before it where another break follows it."""
    said = m.group()
    if not said.rstrip().endswith((",", ";", ":")):
        return ""
    before = re.match(r"\s*[,;:-]*", said)
    return (before.group().strip() if before else "") + " "


def undoubt(text: str, model: SemanticModel) -> str:
    """`text` with its self-doubt hedges off; unchanged when it has none."""
    if not _ACTIVE.search(text) and not _EITHER.search(text):
        return text
    if either := _EITHER.search(text):
        # The two readings are the ones offered in the same sentence, before the hedge hands them back.
        sentence = _SENTENCE.split(text[: either.start()])[-1]
        pair = _OR.search(sentence)
        if pair:
            said = f"{pair.group('a')} or {pair.group('b')}"
            raise UnchartableQuestion(
                with_example(
                    f"chartq cannot tell which you mean: \u201c{said}\u201d "
                    f"(\u201c{either.group()}\u201d leaves both open); ask again with the one you mean",
                    text,
                    model,
                )
            )
        if not _ACTIVE.search(text):
            return text
    spelt = _OPEN.sub("", text)
    spelt = _ASKING.sub("", spelt)
    spelt = _CLOSE.sub(_closed, spelt)
    spelt = _MAYBE.sub("", spelt)
    spelt = _SORT_OF.sub("", spelt)
    spelt = _PUNCT.sub("", " ".join(spelt.split()))
    spelt = tidy(spelt)
    return spelt if spelt.strip(" .?!") else text
