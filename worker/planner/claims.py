"""A skeptic's claims ("Is it true that smokers tip more than non-smokers?", "Was Oceania really the richest
continent in 1952?", "Did Amazon and Netflix really move together?") rewritten as the chart that checks them.

- The claim's frame ("is it true that", "really", "or is that a myth", a leading "did"/"was") says nothing
  about the data and is dropped.
- A comparison of named values ("A tip more than B", "A had more people than B", "A leave a higher tip
  percentage than B") is the measure for A versus B: "A tip vs B".
- A claim that one value leads ("Was Oceania the richest continent", "China has the most medals", "X
  spent more weeks below ... than any other company") can only be checked against every value: the
  leading value is dropped (it is no filter) and every value is ranked ("rank them all"), unless the
  question asks for a count ("top ten is enough"). Only a capitalised name is dropped so, never a measure.
- "Among countries with X, were there more in A than in B" counts those countries in A and B.
- Claims over time ("move together", "ever above", "keep growing", "crash") are the lines over time.
- "Does X track Y", "a link between X and Y": a scatter of X against Y.
"""

from __future__ import annotations

import re
from collections.abc import Collection

__all__ = ["unclaim"]

_I = re.IGNORECASE
_CLAIM = re.compile(
    r"^\W*(?:is|was|were|are)\s+it\s+(?:really\s+)?(?:true|right|correct|a\s+fact|a\s+myth)\s+that\s+", _I
)
_ASKED = re.compile(
    r"^\W*(?:do|does|did|is|are|was|were|has|have|had)\s+(?=\S+(?:\s+\S+){0,5}?\s+really\b)", _I
)
_YES_NO = re.compile(r"^\W*(?:do|does|did|is|are|was|were|has|have|had)\s", _I)
_MARKERS = re.compile(
    r"\bever\s+above\b|\bmove[sd]?\s+together\b|\bkeep\s+growing\b|\bbigger\s+\w+\s+leave\s+bigger\b", _I
)
_ASKED_ANY = re.compile(r"^\W*(?:do|does|did|is|are|was|were|has|have|had)\s+", _I)
_REALLY = re.compile(r"\s+really\b", _I)
_MYTH = re.compile(r",?\s*or\s+is\s+(?:that|this|it)\s+(?:just\s+)?a\s+myth\b", _I)
# "Do people really tip more ...": the people of the claim are the rows, not a value.
_PEOPLE = re.compile(r"^(?:people|folks|customers|diners|guests|they)\s+(?=\w)", _I)
_MORE = r"(?:more|higher|bigger|larger|greater|less|lower|fewer|smaller|longer|shorter|wider|narrower)"
_VERBS = (
    r"(?:had|has|have|got|get|gets|leave|leaves|left|give|gives|gave|win|won|wins|earn|earned|earns|"
    r"score[sd]?)"
)
# "A had more people than B", "A leave a higher tip percentage than B": the measure for A versus B.
_COMPARED = re.compile(
    rf"\b(?:{_VERBS}\s+)?(?:an?\s+)?{_MORE}\s+(?P<m>(?:(?!than\b)[\w'%-]+\s+){{0,4}}?)(?:on\s+average\s+)?than\s+"
    r"(?:those\s+of\s+|that\s+of\s+)?",
    _I,
)
# "Oceania the richest continent", "Microsoft had the highest average price", "China has the most medals".
_LEADS = re.compile(
    r"^(?P<v>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})\s+(?:(?:had|has|have|was|is|won|wins|got|gets|"
    r"scored|earned)\s+)?(?=the\s+(?:[a-z]+\s+(?:with|that\s+had|which\s+had|who\s+had|having)\s+the\s+)?"
    r"(?:most|least|highest|lowest|[a-z]+est)\b)"
)
# "of the six", "of all six", "overall": the whole again, said after the leader's superlative.
_OF_THE_WHOLE = re.compile(
    r"\s+of\s+(?:the|all(?:\s+the)?)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b", _I
)
# "X spent more weeks below ... than any other company": every company's count of them.
_ANY_OTHER = re.compile(
    r"^(?P<v>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})\s+(?:[a-z]+\s+)?more\s+(?P<m>.+?)\s+than\s+any\s+other\s+"
    r"(?P<n>[a-z]+)"
)
_COUNTED = re.compile(
    r"\btop\s+(?:\d+|[a-z]+)\b|\b(?:\d+|ten|five|three)\s+(?:is|are)\s+(?:enough|plenty)\b", _I
)
# "Check it against the rest": every value is shown anyway.
_AGAINST_REST = re.compile(
    r"\bcheck\s+(?:it|this|that)\s+against\s+(?:the\s+rest|the\s+others|all\s+the\s+others)\b", _I
)
# "Among countries with X, were there more in A than in B?": the countries counted in A and B.
_AMONG = re.compile(
    r"^among\s+(?P<n>[\w-]+)\s+(?P<c>[^,]+?),\s*(?:were|are|was|is)\s+there\s+more\s+(?:of\s+them\s+)?"
    r"(?P<a>in\s+.+?)\s+than\s+in\s+(?P<b>[^?.!]+)",
    _I,
)
_FOLLOW_UP = re.compile(
    r"(?<=[?.!])\s+(?=(?:show|plot|chart|draw|count|graph|i'?d\s+want\s+to\s+see|i\s+want\s+to\s+see|"
    r"an?\s+(?:scatter|bar|line|pie)\b|check)\b)",
    _I,
)
_POINTS_BACK = re.compile(r"\b(?:her|his|its|their|them|there|those|these|that|it|this|the\s+same)\b", _I)
_SETTLE = re.compile(r"\s+would\s+(?:settle|answer|check|show)\s+(?:it|that|this)\b", _I)


