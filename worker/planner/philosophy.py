"""A philosopher's musing set aside around the request it carries. Read only in a question that speaks it
(a marker below), so any other question reads exactly as before:
- the markers: "Consider, if you will", "if you will", "Consider the X, which / that / who ...",
  "Consider X: ...", "One might ask / wonder / say / add whether ...", "Is it not the case / true that
  ...?", "Are they not ...?", "What, after all, is X?", "What is X but ...?", "What is the worth /
  meaning / nature of ...?", "I confess", a thinker's name (Heraclitus, Plato, Socrates, Aristotle,
  Augustine, Kant, ...) or "X held / thought / said that", and scripture's "bloweth where it listeth",
  "toils not";
- context, dropped whole: rhetorical questions before or after the request ("Is it not the case that
  the north wind is the cruellest?", "Are they not the same honour ...?", "What is X but ...?"), a
  question naming no measure before the request ("But are they equally generous?"), "One might ask
  whether ..." and "I confess ..." sentences, a thinker's saying or quotation, "Perhaps.", "The data knows
  nothing of X.", and a "Consider the X, ..." sentence followed by the request;
- a lead before the request's colon ("Let us weigh them, then:", "I, humbler, ask only this:", "Yet
  perhaps the data knows better than the poets:", "I leave the question to you:", "One might ask what
  each waiter earned:") comes off; "Consider X: request" keeps X where it names a value ("the nations
  of Europe in 1997") or the request points back to it, and otherwise only X's period ("in 2007") where
  the request names none;
- "Let us look (then) at / see / examine / watch / weigh ..." is "Show ...", "Let the X be judged by" is
  "Show the X ranked by", "Show me instead" is "Show me", "Consider X" alone is "Show X", "(flow)
  through 2018" is "in 2018";
- a value the musing names comes back only where the request points back to it ("Coderre's triumph ...
  Let us examine his 5 strongest districts" is "Coderre's 5 strongest districts").
A definition, an essence, a reason, a good, a justice, a future year or a choice left to chartq stays in
the request and is refused downstream by name. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import Names, names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unphilosophise"]

_I = re.IGNORECASE
_THINKERS = (
    r"(?:heraclitus|plato|socrates|aristotle|augustine|aquinas|kant|hume|descartes|nietzsche|spinoza|"
    r"wittgenstein|confucius|laozi|lao\s+tzu|seneca|epictetus|marcus\s+aurelius|pascal|montaigne|"
    r"kierkegaard|sartre|camus|diogenes|zeno|parmenides|pythagoras|hegel|leibniz|locke|hobbes|rousseau)"
)
# A philosopher's marker: nothing below is read in a question without one.
_VOICE = re.compile(
    r"\bif\s+you\s+will\b|\bone\s+might\s+(?:ask|wonder|say|add|object|suppose|think)\b|"
    r"\b(?:is|was)\s+it\s+not\s+(?:the\s+case|true|so)\b|\bwhat\s*,\s*after\s+all\s*,|"
    r"\bwhat\s+is\s+an?\s+[\w\s]{1,30}?\bbut\b|\bwhat\s+is\s+the\s+(?:worth|meaning|nature|essence)\s+of\b|"
    rf"\bI\s+confess\b|\b{_THINKERS}\b|\bbloweth\b|\btoils\s+not\b|"
    r"^\W*consider\s+(?:the\s+)?[\w'\s]{1,30}?,\s+(?:that|which|who)\b|^\W*consider\s+[^:.?!]{1,60}:\s*\S",
    _I,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")
# Sentences that muse and ask nothing.
_MUSING = re.compile(
    r"^\W*(?:(?:but|and|yet|so|still)\s*,?\s+)?(?:one\s+might\s+(?:ask|wonder|say|add|object|suppose|think)\b"
    rf"|I\s+confess\b|perhaps\W*$|the\s+data\s+knows\s+nothing\b)|\b{_THINKERS}\b|"
    r"\b(?:held|thought|said|wrote|taught|argued|claimed|believed)\s+that\b",
    _I,
)
_QUESTION = re.compile(r"\?\W*$")
_RHETORIC = re.compile(
    r"^\W*(?:(?:but|and|yet|so)\s*,?\s+)?(?:(?:is|are|was|were|do|does|did|can|could|should|must)\s+"
    r"(?:it|they|we|these|those|this|that|he|she)\s+not\b|what\s*,\s*after\s+all\s*,|"
    r"what\s+is\s+(?:an?|the)\s+[^?]*\bbut\b|what\s+is\s+the\s+(?:worth|meaning|nature|essence|point|use)\s+of\b)"
    r"[^?]*\?\W*$",
    _I,
)
_CONSIDER = re.compile(r"^\W*consider\b\s*,?\s*(?:if\s+you\s+will\s*,?\s*)?", _I)
# A lead before the request's colon, said by the philosopher rather than asked of the data.
_LEAD = re.compile(r"^(?P<lead>[^:]{1,120}?)\s*:\s*(?P<request>\S.*)$", re.DOTALL)
_MUSED_LEAD = re.compile(
    r"^\W*(?:(?:still|but|yet|so|then|and)\s*,?\s+)?(?:let\s+us\b|I\b|I,|perhaps\b|the\s+data\b|"
    r"one\s+might\b|not\s+a\s+chart\b|consider\b)",
    _I,
)
_YEARS = re.compile(r"\b(?:in|from|between|during|across)\s+\d{4}(?:\s+(?:to|and|-)\s+\d{4})?\b", _I)
_A_YEAR = re.compile(r"\b\d{4}\b")
_SAYING = [
    (re.compile(r"\s*,?\s*\bif\s+you\s+will\b\s*,?", _I), ","),
    (re.compile(r"^\W*(?:(?:still|but|yet|so|and)\s*,?\s+)", _I), ""),
    (
        re.compile(
            r"\blet\s+us\s+(?:not\s+\w+\s+it\s+but\s+)?(?:(?:merely|now|then|simply|at\s+least)\s+)?"
            r"(?:look|see|examine|watch|view|study|weigh|behold|survey|inspect|plot|chart|draw|compare|"
            r"observe|consider|contemplate|turn\s+to)\b(?:\s*,\s*then\s*,)?(?:\s+(?:at|upon))?",
            _I,
        ),
        "Show",
    ),
    (
        re.compile(
            r"\blet\s+(?P<what>(?:the|these|those)\s+[\w\s]{1,30}?)\s+be\s+(?:judged|ranked|weighed|measured|"
            r"compared|sorted|ordered)\b(?:\s*,\s*then\s*,)?\s+by\b",
            _I,
        ),
        r"Show \g<what> ranked by",
    ),
    (re.compile(r"\b(show\s+(?:me\s+)?)(?:instead|then|rather)\b\s*,?\s*", _I), r"\1"),
    (re.compile(r"\b(show(?:\s+me)?)\s*,\s*then\s*,\s*", _I), r"\1 "),
    (re.compile(r"\s+(?:flows?|drifts?|moves?|wanders?|unfolds?|passes?)\s+(?=through\s+\d{4}\b)", _I), " "),
    (re.compile(r"(?<!\d\s)\bthrough\s+(?=\d{4}\b)", _I), "in "),
    # "the days in their calendar order" is an order, and points back to no value of the musing.
    (re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?=(?:\w+\s+)?order\b)", _I), ""),
]
_ITS = re.compile(r"\b(?:its|his|her|their)\b(?=\s+(?:\d+\s+)?\w)", _I)


def unphilosophise(text: str, model: SemanticModel) -> str:
    """`text` with a philosopher's musing set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    sentences = [s for s in _SENTENCE.split(text.strip()) if s.strip()]
    names = names_of(model)
    # A sentence whose musing lead comes off before its colon is a request; a musing one is context.
    unled = {s: _unlead(s, names) for s in sentences}
    kept = [s for s in sentences if unled[s] != s or not (_MUSING.search(s) or _RHETORIC.search(s))]
    # "Consider the X, ... ." before the request is context.
    if len(kept) > 1:
        kept = [s for s in kept if not _CONSIDER.match(s) or unled[s] != s] or kept
    # A question naming no measure, with the request after it, is musing ("But are they equally generous?").
    kept = [
        s
        for i, s in enumerate(kept)
        if i == len(kept) - 1 or not _QUESTION.search(s) or names.measures.search(s)
    ]
    if not kept:
        return text
    musing = " ".join(s for s in sentences if s not in kept)
    request = " ".join(unled[s] for s in kept)
    for pattern, plain in _SAYING:
        request = pattern.sub(plain, request)
    request = _CONSIDER.sub("Show ", request)
    read = tidy(_pointed(musing, request, names))
    return read if read != text else text


def _unlead(sentence: str, names: Names) -> str:
    """The sentence without a musing lead before its colon; "Consider X:" keeps X where it names a value
    or the request points back to it, and X's period otherwise."""
    said = _LEAD.match(sentence.strip())
    if said is None or not _MUSED_LEAD.match(said["lead"]):
        return sentence
    lead, request = said["lead"], said["request"]
    if not _CONSIDER.match(lead):
        return request
    subject = _CONSIDER.sub("", lead)
    if values_named(subject, names) or _ITS.search(request):
        return f"{subject}: {request}"
    period = _YEARS.search(subject)
    if period is not None and not _A_YEAR.search(request):
        return f"{period[0]}, {request}"
    return request


def _pointed(musing: str, request: str, names: Names) -> str:
    """The request with its pointers ("his", "its", "them") naming the musing's values."""
    named = values_named(musing, names)
    again = {v.lower() for v in values_named(request, names)}
    lost = [v for v in named if v.lower() not in again]
    if not lost:
        return request
    if _ITS.search(request):
        return _ITS.sub(f"{' and '.join(lost)}'s", request, count=1)
    pointed = points_back(request)
    return f"{' and '.join(lost)}: {pointed}" if pointed else request
