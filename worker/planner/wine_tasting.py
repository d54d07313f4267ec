"""A sommelier's tasting notes, set aside around the chart request they describe. Read only in a question
that speaks them (a marker below: "vintage", "sommelier", "full-bodied", "bouquet", "tannic", "decant",
"let it breathe", "on the nose / palate / finish", "a long / elegant ... finish", "notes of", "a hint of",
"pairs (beautifully) with", "a flight of", "served chilled", "cellar", "the 2007, an excellent year",
"usually served as a pie, tonight it comes as bars"), so any other question reads exactly as before:
- a lead before a colon that tastes ("A bold vintage from the cellar, full-bodied with notes of oak:",
  "Decant the data and let it breathe:", "A flight of three glasses for the table:", "Canada, a crisp
  vintage:") is context and comes off: a flight's count is no limit, a vintage's year is no period and a
  value it names is no filter, unless the request points back to it ("The 2007, an excellent year: ...
  that year" is "in 2007"; "A flight of Amazon and Netflix: their prices" keeps the two); two vintages
  pointed back to ("the 1992 or the 1997: ... in that year") leave the question as it is, to be refused;
- a sentence or phrase of tasting words alone ("A long, elegant finish.", "Dry, with a hint of pepper.",
  "Light and sweet on the finish.", ", full-bodied and warm") adds nothing: "dry", "sweet" and "light"
  name no value;
- "M1 pairs (beautifully) with M2", both measures of the data and the chart named, is "M1 against M2" (in
  the order written, "one against the other" pointing back to it); a pairing with a dish or a meal ("pairs
  with a Saturday dinner") is context and sets no filter;
- "usually served as a pie, tonight it comes as bars" asks for the second chart (bars), unless the
  request names another; the habit alone ("Usually served as a pie, the tips ...") asks for no chart;
- "pour me" / "serve me" is "show me".
Wine ratings, fragrance and other things the data lacks are left as they are (and refused downstream).
Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import Names, names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unwine"]

_I = re.IGNORECASE
_CHART = r"(?:pie|line|bar|histogram|scatter(?:\s*plot)?|donut|doughnut)"
_A_CHART = rf"(?:an?\s+)?{_CHART}s?(?:\s+charts?)?"
_HABIT = r"(?:usually|normally|often|always|traditionally|typically)\s+served\s+as"
# "Usually served as a pie, tonight it comes as bars": the chart is tonight's.
_SERVED = re.compile(
    rf"\b{_HABIT}\s+{_A_CHART}\s*,?\s*"
    r"(?:but\s+)?(?:tonight|today|this\s+(?:time|evening))\s*,?\s*(?:it\s+(?:comes|arrives)|it(?:'s|\u2019s|\s+is)"
    rf"\s+(?:served|poured)|(?:we|I)(?:'ll|\u2019ll|\s+will)?\s+(?:serve|pour)\s+it)\s+as\s+(?:an?\s+)?(?P<now>{_CHART})s?(?:\s+charts?)?",
    _I,
)
# The habit alone ("Usually served as a pie, the tips ...") is how it is served on other nights.
_USUALLY = re.compile(rf"\b{_HABIT}\s+{_A_CHART}\s*[,;:]?\s*", _I)
_GOOD_YEAR = (
    r"the\s+\d{4}\s*,\s*an?\s+(?:excellent|great|fine|superb|outstanding|exceptional|good|classic)\s+year"
)
# What marks the voice: nothing below is read in a question without one.
_MARK = re.compile(
    r"\b(?:vintages?|sommelier|(?:full|medium|light)-bodied|bouquet|tannic|tannins?|decant(?:ed)?"
    r"|let\s+it\s+breathe|on\s+the\s+(?:nose|palate|finish)|(?:long|short|lingering|elegant|clean|dry|sweet"
    r"|smooth|silky)\s+finish|notes?\s+of|hints?\s+of|pairs?\s+(?:(?:\w+ly|well)\s+)?with|flights?\s+of"
    rf"|served\s+chilled|cellars?|{_GOOD_YEAR}|{_HABIT})\b",
    _I,
)
# A lead that tastes: a marker, or the glass and the pour around it.
_TASTES = re.compile(
    rf"{_MARK.pattern}|\b(?:wines?|glass(?:es)?|pour\w*|bottles?|sip|tast\w+|swirl|uncork\w*|nose|palate|finish)\b",
    _I,
)
_PAIRS = re.compile(
    r"^\s*(?P<a>[\w\s'-]+?)\s+pairs?\s+(?:(?:\w+ly|well)\s+)?with\s+(?P<b>[\w\s'-]+?)\s*$", _I
)
_OTHER = re.compile(
    r"\b(?:(?:the\s+)?one|each)\s+against\s+(?:the\s+other|another)\b|\bagainst\s+each\s+other\b", _I
)
# Flavours after "notes of" and the like are any words: a cherry or a violet names nothing of the data.
_FLAVOURS = re.compile(
    r"\b(?:(?:notes?|hints?|aromas?|touch|whiff|scents?)\s+of|(?:a\s+)?flights?\s+of)"
    r"(?:\s+(?:and\s+)?[\w'-]+){1,4}\s*$",
    _I,
)
_VOCAB_LINES = (
    """a an the and or with of on at in its it this one very quite so but yet just all no nor not to too
    bold full-bodied medium-bodied light-bodied light dry sweet crisp robust tannic elegant delicate long
    short lingering smooth silky velvety rich round fresh fruity floral oaky spicy earthy jammy buttery
    mineral bright soft warm young mature complex balanced sparkling chilled served sweetness dryness
    acidity finish nose palate bouquet body tannins wine vintage glass glasses cellar decant decanted breathe
    lovely beautiful beautifully excellent wonderful nice hint touch notes note aroma aromas memorable
    remember cold cool clean vibrant lively zesty juicy ripe dark deep intense generous opulent lush firm
    structured supple harmonious nutty toasty savoury savory herbal grassy peppery""",
)
# A phrase made only of these words is a tasting note.
_VOCAB = frozenset(w for line in _VOCAB_LINES for w in line.split())
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LEAD = re.compile(r":\s+")
_PIECE = re.compile(r"(?P<piece>[^,;:.!?]*?)(?P<end>\s+[-\u2013\u2014]+\s+|[,;:.!?]+|$)")
# A glass poured is a chart shown.
_POUR = re.compile(r"\b(?:pour|serve)\s+me\b", _I)
_WORD = re.compile(r"[\w'-]+")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_THAT_YEAR = re.compile(r"\b(?:(?:in|for|of|during)\s+)?(?:that|this|the\s+same)\s+(?:year|vintage)\b", _I)
_NAMES_CHART = re.compile(rf"\b{_CHART}s?\b", _I)


def unwine(text: str, model: SemanticModel) -> str:
    """`text` with a sommelier's tasting notes set aside; other text is unchanged."""
    if not _MARK.search(text):
        return text
    served = [m["now"].lower() for m in _SERVED.finditer(text)]
    read = _USUALLY.sub(" ", _SERVED.sub(" ", text))
    names = names_of(model)
    request = _unlead(read, names)
    if request is None:
        return text
    read = " ".join(p for p in (_untaste(s) for s in _SENTENCE.split(_POUR.sub("show me", request))) if p)
    if not read.strip(" ?!.,;:'\"-"):
        # Nothing but tasting notes: left whole, so its refusal names its words.
        return text
    if served and not _NAMES_CHART.search(read):
        read = f"{read.rstrip()} As {'bars' if served[-1] == 'bar' else 'a ' + served[-1]}."
    return tidy(read) if read != text else text


