"""A user unsure of what the data, its columns and values are called, with the hedges taken off the names
they hedge: "the restaurant dataset, I think it's called tips?", "gdpPercap I think it's spelt", "(stocks,
I think?)", "AAPL if I remember right", "Coderre (I think that's how it's spelt)", "the average of whatever
the tip column is", "(the species column, probably)", "(is the column pop?)", "(it's just spelt Canada in
there, right?)", "The company I mean is Netflix, NFLX I think: its price", "whichever six they are".

A hedged clause must name something of the data once its hedge is off, or it is left as it is (and the
readers refuse its words). Alternatives ("lifeExp or life_exp or something", "tip_pct or tip rate or
whatever it's called", "Asia, or 'Asian', whatever it's called") keep the one the data has; when none or
several different ones are in the data the question is refused naming them, as it is when the user says
they do not know which they mean ("I forget whether it's the sepal or the petal one", "not sure which of
the two Congos"). A hedged claim about the data ("I think Korea is one of them", "there's something like a
'result' column, I think") is checked and taken off, and a later "that band", "split by that" names what
it claimed.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unsure"]

_I = re.IGNORECASE
_Target = tuple[str, ...]
# The user says they do not know which of several things they mean: no reading is safe.
_WHICH = re.compile(
    r"\b(?:I\s+)?(?:forget|can'?t\s+remember|cannot\s+remember|don'?t\s+remember|(?:I'm|I\s+am)\s+not\s+sure|"
    r"not\s+sure|don'?t\s+know)\s+(?:whether|if|which)\b[^.:;]*",
    _I,
)
# "in 2002, or maybe 1997?": the user offers a second guess, so neither can be charted as meant.
_DOUBT = re.compile(
    r"\b[\w'-]+(?:,\s*|\s+)or\s+(?:maybe|perhaps|possibly|was\s+it|is\s+it)\s+[^,.;:?!()]+\?", _I
)
# Hedges, each taken off the clause it stands in; what is left of the clause is the name hedged.
_HEDGE = re.compile(
    r"""(?<![\w'])(?:
        not\s+sure\s+what\s+(?:the\s+\w+\s+is|it\s+is|it's)\s+called
      | (?:the\s+\w+\s+)?I\s+mean\s+is
      | I\s+think\s+that's\s+how\s+(?:it's|it\s+is)\s+(?:spelt|spelled|written)
      | (?:(?:I\s+think|I\s+believe|I\s+guess|I'm\s+(?:fairly\s+|pretty\s+|quite\s+)?sure)\s+)?
        (?:it's|it\s+is|they're|they\s+are)\s+(?:just\s+)?(?:called|spelt|spelled|named)(?:\s+in\s+there)?
      | (?:or\s+)?whatever\s+(?:it's|it\s+is|they're|they\s+are)\s+called(?:\s+in\s+there)?
      | whichever\s+(?:\w+\s+)?they\s+are
      | or\s+(?:something|whatever)(?:\s+like\s+that)?
      | is\s+the\s+column(?:\s+called)?
      | I\s+think\s+the\s+column\s+is
      | if\s+I\s+remember\s+(?:right(?:ly)?|correctly)
      | (?:I'm|I\s+am)\s+(?:fairly\s+|pretty\s+|quite\s+)?sure
      | I\s+think | I\s+believe | I\s+guess | probably | (?<!\bor\s)(?:maybe|perhaps)
      | (?:^|(?<=,)|(?<=,\s)|(?<=\()|(?<=\(\s))right(?=\s*\?|$)
    )(?![\w'])""",
    re.VERBOSE | _I,
)
_BOUNDARY = re.compile(r"\s*[,:;()?.!]+\s*")
# A hedged claim that the data has a name: checked, then taken off with what leads into it.
_CLAIM = re.compile(
    r"""^(?P<lead>.*?)(?:
        (?:there's|there\s+is|(?:the\s+)?[\w ]*\bdata\s+(?:has|should\s+have))
        \s+(?:something\s+like\s+)?an?\s+(?P<c>[\w' ]+?)\s+column(?:\s+with\s+(?P<v>.+))?
      | one\s+of\s+(?:them|the\s+[\w ]+?)\s+is\s+(?P<o>.+)
      | (?P<n>.+?)\s+is\s+one\s+of\s+them
      | (?P<i>.+?)(?:'s|\s+is)\s+in\s+there
    )$""",
    re.VERBOSE | _I,
)
# "The ticker's AAPL", "the column is petal_length": a name said as what something is.
_IS = re.compile(r"^(?:the\s+)?[\w ]+?(?:'s|\s+is|\s+are)\s+(?P<n>.+)$", _I)
_BACK = re.compile(
    r"\bthat\s+(?:band|one|type|value|column|group|category|kind)\b|(?<=\bby\s)that\b(?!\s+\w)", _I
)
_FLUFF = re.compile(r"^(?:the|a|an|its|it's|just)\s+|\s+(?:column|one|thing|data|dataset|field|values?)$", _I)
_AND = re.compile(r"\s*(?:,|\band\b|\bvs\.?|\bversus\b)\s*", _I)
# "whatever the tip column is (called)": the column named.
_WHATEVER = re.compile(r"whatever\s+the\s+(?P<n>[\w ]+?)\s+column\s+is(?:\s+called)?\b", _I)
# "all the companies, whichever six they are": one for each of them.
_WHICHEVER = re.compile(r"\ball\s+(?:the\s+)?(?P<d>\w+),?\s+whichever\s+(?:(?P<k>\w+)\s+)?they\s+are\b", _I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# A question mark that ends a hedged clause asks nothing of the data ("tips?", "(stocks, I think?)").
_UNASK = re.compile(r"\?(\s*\))?")
_OR = re.compile(r"\s*,?\s*\bor\b\s*", _I)
# Words that ask for something: a clause with one is no name, hedged or not ("maybe by sex").
_ASKING = re.compile(
    r"\b(?:by|per|for|in|of|with|over|as|each|every|only|not|no|is|are|that|this|it|they|we|you|i)\b", _I
)
_NUMBER = re.compile(r"^[\d.,+%-]+$")


def unsure(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    if doubt := _DOUBT.search(text):
        _refuse(f"chartq cannot tell which you mean: \u201c{doubt.group().strip(' ,?')}\u201d", text, model)
    if not (_HEDGE.search(text) or _WHICH.search(text) or _WHATEVER.search(text)):
        return text
    names = _names(model)
    which = _WHICH.search(text)
    if which and (" or " in which.group() or " two " in which.group() or _partial(text, names)):
        _refuse(f"chartq cannot tell which you mean: \u201c{which.group().strip(' ,')}\u201d", text, model)
    spelt = _WHICHEVER.sub(lambda m: _each(m, model, text), text)
    parts, seps = _clauses(_WHATEVER.sub(lambda m: _whatever(m, names, text, model), spelt))
    out: list[tuple[str, str]] = []
    back: str | None = None
    for i, part in enumerate(parts):
        hedged = bool(_HEDGE.search(part)) or (i + 1 < len(parts) and _pure(parts[i + 1]))
        done, said = _clause(part, hedged, names, text, model) if hedged else (part, None)
        back = said or back
        if back and _BACK.search(done):
            done = _BACK.sub(back, done)
        if hedged:
            seps[i] = _UNASK.sub(lambda m: m.group(1) or ".", seps[i])
        if not done or (hedged and out and _restates(done, out[-1][0], names)):
            # A clause all hedge, or restating the name before it: off, with the break before it.
            if out:
                out[-1] = (out[-1][0], _joined(out[-1][1], seps[i]))
            continue
        out.append((done, seps[i]))
    spelt = "".join(p + s for p, s in out).strip(" ,")
    return spelt if spelt != text.strip(" ,") else text


def _joined(before: str, after: str) -> str:
    """The break left when the clause between `before` and `after` is taken off."""
    if "(" in before:
        if ")" not in after:
            return before
        after = after.replace(")", "")
        return after if after.strip() else " "
    return after if after.strip(" ,") or not before.strip(" ,") else before


def _clauses(text: str) -> tuple[list[str], list[str]]:
    """The clauses of `text` and the breaks after them; "or X" stays with the clause before it."""
    parts, seps = _BOUNDARY.split(text), [*_BOUNDARY.findall(text), ""]
    i = 1
    while i < len(parts):
        if re.match(r"or\b", parts[i], _I) and parts[i - 1]:
            parts[i - 1 : i + 1] = [parts[i - 1] + seps[i - 1] + parts[i]]
            del seps[i - 1]
        else:
            i += 1
    return parts, seps


def _pure(part: str) -> bool:
    return bool(_HEDGE.search(part)) and not _HEDGE.sub(" ", part).strip()


def _restates(done: str, before: str, names: dict[str, set[_Target]]) -> bool:
    """Whether the name `done` says again what the words before it name ("Netflix, NFLX")."""
    said = _targets(done, names)
    words = before.split()
    return bool(said) and any(_targets(" ".join(words[-k:]), names) == said for k in (1, 2, 3))


def _each(m: re.Match[str], model: SemanticModel, text: str) -> str:
    """ "each company" for "all the companies, whichever six they are", when the data has that many."""
    for ds in model.datasets:
        for d in ds.dimensions:
            if m.group("d").lower() in (s.lower() for s in (d.name, *d.synonyms)):
                said = (m.group("k") or "").lower()
                k = _COUNTS.get(said, int(said) if said.isdigit() else None)
                if k is not None and k != len(d.values):
                    _refuse(f"The {ds.name} data has {len(d.values)} {m.group('d')}, not {k}", text, model)
                return f"each {d.label.lower()}"
    return m.group()


def _whatever(m: re.Match[str], names: dict[str, set[_Target]], text: str, model: SemanticModel) -> str:
    """The column named, or nothing when it is an aside of its own (", whatever the vote column is.")."""
    if not _targets(m.group("n"), names):
        _refuse(f"chartq cannot find \u201c{m.group('n')}\u201d in the data", text, model)
    aside = re.search(r",\s*$", m.string[: m.start()]) and re.match(r"\s*(?:[.;:!?]|$)", m.string[m.end() :])
    return "" if aside else f"the {m.group('n')}"


def _clause(
    part: str, hedged: bool, names: dict[str, set[_Target]], text: str, model: SemanticModel
) -> tuple[str, str | None]:
    """The clause with its hedges off and the name it claims the data has, or the clause as it is when
    no name is left once they are off."""
    rest = _HEDGE.sub(" ", part).strip()
    rest = re.sub(r"\s+in\s+there$", "", re.sub(r"\s+", " ", rest), flags=_I)
    if not rest:
        return "", None
    claim = _CLAIM.match(rest)
    if claim:
        said = claim.group("c") or claim.group("o") or claim.group("n") or claim.group("i")
        for name in _OR.split(said):
            if not _targets(name, names, columns=bool(claim.group("c"))):
                _refuse(f"chartq cannot find \u201c{_bare(name)}\u201d in the data", text, model)
        for value in _OR.split(re.sub(r"\s+and\s+", " or ", claim.group("v") or "")):
            if value and not _targets(value, names):
                _refuse(f"chartq cannot find \u201c{_bare(value)}\u201d in the data", text, model)
        return claim.group("lead").strip(), _bare(said)
    is_ = _IS.match(rest)
    lead = rest[: is_.start("n")] if is_ and _OR.search(is_.group("n")) else ""
    alternatives = [a for a in _OR.split(rest[len(lead) :]) if a]
    if len(alternatives) > 1 and all(len(a.split()) <= 3 for a in alternatives):
        return lead + _one_of(rest, alternatives, names, text, model), None
    listed = [n for n in _AND.split(rest) if n]
    if all(_targets(n, names) or _NUMBER.match(n) for n in listed) or (
        is_ and _targets(is_.group("n"), names)
    ):
        return rest, None
    if len(rest.split()) <= 2 and _HEDGE.search(part) and not _ASKING.search(rest):
        _refuse(f"chartq cannot find \u201c{_bare(rest)}\u201d in the data", text, model)
    return part, None


def _one_of(
    rest: str, alternatives: list[str], names: dict[str, set[_Target]], text: str, model: SemanticModel
) -> str:
    """The alternative the data has; refused when it has none of them, or different ones."""
    found = [(a, _targets(a, names)) for a in alternatives]
    found = [(a, t) for a, t in found if t]
    meant = {frozenset(t) for _, t in found}
    if len(meant) == 1:
        # A column as the readers know it ("tip_rate" is the tip percentage); a value as the user wrote it.
        kept, target = found[0]
        labels = {t[-1] for t in target if t[0] in ("measure", "dimension")}
        return labels.pop() if len(labels) == 1 else kept
    listed = " or ".join(f"\u201c{_bare(a)}\u201d" for a in alternatives)
    if not found:
        _refuse(f"chartq cannot find {listed} in the data", text, model)
    _refuse(f"chartq cannot tell which of {listed} you mean: the data has more than one of them", text, model)
    return rest


def _refuse(sentence: str, text: str, model: SemanticModel) -> None:
    raise UnchartableQuestion(with_example(sentence + "; ask again with the one you mean", text, model))


def _bare(name: str) -> str:
    return name.strip(" '\"\u2018\u2019\u201c\u201d?")


def _key(name: str) -> str:
    return re.sub(r"[\s_]+", "", name.lower())


def _targets(name: str, names: dict[str, set[_Target]], columns: bool = False) -> set[_Target]:
    """What of the data `name` names: a dataset, a measure, a dimension or a value (empty when nothing);
    only measures and dimensions when `columns`."""
    name = _bare(name)
    while True:
        found = {t for t in names.get(_key(name), ()) if not columns or t[0] in ("measure", "dimension")}
        if found:
            return found
        shorter = _FLUFF.sub("", name).strip()
        last = name.rsplit(None, 1)
        if (
            shorter == name
            and len(last) == 2
            and any(t[0] == "dimension" for t in names.get(_key(last[1]), ()))
        ):
            shorter = last[0]  # "the Asia continent"
        if shorter == name:
            return set()
        name = shorter


def _partial(text: str, names: dict[str, set[_Target]]) -> bool:
    """Whether a word of `text` is part of several values' names ("Congo": two countries)."""
    words = {w.lower() for w in re.findall(r"\b[A-Z]\w+", text)}
    return any(len(names.get("\0" + w, ())) > 1 for w in words)


def _names(model: SemanticModel) -> dict[str, set[_Target]]:
    """Each name of the data, keyed without case, spaces or underscores, with what it names; each word of
    several values' names under "\\0word"."""
    names: dict[str, set[_Target]] = {}

    def add(key: str, target: _Target) -> None:
        names.setdefault(_key(key), set()).add(target)

    for ds in model.datasets:
        for key in (ds.name, ds.table, *ds.synonyms):
            add(key, ("data", ds.name))
        for m in ds.measures:
            for key in (m.name, m.label, *m.synonyms):
                add(key, ("measure", ds.name, m.name, m.label.lower()))
        for d in ds.dimensions:
            for key in (d.name, d.column, d.label, *d.synonyms):
                add(key, ("dimension", ds.name, d.name, d.label.lower()))
            for value in d.values:
                add(str(value), ("value", ds.name, d.name, str(value)))
                for word in re.findall(r"[A-Za-z]\w+", str(value)):
                    names.setdefault("\0" + word.lower(), set()).add(("value", ds.name, d.name, str(value)))
            for key, value in d.value_synonyms.items():
                add(key, ("value", ds.name, d.name, str(value)))
    return names
