"""A request written as a scene of a screenplay ("INT. RESTAURANT - NIGHT", "ANALYST: ..."), read as
the line that asks.

The planner reads the question with its lines folded to one, so a screenplay arrives as "INT. DINER - NIGHT
[A cook yawns.] WAITRESS: (counting coins) A histogram of ... CUT TO:". It is read as one only where it is
written as one: a scene heading ("INT. ...", "EXT. ...", "INT./EXT. ..."), or a CAPITALISED character cue
("CHEF:") with a parenthetical ("(beat)") or a stage direction ("[She sits.]"). Then the heading, the stage
directions, the parentheticals and the transitions ("CUT TO:", "FADE OUT.") are context, and a character's
name or job asks for no column.

The first character who speaks asks for the chart; what the others say only refines it: an order or a chart
type said outright ("Most medals first.", "As bars, please.") is kept, a suggestion put as a question ("As a
pie?") only where the one who asked takes it up ("As a pie."), and a reply that adds nothing ("On it.")
adds nothing. The one who asked has the last word ("No. Bars." keeps bars). A second character asking for a
chart of their own (naming a measure or a grouping) is refused, naming both lines: charting either would
pick one silently.

The scene comes back only where the line points back to it: "right here", "this district" name the
heading's place, and "I", "me", "my" the speaker, where the speaker's name is a value of the data ("CODERRE:
My votes in every district I won" reads "Coderre's votes in every district Coderre won"). Text not
written as a screenplay is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.model_cache import per_model
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of, values_named
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unscreenplay"]

_I = re.IGNORECASE
# A character's cue: one to three capitalised words (a job, a name, "MAYOR JOLY", "SOUS-CHEF") and a colon.
_NAME = r"[A-Z][A-Z'\u2019-]*[A-Z](?:\s+[A-Z][A-Z'\u2019-]*[A-Z]){0,2}"
_CUE = re.compile(rf"(?<![\w'-])(?P<who>{_NAME})\s*:\s+")
# The scene's time of day after the heading's dash: the cue begins after it.
_TIME = (
    r"(?:(?:EARLY|LATE|ELECTION|SAME|NEXT|CONTINUOUS|MOMENTS|SOME\s+TIME)\s+)?"
    r"(?:DAY|NIGHT|DAWN|DUSK|MORNING|EVENING|AFTERNOON|NOON|MIDDAY|MIDNIGHT|SUNSET|SUNRISE|TWILIGHT|LATER|"
    r"CONTINUOUS|WINTER|SUMMER|SPRING|AUTUMN|FALL)"
)
_HEADING = re.compile(
    rf"^\s*(?:INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|I/E|INT|EXT)\.\s+(?P<place>[^\[(]*?)"
    rf"(?:\s+[-\u2013\u2014]+\s+(?:{_TIME}|[A-Z]+)\b\.?)?(?=\s+\[|\s+{_NAME}\s*:|\s*$)"
)
_TRANSITION = re.compile(
    r"(?<![\w-])(?:(?:SMASH\s+|MATCH\s+|JUMP\s+)?CUT\s+TO|DISSOLVE\s+TO|FADE\s+(?:IN|OUT|TO\s+BLACK)|"
    r"THE\s+END)\s*[:.]?(?=\s|$)"
)
_DIRECTION = re.compile(r"\[[^\]]*\]")
# A parenthetical opens a line or follows a sentence ("(beat)"); "(in millions)" mid-line is the request's.
_PARENTHETICAL = re.compile(r"(?:^|(?<=[.!?]))\s*\(\s*[a-z][^)]*\)")
_CUE_PARENTHETICAL = re.compile(r"\(\s*[a-z][^)]*\)")
# A suggestion put to the one who asked, and the answer that declines or takes it.
_ASKING = re.compile(r"\?\s*$")
_ANSWER = re.compile(r"^\s*(?:no|nope|yes|yeah|yep|sure|okay|ok)\b\s*[,.!-]*\s*", _I)
# What only refines a chart: an order, a chart type, courtesy. Anything else names a chart of its own.
_REFINING = re.compile(
    r"\b(?:(?:most|highest|biggest|largest|lowest|least|smallest|longest|shortest|richest|poorest)(?:\s+\w+)?"
    r"\s+first|as\s+(?:an?\s+)?(?:bars?|lines?|pie|scatter|histogram|table)(?:\s+chart)?|bars?|lines?|pie|"
    r"please|in\s+that\s+order|sorted)\b",
    _I,
)
# A reply that only acknowledges ("On it.", "Right away, boss."): it adds nothing.
_ACKNOWLEDGED = re.compile(
    r"^\W*(?:(?:on\s+it|right\s+away|will\s+do|got\s+it|coming\s+(?:right\s+)?up|sure(?:\s+thing)?|okay|ok|"
    r"yes|understood|of\s+course|consider\s+it\s+done)(?:\s*,?\s*\w+)?[\s.!]*)+$",
    _I,
)
_NOTHING = re.compile(r"^[\s\W]*$")
# "right here in this district", "in this district", "right here": the heading's place.
_NOUN = r"(?:district|riding|neighbourhood|neighborhood|borough|country|nation|continent|place|city|town)"
_HERE = re.compile(
    rf"\b(?:(?:right\s+)?here\s+(?:in|at)\s+this\s+{_NOUN}|(?:in|at|for)\s+this\s+{_NOUN}|right\s+here)\b", _I
)
_THIS = re.compile(rf"\bthis\s+{_NOUN}\b", _I)
# The speaker's own "I won", "my votes", "for me".
_MY = re.compile(r"\bmy\b", _I)
_I_DID = re.compile(r"\bI(?=\s+(?:won|lost|took|got|carried|led)\b)")


def unscreenplay(text: str, model: SemanticModel) -> str:
    """`text` as its requesting character's line; unchanged when it is not written as a screenplay."""
    heading = _HEADING.match(text)
    first_cue = _CUE.search(text, heading.end() if heading is not None else 0)
    if first_cue is None:
        return text
    scene = text[: first_cue.start()] if heading is None else text[heading.end() : first_cue.start()]
    if heading is None and not (_DIRECTION.search(scene) or _CUE_PARENTHETICAL.match(text, first_cue.end())):
        return text
    if heading is None and not _NOTHING.match(_DIRECTION.sub(" ", scene)):
        # Words before the first cue that are no heading or stage direction: not a screenplay.
        return text
    lines = _lines(text[first_cue.start() :])
    if not lines:
        return text
    asker, request = lines[0]
    said = [request]
    for who, line in lines[1:]:
        if who == asker:
            answer = _ANSWER.sub("", line)
            if not _NOTHING.match(answer):
                said.append(answer)
        elif _ASKING.search(line):
            # A suggestion counts only where the one who asked takes it up, in a line of their own.
            continue
        elif _ACKNOWLEDGED.match(line):
            continue
        elif not _NOTHING.match(_REFINING.sub(" ", _ANSWER.sub("", line))):
            # NotInTheData: no reading that sets a line aside as context may choose between them.
            raise NotInTheData(
                with_example(
                    f"Two characters ask for different charts here ({asker}: “{request}” and {who}: "
                    f"“{line}”), and chartq would have to pick one",
                    request,
                    model,
                )
            )
        else:
            said.append(line)
    place = heading["place"] if heading is not None else ""
    return tidy(_pointed(" ".join(said), asker, place, model))


