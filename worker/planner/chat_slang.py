"""Internet slang, emoji and hashtags taken off a question before it is read.

A user typing as on social media wraps a request in words that say nothing about the data: "ngl", "tbh",
"tbf", "fr" (and "fr fr"), "no cap" (and its cap, "🧢"), "smh", "lol", "lmao", "imo", "imho", "idk",
"tho", "rn", "fwiw", "iirc", "btw", "omg"; they are dropped. "ppl" is "people". Emoji are dropped: the
ranges worker.planner.mobile drops (pictographs, dingbats, flags, skin tones, variation selectors and the
zero-width joiner of a ZWJ sequence), the tag characters of a subdivision flag ("🏴󠁧󠁢󠁳󠁣󠁴󠁿") and any symbol
asked to be drawn as an emoji by U+FE0F ("▶️", "↗️"); a keycap digit ("5️⃣") keeps its digit. A hashtag
is its word: "#saturday" is "saturday", "#TipsByDay" is "tips by day", and a hashtag naming a dataset
("#tips", "#gapminder", "#MontrealElection") reads as that data ("the tips data"), so that "#tips" is no
tip measure.

A value "excluded" (or "left out", "omitted", "out") at the end of a clause, after a comma, is "excluding" it:
"pie by strength band, calm 0-1 excluded" excludes 0-1 (worker.planner.headlines reads the same wording
after a capitalised value, "Oceania excluded"; this reads the lower-case and number values it leaves).

A slang word is dropped only whole, in any case ("Ngl" opens a phone's sentence), and never where it could
be data: "fr" is not the "fr" of "fri" or "fr-ca", "cap" goes only in "no cap" ("no cap on the bill" keeps
it), "lol" not inside a word, and with the model none that is a value of its data. "#1" and "# of tables"
are no hashtags, nor is a colour "#ff0000".
"""

from __future__ import annotations

import re
import unicodedata

from worker.planner.mobile import _EMOJI as _MOBILE_EMOJI
from worker.semantic import SemanticModel

__all__ = ["unslang"]

# Said whole, with no letter, digit, apostrophe, slash or hyphen beside it.
_FILLERS = (
    r"ngl|tbh|tbf|fr(?:\s+fr)*|no\s+cap(?!\s+(?:on|of|for|to|at|in)\b)|smh|lol+|lmao+|lmfao|rofl|imo|imho|idk"
    r"|tho|rn|fwiw|iirc|btw|omg"
)
_FILLER = re.compile(rf"[\s,]*(?<![\w/'-])(?P<w>{_FILLERS})(?![\w/'-])", re.IGNORECASE)
_WORDS = {"ppl": "people"}
_WORD = re.compile(rf"(?<![\w/'-])(?:{'|'.join(_WORDS)})(?![\w/'-])", re.IGNORECASE)

# A keycap ("5️⃣", "#️⃣"): a digit keeps its meaning, a sign does not.
_KEYCAP = re.compile(r"(?P<k>[0-9#*])\ufe0f?\u20e3")
# Tag characters (the subdivision flags' letters) and a symbol drawn as an emoji by the variation selector.
_TAGS = re.compile("[\U000e0020-\U000e007f]+")
_PRESENTED = re.compile(r"(?P<s>.)\ufe0f")

# "#saturday", "#TipsByDay", "#total_bill": a letter right after "#", not after a word ("C#") or "&"
# (an HTML entity); "#1", "# of" are numbers.
_HASHTAG = re.compile(r"(?<![\w&#])#(?P<w>[A-Za-z][\w]*)")
_HEX_COLOUR = re.compile(r"(?=[0-9a-f]*\d)(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")

# ", calm 0-1 excluded": a value after a comma (or ":" / ";") that headlines' capitalised form leaves.
_EXCLUDED = re.compile(
    r"(?<=[,:;])\s*(?!(?:with|and|but|or|so|all|any|is|are|was|were|be|been|being|not|nothing|none)\b)"
    r"(?P<v>[a-z0-9][\w'.%-]*(?:\s+[\w'.%-]+){0,3}?)\s+(?:excluded|left\s+out|omitted|out)(?=\s*(?:[,;.!?]|$))"
)


_JOINED = re.compile(r"\b(?:and|or|nor)\b|&|/")


def unslang(text: str, model: SemanticModel | None = None) -> str:
    """`text` without slang, emoji and hashtag signs; unchanged when it has none. With `model`, a hashtag
    naming one of its datasets reads as that dataset."""
    said = text
    text = _unemoji(text)
    text = _HASHTAG.sub(lambda m: _hashtag(m, model), text)
    if _FILLER.search(text):
        values = _values(model)
        text = _FILLER.sub(lambda m: m[0] if m["w"].lower() in values else "", text)
    text = _WORD.sub(lambda m: _WORDS[m[0].lower()], text)
    # Values joined by "and" may be of two columns ("smokers and dinner"), which exclusions.py refuses as a
    # combination: only a single value is spelt out here.
    text = _EXCLUDED.sub(lambda m: m[0] if _JOINED.search(m["v"]) else f" excluding {m['v']}", text)
    return said if text == said else _tidy(text)


def _values(model: SemanticModel | None) -> frozenset[str]:
    """The model's dimension values in lower case: a slang word that is one of them is data."""
    if model is None:
        return frozenset()
    return frozenset(
        str(value).lower() for ds in model.datasets for dim in ds.dimensions for value in dim.values
    )


def _unemoji(text: str) -> str:
    if text.isascii():
        return text
    text = _KEYCAP.sub(lambda m: m["k"] if m["k"].isdigit() else " ", text)
    text = _TAGS.sub("", text)
    text = _PRESENTED.sub(lambda m: " " if unicodedata.category(m["s"]).startswith("S") else m["s"], text)
    return _MOBILE_EMOJI.sub(" ", text)


def _hashtag(m: re.Match[str], model: SemanticModel | None) -> str:
    word = m["w"]
    if _HEX_COLOUR.fullmatch(word):
        return m[0]
    words = word if word.isupper() else _CAMEL.sub(" ", word).lower()
    if model is not None:
        key = words.lower().replace(" ", "").replace("_", "")
        for dataset in model.datasets:
            names = {dataset.name, *dataset.synonyms}
            if key in {name.lower().replace(" ", "") for name in names}:
                return f" the {dataset.name} data "
    return f" {words} "


def _tidy(text: str) -> str:
    """Spaces and commas left where the words were: "by day , dinner", ", ,", a leading comma."""
    text = " ".join(text.split())
    text = re.sub(r"\s+(?=[,;:!?.](?:\s|$))", "", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"^[\s,;:]+|[\s,;:]+$", "", text)
    return text.strip()
