"""Abbreviations and shorthand for the data's words, written out before a question is read.

What it reads:
- a word cut short with a full stop ("Afr.", "Eur.", "cont.", "cand.", "sep. len.", "pet. wid.", "dist.",
  "maj.", "hist."): when it begins exactly one word of the model's phrases (measure and dimension labels
  and synonyms, values and their synonyms, chart and aggregation words) in the datasets the question
  names, or several words that all name one thing ("Afr." begins "Africa" and "African"), it is that word;
- vowel-less shorthand ("ctry", "ctries", "dstrct"): letters that appear in order in exactly one model
  word with the same first letter;
- a small table of shorthand no model word spells ("no. of", "qty of", "ea.", "yr", "wkly", "px", "LE",
  "GDPpc"), each written out only where the model has the word it stands for;
- "M vs F": single capitals standing for the values of one dimension ("Male vs Female").

What it refuses: a cut-short word that begins words naming different things ("Aus.": Australia or
Austria), with UnchartableQuestion naming the candidates. Everything else is left as written: a known or
everyday word ending a sentence ("... by day.", "... as a pie."), a month beside a number ("Sep. 2018"),
and a shortening of what the data lacks ("Wed.", "temp.", "stem"), which later readers refuse by name.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from worker.planner import words as pw
from worker.planner.errors import NotInTheData
from worker.planner.model_cache import per_model
from worker.planner.typos import EVERYDAY, SHORT_WORDS, within
from worker.semantic import Dataset, SemanticModel

__all__ = ["unabbreviate"]

_LETTERS = re.compile(r"[^\W\d_]+")
# Day and month names (and their own abbreviations) are words of their own, never data shortened.
_CALENDAR = frozenset(n.lower() for n in (*calendar.day_name, *calendar.month_name[1:]) if n) | {
    n.lower() for n in (*calendar.day_abbr, *calendar.month_abbr[1:]) if n
}
_ORDINARY = EVERYDAY | SHORT_WORDS | _CALENDAR
# A word cut short with a full stop, of three letters or more (two-letter ones, "St.", "Dr.", and initials
# such as "S. Korea" are left to other readers), not inside "e.g." or a number.
_CUT = re.compile(r"(?<![\w.'\u2019-])(?P<w>[^\W\d_]{3,})\.(?![\w])(?P<num>\s*\d)?")
# A word with no vowel but a plural ending ("ctry", "ctries", "dstrct"): shorthand by dropping vowels.
_VOWELLESS = re.compile(r"(?<![\w.'\u2019/-])(?P<w>[b-df-hj-np-tv-z]{3,}(?:ies|s)?)(?![\w/'\u2019-])", re.I)

# Shorthand the model cannot derive, each with the model word it must find before it is written out.
_TABLE: list[tuple[re.Pattern[str], str, str]] = [
    # "no. of tables": the count, not the "No" of a yes/no value; "num." likewise.
    (re.compile(r"(?<!\w)(?:no|num|nbr)\.?\s+(?=of\b)", re.I), "number ", ""),
    # "qty of medals" is a quantity, read as "number of" (a count of rows, or the counted measure summed).
    (re.compile(r"(?<!\w)qty\.?\s+(?=of\b)", re.I), "number ", ""),
    # "one line ea.": each (two letters, too short for the cut-word rule).
    (re.compile(r"(?<!\w)ea\.(?!\w)", re.I), "each", ""),
    # "per yr", "yrs": a year is the time unit; written out only on data by year.
    (re.compile(r"(?<!\w)yrs\.?(?!\w)", re.I), "years", "year"),
    (re.compile(r"(?<!\w)yr\.?(?!\w)", re.I), "year", "year"),
    # "wkly", "mthly": a time step (worker.planner.words reads "weekly", "monthly").
    (re.compile(r"(?<!\w)wkly\.?(?!\w)", re.I), "weekly", ""),
    (re.compile(r"(?<!\w)mthly\.?(?!\w)", re.I), "monthly", ""),
    # "px": a trader's price, only where the data has a price.
    (re.compile(r"(?<![\w$])px(?!\w)", re.I), "price", "price"),
    # "LE" in capitals: life expectancy (lower case "le" may be French).
    (re.compile(r"(?<![\w.])LE(?![\w.])"), "life expectancy", "life expectancy"),
    # "GDPpc", "GDP p.c.", "GDP pc": per capita.
    (re.compile(r"(?<![\w.])GDP\s*(?:pc|p\.\s?c\.?)(?![\w.])", re.I), "GDP per capita", "gdp per capita"),
]
# "M vs F", "M/F", "M and F": two single capitals standing for two values of one dimension.
_LETTER_PAIR = re.compile(
    r"(?<![\w.])(?P<a>[A-Z])(?P<sep>\s*(?:vs\.?|versus|and|or|/)\s*)(?P<b>[A-Z])(?![\w.])"
)


@dataclass(frozen=True)
class _Words:
    """The model's words: each lower-cased word -> (as written, the things it names)."""

    words: dict[str, tuple[str, frozenset[str]]]
    names: dict[str, str]  # a thing -> how a sentence names it ("Australia", "length")
    text: str  # every phrase, lower-cased, for the table's checks


