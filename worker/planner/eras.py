"""Spelt out before a question is read (worker.planner.voices): a historian's eras and decades ("the
sixties", "at the height of the Cold War", "the interwar years") as the data's periods, or refused.

A historian says decades in words ("through the sixties", "the sixties and seventies"): they are written in
digits ("the 1960s", in the century that puts the decade in the data the question names), which the
readers already take as the decade's years. An era said beside a period that is named ("in 1962, at the
height of the Cold War", "early 2018, before the first tremors") is framing and comes off, as does "half a
century" beside the span it names. A named era with no period beside it ("the interwar years", "the
post-war boom years", "the 2008 financial crisis") has no agreed dates and is refused, and so is a whole
decade that begins before the data or ends after it ("the 2010s" of the 2018-2019 stocks data): the chart
would silently show only part of it.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.refusals import suggest
from worker.planner.relative_times import datasets_named
from worker.semantic import Dataset, SemanticModel

__all__ = ["unera"]

_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
_WORD = "|".join(_WORDS)
# "the sixties", "the early seventies": only after "the" ("the Roaring Twenties" is an era, not a decade).
_DECADE_WORD = re.compile(rf"\b(?P<pre>the\s+(?:(?:early|mid|late)[\s-]+)?)(?P<d>{_WORD})\b", re.IGNORECASE)
# "the 1960s and seventies": the second decade of a pair, said without its "the".
_SECOND_WORD = re.compile(
    rf"\b(?P<pre>(?:19|20)\d0s\s+(?:and|or|to|through|until|-|\u2013)\s+(?:the\s+)?)(?P<d>{_WORD})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d/-])(?:1[5-9]|20)\d\d(?![\d/s'-])")
# Words that make a clause an era's framing: "at the height of the Cold War", "the last year of the 2010s".
_ERA_WORD = re.compile(
    # A decade only as the whole a year is part of ("of the 2010s"): "through the 1980s" is a period asked.
    r"\b(?:millennium|century|(?:cold|great|world)\s+wars?|(?:post|pre|inter)[\s-]?war|tremors|turmoil"
    rf"|of\s+the\s+(?:(?:19|20)\d0s|{_WORD}))\b",
    re.IGNORECASE,
)
_TURN = re.compile(r"\bturn\s+of\s+the\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[^,:;.?!]+")
_MAX_FRAMING_WORDS = 8
# Eras with no dates the data can be cut by.
_NAMED_ERA = re.compile(
    r"\b(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:"
    r"inter[\s-]?war(?:\s+(?:years|period|era))?"
    r"|(?:post|pre)[\s-]?war(?:\s+(?:boom|era|years|period|decades?|recovery))*"
    r"|roaring\s+twenties|swinging\s+sixties|cold\s+war(?:\s+(?:years|era|period))?"
    r"|great\s+(?:depression|recession)|(?:global\s+)?financial\s+crisis|dot[\s-]?com\s+(?:bubble|boom|crash|era)"
    r"|(?:first|second)\s+world\s+war|world\s+war\s+(?:ii|i|one|two|[12])|baby[\s-]boom(?:\s+years)?"
    r"|space\s+age)\b"
    # "the 2018 market sell-off": a year's event with no months named ("the Q4 2018 sell-off" names them).
    r"|\bthe\s+(?:19|20)\d\d\s+(?:(?:stock\s+)?market\s+)?(?:sell[\s-]?off|selloff|crash|slump|downturn)\b",
    re.IGNORECASE,
)
# "over half a century, from 1957 to 2007": the span is stated; "half a century" adds nothing to it.
_HALF_CENTURY = re.compile(
    r",?\s*\b(?:over|across|for|during|in|spanning)\s+(?:the\s+)?(?:whole\s+|entire\s+|full\s+)?"
    r"half[\s-]+(?:a\s+)?century(?:\s+of\s+(?:the\s+)?(?:surveys?|data(?:set)?|records?))?\s*,\s*(?=from\s)",
    re.IGNORECASE,
)
_WHOLE_DECADE = re.compile(
    r"(?<!since\s)(?<!from\s)\bthe\s+(?P<d>(?:19|20)\d0)s\b(?!\s+on(?:wards?)?\b)", re.IGNORECASE
)


def unera(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    owner = _owner(text, model)
    text = _DECADE_WORD.sub(lambda m: m["pre"] + _decade(m["d"], owner), text)
    text = _SECOND_WORD.sub(lambda m: m["pre"] + _decade(m["d"], owner), text)
    text = _HALF_CENTURY.sub(" ", text, count=1).strip()
    text = _unframe(text)
    _refuse_era(text, model, owner)
    if owner is not None:
        _refuse_part_decade(text, owner)
    return text


def _owner(text: str, model: SemanticModel) -> Dataset | None:
    """The one dated dataset the question names, if it names one."""
    dated = [d for d in datasets_named(text, model) if d.time is not None and d.time_min and d.time_max]
    return dated[0] if len(dated) == 1 else None


def _span(ds: Dataset) -> tuple[int, int]:
    return int(str(ds.time_min)[:4]), int(str(ds.time_max)[:4])


def _decade(word: str, owner: Dataset | None) -> str:
    """ "sixties" -> "1960s": the century whose decade overlaps the data, else the twentieth."""
    tens = (_WORDS.index(word.lower()) + 2) * 10
    first, last = _span(owner) if owner is not None else (0, 0)
    century = next((c for c in (1900, 2000) if first <= c + tens + 9 and c + tens <= last), 1900)
    return f"{century + tens}s"


def _unframe(text: str) -> str:
    """Clauses that only frame a period named elsewhere in the question, taken off with their comma."""
    for m in reversed(list(_CLAUSE.finditer(text))):
        clause = m[0]
        rest = text[: m.start()] + text[m.end() :]
        if not _framing(clause) or not _YEAR.search(rest):
            continue
        start, end = m.start(), m.end()
        if start > 0 and text[start - 1] == ",":
            start -= 1  # "1962, at the height of the Cold War, average": the comma before goes with it
        elif end < len(text) and text[end] in ",:;":
            end += 1
        text = text[:start] + text[end:]
    return re.sub(r"\s{2,}", " ", text).strip()


def _framing(clause: str) -> bool:
    """A short clause naming an era and no year of its own."""
    words = clause.split()
    # "around the turn of the century" is a period of its own (worker.planner.relative_times).
    period = _YEAR.search(clause) or _TURN.search(clause)
    return 0 < len(words) <= _MAX_FRAMING_WORDS and bool(_ERA_WORD.search(clause)) and not period


def _refuse_era(text: str, model: SemanticModel, owner: Dataset | None) -> None:
    m = _NAMED_ERA.search(text)
    if m is None:
        return
    named = datasets_named(text, model)
    measured = [d for d in named if _measured(d, text)]
    choices = measured or named
    ds = choices[0] if len(choices) == 1 else owner
    raise NotInTheData(
        f"\u201c{m[0].strip()}\u201d is an era, not dates chartq can cut the data by; {_instead(ds)}"
    )


def _measured(ds: Dataset, text: str) -> bool:
    """Whether `text` names the dataset or one of its measures ("medals", not merely "nation")."""
    terms = {ds.name, *ds.synonyms, *(t for m in ds.measures for t in (m.label, *m.synonyms))}
    return any(re.search(rf"\b{re.escape(t)}\b", text, re.IGNORECASE) for t in terms if t)


def _instead(ds: Dataset | None) -> str:
    """What to name instead of an era: a period inside the data named, or that it has no dates."""
    if ds is None:
        return "name the years or months instead, e.g. \u201cfrom 1962 to 1972\u201d or \u201cQ4 2018\u201d."
    if ds.time is None or not ds.time_min:
        return f"the {ds.name} data has no dates. {suggest(ds)}"
    first, last = _span(ds)
    example = f"from {first} to {min(first + 10, last)}" if ds.time.grain == "year" else f"Q4 {first}"
    return (
        f"the {ds.name} data runs from {str(ds.time_min)[:10]} to {str(ds.time_max)[:10]}, so name years "
        f"or months within it instead, e.g. \u201c{example}\u201d. {suggest(ds)}"
    )


def _refuse_part_decade(text: str, ds: Dataset) -> None:
    """A whole decade the data covers only part of: the chart would start or stop at the data's edge."""
    first, last = _span(ds)
    for m in _WHOLE_DECADE.finditer(text):
        start = int(m["d"])
        if start + 9 < first or start > last or (first <= start and start + 9 <= last):
            continue
        raise NotInTheData(
            f"\u201c{m[0]}\u201d runs from {start} to {start + 9}, but the {ds.name} data runs from "
            f"{str(ds.time_min)[:10]} to {str(ds.time_max)[:10]}; the chart would silently show only part "
            f"of the decade. Name years within the data. {suggest(ds)}"
        )
