"""An office worker's chat or email message reduced to its request before it is read. Greetings ("Hi Sam!",
"Hey there —", "Good morning,"), sign-offs ("Thanks a lot!", "Cheers, Tom", "Best regards") and context
about who asks or why ("my manager asked", "for tomorrow's board deck", "before the 2 o'clock call", "by
3pm", "sorry to bug you again") carry no data meaning: a number, day or place in them is no filter.

Only positions that cannot be data are dropped: a name right after a greeting or a thanks (and only when it
names nothing of the data: "Hi China fans" keeps China), a clause about who asks, a document or meeting
the chart is for. Any other word is left for the reader, which names what it does not understand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

__all__ = ["unmessage"]

_GREETING = r"(?:hi|hey|hello|hiya|morning|good\s+(?:morning|afternoon|evening)|dear|yo)"
_THANKS = (
    r"(?:(?:many\s+|big\s+)?thanks|thank\s+you|thx|ty|ta|cheers|best(?:\s+regards|\s+wishes)?|"
    r"(?:kind\s+)?regards|all\s+the\s+best|much\s+appreciated|appreciated)"
)
_THANKS_TAIL = r"(?:\s+(?:a\s+lot|so\s+much|a\s+ton|a\s+bunch|heaps|in\s+advance|again|loads|very\s+much))?"
# Who the message is for or from: people and teams, not values of the data.
_PEOPLE = (
    r"(?:manager|boss|supervisor|director|team|client|owner|customer|colleague|lead|ceo|cfo|editor|"
    r"professor|teacher|chair|board|investors?|stakeholders?)"
)
_ASKS = r"(?:asked|asks|asking|wants|wanted|needs|needed|requested|would\s+like|is\s+asking|has\s+asked)"
# What the chart is for: a document, meeting or deadline.
_OCCASION = (
    r"(?:deck|review|update|meeting|call|report|newsletter|summary|survey|slide|one-pager|presentation|"
    r"memo|briefing|standup|stand-up|sync|catch-up|workshop|quiz|email|post|blog|pitch|office|offsite|"
    r"all-hands|town\s+hall|demo)"
)
_PLAIN_SENTENCES = [
    # Whole sentences of small talk ("Sorry for the late reply.", "hope your week's going well.").
    r"(?:sorry|apologies)\s+(?:to\s+bug\s+you(?:\s+again)?|for\s+the\s+(?:late|slow)\s+reply|to\s+bother\s+you)",
    r"(?:i\s+)?hope\s+(?:you(?:'re|\s+are)\s+well|your\s+(?:week|day)(?:'s|\s+is)\s+going\s+well|all\s+is\s+well)",
    r"following\s+up(?:\s+(?:on|from)\s+(?:my\s+)?(?:last|earlier|previous)?\s*(?:message|note|email|chat|"
    r"this\s+morning|earlier|yesterday))?",
    r"quick\s+(?:one|favou?r|question|ask)(?:\s+(?:before\s+lunch|for\s+you|for\s+the\s+[\w' -]+?))?",
    rf"(?:my|our|the)\s+(?:[\w-]+\s+)?{_PEOPLE}\s+{_ASKS}(?:\s+(?:for\s+it|it|this))?",
    rf"(?:my|our|the)\s+(?:[\w-]+\s+)?{_PEOPLE}\s+needs\s+it\s+(?:by|before|for)\s+[\w' :.-]+",
    r"(?:i\s+)?need\s+it\s+(?:by|before|for)\s+[\w' :.-]+",
    rf"it'?s\s+for\s+(?:a|an|the|our|my|[\w]+'s)\s+[\w' -]*?{_OCCASION}(?:\s+on\s+the\s+[\w-]+)?",
    rf"i'?m\s+(?:putting\s+together|preparing|working\s+on|making|building)\s+(?:a|an|the)\s+[\w' -]*?"
    rf"{_OCCASION}(?:\s+for\s+(?:our|the|my)\s+[\w' -]+?)?",
    r"could\s+you\s+(?:send\s+it\s+over|make\s+a\s+chart|chart\s+it|do\s+that)",
    r"(?:any\s+)?help\s+(?:is\s+)?(?:much\s+)?appreciated",
]
_STOP = r"[.!?:;—\u2013-]"
_SENTENCE = re.compile(
    rf"(?:(?<=^)|(?<={_STOP}\s)|(?<={_STOP}))\s*(?:{'|'.join(_PLAIN_SENTENCES)})\s*(?:{_STOP}+|(?=$))",
    re.IGNORECASE,
)
_CLAUSES = [
    # "for tomorrow's board deck", "for the Q3 review", "for the investor update", "for Friday's meeting";
    # not "for the 1977 survey", a year of the data.
    (
        rf"\b(?:for|before|ahead\s+of)\s+(?:the|our|my|a|an|this|next|tomorrow'?s|today'?s|[A-Z]\w+'s)\s+"
        rf"(?:(?!(?:19|20)\d\d\b)[\w'-]+\s+){{0,2}}?{_OCCASION}\b,?",
        "",
    ),
    # "for my boss", "(it's) for our team": who the chart is for, at the end of a clause.
    (
        rf"(?:,\s*)?\b(?:it'?s\s+)?for\s+(?:my|our)\s+(?:(?P<w>[\w-]+)\s+)?{_PEOPLE}\b"
        rf"(?=\s*(?:[.!?,;]|$|{_THANKS}))",
        "",
    ),
    # "my manager wants to see how ...", "the owner wants to know how many ...": the request itself follows.
    (
        rf"\b(?:my|our|the)\s+(?:(?P<w>[\w-]+)\s+)?{_PEOPLE}\s+{_ASKS}\s+(?:me\s+)?(?:to\s+(?:see|know|have|get)\s+|for\s+)?",
        "",
    ),
    # "Can you send me", "could you pull", "could you do a chart of": polite requests for the chart.
    (
        r"\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:send\s+(?:me|over|us)|pull(?:\s+up)?|grab|get\s+me|"
        r"put\s+together|dig\s+out|fetch|share)\b",
        "show",
    ),
    (r"\bacross\s+the\s+(?:whole\s+)?(?:city|board|country)\b", ""),
    # "the city's votes": every vote of an election is the city's; a city's population is no data here.
    (r"\bthe\s+(?:whole\s+|entire\s+)?city'?s\s+(?=(?:total\s+)?(?:votes?|ballots?)\b)", "the "),
]
_CLAUSE_RES = [(re.compile(p, re.IGNORECASE), said) for p, said in _CLAUSES]
# "A bar chart is fine.", "A pie would be great.", "One line each would be perfect.": the chart asked for.
_CHART_OK = re.compile(
    r"(?:^|(?<=[.!?:;—\u2013-]\s)|(?<=,\s))(?:an?\s+)?(?P<c>bar\s+chart|bars?|pie(?:\s+chart)?|line(?:\s+chart)?|"
    r"scatter(?:\s+plot)?|histogram)\s+(?:is|would\s+be|works|will\s+do)\s+(?:fine|great|perfect|ideal|ok|okay|"
    r"good|enough)\b[.!]?",
    re.IGNORECASE,
)
# "Two bars is fine": how many bars the grouping gives; says nothing more.
_BARS_OK = re.compile(
    r"(?:^|(?<=[.!?:;—\u2013-]\s))(?:two|three|four|\d)\s+bars\s+(?:is|are|would\s+be)\s+(?:fine|great|ok|okay|enough)"
    r"\b[.!]?",
    re.IGNORECASE,
)
# "five of them is plenty": a limit placed after the noun.
_PLENTY = re.compile(
    r"[,—\u2013-]*\s*\b(?:top\s+)?(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s+(?:of\s+them\s+)?"
    r"(?:is|are|would\s+be|will\s+do)\s+(?:plenty|enough|fine)\b",
    re.IGNORECASE,
)


def unmessage(text: str, known: Collection[str]) -> str:
    """`text` without a message's greeting, sign-off and context; `known` are the data's words (lowercase),
    never dropped as a name."""
    asked = text
    text = _greeting(text, known)
    text = _signoff(text, known)
    for _ in range(3):
        text = _SENTENCE.sub(" ", text)
    for pattern, said in _CLAUSE_RES:
        text = pattern.sub(_unless_data(said, known), text)
    text = _CHART_OK.sub(lambda m: f" as a {m['c'].lower()}.", text)
    text = _BARS_OK.sub(" ", text)
    text = _PLENTY.sub(lambda m: f", top {m['n']}", text)
    text = re.sub(r"^[\s,.;:!—\u2013-]+(?=\w)", "", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    # A message of framing only ("hello", "thanks!") is left as it was, for the reader to answer.
    return " ".join(text.split()) if re.search(r"\w", text) else asked


def _unless_data(said: str, known: Collection[str]) -> Callable[[re.Match[str]], str]:
    """A clause's replacement, unless a word of the data stands before who asks ("for our Asia team"): a
    filter may be meant, so the clause stays for the context reader to name as set aside."""

    def replace(m: re.Match[str]) -> str:
        word = m.groupdict().get("w")
        return m[0] if word is not None and word.lower() in known else m.expand(said)

    return replace


def _unknown_name(word: str | None, known: Collection[str]) -> bool:
    return word is None or (word[:1].isupper() and word.lower() not in known)


_HELLO = re.compile(
    rf"^\W*{_GREETING}(?:\s+(?P<name>there|all|everyone|team|folks|guys|[A-Z][\w'-]*))?\s*(?:[!,.:;—\u2013-]+|$)\s*",
    re.IGNORECASE,
)


def _greeting(text: str, known: Collection[str]) -> str:
    m = _HELLO.match(text)
    if m is None:
        return text
    name = m["name"]
    people = ("there", "all", "everyone", "team", "folks", "guys")
    if name is not None and name.lower() not in people and not _unknown_name(name, known):
        return text  # "Hi China!" is no greeting of a person
    return text[m.end() :]


_BYE = re.compile(
    rf"(?:^|(?<={_STOP})|(?<=[.!?,]\s))\s*{_THANKS}{_THANKS_TAIL}"
    r"(?:\s*[!,.]*\s*(?P<name>[A-Z][\w'-]*))?\s*[!.]*\s*$",
    re.IGNORECASE,
)


def _signoff(text: str, known: Collection[str]) -> str:
    m = _BYE.search(text)
    if m is None:
        return text
    name = m["name"]
    if name is not None and not _unknown_name(name, known):
        return text  # "Thanks, China": a value, left for the reader
    return text[: m.start()]
