"""A cook's recipe ("Ingredients: ... Method: 1. ... 2. Serve as bars.") spelt as the request it carries.

Read only in text with a "Method:" and an "Ingredients:" list or a "Recipe for ..." title; any other text is
returned exactly as written. The recipe becomes the ordered steps the steps reader joins:
- the ingredients name the dataset, which opens the steps; a survey year listed there ("the 2007 survey")
  is kept when the Method names no year, and every other ingredient (a measure, a value, "a pinch of
  dinner", "one tips table") is planned only as the Method uses it, so it comes off;
- "Recipe for a ... pie" comes off (the Method states the chart), and so do "Serves N" (the dish's serving
  size, never a party size), "Prep time: ...", "Garnish with ...", "until golden" and a bare "Serve.";
- cooking verbs at a step's start are the planner's words: "sift out" / "strain out" X is "without X",
  "reduce to the (his) top N" is "the top N", "serve (them) as" / "plate (it) as" is "as", "bake a
  histogram" is "a histogram", "simmer X week by week" is X's weekly line, "simmer X over the survey
  years" its line over the years, "whisk A and B together" is "A and B combined", "fold in X, one colour
  each" is "split by X", "season with one colour per X" is "coloured by X", "spread them over the Xs" is
  "by X", "take X" is X and "keep only X" only X.
A step with a cooking word no rule reads ("Season with Sunday, to taste", "Reduce until thick", "Leave it to
prove") keeps it, so the question is refused naming it.
"""

from __future__ import annotations

import re

from worker.planner.model_cache import per_model
from worker.semantic import Dataset, SemanticModel

__all__ = ["unrecipe"]

_I = re.IGNORECASE
_METHOD = re.compile(r"\bMethod\s*:\s*", _I)
_FRAMED = re.compile(r"\bIngredients\s*:|\bRecipe\s+for\b", _I)
# The ingredients run to the Method, or to its first step where a notebook's reader took "Method:" off.
_UNTIL_METHOD = r"(?=\bMethod\s*:|(?<!\S)1\.\s)"
_INGREDIENTS = re.compile(r"\bIngredients\s*:\s*(?P<list>.*?)\s*" + _UNTIL_METHOD, _I)
# What adds nothing to the plan, wherever it stands: the serving size, the prep time, the dish's title.
_NOTHING = [
    re.compile(
        r"(?:^|(?<=[\s.]))(?:Serves|Makes|Yield)\s*:?\s+(?:\d+(?:\s*(?:-|to)\s*\d+)?|one|two|three|four|five|"
        r"six|seven|eight|nine|ten|twelve)(?:\s+(?:people|persons|portions|servings))?\s*[.!]?",
        _I,
    ),
    re.compile(r"\b(?:Prep(?:aration)?|Cook(?:ing)?|Total)\s+time\s*:\s*[^.]*[.!]?", _I),
    re.compile(r"\bRecipe\s+for\s+[^.:]*[.:]", _I),
    re.compile(r"\bIngredients\s*:\s*.*?" + _UNTIL_METHOD, _I),
]
_FIRST_STEP = re.compile(r"(?<!\S)1\.\s")
# A numbered step: "1. ", "2. " at the start or after a space.
_STEP = re.compile(r"(?:^|(?<=\s))(\d{1,2})\.\s+")
# A survey year among the ingredients ("the 2007 survey", "2019").
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# Each step's cooking wording in the planner's, applied in order at the step's start (or anywhere, for
# the words that only dress a step: "until golden").
_VERBS = [
    (re.compile(r"\s+until\s+golden\b", _I), ""),
    (re.compile(r"^(?:sift|strain)\s+out\s+", _I), "without "),
    (re.compile(r"^reduce\s+(?:it\s+|them\s+)?to\s+(?:the|his|her|their|its)\s+(?=top\s+\d)", _I), "the "),
    (re.compile(r"^(?:serve|plate)\s+(?:(?:it|them)\s+)?(?=(?:side\s+by\s+side\s+)?as\b)", _I), ""),
    (re.compile(r"^bake\s+(?=(?:a|an)\s+histogram\b)", _I), ""),
    # "through 2019" after a simmer is the whole year, not a span that ends with it.
    (
        re.compile(r"^simmer\s+(?P<x>.*?)\s+week\s+by\s+week\s+through(?:out)?\s+(?=\d{4}$)", _I),
        r"\g<x> weekly in ",
    ),
    (re.compile(r"^simmer\s+(?P<x>.*?)\s+week\s+by\s+week\b", _I), r"\g<x> weekly"),
    (re.compile(r"^simmer\s+(?P<x>.*?)\s+over\s+the\s+survey\s+years\b", _I), r"\g<x> over the years"),
    (re.compile(r"^whisk\s+(?P<x>.+?\s+and\s+.+?)\s+together\b", _I), r"\g<x> combined"),
    # "Fold in the directions N and S": split by direction, only N and S.
    (
        re.compile(
            r"^fold\s+in\s+the\s+(?P<x>\w+?)s\s+(?P<v>(?-i:[A-Z0-9])[^,]*),\s*one\s+colou?r\s+each\b", _I
        ),
        r"split by \g<x>, only \g<v>",
    ),
    (re.compile(r"^fold\s+in\s+(?P<x>[^,]+),\s*one\s+colou?r\s+each\b", _I), r"split by \g<x>"),
    (re.compile(r"^break\s+(?:them|it|its\s+\w+|their\s+\w+)\s+down\s+(?=by\b)", _I), ""),
    (re.compile(r"^season\s+with\s+one\s+colou?r\s+(?:per|for\s+each)\s+", _I), "coloured by "),
    (re.compile(r"^spread\s+(?:them|it)\s+(?:over|across)\s+the\s+(?P<x>\w+?)s?\b", _I), r"by \g<x>"),
]
# "Scatter A against B, A on x": which measure the cook puts on the x-axis.
_ON_X = re.compile(
    r"^(?P<verb>(?:scatter|plot)\s+)?(?P<a>[\w\s]+?)\s+against\s+(?P<b>[\w\s]+?),\s*(?P<x>[\w\s]+?)\s+on\s+"
    r"(?:the\s+)?x(?:[\s-]axis)?$",
    _I,
)
# ", gold, silver and bronze in that order" after a grouping.
_THAT_ORDER = re.compile(r",\s*(?P<list>[\w\s,+-]+?)\s+in\s+that\s+order\b", _I)
# A step that adds nothing: "Serve.", "Garnish with a title."
_EMPTY = re.compile(r"^(?:serve(?:\s+(?:it|them|hot|warm|at\s+once|immediately))?|garnish\b.*)$", _I)


