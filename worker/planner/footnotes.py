"""Asides a user puts conditions, scope and corrections in, read before a question is read.

A correction in parentheses, brackets or between dashes, "(n.b. sum, not average)", "(max not mean)", "(nb:
total GDP, not per capita)", "[note: the median rather than the mean]", "— count instead of sum —", names
what is wanted and what is not: it is read as the wanted part alone ("(sum)"), never as two aggregations,
and an unwanted aggregation said before it is taken back ("Average tip (median, not mean)"). It is read so
only when the unwanted part is an aggregation or a per-capita / per-person reading; "(sum, not euros)" or
"(median, not weighted mean)" names something else, and is left for the planner to read (and refuse).

A footnote marker ("*", "**", "†", "‡") after a word, with its footnote later in the text, is read in
place. A footnote that defines the marked words ("* i.e. Sat & Sun", "*= Thur & Fri", "†: 6+") and names
values replaces them, keeping their "only": "(weekend only*)  * i.e. Sat & Sun" is "(Sat and Sun only)".
A definition that does not name values is put after the marked words ("plurality districts (districts
won with a plurality)"), and any other footnote ("* smokers only", "*excluding Sunday") is a further
condition, read in parentheses where it stands. "(i.e. Sat & Sun)" is the values themselves. Brackets
("[1992]", "[Asia]", "[excl. Oceania]") and scopes between dashes ("— 2019 only —", "-- dinner only --")
are read by the planner as they are. Text not recognised here is left unchanged.
"""

from __future__ import annotations

import re

__all__ = ["unfootnote"]

_I = re.IGNORECASE
_AGG = (
    r"(?:average|avg|mean|total|sum|count|number|median|min|minimum|max|maximum|highest|lowest|peak|"
    r"largest|smallest|biggest)"
)
_NOTE = r"(?:(?:n\.\s?b\.?|nb\.?|note|nota\s+bene|i\s+mean|to\s+be\s+clear)\s*[:,.-]?\s*)"
# What is not wanted: an aggregation (maybe with the measure's words after it) or a per-capita reading;
# never a weighted or moving one, or one over a unit or a span, which the planner must still read.
_QUALIFIED = (
    r"(?:weighted|rolling|moving|running|cumulative|trimmed|geometric|harmonic|adjusted|in|per|over|of|by)"
)
_UNWANTED = (
    rf"(?:the\s+|an?\s+)?(?:{_AGG}(?:\s+(?!{_QUALIFIED}\b)[a-z]+){{0,2}}|"
    r"(?:[a-z]+\s+)?per[-\s](?:capita|person|head)(?:\s+[a-z]+)?)"
)
_DASH = r"(?:\u2014|\u2013|--)"
# In parentheses, brackets or between dashes (the last dash may be the end of the question).
_CORRECTION = re.compile(
    rf"(?:\(|\[|(?<=\s){_DASH}\s)\s*{_NOTE}?(?P<x>[^()\[\],;\u2014\u2013]+?)\s*(?:,\s*|\s+|\s*;\s*)"
    rf"(?:but\s+)?(?:not|rather\s+than|instead\s+of)\s+(?:the\s+)?(?P<y>{_UNWANTED})"
    rf"\s*[.!]?\s*(?:\)|\]|\s{_DASH}(?=\s|$)|$)",
    _I,
)
# The wanted part names an aggregation or a measure in a few words, never a condition or a place.
_WANTED = re.compile(
    rf"^(?:the\s+|an?\s+)?(?:[a-z%]+\s+){{0,3}}?(?:{_AGG}|[a-z%]+)(?:\s+[a-z%]+){{0,3}}$", _I
)

_MARK = r"(?:\*{1,3}|\u2020|\u2021)"
_DEFINES = r"(?:i\.?\s?e\.?,?|that\s+is,?|meaning|=|:)"
# "weekend only*": the marked words, then later the footnote opened by the same marker.
_MARKED = re.compile(rf"(?<=[\w)%+])(?P<m>{_MARK})(?![\w*\u2020\u2021])")
# A definition that names values is a short list of them ("Sat & Sun", "S, SW and W", "6+"), maybe "only";
# one with a verb or a preposition describes instead.
_NOT_VALUES = re.compile(
    r"\b(?:with|without|who|which|that|where|when|won|had|has|have|is|are|was|were|per|by|of)\b", _I
)
_AND = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b)\s*", _I)
_OPENS = re.compile(r"[(\[]|\s[\u2013\u2014]\s|\s--\s")
_IE = re.compile(r"\(\s*(?:i\.\s?e\.|ie\.?|that\s+is)\s*,?\s*(?=[^()]+\))", _I)


