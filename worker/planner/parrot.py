"""A parrot: its calls ("Squawk!", "Polly wants a cracker!", "Pretty bird!", "Pieces of eight!", "Who's a
clever boy?") and its echoes of the request it heard ("Average tip for each day! Each day! Average tip!")
set aside around the one request. Read only in a question that carries one of the calls (a marker below),
so any other question, even one that repeats itself ("Tips! Tips by day!"), reads exactly as before:
- a fragment (up to a "!", "?" or ".") that is only calls comes off, and so does a call said as a clause
  of its own ("Squawk, the average tip"): a call names no value, limit, ranking or chart, so "Pieces of
  eight" is no limit of 8 and no candidate "Eight";
- a fragment every word of which another fragment already says ("Tables of 4! Tables of 4!", "Five!" beside
  "The 5 poorest countries", "As a pie!") is an echo of it: one request, one filter, one chart. A fragment
  that says something new ("Poorest first!", "One line each!", "Coloured by species!") is kept with it.
A later fragment that asks for a chart of its own ("And the medals as a pie, a separate chart!") is a second
request and is refused here: chartq draws one chart per question, and the echo of it must not hide it.
What the request itself asks (crackers eaten, the tips in pieces of eight, a year the data lacks) is left
as it is and refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.story_scenes import tidy
from worker.semantic import SemanticModel

__all__ = ["unparrot"]

_I = re.IGNORECASE
_CALLS = (
    r"(?:squawk+|polly\s+wants\s+a\s+cracker|pretty\s+bird|pieces\s+of\s+eight"
    r"|who(?:['\u2019]s|\s+is)\s+a\s+clever\s+(?:boy|girl|bird))"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b{_CALLS}\b", _I)
# The fragments the parrot says, each with the mark that ends it.
_FRAGMENTS = re.compile(r"[^.!?]+[.!?]*|[.!?]+")
_ONLY_CALLS = re.compile(rf"^[\W_]*(?:{_CALLS}[\W_]*)+$", _I)
# A call said as a clause of its own, between the fragment's start or a comma and a comma or its end; a
# call inside a phrase ("the tips in pieces of eight") is what the request asks, and stays.
_CALL_CLAUSE = re.compile(rf"(?:^|(?<=,))\s*{_CALLS}\s*(?:,|(?=[.!?]*$))", _I)
# A chart of its own: "a separate chart", "another pie"; "a separate line for each company" is a series.
_SECOND = re.compile(
    r"\b(?:(?:an?\s+(?:separate|second|other)|another)\s+(?:pie|chart|graph|plot|histogram|scatter)"
    r"|(?:two|three|both|separate)\s+(?:charts|graphs|plots|pies))\b",
    _I,
)
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?", _I)
# Words that carry nothing of the request on their own: an echo may drop or add them.
_SLIGHT = {"a", "an", "the"}
_NUMBERS = {
    word: str(n)
    for n, word in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], 1
    )
}


def unparrot(text: str, model: SemanticModel) -> str:
    """`text` without a parrot's calls and echoes around the one request; other text is unchanged."""
    del model  # the calls and echoes are read from the words alone
    if not _VOICE.search(text):
        return text
    fragments = [_uncalled(f) for f in _FRAGMENTS.findall(text) if not _ONLY_CALLS.match(f)]
    fragments = [f for f in fragments if _words(f)]
    kept = [f for i, f in enumerate(fragments) if not _echo(i, fragments)]
    if not kept:
        return text
    _refuse_second(kept)
    read = tidy(" ".join(kept))
    return read if read != tidy(text) else text


def _refuse_second(fragments: list[str]) -> None:
    """Refuses a chart asked for in a fragment after the request's first. NotInTheData: read as one
    request, one data set would be charted by the other's groups, or one chart silently dropped."""
    second = next((m for f in fragments[1:] if (m := _SECOND.search(f))), None)
    if second is not None:
        first = fragments[0].strip(" .!?")
        raise NotInTheData(
            f"chartq draws one chart per question, and this one asks for \u201c{second[0]}\u201d. Ask for "
            f"each chart in a question of its own, e.g. \u201c{first}\u201d."
        )


def _uncalled(fragment: str) -> str:
    """The fragment without a call said as a clause of its own."""
    return _CALL_CLAUSE.sub(" ", fragment).strip()


def _echo(at: int, fragments: list[str]) -> bool:
    """Whether fragment `at` only repeats another: all its words said in a fuller fragment, or the same
    words said earlier (the first saying stands)."""
    said = _words(fragments[at])
    for i, other in enumerate(fragments):
        words = _words(other)
        if i != at and said <= words and (said != words or i < at):
            return True
    return False


def _words(fragment: str) -> set[str]:
    """The fragment's words, without possessives and articles, numbers as digits."""
    words = (re.sub(r"['\u2019]s$", "", w.lower()) for w in _WORD.findall(fragment))
    return {_NUMBERS.get(w, w) for w in words if w not in _SLIGHT}
