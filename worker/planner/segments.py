"""A marketer's segments, tiers, mixes and breakdowns, spelt in the words the planner reads.

- "Segment X by Y" and "tier X by Y" group X by Y: "X by Y". X is only who is grouped ("our diners",
  "the irises"); it is kept when it names data (a measure, a grouping, a value or a number) and dropped
  otherwise, so that a word such as "diners" is not taken for an unknown measure.
- Once Y is known, "each segment", "per segment" and "each segment's" are each Y ("one line per segment"
  is "one line per continent"); "segmented by Z" is "split by Z".
- "The dinner segment" is the value it names ("dinner"); "the smoker and non-smoker segments", naming
  every value of one grouping, are "each smoker" (no filter); so is "smokers and non-smokers" when the
  text segments by that grouping.
- "The revenue mix by meal, as a pie": a pie is each value's share of the whole, so "mix" adds nothing
  when a pie is asked for and the grouping follows ("by meal"); "the medal mix" names its grouping and is
  left for the planner, as is a mix within each group ("the gender mix within each day").
- "Top-tier markets: the 10 richest countries ..." is the ranking the count states: the tier lead-in
  adds nothing when the rest names a count; without one it is left (and refused).

Buckets, bands, brackets and tiers of a measure ("into $10 ranges", "into high, middle and low tiers")
are not rewritten: the data has no such bins, so the planner refuses them. Text with none of these words
is returned exactly as written.
"""

from __future__ import annotations

import re

from worker.planner.model_cache import per_model
from worker.semantic import SemanticModel

__all__ = ["unsegment"]

_I = re.IGNORECASE
_VOICE = re.compile(r"\b(?:segment\w*|tier(?:s|ed)?|top[-\s]tier|mix(?:es)?)\b", _I)
# "Segment our diners by gender", "Tier the countries by continent": who is grouped, then by what. The
# grouping runs to a clause's end (a colon, a comma, "and show ...", "over time").
_GROUP = re.compile(
    r"(?<![\w-])(?:segment|tier)\s+(?P<who>(?:(?!by\b)[\w'-]+\s+){0,4}?)by\s+"
    r"(?P<by>(?!(?:the|a|an)\b)[\w-]+(?:\s+(?!(?:and|over|across|with|for|in|on|from|show|one|split|as)\b)[\w-]+){0,2}?)"
    r"(?=\s*(?:[:,;.\u2013\u2014]|\band\b|\bover\b|\bacross\b|\bwith\b|\bfor\b|\bin\b|\bon\b|$))",
    _I,
)
_SEGMENTED = re.compile(r"\b(?:segmented|tiered)\s+by\b", _I)
# "each segment's", "per segment", "one line per segment", "from every tier".
_EACH = re.compile(r"\b(?P<e>each|every|per|by)\s+(?:segment|tier)(?P<s>'s)?(?=\W|$)", _I)
_SEGMENTS = re.compile(
    r"\b(?P<the>the\s+)?(?P<a>[\w-]+)(?:\s+and\s+(?P<b>[\w-]+))?\s+(?:segments?|tiers?)\b", _I
)
_PAIR = re.compile(r"\b(?:the\s+)?(?P<a>[\w-]+)\s+and\s+(?P<b>[\w-]+)\b", _I)
_PIE = re.compile(r"\b(?:pie|donut|doughnut)\b", _I)
# A mix within each group is each group's shares, not a pie of the whole: left for the planner.
_WITHIN = re.compile(
    r"\bmix(?:es)?\s+(?:with)?in\s+(?:each|every|the)\b|\b(?:each|every)\s+[\w-]+'s\s+[\w\s-]*mix", _I
)
# "The revenue mix by meal": the grouping follows. A bare "the medal mix" names its grouping itself, and
# is read by the planner as it stands.
_MIX = re.compile(r"(?<=\w)[\s-]+mix(?:es)?(?=\s+by\b)", _I)
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|fifty)"
_TOP_TIER = re.compile(
    rf"^\W*(?:the\s+|our\s+)?top[-\s]tier(?:\s+[\w-]+){{0,2}}?\s*[:\u2013\u2014-]\s*(?=.*\b{_COUNT}\b)", _I
)


