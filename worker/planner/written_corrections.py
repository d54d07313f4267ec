"""Spelt out before a question is read (worker.planner.voices):
a written self-correction ("- sorry, I meant dinner", "scratch that, make it the median",
"edit: 2002 not 2007") applied to what it corrects.

A writer corrects after a break in the text (". ", " - ", " -> ", "(", ", ", "...") with a marker: "sorry",
"oops", "ugh", "typo", "I meant", "edit:", "correction:", "update:", "scratch that", "wait,", "no wait",
"no,", "actually" (this one only opening a sentence). What follows replaces exactly what it corrects:

- "X, not Y" names it: Y (said before) becomes the item of X of its kind ("2002 not 2007", "no pie, bars");
- a phrase restating the words around it replaces the phrase it differs from by a word or two ("Chile and
  Colombia" for "Chile and Peru", "highest first" for "lowest first", "sepal WIDTH vs petal length");
- otherwise each item replaces the nearest earlier item of its kind: a value of the same dimension, a
  measure, a year, a quarter, a number, an aggregation (added to the measure when none was said), a chart
  type, a grouping ("by sex"), an order ("highest first"), a condition ("above 75").

A starred word ending the message ("Saturday" then "*Sunday" on its own line) is a typo fix: it replaces the
word it resembles. Struck text ("~~lunch~~") is taken off by worker.planner.chat_formatting.

A correction that cannot be placed, that hesitates ("or maybe 1997?") or that says more than items and the
words already said ("the standard deviation", "minus") is refused: charting both the value taken back and
its correction would be a wrong chart. Markers that are also plain words ("sorry to ask", "wait,") refuse
nothing: when they cannot be placed the text is left to the spoken corrections (worker.planner.corrections).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from worker.planner.corrections_values import item_kinds
from worker.planner.errors import UnchartableQuestion
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unwrite_corrections"]

_I = re.IGNORECASE
# One marker word or phrase with the punctuation after it; "wait" and "no" correct only before a comma.
_UNIT = re.compile(
    r"\s*(?P<u>sorry|oops|ugh|my\s+bad|typo|(?:edit|correction|update)\s*:|scratch\s+that|no\s*,?\s*wait"
    r"|wait(?=\s*,)|no(?=\s*,)|actually|i\s+meant|meant)(?![\w'])\s*[,:-]?\s*",
    _I,
)
_WEAK = frozenset(("sorry", "ugh", "wait", "no", "actually", "no wait", "no, wait", "my bad"))
_BREAK = re.compile(r"(?:[.!?(,>\u2013\u2014\u2026]|\s-{1,2})\s*$")
_WORD = re.compile(r"[\w'+-]*\w")
_DOUBT = re.compile(r"\?|\b(?:maybe|perhaps|or|either|not\s+sure|can'?t\s+remember|don'?t\s+know)\b", _I)
_NOT = re.compile(r"(?:^|,\s*|\s+)(?:not|no|instead\s+of|rather\s+than)\s+(?P<y>[^,.;()]+)", _I)
# "in the districts Joly herself won": a reflexive only stresses the name before it.
_FILLER = re.compile(
    r"\b(?:make\s+(?:it|that)|instead|please|pls|rather|just|sorry|(?:her|him|them|it)sel(?:f|ves))\b|[,.;!]",
    _I,
)
# Words that lead into an item or restate the request without naming anything.
_LEAD = frozenset(
    (
        "the",
        "a",
        "an",
        "for",
        "in",
        "from",
        "of",
        "on",
        "by",
        "at",
        "to",
        "with",
        "as",
        "vs",
        "versus",
        "and",
        "only",
        "than",
        "chart",
        "graph",
        "plot",
    )
)
_CHART = re.compile(
    r"(?:(?:a|an)\s+)?(?:pie|bars?|lines?|scatter|histogram|area)(?:\s+(?:chart|graph|plot))?(?![\w'-])", _I
)
_ORDER = re.compile(
    r"(?:highest|lowest|largest|smallest|biggest)\s+(?:first|on\s+top)|ascending|descending(?![\w'-])", _I
)
_CONDITION = re.compile(
    r"(?:above|below|over|under|(?:more|less|greater|fewer)\s+than|at\s+(?:least|most))\s+\d+(?:\.\d+)?"
    r"(?![\w'-])",
    _I,
)
_GROUPING = re.compile(r"(?:(?:split|colou?red|broken\s+down)\s+by|by|per|for\s+each)\s+(?=\w)", _I)
_ATOMS = (
    ("quarter", re.compile(r"q[1-4](?![\w'-])", _I)),
    ("number", re.compile(r"\d+(?:\.\d+)?(?![\w'-])")),
)
# Kinds a correction may add when the question said none ("edit: as a pie", "edit: in 2002").
_ADDED = frozenset(("chart", "grouping", "series", "order", "year"))
_STAR = re.compile(r"(?<!\S)\*(?P<w>\w[\w'-]*)\s*$")
_RESEMBLES = 0.6

Span = tuple[int, int, frozenset[str]]  # start and end in the text, the item's kinds


def unwrite_corrections(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    text = _unstar(text, model)
    start = 0
    while (m := _marker(text, start)) is not None:
        before, units, end = m
        opened = before.rstrip().endswith("(")
        close = text.find(")", end) if opened else -1
        said = text[end : close if close >= 0 else len(text)]
        rest = text[close + 1 :] if close >= 0 else ""
        placed = _place(before.rstrip(" -(>\u2013\u2014"), said, model)
        if placed is None:
            if set(units) <= _WEAK:
                start = end
                continue
            sentence = f"chartq could not tell what \u201c{said.strip(' .')}\u201d corrects in that question"
            raise UnchartableQuestion(
                with_example(sentence + "; ask again with only the words you mean", text, model)
            )
        text, start = f"{placed} {rest}".strip(), 0
    return text


def _marker(text: str, start: int) -> tuple[str, list[str], int] | None:
    """The text before the first marker after a break from `start`, the marker's units and where it ends."""
    for m in _UNIT.finditer(text, start):
        before = text[: m.start()]
        if not before.strip() or not _BREAK.search(before):
            continue
        units, end = [], m.start()
        while (u := _UNIT.match(text, end)) is not None and u.end() > end:
            units.append(" ".join(u["u"].lower().rstrip(":").split()))
            end = u.end()
        if units[0] == "actually" and not re.search(r"[.!?]\s*$", before):
            continue
        if re.search(r"\w", text[end:]):
            return before, units, end
    return None


