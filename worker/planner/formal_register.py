"""A request written in a formal, bureaucratic or legal register, spelt out as a plain request.

Such a writer frames the request ("Pursuant to section 4 of the agreement,", "Notwithstanding any prior
correspondence,", "for inclusion in the annual filing"), asks in the third person ("the undersigned
requests", "kindly furnish", "X is hereby requested", "It is hereby requested that X be furnished"), names
the subject first ("With regard to the election,", "In respect of Japan,"), defines names for what was just
said ("(hereinafter 'the Company')", "the aforementioned data") and says periods and exclusions at length
("for the period commencing 1 July 2018 and ending 31 December 2018", "bronze medals being excluded",
"limited to the five districts where he received the most"). None of the framing names data, and the
numbers in it ("Article 2, paragraph 4") are no limits; "notwithstanding X" is "regardless of X", so X is
no filter. Each form is spelt as the plain words the planner reads: "show me", "from A to B", "since A",
"excluding X", "top 5"; the subject becomes "for X" after the request ("show me, for Japan, ..."), where
a value the data lacks is still refused. "Diners" after a value ("female diners") are the data's people,
so the value alone is meant. Text with none of these words is returned exactly as written.
"""

from __future__ import annotations

import datetime as dt
import re

from worker.planner.courtesy import split_sentences
from worker.planner.errors import UnchartableQuestion
from worker.planner.periods import MONTHS
from worker.planner.refusals import suggest
from worker.planner.relative_times import data_days, datasets_named
from worker.semantic import SemanticModel

__all__ = ["unformal"]

