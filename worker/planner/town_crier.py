"""A medieval herald's proclamation set aside around the one request it carries. Read only in a question
that speaks it (a marker below: "hear ye", "oyez", "by order of the King / Queen / Crown / Royal Court",
"let it be known / proclaimed / decreed", "proclaim(ed)", "decree", "His / Her Majesty", "God save the",
"the year of our Lord", "the Royal Court", "herald", "town crier", "Article the First"), so any other
question reads exactly as before:
- the crier's calls name nothing and come off: "Hear ye(, hear ye)!", "Oyez!", "God save the King!", "By
  order of the King,", "Let it be known / proclaimed (throughout the realm)(, and proclaimed thrice)( that
  ...):", "Let them be proclaimed,", "The Royal Court desires", "thrice" and "in the market square" (how
  often and where the crier calls: never a limit);
- "proclaim X" and "proclaimed as bars" ask for X and for bars; "in the year of our Lord 1992" is 1992 and
  "unto" is "to" ("from the year of our Lord 1962 unto the year of our Lord 2002");
- the realm is the herald's world, never a country or a nation: "throughout / of the realm" comes off and
  "the realm of X" is X (the archaic reader, run before this one, has spelt it "the nation", read so);
- a lead before a colon that speaks of the court ("His Majesty's treasury counts every coin:", "The Royal
  Court honours the gold of the Crown, but this decree concerns the bronze:", "From the Royal Gardens:")
  is a scene: a value, measure or chart it names is not asked unless the request names it again; so is
  a sentence of the court beside the request ("His Majesty dines tonight with four and twenty lords.",
  "A decree in three articles.");
- a decree's numbered articles ("Article the First: the tips data. Article the Second: dinner only.
  Article the Third: ...") are ordered steps of one chart, joined by steps.unstep; the article's number is
  a label and no limit. Articles that each ask for a chart of their own are refused.
A choice the court "shall decide later" is refused, and what the data lacks (the treasury's taxes, a
turnout) is left in the request to be refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.chart_count import joined_steps, refuse_chart_steps
from worker.planner.errors import NotInTheData
from worker.planner.refusals import suggest
from worker.planner.steps import unstep
from worker.planner.story_scenes import tidy
from worker.semantic import Measure, SemanticModel

__all__ = ["uncry"]

_I = re.IGNORECASE
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_ROYAL = r"(?:king|queen|crown|royal\s+court|court|majesty|throne)"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    r"\b(?:hear\s+ye|oyez|by\s+(?:royal\s+)?(?:order|decree|command)\s+of\s+(?:the|his|her)\s+\w+"
    r"|let\s+(?:it|them)\s+be\s+(?:known|proclaimed|decreed)|proclaim\w*|decree\w*|(?:his|her)\s+majesty"
    r"|god\s+save\s+the|year\s+of\s+our\s+lord|royal\s+court|town\s+crier|heralds?|article\s+the\s+first"
    r"|(?:throughout|of|across)\s+the\s+realm)\b",
    _I,
)
# A sentence or lead of the court's world: it speaks of no data. The archaic reader (run before this one)
# spells "the realm" as "the nation": "the nation", singular and with no name, is the realm too.
_REALM_WORD = r"(?:realm|nation(?!['\u2019]s))"
_COURT = re.compile(
    r"\b(?:kings?|queens?|crown|royal|court|majesty(?:['\u2019]s)?|the\s+realm|lords?|knights?|heralds?|decree|"
    r"treasury|subjects|castle|throne|thrice|market\s+square|hear\s+ye|oyez|god\s+save|proclaimed)\b"
    r"|\b(?:throughout|of|across|in)\s+(?:all\s+)?the\s+nation\b(?!['\u2019]s)",
    _I,
)
# "(in) the year of our Lord 1992" is 1992 and "unto" is "to" (where the archaic reader has not read them).
_YEAR = re.compile(r"\b(?:the\s+)?year\s+of\s+our\s+lord\s+(?P<y>\d{3,4})\b", _I)
_UNTO = re.compile(r"\bunto\b", _I)
# The realm names no country: "the realm of Great Britain" is Great Britain.
_REALM_OF = re.compile(rf"\bthe\s+{_REALM_WORD}\s+of\s+(?=[A-Z])")
_REALM = re.compile(rf"\s*\b(?:throughout|of|across|in)\s+(?:all\s+)?the\s+{_REALM_WORD}\b", _I)
# Calls that name nothing, wherever they stand.
_CALLS = re.compile(
    r"\b(?:hear\s+ye|oyez)(?:\s*,\s*(?:hear\s+ye|oyez))*\s*[!.,]*|\bgod\s+save\s+the\s+(?:king|queen)\s*[!.]*"
    rf"|\bby\s+(?:royal\s+)?(?:order|decree|command)\s+of\s+(?:the|his|her)\s+{_ROYAL}\s*[,:;!.]?"
    r"|\blet\s+(?:it|them)\s+be\s+(?:known|proclaimed|decreed)(?:\s*,?\s*and\s+proclaimed)?\s*(?:that\s+)?[,:]?"
    r"|\b(?:the\s+)?(?:royal\s+court|king|queen|crown)\s+(?:desires|commands|requests|demands)\s+"
    r"|\s*,?\s*\bthrice\b(?:\s+in\s+the\s+market\s+square)?",
    _I,
)
# "Let it be known throughout the realm that ...: the request": the whole lead is the crier's.
_KNOWN_LEAD = re.compile(r"\blet\s+(?:it|them)\s+be\s+(?:known|proclaimed|decreed)\b[^.!?:]*:\s*", _I)
_PROCLAIMED_AS = re.compile(r"\b(?:proclaimed|proclaim\s+it)\s+(?=as\s+)", _I)
_PROCLAIM = re.compile(r"\bproclaim\b", _I)
# "The Royal Court shall decide later whether it be the north wind or the south wind": a choice left open.
_LATER = re.compile(
    r"\b(?:shall|will|is\s+to|are\s+to)\s+(?:decide|choose|determine|judge)\b[^.!?:]*?\bwhether\b(?P<c>[^.!?:]*)",
    _I,
)
_EITHER = re.compile(r"\s*\b(?:for|of|in)\s+(?:one|either|any)\s+of\s+(?:them|the\s+two|those)\b", _I)
_OPTIONS = re.compile(r"^\s*(?:it\s+be|they\s+be|to\s+\w+)\s+", _I)
_ARTICLE = re.compile(
    r"(?:^|(?<=[\s.!?;]))article\s+(?:the\s+)?(?:(?P<o>" + "|".join(_ORDINALS) + r")|(?P<n>\d{1,2}))"
    r"\s*[:,.)-]\s*",
    _I,
)
# An article that asks for a chart of its own: "a separate chart of ...", "another pie".
_A_CHART = re.compile(
    r"\b(?:(?:an?|one|another|separate|second)\s+(?:(?:separate|new|second|other)\s+)?(?:pie|line|bar|histogram|"
    r"scatter|area|donut|chart|graph|plot)|as\s+(?:an?\s+)?(?:pie|line|bar|histogram|scatter|area|donut))s?\b",
    _I,
)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"'])")
_EMPTY = re.compile(r"^[\s,:;.!?\u2013\u2014'\"-]*$")


def uncry(text: str, model: SemanticModel) -> str:
    """`text` with a herald's proclamation set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    _refuse_choice_left_open(text, model)
    read = _UNTO.sub("to", _YEAR.sub(r"\g<y>", text))
    sentences = [_request_of(s) for s in _SENTENCE.split(read.strip())]
    sentences = [s for s in sentences if not _EMPTY.match(s)]
    kept = [s for s in sentences if not _COURT.search(s)] or sentences[-1:]
    said = " ".join(kept)
    articles = _articles(said)
    if articles is not None:
        refuse_chart_steps(articles, _A_CHART, "this decree asks for", "Proclaim each on its own")
        joined = unstep(articles, model)
        said = joined if joined != articles else joined_steps(articles)
    said = tidy(said)
    return said if said.strip(" .!?:;,-") and said != tidy(text) else text