@per_model
def _lexicon(model: SemanticModel) -> tuple[re.Pattern[str], dict[str, tuple[str, str]], dict[str, int]]:
    """The model's data words (to tell whether a phrase names data), each value word's grouping and
    value, and how many values each grouping has."""
    words: set[str] = set()
    value_of: dict[str, tuple[str, str]] = {}
    sizes: dict[str, int] = {}
    for ds in model.datasets:
        words.add(ds.name.lower())
        for m in ds.measures:
            words |= {m.name.lower(), m.label.lower(), *(s.lower() for s in m.synonyms)}
        for d in ds.dimensions:
            words |= {d.name.lower(), d.label.lower(), *(s.lower() for s in d.synonyms)}
            if d.type != "category":
                continue
            key = f"{ds.name}:{d.name}"
            sizes[key] = len(d.values)
            named = {str(v).lower(): str(v) for v in d.values}
            named |= {s.lower(): str(v) for s, v in d.value_synonyms.items()}
            # "smoker" beside "non-smoker" is the singular of the value synonym "smokers".
            named |= {
                s[:-1]: v
                for s, v in list(named.items())
                if len(s) > 3 and s.endswith("s") and s[:-1] not in named
            }
            words |= set(named)
            for s, v in named.items():
                value_of.setdefault(s, (key, v))
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])|\d", _I), value_of, sizes


def _every_value(a: str, b: str | None, model: SemanticModel) -> str | None:
    """The grouping whose every value `a` and `b` name together ("smoker", "non-smoker"), or None."""
    _, value_of, sizes = _lexicon(model)
    got = [value_of.get(w.lower()) for w in (a, b) if w]
    if len(got) < 2 or None in got or len({g[0] for g in got if g}) != 1:
        return None
    key = got[0][0] if got[0] else ""
    if len({g[1] for g in got if g}) != sizes.get(key):
        return None
    return key.split(":")[1]


def unsegment(text: str, model: SemanticModel) -> str:
    """`text` with a marketer's segments, tiers and mixes in the words the planner reads."""
    if not _VOICE.search(text):
        return text
    data, value_of, _ = _lexicon(model)
    read = _TOP_TIER.sub("", text)
    grouped_by: str | None = None

    def group(m: re.Match[str]) -> str:
        nonlocal grouped_by
        grouped_by = m["by"].strip()
        # Who is grouped is kept only when it names data ("world population", "the dinner bills").
        who = m["who"].strip() if data.search(m["who"]) else ""
        return f"{who} by {grouped_by}".strip()

    read = _GROUP.sub(group, read, count=1)
    read = _SEGMENTED.sub("split by", read)
    if grouped_by is not None:
        by = grouped_by
        read = _EACH.sub(lambda m: f"{m['e']} {by}{m['s'] or ''}", read)

    def segments(m: re.Match[str]) -> str:
        # "the smoker and non-smoker segments" name every smoker; "the dinner segment" names dinner.
        every = _every_value(m["a"], m["b"], model)
        if every is not None:
            return f"each {every}"
        if m["a"].lower() in value_of and (m["b"] is None or m["b"].lower() in value_of):
            return m[0].rsplit(maxsplit=1)[0]
        return m[0]

    read = _SEGMENTS.sub(segments, read)
    if grouped_by is not None:
        # Segmenting by a grouping, "smokers and non-smokers" are its segments, not a filter.
        read = _PAIR.sub(lambda m: f"each {e}" if (e := _every_value(m["a"], m["b"], model)) else m[0], read)
    if _PIE.search(read) and not _WITHIN.search(read):
        read = _MIX.sub("", read)
    read = re.sub(r"\s+([:,;.])", r"\1", read)
    read = re.sub(r"^\W+", "", " ".join(read.split()))
    if not read or read == " ".join(text.split()):
        return text
    # The question's first word may have gone ("Segment our diners by ..."): its capital stays.
    return read[:1].upper() + read[1:] if text.lstrip()[:1].isupper() else read
