"""A zombie's groans ("Braaains...", "Uuurgh", "tiiips") set aside around the one request they carry.
Read only in a question that speaks it (a marker below: a stretched "braaains", "uuurgh" or "groaaan",
"must... see", "sooo hungry", "the living", zombies, a horde, the undead, "shambling", "before I died"), so
any other question reads exactly as before (an ellipsis alone is no marker):
- the ellipses (and the ends of sentences) are the zombie's pauses: the fragments between them are one
  request once the patter is gone, joined into one sentence (a comma between phrases, a space where the
  pause fell inside one: "Apple's... weekly share price");
- stretched letters are the word they stretch ("tiiip" tip, "sooo" so, "Braaains" brains), and a word cut
  off and then said whole ("India's popu... population") is the whole word: the later word stands;
- a fragment or clause that is only a groan or hunger ("Braaains", "Uuurgh, ...", "groaaan", "sooo hungry",
  "wants") asks for nothing and comes off; so do the zombie's own things ("the horde of 500 zombies is
  coming", "Shambling past the restaurant", "when the horde rises", "on the night the dead rose"): a number
  they name is no limit or threshold; "the horde wants X" asks for X;
- the living are people in general: "how many of the living" is how many people (the population); a
  fragment that speaks of them otherwise ("full of the living", "the living... leave tiiips") is a scene and
  names no filter;
- memories of the life before are context: "I was a waiter before I died" is no filter and "the last thing
  I remember is 2007" no period, unless the request points back to it ("in that year" is that year);
- "must... see", "show (me)" alone hand over the request: a fragment before it that names no value of the
  data is a scene ("the living... leave tiiips... Show... the average tip percentage ...").
A second chart ("and... a separate pie... of the medals") is refused here: chartq draws one chart per
question. What the request itself asks of the zombie's world (the number of brains eaten, the tips each
waiter collected, a year the data lacks, a choice left open: "whichever... tastes better") is left as it is,
and refused downstream as what the data cannot answer. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.semantic import SemanticModel

__all__ = ["unzombie"]

_I = re.IGNORECASE
_PAUSE = r"(?:\.{2,}|\u2026)"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    r"\bb+r+a{2,}i*n+s*\b|\bu{2,}r+g+h*\b|\bg+r+o+a{2,}n+\b|\bg+r+o{3,}a*n+\b|\bmust\s*"
    + _PAUSE
    + r"\s*see\b"
    r"|\bs+o{3,}\s+hungry\b|\bthe\s+living\b(?!\s+room)|\bzombies?\b|\bhorde\b|\bundead\b|\bshambling\b"
    r"|\bbefore\s+I\s+died\b|\bthe\s+dead\s+(?:rose|rise|walk)",
    _I,
)
# A pause, or the end of a sentence: the zombie groans between sentences as it does between pauses.
_FRAGMENTS = re.compile(r"\s*" + _PAUSE + r"\s*|(?<=[.!?])\s+")
# A letter said three times or more is stretched: "tiiip" is tip, "sooo" is so (not a Roman "XXX").
_STRETCHED = re.compile(r"(?![IVXLCDM]{3})([a-z])\1{2,}", _I)
_GROANS = r"(?:brains|urgh|ugh|argh|groan|moan|gr+|(?:(?:is|are|am|I'm)\s+)?so\s+hungry|hungry|feed\s+me)"
# A fragment that is only groans, hunger or a want asks for nothing.
_GROAN = re.compile(rf"^\W*(?:(?:{_GROANS}|must|wants?|needs?|craves?)\W*)+$", _I)
# A groan said as a clause of its own ("Urgh, the average tip by day, so hungry") comes off with its marks.
_GROAN_CLAUSE = re.compile(rf"(?:^|(?<=[,.!?;:]))\s*\b{_GROANS}\b(?=\s*(?:[,.!?;:]|$))[\s,.!?;:]*", _I)
# The zombie's own world: a fragment that speaks of it and asks nothing of the data is a scene.
_WORLD = re.compile(
    r"\b(?:zombies?|horde|undead|shambling|the\s+dead\s+(?:rose|rise|walk)|graves?|before\s+I\s+died"
    r"|the\s+living)\b",
    _I,
)
# "The horde (of 500 zombies) wants X" asks for X: the horde is who asks, not what is charted.
_HORDE_WANTS = re.compile(
    r"^\W*(?:the\s+|a\s+|my\s+)?horde(?:\s+of\s+[\d,]+(?:\s+\w+)?\s+zombies)?\s+(?:wants|needs|craves|demands)"
    r"(?:\s+to\s+see)?\s+",
    _I,
)
_LIVING_COUNTED = re.compile(r"\bhow\s+many\s+(?:of\s+)?the\s+living\b", _I)
_LIVING_NUMBER = re.compile(r"\bthe\s+number\s+of\s+the\s+living\b", _I)
# "The last thing I remember is 1982": a memory, no period unless the request points back to it.
_MEMORY = re.compile(
    r"^\W*(?:and\s+)?the\s+last\s+thing\s+I\s+(?:remember|recall)\s+(?:is|was)\s+(?:the\s+year\s+)?"
    r"(?P<year>\d{4})\b",
    _I,
)
_THAT_YEAR = re.compile(r"\b(?:in\s+)?(?:that(?:\s+same)?|the\s+same)\s+year\b", _I)
# "must... see", "show me" alone: the request follows.
_HANDOVER = re.compile(r"^\W*(?:I\s+)?(?:must\s+see|show(?:\s+me)?|let\s+me\s+see|give\s+me)\W*$", _I)
_WORD = re.compile(r"[a-z]+", _I)
# A fragment that asks for a chart of its own after the first: "and... a separate pie... of the medals".
# "a separate line for each company" is a series of one chart, so lines and bars alone are not counted.
_ANOTHER = re.compile(
    r"\b(?:(?:an?\s+(?:separate|second|other)|another)\s+(?:pie|chart|graph|plot|histogram|scatter)"
    r"|(?:two|three|both|separate)\s+(?:charts|graphs|plots|pies))\b",
    _I,
)
# A pause after a possessive, an article, a preposition or a conjunction falls inside a phrase: no comma.
_OPEN = re.compile(
    r"(?:['\u2019]s?|\b(?:the|a|an|of|in|on|at|by|for|with|from|to|and|or|but|my|each|every|per|than))\W*$",
    _I,
)
# "day... days", "size... sizes": the whole word is said again with an ending, not cut off and finished.
_ENDINGS = {"s", "es", "'s", "ly", "ed", "er", "ers"}


def unzombie(text: str, model: SemanticModel) -> str:
    """`text` with a zombie's groans set aside around the request it carries; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    said = _STRETCHED.sub(r"\1", text)
    said = re.sub(r"\bmust\s*" + _PAUSE + r"\s*see\b", "must see", said, flags=_I)
    fragments = [_HORDE_WANTS.sub("", _GROAN_CLAUSE.sub(" ", f)) for f in _FRAGMENTS.split(said)]
    fragments = _whole_words([f for f in fragments if f.strip(" ,;:.!?")])
    fragments, year = _remembered(fragments)
    fragments = _handed_over(fragments, model)
    kept = [_counted(f, year) for f in fragments if not _patter(f)]
    if not kept:
        return text
    _refuse_charts(kept)
    read = tidy(_joined(kept).strip(" ,;:"))
    return read if read != tidy(text) else text


