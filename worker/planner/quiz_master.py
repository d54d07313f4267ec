"""Spelt out before a question is read (worker.planner.voices): a quiz-master's or trivia host's framing
asked plainly.

- The round or prize opening a question ("Pop quiz:", "Trivia night:", "Bonus round:", "Picture round:",
  "Tie-breaker question:", "Question 3 of the pub quiz:", "Quiz round 2, question 4:", "For 10 points,")
  names no value, period or limit: it comes off, numbers and all.
- "Guess which Y ..." is "which Y ..."; "Name the Y where / that / with ..." of a single Y is "which Y
  ...", a ranking with one winner ("Name the five ..." is already a count and is left as written).
- "True or false: <claim>. Show ..." is checked by the chart the second sentence names, so only that
  sentence is read; when it only points back at the claim ("Show me the two days side by side") the claim
  is the chart, asked as a skeptic's "Is it true that <claim>?". A bare verdict ("Just answer true or
  false") is refused: chartq answers with a chart, never a true or false.
- "Show all three (so the teams can check)", "Put all three in order" after a "which" ask for every value
  ranked, not the winner alone: "Rank them all", and "which of the three nations" loses its count.
- A quiz's comparatives of a part ("wider sepals", "longer petals") are its measure ("greater sepal
  width"), where the data measures that part; tables that "spent the most" had the highest bill.

Text with none of these is returned exactly as written.
"""

from __future__ import annotations

import re

from worker.planner.courtesy import split_sentences
from worker.planner.errors import NotInTheData
from worker.planner.refusals import suggest
from worker.semantic import Dataset, SemanticModel

__all__ = ["unquiz"]

_I = re.IGNORECASE
_N = r"(?:\d+|[a-z]+)"
# One piece of a quiz's opening frame, ending in its colon, comma or dash.
_FRAME = re.compile(
    r"^\W*(?:(?:pop|pub|quick|surprise|trivia|general\s+knowledge)\s+quiz(?:\s+(?:time|question))?"
    r"|trivia(?:\s+(?:night|time|question|round))?"
    r"|quiz(?:\s+(?:time|night|question))?(?:\s+round\s+\d+)?"
    r"|(?:bonus|picture|lightning|speed|final|music|sports|science|history|geography|first|second|third|"
    r"last)\s+round"
    rf"|(?:round|question)\s+\d+(?:\s+of\s+(?:the|our|tonight's|this\s+week's)\s+(?:pub\s+)?quiz)?"
    r"|tie-?\s?breaker(?:\s+question)?|(?:final|bonus)\s+question"
    rf"|for\s+{_N}\s+(?:bonus\s+)?points?)"
    r"\s*[:,\u2013\u2014-]\s*",
    _I,
)
_GUESS = re.compile(r"^(?P<lead>\W*)guess\s+(?=which\b)", _I)
# "Name the district where ...": a single thing named (a count or a plural is a list, left as written).
_NAME_ONE = re.compile(
    r"^(?P<lead>\W*)name\s+the\s+(?P<y>(?:[a-z-]+\s+){0,2}?[a-z-]+?)\s+(?P<rel>where|that|which|who|with|(?:at|in|on)\s+which)\s+",
    _I,
)
_PLURAL = re.compile(r"(?<!s)(?<!u)s$|^(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)$", _I)
_REL = {"where": "was where ", "with": "had "}
_ARTICLE = re.compile(r"^(?:The|A|An)\b")
_TRUE_FALSE = re.compile(r"^\W*true\s+or\s+false\s*[:,\u2013\u2014-]\s*", _I)
_VERDICT = re.compile(
    r"\b(?:just|only|simply)\s+(?:answer|say|tell\s+me)\s+(?:with\s+)?(?:a\s+)?(?:true\s+or\s+false|"
    r"yes\s+or\s+no)\b|\b(?:true\s+or\s+false|yes\s+or\s+no)\s+(?:only|will\s+do)\b",
    _I,
)
_CHART = re.compile(
    r"^\W*(?:show|chart|plot|graph|draw|display|compare|put|give|break\s+down|let\s+me\s+see|let's\s+see)\b",
    _I,
)
# "Show me the two days side by side", "Show both": the claim's own values, pointed back at.
_POINTS_BACK = re.compile(
    r"^\W*(?:show|chart|plot|graph|draw|display|compare|put)\s+(?:me\s+|us\s+)?(?:the\s+two|both|these\s+two|"
    r"those\s+two|them|the\s+pair)(?:\s+(?:of\s+them|[a-z]+))?(?:\s+(?:side\s+by\s+side|together|next\s+to\s+"
    r"each\s+other))?\s*[.!]?\s*$",
    _I,
)
# "so the teams can check", "so that everyone can mark their answers": who the chart is for.
_AUDIENCE = re.compile(
    r"\s*,?\s+so\s+(?:that\s+)?(?:the\s+|our\s+|all\s+the\s+)?(?:teams?|players?|contestants?|everyone|"
    r"everybody|the\s+room|audience|tables?)\s+can\s+(?:check|see|mark|follow|compare)(?:\s+(?:their\s+|"
    r"the\s+)?(?:answers?|guess(?:es)?|along|it|them))?(?=\s*[.!]?\s*$)",
    _I,
)
# "Show all three", "Put all three in order", "List them all": every value, ranked.
_ALL = re.compile(
    rf"^(?P<lead>\W*)(?:show|put|list|rank|give|chart)\s+(?:me\s+|us\s+)?(?:all\s+{_N}|all\s+of\s+them|"
    rf"them\s+all|every\s+one)(?:\s+[a-z]+)??(?:\s+in\s+order)?(?=\s*(?:,|[.!]?\s*$))",
    _I,
)
_WHICH_OF_N = re.compile(rf"\bwhich\s+of\s+the\s+{_N}\s+(?=[a-z])", _I)
_PART = re.compile(
    r"\b(?P<c>wider|broader|narrower|longer|shorter)\s+(?P<part>[a-z]+?)s\b(?!\s+(?:than|per)\b)", _I
)
_SIZE = {"wider": "width", "broader": "width", "narrower": "width", "longer": "length", "shorter": "length"}
_MORE = {
    "wider": "greater",
    "broader": "greater",
    "longer": "greater",
    "narrower": "smaller",
    "shorter": "smaller",
}
# "By how many votes did A beat B": a margin, asked as the difference the comparisons refuse by name.
_MARGIN = re.compile(
    r"\bby\s+how\s+(?P<q>many|much)\s+(?P<m>(?:[a-z]+\s+){0,2}?[a-z]+\s+)?did\s+(?P<a>.+?)\s+(?:beat|lead|"
    r"outpoll|outscore|outsell|edge\s+out)\s+",
    _I,
)
# "spent the most on tips" names what was spent: only a bare "spent the most (in total)" is the bill.
_SPENT = re.compile(
    r"\b(?P<v>spend|spent|spends)\s+the\s+(?P<c>most|least)\b(?!\s+(?:on|in)\s+(?!total\b))", _I
)
_HAVE = {"spend": "have", "spent": "had", "spends": "has"}


