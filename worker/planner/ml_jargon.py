"""Spelt out before a question is read (worker.planner.voices): a machine-learning practitioner's words
(features, targets, class labels, samples, class balance, EDA) read as the data's own.

- The class is the dimension the question makes it: "with smoker as the label", "Treating sex as the class
  label,", "treat candidate as the class label and", "class = direction", "with ticker as the class"; with
  none named, the data's only category ("the class balance of the iris data": its species). Then "per
  class", "for each class", "per-class mean price", "coloured by class label" group by it, and "class
  balance", "label counts", "number of samples per class" count its rows. "per continent class", "per
  medal label" and "virginica class only" are the dimension or value named.
- The positive class is a filter: "for the positive class (smoker = Yes)" is "where smoker = Yes", "the
  positive class Joly" is Joly.
- Samples are the rows: "the 1952 samples" is "in 1952", "the AAPL samples" AAPL, "samples where total_bill
  > 30" "where total_bill > 30", "top 10 samples" the top 10.
- Features and targets are words around a measure: "petal_width (feature)", "the total_bill feature", "the
  tip target" are the measures; "Target = tip, ...: mean target per size" is the mean tip; "feature
  distribution of X" a distribution of X; "Feature-feature scatter" and "Feature vs target scatter" a
  scatter; "EDA on iris:" and "Time-series EDA:" framing.
- Modelling is refused, naming its words: feature importance, train/test splits, fitted regressions,
  classifiers and predictions, correlation matrices, z-scores, clusters, principal components.
A class that cannot be placed is left as written, so the reader refuses naming it.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.model_cache import per_model
from worker.planner.owners import data_named
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unml"]

_I = re.IGNORECASE
# A practitioner's vocabulary: without it, "class" is a school class, "feature" a newspaper's and "target"
# a manager's; "the tip target" is read too (see _roles), as it names a measure.
_CUE = re.compile(
    r"\b(?:samples|class\s+(?:labels?|balance)|classes|per[- ]class|(?:each|positive)\s+class|"
    r"labels?\s+counts?|as\s+the\s+(?:class|label)|class\s*=|eda|(?:feature|target)\s+distribution|target\s*=|"
    r"feature\s*(?:-|vs\.?|versus)\s*(?:feature|target))\b|\((?:feature|target)\)",
    _I,
)
_MODELLING = re.compile(
    r"\b(?:feature\s+importances?|(?:train(?:ing)?|test|validation)(?:[- ]set|[- ]split)|train\s*/\s*test|"
    r"cross[- ]validat\w*|(?:linear|logistic|ols)\s+regression|regression(?:\s+line)?|fit(?:ted)?\s+line|"
    r"fit\s+an?\s+\w+(?:\s+\w+)?\s+(?:model|regression)|classifiers?|"
    r"confusion\s+matrix|correlation\s+(?:matrix|heatmap)|z[- ]scores?|standardi[sz]e[ds]?|k[- ]means|"
    r"clusters?|clustering|pca|principal\s+components?|random\s+forest|neural\s+net\w*)\b",
    _I,
)
_WORD = r"[\w+-]+"
# "with smoker as the label", "Treating sex as the class label,", "treat candidate as the class label and"
_NAMED = re.compile(
    rf"(?P<pre>^|[,;:]\s*|\s)(?:with|treating|treat|using|use|take|taking)\s+(?P<d>{_WORD}(?:\s+{_WORD})?)\s+as\s+"
    r"(?:the|our|my)\s+(?:class(?:\s+label)?|label|target\s+class)\b(?P<post>\s*,\s*|\s+and\s+|\s*(?=[:;.?!]|$))",
    _I,
)
# "Wind data, class = direction:", "class: direction,"
_CLASS_IS = re.compile(rf"[,;]?\s*\bclass(?:\s+label)?\s*[=:]\s*(?P<d>{_WORD})\b(?P<end>\s*[:;,]?)", _I)
_TARGET_IS = re.compile(rf"(?:^|(?<=[,;:]))\s*\btarget\s*[=:]\s*(?P<m>{_WORD})\s*[,;:]\s*", _I)
_POSITIVE_EQ = re.compile(
    r"\bfor\s+the\s+positive\s+class\s*\(\s*(?P<c>[^()=]+?)\s*=\s*(?P<v>[^()]+?)\s*\)", _I
)
_POSITIVE = re.compile(r"\bthe\s+positive\s+class\s+(?P<v>[\w+-]+)", _I)
_EDA = re.compile(
    r"^\W*(?:time[- ]series\s+)?(?:eda|exploratory\s+data\s+analysis)(?:\s+on\s+(?P<x>[^:]+))?\s*:\s*", _I
)
_PAIR_SCATTER = re.compile(
    r"\b(?:feature|target)\s*(?:-|vs\.?|versus|against)\s*(?:feature|target)\s+(?=scatter)", _I
)
_ROLE_PAREN = re.compile(r"\s*\((?:feature|target|input|label)\)", _I)
_ROLE_AFTER = re.compile(rf"\b(?P<x>(?:{_WORD}\s+){{0,2}}{_WORD})\s+(?:feature|target)\b(?!\s*=)", _I)
_OF_DISTRIBUTION = re.compile(r"\b(?:feature|target)\s+(?=distribution\b)", _I)
_BALANCE_OF = re.compile(r"\b(?:the\s+)?class\s+balance\s+of\s+(?=[^:]+:)", _I)
_PER = r"(?:\s+(?:per|for\s+each|by)\s+(?:class|label))?"
# "class balance", "label counts", "sample count per class", "number of samples (countries) per class".
_COUNT = re.compile(
    r"\b(?:the\s+)?(?:class\s+balance|(?:class\s+|label\s+)counts?|label\s+balance|(?:sample|observation)\s+counts?"
    rf"{_PER}|number\s+of\s+samples(?P<aside>\s*\([^)]*\))?{_PER})\b",
    _I,
)
# "Per-class mean price": adjectival, before what is measured; "per class in iris" is read as "per species".
_PER_CLASS = re.compile(
    r"\bper[- ]class\s+(?!(?:in|of|for|with|from|at|on|by|and|or|where|only|over|across|during)\b)"
    r"(?P<x>[^,:;.?!]+)",
    _I,
)
_CLASS_WORD = re.compile(r"\b(?:class(?:es)?(?:\s+labels?)?|labels?)\b", _I)
# What a practitioner says that no rewrite placed.
_LEFT = re.compile(
    r"\b(?:(?:the\s+)?positive\s+class|class(?:es)?(?:\s+labels?)?|labels?|features?|targets?|samples?|eda)\b",
    _I,
)
_SAMPLES = [
    (re.compile(r"\b(?:across|over)\s+(?:all\s+)?(?:the\s+)?samples\b", _I), ""),
    (re.compile(r"\b(?:the\s+)?(?P<y>\d{4})\s+samples\s+only\b", _I), r"\g<y> only"),
    (re.compile(r"\b(?:for|of|from)\s+the\s+(?P<y>\d{4})\s+samples\b", _I), r"in \g<y>"),
    (re.compile(r"\b(?:among\s+)?samples\s+(?=(?:with|where|whose)\b)", _I), ""),
    (re.compile(r"\btop\s+(?P<n>\d+)\s+samples\b", _I), r"top \g<n>"),
    (re.compile(r"\bnumber\s+of\s+samples\b", _I), "number of observations"),
    (re.compile(rf"\b(?P<the>the\s+)?(?P<x>{_WORD})\s+samples\b", _I), r"\g<x>"),
]


def unml(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    if (m := _MODELLING.search(text)) is not None:
        raise UnchartableQuestion(
            with_example(
                f"\u201c{m[0]}\u201d asks for a model or a transformation of the data, and chartq only "
                "charts the data as recorded; ask for the measures themselves",
                text,
                model,
            )
        )
    if _CUE.search(text) is None and not _names_a_role(text, model):
        return text
    read = _EDA.sub(lambda e: f"{e['x'].strip()}: " if e["x"] else "", text)
    read = _PAIR_SCATTER.sub("", read)
    read = _OF_DISTRIBUTION.sub("", read)
    read = _roles(read, model)
    read = _POSITIVE_EQ.sub(lambda p: f"where {p['c']} = {p['v']}", read)
    read = _POSITIVE.sub(lambda p: p["v"] if p["v"] in _values(model) else p[0], read)
    read = _classes(read, model)
    read = _data_named(read, model)
    for pattern, said in _SAMPLES:
        read = pattern.sub(said, read)
    _refuse_unread(read, model)
    read = re.sub(r"\s+([,:;.?!])", r"\1", " ".join(read.split()))
    read = re.sub(r"[,;]\s*([.?!:;,])", r"\1", read).strip(" ,;")
    return text if read == text else read


def _refuse_unread(text: str, model: SemanticModel) -> None:
    """A class, label, feature or sample word left unplaced: the question cannot be read without it."""
    left = list(dict.fromkeys(m[0] for m in _LEFT.finditer(text)))
    if left:
        said = " and ".join(f"\u201c{w}\u201d" for w in left)
        raise UnchartableQuestion(
            with_example(
                f"chartq cannot tell which column {said} means here; name it, e.g. "
                "\u201cwith day as the class\u201d or \u201cthe tip target\u201d",
                text,
                model,
            )
        )


def _data_named(text: str, model: SemanticModel) -> str:
    """ "Samples where total_bill > 30 in tips", "the tips samples": the tips data, not its tip measure."""
    names = "|".join(re.escape(ds.name) for ds in model.datasets)
    return re.sub(
        rf"\b(?P<p>in|of|for|from)\s+(?:the\s+)?(?P<d>{names})(?:\s+(?:samples|dataset|data))?\b(?!\s+data)",
        r"\g<p> the \g<d> data",
        text,
        flags=_I,
    )


def _names_a_role(text: str, model: SemanticModel) -> bool:
    return any(_role_of_known(m, model) for m in _ROLE_AFTER.finditer(text))


def _role_of_known(m: re.Match[str], model: SemanticModel) -> bool:
    words = m["x"].split()
    return any(_known(" ".join(words[i:]), model) for i in range(len(words)))


def _roles(text: str, model: SemanticModel) -> str:
    """ "Target = tip, ... mean target": tip; "the total_bill feature", "petal_width (feature)": the
    measure."""
    read = _ROLE_PAREN.sub("", text)
    if (t := _TARGET_IS.search(read)) is not None and _known(t["m"], model):
        read = read[: t.start()] + " " + read[t.end() :]
        read = re.sub(r"\btarget\b", t["m"], read, flags=_I)

    return _ROLE_AFTER.sub(lambda m: m["x"] if _role_of_known(m, model) else m[0], read)


def _classes(text: str, model: SemanticModel) -> str:
    """The class named, or the data's only category, spelt as the dimension wherever "class" is said."""
    named: str | None = None
    if (m := _NAMED.search(text)) is not None and _is_dimension(m["d"], model):
        joint = m["pre"].rstrip() + " " if m["pre"].strip() else (", " if "," in m["post"] else " ")
        named, text = m["d"], text[: m.start()] + joint + text[m.end() :]
    elif (c := _CLASS_IS.search(text)) is not None and _is_dimension(c["d"], model):
        named, text = c["d"], text[: c.start()] + c["end"] + " " + text[c.end() :]
    text = _attached(text, model)
    if named is None and _CLASS_WORD.search(text) is not None:
        named = _only_category(text, model)
    if named is None:
        return text
    text = _BALANCE_OF.sub("", text)
    text = _COUNT.sub(lambda n: f"number of observations{n['aside'] or ''} per {named}", text)
    text = _PER_CLASS.sub(lambda p: f"{p['x'].strip()} per {named}", text)
    return _CLASS_WORD.sub(named, text)