def unabbreviate(text: str, model: SemanticModel) -> str:
    """`text` with the data's words written out in full where they were abbreviated (see the docstring)."""
    vocab, said = _vocabularies(model), text
    every = _merge(list(vocab.values()))
    for pattern, full, needs in _TABLE:
        if not needs or re.search(rf"\b{needs}\b", every.text):
            text = pattern.sub(full, text)
    named = _named(text, vocab)
    scope = _merge([*(vocab[n] for n in named), vocab[""]]) if named else every
    datasets = [ds for ds in model.datasets if ds.name in named or not named]
    text = _LETTER_PAIR.sub(lambda m: _letters(m, datasets), text)
    text = _VOWELLESS.sub(lambda m: _vowelless(m, scope), text)
    # A lower-case word ending the question ("to the nearest cent.") is read as cut short only in a
    # question that cuts other words short too ("no. of ctries ... per yr, afr."): it may end a sentence.
    terse = text != said or any(not _final(m) for m in _CUT.finditer(text))
    # An example for a refusal: the first measure of the dataset with the word ("life expectancy").
    examples = [(ds.measures[0].label.lower(), frozenset(vocab[ds.name].words)) for ds in model.datasets]
    return _CUT.sub(lambda m: _cut(m, scope, terse, examples), text)


def _final(m: re.Match[str]) -> bool:
    """Whether a word with a full stop ends a sentence: nothing, or a capital, follows it."""
    return not m["num"] and re.match(r"\s*$|\s+[A-Z\"\u201c(]", m.string[m.end() :]) is not None


def _cut(m: re.Match[str], scope: _Words, terse: bool, examples: list[tuple[str, frozenset[str]]]) -> str:
    said = m["w"].lower()
    if not terse and m["w"].islower() and _final(m):
        return m[0]
    if said in scope.words or (m["num"] and said in _CALENDAR):
        return m[0]
    # An everyday word with a full stop usually ends a sentence ("... as a pie."); it is cut short only
    # when a lower-case word follows ("pet. len.").
    if said in _ORDINARY and not re.match(r"\s+[a-z]", m.string[m.end() :]):
        return m[0]
    found = {w: v for w, v in scope.words.items() if w.startswith(said)}
    # The data's own words before chart and aggregation words: "dist." is the district, not distribution.
    found = {w: v for w, v in found.items() if _own(v[1])} or found
    if not found:
        return m[0]  # a shortening of something the data lacks: left for later readers to refuse
    shared = frozenset.intersection(*(things for _, things in found.values()))
    if not shared:
        names = sorted({scope.names[min(things)] for _, things in found.values()})
        label = next((label for label, words in examples if words & set(found)), "")
        example = f" e.g. \u201c{label} for {names[0]}\u201d" if label else ""
        # NotInTheData: setting "Aus." aside as context would chart the whole world instead.
        raise NotInTheData(
            f"The abbreviation \u201c{m['w']}.\u201d could be {', '.join(names[:-1])} or {names[-1]}; "
            f"write the name out,{example or ' please'}."
        )
    word = found[min(found, key=len)][0]
    word = word[:1].upper() + word[1:] if m["w"][:1].isupper() else word
    return word + (m["num"] or "")


