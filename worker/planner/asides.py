"""A curious member of the public's asides and everyday words, spelt out before a question is read.

Asides ("I was wondering,", "just out of interest,", "out of curiosity,", "just curious -", "in a nutshell,",
"just for fun,", "whilst you're at it,") say nothing about the data and are dropped. "My friend says <claim>.
Is that true? Show me <chart>" asks for the chart after "show me": the claim is what the chart will test, so
its values are not filters, and it is dropped, but only when the chart part does not point back into it
("those two districts", "their prices", "for each."), where the claim would be needed and is kept (and its
words are then named in the refusal). "My kid asked me about petals, so" is dropped only when the rest says
its topic again. Everyday words are written as the planner reads them: "folks" are people, "anybody paid" /
"people left" is what was paid / left, "per head" is per person, "gust strength" is the wind strength, "how
long are the longest X" asks for the longest X, "all continents but Oceania" excludes Oceania ("but" after
"all <noun>" means "except", never "and"). Corrections and footnotes in asides ("(n.b. sum, not average)",
"(weekend only*)  * i.e. Sat & Sun") are read first (worker.planner.footnotes).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.planner.footnotes import unfootnote

__all__ = ["unaside"]

_SEP = r"\s*(?:[,:;]|\s-\s|\s\u2013\s|\s\u2014\s)?\s*"
_ASIDES = [
    rf"(?:i\s+was|i'?m|i\s+am|just)\s+wondering(?!\s+(?:if|whether|why)\b){_SEP}",
    r",?\s*i\s+wonder\s*(?=[?.!])",
    rf"(?:just\s+)?out\s+of\s+(?:interest|curiosity){_SEP}",
    rf"(?:just|i'?m|i\s+am)\s+(?:just\s+)?curious(?!\s+(?:about|if|whether|why)\b){_SEP}",
    rf"in\s+a\s+nutshell{_SEP}",
    rf"just\s+for\s+fun{_SEP}",
    rf"(?:while|whilst)\s+(?:you'?re|you\s+are)\s+at\s+it{_SEP}",
]
_ASIDE = re.compile(rf"(?:(?<=^)|(?<=[\s,.?!;:]))(?:{'|'.join(_ASIDES)})", re.IGNORECASE)

# "My friend says ..., my brother-in-law swears ...": a claim, then maybe "Is that true?", then the chart.
_CLAIM = re.compile(
    r"^\W*(?:my|our)\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:says|said|reckons|thinks|swears|claims|believes|insists)\s+"
    r"[^?!]+?(?:[.!?]|\s-\s|\s\u2014\s)\s*"
    r"(?:(?:(?:is|was|are)\s+(?:that|it|he|she|this|they)\s+(?:really\s+)?(?:true|right|correct|so)|true|"
    r"really|right)\s*[?.!]\s*)?(?=(?:so\s+)?(?:please\s+)?(?:show|plot|chart|draw|give|let\s+me\s+see)\b)",
    re.IGNORECASE,
)
# Words of the chart part that point back into the claim, which then is needed.
_POINTER = re.compile(
    r"\b(?:those|these|their|theirs|them|they|that\s+(?:year|period|time))\b|\bfor\s+(?:each|both)\s*[.?!]?\s*$",
    re.IGNORECASE,
)
# "My kid asked me about petals, so": the topic is kept unless the rest says it again.
_ASKED = re.compile(
    r"^\W*(?:my|our)\s+(?:kid|kids|son|daughter|child|children|boss|partner)\s+asked\s+(?:me\s+)?"
    r"(?:about\s+(?P<topic>[\w\s-]+?))?\s*,?\s*so\s*,?\s*",
    re.IGNORECASE,
)
_SIZE = {"wide": "width", "long": "length"}
_SAID: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
    # "all continents but Oceania", "every day but Sunday": an exclusion, read as "except".
    (
        r"\b(?P<a>all|every)\s+(?P<n>(?:the\s+|of\s+the\s+)?[a-z]+)\s+but\b(?!\s+(?:also|not)\b)",
        r"\g<a> \g<n> except",
    ),
    # "how many folks lived in Asia" counts people; "the lifespan of folks in Kenya" is Kenya's lifespan.
    (r"\bhow\s+many\s+folks\b", "how many people"),
    (r"\s+of\s+(?:the\s+)?folks\b", ""),
    # "the biggest bill anybody paid", "the gratuities people left": what was paid / left.
    (
        r"\b(?:anybody|anyone|somebody|someone|people|folks|everybody|everyone)\s+"
        r"(?=(?:paid|left|gave|spent|tipped)\b)",
        "",
    ),
    (r"\bper\s+head\b", "per person"),
    # "by whether they smoked": by smoker.
    (
        r"\bwhether\s+(?:or\s+not\s+)?(?:they|he|she|people|the\s+[a-z]+)\s+(?:were\s+|was\s+)?"
        r"smok(?:ed|e|es|ing|ers?)\b",
        "smoker",
    ),
    (r"\bgust\s+strength\b", "wind strength"),
    # "Silver and bronze added together": a sum, and the values named combined ("together").
    (r"\badded\s+together\b", "added up together"),
    # "medals by type, with the bronzes left out": the values after "excluding", as the exclusions read them.
    (
        r"\bwith\s+(?P<x>(?:the\s+)?[^,.;:!?]{1,40}?)\s+(?:left\s+out|excluded|removed|taken\s+out|dropped)\b",
        r"excluding \g<x>",
    ),
    # "the calm 0-1 winds": the band is named; the adjective only describes it.
    (r"\b(?:calm|calmest|light|lightest|gentle)\s+(?=\d+-\d+(?!\w))", ""),
    (r"\bgoing\s+by\s+(?=the\s+(?:latest|most\s+recent|newest)\b)", ""),
    # "petals less than 1.5 cm wide": the petal width, less than 1.5 cm.
    (
        r"\b(?P<n>[a-z]+?)s?\s+(?P<c>(?:less|more|greater)\s+than|under|over|below|above)\s+(?P<x>\d+(?:\.\d+)?)\s*"
        r"(?P<u>cm|mm|centimet(?:er|re)s?|millimet(?:er|re)s?)?\s+(?P<a>wide|long)\b",
        lambda m: f"{m['n']} {_SIZE[m['a'].lower()]} {m['c']} {m['x']} {m['u'] or ''}",
    ),
    # "when it's really gusty, with a strength of 5 and above": the condition says how gusty.
    (
        r"\bwhen\s+it'?s\s+(?:really\s+|very\s+)?(?:gusty|windy|breezy|blustery)\s*,\s*"
        r"(?=with\s+(?:a\s+)?[\w\s]*strength\b)",
        "",
    ),
    (r"\bkeep\s+(?:them|it|the\s+\w+)\s+(?=in\s+[\w\s]+?\s+order\b)", ""),
    # "how long are the longest petals": the longest petals.
    (
        r"\bhow\s+(?:long|wide|big|tall|high|large|heavy)\s+(?:are|is|were|was)\s+(?=the\s+[a-z]+est\b)",
        "what are ",
    ),
    # "how big was the economy of each continent": the economy's size, the measure itself.
    (r"\bhow\s+(?:big|large)\s+(?:was|is|were|are)\s+(?=the\s+economy\b)", "what was "),
    # "A pie would be lovely.": a pie.
    (
        r"(?:,\s*|\s+)?\b(?:an?\s+)?pie(?:\s+chart)?\s+would\s+be\s+(?:lovely|nice|great|good|perfect|ideal|fine|grand|brilliant|smashing)\b",
        " as a pie",
    ),
    (r"\b(?:i'?d|i\s+would)\s+(?:love|like)\s+to\s+see\b", "show"),
]  # fmt: skip
_EVERYDAY = [(re.compile(pattern, re.IGNORECASE), said) for pattern, said in _SAID]


def _says_again(topic: str, rest: str) -> bool:
    """Whether each word of `topic` appears in `rest` in some form (its first four letters)."""
    return all(
        re.search(rf"\b{re.escape(w[:4])}", rest, re.IGNORECASE)
        for w in re.findall(r"[a-z]{3,}", topic.lower())
    )


def unaside(text: str) -> str:
    """`text` without asides and with a member of the public's everyday words as the planner reads them."""
    text = unfootnote(text)
    claim = _CLAIM.match(text)
    if claim is not None and not _POINTER.search(text[claim.end() :]):
        text = text[claim.end() :]
    asked = _ASKED.match(text)
    if asked is not None and (not asked["topic"] or _says_again(asked["topic"], text[asked.end() :])):
        text = text[asked.end() :]
    text = _ASIDE.sub(" ", text)
    for pattern, said in _EVERYDAY:
        text = pattern.sub(said, text)
    # An aside leaves its commas behind (", how big ...", "by day,? Show").
    text = re.sub(r"^\s*[,;:\u2013\u2014-]+\s*|(?<=[.?!])\s*[,;:]+|\s+(?=[,.?!])|,+(?=\s*[?!.])", "", text)
    return " ".join(text.split())
