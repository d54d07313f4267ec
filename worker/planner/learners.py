"""A non-native speaker's word order and literal translations spelt out before a question is read: "the 5
countries with more population" is the top 5 by population; "the 7 countries more poor" and "the 6 more
high" are the 7 poorest and the 6 highest; "from the more small" / "from the more big" are an ascending /
descending order; "where won Bergeron" is where Bergeron won; "the march of 2019" is March 2019; "the tip
of each person" is the tip per person; "tables of 1 person" are of 1 people; "not smokers" are non-smokers;
"separated in A and B" is split by them; "the length of the petal" is the petal length; "their life long"
is their life expectancy; "the countries more rich" are the richest; "points of X and Y" / "in points" are a
scatter, "colour for Z" colours it by Z.
False friends and literal translations read as the English word meant: "the medium tip" is the average;
"quantity of" is the number of; "the actual population" is the current one; "a cake graphic" / "in form
of cake" is a pie; "the Apple action" is its stock; "each one enterprise" is each company; "the last
trimester of 2019" is its last quarter; "each one X" is each X; "the no smokers" are non-smokers; "the
long of the petal" is its length; "along the two years" is over time; "more small than his level of
January 2018" is below its January 2018 level; "the price more high" is the highest price and "which is
the country more rich" is which country is the richest.
"""

from __future__ import annotations

import calendar
import re

__all__ = ["unlearn"]

