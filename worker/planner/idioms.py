"""Figures of speech, read as what they ask for or taken off as framing.

- Read as what they ask for: "the lion's share of the vote" is the biggest share ("slice the pie by
  candidate" is a pie by candidate); "Rock bottom:" and "Bottom of the barrel:" before a request that
  ranks lowest first, and "The cream of the crop:", "The big fish:" or "Through the roof:" before one that
  ranks highest first, add nothing to that ranking ("the rock-bottom price" is the lowest); "Joly's
  stomping ground: her votes ..." and "Coderre's bread and butter: his 5 best districts" are the
  candidate's own ("Joly's votes ..."); "Netflix's rollercoaster ride" is Netflix; "who tips the bigger
  percentage of the bill" has the bigger tip percentage.
- Taken off as framing: "neck and neck", "Head and shoulders above the rest?", "When push comes to
  shove,", "The calm before the storm:", "over the long haul" and "The whole nine yards:" (its nine is no
  count).

A figure of speech for a judgement the data does not record ("went from rags to riches", "the dark
horses", "punches above its weight", "went to the moon", "the black sheep", "the also-rans") is refused
with a sentence saying so, unless it is only a lead-in before a colon (then the request after it is read,
and the lead-in noted as context). A lead-in that ranks the other way from the request is left as
written. Text with none of these figures is returned exactly as written.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.owners import example_for
from worker.semantic import SemanticModel

__all__ = ["unidiom"]

_I = re.IGNORECASE
_VOICE = re.compile(
    r"lion'?s|barrel|bottom|cream|big\s+fish|roof|neck|shoulders|shove|storm|haul|nine\s+yards|stomping"
    r"|stamping|turf|heartland|bread|roller|tips?\s+the|riches|dark\s+horse|weight|moon|black\s+sheep"
    r"|also-?rans?|slice\s+the\s+pie",
    _I,
)
_END = r"\s*[:;,?!.\u2013\u2014-]\s*"
_LOW = re.compile(r"\b(?:lowest|least|fewest|smallest|worst|poorest|bottom|minimum|min|cheapest)\b", _I)
_HIGH = re.compile(r"\b(?:highest|most|largest|biggest|best|richest|top|peak|maximum|max)\b", _I)
_LOW_LEAD = re.compile(rf"^\W*(?:(?:the\s+)?bottom\s+of\s+the\s+barrel|rock[\s-]bottom){_END}", _I)
_HIGH_LEAD = re.compile(
    rf"^\W*(?:the\s+)?(?:cream\s+of\s+the\s+crop|big\s+fish|top\s+of\s+the\s+heap|through\s+the\s+roof){_END}",
    _I,
)
_SAID = [
    # "Who took the lion's share of the vote?": who had the biggest share of it.
    (r"\b(?:took|won|got|grabbed|claimed|had)\s+the\s+lion'?s\s+share\b", "had the biggest share"),
    (r"\bthe\s+lion'?s\s+share\b", "the biggest share"),
    (r"(?:[?.:;]\s*|,\s*|\band\s+)?\bslice\s+the\s+pie\s+by\b", ", as a pie by"),
    (r"\bthe\s+rock[\s-]bottom\b", "the lowest"),
    # "Joly's stomping ground: her votes ...": the candidate's own.
    (
        r"\b(?P<n>(?-i:[A-Z])[\w-]*'s)\s+(?:(?:stomping|stamping)\s+grounds?|home\s+turf|heartland"
        r"|bread\s+and\s+butter|strongholds?|backyard)\s*[:;,\u2013\u2014-]\s*(?:his|her|its|their)\s+",
        r"\g<n> ",
    ),
    (
        r"\b(?P<n>(?-i:[A-Z])[\w-]*)'s\s+(?:wild\s+)?roller[\s-]?coaster(?:\s+(?:ride|year|journey))?",
        r"\g<n>",
    ),
    # "who tips the bigger percentage of the bill": who has the bigger tip percentage.
    (
        r"\btips?\s+(?:the|a)\s+(?P<c>bigger|higher|larger|smaller|lower)\s+(?:percentage|share|proportion)"
        r"(?:\s+of\s+(?:the|their)\s+bills?)?",
        r"has the \g<c> tip percentage",
    ),
    (r"\s*\bneck\s+and\s+neck\b", ""),
    (rf"^\W*head\s+and\s+shoulders\s+above\s+the\s+rest{_END}", ""),
    (r"\bwhen\s+push\s+comes\s+to\s+shove\s*,?\s*", ""),
    (rf"^\W*(?:the\s+)?calm\s+before\s+the\s+storm{_END}", ""),
    (r"\s*\b(?:over|for)\s+the\s+long\s+haul\b", ""),
    (rf"^\W*(?:the\s+)?whole\s+nine\s+yards{_END}", ""),
]
_READINGS = [(re.compile(p, _I), r) for p, r in _SAID]
# Judgements no column records: what each one would need the data to say.
_JUDGEMENTS = [
    (r"\bfrom\s+rags\s+to\s+riches\b", "which count as poor at the start and rich at the end"),
    (r"\bdark\s+horses?\b", "who did better than expected"),
    (
        r"\bpunch(?:es|ed|ing)?\s+above\s+(?:its|their|his|her)\s+weight\b",
        "who does better than its size suggests",
    ),
    (r"\b(?:went|go|goes|going|gone|shot)\s+to\s+the\s+moon\b", "what counts as a soaring rise"),
    (r"\bblack\s+sheep\b", "which ones stand out from the rest"),
    (r"\balso-?\s?rans?\b", "who counts as trailing behind"),
]
_JUDGED = [(re.compile(p, _I), what) for p, what in _JUDGEMENTS]


def _refuse_judgement(text: str, model: SemanticModel) -> None:
    """Refuses a figure of speech for a judgement, unless it only leads in before a colon."""
    for pattern, what in _JUDGED:
        m = pattern.search(text)
        if m is None or re.match(r"[^:?!.]*:\s*\S", text[m.end() :]):
            continue
        example = example_for(text, model)
        raise UnchartableQuestion(
            f"\u201c{m[0]}\u201d is a figure of speech for a judgement the data does not record ({what}); "
            f"chartq charts the numbers behind it, so ask for them directly. {example}"
        )


def _lead_in(text: str) -> str:
    """ "Rock bottom: the lowest price ...": a lead-in the request's own ranking already says."""
    for lead, same, other in ((_LOW_LEAD, _LOW, _HIGH), (_HIGH_LEAD, _HIGH, _LOW)):
        m = lead.search(text)
        if m is not None:
            rest = text[m.end() :]
            if same.search(rest) and not other.search(rest):
                return rest
    return text


def unidiom(text: str, model: SemanticModel) -> str:
    """`text` with its figures of speech read as what they ask for or taken off; judgements refused."""
    if not _VOICE.search(text):
        return text
    _refuse_judgement(text, model)
    read = _lead_in(text)
    for pattern, replacement in _READINGS:
        read = pattern.sub(replacement, read)
    read = re.sub(r"\s+([,?.!:;])", r"\1", " ".join(read.split())).strip(" ,")
    read = re.sub(r"^[,;:]\s*", "", read)
    if not read or read == " ".join(text.split()):
        return text
    return read[:1].upper() + read[1:] if text.lstrip()[:1].isupper() else read
