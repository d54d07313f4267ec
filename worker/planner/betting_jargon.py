"""A punter's betting words, spelt as the plain request they stand for. Read only in a question that speaks
them (a word below), so any other question reads exactly as before:
- a leading bet or tip is context ("I put my money on Apple in 2018.", "I backed Netflix.", "The bookies say
  ...", "Sunday is my banker ...", "It's a safe bet ...", "Was it a photo finish between A and B?", "A dead
  heat ...?", "Everyone tipped China to ..."): it is dropped, and a value or period named only there is no
  filter; the request's "its" / "their" then names the values the bet names ("Show its weekly price" is
  "Show Apple's weekly price"), and its "there" the place the lead names ("How did the field finish in the
  majority districts? Total votes per candidate there" is "... in the majority districts");
- asides that add nothing: "so I can check my pick", "so I can see if they were right", "I've got a fiver
  riding on it";
- framings: "Form guide (for ...):" and "The full card:" add nothing, and a form guide's "how did A and B
  run on X" is "how did A and B do on X"; "Rank the field:" is "Ranking:"; "The also-rans, A and B:" names
  A and B; "The long shot of the continents: which one ..." is "which continent ...";
- the single top or bottom value, only where the question names a measure: "the front-runner", "leading
  the pack", "out in front" are "highest" ("Just the front-runner" / "Just the winner": "Just the top
  one"), "the rank outsider" / "the long shot" are "lowest"; "the top 5 of the field" is "the top 5";
  "The front-runner on M: which X was out in front?" is "which X was highest on M?";
- a request's "through 2019" with no start is the year itself ("in 2019").
Odds, probabilities, payouts, each-way bets, expected values, hedges, dark horses and who is going to win
are left as they are (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unbet"]

_I = re.IGNORECASE
# A punter's word: nothing below is read in a question without one ("tipped" alone is the tips data's verb).
_BET = re.compile(
    r"\b(?:front[\s-]runners?|out\s+in\s+front|leading\s+the\s+pack|the\s+field|(?:rank\s+)?outsiders?|"
    r"long\s+shots?|also[\s-]rans?|bankers?|bookies?|bookmakers?|odds[\s-]on|form\s+guide|full\s+card|"
    r"fiver|tenner|my\s+pick|photo[\s-]finish|dead\s+heat|safe\s+bet|backed|put\s+my\s+money|"
    r"my\s+money(?:'s|\s+is)\s+on|tipped\s+\w+\s+to\s+(?:take|win|top|beat|finish))\b",
    _I,
)
# What the data cannot answer: such a question is left whole, so it is refused by name downstream.
_REFUSED = re.compile(
    r"\b(?:odds(?![\s-]on)|probabilit(?:y|ies)|chances?|payouts?|pay\s+out|returns?|each[\s-]way|"
    r"expected\s+value|hedge|hedging|dark\s+horses?|going\s+to\s+win|will\s+win|next|"
    r"at\s+\d{1,3}\s*(?:to|/|-)\s*\d{1,3}|"
    r"stake|winnings)\b",
    _I,
)
_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=\S)")
# A leading sentence that is a bet, a tip or the bookies' view: context for the request after it.
_CONTEXT = re.compile(
    r"\b(?:bookies?|bookmakers?|odds[\s-]on|bankers?|safe\s+bet|photo[\s-]finish|dead\s+heat|backed|"
    r"put\s+my\s+money|my\s+money(?:'s|\s+is)\s+on|tipped\s+\w+\s+to|my\s+pick|"
    r"how\s+did\s+the\s+field\s+(?:finish|run|go|do|fare))\b",
    _I,
)
_ITS = re.compile(r"\b(?:its|their)\b(?=\s+\w)", _I)
_THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were)\b)", _I)
_PLACE = re.compile(r"\b(?P<place>in\s+the\s+[\w\s+-]+?)\s*[.?!]?\s*$", _I)
_ASIDE = re.compile(
    r"\s*,?\s*(?:so\s+(?:that\s+)?I\s+can\s+(?:check|see|test)\s+(?:my\s+(?:pick|bet|banker|tip)|"
    r"(?:if|whether)\s+(?:they|the\s+bookies|I|my\s+\w+)\s+(?:was|were|is|are)\s+right)|"
    r"I(?:'ve|\s+have)\s+got\s+(?:a\s+)?(?:fiver|tenner|quid|bet|\w+)\s+(?:riding\s+)?on\s+(?:it|this)|"
    r"(?:that's\s+|it's\s+)?my\s+pick)(?=\s*(?:[.!?]|$))",
    _I,
)
_FORM_GUIDE = re.compile(
    r"^\W*(?:the\s+)?(?:form\s+guide|full\s+card)(?:\s+for\s+[^:;.?!]{1,40}?)?\s*:\s*", _I
)
_RUN_ON = re.compile(r"\bhow\s+did\s+(?P<who>[^?]{1,60}?)\s+run\s+(?=on\b)", _I)
_RANK_FIELD = re.compile(r"^\W*rank\s+the\s+field\s*:", _I)
_ALSO_RANS = re.compile(r"^\W*(?:the\s+)?also[\s-]rans?\s*,\s*(?P<names>[^:;.?!]{1,60}?)\s*:\s*", _I)
_LONG_SHOT_OF = re.compile(
    r"^\W*(?:the\s+)?(?:long\s+shot|rank\s+outsider|outsider|front[\s-]runner)\s+of\s+the\s+"
    r"(?P<group>[\w-]+)\s*:\s*(?P<rest>.*\bwhich\s+one\b.*)$",
    _I | re.DOTALL,
)
_FRONT_ON = re.compile(
    r"^\W*(?:the\s+)?front[\s-]runner\s+(?P<on>(?:on|in|for|by)\s+[^:;?!]{1,60}?)\s*:\s*(?P<rest>\S.*)$",
    _I | re.DOTALL,
)
# "with the front-runner at the top" is a sports fan's sort order (worker.planner.sports_talk), no ranking.
_IN_FRONT = re.compile(
    r"\b(?:out\s+in\s+front|leading\s+the\s+pack|the\s+front[\s-]runner(?!\s+(?:at\s+the\s+top|on\s+top|"
    r"first|at\s+the\s+front)\b))\b",
    _I,
)
_JUST_TOP = re.compile(r"\b(?P<just>just|only)\s+the\s+(?:front[\s-]runner|winner)\b", _I)
_THE_ONE_IN_FRONT = re.compile(r"\s*,\s*the\s+one\s+[\w-]+\s+(?:out\s+in\s+front|leading\s+the\s+pack)\b", _I)
_OUTSIDER = re.compile(r"\bthe\s+(?:rank\s+outsider|outsider|long\s+shot)\b", _I)
_OF_FIELD = re.compile(r"(?<=\d)\s+of\s+the\s+field\b", _I)
_THROUGH_YEAR = re.compile(r"(?<!-)\bthrough\s+(?=\d{4}\b)", _I)
_FROM = re.compile(r"\b(?:from|since|between)\s+\S", _I)
_SPLIT_OUT = re.compile(r"\bwith\s+(?P<values>[^,.;?!]{1,60}?)\s+split\s+out\b", _I)


def unbet(text: str, model: SemanticModel) -> str:
    """`text` with a punter's words spelt out as the plain request; other text is unchanged."""
    if not _BET.search(text) or _REFUSED.search(text):
        return text
    read = _ASIDE.sub("", text)
    read = _unlead(read, model)
    read = _unframe(read)
    if names_of(model).measures.search(read):
        read = _ranked(read)
    if not _FROM.search(read):
        read = _THROUGH_YEAR.sub("in ", read)
    return _SPLIT_OUT.sub(lambda m: _split_by(m, model), read)


