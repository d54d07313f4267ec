"""A first-person owner of the data: the restaurant owner, the shareholder, the campaign worker, the
grower. Their words for the data are the data itself, and what they name stays a filter:

- A campaign's side: "I worked on Joly's campaign: our candidate's votes in the districts we won" and
  "As Coderre's campaign manager, I want our top 5 districts" are that candidate's ("Joly's votes in the
  districts Joly won"); "us (Bergeron)" and "we (Canada)" are the value in brackets, and "our two
  rivals, Coderre and Joly" the values listed.
- Holdings: "each of my holdings" is each stock; "My portfolio is the six tech stocks: the average
  price of each ..." is every stock, so the lead-in comes off and a bare "each" is each stock.
- A collection: "in my iris collection" is the iris data; "my virginica plants" is the value virginica
  (read as context, the value would be dropped).
- A place the owner works in: "Our foundation funds programmes in Asia: the five most populous countries
  there" is "... countries in Asia" (without a "there" the lead-in is left, read as context).
- "Which of my waiters" is "which waiter": a grouping the data may lack, refused as such.

"When will my Netflix shares get back above ..." asks for a forecast and is refused here, with a
sentence saying so (read as written, the threshold became a filter). Text with none of these words is
returned exactly as written.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.model_cache import per_model
from worker.planner.refusals import suggest
from worker.semantic import Dataset, SemanticModel

__all__ = ["data_named", "example_for", "unown"]

_I = re.IGNORECASE
_VOICE = re.compile(r"\b(?:my|our|we|us|when\s+will)\b", _I)
_FUTURE = re.compile(r"^\W*when\s+will\b[^?!]*", _I)
# "I worked on Joly's campaign:", "As Coderre's campaign manager,": whose side the owner is on.
_SIDE = re.compile(
    r"^\W*(?:(?:i|we)\s+(?:worked|work|volunteered|volunteer|campaigned|ran|run|am|was)\s+(?:on|for|in)"
    r"|i'm\s+(?:on|with)|as)\s+(?P<n>[A-Z][\w-]*)'s\s+campaign(?:\s+(?:manager|team|staff|office|director))?"
    r"\s*[,:;\u2013\u2014-]\s*",
    _I,
)
# "us (Bergeron)", "we (Canada)": the owner's own name in brackets.
_BRACKETED = re.compile(r"\b(?:we|us|our\s+side)\s*\((?P<n>[^()]{2,40})\)", _I)
_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)"
# "our two rivals, Coderre and Joly": the rivals are the names listed.
_RIVALS = re.compile(
    rf"\b(?:my|our)\s+(?:{_COUNT}\s+)?(?:main\s+)?(?:rivals|opponents|competitors|challengers|rival|opponent)"
    r"\s*[,:\u2013\u2014-]?\s+(?=(?-i:[A-Z]))",
    _I,
)
_HOLDINGS = r"(?:holdings|portfolio|positions|investments|stocks|shares)"
# "My portfolio is the six tech stocks:": every stock, said once before the request.
_PORTFOLIO = re.compile(
    rf"^\W*(?:my|our)\s+{_HOLDINGS}\s+(?:is|are|=|consists?\s+of|covers?)\s+(?:all\s+)?(?:the\s+)?"
    rf"(?:{_COUNT}\s+)?(?:tech\s+)?(?:stocks|shares|companies)\s*[:;,\u2013\u2014-]\s*",
    _I,
)
_EACH_OF_MINE = re.compile(rf"\b(?P<e>each|every|all|which)\s+of\s+(?:my|our)\s+{_HOLDINGS}\b", _I)
# A bare "each" ("the average price of each in 2018"): the stocks the lead-in named.
_BARE_EACH = re.compile(r"\beach(?=\s+(?:in|over|during|for|from|since|across)\b|\s*[,;:.?!]|\s*$)", _I)
# "which of my waiters": which waiter ("waitresses" is "waitress", "employees" is "employee").
_WHICH_OF_MINE = re.compile(
    r"\bwhich\s+of\s+(?:my|our)\s+(?P<w>[a-z-]+?(?:ss|sh|ch|x)?)(?:(?<=ss|sh|ch|.x)es|(?<!s)s)?\b(?=\s)", _I
)
_GROWING = r"(?:collection|garden|plants|flowers|specimens|samples|bushes|beds|crop|data|dataset)"
_PLACE_LEAD = re.compile(
    r"^\W*(?:my|our|we|i)\s+(?P<lead>[\w' -]{0,60}?)\bin\s+(?P<v>(?-i:[A-Z])[\w -]*?)\s*[:;\u2013\u2014-]\s*",
    _I,
)

# "the countries there", not "is there" nor "there are".
_THERE = re.compile(
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)\bthere\b(?!\s+(?:is|are|was|were)\b)", _I
)


@per_model
def _names(
    model: SemanticModel,
) -> tuple[dict[str, str], dict[str, str], str | None, dict[str, tuple[int, str]]]:
    """Each category value's word (lower case) and its spelling, each dataset's own words and its name,
    the word for a stock when the model has shares ("stock"), and every word naming data with its rank
    (a measure's or dataset's word 0, a value's 1: "No" and "S" are values, and common words) and its
    dataset's name."""
    values: dict[str, str] = {}
    datasets: dict[str, str] = {}
    stock: str | None = None
    named: dict[str, tuple[int, str]] = {}
    for ds in model.datasets:
        datasets.update({s.lower(): ds.name for s in (ds.name, *ds.synonyms)})
        if {"shares", "stocks"} & {s.lower() for s in ds.synonyms}:
            stock = "stock"
        for s in (ds.name, *ds.synonyms, *(w for m in ds.measures for w in (m.label, *m.synonyms))):
            named.setdefault(s.lower(), (0, ds.name))
        for d in ds.dimensions:
            if d.type == "category":
                values.update({str(v).lower(): str(v) for v in d.values})
                for v in (*map(str, d.values), *d.value_synonyms):
                    if len(v) > 2:
                        named.setdefault(v.lower(), (1, ds.name))
    return values, datasets, stock, named


def data_named(text: str, model: SemanticModel) -> Dataset | None:
    """The dataset that words of `text` name ("GDP": gapminder; "Netflix", "stock": the stocks), a
    measure's or dataset's word before a value's."""
    named = _names(model)[3]
    words = re.findall(r"[a-z]+", text.lower())
    hits = [h for w in words if (h := named.get(w) or named.get(f"{w}s")) is not None]
    return model.dataset(min(hits, key=lambda h: h[0])[1]) if hits else None


def example_for(text: str, model: SemanticModel) -> str:
    """ "Try e.g. …": a question on the data `text` names, else the model's own first example."""
    ds = data_named(text, model)
    if ds is not None:
        return suggest(ds)
    return "".join(f"Try e.g. \u201c{e}\u201d." for e in model.examples[:1])


def _refuse_future(text: str, model: SemanticModel) -> None:
    """Refuses "When will my Netflix shares get back above ...": a forecast, beyond the data."""
    if (m := _FUTURE.search(text)) is None:
        return
    example = example_for(text, model)
    raise UnchartableQuestion(
        f"\u201c{m[0].strip()}\u201d asks when something will happen, a forecast, and chartq only charts "
        f"what the data already holds; ask how it moved over the period the data covers instead. {example}"
    )


def _side(text: str, values: dict[str, str]) -> str:
    """ "I worked on Joly's campaign: our candidate's votes in the districts we won" is Joly's."""
    m = _SIDE.search(text)
    if m is None or m["n"].lower() not in values:
        return text
    name, rest = values[m["n"].lower()], text[m.end() :]
    rest = re.sub(
        r"\bour\s+(?:candidate|campaign|side|team)('s)?", lambda c: name + (c[1] or ""), rest, flags=_I
    )
    rest = re.sub(r"\bwe\s+(?=(?:won|lost|took|carried|led|came)\b)", f"{name} ", rest, flags=_I)
    rest = re.sub(r"\bour\s+", f"{name}'s ", rest, flags=_I)
    return rest[:1].upper() + rest[1:]


def _collection(text: str, values: dict[str, str], datasets: dict[str, str]) -> str:
    """ "in my iris collection" is the iris data; "my virginica plants" is virginica."""

    def read(m: re.Match[str]) -> str:
        word = m["w"].lower()
        if word in datasets:
            return f"{m['pre'] or ''}the {datasets[word]} data"
        if word in values:
            return f"{m['pre'] or ''}{values[word]}"
        return m[0]

    return re.sub(
        rf"(?P<pre>\b(?:in|of|from|for)\s+)?\b(?:my|our)\s+(?P<w>[\w-]+)\s+{_GROWING}\b", read, text, flags=_I
    )


def _place(text: str, values: dict[str, str]) -> str:
    """ "Our foundation funds programmes in Asia: the five most populous countries there" is in Asia."""
    m = _PLACE_LEAD.search(text)
    if m is None or m["v"].strip().lower() not in values:
        return text
    rest = text[m.end() :]
    if not _THERE.search(rest):
        return text
    rest = _THERE.sub(f"in {values[m['v'].strip().lower()]}", rest, count=1)
    return rest[:1].upper() + rest[1:]


def unown(text: str, model: SemanticModel) -> str:
    """`text` with a first-person owner's words for the data read as the data, and what they name kept."""
    if not _VOICE.search(text):
        return text
    _refuse_future(text, model)
    values, datasets, stock, _ = _names(model)
    read = _side(text, values)
    read = _BRACKETED.sub(lambda m: m["n"] if m["n"].strip().lower() in values else m[0], read)
    read = _RIVALS.sub("", read)
    if stock is not None:
        lead = _PORTFOLIO.search(read)
        if lead is not None:
            read = _BARE_EACH.sub(f"each {stock}", read[lead.end() :], count=1)
        read = _EACH_OF_MINE.sub(lambda m: "all" if m["e"].lower() == "all" else f"{m['e']} {stock}", read)
    read = _WHICH_OF_MINE.sub(lambda m: f"which {m['w']}", read)
    read = _place(_collection(read, values, datasets), values)
    if read == text:
        return text
    read = " ".join(read.split())
    return read[:1].upper() + read[1:] if text.lstrip()[:1].isupper() else read
