"""A hard-boiled detective's narration around a request, as the request it carries. Read only in a question
that speaks it, so any other question reads exactly as before. Its markers:
- the case's stock scenery ("The rain hadn't stopped", "Somebody was lying", "The numbers knew who", "a
  dame", "Case file 14:", "Too quiet.", "legs up to here", "went down like a drunk", "cooked the books",
  "had the whole town in his pocket", "every case"), or
- a first-person past request after a past-tense scene: what the narrator (or "she", "he") pulled,
  wanted, checked, counted, needed, laid out, dug up or looked at ("It was 1952. I wanted ...").
What is read:
- the request is the first sentence of the narrator's verb ("I pulled Apple's weekly share price ...",
  "This one was China's GDP per capita ...") or of a plain request ("Show me ...", a question), and what
  follows it; a scene's "a question about tips: ..." begins the request after its colon. The sentences
  before it are the scene: weather, the city, a dame, drinks, similes and claims ("Nobody tips on a
  Thursday night") name no filter, limit or period;
- the narrator's lead before a colon ("I pulled the file on Asia for 1997: the 5 Asian countries ...") is
  the request's own: its year is the period ("In 1997: ...") and a value it names is kept ("..., in Asia")
  unless the request names it again; a lead naming nothing ("to know where it came from when it blew
  hard:") comes off;
- a detail of the scene is kept only where the request points back to it: "that year" is the scene's
  year, "he", "she" and "its", "his", "her" are the one value the scene names ("Coderre had the whole town
  in his pocket ... where he drew the fewest votes"), "those continents" the values it names ("Somebody
  was lying about Asia and Europe ... those continents"); "their" with no value named adds nothing ("Three
  nations ... their gold medals" is every nation); a pointer this reader cannot name ("Chart it for
  him", "those two districts" of unnamed ones) leaves the whole text to the readers after it;
- a request naming no measure after a scene that names one ("Somebody was lying about Russia's life
  expectancy in 1997. Show me the bars.") is the scene's claim, so what the data lacks is named;
- the narrator's chart words: "drew her the bars" and "(and) watched the line" are "as bars" and "as a
  line", "one grim line" is "as one line"; "I counted the tables" is "the number of tables"; a bill that
  "ran over $30" was over it; "the longest petal each species grew" is "for each species".
A cause, a forecast, a value the data lacks or "whichever one she meant" are left for the readers after
this one to refuse. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unnoir"]

_I = re.IGNORECASE
# The case's stock scenery: any of these makes the text a detective's narration.
_SCENERY = re.compile(
    r"(?<![\w-])(?:the\s+rain\b|rain\s+(?:hadn't|had\s+not|kept|never)|noir|gumshoe|private\s+eye|dames?(?![\w-])|"
    r"case\s+file|every\s+case\b|(?:somebody|someone|everybody|nobody)\s+(?:was|were|had)\b|"
    r"the\s+numbers\s+knew|too\s+quiet|legs\s+up\s+to|walked\s+in(?:to)?\b|cooked\s+the\s+books|"
    r"(?:the\s+)?whole\s+town|in\s+(?:his|her|their)\s+pocket|like\s+a\s+(?:drunk|saint|chimney|bad\s+debt)|"
    r"secrets|lies\b|a\s+tall\s+stranger|poured\s+(?:a|another|myself)|cigarettes?|whiske?y|bourbon|one\s+grim\s+line)",
    _I,
)
_VERB = (
    r"(?:pulled|wanted|checked|counted|needed|laid|dug|looked|lined|ran|went|asked)"
    r"(?:\s+(?:out|up|at|through|for|over))?"
)
# A sentence that opens with the narrator's request.
_NARRATOR = re.compile(
    rf"^\W*(?:(?:so|then|and|later)\s*,?\s+)?(?:I|she|he)\s+(?:had\s+)?(?P<verb>{_VERB})\s+"
    r"|^\W*this\s+one\s+(?:was|is)\s+",
    _I,
)
_PAST = re.compile(r"\b(?:was|were|had|hadn't|knew|said|\w{2,}ed)\b", _I)
_CHART_TALK = re.compile(r"\b(?:charts?|graphs?|plots?|dashboards?|reports?|bugs?|screens?|axis|axes)\b", _I)
_PLAIN = re.compile(
    r"^\W*(?:show|chart|draw|plot|tell|display|give|graph|list|rank|compare|map)\b|\?\s*$", _I
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")
# A scene's "a question about tips: ..." opens the request after the colon.
_ABOUT = re.compile(
    r"^.*?\b(?:a|her|his|the)\s+(?:question|request|job|case)\s+(?:about|on)\s+[^:]{1,40}:\s*", _I
)
_LEAD = re.compile(r"^(?P<lead>[^:]{1,80}):\s*(?P<body>\S.*)$", re.DOTALL)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A claim's opener: what the claim is about is the request where the request names no measure.
_CLAIM = re.compile(
    r"^\W*(?:somebody|someone|everybody|nobody)\s+(?:was|were|had\s+been)\s+\w+\s+(?:about|on)\s+", _I
)
_THAT_YEAR = re.compile(r"\b(?:in\s+|during\s+|for\s+)?(?:that|this)\s+year\b", _I)
_SUBJECT = re.compile(r"\b(?:he|she)\b(?=\s+(?!was\b|is\b|meant\b)\w+)", _I)
_POSSESSIVE = re.compile(r"\b(?:its|his|her|their)\s+(?=\w)", _I)
_GRIM = r"(?:grim|long|lonely|cold|bleak|crooked|thin|slow|dark)"
_SAID = [
    (r"\s*,?\s*\b(?:and\s+)?(?:I\s+)?watched\s+the\s+line\b", ", as a line"),
    (rf"\s*,?\s*\b(?:one|a)\s+{_GRIM}\s+line\b", ", as one line"),
    (r"^(?:I\s+(?:[\w']+\s+){1,4}?and\s+)?(?:I\s+)?drew\s+(?:her|him|them|myself\s+)?\s*(?:the\s+)?"
     r"(?P<kind>bars|lines?|pie|scatter)\b", r"As \g<kind>"),
    (r"^\W*(?:show|chart|draw|give)\s+(?:me\s+)?(?:the\s+|an?\s+)?"
     r"(?P<kind>bars|line|pie|scatter)(?=\s*[.!]*$)", r"As \g<kind>"),
    (r"\b(?:ran|went|came\s+in)\s+(?=(?:over|under|above|below)\b)", "was "),
    (r"\b(?P<each>each|every)\s+(?P<group>\w+)\s+(?:grew|had|managed|posted|showed)\b",
     r"for \g<each> \g<group>"),
]  # fmt: skip
_WORDS = [(re.compile(p, _I), r) for p, r in _SAID]
_COUNTED = re.compile(r"^the\s+(?=\w)", _I)
_LEADING = re.compile(
    r"^(?:the\s+file\s+on|the\s+files?\s+for|the\s+records?\s+(?:on|for)|to\s+know\b.*)", _I
)

_THOSE = re.compile(
    r"\b(?:those|these)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?\w+s\b", _I
)
_THEIR = re.compile(r"\btheir\s+(?=\w)", _I)
_END = re.compile(r"\s*([.!?]*)\s*$")
# "... for 2018. As a line": the narrator's chart words join the request they follow.
_AS = re.compile(r"\s*\.\s+As\s+")


def unnoir(text: str, model: SemanticModel) -> str:
    """`text` with a detective's narration read as context for its request; other text is unchanged."""
    sentences = [s for s in _SENTENCE.split(text.strip()) if s]
    if len(sentences) < 2 and not _SCENERY.search(text):
        return text
    at = next((i for i, s in enumerate(sentences) if _NARRATOR.search(s) or _ABOUT.search(s)), None)
    if at is None:
        at = next((i for i, s in enumerate(sentences) if i and _PLAIN.search(s)), None)
    if at is None or not (_SCENERY.search(text) or (at and _narrated(sentences[at], sentences[0]))):
        return text
    scene = " ".join(sentences[:at])
    first = sentences[at]
    if about := _ABOUT.search(first):
        scene, first = f"{scene} {first[: about.end()]}", first[about.end() :]
    request = " ".join([_request(first, model), *(_said(s) for s in sentences[at + 1 :])])
    request = _pointed(scene, _said(request), model)
    if not request:
        # "Chart it for him": the request is all in the scene (or points back to what this reader cannot
        # name), left whole for the readers after this one.
        return text
    return tidy(_AS.sub(", as ", request))


