"""A chart built in ordered steps, the way an instructor dictates it: "First take the tips data. Then keep
only dinner. Then group by day. Finally show the average tip as bars.", "Step 1: open the gapminder data.
Step 2: ...", "1) medals data 2) Canada only 3) medals by type 4) as a pie", "Start with the iris data,
narrow it to versicolor and virginica, then plot ...".

Each step says one part of a single plan, so the steps are joined into one request the readers know: the
markers come off with their numbers (a step's number is no limit), the opening step is the data ("the
tips data"), "keep only X", "narrow it to X" and "restrict it to X" are restrictions ("only X"), "drop X"
and "leave out X" exclusions ("without X"), "group it by X" and "put one bar per X" groupings, and "sort
them from most to fewest" an order. Only text whose first step names a dataset and that has a second
marked step is read; any other text is returned exactly as written.

A plan applies its limit after grouping, so a step that keeps the N biggest rows before a later grouping
step is refused rather than silently reordered; so are steps no single plan holds (joining another
dataset, averaging averages, dropping the top N and showing the rest).
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.refusals import suggest
from worker.semantic import Dataset, SemanticModel

__all__ = ["unstep"]

_I = re.IGNORECASE
_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
# "Step 1:", "Step one:", "1)", "2." at the start of the text or after a space; the number is read below.
_NUMBERED = re.compile(
    r"(?:^|(?<=\s))(?:step\s+(?P<w>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s*[:.)-]|"
    r"(?P<n>\d{1,2})(?:\s*\)|\.(?=\s)))\s*",
    _I,
)
# The words that mark an unnumbered step ("Then", "and finally", "Second,", "Last,").
_SEQUENCE = (
    r"(?:and\s+)?(?:then|next|finally|lastly|afterwards|after\s+that|first(?:ly)?|second(?:ly)?|"
    r"third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|last(?=\s*(?:,|$)))\b"
)
# Where one unnumbered step ends and the next begins: a sentence's end, a semicolon or a comma (not one
# inside a number: "1,000"). Steps are joined with commas again, so a comma within a step is unchanged.
_BOUNDARY = re.compile(r"[.!]+(?:\s+|$)|;\s*|,(?:\s+|$)")
_MARKER = re.compile(r"^(?:" + _SEQUENCE + r")\s*,?\s*", _I)
# "Start with", "Begin with", "Take", "Open", "Use", "Pick": the verbs that open the data step.
_OPENER = re.compile(
    r"^(?:(?:let'?s\s+)?(?:start|begin)(?:ning)?\s+(?:with|from)|take|open|use|pick|load|grab|get)\s+", _I
)
# A limit among the steps ("the 10 biggest bills", "the top 5") and a later step that groups.
_LIMIT = re.compile(
    r"\b(?:top|bottom)\s+\d+|\b\d+\s+(?:\w+\s+)?(?:biggest|largest|smallest|highest|lowest|most|"
    r"least|fewest|best|worst)\b",
    _I,
)
_GROUPS = re.compile(r"\b(?:group|grouped|by|per|for\s+each|each)\b", _I)
_DROP_RANK = re.compile(
    r"\b(?:drop|remove|exclude|leave\s+out|take\s+out|skip)\s+the\s+(?:top|bottom|first|last)\s+(?:\d+|"
    + "|".join(_NUMBER_WORDS)
    + r")\b",
    _I,
)
_JOIN = re.compile(r"^(?:join|merge|combine|link|match)\s+(?:it|them|this|that)\b", _I)
_AVERAGES = re.compile(r"\baverages?\s+of\s+(?:those|these|the|their)\s+averages\b", _I)
# Each step's wording spelt as the readers know it, applied in order at the step's start.
_REWRITES = [
    # "Keep the bands in their order", "kept in compass order": an order, before "keep" is a restriction.
    (
        re.compile(r"^(?:keep|kept|leave)\s+(?:(?:the|them|it)\b\s*(?:\w+\s+)?)?(?=in\s+\w+\s+order\b)", _I),
        "",
    ),
    (re.compile(r"^keep\s+(?:only|just)\s+", _I), "only "),
    (re.compile(r"^keep\s+(?=.*\bonly\W*$)", _I), ""),
    (
        re.compile(
            r"^(?:narrow|restrict|limit|filter|cut)\s+(?:it|them|this|the\s+data)\s+(?:down\s+)?to\s+", _I
        ),
        "only ",
    ),
    (re.compile(r"^(?:then\s+)?to\s+(?=the\b|\d)", _I), "only "),
    (re.compile(r"^keep\s+(?=the\b)", _I), "only "),
    (re.compile(r"^(?:drop|remove|exclude|leave\s+out|take\s+out|skip)\s+", _I), "without "),
    (re.compile(r"^group\s+(?:it|them|those\s+\w+|these\s+\w+|the\s+\w+\s+)?\s*(?=by\b)", _I), ""),
    (re.compile(r"^(?:put|make|draw|show)\s+(?=one\s+(?:bar|line|slice)\s+(?:per|for)\b)", _I), ""),
    (
        re.compile(
            r"^sort\s+(?:them|it|the\s+\w+)\s+(?=(?:from\s+)?(?:most|fewest|least|highest|lowest|biggest|smallest))",
            _I,
        ),
        "",
    ),
    (re.compile(r"^colou?r\s+(?:it|them|the\s+\w+)\s+(?=by\b)", _I), "coloured "),
    (re.compile(r"^add\s+up\s+(?:the\s+)?", _I), "the total "),
    (re.compile(r"^count\s+(?:them|it|those|these)\s+", _I), "count "),
    (re.compile(r"^count\s+the\s+", _I), "the number of "),
    (
        re.compile(
            r"^(?:show|plot|draw|display|make|create|chart|graph)\s+(?:it|them|that|this)\s+(?=as\b)", _I
        ),
        "",
    ),
    (re.compile(r"^(?:show|plot|draw|display|make|create)\s+(?=(?:a|an)\s+\w+)", _I), ""),
]
# "the 5 districts where she got the most": the top 5 districts.
_WHERE_MOST = re.compile(
    r"\bthe\s+(?P<n>\d+)\s+(?P<what>\w+)\s+where\s+(?:she|he|they|it)\s+(?:got|had|won|scored)\s+the\s+"
    r"(?P<end>most|fewest|least)\b",
    _I,
)


def unstep(text: str, model: SemanticModel) -> str:
    """`text` with its ordered steps joined into one request; unchanged when it has none."""
    steps = _numbered_steps(text) or _sequenced_steps(text)
    if len(steps) < 2:
        return text
    dataset = _dataset_of(steps[0], model)
    _refuse_unplannable(steps, dataset, dataset or _measured(text, model))
    if dataset is None:
        return text  # no data step first: some other framing, left for its own reader
    read = ", ".join(s for s in (_plain(step) for step in steps) if s)
    return _WHERE_MOST.sub(lambda m: _top(m), read) + "."


def _numbered_steps(text: str) -> list[str]:
    """The steps between "Step 1:", "Step 2:", ... (or "1)", "2.", ...), numbered in order from the
    text's start; a number out of sequence ("parties of 1.") is the step's own."""
    cuts: list[tuple[int, int]] = []
    for m in _NUMBERED.finditer(text):
        said = (m["w"] or m["n"]).lower()
        n = _NUMBER_WORDS.index(said) + 1 if said in _NUMBER_WORDS else int(said)
        if n == len(cuts) + 1 and (cuts or not text[: m.start()].strip()):
            cuts.append((m.start(), m.end()))
    if len(cuts) < 2:
        return []
    ends = [start for start, _ in cuts[1:]] + [len(text)]
    return [text[end:stop].strip() for (_, end), stop in zip(cuts, ends, strict=True)]


def _sequenced_steps(text: str) -> list[str]:
    """The steps of "First ..., then ..., and finally ...": sentences and sequence words cut them; at
    least one step after the first must open with a sequence word."""
    parts: list[str] = []
    for part in (p.strip() for p in _BOUNDARY.split(text)):
        if part and parts and _MARKER.sub("", parts[-1]) == "":
            parts[-1] += f", {part}"  # "First, take the data": the marker and its step are one
        elif part:
            parts.append(part)
    if not any(_MARKER.match(p) for p in parts[1:]):
        return []
    return parts


def _dataset_of(step: str, model: SemanticModel) -> Dataset | None:
    """The dataset a data step names ("the tips data", "stocks data", "Gapminder"), or None; "Medals by
    nation" asks for a chart, and names no data step."""
    step = _MARKER.sub("", step).strip(" .,;:")
    step = _OPENER.sub("", step)
    for ds in model.datasets:
        names = "|".join(re.escape(n) for n in [ds.name, *ds.synonyms])
        if re.match(rf"^(?:the\s+)?(?:{names})(?:\s+data(?:set)?\b|\s*$)", step, _I):
            return ds
    return None


