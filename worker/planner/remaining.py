"""What is kept after values are left out: "Excluding Sunday, the total tips on the remaining days" is every
day but Sunday, "Without Facebook, the other five companies" the five left, "Leaving out Africa, the rest of
the world" the world but Africa. Read only in a question that leaves something out (worker.planner.exclusions
reads that part), so "the other candidates" alone stays unread and is refused by name:
- "the remaining / the other (N) <things>" is all of them; a count must be the number left, else the words
  stay and the question is refused (charting all of them would answer another question);
- "<someone's> remaining / other <things>" is theirs; "the rest of the <things>" is the <things>;
- "of / among the rest", "of the others" add nothing.
"""

from __future__ import annotations

import re

from worker.planner.time_phrases import parse_count
from worker.planner.versus_names import names_of, values_named
from worker.planner.vocabulary import normalize
from worker.semantic import SemanticModel

__all__ = ["KEPT", "unremain"]

_I = re.IGNORECASE
_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty)"
# The words worker.planner.exclusions reads as leaving values out, up to the end of what they name.
_LEFT_OUT = re.compile(
    r"\b(?:excluding|except(?:\s+for)?|without|other\s+than|apart\s+from|leaving\s+out|leave\s+out|"
    r"(?:leaving|setting|putting)\s+aside|not\s+counting|not\s+including|ignoring|but\s+not)\s+(?P<what>[^,.;:!?]+)",
    _I,
)
_OTHER_N = re.compile(rf"\bthe\s+(?:other|remaining)\s+(?P<n>{_COUNT})\s+(?=[\w-]+s\b)", _I)
KEPT: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bthe\s+(?:other|remaining)\s+(?P<kept>(?:[\w-]+\s+)?[\w-]+s)\b", _I), r"all \g<kept>"),
    (re.compile(r"(?<=['\u2019]s)\s+(?:remaining|other)\b", _I), ""),
    (re.compile(r"\bthe\s+rest\s+of\s+(?:the\s+)?(?P<noun>\w+)", _I), r"the \g<noun>"),
    (re.compile(r"\s*\b(?:of|for|on|among|across)\s+the\s+(?:rest|others)\b", _I), ""),
]


def unremain(text: str, model: SemanticModel) -> str:
    """`text` with what is kept after an exclusion said as all of it; other text is unchanged."""
    left_out = [m["what"] for m in _LEFT_OUT.finditer(text)]
    if not left_out:
        return text
    said = _without_counts(text, left_out, model)
    if said is None:
        return text
    for pattern, plain in KEPT:
        said = pattern.sub(plain, said)
    return said


def _without_counts(text: str, left_out: list[str], model: SemanticModel) -> str | None:
    """`text` with "the other five" said as "the other" where five is the number left; None when a count
    is not: "Without Facebook, the other three companies" names neither all five nor which three."""
    counts = list(_OTHER_N.finditer(text))
    if not counts:
        return text
    gone = [normalize(v) for part in left_out for v in values_named(part, names_of(model))]
    left: set[int] = set()
    for d in (d for ds in model.datasets for d in ds.dimensions):
        canonical = {normalize(str(v)): v for v in d.values}
        canonical |= {normalize(k): v for k, v in d.value_synonyms.items()}
        if gone and all(g in canonical for g in gone):
            left.add(len(d.values) - len({canonical[g] for g in gone}))
    if any(parse_count(m["n"]) not in left for m in counts):
        return None
    return _OTHER_N.sub(lambda m: m[0].replace(m["n"], "", 1), text)