def unquiz(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    read = _unframe(text)
    if (claim := _TRUE_FALSE.match(read)) is not None:
        read = _checked(read[claim.end() :], model)
    sentences = split_sentences(read)
    read = " ".join(_one_named(s) for s in _every_one(sentences))
    read = _MARGIN.sub(lambda m: f"how {m['q']} more {m['m'] or ''}did {m['a']} get than ", read)
    read = _SPENT.sub(lambda m: _spent(m, model), _PART.sub(lambda m: _part(m, model), read))
    return text if read == " ".join(split_sentences(text)) else read


def _unframe(text: str) -> str:
    """The question without its opening round or prize ("Quiz round 2, question 4:" is two pieces)."""
    while (m := _FRAME.match(text)) is not None and m.end() < len(text):
        text = text[m.end() :]
    return text


def _checked(rest: str, model: SemanticModel) -> str:
    """What checks a true-or-false claim: the chart asked for after it, else the claim itself."""
    if _VERDICT.search(rest) is not None:
        ds = _dataset(rest, model)
        # No reading without the verdict as context may chart it: the quiz asked for the verdict alone.
        raise NotInTheData(
            "A quiz's true or false is a verdict, and chartq answers with a chart of the data, never a bare "
            "true or false. Ask for the chart that checks the claim"
            + (f". {suggest(ds)}" if ds is not None else ".")
        )
    sentences = split_sentences(rest)
    asked = next((i for i, s in enumerate(sentences) if i and _CHART.match(s)), None)
    if asked is None:
        return f"True or false: {rest}"  # no chart named: the claim is left to the skeptic's readers
    if all(_POINTS_BACK.match(s) for s in sentences[asked:]):
        claim = " ".join(sentences[:asked]).rstrip(" .!?")
        return f"Is it true that {_ARTICLE.sub(lambda m: m[0].lower(), claim)}?"
    return " ".join(sentences[asked:])


def _asks_all(sentences: list[str]) -> bool:
    return (
        len(sentences) > 1
        and re.search(r"\bwhich\b", sentences[0], _I) is not None
        and any(_ALL.match(_AUDIENCE.sub("", s)) for s in sentences[1:])
    )


def _every_one(sentences: list[str]) -> list[str]:
    """A "which" followed by "show all three": every value ranked, with no count kept from "of the N"."""
    if not _asks_all(sentences):
        return sentences
    first = _WHICH_OF_N.sub("which of the ", sentences[0])
    rest = [_ALL.sub(lambda m: f"{m['lead']}Rank them all", _AUDIENCE.sub("", s)) for s in sentences[1:]]
    return [first, *rest]


def _one_named(sentence: str) -> str:
    sentence = _GUESS.sub(lambda m: m["lead"], sentence)
    m = _NAME_ONE.match(sentence)
    if m is None or _PLURAL.search(m["y"].split()[-1]) or _PLURAL.search(m["y"].split()[0]):
        return sentence
    rel = _REL.get(m["rel"].lower(), "was where " if " " in m["rel"] else "")
    return f"{m['lead']}Which {m['y']} {rel}{sentence[m.end() :]}"


def _part(m: re.Match[str], model: SemanticModel) -> str:
    """ "wider sepals" as "greater sepal width", where some dataset measures a sepal's width."""
    c = m["c"].lower()
    said = f"{m['part'].lower()} {_SIZE[c]}"
    known = any(said in (s.lower() for s in x.synonyms) for ds in model.datasets for x in ds.measures)
    return f"{_MORE[c]} {said}" if known else m[0]


def _spent(m: re.Match[str], model: SemanticModel) -> str:
    """Tables that "spent the most" had the highest bill, where the data has a bill."""
    billed = any("bill" in x.synonyms for ds in model.datasets for x in ds.measures)
    most = "highest" if m["c"].lower() == "most" else "lowest"
    return f"{_HAVE[m['v'].lower()]} the {most} bill" if billed else m[0]


def _dataset(text: str, model: SemanticModel) -> Dataset | None:
    """The dataset whose measure the text names first, for a refusal's example."""
    low = text.lower()
    for ds in model.datasets:
        if any(re.search(rf"\b{re.escape(s.lower())}\b", low) for x in ds.measures for s in x.synonyms):
            return ds
    return None