def _unlead(text: str, model: SemanticModel) -> str:
    """Without a leading bet: the request's "its" / "their" name its values and its "there" its place."""
    lead, *rest = _SENTENCE.split(text.strip(), maxsplit=1)
    if not rest or not _CONTEXT.search(lead):
        return text
    request = rest[0]
    names = names_of(model)
    named = values_named(lead, names)
    if named and not values_named(request, names) and _ITS.search(request):
        whose = f"{' and '.join(named)}'s" if len(named) < 3 else f"{', '.join(named[:-1])} and {named[-1]}'s"
        request = _ITS.sub(whose, request, count=1)
    place = _PLACE.search(lead)
    if place is not None and _THERE.search(request):
        request = _THERE.sub(place["place"], request, count=1)
    return request


def _unframe(text: str) -> str:
    """Without a punter's framing: a form guide's or full card's dropped, the field's ranking said."""
    read = _FORM_GUIDE.sub("", text)
    if read != text:
        read = _RUN_ON.sub(lambda m: f"how did {m['who']} do ", _capital(read))
    read = _RANK_FIELD.sub("Ranking:", read)
    read = _ALSO_RANS.sub(lambda m: f"{m['names']}: ", read)
    long_shot = _LONG_SHOT_OF.match(read)
    if long_shot is not None:
        one = _singular(long_shot["group"])
        read = _capital(re.sub(r"\bwhich\s+one\b", f"which {one}", long_shot["rest"], count=1, flags=_I))
    return read


def _ranked(text: str) -> str:
    """The front-runner as the single top value and the outsider as the bottom one (a measure is named)."""
    front = _FRONT_ON.match(text)
    read = text
    if front is not None and _IN_FRONT.search(front["rest"]):
        # "The front-runner on M: which X was out in front?": the measure goes where the ranking is said.
        read = _capital(_IN_FRONT.sub(f"highest {front['on']}", front["rest"], count=1))
    elif front is not None:
        read = f"{_capital(front['on'])}: {front['rest']}"
    read = _JUST_TOP.sub(lambda m: f"{m['just']} the top one", read)
    read = _THE_ONE_IN_FRONT.sub("", read)
    read = _IN_FRONT.sub("highest", read)
    read = _OUTSIDER.sub("lowest", read)
    return _OF_FIELD.sub("", read)


def _split_by(said: re.Match[str], model: SemanticModel) -> str:
    """ "with lunch and dinner split out" as split by the grouping those values belong to."""
    named = {v.lower() for v in values_named(said["values"], names_of(model))}
    for ds in model.datasets:
        for dim in ds.dimensions:
            if len(named) > 1 and named <= {str(v).lower() for v in dim.values}:
                return f"split by {(dim.synonyms or [dim.label])[0]}"
    return said[0]


def _singular(word: str) -> str:
    if word.lower().endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.lower().endswith("s") and not word.lower().endswith("ss") else word


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
