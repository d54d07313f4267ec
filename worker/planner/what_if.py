"""Spelt out before a question is read (worker.planner.voices): a what-if user's hypothetical framing, read
as the restriction it states or set aside as the framing it is.

- A restriction stated as a hypothetical is the restriction: "What if we only looked at Africa?",
  "Suppose I only followed Netflix:", "if I only went out on Saturdays and Sundays", "In a world where
  only gold counted," and "a florist who only grows virginica" are "only Africa", "only Netflix", ...;
  "each of those two days" then points back at the values named, its count adds nothing.
- A persona whose activity names what to chart keeps what it names: "Suppose I'm choosing between Amazon
  and Google:", "Say I'm comparing the Americas and Europe:", "Imagine you're explaining Canada vs China
  at the Olympics:"; a persona dated ("a census taker in 1952") keeps its period. A persona that names
  nothing ("Suppose I'm a waiter choosing my shifts:") is left to worker.planner.context, which names it
  as set aside, when it can; otherwise ("If I were planning a wind farm, I'd want ...") it is framing
  and comes off. "Hypothetically," and "If you had to pick one," are framing too.
- "If I had bought Apple in the first week of 2018, how would its price have moved since?" is the price
  itself when the purchase is in the data's first year (the prices are the data as recorded from then).
- A counterfactual about the data ("If Coderre had also received all of Joly's votes", "Had the irises
  been grown in the shade", "What if every table had tipped 20%") is refused: chartq charts the data as
  recorded, and a chart of it would silently answer a different question.
"""

from __future__ import annotations

import re

from worker.planner.context import told_with
from worker.planner.errors import NotInTheData
from worker.planner.owners import example_for
from worker.semantic import SemanticModel

__all__ = ["unwhat_if", "with_example"]

_I = re.IGNORECASE
_ME = r"(?:i|we)"
_IF = r"(?:what\s+if|if|suppose|say|imagine|assuming|let's\s+pretend|pretend)"
# "If Coderre had also received", "What if every table had tipped", "Suppose China's population had
# grown", "Had the irises been grown": the data changed before it is charted ("had to" is no change).
_SUBJECT = r"[\w'\u2019 -]{1,40}?"
_COUNTERFACTUAL = re.compile(
    rf"^\W*(?:{_IF}\s+(?!{_ME}\b|you\b|one\b){_SUBJECT}\s+had\s+(?!to\b)(?:also\s+|only\s+|just\s+)?"
    r"(?:been|[a-z]+(?:ed|en|wn|un|ot|id|on|ne|de|ld|ht))\b"
    rf"|had\s+(?!{_ME}\b|you\b){_SUBJECT}\s+been\s+[a-z]+)",
    _I,
)
_FRAMING = [
    # "Hypothetically,", "Hypothetically speaking,": how the question is put, nothing more.
    r"^\W*hypothetically(?:\s+speaking)?\s*,?\s*",
    # "If you had to pick one,": the singular "which" that follows already asks for one.
    r"^\W*if\s+(?:you|i|we)\s+(?:had|have)\s+to\s+(?:pick|choose|name|guess)(?:\s+(?:just\s+)?one)?\s*,\s*",
    # "if I picked a country just by how long people live, show me ...": why, before the request itself.
    r"^\W*if\s+(?:i|we|you)\s+(?:picked|chose|judged|ranked|rated)\s+[^,:;?]{1,60},\s*(?=(?:show|chart|plot|"
    r"graph|draw|give|list)\b)",
]
_FRAMING_RES = [re.compile(p, _I) for p in _FRAMING]
_LOOKED = (
    r"(?:looked\s+at|cared\s+about|followed|went\s+out\s+on|watched|tracked|considered|counted|focused\s+on|"
    r"kept|invested\s+in|grow|grew|grows|visited|bought)"
)
_RESTRICTIONS = [
    # "What if we only looked at Africa?", "if I only went out on Saturdays": only those.
    (rf"^\W*{_IF}\s+{_ME}\s+(?:only|just)\s+(?:ever\s+)?{_LOOKED}\s+", "only "),
    # "In a world where only gold counted,": only gold.
    (
        r"^\W*in\s+a\s+world\s+where\s+only\s+(?P<x>[^,:;?]+?)\s+(?:counted|mattered|existed|counts|matters)"
        r"\s*(?P<end>[,:;?])",
        r"only \g<x>\g<end>",
    ),
]
_RESTRICTION_RES = [(re.compile(p, _I), said) for p, said in _RESTRICTIONS]
# "Suppose I'm", "Imagine you're", "If I were", "Let's pretend I'm", "Picture yourself": a persona follows.
_PERSONA = re.compile(
    r"^\W*(?:(?:suppose|imagine|say|assuming|let's\s+pretend|pretend)\s+(?:i'm|i\s+am|you're|you\s+are|"
    r"we're|we\s+are)|if\s+(?:i|we|you)\s+were|picture\s+yourself(?:\s+as)?)\s+(?P<who>[^:,;?]{1,80}?)\s*"
    r"(?P<end>[:,;?])\s*",
    _I,
)
# What a persona names: what it chooses between or compares, what it only grows, the year it lives in.
_NAMES = [
    re.compile(r"^(?:choosing|deciding|picking)\s+between\s+(?P<x>.+)$", _I),
    re.compile(r"^(?:comparing|explaining|weighing|contrasting)\s+(?P<x>.+)$", _I),
    re.compile(rf"^.*?\bwho\s+(?P<only>only|just)\s+{_LOOKED}\s+(?P<x>.+)$", _I),
]
# "a census taker in 1952", "a sailor heading out in a 6+ wind": a persona placed in a year or a band.
_PLACED = re.compile(r"\bin\s+(?P<x>[^,:;]*\d[^,:;]*)$", _I)
# "a sailor heading out in a 6+ wind", "I'd want to see": a persona's wish, then its request.
_WANT = re.compile(r"^\W*(?:i'd|i\s+would|we'd|we\s+would)\s+(?:want|like)\s+(?:to\s+see\s+)?", _I)
_THOSE_N = re.compile(r"\b(?P<p>those|these)\s+(?:two|three|four|five|\d+)\s+(?=[a-z]+s\b)", _I)
# "If I had bought Apple and Microsoft in the first week of 2018, how would ... since?"
_BOUGHT = re.compile(
    r"^\W*if\s+(?:i|we)\s+had\s+(?:bought|invested\s+in|purchased)\s+(?P<x>.+?)\s+(?:in|at\s+the\s+start\s+of)"
    r"\s+(?P<when>[^,:;?]*?(?P<year>\d{4}))\s*,\s*(?P<rest>.+?)\s+since(?P<end>\s*[?.!].*)$",
    _I,
)
# A purchase at the start of a year: the data's first year starts where its prices do.
_AT_START = re.compile(
    r"^(?:(?:the\s+)?(?:first\s+(?:week|day|month)|start|beginning)\s+of\s+|(?:early\s+)?jan(?:uary)?\s+)?\d{4}$",
    _I,
)


