"""Everyday verbs around a request, spelt out in the words the planner reads (read with
worker.planner.everyday_words):

- "Canada's haul broken up by medal type" is broken down by it;
- "Counting gold medals only, rank the nations" / "counting only the lunch tables" keep those alone;
- "how many weeks did each company's price stay above 1.5" is the weeks it was above 1.5 ("stayed",
  "remained" and "sat" alike);
- "Set China beside Canada" compares the two, as "China versus Canada" does;
- "what did people pay per head" is the bill per person, "what percent of the bill went on the tip" the tip
  percentage;
- "Follow", "Trace", "Split" or "Set" opening a request says "show"; "Adding up every band," says a total;
  "taken by a majority" is won by one; "how often does it fall in each band" is how often in each.
"""

from __future__ import annotations

import re

__all__ = ["unverb"]

_I = re.IGNORECASE

_SAID: list[tuple[str, str]] = [
    (r"\bbroken\s+up\s+(?=(?:by|into|between)\b)", "broken down "),
    (r"\bcounting\s+(?P<x>(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)\s+only\b", r"\g<x> only"),
    (r"\bcounting\s+only\s+(?=(?:the\s+)?[a-z])", "only "),
    (
        r"\b(?:stay|stays|stayed|staying|remain|remains|remained|sit|sits|sat)\s+(?=(?:above|below|over|under)"
        r"\s+\d)",
        "",
    ),
    (
        r"\bset\s+(?P<a>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?)\s+(?:beside|next\s+to|alongside|against)\s+"
        r"(?=(?-i:[A-Z]))",
        r"\g<a> versus ",
    ),
]
# Verbs opening a request that say "show": "Follow life expectancy in Egypt", "Trace the population of
# Brazil", "Split the 1972 population by continent", "set every bill against its tip".
_SAID += [
    (r"^(?P<p>\W*)(?:follow|trace|track)\s+(?=(?:the\s+)?[a-z])", r"\g<p>show "),
    (r"^(?P<p>\W*)split\s+(?=(?:the\s+)?[\w\s'-]+?\bby\b)", r"\g<p>show "),
    (r"(?:^|(?<=[,.:;]\s))set\s+(?=(?:every|each|all\s+the|the)\s+[\w\s'-]+?\bagainst\b)", "show "),
    # "Adding up every strength band, ...": summed over the bands, which a total does.
    (r"\badding\s+up\s+(?:every|each|all(?:\s+the)?)\s+[\w\s-]+?,\s*", ""),
    (r"\b(?:taken|carried|captured)\s+(?=(?:by|with|on)\s+(?:a\s+)?(?:majority|plurality)\b)", "won "),
    (
        r"\bwhat\s+(?:percent(?:age)?|per\s*cent|share|proportion|fraction)\s+of\s+(?:the|their)\s+bills?\s+"
        r"(?:went|goes|go|was|is)\s+(?:on|to|in)\s+(?:the\s+)?tips?\b",
        "the tip percentage",
    ),
    (r"\bhow\s+often\s+does\s+it\s+(?:fall|land|come)\s+(?=in\b)", "how often, "),
    # "Put the tip percentage of smokers next to that of non-smokers", "set the bill of smoking tables
    # beside non-smoking ones": the two compared.
    (r"(?:^|(?<=[,.:;]\s))(?:put|set|place)\s+(?=[^.;]*?\b(?:next\s+to|beside|alongside)\b)", ""),
    (r"\s+(?:next\s+to|beside|alongside)\s+(?:that|those)\s+of\s+", " versus "),
    (r"\s+(?:next\s+to|beside|alongside)\s+(?P<y>[\w-]+)\s+ones\b", r" versus \g<y>"),
    # "votes won by each candidate": their votes; "districts where the winner took a majority".
    (r"\bvotes\s+(?:won|received|got|gained|taken)\s+by\s+", "votes of "),
    (r"\bwhere\s+the\s+winner\s+(?:took|got|won)\s+(?=(?:a\s+)?(?:majority|plurality)\b)", "won by "),
    # "How big was the total GDP of each continent": what it was.
    (
        r"\bhow\s+(?:big|large|high)\s+(?:was|were|is|are)\s+(?=(?:the\s+)?(?:total|average|mean|median)\b)",
        "what was ",
    ),
    # "which 5 directions blow most often": the wind's directions, ranked by how often it blows from them.
    (
        r"\b(?P<d>directions|compass\s+points)\s+(?:blow|come\s+up|turn\s+up|show\s+up|occur)\s+(?P<m>most|least)\s+"
        r"often\b",
        r"\g<d> does the wind blow from \g<m> often",
    ),
]
_PAID = r"(?:people|diners|customers|guests|they|(?:the\s+)?tables?)\s+(?:pay|paid|spend|spent)"
_SAID += [
    (
        rf"\b(?P<w>what|how\s+much)\s+(?:did|do|does)\s+{_PAID}\s+per\s+(?:head|person)\b",
        r"\g<w> was the bill per person",
    ),
]
_VERBS = [(re.compile(pattern, _I), said) for pattern, said in _SAID]


def unverb(text: str) -> str:
    """`text` with the everyday verbs above in the words the planner reads."""
    for pattern, said in _VERBS:
        text = pattern.sub(said, text)
    return text
