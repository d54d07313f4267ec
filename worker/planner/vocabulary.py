"""The words a planner recognises: one dataset's measures, dimensions and values as whole-word regexes,
and a scan that reads each stretch of a question only once.

Phrases are matched whole and case-insensitively, longest first ("guinea-bissau" beats "guinea"); the
maps turn a matched phrase (normalised with `normalize`) back into the model's name for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from worker.planner.measure_words import more_names
from worker.planner.time_phrases import COUNT
from worker.semantic import Dataset, Dimension, DimensionValue

__all__ = ["PLAIN", "Scan", "Vocabulary", "entity_dimensions", "normalize", "phrases", "strangers", "words"]

PhraseMatcher = tuple[re.Pattern[str] | None, dict[str, str]]


def words(body: str) -> re.Pattern[str]:
    """A case-insensitive regex for the alternatives in `body`, matched only as whole words."""
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def normalize(text: str) -> str:
    """Lower case, with every run of whitespace one space: the form phrases are looked up in."""
    return " ".join(text.lower().split())


def phrases(texts: Iterable[str]) -> PhraseMatcher:
    """One whole-word regex over many phrases (longest first) and the map of their normalised forms."""
    keys = {normalize(p): p for p in texts if p.strip()}
    if not keys:
        return None, {}
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True))
    return words(body), {k: k for k in keys}


@dataclass
class Vocabulary:
    """What one dataset lets a question name; each field is (regex or None, normalised phrase -> name)."""

    ds: Dataset
    measures: PhraseMatcher
    datasets: PhraseMatcher
    dims: PhraseMatcher
    values: tuple[re.Pattern[str] | None, dict[str, tuple[str, DimensionValue]]]
    # "by continent", "for each country and year": the dimensions a question groups by (d1, d2).
    group: re.Pattern[str] | None = None

    # Group words -> dimension: the dimension phrases, their singular or plural ("each stock") and the
    # last word of a longer name ("by type" for "medal type").
    group_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, ds: Dataset) -> Vocabulary:
        dim_map = {normalize(p): d.name for d in ds.dimensions for p in (d.label, *d.synonyms)}
        value_map = _values(ds)
        taken = {*dim_map, *value_map, *(normalize(p) for p in (*ds.synonyms, ds.name))}
        measure_map = {normalize(p): m.name for m in ds.measures for p in (m.label, *m.synonyms)}
        measure_map |= more_names(measure_map, taken)
        measure_map |= {
            plural: name for phrase, name in measure_map.items() if (plural := _plural(phrase)) not in taken
        }
        dims = phrases(dim_map)
        vocab = cls(
            ds,
            (phrases(measure_map)[0], measure_map),
            phrases([*ds.synonyms, ds.name]),
            (dims[0], dim_map),
            (phrases(value_map)[0], value_map),
        )
        vocab.group_names = _group_names(ds, dim_map, {*taken, *measure_map})
        groups = phrases(vocab.group_names)[0]
        if groups is not None:
            body = groups.pattern
            vocab.group = re.compile(
                r"\b(?:by|per|for\s+each|for\s+every|in\s+each|in\s+every|across|each|every|"
                r"split\s+(?:up\s+)?(?:by|across|between|among)|"
                r"broken\s+(?:down|out)\s+by|grouped\s+by|stacked\s+by|colou?red\s+by|shaded\s+by|colou?r[-\s]?coded\s+by|"
                r"colou?r(?:ing)?\s+(?:(?:the|its)\s+)?(?:(?:dots|points|markers|bars|lines)\s+)?by|colou?rs?\s*[=:])"
                rf"\s*(?:of\s+(?:the\s+)?(?:(?:tech|individual|different|\w+\s+different|{COUNT})\s+)?|the\s+|"
                r"all\s+)?"
                rf"(?P<d1>{body})"
                rf"(?:\s+and\s+(?:by\s+)?(?P<d2>{body}))?",
                re.IGNORECASE,
            )
        return vocab


_TIME_WORDS = frozenset(
    f"{unit}{s}" for unit in ("year", "date", "week", "month", "day", "hour", "quarter") for s in ("", "s")
)


def _values(ds: Dataset) -> dict[str, tuple[str, DimensionValue]]:
    """Value phrases -> (dimension, value): values, their synonyms, and a name without its number
    ("Côte-des-Neiges" for "32-Côte-des-Neiges") when no other value has it."""
    value_map: dict[str, tuple[str, DimensionValue]] = {}
    for d in ds.dimensions:
        if d.type == "category" and d.match_values:
            value_map |= {normalize(str(v)): (d.name, v) for v in d.values}
            short = [(m[1], v) for v in d.values if (m := re.fullmatch(r"\d+[-\s]+(\D.{2,})", str(v)))]
            names = [normalize(n) for n, _ in short]
            value_map |= {normalize(n): (d.name, v) for n, v in short if names.count(normalize(n)) == 1}
        value_map |= {normalize(k): (d.name, v) for k, v in d.value_synonyms.items()}
    return value_map


def _plural(phrase: str) -> str:
    """ "economy" -> "economies", "lifespan" -> "lifespans"; a phrase that ends in s or a non-letter stays."""
    if not re.search(r"[a-z]{3}$", phrase) or phrase.endswith("s") or len(phrase.split()) > 2:
        return phrase
    return phrase[:-1] + "ies" if re.search(r"[^aeiou]y$", phrase) else phrase + "s"


def _singular(phrase: str) -> str:
    """ "countries" -> "country", "stocks" -> "stock"; "species", "status" and singulars stay."""
    if not phrase.endswith("s") or phrase.endswith(("ss", "us", "is", "species")):
        return phrase
    if re.search(r"[^aeiou]ies$", phrase):
        return phrase[:-3] + "y"
    return phrase[:-1]


def _group_names(ds: Dataset, dim_map: dict[str, str], taken: set[str]) -> dict[str, str]:
    """Words a grouping may use for a dimension, beyond its phrases: "by stock" for "stocks", "by type"
    for "medal type" (when no other dimension, measure, value or time word is that word)."""
    extra: dict[str, list[str]] = {}
    for phrase, name in dim_map.items():
        words_ = phrase.split()
        single = _singular(phrase)
        # A singular may be a measure's word too ("each stock"): after "by" or "each" it groups.
        forms = [(single, False)] if single != phrase else [(_plural(phrase), True)]
        if len(words_) > 1 and len(words_[-1]) >= 4 and words_[-1] not in _TIME_WORDS:
            forms += [(words_[-1], True), (_plural(words_[-1]), True)]
        for form, strict in forms:
            if form not in dim_map and not (strict and form in taken) and form not in _TIME_WORDS:
                extra.setdefault(form, []).append(name)
    # The CSV's own column name ("by time" for the meal, "by size" for the party size), as an analyst types
    # it, when nothing else is that word and the data has no time column it could mean instead.
    if ds.time is None:
        for d in ds.dimensions:
            column = d.column.lower().replace("_", " ")
            if column != d.name and column not in dim_map and column not in taken:
                extra.setdefault(column, []).append(d.name)
    return dim_map | {form: names[0] for form, names in extra.items() if len(set(names)) == 1}


@dataclass
class Scan:
    """The question, normalised, with the spans already understood marked as used."""

    text: str
    # The question as written (case kept, whitespace tidied) for quoting back; `text` if it does not line up.
    shown: str = ""
    used: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.used = [False] * len(self.text)
        if len(self.shown) != len(self.text):
            self.shown = self.text

    @classmethod
    def of(cls, question: str, limit: int = 1000) -> Scan:
        """A scan of the first `limit` characters of `question`, normalised."""
        return cls(normalize(question)[:limit], " ".join(question.split())[:limit])

    def take(self, pattern: re.Pattern[str] | None) -> Iterator[re.Match[str]]:
        """Each match of `pattern` that touches no used text, marking it used as it is yielded."""
        for match in pattern.finditer(self.text) if pattern is not None else ():
            if not any(self.used[match.start() : match.end()]):
                self.claim(match.span())
                yield match

    def free(self, span: tuple[int, int]) -> bool:
        """Whether nothing has read any of `span` yet."""
        return not any(self.used[span[0] : span[1]])

    def claim(self, span: tuple[int, int]) -> None:
        self.used[span[0] : span[1]] = [True] * (span[1] - span[0])

    def count(self, pattern: re.Pattern[str] | None) -> int:
        """How many times `pattern` occurs, used text or not."""
        return sum(1 for _ in pattern.finditer(self.text)) if pattern is not None else 0

    def excerpt(self, span: tuple[int, int]) -> str:
        """The question as written over `span`."""
        return self.shown[span[0] : span[1]].strip()

    def without(self, spans: Iterable[tuple[int, int]]) -> str:
        """The question as written with `spans` cut out and spaces tidied."""
        keep = [True] * len(self.shown)
        for start, end in spans:
            keep[start:end] = [False] * (end - start)
        return " ".join("".join(c for c, k in zip(self.shown, keep, strict=True) if k).split())


# Words around a name that are not names themselves, whatever their case (SQL words are refused elsewhere).
PLAIN = frozenset(
    """
    a an the and or of in on for from to by with at as is are was were be been did do does has have had
    how what which who whom whose where when why me my our you your we us it its this that these those there
    their them they please show plot chart graph draw display give get got compare comparing won win wins
    live lived blow blows only all over time per than vs versus each every can could would should will
    tell see list make create want like much many data value values number amount level levels dollars
    dollar usd euros percent millions billions thousands general also just weeks months
    january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
    mondays tuesdays wednesdays thursdays fridays saturdays sundays current latest recent overall typical
    actual real relative nominal present past previous historic global national rural urban areas today
    world worlds whole entire form
    dataset datasets database drop table tables select delete insert update truncate alter grant revoke
    exec execute
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_NAME = re.compile(r"[^\W\d_]+")
_BEFORE_NAME = re.compile(r"(?<!\w)(?:of|for|in|vs\.?|versus|against)\s+(?:the\s+)?$")
_AFTER_NAME = re.compile(r"\s+(?:vs\.?|versus|against|compared\s+(?:to|with))(?!\w)")