# Aggregations said more than one way: the unwanted one said before the correction is taken back.
_SAME = [
    ("average", "avg", "mean"),
    ("max", "maximum", "highest", "peak", "largest", "biggest"),
    ("min", "minimum", "lowest", "smallest"),
    ("median",),
    ("total", "sum"),
]
# The one word of each the planner reads alone in parentheses ("(lowest)" alone is read as nothing).
_PLAIN = {"lowest": "minimum", "smallest": "minimum", "highest": "maximum", "largest": "maximum",
          "biggest": "maximum", "number": "count"}  # fmt: skip


def _corrected(text: str) -> str:
    """`text` with each correction in parentheses read as what is wanted (unchanged when not one)."""
    out, at = [], 0
    for m in _CORRECTION.finditer(text):
        wanted = m["x"].strip()
        if not _WANTED.match(wanted) or re.search(r"\bnot\b", wanted, _I):
            continue
        before = text[at : m.start()]
        # "Average tip by day (median, not mean)": the average said before is the one taken back.
        unwanted = re.sub(r"^(?:the|an?)\s+", "", m["y"].lower()).split()[0]
        said = next((group for group in _SAME if unwanted in group), ())
        if said and any(w in g for g in _SAME for w in wanted.lower().split()):
            # "total bill" is a measure's name, not its total.
            words = "|".join(w + r"(?!\s+bill\b)" if w == "total" else w for w in said)
            before = re.sub(rf"\b(?:{words})\b\s*", "", before, flags=_I)
        alone = re.fullmatch(r"(?:the\s+|an?\s+)?(\w+)", wanted, _I)
        if alone and alone[1].lower() in _PLAIN:
            wanted = _PLAIN[alone[1].lower()]
        out += [before, f"({wanted})"]
        at = m.end()
    return "".join([*out, text[at:]])


def _footnote(text: str) -> str:
    """`text` with its first footnote read in place (unchanged when it has none)."""
    for marked in _MARKED.finditer(text):
        mark = re.escape(marked["m"])
        note = re.compile(
            rf"(?:(?<=\s)|(?<=[(\[]))(?<![\w*]){mark}(?![*])\s*(?P<d>{_DEFINES})?\s*(?P<c>[^()\[\]*\u2020\u2021]+?)"
            r"\s*[.;]?\s*(?=[)\]]|$|\s\*|\s\u2020|\s\u2021)",
            _I,
        ).search(text, marked.end())
        if note is None or not note["c"].strip():
            continue
        content = note["c"].strip()
        # The footnote goes, with the parentheses or brackets it stood in alone.
        start, end = note.span()
        if start > 0 and text[start - 1] in "([" and end < len(text) and text[end] in ")]":
            start, end = start - 1, end + 1
        rest = text[:start].rstrip() + (" " + text[end:].lstrip() if text[end:].strip() else "")
        before = rest[: marked.start()]
        after = rest[marked.end() :]
        if not note["d"]:
            return f"{before} ({content}){after}"
        listed = re.sub(r"\s+only$", "", content, flags=_I)
        items = re.split(_AND, listed)
        if len(items) > 8 or _NOT_VALUES.search(listed) or not all(map(_is_value, items)):
            return f"{before} ({content}){after}"
        said = re.sub(r"\s*&\s*", " and ", listed)
        only = re.search(r"\s+only$", before, _I)
        head = before[: only.start()] if only else before
        if only or re.search(r"\bonly$", content, _I):
            said += " only"
        cut = _marked_from(head)
        if cut is None:
            return f"{before} ({content}){after}"
        return f"{head[:cut]}{said}{after}"
    return text


def _is_value(item: str) -> bool:
    """Whether `item` of a footnote's list reads as one value: one word, or capitalised words and numbers."""
    words = item.split()
    return len(words) == 1 or (1 < len(words) < 4 and all(w[0].isupper() or w[0].isdigit() for w in words))


def _marked_from(head: str) -> int | None:
    """Where the marked words at the end of `head` start: after an open parenthesis, bracket or dash,
    else at the last word (None when nothing is marked)."""
    opened = list(_OPENS.finditer(head))
    if opened:
        last = opened[-1]
        dashes = [m for m in opened if m[0].strip() not in "(["]
        closed = re.search(r"[)\]]", head[last.end() :]) or (last in dashes and len(dashes) % 2 == 0)
        if not closed:
            return last.end() if head[last.end() :].strip() else None
    word = re.search(r"[\w+-]+$", head)
    return word.start() if word else None


def unfootnote(text: str) -> str:
    """`text` with corrections in parentheses read as what is wanted, and footnotes read in place."""
    text = _corrected(text)
    for _ in range(3):
        read = _footnote(text)
        if read == text:
            break
        text = read
    text = _IE.sub("(", text)
    return " ".join(text.split())