def _unlead(text: str, names: Names) -> str | None:
    """The request after the leads that taste; None where it points back to two vintages."""
    parts = _LEAD.split(text.strip())
    request = parts[-1]
    kept: list[str] = []
    dropped: list[str] = []
    for lead in (p for p in parts[:-1] if p.strip(" ,;-")):
        paired = _paired(lead, text, names)
        if paired:
            request = _OTHER.sub(paired, request) if _OTHER.search(request) else f"{paired}, {request}"
        elif _TASTES.search(lead) and _untaste(request) and not _asks(lead, request, names):
            dropped.append(lead)
        else:
            kept.append(lead)
    return _pointed(": ".join([*kept, request]), " ".join(dropped), names)


def _asks(lead: str, request: str, names: Names) -> bool:
    """Whether the lead is itself the request ("Pour me the average tip: Sundays only")."""
    return bool(names.measures.search(lead)) and not names.measures.search(request)


def _paired(lead: str, text: str, names: Names) -> str:
    """ "M1 pairs with M2" as "M1 against M2" where both are measures and a chart is named."""
    found = _PAIRS.match(lead)
    if found is None or not _NAMES_CHART.search(text):
        return ""
    a, b = found["a"].strip(), re.sub(r"^(?:the|a)\s+", "", found["b"].strip(), flags=_I)
    if names.measures.fullmatch(a) and names.measures.fullmatch(b):
        return f"{a} against {b}"
    return ""


def _pointed(request: str, dropped: str, names: Names) -> str | None:
    """The request, with what it points back to in the dropped leads named again."""
    years = [y for y in dict.fromkeys(_YEAR.findall(dropped)) if y not in request]
    if _THAT_YEAR.search(request) and years:
        if len(years) > 1:
            return None
        return _THAT_YEAR.sub(f"in {years[0]}", request, count=1)
    lost = [v for v in values_named(dropped, names) if v.lower() not in request.lower()]
    pointed = points_back(request) if lost else ""
    return f"{' and '.join(lost)}: {pointed}" if pointed else request


def _untaste(sentence: str) -> str:
    """The sentence without its phrases made only of tasting words."""
    kept: list[str] = []
    for found in _PIECE.finditer(sentence):
        piece, end = found["piece"], found["end"]
        if not piece.strip() and not end:
            continue
        if _tasting(piece):
            if kept and end.strip()[-1:] in {".", "!", "?"}:
                kept[-1] = kept[-1].rstrip(" ,;-") + end.strip()[-1]
            continue
        kept.append(piece + end)
    return "".join(kept).strip()


def _tasting(piece: str) -> bool:
    words = _WORD.findall(_FLAVOURS.sub(" notes ", piece).lower())
    return bool(words) and all(w in _VOCAB for w in words) and any(w not in {"a", "an", "the"} for w in words)
