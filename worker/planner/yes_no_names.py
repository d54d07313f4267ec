"""What the yes/no readers (worker.planner.yes_no, yes_no_claims) look up in the model, and the patterns
both use: a grouping said by its name, the grouping a value's word belongs to, a measure named in text."""

from __future__ import annotations

import re

from worker.semantic import Dataset, Dimension, SemanticModel

_I = re.IGNORECASE
_OPENER = re.compile(r"^\W*(?:do|does|did|is|are|was|were|has|have|had)\s+", _I)
_NAME = r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*"
_MORE = (
    r"(?:more|less|higher|lower|bigger|larger|greater|smaller|fewer|longer|shorter|wider|narrower|better|"
    r"worse)"
)


def _dimension(ds: Dataset, words: str) -> Dimension | None:
    said = words.lower().strip()
    said = re.sub(rf"^(?:the\s+)?(?:{re.escape(ds.name)}\s+)?", "", said)
    for dim in ds.dimensions:
        names = {dim.name.replace("_", " "), dim.label.lower(), *(s.lower() for s in dim.synonyms)}
        if said in names or f"{ds.name} {said}" in names:
            return dim
    return None


def _value_dimension(model: SemanticModel, word: str) -> tuple[Dataset, Dimension] | None:
    """The grouping a value's word ("smokers", "setosa", "Facebook") is a value of."""
    said = word.lower()
    for ds in model.datasets:
        for dim in ds.dimensions:
            if dim.type != "category":
                continue
            values = {str(v).lower() for v in dim.values} | {k.lower() for k in dim.value_synonyms}
            if said in values or said.rstrip("s") in values:
                return ds, dim
    return None


def _measure_in(ds: Dataset, text: str) -> str | None:
    """The longest name of one of the dataset's measures said in `text`."""
    found = [
        s
        for measure in ds.measures
        for s in (measure.label.lower(), *(x.lower() for x in measure.synonyms))
        if re.search(rf"\b{re.escape(s)}\b", text, _I)
    ]
    return max(found, key=len) if found else None