def _place(before: str, said: str, model: SemanticModel) -> str | None:
    """`before` with the correction `said` applied, or None when it cannot be placed."""
    if _DOUBT.search(said):
        return None
    not_y = _NOT.search(said)
    fix = _FILLER.sub(" ", said[: not_y.start()] + said[not_y.end() :] if not_y else said)
    fix = " ".join(fix.split())
    if not fix:
        return None
    if not_y is None and (restated := _restated(before, fix)) is not None:
        return restated
    known = {_stem(w) for w in _WORD.findall(before.lower())}
    items = _items(fix, model, grouping=not_y is None)
    loose = {_stem(w) for w in _WORD.findall(_without(fix, items).lower())} - _LEAD - known - {""}
    if not_y is not None:
        return _instead_of(before, fix, [] if loose else items, not_y["y"].strip(), model)
    return None if loose or not items else _by_kind(before, fix, items, model)


def _instead_of(before: str, fix: str, items: list[Span], y: str, model: SemanticModel) -> str | None:
    """ "X, not Y": Y, said before, replaced by the item of X of its kind (the only item, if Y has none)."""
    found = list(re.finditer(rf"(?<![\w'-]){re.escape(_stem(y))}(?![\w-])", before, _I))
    if not found and (bare := re.sub(r"^(?:the|a|an)\s+", "", y, flags=_I)) != y:
        return _instead_of(before, fix, items, bare, model)  # "rather than the median" after "Median tip"
    if not found:
        return None
    old = found[-1]
    kinds = next((k for s, e, k in _items(before, model, grouping=False) if s <= old.start() < e), None)
    article = re.search(r"\b(?:a|an)\s+$", before[: old.start()], _I)
    new = [i for i in items if kinds is not None and i[2] & kinds] or (items if len(items) == 1 else [])
    if not items and kinds is None and _named(fix) and _named(y):
        # "Villeray, not Mile-End": a name for a name, which the readers look up.
        return before[: old.start()] + fix + before[old.start() + len(_stem(y)) :]
    if not new:
        return None
    start = article.start() if article and "chart" in new[0][2] else old.start()
    return before[:start] + fix[new[0][0] : new[0][1]] + before[old.start() + len(_stem(y)) :]


def _restated(before: str, fix: str) -> str | None:
    """The phrase of `before` that `fix` restates, differing by a word or two, replaced by `fix`."""
    said, fixes = list(_WORD.finditer(before)), [_stem(w) for w in _WORD.findall(fix.lower())]
    n = len(fixes)
    if n < 2 or len(said) < n:
        return None
    words = [_stem(m[0].lower()) for m in said]
    for i in range(len(words) - n, -1, -1):
        same = [a == b for a, b in zip(words[i : i + n], fixes, strict=True)]
        anchor = any(s and w not in _LEAD for s, w in zip(same, fixes, strict=True))
        if anchor and 1 <= same.count(False) <= 2 and 2 * same.count(True) >= n:
            return before[: said[i].start()] + fix + before[said[i + n - 1].end() :]
    return None