def _refuse_charts(fragments: list[str]) -> None:
    """Refuses a second chart asked for after the first. NotInTheData: reading the fragments as one
    request would chart one data set by the other's groups, or silently drop one of the two."""
    asked = [(i, m) for i, f in enumerate(fragments) if (m := _ANOTHER.search(f))]
    if not asked:
        return
    at, second = asked[0]
    # The first chart asked for, as the question to ask first: before the second, or after "two charts".
    before = re.sub(r"\W*\band\W*$", "", fragments[at][: second.start()], flags=_I)
    others = [f for i, f in enumerate(fragments) if i != at and not re.fullmatch(r"\W*and\W*", f, _I)]
    first = re.sub(r"^\W*and\s+", "", before.strip() or (others or fragments)[0], flags=_I).strip(" ,;:.")
    raise NotInTheData(
        f"chartq draws one chart per question, and this one asks for \u201c{second[0]}\u201d. Ask for "
        f"each chart in a question of its own, e.g. \u201c{first}\u201d."
    )


def _whole_words(fragments: list[str]) -> list[str]:
    """The fragments with a word cut off before a pause said whole: the fragment goes on in the next one."""
    out: list[str] = []
    for fragment in fragments:
        cut = re.search(r"([a-z]{2,})\W*$", out[-1], _I) if out else None
        whole = _WORD.match(fragment.lstrip(" ,;:"))
        if cut and whole and _finishes(cut[1].lower(), whole[0].lower()):
            out[-1] = f"{out[-1][: cut.start()]}{fragment.lstrip(' ,;:')}"
        else:
            out.append(fragment)
    return out


def _finishes(cut: str, whole: str) -> bool:
    """Whether `whole` finishes the word `cut` off ("popu", "population"), not only inflects it."""
    return whole.startswith(cut) and whole[len(cut) :] not in _ENDINGS | {""}


def _joined(fragments: list[str]) -> str:
    """The fragments as one sentence: a pause between phrases is a comma, one inside a phrase a space."""
    out = fragments[0].strip(" ,;:.!")
    for fragment in fragments[1:]:
        out += " " if _OPEN.search(out) else ", "
        out += fragment.strip(" ,;:.!")
    return out


def _remembered(fragments: list[str]) -> tuple[list[str], str | None]:
    """The fragments without the zombie's last memory, and the year it remembers."""
    year = None
    kept = []
    for fragment in fragments:
        memory = _MEMORY.match(fragment)
        if memory is None:
            kept.append(fragment)
            continue
        year = memory["year"]
        rest = fragment[memory.end() :].strip(" ,;:.!?")
        if rest:
            kept.append(rest)
    return kept, year


def _handed_over(fragments: list[str], model: SemanticModel) -> list[str]:
    """The fragments from "must... see" or "show" on; those before it come off unless they name a value."""
    at = next((i for i, f in enumerate(fragments) if _HANDOVER.match(f)), None)
    if at is None:
        return fragments
    values = names_of(model).values
    return [f for f in fragments[:at] if values.search(f) and not _patter(f)] + fragments[at + 1 :]


def _patter(fragment: str) -> bool:
    """Whether a fragment is a groan, or a scene of the zombie's world that counts no one."""
    if _GROAN.match(fragment):
        return True
    counted = _LIVING_COUNTED.search(fragment) or _LIVING_NUMBER.search(fragment)
    return bool(_WORLD.search(fragment)) and not counted


def _counted(fragment: str, year: str | None) -> str:
    """The fragment with the living counted as people and "that year" as the year remembered."""
    fragment = _LIVING_COUNTED.sub("how many people", fragment)
    fragment = _LIVING_NUMBER.sub("the population", fragment)
    if year is not None:
        fragment = _THAT_YEAR.sub(f"in {year}", fragment)
    return fragment