def _narrated(request: str, scene: str) -> bool:
    """Whether a past-tense scene stands before a sentence of the narrator's request."""
    said = _NARRATOR.search(request)
    if said is None:
        return False
    if _CHART_TALK.search(scene):
        # "The last chart was wrong. I wanted ...": a complaint about a chart is no scene of a case.
        return False
    return bool(_PAST.search(scene)) or not (said["verb"] or "wanted").lower().startswith(("wanted", "asked"))


def _request(sentence: str, model: SemanticModel) -> str:
    """The narrator's sentence as a request: without its verb, its lead read as the request's own."""
    said = _NARRATOR.search(sentence)
    if said is None:
        return sentence
    body = sentence[said.end() :]
    if (said["verb"] or "").lower().startswith("counted"):
        body = _COUNTED.sub("the number of ", body, count=1)
    lead = _LEAD.match(body)
    if lead is None or names_of(model).measures.search(lead["lead"]):
        return body
    rest = lead["body"]
    years = _YEAR.findall(lead["lead"])
    # "the file on Asia ...: the 5 Asian countries" names Asia again.
    kept = [v for v in values_named(lead["lead"], names_of(model)) if v.lower() not in rest.lower()]
    if not years and not kept and not _LEADING.match(lead["lead"]):
        return body
    where = f", in {' and '.join(kept)}" if kept else ""
    rest = _END.sub(lambda end: f"{where}{end[1]}", rest, count=1)
    return f"In {years[0]}: {rest}" if years and not _YEAR.search(rest) else rest


def _said(text: str) -> str:
    for pattern, plain in _WORDS:
        text = pattern.sub(plain, text)
    return text


def _pointed(scene: str, request: str, model: SemanticModel) -> str:
    """The request with what points back to the scene read as the scene's year or value."""
    names = names_of(model)
    named = values_named(scene, names)
    one = named[0] if len(named) == 1 else None
    if (year := _YEAR.findall(scene)) and _THAT_YEAR.search(request):
        request = _THAT_YEAR.sub(f"in {year[0]}", request)
    if len(named) > 1:
        # "Joly was huge in Côte-des-Neiges and Snowdon ... the votes in those two districts".
        request = _THOSE.sub(" and ".join(named), request)
    if one is not None:
        request = _SUBJECT.sub(one, request)
        request = _POSSESSIVE.sub(f"{one}'s ", request)
    elif not _SUBJECT.search(request):
        request = _THEIR.sub("", request)
    if _THOSE.search(request):
        # "those two districts" with no values of the scene to name: the whole text is left as it is.
        return ""
    if names.measures.search(request) or values_named(request, names) or names.groups.search(request):
        return request
    if names.measures.search(scene) and _CLAIM.search(scene):
        # "Somebody was lying about Russia's life expectancy in 1997. Show me the bars.": the claim is asked.
        return f"{_CLAIM.sub('', scene).rstrip('.')}. {request}"
    return ""