_I = re.IGNORECASE
_TOPIC_WORDS = (
    r"(?:with\s+(?:regard|respect|reference)\s+to|in\s+(?:respect|relation)\s+of|in\s+relation\s+to|"
    r"as\s+regards)"
)
# A defined name in brackets or after a comma: "(hereinafter 'the Company')", "hereinafter referred to as X".
_HEREINAFTER = re.compile(
    r"\s*(?:\(\s*hereinafter\b[^)]*\)|,?\s*hereinafter(?:\s+(?:referred\s+to\s+as|called|termed))?\s*"
    r"['\"\u2018\u201c][^'\"\u2019\u201d]*['\"\u2019\u201d])",
    _I,
)
_AFORE = re.compile(r"\b(?:aforementioned|aforesaid|above-?mentioned)\s+", _I)
# "The data record, inter alia, the sex of each diner; ...": a description of the data, no request.
_DESCRIPTION = re.compile(
    r"^\W*the\s+(?:data(?:set)?|records?|tables?)\s+(?:records?|contains?|includes?|holds?|lists?)\b[^;:]*[;:]\s*"
    r"(?=\w)",
    _I,
)
_INTER_ALIA = re.compile(r"\s*,?\s*\binter\s+alia\b\s*,?", _I)
# A legal reference's further parts ("Article 2, paragraph 4,") belong to the framing, numbers and all.
_PART = (
    r"(?:(?:sub)?(?:paragraph|section|article|clause|part|chapter|schedule|annex|item|point)\s+[\w.()-]+"
    r"\s*,\s*)*"
)
_LEADING = re.compile(rf"^(?P<lead>\W*)(?:pursuant\s+to|notwithstanding)\s+[^,;]+?,\s*{_PART}", _I)
_TRAILING = re.compile(r"\s*,?\s*\b(?:pursuant\s+to|for\s+inclusion\s+in)\s+[^,;.!?]+", _I)
_DATE = r"(?:the\s+(?:survey\s+)?year\s+)?(?P<{0}>[^,;.]*?\d{{4}})"
_PERIOD = re.compile(
    rf"\b(?:(?:for|during|over|of|in|{_TOPIC_WORDS})\s+)?the\s+period\s+(?:commencing|beginning|starting)\s+"
    rf"(?:with\s+|on\s+|from\s+|in\s+)?{_DATE.format('a')}"
    rf"(?:,?\s+and\s+(?:ending|concluding|finishing)\s+(?:with\s+|on\s+|in\s+)?{_DATE.format('b')})?(?!\d)",
    _I,
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = re.compile(
    rf"^(?:(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?)\s+(?P<y>\d{{4}})$", _I
)
_TOPIC = re.compile(rf"^(?P<lead>\W*){_TOPIC_WORDS}\s+(?P<x>[^,;]+?)\s*,\s*", _I)
_TOPIC_INSIDE = re.compile(rf"\b{_TOPIC_WORDS}\b", _I)
_REQUESTS_THAT = re.compile(r"\bthe\s+undersigned\s+(?:hereby\s+|respectfully\s+)*requests?\s+that\b", _I)
_REQUESTS = re.compile(
    r"\b(?:the\s+undersigned\s+(?:hereby\s+|respectfully\s+)*requests?|(?:kindly|please)\s+(?:furnish|provide|"
    r"supply|forward|submit)(?:\s+(?:me|us)\s+with)?|furnish(?:\s+(?:me|us)\s+with)?)\b\s*,?\s*",
    _I,
)
_FURNISHED = re.compile(r"\bbe\s+(?:hereby\s+)?furnished\b", _I)
# "X is hereby requested, highest first.": the sentence's subject is the chart asked for.
_REQUESTED = re.compile(
    r"^(?P<lead>\W*)(?P<x>(?!it\b)\w.*?)\s*,?\s+(?:is|are)\s+(?:hereby\s+)?requested\b(?!\s+(?:that|to|if)\b)"
    r"\s*(?P<tail>[,;].*|\W*)$",
    _I,
)
_EXCLUDED = re.compile(
    r"(?<=,)\s*(?:with\s+)?(?P<x>[^,;]+?)\s+being\s+(?:excluded|omitted|disregarded|left\s+out)\b", _I
)
_COLOURED = re.compile(
    r"\b(?:with\s+)?(?:the\s+)?(?:points|dots|markers|bars|lines|slices)\s+being\s+(?P<c>colou?red|shaded)\b|"
    r"\bbeing\s+(?P<d>colou?red)\b",
    _I,
)
_NUMBER = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
# "limited to the first eight districts", "limited to the five districts where he received the most".
_LIMITED = re.compile(
    rf"\blimited\s+to\s+(?:the\s+)?(?P<first>(?:first|top|bottom|last)\s+)?(?P<n>{_NUMBER})\s+(?P<noun>[a-z]+)"
    r"(?:\s+(?:where|in\s+which|that)\s+(?:he|she|it|they|the\s+\w+)\s+(?:received|got|won|had|scored|obtained|"
    r"attained|polled|recorded)\s+the\s+(?P<most>most|fewest|least|highest|lowest)(?:\s+[a-z]+)?)?",
    _I,
)
_ATTAINED = re.compile(
    # "the highest price attained"; not "the highest price they reached", whose "they" says per what.
    r"\b(?P<x>(?:highest|lowest|maximum|minimum|peak|record)(?:\s+(?!(?:they|it|he|she|we|each)\b)[a-z]+){1,3}?)"
    r"\s+(?:attained|reached|achieved)\b",
    _I,
)
_ARTICLE = re.compile(r"^(?:The|A|An)\b")


def unformal(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    _refuse_partial(text, model)
    sentences = split_sentences(text)
    read = [_diners(_plain(sentence), model) for sentence in sentences]
    if read == sentences:
        return text  # nothing of the register: left exactly as written
    return " ".join(" ".join(read).split())


def _plain(sentence: str) -> str:
    """One sentence with its framing gone and its request, subject, period and exclusions spelt plainly."""
    sentence = _HEREINAFTER.sub("", sentence)
    sentence = _AFORE.sub("", _DESCRIPTION.sub("", sentence))
    sentence = _INTER_ALIA.sub(lambda m: "," if m[0].rstrip().endswith(",") else " ", sentence)
    sentence = re.sub(r"(?<=\w)\s*,\s*,", ",", sentence)
    sentence = _TRAILING.sub("", _LEADING.sub(r"\g<lead>", sentence))
    sentence = _PERIOD.sub(_period, sentence)
    topic = ""
    if m := _TOPIC.match(sentence):
        topic, sentence = m["x"], m["lead"] + sentence[m.end() :]
    sentence = _TOPIC_INSIDE.sub("for", sentence)
    sentence = _REQUESTS_THAT.sub("it is requested that", sentence)
    sentence = _FURNISHED.sub("be provided", sentence)
    sentence = _REQUESTS.sub("show me ", sentence, count=1)
    # At a sentence's end with nothing said first, "X is requested." is the report voice's (report_voice).
    if (m := _REQUESTED.match(sentence)) and (topic or m["tail"][:1] in (",", ";")):
        sentence = f"{m['lead']}show me {_ARTICLE.sub(lambda a: a[0].lower(), m['x'])}{m['tail']}"
    sentence = _EXCLUDED.sub(lambda m: f" excluding {m['x']}", sentence)
    sentence = _COLOURED.sub(lambda m: m["c"] or m["d"], sentence)
    sentence = _LIMITED.sub(_limited, sentence)
    sentence = _ATTAINED.sub(r"\g<x>", sentence)
    if topic:
        sentence = _with_topic(sentence, topic)
    return sentence


def _period(m: re.Match[str]) -> str:
    """A period commencing A and ending B is "from A to B"; with no end it runs on, "since A"."""
    start = " ".join(m["a"].split())
    return f"from {start} to {' '.join(m['b'].split())}" if m["b"] else f"since {start}"


def _refuse_partial(text: str, model: SemanticModel) -> None:
    """Refuse a period of days that overlaps dated data but reaches past its edge: the chart would silently
    start or stop at the edge (a period of years or months is checked once spelt, in data_spans)."""
    for m in _PERIOD.finditer(text):
        start, end = _date(m["a"]), _date(m["b"] or "")
        owners = [d for d in datasets_named(text, model) if d.time is not None and d.time.grain == "day"]
        if start is None or end is None or len(owners) != 1 or not owners[0].time_min:
            continue
        first, last = data_days(owners[0])
        if end < first or start > last or (first <= start and end <= last):
            continue  # wholly outside (the planner refuses it) or wholly inside
        raise UnchartableQuestion(
            f"\u201c{' '.join(m[0].split())}\u201d reaches outside the {owners[0].name} data, which runs "
            f"from {first.isoformat()} to {last.isoformat()}; the chart would silently show only part of "
            f"that period. Name a period within the data. {suggest(owners[0])}"
        )


def _date(said: str) -> dt.date | None:
    """ "1 January 2017" or "January 1, 2017" as a date; None for anything less precise."""
    if not (m := _DAY.match(" ".join(said.split()))):
        return None
    month = MONTHS[(m["m"] or m["m2"]).lower()]
    try:
        return dt.date(int(m["y"]), month, int(m["d"] or m["d2"]))
    except ValueError:
        return None


def _limited(m: re.Match[str]) -> str:
    """The first or most-receiving N of a ranking are its top N; the fewest-receiving its bottom N."""
    first = (m["first"] or "").strip().lower()
    if not first and not m["most"]:
        return m[0]  # "limited to the five districts": which five is not said
    low = first in ("bottom", "last") or (m["most"] or "").lower() in ("fewest", "least", "lowest")
    return f"{'bottom' if low else 'top'} {m['n']} {m['noun']}"


def _with_topic(sentence: str, topic: str) -> str:
    """The subject said first, as "for X" just after the request, where every reader looks for it."""
    if re.search(r"\bshow me\b", sentence):
        return re.sub(r"\bshow me\s*", f"show me, for {topic}, ", sentence, count=1)
    return f"for {topic}, {sentence}"


def _diners(sentence: str, model: SemanticModel) -> str:
    """ "Female diners", "smoking diners": the people of that value are the value itself."""
    if not re.search(r"\bdiners?\b", sentence, _I):
        return sentence
    # A code ("PER", Peru's) is a value only as written, so "per diner" stays a rate.
    values = {
        word if word.isupper() else word.lower()
        for dataset in model.datasets
        for dim in dataset.dimensions
        for word in map(str, [*dim.values, *dim.value_synonyms, *dim.value_synonyms.values()])
    }
    return re.sub(
        r"\b(?P<v>[\w-]+)\s+diners?\b",
        lambda m: m["v"] if m["v"] in values or m["v"].lower() in values else m[0],
        sentence,
        flags=_I,
    )