def _by_kind(before: str, fix: str, items: list[Span], model: SemanticModel) -> str | None:
    """Each item of `fix` in place of the nearest earlier item of `before` of its kind; an aggregation with
    none said before is added to the first measure."""
    for start, end, kinds in items:
        olds = [i for i in _items(before, model, grouping=True) if i[2] & kinds]
        new = fix[start:end]
        if olds:
            s, e, _ = olds[-1]
            before = before[:s] + new + before[e:]
        elif kinds == {"aggregation"}:
            measures = [i for i in _items(before, model, grouping=False) if "measure" in i[2]]
            if not measures:
                return None
            before = before[: measures[0][0]] + new + " " + before[measures[0][0] :]
        elif kinds & _ADDED:
            # Nothing of its kind to replace: the correction adds it ("Tip by day. Edit: as a pie").
            lead = re.search(rf"(?:\b(?:{'|'.join(_LEAD)})\s+)*$", fix[:start], _I)
            before = f"{before.rstrip(' .,;')} {fix[lead.start() if lead else start : end]}"
        else:
            return None
    return before


def _items(text: str, model: SemanticModel, grouping: bool) -> list[Span]:
    """The items of `text` in order, each the longest found at its first word; with `grouping`, "by X" is
    one item (a grouping) rather than a dimension after a preposition."""
    words = list(_WORD.finditer(text))
    lows = [_stem(w[0].lower()) for w in words]
    found: list[Span] = []
    i = 0
    while i < len(words):
        span = _item_at(text, words, lows, i, model, grouping)
        if span is None:
            i += 1
            continue
        found.append(span)
        while i < len(words) and words[i].start() < span[1]:
            i += 1
    return found


def _item_at(
    text: str, words: list[re.Match[str]], lows: list[str], i: int, model: SemanticModel, grouping: bool
) -> Span | None:
    at = words[i].start()
    if grouping and (g := _GROUPING.match(text, at)):
        j = next((k for k, w in enumerate(words) if w.start() >= g.end()), None)
        inner = _item_at(text, words, lows, j, model, False) if j is not None else None
        if inner is not None and "dimension" in inner[2]:
            kind = "grouping" if g[0].lower().strip() in ("by", "per", "for each") else "series"
            return at, inner[1], frozenset({kind})
    for kind, pattern in (("order", _ORDER), ("condition", _CONDITION), ("chart", _CHART)):
        if m := pattern.match(text, at):
            return at, m.end(), frozenset({kind})
    kinds, n = item_kinds(lows, i, model)
    if kinds:
        return at, words[i + n - 1].start() + len(lows[i + n - 1]), kinds
    for kind, pattern in _ATOMS:
        if m := pattern.match(text, at):
            return at, m.end(), frozenset({kind})
    return None


def _without(text: str, items: list[Span]) -> str:
    for start, end, _ in reversed(items):
        text = text[:start] + " " + text[end:]
    return text


def _named(text: str) -> bool:
    """Capitalised words, as a name is written ("Villeray", "Mile-End")."""
    words = _WORD.findall(text)
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words)


def _stem(word: str) -> str:
    """A word without its possessive: "Google's" names Google."""
    return word[:-2] if word.lower().endswith("'s") else word


def _unstar(text: str, model: SemanticModel) -> str:
    """ "on Saturday *Sunday": the starred word at the end in place of the earlier word it resembles."""
    m = _STAR.search(text)
    if m is None:
        return text
    before, new = text[: m.start()], m["w"]
    scored = [(SequenceMatcher(None, w[0].lower(), new.lower()).ratio(), w) for w in _WORD.finditer(before)]
    best = max(scored, default=None, key=lambda s: s[0])
    if best is None or best[0] < _RESEMBLES or sum(s[0] == best[0] for s in scored) > 1:
        sentence = f"chartq could not tell which word \u201c*{new}\u201d corrects in that question"
        raise UnchartableQuestion(
            with_example(sentence + "; ask again with only the words you mean", text, model)
        )
    old = best[1]
    return (before[: old.start()] + new + before[old.end() :]).rstrip()


def _unplaced(what: str, text: str, model: SemanticModel) -> UnchartableQuestion:
    sentence = f"chartq could not tell {what} in that question; ask again with only the words you mean"
    return UnchartableQuestion(with_example(sentence, text, model))