def _measured(text: str, model: SemanticModel) -> Dataset | None:
    """The dataset whose measure `text` names, for a refusal's example when no data step names one."""
    lowered = text.lower()
    return next((ds for ds in model.datasets for m in ds.measures if m.label.lower() in lowered), None)


def _refuse_unplannable(steps: list[str], ds: Dataset | None, about: Dataset | None) -> None:
    """Refuses steps one plan cannot hold, in the order the user gave them. NotInTheData: no reading of
    some steps as context may chart the rest, which would silently skip a step."""
    example = f" {suggest(about)}" if about is not None else ""
    for i, step in enumerate(steps):
        if m := _DROP_RANK.search(step):
            raise NotInTheData(
                f"chartq can keep the top or bottom groups of a chart, but cannot drop some "
                f"(\u201c{m[0]}\u201d) and show the rest.{example}"
            )
        if _JOIN.match(_MARKER.sub("", step)) and ds is not None:
            raise NotInTheData(
                f"chartq charts one dataset at a time and cannot join the {ds.name} data to another "
                f"(\u201c{_plain(step)}\u201d).{example}"
            )
        if _AVERAGES.search(step):
            raise NotInTheData(
                f"chartq averages the rows of each group once; it cannot average averages "
                f"(\u201c{_plain(step)}\u201d). Ask for the average of the rows by the group you want."
                f"{example}"
            )
        limit = _LIMIT.search(step)
        if limit and ds is not None and any(_GROUPS.search(later) for later in steps[i + 1 :]):
            # A plan's limit keeps groups after grouping; keeping rows first would be reordered silently.
            raise NotInTheData(
                f"chartq keeps the top or bottom groups after grouping, so it cannot first keep "
                f"\u201c{_plain(step)}\u201d and then group those rows.{example}"
            )


def _plain(step: str) -> str:
    """One step without its marker and opening verb, its wording as the readers know it."""
    step = _OPENER.sub("", _MARKER.sub("", step.strip()).strip(" .;,"))
    return ", ".join(c for c in (_clause(c) for c in _BOUNDARY.split(step)) if c)


def _clause(clause: str) -> str:
    clause = clause.strip(" .;")
    for pattern, plain in _REWRITES:
        clause = pattern.sub(plain, clause, count=1)
    return clause.strip(" .;")


def _top(m: re.Match[str]) -> str:
    end = "top" if m["end"].lower() == "most" else "bottom"
    return f"the {end} {m['n']} {m['what']}"
