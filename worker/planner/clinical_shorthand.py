"""A clinician's shorthand ("Pt: Brazil. Hx of life expectancy", "w/o smokers") spelt as plain English.

Read only in text that names its patient ("Pt: ...", "Pts: ...", "the gapminder pts"), where it reads
"the pt's", "hx", "Rx:", "c/o", "s/p", "stat", "Check-up", "Triage:", "Symptoms:", "Presenting:":
- "Pt: X." names the chart's subject: a value of the data ("Pt: Brazil", "Pts: Google and Microsoft") is
  kept before the request as its filter and "the pt's" / "the pts'" are that value's; a dataset ("Pt: the
  tips table", "the gapminder pts") names the data, with a survey year after it kept as the period ("Pt:
  the gapminder data, 1997 survey" is "in 1997"); every value of a group ("Pts: all six companies", "Pts:
  the three medal nations") is no filter, and "each pt", "their" are each of the group. A subject the data
  does not hold (Russia, TSLA) is refused by name: read without it, the request would chart every value.
- "Hx of M", "Hx: M", "M hx" (history) are M's trend over time.
- "Rx:", "Check-up:", "Check-up of", "Triage:" open the request; "stat" (at once) says nothing.
- "c/o ..." (complains of), "s/p ..." (status post), "Symptoms: ...", "Presenting: ..." are context, set aside
  (their arrows, "↓", are no mathematics); when the request points back to them their words are kept.
- "Baseline: the 1952 survey" makes "from baseline" 1952; "below baseline (its January 2018 level)" is
  "below its January 2018 level".
- A prognosis or a Dx (a forecast, a cause) is left as written, and "Vitals" with no measure is left for
  the readers after this one to refuse. "w/" is "with" and "w/o" "excluding".
Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unclinical"]

_I = re.IGNORECASE
# Read only where a patient is named: a refused question is retried without its first sentences
# (worker.planner.context), and "Hx of population" read after "Pt: Russia." came off would chart the world.
_CUE = re.compile(r"^\s*pts?\s*:|\bthe\s+[\w-]+\s+pts\b", _I)
# A forecast or a cause: nothing here makes it chartable, so it is left for the refusal to name.
_UNREAD = re.compile(r"\b(?:prognosis|dx)\s*:", _I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_SUBJECT = re.compile(r"^\s*pts?\s*:\s*(?P<who>.+?)\s*[.!]?\s*$", _I)
# ", s/p a rough Q4 2018" inside the subject's sentence: history, not the request's period.
_STATUS_CLAUSE = re.compile(r"\s*,\s*s/p\b[^.]*", _I)
_SURVEY = re.compile(r"\s*,\s*(?:the\s+|in\s+)?(?P<year>\d{4})\s+survey\b", _I)
_CONTEXT = re.compile(r"^\s*(?:c/o\b|s/p\b|symptoms\s*:|presenting\s*:)\s*(?P<said>.*?)[.!]?\s*$", _I)
_BASELINE_SAID = re.compile(r"^\s*baseline\s*:\s*(?:the\s+)?(?P<said>.*?)[.!]?\s*$", _I)
_YEAR = re.compile(r"\b\d{4}\b")
_BASELINE_GLOSSED = re.compile(r"\bbaseline\s*\((?P<gloss>[^()]+)\)", _I)
_BASELINE = re.compile(r"\bbaseline\b", _I)
_OPENER = re.compile(r"^\s*(?:rx|check-up|checkup|triage)\s*(?::|\bof\b)\s*", _I)
_HX_OPENER = re.compile(r"^\s*hx\s*(?::|\bof\b)\s*", _I)
_HX_OF = re.compile(r"\bhx\s+of\s+", _I)
_HX_AFTER = re.compile(r"(?<=\w)\s+hx\b", _I)
_WITH = re.compile(r"(?<!\w)w/(?!o\b)\s*", _I)
_WITHOUT = re.compile(r"(?<!\w)w/o\s+", _I)
_STAT = re.compile(r"\s*,?\s*\bstat\b(?=\s*[.!]?\s*$)", _I)
_POSSESSIVE = re.compile(r"\bthe\s+pts?(?:'s|'|\u2019s|\u2019)(?!\w)", _I)
_PATIENTS = re.compile(r"\bthe\s+pts?\b(?!['\u2019])", _I)
_DATA_PATIENTS = re.compile(r"\bthe\s+(?P<data>[\w-]+)\s+pts\b", _I)
_EACH = re.compile(r"\beach\s+pt\b", _I)
_THEIR = re.compile(r"\btheir\b", _I)
_ARROWS = re.compile(r"[\u2191\u2193\u2197\u2198]")
_NAME = re.compile(r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}")
_DATA_WORD = re.compile(r"\s+(?:table|pts|patients|data\s*set|dataset|sheet|file)$", _I)
_JOINERS = re.compile(r"\b(?:and|the)\b|[,&]", _I)
_GROUP = re.compile(r"^(?:all|every|the)\s+(?:(?:\w+|\d+)\s+){0,2}?(?P<noun>[a-z]+)$", _I)


def unclinical(text: str, model: SemanticModel) -> str:
    """`text` with a clinician's shorthand in plain words; unchanged without it or with an unknown subject."""
    if not _CUE.search(text) or _UNREAD.search(text):
        return text
    sentences = [s for s in _SENTENCE.split(text.strip()) if s]
    prefix, owner, each = "", "", ""
    if subject := _SUBJECT.match(sentences[0]):
        read = _subject(subject["who"], model)
        if read is None:
            return text
        prefix, owner, each = read
        sentences = sentences[1:]
    context: list[str] = []
    baseline = ""
    request: list[str] = []
    for sentence in sentences:
        if said := _CONTEXT.match(sentence):
            context.append(_ARROWS.sub(" ", said["said"]))
        elif (said := _BASELINE_SAID.match(sentence)) and (year := _YEAR.search(said["said"])):
            baseline = year[0]
        else:
            request.append(_request(sentence, owner, each, baseline))
    if not request:
        return text
    # "the gapminder pts": the dataset's rows are its patients.
    request = [_DATA_PATIENTS.sub(lambda m: _data_patients(m, model), r) for r in request]
    asked = " ".join(request)
    if context and (pointed := points_back(asked)):
        # "c/o low tips at lunch. Chart them by day": the complaint's words are what the request points to.
        asked = f"{' '.join(context)}: {pointed}"
    if owner and not each and owner in asked:
        # "Brazil's life expectancy": the request names its subject itself.
        prefix = ""
    return tidy(f"{prefix}: {asked}" if prefix else asked)


