"""A teacher's request: the data asked for, framed by the class, the lesson and the worksheet it is for.

The framing names who the chart is for and asks for no data: a leading clause ("For my Year 9 class:",
"For a PE lesson on the Olympics,", "Year 8 science:", "For a statistics lesson I need ..."), a
worksheet's label ("Worksheet question 5:", "Homework task 2 -", "Class test Q4:"), where the chart goes
("for my geography lesson", "for Year 11 economics", "for the kids", "to discuss in class", "for the
class to discuss"), what the students do with it ("so the pupils can describe its shape", "so we can
talk about it"), who is shown it ("Show my students how ...": the showing is kept), an address before
"let's look at" ("Class, let's ...") and "simple" or "nice and simple" before a chart word. A year group
("Year 9", "Grade 7", "KS3", "Y10") or a question number is no limit, filter or year.

A framing that asks for data itself (an operation, a condition or a number: "For a lesson on the top 5
economies:", "so the students can see why ...") is left whole, and so is one that names a value of the
data ("For a lesson on Africa:", "so the students can see Canada's haul:"): worker.planner.context then
reads it as context and says so on the chart. A student's own data ("my students' grades") is left: it is
no framing, and the planner refuses it. Text that only looks like framing is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.newsroom import asks_for_data, names_a_value, strip_framing
from worker.semantic import SemanticModel

__all__ = ["unclassroom"]

_I = re.IGNORECASE
# A year group: "Year 9", "Yr 10s", "Y11", "Grade 7", "KS3", "Key Stage 4", "sixth form", "GCSE", "A-level".
_GROUP = (
    r"(?:(?:year|yr|y|grade|form)\s*\d{1,2}(?!\d)s?|ks\s*[1-5]|key\s+stage\s+[1-5]|(?:sixth|6th)[\s-]form(?:ers)?|"
    r"gcse|a[\s-]levels?|ap|ib)"
)
_YEARS = re.compile(rf"\b{_GROUP}\b", _I)
_WHO = r"(?:students|pupils|kids|children|learners|class|group|year\s+\d{1,2}s)"
# What a chart is for in school: "my Year 9 class", "a PE lesson", "tonight's homework", "the kids".
_NOUN = (
    r"(?:class(?:es|room)?|lessons?|lesson\s+plans?|worksheets?|homework|class\s+tests?|quiz(?:zes)?|"
    r"revision(?:\s+(?:sheets?|notes|guides?|sessions?|lessons?))?|seminars?|tutorials?|tutor\s+groups?|form\s+groups?|handouts?|"
    r"starter|plenary|debate|coursework|mock\s+exams?|exam\s+papers?|students|pupils|kids|learners)"
)
_DET = r"(?:a|an|the|my|our|this|next|tomorrow's|today's|tonight's|this\s+week's|\w+day's)"
_END = r"(?=\s*(?:[,;:.?!]|$))"
# Words before the noun: a year group or words ("my Year 9 maths class"), never a number or a new phrase.
_WORDS = rf"(?:{_GROUP}\s+|(?!(?:for|in|on|of|by|per|from)\b)[a-z][\w'-]*\s+)"
_FRAME = rf"(?:{_DET}\s+)?{_WORDS}{{0,4}}?(?:{_NOUN}|{_GROUP}(?:\s+[a-z-]+){{0,2}}?)"
_TOPIC = r"(?:\s+(?:on|about)\s+[^,:;.?!]{1,40}?)?"
_DOES = (
    r"(?:see|compare|describe|discuss|talk\s+about|spot|interpret|analy[sz]e|comment\s+on|explain|read|"
    r"identify|look\s+at|work\s+out|think\s+about|debate|understand|answer\s+questions\s+(?:on|about))"
)
_LEADS = [
    # "Worksheet question 5:", "Homework, task 2 -", "Class test Q4:", "Revision sheet:" (labels, unread).
    re.compile(
        r"^\W*(?:the\s+)?(?:worksheet|homework|class\s+test|revision\s+sheet|quiz|handout|exam\s+paper|"
        r"tutorial\s+sheet)\s*,?\s*(?:(?:question|q|exercise|ex|task|activity|problem|part)\.?\s*)?"
        r"(?:\d+[a-z]?|\(?[a-z]\))?\s*[.:)\-\u2013\u2014]\s*(?P<frame>)",
        _I,
    ),
    # "For my Year 9 class:", "For a PE lesson on the Olympics,", "For a statistics lesson I need ...".
    re.compile(
        rf"^\W*(?P<frame>(?:for|in)\s+{_FRAME}{_TOPIC})(?:\s*[,:;.\-\u2013\u2014]\s+|\s*,?\s+(?:i|we)\s*"
        r"(?:need|want|would\s+like|'d\s+like)\s+(?!to\s)|\s*,?\s+(?=let(?:'s|\s+us)\s))",
        _I,
    ),
    # "Year 8 science:", "KS3 geography -".
    re.compile(rf"^\W*(?P<frame>{_GROUP}(?:\s+[\w-]+){{0,3}}?)\s*[:\-\u2013\u2014]\s+", _I),
    # "So the students can see one local result:" (before the request, up to a colon).
    re.compile(
        rf"^\W*so\s+(?:that\s+)?(?:the\s+|my\s+|our\s+)?{_WHO}\s+can\s+{_DOES}(?P<frame>[^:]{{0,50}}):\s+", _I
    ),
    # "Starter activity for Year 8:", "Lesson plan, week three:", "Year 9 homework:".
    re.compile(rf"^\W*(?P<frame>[^:]{{0,50}}?\b{_NOUN}\b[^:]{{0,40}}?)\s*:\s+", _I),
    # "Class, let's look at ...", "OK everyone, let's ...": the address, before "let's".
    re.compile(
        r"^\W*(?P<frame>)(?:(?:ok(?:ay)?|right|so|now|today|class|everyone|kids|students|pupils|folks)\b"
        r"\s*,?\s*)+(?=let(?:'s|\s+us)\s)",
        _I,
    ),
]
_TAILS = [
    # "so the students can compare them", "so we can talk about it", "for the class to discuss".
    re.compile(
        rf"[\s,;\-\u2013\u2014]*\b(?:so\s+(?:that\s+)?(?:(?:the|my|our)\s+)?(?:{_WHO}|they|we|everyone)\s+"
        rf"(?:can|could|will|may)|for\s+(?:the\s+|my\s+|our\s+)?{_WHO}\s+to)\s+{_DOES}\b"
        rf"(?P<frame>[^,;:.?!]{{0,40}}?){_END}",
        _I,
    ),
    # "to discuss in class", "to talk about with the class", "to use in tomorrow's lesson".
    re.compile(
        rf"\s+to\s+(?:discuss|talk\s+about|go\s+over|use|show|put\s+up)\s+(?:in|with)\s+(?P<frame>(?:{_DET}\s+)?"
        rf"(?:[\w'-]+\s+){{0,2}}?{_NOUN}){_END}",
        _I,
    ),
    # "for my geography lesson", "for Year 11 economics", "in class", "for the kids".
    re.compile(rf"[\s,;\-\u2013\u2014]*\b(?P<frame>(?:for|in)\s+{_FRAME}{_TOPIC}){_END}", _I),
    # "..., nice and simple", "- keep it simple".
    re.compile(r"[\s,;\-\u2013\u2014]*\b(?:nice\s+and\s+simple|keep\s+it\s+simple)(?P<frame>)" + _END, _I),
]
# A question or a superlative ("which class of iris has the widest petals") asks for data too.
_QUESTION = re.compile(r"\b(?:which|what|who|whose|how|when|why|\w\w+est)\b", _I)
# "a simple bar chart", "as a nice and simple pie": a chart's look, no data.
_SIMPLE = re.compile(
    r"\b(?:nice\s+and\s+|very\s+|really\s+|quite\s+)?simple\s+(?=(?:bar|pie|line|scatter|column|dot)?\s*"
    r"(?:charts?|graphs?|plots?|diagrams?|histograms?|pies?|lines?|bars?|scatters?|visuals?)\b)",
    _I,
)
# "Show my students how ...", "show the class a chart": the showing is the request; "show the class of
# iris" and "my students' grades" are not.
_SHOWN = re.compile(
    rf"\b(?P<verb>show|give|draw|make)\s+(?:(?:my|our|the)\s+)?{_WHO}\s+"
    r"(?=(?:how|what|which|where|when|whether|the|a|an|this|that|these|those)\s)",
    _I,
)


def unclassroom(text: str, model: SemanticModel) -> str:
    """`text` without a teacher's framing of the class, lesson and worksheet; other text is unchanged."""

    def asks(frame: str | None) -> bool:
        # A value named as a name ("a lesson on Africa") may be meant as a filter: left for a noted reading.
        if frame is None:
            return False
        named = names_a_value(frame, model)
        return named or asks_for_data(_YEARS.sub("", frame)) or bool(_QUESTION.search(frame))

    read = strip_framing(text, _LEADS, _TAILS, asks)
    read = _SHOWN.sub(lambda m: f"{m['verb']} ", _SIMPLE.sub("", read))
    if read == text:
        return text
    # What the framing leaves behind: ", ." and a dangling comma or dash at the end; "A chart: X" is kept.
    read = re.sub(r"\s*[,;\-\u2013\u2014]\s*(?=[,;:.?!]|$)", "", read)
    read = re.sub(r"([.?!:])(?:\s*[,;.])+", r"\1", read)
    return " ".join(read.split())