def _attached(text: str, model: SemanticModel) -> str:
    """ "per continent class", "medal label": the dimension; "virginica class only": the value."""

    def keep(m: re.Match[str]) -> str:
        return m["x"] if _is_dimension(m["x"], model) or m["x"] in _values(model) else m[0]

    return re.sub(rf"\b(?P<x>{_WORD})\s+(?:class|label)\b(?!\s*[=:])", keep, text, flags=_I)


def _only_category(text: str, model: SemanticModel) -> str | None:
    ds = data_named(text, model)
    if ds is None:
        return None
    categories = [d for d in ds.dimensions if d.type == "category"]
    return categories[0].name if len(categories) == 1 else None


def _known(words: str, model: SemanticModel) -> bool:
    return _norm(words) in _terms(model)[0] | _terms(model)[1]


def _is_dimension(words: str, model: SemanticModel) -> bool:
    return _norm(words) in _terms(model)[1]


def _values(model: SemanticModel) -> frozenset[str]:
    return _terms(model)[2]


def _norm(words: str) -> str:
    return " ".join(words.lower().replace("_", " ").split())


@per_model
def _terms(model: SemanticModel) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The model's measure and dimension words (lower case, "_" as a space) and its category values."""
    measures = {
        _norm(w) for ds in model.datasets for m in ds.measures for w in (m.name, m.label, *m.synonyms)
    }
    dims = {_norm(w) for ds in model.datasets for d in ds.dimensions for w in (d.name, d.label, *d.synonyms)}
    # Values as written: "PER" (Peru) is a value, "per" a word.
    values = {str(v) for ds in model.datasets for d in ds.dimensions for v in d.values}
    return frozenset(measures), frozenset(dims), frozenset(values)
