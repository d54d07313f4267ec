"""Self-corrections, as a voice transcript keeps them: "by day no sorry by time of day", "in nineteen
seventy two no wait nineteen seventy seven", "for north winds uh i mean south winds". The words after the
marker ("no sorry", "no wait", "sorry", "i mean", "or rather", "actually", "make that") replace the phrase
they correct, which is found the way a listener finds it: the phrase opening with the correction's first
word ("by ...", "nineteen ..."), or ending with the same word ("north winds" / "south winds"). Reading
both would chart the value taken back as well (a filter on north and south winds), so a correction that
cannot be placed is refused rather than kept. "Actually" is also a mere emphasis ("who actually won"),
and "make that" a request ("make that a pie"): they only correct when they can be placed, and are
otherwise left alone. Corrections naming the model's items (a value, a measure, a year) are placed
before this, by worker.planner.corrections_values.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion

__all__ = ["MARKER", "uncorrect"]

# A hesitation is a word of its own ("um", not the end of "maximum").
_HESITATION = r"(?:(?<![\w'])(?:u+m+|u+h+|e+r+m+|h+m+)\s*,?\s*)*"
_MARKER = re.compile(
    rf"(?<=\w)\s*[,;-]?\s*{_HESITATION}(?P<m>(?:no|sorry|wait|actually|or)\s*,?\s*make\s+that|make\s+that|"
    r"no\s*,?\s*sorry|sorry\s*,?\s*no|no\s*,?\s*wait|wait\s*,?\s*no|sorry\s*,?\s*i\s+mean|"
    r"no\s*,?\s*i\s+mean|i\s+mean|i\s+meant|sorry|or\s+rather|no\s*,?\s*actually|actually)(?![\w'])\s*,?\s*",
    re.IGNORECASE,
)
MARKER = _MARKER
"""A self-correction's marker, its words in group "m"."""
# Markers that are also plain words ("who actually won", "make that a pie"): they correct only where the
# correction can be placed.
_LENIENT = frozenset(("actually", "make that"))
_ARTICLES = frozenset(("the", "a", "an"))
# Words too common to say where a correction belongs.
_COMMON = _ARTICLES | {"of", "and", "or", "for", "to", "as", "me", "show", "it", "is", "please"}
_WORD = re.compile(r"[\w'+-]+")


def _replace(before: str, said: list[re.Match[str]], i: int, after: str, length: int) -> str:
    """`before` with `length` words from its `i`th replaced by `after`: the correction restates its phrase,
    and what followed that phrase stays ("top five countries by gdp, sorry top three")."""
    end = i + length
    return before[: said[i].start()] + after + (before[said[end - 1].end() :] if end < len(said) else "")


def _place(before: str, after: str) -> str | None:
    """`before` with its last phrase replaced by `after`, or None when no phrase of it is corrected."""
    said = list(_WORD.finditer(before))
    fix = [w.lower() for w in _WORD.findall(after)]
    while fix and fix[0] in _ARTICLES:
        fix = fix[1:]
    if not said or not fix:
        return None
    words = [m[0].lower() for m in said]
    # A number corrects the last number: "in 1962 no wait 1967", "top 5 sorry 3".
    if fix[0].isdigit() and fix[0] not in words:
        numbers = [i for i, w in enumerate(words) if w.isdigit() and (len(w) == 4) == (len(fix[0]) == 4)]
        return _replace(before, said, numbers[-1], after, 1) if numbers else None
    # The phrase opening with the correction's first word: "by day" / "by time of day", "top five" / "top 3".
    if fix[0] not in _COMMON and fix[0] in words:
        i = len(words) - 1 - words[::-1].index(fix[0])
        return _replace(before, said, i, after, len(fix))
    # The phrase ending with the same word: "north winds" / "south winds", "average tip" / "the median tip".
    for j, word in enumerate(fix[1:3], 1):
        if word in _COMMON or word not in words:
            continue
        i = len(words) - 1 - words[::-1].index(word)
        if i >= j and all(w not in _COMMON for w in words[i - j : i]):
            return _replace(before, said, i - j, after, len(fix))
    return None


def _swap_name(before: str, after: str) -> str | None:
    """ "in France actually Germany since 1990": a name (or number) right after the marker takes the place
    of the name (or number) right before it; None unless both are names, or both numbers."""
    last, first = re.search(r"([\w'+-]+)\s*$", before), re.match(r"\s*([\w'+-]+)", after)
    if last is None or first is None:
        return None
    a, b = last[1], first[1]
    if not ((a[:1].isupper() and b[:1].isupper()) or (a.isdigit() and b.isdigit())):
        return None
    return before[: last.start(1)] + after[first.start(1) :]


def uncorrect(text: str) -> str:
    """`text` with each self-correction applied; raises UnchartableQuestion when one cannot be placed."""
    start = 0
    while (m := _MARKER.search(text, start)) is not None:
        before, after = text[: m.start()], text[m.end() :]
        marker = " ".join(m["m"].lower().split())
        # "…? I mean the gap": a new sentence, not a correction.
        if re.search(r"[.?!]\s*$", before) or not re.search(r"\w", after):
            start = m.end()
            continue
        placed = _place(before, after)
        if placed is not None:
            text, start = placed, 0
            continue
        swapped = _swap_name(before, after)
        if swapped is not None:
            text, start = swapped, 0
            continue
        if marker in _LENIENT or ("," in m[0] and marker == "i mean"):
            # An emphasis ("who actually won") or an aside (", i mean, "), left to the hesitations.
            start = m.end()
            continue
        raise UnchartableQuestion(
            f"chartq could not tell which words \u201c{after.strip()}\u201d correct in that question "
            f"(after \u201c{m['m']}\u201d). Ask again with only the words you mean."
        )
    return text
