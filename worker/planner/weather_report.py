"""A TV weather forecaster's patter set aside around the request it frames. Read only in a question that
speaks it (a segment's name, the studio, or weather imagery at the head of a sentence, below), so any
other question reads exactly as before:
- greetings and sign-offs are dropped: "Good evening(, | . | !)", "Good evening and welcome to the weather
  desk.", "Back to you in the studio.", "Back to you, Jim.", "..., and now back to you in the studio!",
  "That's the weather.", "Stay dry out there.", "Before the weather, the election:";
- the segment's name, up to its colon, is context: "Here's your outlook (for Apple / across the globe / on
  the wind data / from the restaurant)(, looking back):", "Here's your long-range look back:", "Tonight's
  chart is ...", "Tonight I'd like ..." ("outlook" and "look back" name the segment, never a period);
- weather imagery is context, as a lead up to its colon or as a sentence of its own: "A band of high
  pressure moving in over Europe:", "Scattered showers (of numbers) tonight, folks:", "A cold front settling
  over Montreal:", "Clear skies over the restaurant tonight:", "Warm and humid at the restaurant tonight:",
  "A mild evening across the flower beds:", "A stormy stretch on the stock market:", "A brisk north-westerly
  picking up tonight.", "Scattered showers late.", "Clear skies ahead." A wind named in the imagery is no
  direction of the wind data, "tonight" is no meal and "over Europe" no continent: only the request's own
  words are planned ("the 6 richest European countries" is Europe by "European");
- a value the lead names comes back only where the request points back to it: "its" / "their" name it
  ("Here's your outlook for Apple: its weekly share price" is "Apple's weekly share price"), as do "them"
  and "that year" (story_scenes.points_back); "the tips data" named in the lead stays the data asked about;
- "(with) the bands kept in their order" is "bands in order".
The wind data's own words (wind, direction, strength band, frequency) are data, not patter. A forecast
asked for in the segment's name or the request ("Here's your outlook for tomorrow night:", "as it will be",
"next week", "the coming days", "forecast") is refused here by name (imagery alone, "Clear skies tomorrow.",
is context); weather the data lacks (rainfall, air pressure, gust speed, temperature, sunny or rainy days)
is never patter inside a request and is refused by name downstream, with the patter already off. Text not
recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.owners import example_for
from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unforecast"]

_I = re.IGNORECASE
_COMPASS = r"(?:north|south|east|west)(?:[\s-]?(?:east|west))?"
# Weather said as imagery: never a word of the wind data's own ("wind", "direction", "frequency").
_SKY = (
    r"(?:(?:scattered|heavy|light|passing|april)\s+showers|showers\s+(?:late|later|of\b)|"
    r"(?:band|area|ridge|zone)\s+of\s+(?:high|low)\s+pressure|(?:high|low)[\s-]pressure\s+system|"
    r"(?:cold|warm|weather)\s+front|(?:clear|blue|grey|gray|sunny|cloudy|stormy)\s+skies|"
    r"sunny\s+spells|warm\s+and\s+(?:humid|muggy|sunny|dry)|mild\s+(?:evening|night|morning|day|spell)|"
    r"stormy\s+(?:stretch|spell|weather|night)|(?:heat\s*wave|cold\s+snap|morning\s+fog|patchy\s+fog)|"
    rf"(?:brisk|stiff|gentle|light|strong)\s+{_COMPASS}erly|thunderstorms?\s+(?:rolling|brewing))"
)
# What makes a question a forecaster's: nothing below is read in a question without one of these.
_MARKER = re.compile(
    r"\bhere(?:'s|\u2019s|\s+is)\s+(?:your|the)\s+(?:[\w-]+\s+){0,2}?(?:outlook|look\s+back)\b|"
    r"\bweather\s+desk\b|\bbefore\s+the\s+weather\b|^\W*tonight\s*,?\s+i(?:'d|\u2019d|\s+would)\s+like\b|"
    r"\bback\s+to\s+you\b|\bin\s+the\s+studio\b|\btonight(?:'s|\u2019s)\s+chart\b|"
    rf"\b{_SKY}",
    _I,
)
# A forecast of what the data cannot know: its words stay for the refusal to name.
_FUTURE = re.compile(
    r"\b(?:tomorrow|(?:will|\u2019ll|'ll)\s+be|next\s+(?:week|month|year|season|\w+day)|"
    r"(?:the\s+)?coming\s+(?:days?|weeks?|months?|years?)|(?:week|weekend|days?|month|year)\s+ahead|"
    r"forecast\w*|predict\w*)\b",
    _I,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c])")
_GREETING = re.compile(
    r"^\W*(?:good\s+(?:evening|morning|afternoon)|hello|hi)\b(?:\s+(?:everyone|folks|all))?"
    r"(?:\s+and\s+welcome\s+(?:back\s+)?to\s+the\s+weather(?:\s+desk|\s+centre|\s+center)?)?\s*[,.!:;-]*\s*",
    _I,
)
_SIGN_OFF = re.compile(
    r"^\W*(?:(?:and\s+)?(?:now\s+)?back\s+to\s+you\b|"
    r"that(?:'s|\u2019s)\s+(?:the|your)\s+(?:weather|outlook)\b|"
    r"stay\s+(?:dry|warm|safe|cool)\b|have\s+a\s+(?:great|good|lovely)\s+(?:evening|night)\b|"
    rf"(?:an?\s+|the\s+)?{_SKY}\b)[^:]*$",
    _I,
)
# The segment's name or a weather lead, up to its colon.
_LEAD = re.compile(
    r"^\s*(?P<lead>(?:here(?:'s|\u2019s|\s+is)\s+(?:your|the)\b|(?:an?\s+|the\s+)?" + _SKY + r")[^:]{0,120}?)"
    r"\s*:\s*(?P<request>\S.*)$",
    _I | re.DOTALL,
)
_TONIGHT = re.compile(
    r"^\W*(?:before\s+the\s+weather\s*,\s*|tonight\s*,?\s+(?=i\b)|"
    r"tonight(?:'s|\u2019s)\s+(?:chart|graph|picture|map)\s+(?:is|shows)\s+)",
    _I,
)
# "..., back to you in the studio." said at the end of the request itself.
_HANDED_BACK = re.compile(
    r"\s*[,;-]\s*(?:and\s+)?(?:now\s+)?back\s+to\s+you(?:\s+in\s+the\s+studio|\s*,\s*[A-Z]\w*)?(?=[.!]*\s*$)",
    _I,
)
_FOLKS = re.compile(r",?\s*\b(?:folks|everyone|viewers)\b\s*(?=[:,.!])", _I)
_KEPT = re.compile(
    r"\b(?:with\s+)?the\s+(?P<what>\w+)\s+kept\s+in\s+(?:their|its)\s+(?=(?:\w+\s+)?order\b)", _I
)
_DATA = re.compile(r"\b(?:the\s+)?(?P<name>(?!(?:the|this|that|your|our|my)\b)\w+)\s+data(?:set)?\b", _I)
_HERE = re.compile(r"^\W*here(?:'s|\u2019s|\s+is)\s+(?:your|the)\b", _I)
_SKIES = re.compile(_SKY, _I)
_ITS = re.compile(r"\b(?:its|their)\b(?=\s+\w)", _I)


def unforecast(text: str, model: SemanticModel) -> str:
    """`text` with a weather report's patter set aside as context; other text is unchanged."""
    if not _MARKER.search(text):
        return text
    sentences = [s for s in _SENTENCE.split(text.strip()) if s]
    # Greetings and sign-offs come off whatever the report asks, so a refusal names what matters.
    kept = [
        g for s in sentences if (g := _GREETING.sub("", _HANDED_BACK.sub("", s))) and not _SIGN_OFF.search(g)
    ]
    if not kept:
        return text
    asked = " ".join(
        s if (said := _LEAD.match(s)) is None or _HERE.match(s) else said["request"] for s in kept
    )
    future = _FUTURE.search(asked)
    if future is not None:
        # "Here's your outlook for tomorrow night: ...": weather still to come, which no data holds.
        raise NotInTheData(
            f"\u201c{future[0]}\u201d asks about what is still to come, and chartq makes no forecasts: it "
            f"charts only what the data already holds. {example_for(asked, model)}"
        )
    # "Here's your outlook: a brisk north-westerly picking up tonight.": imagery left once the lead is off.
    read = [r for s in kept if not _SIGN_OFF.search(r := _read(s, model))]
    return tidy(" ".join(read)) if read else text


def _read(sentence: str, model: SemanticModel) -> str:
    """One sentence without its segment name or weather lead, and with the lead's values pointed back to."""
    sentence = _KEPT.sub(r"\g<what> in ", _FOLKS.sub("", _TONIGHT.sub("", sentence)))
    said = _LEAD.match(sentence)
    if said is None:
        return sentence
    lead, request = said["lead"], said["request"]
    data = _DATA.search(lead)
    if data is not None and not _DATA.search(request):
        request = f"On the {data['name']} data, {request}"
    names = names_of(model)
    # "Here's" is no south wind, nor is "a brisk south-westerly": the lead's values are its own words.
    named = values_named(_SKIES.sub(" ", _HERE.sub(" ", lead)), names)
    if not named or {v.lower() for v in named} & {v.lower() for v in values_named(request, names)}:
        return request
    if _ITS.search(request):
        return _ITS.sub(f"{' and '.join(named)}'s", request, count=1)
    pointed = points_back(request)
    return f"{' and '.join(named)}: {pointed}" if pointed else request