def _lines(play: str) -> list[tuple[str, str]]:
    """Each character's line, without parentheticals, stage directions and transitions."""
    play = _TRANSITION.sub(" ", _DIRECTION.sub(" ", play))
    cues = list(_CUE.finditer(play))
    lines: list[tuple[str, str]] = []
    for cue, after in zip(cues, [*cues[1:], None], strict=True):
        line = play[cue.end() : after.start() if after is not None else len(play)]
        line = re.sub(r"\s+", " ", _PARENTHETICAL.sub(" ", line)).strip()
        # A vocative naming another character ("Dinner only, chef?") is no part of the request.
        for other in {c["who"] for c in cues}:
            line = re.sub(rf",\s*{re.escape(other)}\b(?=\s*[.?!]|\s*$)", "", line, flags=_I)
        if not _NOTHING.match(line):
            lines.append((cue["who"], line))
    return lines


def _pointed(request: str, speaker: str, place: str, model: SemanticModel) -> str:
    """`request` with "here" as the heading's place and "I", "my" as the speaker, where it points back."""
    names = names_of(model)
    # With no heading there is no place to point back to: the words stay for the readers after this one.
    if place and (_HERE.search(request) or _THIS.search(request)):
        found = list(dict.fromkeys(_places_by_name(model)[p.lower()] for p in _places(model).findall(place)))
        if not found:
            # Setting the place aside would chart everywhere while the line asks about one place.
            raise NotInTheData(
                with_example(
                    f"The line points back to the scene's place, “{place.strip().title()}”, which chartq "
                    "cannot find in the data",
                    request,
                    model,
                )
            )
        where = " and ".join(found)
        request = _THIS.sub(where, _HERE.sub(f"in {where}", request))
    who = values_named(speaker.title(), names)
    if who:
        name = who[-1]
        request = _MY.sub(f"{name}'s", request)
        request = _I_DID.sub(name, request)
    return request


@per_model
def _places_by_name(model: SemanticModel) -> dict[str, str]:
    """Each category value by its name, and by its name without its number ("Mile-End" for "111-Mile-End",
    as the planner reads it) where no other value shares that name: a heading names a place so."""
    found: dict[str, str] = {}
    short: dict[str, list[str]] = {}
    for ds in model.datasets:
        for d in ds.dimensions:
            if d.type != "category" or not d.match_values:
                continue
            for v in map(str, d.values):
                found[v.lower()] = v
                if m := re.fullmatch(r"\d+[-\s]+(\D.{2,})", v):
                    short.setdefault(m[1].lower(), []).append(v)
    return found | {k: v[0] for k, v in short.items() if len(v) == 1 and k not in found}


@per_model
def _places(model: SemanticModel) -> re.Pattern[str]:
    names = sorted(_places_by_name(model), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w-])", _I)
