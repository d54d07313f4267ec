"""A phone user's typing spelt out before a question is read: emoji, chat abbreviations and the slips
autocorrect makes (the docstring of `unmobile` lists them).

Every rewrite here is one a reader is sure of whatever the data: an abbreviation is spelt out only where
it cannot be a value of the data. The sample wind data has the compass points as values, so "w", "n",
"e" and "s" are directions there ("wind from the W", "n vs s"); "w" and "n" are read as "with" and "and"
only in lower case, between two words, and never in a question that talks about directions.
"""

from __future__ import annotations

import re
from collections.abc import Collection

__all__ = ["unmobile"]

_I = re.IGNORECASE

# Pictographs, emoji and what joins or modifies them (skin tones, variation selectors, flags): they
# carry no request. Ranges, not a list, so a new emoji is dropped as well as "🙏 📊 📈 👍 🔥".
_EMOJI = re.compile(
    "["
    "\U0001f000-\U0001faff"  # mahjong to symbols-and-pictographs extended-A (faces, hands, charts, flags)
    "\u2600-\u27bf"  # miscellaneous symbols and dingbats (sun, stars, check marks)
    "\u2b00-\u2bff"  # arrows and stars drawn as emoji
    "\u231a\u231b\u23e9-\u23fa"  # watch, hourglass, media buttons
    "\ufe0e\ufe0f\u200d\u20e3"  # variation selectors, zero-width joiner, keycap
    "]+"
)

# Chat words said whole, in any case: none is a value a dataset could hold in a question.
_CHAT = {
    "pls": "please",
    "plz": "please",
    "plzz": "please",
    "thx": "thanks",
    "thnx": "thanks",
    "thanx": "thanks",
    "ty": "thanks",
    "tyvm": "thanks",
    "tysm": "thanks",
    "thnks": "thanks",
    "thks": "thanks",
    "b4": "before",
    "ur": "your",
}
# Laughter and a deadline say nothing about the data: dropped with the space or comma before them.
_NOISE = re.compile(r"[\s,]*(?<![\w/'-])(?:lol|haha|asap)(?![\w/'-])", _I)
_CHAT_WORD = re.compile(rf"(?<![\w/'-])(?:{'|'.join(_CHAT)})(?![\w/'-])", _I)

# "u" and "r" only in lower case and after a word: "can u count", "how many r there", "thank u"; "r"
# also before one, as "are" joins two. A capital "U" or "R" may be a name (a group, the R language).
# Not the correlation's "r" ("the r between tip and bill", "r squared").
_YOU_ARE = re.compile(
    r"(?<=[a-z] )(?:(?P<u>u)(?![\w/'-])|(?<!\bthe )(?<!\ban )r(?= (?!squared|values?|coefficient)[a-z]))"
)
# A letter held down ("plzzz", "pleaseee", "thxxx"): three or more of one letter are one. Only in a
# word longer than the run, so "www" or a run of compass letters is left.
_HELD = re.compile(r"(?<=[a-z])([a-z])\1{2,}|([a-z])\2{2,}(?=[a-z])")
# "cs" is "vs" a key away ("smokers cs non smokers"), between two words; "CS" (a subject) is left.
_VERSUS = re.compile(r"(?<=[a-z] )cs(?= [a-z])")

