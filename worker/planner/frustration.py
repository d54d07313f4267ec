"""An impatient user's complaints, shouting and repeats taken off the request they wrap (worker.planner.voices
reads this before written corrections and prohibitions, so what is left is the plain wording those read).

- Shouting: a plain word in capitals is lower-cased ("MEDIAN", "BARS", "ONLY", "IN COMPASS ORDER", "DON'T"),
  a value of the data is spelt as the data spells it ("SILVER" is "Silver", "JOLY" is "Joly"), and codes
  stay as they are ("AAPL", "WNW", "6+", "GDP"); "!!!" and "?!" are one mark.
- Complaints that ask nothing of the data come off: "why is this so hard.", "ARGH.", "ugh. again.", "For the
  THIRD time:", "Third try:", "For the love of god:", "Seriously?!", "How many times do I have to ask??",
  "I've said this twice!!"; so do the lead-ins "I said" and "I asked for".
- Complaints that name what to chart are read as what they name: "I said Asia, ONLY Asia" is "Asia only",
  "Enough with the pie charts!!!" and "Stop giving me averages" are "not a pie" and "not the average",
  "Why does it keep showing 2007?! I want 1977." keeps 1977, "The last chart split them by colour. DON'T."
  is "Don't split them by colour.", "COUNT them, don't average anything" is "count them, don't average",
  "Not bars by species" is "not bars, not split by species", and "Not the weekly closes, the HIGHEST price"
  (the measure's own values ruled out for another aggregation) is "the highest price".

A complaint whose meaning stays unclear ("Not that one. The OTHER one.", "the way I wanted it", "Why does it
keep showing Asia?!", "Stop giving me candidates") is refused, naming its words.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.model_cache import per_model
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unfrustrate"]

_I = re.IGNORECASE
_CAPS = re.compile(r"(?<![\w'\u2019+-])[A-Z][A-Z'\u2019]*[A-Z](?![\w'\u2019+-])")
# "gold OR silver", "NOT setosa": a search's operators, read later by worker.planner.search_operators.
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_SMALL = frozenset({"no", "or", "in", "by", "of", "to", "on", "at", "is", "it", "my", "me", "do", "so", "as"})
# Code (SQL, R, pandas, key=value) keeps its capitals: its readers come later and know them.
_CODE = re.compile(r"\bSELECT\b|\bFROM\b|\bGROUP\s+BY\b|[=$\[\]{}]|%>%")
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")
_MARKS = re.compile(r"[!?]*\?[!?]*!?|!{2,}")

_END = r"\s*(?:[.!?:,;]+|$)"
_LEAD = r"(?:^|(?<=[.!?:,;]\s))"
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|hundredth|last|nth|umpteenth|millionth)"
_COMPLAINT = re.compile(
    _LEAD
    + r"""(?:
        (?:u+gh+|a+r+g+h+|jeez|geez|ffs|omg|sigh|come\s+on|seriously|honestly|really|(?:once\s+|not\s+)?again)
      | why\s+(?:is|does|must)\s+(?:this|it|that)\s+(?:be\s+)?(?:so\s+)?(?:hard|difficult|complicated)
      | why\s+(?:can'?t|won'?t|don'?t)\s+you\s+(?:just\s+)?(?:get\s+(?:this|it)\s+right|listen|understand)
      | how\s+(?:many\s+times|often)\s+(?:do|must)\s+I\s+(?:have\s+to\s+|need\s+to\s+)?(?:ask|say|tell\s+you)
        (?:\s+(?:this|that|it|for\s+(?:this|it)))?
      | how\s+hard\s+(?:can|is)\s+(?:it|this)(?:\s+be)?
      | for\s+(?:the\s+love\s+of\s+(?:god|pete)|(?:god|heaven|pete|goodness)'?s\s+sake)
      | for\s+the\s+"""
    + _ORDINAL
    + r"""\s+time
      | (?:"""
    + _ORDINAL
    + r"""|another|one\s+more)\s+(?:try|attempt|go)
      | (?:I'?ve|I\s+have|I)\s+(?:already\s+)?(?:said|asked(?:\s+for)?|told\s+you)\s+(?:this|that|it)
        (?:\s+(?:twice|before|already|again|(?:three|four|five|many|\d+)\s+times))+
    )"""
    + _END
    + r"(?=\s|$)",
    re.VERBOSE | _I,
)
_SAID = re.compile(_LEAD + r"I\s+(?:said|asked\s+for)\s+(?!(?:this|that|it)\b)", _I)
_ONLY = re.compile(
    r"(?P<x>\b[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2}),\s*(?:only|just)\s+(?P=x)\b(?!\s+only)", _I
)

_TYPES = {
    "pie": r"pies?|donuts?|doughnuts?",
    "bar": r"bars?|columns?",
    "line": r"lines?",
    "histogram": r"histograms?",
}
_TYPES |= {"scatter": r"scatter(?:\s*plots?)?|scatterplots?", "area": r"areas?"}
_AGGS = {"average": r"averages?|means?|averaging", "total": r"totals?|sums?", "median": r"medians?"}
_AGGS |= {"maximum": r"max(?:imum)?s?", "minimum": r"min(?:imum)?s?"}
_STOP = re.compile(
    _LEAD + r"(?:stop\s+(?:giving\s+me|showing(?:\s+me)?|with|using|making|drawing)|enough\s+with"
    r"|no\s+more(?!\s+than))"
    r"(?:\s+(?:the|these|those|all\s+the))?\s+(?P<x>[^.!?:;,]+?)" + _END,
    _I,
)
_WHY_KEEP = re.compile(
    _LEAD + r"why\s+(?:does\s+it|do\s+you|is\s+it|are\s+you|does\s+this)\s+(?:keep\s+|still\s+|always\s+)"
    r"(?:showing|giving|using|drawing|making|charting|plotting|picking)(?:\s+me)?\s+(?P<x>[^.!?:;]+?)" + _END,
    _I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DID = {"split": "split", "sorted": "sort", "averaged": "average", "summed": "sum", "stacked": "stack"}
_DID |= {"coloured": "colour", "colored": "color", "grouped": "group", "broke": "break", "ordered": "order"}
_DONE = re.compile(
    _LEAD + r"(?:the\s+(?:last|previous|other|first)\s+(?:chart|one|graph|plot|version|time)|it|you)\s+"
    r"(?:also\s+|just\s+)?(?P<v>[a-z]+ed|split|broke)\s+(?P<o>[^.!?:;]*?)[.!?]+\s+"
    r"(?:don'?t|do\s+not|stop|no)(?:\s+(?:do\s+that|that|it|this))?\s*(?:[.!?]+|$)",
    _I,
)
_ANYTHING = re.compile(
    r"\b((?:don'?t|do\s+not|never)\s+(?:average|sum|add\s+up|total|count)\w*)\s+(?:anything|any\s+of\s+it)\b",
    _I,
)
_TYPE_BY = re.compile(
    r"\b(?P<n>not|no)\s+(?P<t>(?:an?\s+)?(?:bars?|columns?|lines?|pies?)(?:\s+charts?)?)\s+"
    r"(?P<g>by|per|for\s+each|split\s+by)\s+",
    _I,
)
_NOT_OWN = re.compile(
    _LEAD + r"not\s+(?:the\s+|just\s+the\s+)?(?P<x>[\w\s-]+?)\s*[,;:]\s*(?:but\s+)?(?=(?:the\s+|a\s+)?"
    r"(?:highest|lowest|peak|max(?:imum)?|min(?:imum)?|median|total|sum|average|mean|biggest|smallest)\b)",
    _I,
)
_VAGUE = re.compile(
    r"\b(?:not\s+that\s+one|the\s+other\s+one|the\s+way\s+I\s+(?:wanted|asked\s+for|meant|said)(?:\s+it)?|"
    r"(?:the\s+)?same\s+(?:thing|as\s+before)(?!\s+(?:for|with|but))|like\s+(?:before|last\s+time)|fix\s+it)\b",
    _I,
)


def unfrustrate(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    said = _MARKS.sub(lambda m: "?" if "?" in m[0] else "!", _uncaps(text, model))
    said = _DONE.sub(lambda m: _undo(m, text, model), said)
    said = _WHY_KEEP.sub(lambda m: _kept(m, said, model), said)
    said = _STOP.sub(lambda m: _stopped(m, text, model), said)
    said = _NOT_OWN.sub(lambda m: "" if _own(m["x"], model) else m[0], said)
    said = _COMPLAINT.sub("", _SAID.sub("", said))
    said = _ONLY.sub(r"\g<x> only", _ANYTHING.sub(r"\1", said))
    said = _TYPE_BY.sub(lambda m: f"{m['n']} {m['t']}, not split by ", said)
    if vague := _VAGUE.search(said):
        raise _refusal(vague[0], said, model, "does not say which chart or what to change")
    if said == text:
        return text
    said = re.sub(r"^[\s,.;:!?]+|\s+(?=[,.;:!?](?:\s|$))|[,;:]+(?=\s*(?:[.!?]|$))", "", said)
    return " ".join(said.split())


def _refusal(words: str, text: str, model: SemanticModel, why: str) -> UnchartableQuestion:
    return UnchartableQuestion(
        with_example(
            f"chartq cannot tell what \u201c{words.strip(' ,.;:!?')}\u201d asks for: it {why}; ask again "
            "with what the chart should show",
            text,
            model,
        )
    )


def _uncaps(text: str, model: SemanticModel) -> str:
    # A message all in capitals shouts no word above another, and its "US" may be the pronoun: the
    # readers take it as written.
    if _CODE.search(text) or not re.search(r"[a-z]", text):
        return text
    kept = _kept_caps(model)
    out, at = [], 0
    for quoted in [*_QUOTED.finditer(text), None]:
        end = quoted.start() if quoted else len(text)
        out.append(_CAPS.sub(lambda m: _plain(m[0], kept), text[at:end]))
        out.append(quoted[0] if quoted else "")
        at = quoted.end() if quoted else end
    return "".join(out)


def _plain(word: str, kept: dict[str, str]) -> str:
    if word in _OPERATORS:
        return word
    if word.lower() in kept:
        return kept[word.lower()]
    if len(word) == 2 and word.lower() not in _SMALL:
        return word  # "US", "UK": a code, not a shouted word
    return word.lower()


@per_model
def _kept_caps(model: SemanticModel) -> dict[str, str]:
    """How the data spells each of its values, and the codes in capitals its names use ("GDP", "ISO")."""
    kept: dict[str, str] = {}
    for ds in model.datasets:
        for name in (*ds.synonyms, *(n for ms in ds.measures for n in (ms.label, *ms.synonyms))):
            kept |= {w.lower(): w for w in re.findall(r"\b[A-Z]{2,}\b", name)}
        for d in ds.dimensions:
            for w in re.findall(r"\b[A-Z]{2,}\b", " ".join((d.label, *d.synonyms))):
                kept[w.lower()] = w
            values = [str(v) for v in d.values] + [str(k) for k in d.value_synonyms]
            kept |= {v.lower(): v for v in values if len(v) > 1 and v != v.lower()}
    return kept


def _kinds(words: str, kinds: dict[str, str]) -> list[str]:
    return [k for k, p in kinds.items() if re.search(rf"(?<![\w-])(?:{p})(?![\w-])", words, _I)]


def _stopped(m: re.Match[str], text: str, model: SemanticModel) -> str:
    """ "Enough with the pie charts" is "not a pie"; "stop giving me averages" is "not the average"."""
    types, aggs = _kinds(m["x"], _TYPES), _kinds(m["x"], _AGGS)
    if len(types) + len(aggs) != 1:
        raise _refusal(m[0], text, model, "names no chart type or aggregation to leave out")
    return f"Not a {types[0]}. " if types else f"Not the {aggs[0]}. "


def _kept(m: re.Match[str], text: str, model: SemanticModel) -> str:
    """ "Why does it keep showing 2007?!" comes off when the rest names the year wanted instead."""
    rest = text[: m.start()] + text[m.end() :]
    years = set(_YEAR.findall(m["x"]))
    if years and set(_YEAR.findall(rest)) - years and not years & set(_YEAR.findall(rest)):
        return ""
    if not years and len(_kinds(m["x"], _TYPES) + _kinds(m["x"], _AGGS)) == 1:
        return _stopped(m, text, model)
    raise _refusal(m[0], text, model, "says what was wrong but not what is wanted instead")


def _undo(m: re.Match[str], text: str, model: SemanticModel) -> str:
    """ "The last chart split them by colour. DON'T." is "Don't split them by colour." """
    verb = _DID.get(m["v"].lower())
    if verb is None:
        raise _refusal(m[0], text, model, "says what the last chart did but not what to do instead")
    return f"Don't {verb} {m['o'].strip()}. "


def _own(words: str, model: SemanticModel) -> bool:
    """Whether `words` ("the weekly closes") describe a measure's own values, as its description says."""
    said = [w.lower() for w in re.findall(r"[\w'-]+", words)]
    for ds in model.datasets:
        for ms in ds.measures:
            known = " ".join((ms.label, *ms.synonyms, ms.description)).lower().split()
            if said and all(any(k.startswith(re.sub(r"(?:es|s|ing)$", "", w)) for k in known) for w in said):
                return True
    return False