def unrecipe(text: str, model: SemanticModel) -> str:
    """`text`'s recipe as numbered steps opening with its data; unchanged when it is no recipe."""
    method = _METHOD.search(text) or _FIRST_STEP.search(text)
    if method is None or not _FRAMED.search(text[: method.start()]):
        return text
    listed = _INGREDIENTS.search(text)
    ingredients = listed["list"] if listed else ""
    body = text
    for pattern in _NOTHING:
        body = pattern.sub(" ", body)
    body = _METHOD.sub(" ", body)
    parts = _steps(body)
    # The ingredients name the data; where they name none, the Method's steps may.
    named = _datasets_in(ingredients, model) or _datasets_in(" ".join(parts), model)
    if len(named) != 1 or len(parts) < 2:
        return text  # two datasets are two dishes or a join: left as written, to be refused
    dataset = named[0]
    steps = [s for s in (_cooked(p, dataset) for p in parts if p) if s and not _EMPTY.match(s)]
    if not steps:
        return text
    opening = f"the {dataset.name} data"
    year = _YEAR.search(ingredients)
    if year and not _YEAR.search(" ".join(steps)):
        opening += f" in {year[0]}"
    if _datasets_in(steps[0], model) == [dataset] and re.match(
        r"^(?:take\s+)?the\s+\w+\s+data\W*$", steps[0], _I
    ):
        steps = steps[1:]
    return " ".join(f"{i}. {s}." for i, s in enumerate([opening, *steps], start=1))


def _steps(body: str) -> list[str]:
    """The Method's steps, cut at "1.", "2.", ... numbered in order; a number out of sequence ("the
    tables of 4.") is the step's own."""
    cuts: list[tuple[int, int]] = []
    for m in _STEP.finditer(body):
        if int(m[1]) == len(cuts) + 1:
            cuts.append((m.start(), m.end()))
    ends = [start for start, _ in cuts[1:]] + [len(body)]
    return [body[end:stop].strip(" .;") for (_, end), stop in zip(cuts, ends, strict=True)]


def _cooked(step: str, dataset: Dataset) -> str:
    for pattern, plain in _VERBS:
        step = pattern.sub(plain, step, count=1)
    return _in_that_order(_on_x(step.strip(" .;")), dataset)


def _on_x(step: str) -> str:
    """ "A against B, A on x": the measure named on x comes first, and the axis words come off."""
    m = _ON_X.match(step)
    if m is None:
        return step
    a, b, x = (m[k].lower() for k in ("a", "b", "x"))
    if x == a:
        return f"{m['verb']}{m['a']} against {m['b']}"
    if x == b:
        return f"{m['verb']}{m['b']} against {m['a']}"
    return step


def _in_that_order(step: str, dataset: Dataset) -> str:
    """ "By type, gold, silver and bronze in that order": every value of a grouping listed is its order."""
    m = _THAT_ORDER.search(step)
    if m is None:
        return step
    said = {w.strip().lower() for w in re.split(r",|\band\b", m["list"]) if w.strip()}
    for dim in dataset.dimensions:
        if said == {str(v).lower() for v in dim.values}:
            return f"{step[: m.start()]}, in order{step[m.end() :]}"
    return step


def _datasets_in(text: str, model: SemanticModel) -> list[Dataset]:
    """The datasets named in `text` ("the tips data", "one tips table", "one election")."""
    return [ds for ds, pattern in _named(model) if pattern.search(text)]


@per_model
def _named(model: SemanticModel) -> list[tuple[Dataset, re.Pattern[str]]]:
    """Each dataset with the pattern of its names as an ingredient."""
    found = []
    for ds in model.datasets:
        names = "|".join(re.escape(n) for n in sorted({ds.name, *ds.synonyms}, key=len, reverse=True))
        found.append(
            (ds, re.compile(rf"\b(?:the|one|an?)\s+(?:{names})(?:\s+(?:data(?:set)?|table))?\b", _I))
        )
    return found