def _subject(who: str, model: SemanticModel) -> tuple[str, str, str] | None:
    """The subject's words before the request, its possessive for "the pt's", and its noun for "each pt"."""
    who = _STATUS_CLAUSE.sub("", who).strip()
    period = ""
    if survey := _SURVEY.search(who):
        period, who = f", in {survey['year']}", _SURVEY.sub("", who).strip()
    if (data := _dataset(who, model)) is not None:
        return f"{data}{period}", "", ""
    names = names_of(model)
    found = values_named(who, names)
    if found and not _JOINERS.sub(" ", names.values.sub(" ", who)).strip():
        own = who.removeprefix("the ").strip()
        return own + period, f"{own}'s", ""
    group = _GROUP.match(who)
    if group and group["noun"].lower() in names.label_of and not period:
        noun = group["noun"].lower()
        one = noun[:-3] + "y" if noun.endswith("ies") else noun.removesuffix("s")
        return "", f"each {one}'s", f"each {one}"
    if _NAME.fullmatch(who):
        # A patient the data lacks ("Pt: IBM"): the request read without it would chart every value.
        raise NotInTheData(
            f"chartq has no data on “{who}”, so it cannot chart it. Try e.g. “{names.fallback}”."
        )
    return None


def _dataset(who: str, model: SemanticModel) -> str | None:
    """ "the tips table", "the 2013 election", "the gapminder pts": the data named, in the data's words."""
    plain = _DATA_WORD.sub(" data", who.strip())
    bare = re.sub(r"^the\s+(?:\d{4}\s+)?", "", plain, flags=_I)
    bare = re.sub(r"\s+data$", "", bare, flags=_I).lower()
    for ds in model.datasets:
        if bare in {ds.name.lower(), *(s.lower() for s in ds.synonyms)}:
            return plain
    return None


def _data_patients(named: re.Match[str], model: SemanticModel) -> str:
    data = _dataset(f"the {named['data']} data", model)
    return data if data is not None else named[0]


def _request(sentence: str, owner: str, each: str, baseline: str) -> str:
    """One sentence of the request in plain words."""
    read = _OPENER.sub("", sentence)
    read = _HX_OPENER.sub("the trend of ", read)
    read = _HX_OF.sub("trend of ", read)
    read = _HX_AFTER.sub(" over time", read)
    read = _STAT.sub("", read)
    read = _WITHOUT.sub("excluding ", _WITH.sub("with ", read))
    read = _BASELINE_GLOSSED.sub(lambda m: m["gloss"], read)
    if baseline:
        read = _BASELINE.sub(baseline, read)
    if each:
        read = _THEIR.sub(owner, _EACH.sub(each, read))
    if owner:
        read = _POSSESSIVE.sub(owner, read)
        if not each:
            read = _PATIENTS.sub(owner.removesuffix("'s"), read)
    return read