# Words that talk about compass points: with any of them, a lone letter may be a direction.
_COMPASS = re.compile(
    r"\b(?:winds?|direction\w*|compass|north\w*|south\w*|east\w*|west\w*|bearing|heading"
    r"|[nsew]|[ns][ew]|[nsew][ns][ew]|[ns]by[ew])\b",
    _I,
)
# Words a lone "w" or "n" may not sit next to if it is "with" or "and": articles, prepositions and
# conjunctions ("from the w", "w to e", "w and sw") leave it a place, not a joining word; before a
# comparison ("petal w over 2") it is a measure's short name (width), compared.
_JOINERS = frozenset(
    """
    a an the of from to towards toward into in on at by for vs versus cs and or nor than with without
    between via per as is are was were be not no only then so but if
    over under above below than more less
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_LONE = re.compile(r"\b(?P<before>[a-z]{2,}) (?P<w>[wn]) (?=(?P<after>[a-z]{2,})\b)")
# After a rank, "n" is a count ("top n countries"), not "and".
_RANKS = frozenset({"top", "bottom", "first", "last", "highest", "lowest", "largest", "smallest"})

# "2day" at the end of a need ("need avg bill by sex 2day", "need it 2day"): a deadline, no data
# meaning. Elsewhere it is "today", a time the planner reads (and refuses on data without dates).
_DEADLINE = re.compile(r"\b(?P<need>needs?|needed|want|wanted)\b(?P<ask>.*?)\s+2day\b", _I)
_TODAY = re.compile(r"(?<![\w/])2day(?!\w)", _I)

# A slip of the thumb that keeps a real word, certain next to the word it goes with: "pie chary",
# "line chat" (chart), "bat chart" (bar: r and t are neighbours).
_CHART_SLIP = re.compile(
    r"\b(?P<kind>pie|bar|line|area|column|scatter|donut)\s+(?:chary|chat|charm|cart|chard|chars)\b", _I
)
_BAR_SLIP = re.compile(r"\b(?:bat|bag|bad|bae)(?=\s+(?:chart|graph|plot)s?\b)", _I)
# "tyre" for "type" after a grouping word ("medals by nation and tyre", "by tyre"): a tyre is no group.
_TYPE_SLIP = re.compile(r"\b(?P<by>by|and|per|each|every|of) tyre(?P<s>s?)\b", _I)
# "diner" for "dinner": a diner is a person at a table, so only where a meal is meant - "for diner
# (only)", "at diner", "during diner", or "diner only"; "per diner" and "each diner" stay people.
_DINNER_SLIP = re.compile(r"\b(?P<at>for|at|during|over) diner\b(?! (?:per|each)\b)|^diner(?= only\b)", _I)
# "sepal with by species": "with" that governs nothing (before "by", "vs", a chart word or the end)
# cannot join two things, so it is "width" a key short. "with and without" is still "with".
_GOVERNS_NOTHING = "by|vs|versus|cs|against|histogram|scatter|distribution"
_WIDTH_SLIP = re.compile(rf"(?<=[a-z]{{3}} )with(?=\s*(?:$|[,.?!;]|(?:{_GOVERNS_NOTHING})\b))", _I)

# Planner words typed with a letter doubled at the end ("avgg", "summ", "piee"); only these, so a
# real doubled letter ("bill", "all") is never touched.
_SHORT = ("avg", "sum", "max", "min", "pie", "bar", "top", "pop", "vs")
_DOUBLED = re.compile(rf"\b(?:{'|'.join(w + w[-1] + '+' for w in _SHORT)})\b", _I)


def unmobile(text: str, known: Collection[str] = frozenset()) -> str:
    """`text` with a phone user's typing said plainly; unchanged when there is nothing to say.

    Drops emoji; spells out chat words ("pls", "thx", "ty", "u", "ur", "r", "b4", "cs" for "vs"), "w" and
    "n" between words where they cannot be compass points, a deadline "2day"; mends the slips a phone
    keeps as real words where the word beside them makes the meaning certain ("pie chary", "bat chart",
    "nation n tyre", "for diner only", "sepal with by species") and a doubled last letter of a planner
    word ("avgg"). With `known` (the model's words, lower case), splits a run-together pair of them
    ("lifeexpectancy")."""
    text = " ".join(_EMOJI.sub(" ", text).split())
    text = _HELD.sub(lambda m: m[1] or m[2], text)
    text = _CHAT_WORD.sub(lambda m: _CHAT[m[0].lower()], _NOISE.sub("", text)).strip()
    text = _VERSUS.sub("vs", _YOU_ARE.sub(lambda m: "you" if m["u"] else "are", text))
    text = _joining_letters(text)
    text = _DEADLINE.sub(lambda m: f"{m['need']}{m['ask']}", text)
    text = _TODAY.sub("today", text)
    text = _slips(text)
    return _split_run_together(text, known) if known else text


def _joining_letters(text: str) -> str:
    """Lower-case "w" and "n" between two words read as "with" and "and", unless the question is about
    compass points or a neighbour is a joining word (then the letter is a place: "from the w")."""
    # The letters themselves are not evidence: "nation n type" is about no compass.
    if _COMPASS.search(_LONE.sub(lambda m: f"{m['before']} _ ", text)):
        return text

    def spelt(m: re.Match[str]) -> str:
        if m["before"] in _JOINERS or m["after"] in _JOINERS or m["before"] in _RANKS:
            return m[0]
        return f"{m['before']} {'with' if m['w'] == 'w' else 'and'} "

    return _LONE.sub(spelt, text)


def _slips(text: str) -> str:
    """Autocorrect's real-word slips, each mended only beside the word that makes it certain."""
    text = _CHART_SLIP.sub(lambda m: f"{m['kind']} chart", text)
    text = _BAR_SLIP.sub("bar", text)
    text = _TYPE_SLIP.sub(lambda m: f"{m['by']} type{m['s']}", text)
    text = _DINNER_SLIP.sub(lambda m: f"{m['at']} dinner" if m["at"] else "dinner", text)
    text = _WIDTH_SLIP.sub("width", text)
    return _DOUBLED.sub(lambda m: next(w for w in _SHORT if m[0].lower().startswith(w)), text)


# An ending that is also a known word ("Est", a district's last word) makes "greatest" no run-together
# "great est": the word is "great" with its ending.
_SUFFIXES = {"est", "er", "ers", "ly", "ness", "ing", "ed"}


def _split_run_together(text: str, known: Collection[str]) -> str:
    """ "lifeexpectancy" -> "life expectancy": a long unknown word that is exactly two known words, split
    one way only (two ways would be a guess)."""

    def split(m: re.Match[str]) -> str:
        word = m[0].lower()
        if word in known:
            return m[0]
        cuts = [
            i
            for i in range(3, len(word) - 2)
            if word[:i] in known and word[i:] in known and word[i:] not in _SUFFIXES
        ]
        return f"{word[: cuts[0]]} {word[cuts[0] :]}" if len(cuts) == 1 else m[0]

    return re.sub(r"\b[a-zA-Z]{8,}\b", split, text)
