"""A request written as a letter or an email: a greeting, pleasantries and a sign-off around the request.

Such a user opens with a greeting ("Dear team,", "Dear analytics team,", "Hello,", "Hi all,", "Good
morning!"), adds pleasantries ("Hope you are well!", "I hope this finds you well.", "thank you for your
help last time."), asks through a polite lead-in ("I would be most grateful for ...", "would really
appreciate ...", "could you kindly prepare ...", "Would you be so kind as to send me ...", "I wonder
whether you might prepare ...", "would love ...") and signs off with a name ("Many thanks in advance,
Priya", "Kind regards, Dr. Okafor", "Cheers, Sam", "Regards"). None of it asks for data: read with the
request, the signer's name is taken for a value ("Priya isn't among them") and "grateful" or "prepare" for
unknown words. So the greeting, pleasantries and sign-off come off and the lead-in is spelt as the plain
"show me".

A clause telling what the chart is for ("I am putting together a briefing and", "For a small study we are
running,", "For our planning meeting,", "This time") goes with its lead-in, unless it asks for data itself
(a number, an operation, a grouping or a condition: worker.planner.newsroom.asks_for_data) or names a value
of the data ("For our Asia team, ..."): that clause is left, spelt "For our Asia team, I need ...", for
the planner to read (the user may have meant it as a filter), never dropped here. A pleasantry that names
a value or asks for something is left too. Only text that looks like a letter (a greeting, a sign-off or
a grateful or appreciative lead-in) is read; any other text is returned exactly as written.
"""

from __future__ import annotations

import re

from worker.planner.courtesy import split_sentences
from worker.planner.newsroom import asks_for_data, names_a_value
from worker.semantic import SemanticModel

__all__ = ["unletter"]

_I = re.IGNORECASE
# Who a letter is addressed to: "team", "analytics team", "all", "Dr. Lee" (a few words at most).
_ADDRESSEE = r"(?:\s+(?!(?:i|we|could|can|would|will|please|show|hope)\b)[\w.'-]+){0,3}"
_GREETING = re.compile(
    r"^\W*(?:(?:dear|hello|hi|hey|hiya|greetings|good\s+(?:morning|afternoon|evening|day))"
    rf"{_ADDRESSEE}(?:\s*[,!:;.\u2013\u2014-]+|[^\S\n]*\n)|"
    r"(?:hello|hi|hey|good\s+(?:morning|afternoon|evening))\s+(?=\w))\s*",
    _I,
)
# "Many thanks in advance", "Kind regards", "With best wishes", "Thank you so much": a sign-off's words.
_THANKS = (
    r"(?:many\s+|big\s+|a\s+thousand\s+)?(?:thanks|thank\s+you|thx|ta)"
    r"(?:\s+(?:so|very|ever\s+so)\s+much|\s+kindly|\s+a\s+lot|\s+again|\s+in\s+advance)*"
)
_REGARDS = (
    r"(?:(?:with\s+)?(?:(?:kind|kindest|best|warm|warmest|many|all\s+the\s+best)\s+)?(?:regards|wishes)|"
    r"with\s+(?:many\s+)?thanks|cheers|best|all\s+the\s+best|yours(?:\s+(?:sincerely|truly|faithfully))?|"
    r"sincerely|warmly|respectfully|take\s+care)"
)
# A name is capitalised ("Kind regards, Priya"); "with regards to smoker" names no one.
_SIGNER = (
    r"(?:(?:dr|prof|professor|mr|mrs|ms|miss|mx|sir|dame)\.?\s+)?(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
)
# The sign-off ends the text: after a sentence's end, a comma or a line break, with the signer's name.
_SIGN_OFF = re.compile(
    rf"(?:(?<=[.?!])\s*|,\s*|\s*\n\s*)(?:{_THANKS}|{_REGARDS})"
    rf"(?:\s*[,!.\u2013\u2014-]*\s*(?P<name>{_SIGNER}))?\W*$",
    _I,
)
# Pleasantries opening a sentence: hopes and thanks for what went before, up to their clause's end.
_PLEASANTRY = re.compile(
    r"^\W*(?P<p>(?:and\s+)?(?:(?:i\s+)?(?:hope|trust)\s+(?:that\s+)?(?:you|this|all|your|the|everyone|things)\b|"
    rf"{_THANKS}\s+for\b|it\s+was\s+(?:lovely|great|nice|good)\b|happy\s+\w+day\b)[^.!?,;]*)(?:[.!,;]+\s*|$)",
    _I,
)
# Words by which a pleasantry asks for something, so it is part of the request.
_REQUESTS = re.compile(r"\b(?:show|chart|plot|graph|see|draw|compare|display)\w*|\?", _I)
_MODAL = r"(?:could|can|would|will|might)"
_SOFT = r"(?:\s+(?:possibly|perhaps|please|kindly|just|also))*"
# What the user asks the reader to do with the chart: all of it is "show me".
_MAKE = (
    r"(?:prepare|produce|make|create|put\s+together|pull\s+together|draw\s+up|draw|build|generate|send|share|"
    r"provide|give|get|run|do|plot|chart|graph|show|let\s+me\s+(?:see|have))(?:\s+(?:me|us|over))?"
)
_MAKING = r"(?:preparing|producing|making|creating|putting\s+together|drawing\s+up|drawing|sending|sharing)"
_GRATEFUL = (
    r"(?:(?:\bi\s+)?\bwould|\bi'd)\s+(?:be\s+)?(?:(?:really|most|very|so|ever\s+so|extremely|truly|awfully|"
    r"hugely|incredibly|immensely)\s+)*(?:grateful|thankful|obliged|appreciative)"
)
_APPRECIATE = r"(?:(?:\bi\s+)?\bwould|\bi'd|\bi)\s+(?:(?:really|very\s+much|greatly|so|truly)\s+)*appreciate"
# Each polite lead-in, up to where the data asked for begins.
_LEAD_INS = [
    rf"{_GRATEFUL}\s+if\s+you\s+{_MODAL}{_SOFT}\s+{_MAKE}\b",
    rf"{_GRATEFUL}\s+for\b",
    rf"{_APPRECIATE}\s+it\s+if\s+you\s+{_MODAL}{_SOFT}\s+{_MAKE}\b",
    rf"{_APPRECIATE}\b",
    rf"\b{_MODAL}\s+you\s+be\s+so\s+kind\s+as\s+to\s+{_MAKE}\b",
    rf"\b(?:would|will)\s+you\s+(?:kindly\s+)?mind\s+{_MAKING}(?:\s+(?:me|us))?\b",
    rf"\bi\s+(?:was\s+)?wonder(?:ing|ed)?\s+(?:if|whether)\s+you\s+{_MODAL}{_SOFT}\s+{_MAKE}\b",
    rf"\b(?:would|will|is)\s+it\s+be\s+possible\s+(?:for\s+you\s+)?to\s+(?!see\b){_MAKE}\b",
    rf"\b{_MODAL}\s+you{_SOFT}\s+(?!show\b|let\b|plot\b|chart\b|graph\b){_MAKE}\b",
    r"(?:(?:\bi\s+)?\bwould|\bi'd)\s+(?:really\s+|so\s+)?love(?:\s+to\s+(?:see|have|get))?\b",
    rf"^\W*please\s+(?!show\b|let\b|plot\b|chart\b|graph\b){_MAKE}\b",
]
_LEAD_IN = re.compile("|".join(f"(?:{p})" for p in _LEAD_INS), _I)
# A lead-in that marks a letter by itself, with no greeting or sign-off.
_LETTER_LEAD = re.compile(f"{_GRATEFUL}|{_APPRECIATE}", _I)
# Where a context clause ends and the lead-in begins: ", and", " and", ",", " so".
_JOIN = re.compile(r"(?:\s*,)?\s*(?:\b(?:and|so|but)\b\s*)?$", _I)