def _YES_NO_OR_CLAIM(text: str) -> bool:
    return _CLAIM.match(text) is not None or _YES_NO.match(text) is not None


# Claims over time: the lines over time check them.
_OVER_TIME = [
    (r"\bmove[sd]?\s+together\b", ""),
    (r"\b(?:stayed|stays?|remained|remains?|was|were|is|been)\s+(?:ever\s+)?above\b", "vs"),
    (r"\b(?:ever\s+)?above\s+(?=[A-Z])", "vs "),
    (r"\bkeep\s+(?:growing|rising|falling|increasing)\s+(?=in\s+every|every|each|since)", "over time "),
    (r"\bcrash(?:ed)?\s+(?=in\b)", "over time "),
    (r"\bcome\s+mostly\s+from\s+the\s+[a-z-]+", "by direction"),
    (r"\bmostly\s+come\s+from\s+the\s+[a-z-]+", "by direction"),
]
# "voters over 65": people's ages, which no data here has (left for the reader to refuse by name).
_AGED = re.compile(
    r"\b(?P<w>voters|people|customers|diners|guests|residents|men|women)\s+(?:over|under|above|below|older\s+than|"
    r"younger\s+than|aged)\s+(?P<n>\d+)",
    _I,
)
_TIME_RES = [(re.compile(p, _I), said) for p, said in _OVER_TIME]
# "Does petal length track sepal length", "a link between the bill and the tip": a scatter of the two.
_RELATION = re.compile(
    r"\b(?:tracks?|follows?|goes\s+with|go\s+with|rises?\s+with|rise\s+with)\s+(?=\w)|"
    r"\bis\s+there\s+(?:a|any)\s+(?:link|relationship|connection)\s+between\s+(?P<x>.+?)\s+and\s+",
    _I,
)


def unclaim(text: str, values: Collection[str]) -> str:
    """`text` with a claim rewritten as the chart that checks it; other text unchanged. `values` are the
    words of the data's values (lowercase)."""
    said = text
    text = _AGAINST_REST.sub("", _CLAIM.sub("", text))
    if (m := _FOLLOW_UP.search(text)) is not None and _YES_NO_OR_CLAIM(said):
        # "Are north winds mostly weak? Show north winds by strength.": the second sentence names the chart,
        # when the claim names nothing of the data that it leaves out (a value, a scope) and it points
        # back at nothing ("her votes", "there").
        claim, rest = text[: m.start()], _SETTLE.sub("", text[m.start() :])
        rest_words = {w.rstrip("s") for w in re.findall(r"[a-z]+", rest.lower())}
        lost = [
            w for w in re.findall(r"[a-z]+", claim.lower()) if w in values and w.rstrip("s") not in rest_words
        ]
        if not lost and not _POINTS_BACK.search(rest):
            return " ".join(rest.split())
        text = _resolved(claim, rest) if _POINTS_BACK.search(rest) else claim + rest
    asked = text != said or _REALLY.search(text) is not None
    # "Was Google's stock ever above Apple's?", "Do bigger parties leave bigger tips?": a yes/no question
    # with a claim's wording is one too.
    asked = asked or (_YES_NO.match(text) is not None and _MARKERS.search(text) is not None)
    if not asked:
        return text
    text = _MYTH.sub("", text)
    text = _ASKED.sub("", text) if _REALLY.search(text) else _ASKED_ANY.sub("", text)
    text = _REALLY.sub("", text, count=1)
    text = _PEOPLE.sub("", text)
    if (m := _AMONG.match(text)) is not None:
        text = f"number of {m['n']} {m['c']} {m['a']} and {m['b']}" + text[m.end() :]
    if (m := _ANY_OTHER.match(text)) is not None:
        text = f"the number of {m['m']} for each {m['n']}" + text[m.end() :]
    elif (m := _LEADS.match(text)) is not None:
        text = _OF_THE_WHOLE.sub("", text[m.end() :], count=1)
        if not _COUNTED.search(text):
            text = re.sub(r"\s*[?.!]*\s*$", ", rank them all", text, count=1)
    text = _COMPARED.sub(lambda m: f"{m['m']}vs ", text)
    for pattern, said_instead in _TIME_RES:
        text = pattern.sub(said_instead, text)
    text = _SETTLE.sub("", text)
    text = _AGED.sub(lambda m: f"{m['w']} aged {m['n']}", text)
    text = _RELATION.sub(lambda m: f"{m['x']} vs " if m["x"] else "vs ", text)
    return " ".join(text.split())


_SCOPE = re.compile(r"\b(?P<s>in\s+(?!those\b|these\b|there\b)[^?.!]+)[?.!]*\s*$", _I)
_SUBJECT = re.compile(r"^\W*(?:(?:is|was|did|does|do|are|were|has)\s+)?(?P<v>[A-Z][\w.'-]*)")
_THERE = re.compile(r"\b(?:in\s+)?(?:those|these)\s+[a-z]+\b|\bthere\b", _I)
_HER = re.compile(r"\b(?:her|his|its|their)\s+(?=[a-z])", _I)


def _resolved(claim: str, rest: str) -> str:
    """ "Was Joly strongest in the districts she won? Show her votes in those districts.": the follow-up
    with its pointers replaced by what they point at (the claim's scope, its subject); the rest of the
    claim (its verdict words) is dropped."""
    scope = _SCOPE.search(claim)
    subject = _SUBJECT.match(claim)
    if scope is None:
        return claim + rest
    said = _THERE.sub(scope["s"], rest) if _THERE.search(rest) else f"{rest} {scope['s']}"
    if _HER.search(said) and subject is not None:
        said = _HER.sub("", said, count=1)
        said = re.sub(r"\s*[.!?]*\s*$", f" for {subject['v']}", said, count=1)
    return said