def entity_dimensions(ds: Dataset) -> list[Dimension]:
    """The key dimensions whose values name things (nations, tickers, candidates), not ordered kinds."""
    dims = [ds.dimension(k) for k in ds.key]
    return [d for d in dims if d.type == "category" and d.match_values and not d.order and d.values]


# "in his 5 strongest districts": a possessive where a name could stand is no name.
_POSSESSIVES = frozenset(
    {"his", "her", "hers", "its", "their", "theirs", "our", "ours", "your", "yours", "my"}
)


def strangers(
    scan: Scan,
    vocab: Vocabulary,
    elsewhere: PhraseMatcher,
    ordinary: frozenset[str],
    known: frozenset[str],
    named: bool = False,
) -> list[str]:
    """Names the question gives that look like entities of `vocab`'s dataset but are none of its values:
    an entity of another dataset (`elsewhere`: "the United States" among the medal nations), a capitalised
    word that isn't `ordinary` ("Tesla"), or a word not `known` where a name goes: after "of", "in", "vs"
    ("medals of narnia"), before "vs" ("adobe vs apple") or, when the question `named` no entity of the
    dataset, just before the measure ("tesla stock price", but not "closing stock price of apple").
    Reads only text nothing else read."""
    dims = {d.name for d in entity_dimensions(vocab.ds)}
    if not dims:
        return []
    # Words built on the dataset's own names ("chadians", "Canadians") are not other names.
    stems = tuple(
        k[: max(4, len(k) - 1)] for k, (d, _) in vocab.values[1].items() if d in dims and " " not in k
    )
    taken = [m.span() for m in (vocab.datasets[0].finditer(scan.text) if vocab.datasets[0] else ())]
    found: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return not any(scan.used[a:b]) and all(b <= s or e <= a for s, e in taken)

    for m in elsewhere[0].finditer(scan.text) if elsewhere[0] is not None else ():
        if free(*m.span()):
            taken.append(m.span())
            found.append((*m.span(), elsewhere[1][normalize(m[0])]))
    heads = (vocab.measures[0], vocab.datasets[0])
    letters = [w for w in _NAME.findall(scan.shown) if len(w) > 1]
    cased = scan.shown != scan.text and sum(w[0].isupper() for w in letters) < 0.6 * len(letters)
    for m in _NAME.finditer(scan.text):
        word, (a, b) = m[0], m.span()
        if (
            len(word) < 3
            or word in ordinary
            or word in _POSSESSIVES
            or word.startswith(stems)
            or not free(a, b)
        ):
            continue
        first = not scan.shown[:a].strip(" \"'(\u201c") or scan.shown[:a].rstrip()[-1] in ".?!:;"
        capital = cased and scan.shown[a].isupper() and not first
        gap = re.match(r"(?:'s)?\s+", scan.text[b:])
        at = b + gap.end() if gap else -1
        follows = at > 0 and not named and any(p is not None and p.match(scan.text, at) for p in heads)
        unknown = word not in known and not word.endswith(("ing", "ed"))
        near = _BEFORE_NAME.search(scan.text[:a]) or _AFTER_NAME.match(scan.text, b)
        if capital or (unknown and (follows or near)):
            found.append((a, b, scan.excerpt((a, b))))
    names: list[str] = []
    end = -1
    for a, b, name in sorted(found):
        if names and not scan.text[end:a].strip():
            names[-1] += f" {name}"
        else:
            names.append(f"the {name}" if scan.text[:a].endswith("the ") else name[:1].upper() + name[1:])
        end = b
    return names
