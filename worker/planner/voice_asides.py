"""A voice's asides around the one request: a sentence, or a clause of one, that speaks the voice (its
own words, given by the reader) and asks nothing of the data comes off whole, so a value, number or chart
it names sets nothing. "Asks" is a question, a request's verb, a chart asked for, or a measure or grouping
of the data named. Clauses end at a spaced dash, a colon, a semicolon or ", but": "My cape catches every
breeze: the wind frequency ..." is the request after the colon, and "But first," opening what is left is
the request's start. Used by the readers of voices whose patter is said beside the request rather than
around a fixed hand-over (worker.planner.chess_commentary, worker.planner.beekeeper, worker.planner.farmer
and others), with what such readers share: the hand-over words, the request returned, the year a request
points back to ("that year") and the sentences a voice tells before its request."""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.planner.chart_count import refuse_second_chart
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of
from worker.semantic import SemanticModel

__all__ = [
    "ASKS",
    "HANDOVER",
    "SENTENCES",
    "THAT_YEAR",
    "YEAR",
    "request_read",
    "request_read_in_year",
    "untold",
    "without_asides",
    "year_pointed_back",
]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_CHART = r"(?:pie|line|bar|histogram|scatter|chart|graph|plot)s?"
# What asks: a question, a request's verb or a chart; measures and groups of the data are checked apart.
# "What a brilliant move!" exclaims.
# "which", "who", "whose", "where" and "when" ask at a sentence's or clause's start or after a verb of
# asking ("show me who"); after a noun they only say more of it ("the gentleman who smokes his pipe",
# "Montreal, where the polls closed at 8").
_ASKING_VERBS = (
    "me us and but or so then now know see tell show ask asks asked wonder wonders wondered wondering"
    " decide decides choose chooses pick picks say says guess"
)
_BEFORE_ASKING = "".join(rf"|(?<=\b{w}\s)" for w in _ASKING_VERBS.split())
_WH = rf"(?:(?<![\w,]\s)(?<![\w],)(?<!\w){_BEFORE_ASKING})(?:which|who|whose|where|when)"
ASKS = re.compile(
    rf"\?\s*$|\b(?:show|plot|draw|give|list|compare|tell|how|what(?!\s+an?\b)|{_WH}"
    rf"|let\s+me\s+see|I\s+(?:want|need|would\s+like)|I{_Q}d\s+like|needs|wants|an?\s+{_CHART}\s+of"
    rf"|as\s+(?:an?\s+)?{_CHART})\b",
    _I,
)
# A request's verbs: a clause of a voice that opens with one ("Chart the loaves I sold", "Keep the top 6") is
# the request's, whatever it names, and is never set aside as the voice's.
REQUEST_VERBS = (
    r"chart|count|name|rank|sum|graph|plot|map|sort|slice|keep|leave|leaving|break\s+down|add\s+up"
)
SENTENCES = re.compile(r"(?<=[.!?])\s+")
# The hand-over after the patter ("Now then:", "Anyway -", "Right then,"): the request's start.
HANDOVER = re.compile(
    r"^\W*(?:and\s+now|now\s+then|right\s+then|meanwhile|anyway|right|quick\s+one|now)\s*(?:[:,]|\s[-\u2013\u2014]+)"
    r"\s*(?=\S)",
    _I,
)
# A request pointing back to a year the patter told ("the votes in that very year").
# A year a voice's patter tells, for a "that year" to point back to.
YEAR = re.compile(r"\b(?:1\d{3}|20\d{2})\b")
THAT_YEAR = re.compile(r"\b(?:in\s+|during\s+|for\s+)?(?:that|this|the\s+same)\s+(?:very\s+)?year\b", _I)
# A clause ends at a spaced dash, a colon, a semicolon or ", but"; the mark is kept with the clause after.
_CLAUSES = re.compile(r"(\s+[-\u2013\u2014]+\s+|:\s+|;\s+|,\s+but\s+)")
_LEAD = re.compile(r"^(?:[\s,:;.!?\u2013\u2014-]|\b(?:and|but|so|now|then|well|just)\b(?=\W))+", _I)
_EMPTY = re.compile(r"^[\s,:;.!?\u2013\u2014'\"-]*$")
# "But first, ..." after an aside ("Checkmate in three! But first, the total tips"): the request's start,
# not a first place.
_FIRST = re.compile(r"^\W*(?:but|and|now)?\s*first(?:\s+of\s+all)?\s*,\s*", _I)