def unletter(text: str, model: SemanticModel) -> str:
    """`text` without a letter's greeting, pleasantries and sign-off, its request plainly asked."""
    body, greeted = _without_greeting(text, model)
    body, signed = _without_sign_off(body, model)
    if not (greeted or signed or _LETTER_LEAD.search(body)):
        return text  # nothing letter-like: left exactly as written
    sentences = [_plain_request(_without_pleasantries(s, model), model) for s in split_sentences(body)]
    read = " ".join(s for s in sentences if re.search(r"\w", s))
    read = re.sub(r"\s+(?=[,.?!])|^[\s,;:.!\u2013\u2014-]+", "", read)
    read = " ".join(read.split())
    # Nothing but courtesy was written ("Dear team, thanks!"): the reader says what it cannot read.
    return read if re.search(r"\w", read) else text


def _without_greeting(text: str, model: SemanticModel) -> tuple[str, bool]:
    m = _GREETING.match(text)
    # "Hello Canada, ..." greets a value of the data, which may be a filter meant: not a letter's greeting.
    if m is None or not re.search(r"\w", text[m.end() :]) or names_a_value(m[0], model):
        return text, False
    return text[m.end() :], True


def _without_sign_off(text: str, model: SemanticModel) -> tuple[str, bool]:
    """`text` without its sign-off; "Thank you. Best, Ana" is two, taken from the end."""
    signed = False
    for _ in range(2):
        m = _SIGN_OFF.search(text)
        if m is None or not re.search(r"\w", text[: m.start()]):
            break
        # "..., which nation did best": a bare "best" ends a question, no letter.
        if m[0].strip(" ,.!\n-").lower() == "best" or names_a_value(m["name"], model):
            break
        text, signed = text[: m.start()].rstrip(" ,;"), True
    return text, signed


def _without_pleasantries(sentence: str, model: SemanticModel) -> str:
    """`sentence` without the hopes and thanks it opens with (all of it, if that is all it says); one
    that asks for something, holds a number or names a value stays."""
    while m := _PLEASANTRY.match(sentence):
        said = m["p"]
        if _REQUESTS.search(said) or names_a_value(said, model) or re.search(r"\d", said):
            break
        sentence = sentence[m.end() :]
    return sentence


def _plain_request(sentence: str, model: SemanticModel) -> str:
    """`sentence` with its polite lead-in spelt "show me", and the context clause before it dropped when it
    asks for no data and names no value."""
    m = _LEAD_IN.search(sentence)
    if m is None:
        return sentence
    before = sentence[: m.start()]
    rest = sentence[m.end() :].lstrip(" ,")
    if not re.sub(r"\b(?:it|that|this|them)\b", "", rest).strip(" .?!,"):
        # "..., I'd be grateful for it.": the request came before its lead-in.
        return _JOIN.sub("", before).strip() + rest[-1:].strip(" ,")
    context = _JOIN.sub("", before).strip()
    if context and (names_a_value(context, model) or asks_for_data(context)):
        # Spelt "X, I need ...", the clause is one the context reader sets aside and names on the chart.
        return f"{context}, I need {rest}"
    return f"show me {rest}"
