"""Spelt out before a question is read (worker.planner.voices): an accessibility-minded user's wishes for
how the chart is drawn, set aside as presentation.

"Colour-blind-friendly please:", "Colour-blind-safe palette:", "For my colour-blind manager, keep it
simple:", "High contrast chart with large labels:", "No red and green", "Patterns instead of colours",
"alt text", "I use a screen reader", "dyslexia-friendly with a plain font" and the like name no value,
period, limit or series (like a slide's font sizes and bar sizes, worker.planner.slide_requests): the chart
is the one the rest of the question names. A leading clause of wishes alone is left to
worker.planner.context where that reader sets it aside (and says so in the chart's description); where it
cannot (a wish that says "colour" or "chart" reads to it as a request), the clause comes off here. A wish
before the chart it describes ("a colour-blind-friendly chart of ...") comes off too. "Keep it to 5 bars"
is not a wish: it is a limit, left to the readers.

A request for something other than a chart (a plain text table, a braille-ready list, an audio clip, a
sonification, a CSV export) is refused with a sentence saying so: chartq answers with a chart.
"""

from __future__ import annotations

import re

from worker.planner.context import told_with
from worker.planner.errors import NotInTheData
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unaccessible"]

_I = re.IGNORECASE
_COLOUR = r"colou?rs?"
_BLIND = rf"{_COLOUR[:-2]}[\s-]?blind(?:ness)?(?:[\s-](?:friendly|safe|proof))?"
_WISHES = [
    # "colour-blind-safe palette", "for a colour-blind viewer", "my colour-blind manager".
    rf"{_BLIND}(?:\s+(?:palette|{_COLOUR}|viewers?|readers?|manager|boss|colleagues?|audience|users?|people|"
    r"students|friends?))?",
    rf"no\s+red\s*(?:and|or|/|&)\s*green|no\s+{_COLOUR[:-2]}[\s-]coding(?:\s+needed)?",
    rf"(?:patterns|textures|hatching|shapes)(?:\s*,?\s*(?:instead\s+of|not|rather\s+than)\s+{_COLOUR})?",
    r"high[\s-]contrast",
    r"(?:large|larger|big|bigger|huge)\s+(?:labels|print|text|fonts?|type)|thick(?:er)?\s+lines|"
    r"big(?:ger)?\s+dots",
    r"alt(?:ernative)?[\s-]text|screen[\s-](?:readers?|magnifiers?)|low\s+vision",
    r"dyslexi(?:a|c)[\s-]friendly|plain\s+font|(?:simple|clear)\s+enough|dyslexic\s+(?:students|readers|users)",
    r"keep\s+it\s+(?:simple|clean|clear)|accessible(?:\s+version)?|(?:a\s+)?clear\s+title",
]
_WISH = re.compile(rf"\b(?:{'|'.join(_WISHES)})(?=\W|$)", _I)
# What is left of a clause of wishes alone: courtesy and glue.
_GLUE = re.compile(
    r"\b(?:please|pls|and|with|a|an|the|for|my|our|too|also|so|add|use|i|have|it|is|readable|needed|"
    r"chart|version|make)\b|[\s,;.!-]+",
    _I,
)
_LEADING = re.compile(r"^\W*(?P<c>[^:?]{1,120}?)\s*:\s+", _I)
# "a colour-blind-friendly chart of", "High contrast pie of": the wish before the chart it describes.
_BEFORE = re.compile(
    rf"\b(?:{_BLIND}|high[\s-]contrast|large[\s-]print|accessible)\s+(?=(?:chart|pie|bar\s+chart|line\s+chart|"
    r"graph|plot|scatter|histogram|version)\b)",
    _I,
)
# Something other than a chart, and what the refusal calls it.
_OTHER_THAN_A_CHART = [
    (
        r"\bplain[\s-]text(?:\s+(?:table|list|version))?\b|\btext\s+(?:table|list)\b|\bbraille\b",
        "a text table or list",
    ),
    (
        r"\baudio(?:\s+(?:clip|file|version|description))?\b|\bread\s+.{1,80}?\baloud\b|"
        r"\bsonif(?:y|ied|ication)\b|\bas\s+a\s+sound\b",
        "audio",
    ),
    (r"\b(?:export|download)\b.{0,60}?\bas\s+an?\s+(?:csv|excel|spreadsheet)(?:\s+file)?\b", "a file export"),
]
_OTHER_RES = [(re.compile(p, _I), what) for p, what in _OTHER_THAN_A_CHART]


def unaccessible(text: str, model: SemanticModel) -> str:
    """`text` without accessibility wishes the context reader does not set aside; raises for a request for
    something other than a chart."""
    for pattern, what in _OTHER_RES:
        if (other := pattern.search(text)) is not None:
            raise NotInTheData(
                with_example(
                    f"chartq answers with a chart of the data, and cannot give {what} instead "
                    f"(\u201c{other[0]}\u201d); a screen reader reads the chart's description, which names "
                    "what it shows. Ask for the chart",
                    text,
                    model,
                )
            )
    read = _BEFORE.sub("", text)
    m = _LEADING.match(read)
    if m is not None and _wishes_only(m["c"]) and not _set_aside_as_context(read, m["c"]):
        read = read[m.end() :]
    return text if read == text else " ".join(read.split())


def _wishes_only(clause: str) -> bool:
    """Whether `clause` holds accessibility wishes and nothing else."""
    return _WISH.search(clause) is not None and not _GLUE.sub("", _WISH.sub("", clause))


def _set_aside_as_context(text: str, clause: str) -> bool:
    """Whether worker.planner.context reads `clause` as context (and names it in the chart's description)."""
    return any(context == clause.strip(" ,;:") for context, _ in told_with(text))