def unwhat_if(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    if _COUNTERFACTUAL.search(text) is not None:
        raise NotInTheData(
            with_example(
                "That asks what the data would be had something been different, and chartq charts the data "
                "as recorded: a chart of it would silently show what did happen. Ask about the data as it is",
                text,
                model,
            )
        )
    read = text
    for pattern in _FRAMING_RES:
        read = pattern.sub("", read)
    read = _bought(read, model)
    for pattern, said in _RESTRICTION_RES:
        read = pattern.sub(said, read)
    read = _persona(read)
    if read == text:
        return text
    read = _THOSE_N.sub(lambda m: f"{m['p']} ", read)
    return " ".join(read.split())


def _persona(text: str) -> str:
    """The persona's names kept, or the persona left to the context reader, or taken off as framing."""
    m = _PERSONA.match(text)
    if m is None:
        return text
    who, rest = m["who"].strip(), _WANT.sub("", text[m.end() :])
    for pattern in _NAMES:
        if (named := pattern.match(who)) is not None:
            only = "only " if named.groupdict().get("only") else ""
            return f"{only}{named['x']}{m['end']} {rest}"
    if re.search(r"\b(?:only|just)\b", who, _I):
        return text  # "If I were only interested in smokers,": the readers read the restriction as written
    if (placed := _PLACED.search(who)) is not None:
        return f"in {placed['x']}{m['end']} {rest}"
    if any(context == text[: m.end()].strip(" :,;?") for context, _ in told_with(text)):
        return text  # worker.planner.context sets it aside and says so
    return rest


def _bought(text: str, model: SemanticModel) -> str:
    """A purchase at the start of the data's first year, asked how it moved since: the prices as recorded;
    a later purchase is asked since it was made."""
    m = _BOUGHT.match(text)
    if m is None:
        return text
    first = {str(ds.time_min)[:4] for ds in model.datasets if ds.time_min}
    if m["year"] not in first or _AT_START.match(m["when"]) is None:
        return f"{m['x']}: {m['rest']} since {m['when']}{m['end']}"
    return f"{m['x']}: {m['rest']}{m['end']}"


def with_example(sentence: str, text: str, model: SemanticModel) -> str:
    """A refusal's `sentence` ended with a question that works, about the dataset `text` names if any."""
    example = example_for(text, model)
    return f"{sentence}. {example}" if example else f"{sentence}."