def _vowelless(m: re.Match[str], scope: _Words) -> str:
    said = m["w"].lower()
    if said in scope.words or said in _ORDINARY:
        return m[0]
    found = [w for w in scope.words if w[0] == said[0] and len(w) > len(said) and within(said, w)]
    if len(found) != 1:
        return m[0]  # none, or several words: no one reading
    return scope.words[found[0]][0]


def _letters(m: re.Match[str], datasets: list[Dataset]) -> str:
    """ "M vs F" as "Male vs Female" where exactly one dimension has one value starting with each letter
    and neither letter is itself a value (wind's "N vs S" are directions as written)."""
    a, b = m["a"], m["b"]
    readings = set()
    for ds in datasets:
        for d in ds.dimensions:
            values = [str(v) for v in d.values if isinstance(v, str)]
            if a in values or b in values:
                return m[0]
            first = [next((v for v in values if v[:1] == x), None) for x in (a, b)]
            if all(first) and sum(v[:1] == a for v in values) == 1 and sum(v[:1] == b for v in values) == 1:
                readings.add((first[0], first[1]))
    if len(readings) != 1:
        return m[0]
    va, vb = readings.pop()
    return f"{va}{m['sep']}{vb}"


def _named(text: str, vocab: dict[str, _Words]) -> list[str]:
    """The datasets the question names by a whole word of their own (not an everyday, chart or aggregation
    word): an abbreviation is read among their words only, so that "Mon." on the tips data is no Mongolia."""
    said = {w.lower() for w in _LETTERS.findall(text)} - _ORDINARY
    return [n for n, v in vocab.items() if n and said & {w for w, (_, t) in v.words.items() if _own(t)}]


def _own(things: frozenset[str]) -> bool:
    return any(not t.startswith(("chart:", "agg:")) for t in things)


def _merge(parts: list[_Words]) -> _Words:
    merged: dict[str, tuple[str, frozenset[str]]] = {}
    for part in parts:
        for w, (written, things) in part.words.items():
            merged[w] = (
                merged[w][0] if w in merged else written,
                things | merged.get(w, ("", frozenset()))[1],
            )
    names = {k: v for part in parts for k, v in part.names.items()}
    return _Words(merged, names, "\n".join(p.text for p in parts))


@per_model
def _vocabularies(model: SemanticModel) -> dict[str, _Words]:
    """Each dataset's words by its name, and under "" the chart and aggregation words any question uses."""
    general: list[tuple[str, str, str]] = [
        (w, f"{kind}:{key}", w)
        for kind, table in (("chart", pw.CHART_WORDS), ("agg", pw.AGG_WORDS))
        for key, body in table.items()
        for w in _LETTERS.findall(re.sub(r"(?<=[a-z])s\?", "", body))
    ]
    built = {ds.name: _build(_phrases(ds)) for ds in model.datasets}
    built[""] = _build(general)
    return built


def _phrases(ds: Dataset) -> list[tuple[str, str, str]]:
    """(phrase, the thing it names, how to name that thing) for every phrase of one dataset."""
    out = [
        (s.lower(), f"{ds.name}:{m.name}", m.label.lower())
        for m in ds.measures
        for s in (m.label, *m.synonyms)
    ]
    for d in ds.dimensions:
        out += [(s.lower(), f"{ds.name}:{d.name}", d.label.lower()) for s in (d.label, *d.synonyms)]
        # A value is one thing in every dataset that has it ("Canada" in gapminder and medals).
        # Values that are codes or everyday words ("AUS", "Yes") are matched by their synonyms only.
        shown = d.values if d.match_values else []
        out += [(str(v), f"value:{str(v).lower()}", str(v)) for v in shown if isinstance(v, str)]
        out += [(k, f"value:{str(v).lower()}", str(v)) for k, v in d.value_synonyms.items()]
    if ds.time is not None:
        out.append((ds.time.label.lower(), f"{ds.name}:time", ds.time.label.lower()))
    return out


def _build(phrases: list[tuple[str, str, str]]) -> _Words:
    words: dict[str, tuple[str, frozenset[str]]] = {}
    names: dict[str, str] = {}
    for phrase, thing, name in phrases:
        names[thing] = name
        for written in _LETTERS.findall(phrase):
            w = written.lower()
            if len(w) > 1:
                old = words.get(w, (written, frozenset()))
                words[w] = (old[0], old[1] | {thing})
    return _Words(words, names, "\n".join(p.lower() for p, _, _ in phrases))
