"""A request relayed for someone else, read as the request it relays.

The relayer says who asked and how it arrived ("Customer #4411 asks: ...", "My manager would like ...",
"Priya asked for ...", "My boss asked me to get ...", "FYI the client wants ...", "On behalf of the board:
...", "A reader emailed the newsroom asking for ...", "Forwarding from Sam:" with the request quoted on
lines starting with ">", "From the customer, verbatim: '...'"). That wrapper is no part of the question
(read with it, "reader" or "emailed" are unknown words and a name may be taken for a value), so it comes
off, with the quotes and the ">" around the request, and the request is what is charted.

A later correction by the one who asked ("She has since emailed a correction: make it 1992, not 2002", "in
a second email he said to forget the pie and use bars") is spelt as the user's own written correction
("Correction: make it 1992, not 2002", "Correction: bars, not pie") for worker.planner.written_corrections
to apply.

Where the relayer's words leave the request undecided (an option put to the asker and not yet answered,
"she hasn't said yes or no yet"; a guess at what was meant, "I think she may have meant 2002", "not sure if
he meant ..."; two people asking for different things) it is refused, naming those words: charting either
reading would be a guess. Text with no relay wrapper, correction or undecided words is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.newsroom import names_a_value
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unrelay"]

_I = re.IGNORECASE
# Who asked: a role ("my manager", "one of my students", "the head of sales") or a name ("Sam from finance").
_ROLE = (
    r"(?:manager|boss|colleague|client|customer|reader|teacher|student|chef|user|board|team|editor|director"
    r"|ceo|cfo|head\s+of\s+\w+|supervisor|lecturer|professor|tutor|coach|owner|partner|friend|analyst|lead"
    r"|master|botanist|researcher|intern|assistant|mum|mom|dad|wife|husband|sister|brother|someone|somebody"
    # Groups that ask as one: "the sailing club asks for", "the campaign wants".
    r"|club|campaign|committee|council|society|department|agency|office|family"
    # Someone there with the speaker: "a guest at table 4 asks for", "base wants".
    r"|guest|diner|sailor|listener|caller|visitor|neighbou?r|passenger|base)s?"
)
_WHO = (
    rf"(?:(?:(?:my|our|the|a|an|one\s+of\s+(?:my|our|the))\s+)?(?:[\w#'-]+\s+){{0,2}}?{_ROLE}"
    r"|(?!(?:it|this|that|which|what|who|he|she|they|we|you|everyone|everybody|nobody|one|each|every)\b)"
    r"(?-i:[A-Z][a-z]+))"
    r"(?:\s+#?\d+|\s+(?-i:[A-Z][a-z]+))?(?:\s*\([^)\n]*\))?(?:,)?"
    r"(?:\s+(?:from|on|at|in|of)\s+(?:[\w#'-]+\s+){0,2}?[\w#'-]+)?(?:\s*\([^)\n]*\))?,?"
)
# "... asks:", "... is asking for", "... asked me to get", "... emailed the newsroom asking for".
_ASKED = (
    r"(?:(?:emailed|messaged|wrote(?:\s+to)?|called|phoned|rang)(?:\s+[\w'-]+){0,3}?\s+(?:asking|to\s+ask)"
    r"|(?:writes|wrote|says|said)(?=\s*:)|asks|asked|is\s+asking|requests|requested|wants|wanted"
    r"|would\s+like|needs)"
    r"(?:\s+(?:for|about))?(?:\s+(?:me|us)\s+to\s+(?:get|pull|make|chart|plot|show|do|find|prepare))?"
    r"(?:\s+to\s+(?:see|have|get))?\s*:?"
)
# Or a pronoun, when the question opens with it: whoever it named was set aside as context by a voice's
# reader ("A passenger in 7C is carrying bulbs home. She asks for ..."), and what she asks is the request.
_SUBJECT = re.compile(rf"^\s*(?:fyi\s*[,:-]?\s*)?(?:{_WHO}|(?:she|he|they))\s+{_ASKED}\s*", _I)
# A lead ending in a colon: "Forwarding from Sam:", "On behalf of the board:", "Ticket #207, from a user:".
_LEAD = re.compile(
    r"^\s*(?:fyi\s*[,:-]?\s*)?(?=[^:\n]{0,80}\b(?:forward\w*|relay\w*|passing\s+on|on\s+behalf|verbatim|ticket"
    rf"|request\s+from|from\s+(?:the|a|an|my|our)\s+(?:[\w'-]+\s+)?{_ROLE}|writes|asks|says)\b)[^:\n]{{1,80}}:\s*",
    _I,
)
# A lead that names an operation asks for data itself ("Tip by day from the tips data:"): never a wrapper.
_OPERATION = re.compile(
    r"\b(?:by|per|each|every|vs|versus|top|bottom|most|least|highest|lowest|average|mean|median|total|sum"
    r"|max|min|number|since|until|between|only|except|excluding|without|above|below|over|under|show|plot"
    r"|chart|graph|compare|split)\b",
    _I,
)
# The option the relayer put to the asker, quoted with the answer still pending.
_OFFER = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:i|we)\s+(?:told|asked|offered|suggested|mentioned)\b[^.!?\n]*$", _I
)
_FYI = re.compile(r"^\s*fyi\s*[,:-]?\s*", _I)
_QUOTED = re.compile(r"^\s*(?:\"(?P<d>[^\"]+)\"|'(?P<s>[^']+)'|\u201c(?P<c>[^\u201d]+)\u201d)\s*\.?\s*$")
_QUOTE_LINE = re.compile(r"^[^\S\n]*>[^\S\n]?", re.MULTILINE)
_THANKS = re.compile(r"\n\s*(?:thanks|thank\s+you|cheers|ta)\b[^\n]*$", _I)
# The asker's own later word: "She has since emailed a correction:", "in a second email he said to".
_LATER = re.compile(
    r"(?P<brk>[.;!]|\s[-\u2013\u2014])\s+(?:(?:then|later|afterwards)\s*,?\s+)?(?:(?:in\s+)?(?:a|her|his|their)\s+"
    r"(?:second|later|follow-up|next|another)\s+(?:email|message|note|mail)\s*,?\s*)?"
    r"(?:she|he|they|(?-i:[A-Z][a-z]+))\s+(?:has\s+|have\s+)?(?:since\s+|later\s+|then\s+|now\s+|just\s+)?"
    r"(?:emailed|e-mailed|written|wrote|said|says|added|sent|replied|messaged|followed\s+up|clarified)"
    r"(?:\s+(?:with\s+)?(?:a\s+)?(?:correction|change|update))?(?:\s+(?:to\s+say|that|back))?\s*[:,]?\s*",
    _I,
)
_FORGET = re.compile(
    r"^(?:to\s+)?(?:forget|drop|scrap|ditch|skip|lose)\s+(?:about\s+)?(?:the\s+)?(?P<old>[\w' -]+?)"
    r"\s*(?:,|;|and)\s*(?:to\s+)?(?:use|make\s+it|go\s+with|do|have)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?P<new>[\w' -]+?)\s*[.!]?\s*$",
    _I,
)
# Words that leave the request undecided.
_PENDING = re.compile(
    r"(?:\b(?:she|he|they)\s+(?:hasn'?t|has\s+not|haven'?t|have\s+not)\s+(?:said|decided|confirmed|replied"
    r"|answered|got(?:ten)?\s+back|come\s+back)[^.;!?\n]*"
    r"|\b(?:waiting\s+(?:to\s+hear|for\s+(?:her|him|them)))[^.;!?\n]*"
    r"|\bi'?ll\s+(?:check|confirm|ask)\s+with\s+(?:her|him|them)[^.;!?\n]*"
    r"|\b(?:not\s+sure|unsure)\s+(?:if|whether|what|which)\s+(?:she|he|they)\s+meant[^.;!?\n]*"
    r"|\b(?:she|he|they)\s+(?:may|might|could)\s+have\s+meant[^.;!?\n]*"
    r"|\bwhichever\s+(?:one\s+)?(?:she|he|they)\s+meant"
    r"|\bor\s+maybe\s+(?:it\s+was|(?:she|he|they)\s+(?:said|meant|wanted))[^.;!?\n]*)",
    _I,
)
# Two askers wanting different things: "Sam wants X but Ana wants Y".
_SECOND_ASKER = re.compile(
    rf"(?:,|;|\.|\bbut|\bwhile|\bwhereas|\band)\s+(?P<who>{_WHO})\s+(?:wants|would\s+like|asks\s+for|asked\s+for"
    r"|prefers|needs)\b[^.;!?\n]*",
    _I,
)


def unrelay(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    if (pending := _PENDING.search(text)) is not None:
        offer = _OFFER.search(text[: pending.start()])
        words = text[offer.start() : pending.end()] if offer else pending[0]
        raise _undecided(words, "leaves the request undecided", text, model)
    second = _SECOND_ASKER.search(text)
    if second is not None and not _asks_something(second["who"], model):
        raise _undecided(
            second[0].strip(" ,;."), "asks for something other than the first request", text, model
        )
    relayed = _unwrap(text, model)
    return text if relayed is None else _corrected(relayed)


def _unwrap(text: str, model: SemanticModel) -> str | None:
    """The request `text` relays, without who asked and how; None when it relays nothing."""
    for pattern in (_LEAD, _SUBJECT):
        m = pattern.match(text)
        if m is None or _asks_something(text[: m.end()], model):
            continue
        request = _THANKS.sub("", _QUOTE_LINE.sub("", text[m.end() :])).strip()
        if (quoted := _QUOTED.match(request)) is not None:
            request = quoted["d"] or quoted["s"] or quoted["c"]
        if re.search(r"\w", request):
            return request
    if _FYI.match(text):
        return _FYI.sub("", text)
    return None


def _asks_something(lead: str, model: SemanticModel) -> bool:
    """Whether a wrapper's words ask for data themselves: an operation, or a value of the data by name."""
    names = {
        s.lower()
        for ds in model.datasets
        for fields in (ds.measures, ds.dimensions)
        for f in fields
        for s in (f.name, f.label, *f.synonyms)
    }
    words = {w.lower() for w in re.findall(r"[\w'-]+", lead)}
    return bool(_OPERATION.search(lead) or words & names) or names_a_value(lead, model)


def _corrected(text: str) -> str:
    """A later correction by the asker spelt as a written correction."""
    m = _LATER.search(text)
    if m is None:
        return text
    said = text[m.end() :].strip()
    if (forget := _FORGET.match(said)) is not None:
        said = f"{forget['new'].strip()}, not {forget['old'].strip()}."
    return f"{text[: m.start()].rstrip()}. Correction: {said}"


def _undecided(words: str, what: str, text: str, model: SemanticModel) -> UnchartableQuestion:
    sentence = (
        f"chartq will not guess the request: \u201c{words.strip()}\u201d {what}; ask again once the request"
        " is settled, with only the words that were decided"
    )
    return UnchartableQuestion(with_example(sentence, text, model))