def without_asides(text: str, voice: re.Pattern[str], names: Names) -> str:
    """`text` without the sentences and clauses that match `voice` and ask nothing; `text` itself when
    nothing would be left."""
    sentences = [_sentence(s, voice, names) for s in SENTENCES.split(text.strip())]
    kept = [s for s in sentences if not _EMPTY.match(s)]
    if not kept:
        return text
    read = tidy(" ".join(kept))
    return _FIRST.sub("", read) if read != tidy(text) else text


def _sentence(sentence: str, voice: re.Pattern[str], names: Names) -> str:
    """The sentence's request, or "" when it is an aside that asks nothing."""
    if _aside(sentence, voice, names):
        return ""
    parts = _CLAUSES.split(sentence)
    # parts alternate clause, mark, clause, ...: an aside goes with the mark before it.
    out = "" if _aside(parts[0], voice, names) else parts[0]
    for mark, clause in zip(parts[1::2], parts[2::2], strict=True):
        if not _aside(clause, voice, names):
            out = f"{out}{mark}{clause}" if out else clause
    return (_LEAD.sub("", out) if out != sentence else out).strip()


def _aside(text: str, voice: re.Pattern[str], names: Names) -> bool:
    return bool(voice.search(text)) and not asks_of(text, names)


def asks_of(text: str, names: Names) -> bool:
    """Whether `text` asks (a question, a request's verb or a chart) or names a measure or group of data."""
    return bool(ASKS.search(text) or names.measures.search(text) or names.groups.search(text))


def told_by(told: re.Pattern[str], voice: re.Pattern[str], names: Names) -> Callable[[str], bool]:
    """For untold: a sentence of the voice with something `told` finds ("the price of butter") and, that
    set aside, nothing that asks."""

    def is_told(sentence: str) -> bool:
        rest = told.sub(" ", sentence)
        return rest != sentence and bool(voice.search(sentence)) and not asks_of(rest, names)

    return is_told


def request_read(text: str, read: str, model: SemanticModel) -> str:
    """`read`, the request a reader found in `text`, with a capital and held to one chart; `text` itself
    when the reader set nothing aside or left nothing of it."""
    if not read.strip(" .!?") or read == tidy(text):
        return text
    refuse_second_chart(read, model)
    return read[:1].upper() + read[1:]


def untold(text: str, told: Callable[[str], bool]) -> str:
    """`text` without the sentences `told` says the voice tells, asking nothing. The last sentence is left
    to the clauses' reading: a request follows the telling."""
    sentences = SENTENCES.split(text)
    return " ".join(s for i, s in enumerate(sentences) if i == len(sentences) - 1 or not told(s))


def year_pointed_back(request: str, told: str, year: re.Pattern[str]) -> str:
    """`request` with the last year (as `year` finds it) the patter `told` names for its "that year":
    the data's years are checked downstream. `request` as it is when it points back to none or the patter
    names no year of its own."""
    that = THAT_YEAR.search(request)
    years = [y for y in year.findall(told) if y not in request]
    if that is None or not years:
        return request
    # "from that year to 2007", "since that year": the year after its own preposition, not "in" it.
    after = re.search(r"\b(?:from|since|to|until|till|after|before|between)\s+$", request[: that.start()], _I)
    return THAT_YEAR.sub(years[-1] if after else f"in {years[-1]}", request, count=1)


def request_read_in_year(text: str, read: str, told: str, model: SemanticModel) -> str:
    """`read` as request_read gives it, with its "that year" the last year the patter `told` names; `text`
    itself when the patter names none, so that the question is left whole and refused downstream."""
    read = year_pointed_back(read, told, YEAR)
    return text if THAT_YEAR.search(read) else request_read(text, read, model)


def set_aside(
    text: str,
    model: SemanticModel,
    voice: re.Pattern[str],
    told: re.Pattern[str],
    lead_in: re.Pattern[str],
    aside: re.Pattern[str],
    points_back: re.Pattern[str] | None = None,
) -> str:
    """`text` with a trade's patter set aside around the one request it carries: the sentences it tells
    (`told`, asking nothing), a lead-in while it works, its asides (a sentence or clause with an `aside`
    word that asks nothing) and a hand-over. `text` unchanged without the trade's `voice`, when nothing was
    set aside, or when what is left opens pointing back into the patter (`points_back`: "Her votes")."""
    if not voice.search(text):
        return text
    names = names_of(model)
    said = tidy(text)
    read = lead_in.sub(" ", untold(said, told_by(told, voice, names))).strip()
    read = tidy(HANDOVER.sub("", without_asides(read, aside, names)))
    if read == said or (points_back is not None and points_back.match(read)):
        return text
    return request_read_in_year(text, read, said, model)