# Short adjectives -> their superlative, and whether they rank from the top.
_MOST = {
    "big": ("biggest", True), "high": ("highest", True), "large": ("largest", True),
    "long": ("longest", True), "wide": ("widest", True), "rich": ("richest", True),
    "strong": ("strongest", True), "great": ("greatest", True), "small": ("smallest", False),
    "low": ("lowest", False), "short": ("shortest", False), "narrow": ("narrowest", False),
    "poor": ("poorest", False), "weak": ("weakest", False), "few": ("fewest", False),
}  # fmt: skip
_ADJ = "|".join(_MOST)
_MONTH = "|".join(name for name in calendar.month_name if name)
_YEAR = r"(?:19|20)\d\d"
_SINCE = rf"(?:{_MONTH})(?:\s+(?:of\s+)?{_YEAR})?|{_YEAR}"
# False friends, read before the word order below: each says the English word the learner meant.
_FRIENDS: list[tuple[str, str]] = [
    (r"\b(?P<e>each|every)\s+one\s+(?!of\b)(?=[a-z])", r"\g<e> "),
    # "medio" / "mittlere": the mean; "medium-sized" and "medium term" keep their English sense.
    (r"\bthe\s+medium\s+(?!sized?\b|term\b|range\b)(?=[a-z])", "the average "),
    (r"\bquantity\s+of\b", "number of"),
    # "actual" / "aktuell": current, so the latest year.
    (r"\bthe\s+actual\s+(?=[a-z])", "the current "),
    # "camembert" / "Tortendiagramm": a pie.
    (r"\b(?:an?\s+)?cake\s+(?:graphic|graph|chart|diagram|plot)s?\b", "a pie chart"),
    (r"\b(?:in\s+(?:the\s+)?form\s+of|as|like)\s+(?:an?\s+)?cake\b", "as a pie"),
    (r"\b(?P<p>prices?\s+of\s+the)\s+action(?P<s>s?)\b", r"\g<p> share\g<s>"),
    (r"\b(?P<e>each|every|per)\s+enterprise\b", r"\g<e> company"),
    (r"\b(?P<d>the|all|all\s+the)\s+enterprises\b", r"\g<d> companies"),
    # "trimestre": three months; only with a year, as a school or pregnancy trimester has none.
    (
        rf"\b(?P<o>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+trimester(?=\s+(?:of|in)\s+{_YEAR}\b)",
        r"\g<o> quarter",
    ),
    (rf"\b(?:more\s+(?:small|low)|smaller|lower)\s+than\s+(?:his|her|its|their)\s+level\s+(?:of|in)\s+"
     rf"(?P<p>{_SINCE})\b", r"below its \g<p> level"),
    (rf"\b(?:more\s+(?:big|high)|bigger|higher)\s+than\s+(?:his|her|its|their)\s+level\s+(?:of|in)\s+"
     rf"(?P<p>{_SINCE})\b", r"above its \g<p> level"),
    (r"\balong\s+(?:all\s+)?the\s+(?:(?:two|2|whole)\s+)?years\b", "over time"),
    (r"\bthe\s+(?P<a>(?:average|mean|total)\s+)?long\s+of\s+the\b", r"the \g<a>length of the"),
    (r"\bthe\s+(?P<a>(?:average|mean|total)\s+)?wide\s+of\s+the\b", r"the \g<a>width of the"),
    # "with a colour for the smokers": coloured by them ("a separate colour for each" is read as it is).
    (
        r"\b(?:with\s+)?(?:a|one)\s+colou?r\s+(?:for|after|per)\s+(?:the\s+)?(?!each\b|every\b)",
        "colored by ",  # American: the British spellings were read before this
    ),
]  # fmt: skip
# "the Apple action": a share of the company named (a capital, so "the action movies" is left alone).
_ACTION = re.compile(r"\bthe\s+(?P<c>[A-Z][\w.&-]*)\s+actions?\b")
_SAID: list[tuple[str, str]] = [
    (
        r"\b(?P<n>\d+)\s+(?P<x>[a-z]+)\s+with\s+(?:the\s+)?more\s+(?!than\b)(?P<m>[a-z])",
        r"top \g<n> \g<x> by \g<m>",
    ),
    (r"\bwhere\s+won\s+(?!the\b|an?\b|by\b)(?P<w>[a-z][\w'-]*)", r"where \g<w> won"),
    (rf"\b(?:the\s+)?(?P<m>{_MONTH})\s+of\s+(?P<y>(?:19|20)\d\d)\b", r"\g<m> \g<y>"),
    (r"\b(?:of|for)\s+(?:each|every)\s+(?P<u>person|head|capita)\b", r"per \g<u>"),
    # "their life long": the length of life, as "longévité" / "Lebensdauer" translate word for word.
    (r"\blife\s+long\b", "life expectancy"),
    # "points of the bill and the tip", "in points": a chart of points, which is a scatter.
    (r"^\W*(?:the\s+|a\s+)?points\s+(?:of|for)\b", "scatter of"),
    (r"\b(?:in|as|with)\s+(?:the\s+)?points\b", "as a scatter"),
    # "colour for the time of day", "colour after species": coloured by it.
    # Only opening a clause: "a separate colour for each continent" is read as it is.
    (r"(?:(?<=[,;])|^)\s*colou?r(?:ed)?\s+(?:for|after|according\s+to|per)\b", " coloured by"),
    (r"\b(?P<n>1|one)\s+person\b", r"\g<n> people"),
    (r"\b(?:the\s+)?no(?:t|[\s-])\s*(?P<w>smokers|smoking|smoker)\b", r"non-\g<w>"),
    (r"\bseparated\s+(?:in|into|by|between)\b", "split by"),
    (
        r"\bthe\s+(?P<a>(?:average|mean|total)\s+)?(?P<d>length|width|height|weight)\s+of\s+the\s+(?P<w>[a-z]+?)s?\b",
        r"the \g<a>\g<w> \g<d>",
    ),
    (r"\b(?P<p>price|prices)\s+of\s+the\s+shares?\b", r"share \g<p>"),
    (r"\b(?P<m>[a-z]+)\s+in\s+(?:percent|percentage)\s+of\s+the\s+(?:bill|total)\b", r"\g<m> percentage"),
    (
        r"\bwhere\s+the\s+winner\s+(?:had|got|won\s+with|won\s+by)\s+(?:an?\s+)?(?P<r>majority|plurality)\b",
        r"won by a \g<r>",
    ),
    (r"\b(?:how\s+)?(?:was|is|were|are)\s+changing\b", "how did change"),
]
_LEARNERS = [(re.compile(pattern, re.IGNORECASE), said) for pattern, said in _FRIENDS + _SAID]
_NTH_MORE = re.compile(
    rf"\b(?P<n>\d+)\s+(?:(?P<x>[a-z]+)\s+)?more\s+(?P<a>{_ADJ})\b(?!\s+than)", re.IGNORECASE
)
# "the countries of Europe more rich": "more" without "than" (or a count, read above) ranks, as "richest".
_MORE_RANKS = re.compile(
    rf"(?<!\d\s)(?<!\w)more\s+(?P<a>{_ADJ})\b(?!\s+than\b|\s+(?:and|or)\s+(?:more\s+)?[a-z]+\s+than\b)",
    re.IGNORECASE,
)
# "which is the country more rich": which country is the richest (a leader, refused per group).
_WHICH_MORE = re.compile(
    rf"\bwhich\s+(?P<v>is|was|are|were)\s+the\s+(?P<x>[a-z]+)\s+more\s+(?P<a>{_ADJ})\b(?!\s+than\b)",
    re.IGNORECASE,
)
# "the price more high of each company": the adjective after its noun, as in Romance languages.
_NOUN_MORE = re.compile(
    rf"\bthe\s+(?P<x>[a-z]+)\s+more\s+(?P<a>{_ADJ})\b(?!\s+than\b|\s+(?:and|or)\s+(?:more\s+)?[a-z]+\s+than\b)",
    re.IGNORECASE,
)
_FROM_MORE = re.compile(rf"\bfrom\s+the\s+(?:more|most)\s+(?P<a>{_ADJ})\b", re.IGNORECASE)


def _nth(m: re.Match[str]) -> str:
    most = _MOST[m["a"].lower()][0]
    return f"{m['n']} {most} {m['x']}" if m["x"] and m["x"].lower() != "the" else f"{m['n']} {most}"


def unlearn(text: str) -> str:
    """`text` with a non-native speaker's word order written as the readers know it."""
    text = _FROM_MORE.sub(
        lambda m: "from highest to lowest" if _MOST[m["a"].lower()][1] else "from lowest to highest", text
    )
    text = _NTH_MORE.sub(_nth, text)
    text = _ACTION.sub(r"the \g<c> stock", text)
    for pattern, said in _LEARNERS:
        text = pattern.sub(said, text)
    text = _WHICH_MORE.sub(lambda m: f"which {m['x']} {m['v']} the {_MOST[m['a'].lower()][0]}", text)
    text = _NOUN_MORE.sub(lambda m: f"the {_MOST[m['a'].lower()][0]} {m['x']}", text)
    return _MORE_RANKS.sub(lambda m: _MOST[m["a"].lower()][0], text)