def _request_of(sentence: str) -> str:
    """One sentence with the crier's calls, a lead of the court's world and the realm off."""
    said = _CALLS.sub(" ", _KNOWN_LEAD.sub(" ", sentence)).strip(" ,;")
    said = _REALM.sub("", _REALM_OF.sub("", _unlead(_PROCLAIMED_AS.sub("", said))))
    return _PROCLAIM.sub(lambda m: "Show" if m[0][0].isupper() else "show", said).strip()


def _unlead(sentence: str) -> str:
    """The sentence without a lead of the court's world before its colon ("His Majesty's treasury counts
    every coin: the tips ..."): the lead is a scene, and what it names is not asked."""
    lead, colon, request = sentence.partition(":")
    # "Proclaim the turnout of the realm: ..." asks: its lead is the request's.
    if colon and request.strip() and _COURT.search(lead) and not _PROCLAIM.match(lead):
        return request.strip()
    return sentence


def _refuse_choice_left_open(text: str, model: SemanticModel) -> None:
    """Refuses a choice the court leaves for later, with a question that works. NotInTheData: charting
    either would answer a question the decree has not yet asked."""
    m = _LATER.search(text)
    if m is None:
        return
    options = _OPTIONS.sub("", m["c"]).strip(" ,")
    request = _EITHER.sub("", text[m.end() :]).strip(" :.!?")
    ds = next((ds for ds in model.datasets for ms in ds.measures if _names(request, ms)), None)
    example = f" e.g. \u201c{request} for {options.split(' or ')[0]}\u201d." if ds is not None else ""
    raise NotInTheData(
        f"The decree leaves a choice for later (whether {options}), and chartq charts a choice made: ask "
        f"for one of them by name,{example or ' in the request.'}{f' {suggest(ds)}' if ds else ''}"
    )


def _names(request: str, measure: Measure) -> bool:
    words = [measure.name, measure.label, *measure.synonyms]
    return any(re.search(rf"\b{re.escape(w)}\b", request, _I) for w in words)


def _articles(text: str) -> str | None:
    """The articles as "Step 1: ... Step 2: ..." when two or more are numbered in order from the text's
    start ("Article the First: ... Article the Second: ..."); None otherwise."""
    marks = list(_ARTICLE.finditer(text))
    if len(marks) < 2 or text[: marks[0].start()].strip(" .!?:;,-"):
        return None
    for i, m in enumerate(marks):
        said = m["o"].lower() if m["o"] else m["n"]
        if said not in (_ORDINALS[i], str(i + 1)):
            return None
    out = text
    for i, m in reversed(list(enumerate(marks))):
        out = f"{out[: m.start()]}Step {i + 1}: {out[m.end() :]}"
    return out.strip(" ,;:")
