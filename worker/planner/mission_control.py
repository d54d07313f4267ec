"""A flight director's countdown, set aside around the chart request it carries. Read only in a question
that speaks it (a marker below: "T-minus", "liftoff", "go/no-go", "we are go", "Houston,", "main engine",
"telemetry", a station's call-out such as "FIDO" or "CAPCOM", "abort", "on the pad", "stage separation"),
so any other question reads exactly as before ("lunch" stays lunch and "launch" is read only here):
- countdowns and call-outs are patter, never limits, years or values: "T-minus ten and counting.",
  "T-minus 60 seconds:", "T-minus three, two, one.", "3, 2, 1 ...", "All stations, go/no-go (for
  launch):", "We are go (for launch).", "Flight says go.", "Liftoff!", "Main engine start / cutoff",
  "Houston, we have a chart:", "Houston, do you copy?", "Stage 1 complete.", "Stage separation.",
  "Over." come off;
- a station addressed or speaking ("Flight, FIDO:", "Flight, this is Booster:", "Retro,", "Guidance,",
  "Payload specialists:", "Weather officer, go/no-go:", "Launch weather check:") is a label and comes off;
- "Stage one: X. Stage two: Y." are the steps of one chart ("First, X. Then Y."); a lone "Stage one:" is
  a label; a stage asking for "a separate chart" stays two charts, refused downstream;
- "Telemetry shows <claim>." is a claim beside the request and comes off; "Confirm / Verify with X" and
  "Track X" ask for X;
- "<value> is on the pad." is context: a request naming the value again has it as its own, one pointing
  back ("its price") is given it;
- "Abort" cancels what it names and nothing else: "Abort, abort - no pie! Bars instead" keeps "no pie!
  Bars" ("<chart type> instead" is that type); "Abort the pie" is "not a pie"; "Abort the 5" takes back
  the count said before it, so every one is ranked; an abort that scrubs, scratches or cancels the chart
  leaves no request and the text is left as said, to be refused;
- the director's brevity: "which single direction" is "which direction" (a limit comes from "just the top
  one", not from "single").
Fuel, stages, launch windows and the director's own choice ("your call") are left as they are (and refused
downstream as what the data cannot answer). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unlaunch"]

_I = re.IGNORECASE
_STATION_NAMES = (
    r"flight|fido|capcom|eecom|gnc|inco|retro|guidance|booster|surgeon|network|procedures|telmu|"
    r"range\s+safety|payload(?:\s+(?:officer|specialists?))?|weather\s+officer|launch\s+(?:control|director)|"
    r"mission\s+control|control|houston"
)
_STATION = rf"(?:(?:launch\s+)?{_STATION_NAMES})"
# The voice itself: nothing below is read in a question without one of these.
_VOICE = re.compile(
    r"\bT-?\s?minus\b|\blift-?\s?off\b|\bgo\s*/\s*no-?go\b|\bwe\s+are\s+go\b|\bflight\s+says\s+go\b|"
    r"(?:^|(?<=[.!?:]\s))houston\s*,|\bmain\s+engine\b|\btelemetry\s+(?:shows|says|suggests|indicates)\b|"
    r"\b(?:fido|capcom|eecom)\b|\babort\b|\bis\s+on\s+the\s+(?:launch\s+)?pad\b|\bstage\s+separation\b|"
    r"\blaunch\s+weather\b|\bgo\s+for\s+launch\b",
    _I,
)
_N = r"(?:\d{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|sixty)"
_START = r"(?:^|(?<=[.!?:;]\s)|(?<=[.!?:;]))\s*"
_END = r"\s*(?:[.!?:;,]+|\s-+\s|$|(?=on\s+the\s))\s*"
_COUNTDOWN = re.compile(
    rf"{_START}(?:T-?\s?minus\s+{_N}(?:\s*(?:,|\.\.\.|\s)\s*{_N})*(?:\s+(?:seconds?|minutes?|hours?))?"
    rf"(?:\s+and\s+counting)?{_END}|{_N}(?:\s*(?:,|\.\.\.)\s*{_N}){{2,}}(?:\s*,?\s*(?:ignition|lift-?\s?off|zero))?"
    r"\s*(?:\.\.\.|[.!])+\s*)",
    _I,
)
_CALL_OUT = re.compile(
    rf"{_START}(?:(?:all\s+stations|{_STATION})\s*,\s*)?(?:go\s*/\s*no-?go(?:\s+for\s+launch)?|"
    r"(?:(?:we\s+are|we're|flight\s+says|you\s+are)\s+)?go\s+for\s+(?:launch|lift-?\s?off)|"
    r"(?:we\s+are|we're|flight\s+says|you\s+are)\s+go|lift-?\s?off|"
    r"main\s+engine\s+(?:start|cutoff|cut-off|ignition)|ignition(?:\s+sequence\s+start)?|stage\s+separation|"
    r"stage\s+(?:\d|one|two|three)\s+(?:complete|separation|nominal)|all\s+systems\s+(?:are\s+)?go|over|"
    r"houston\s*,\s*(?:we\s+have\s+an?\s+[\w-]+|do\s+you\s+copy\??)|launch\s+weather\s+check|"
    rf"(?:{_STATION}\s*,\s*)?(?:this\s+is\s+)?{_STATION}){_END}",
    _I,
)
_STAGE_ONE = re.compile(rf"{_START}stage\s+(?:1|one)\s*:\s*", _I)
_STAGE_ANY = re.compile(rf"{_START}stage\s+(?:\d|one|two|three|four|five)\s*:\s*", _I)
_STAGE_NEXT = re.compile(rf"{_START}stage\s+(?:[2-9]|two|three|four|five)\s*[:,]\s*", _I)
_CLAIM = re.compile(r"^\s*telemetry\s+(?:shows|says|suggests|indicates|confirms)\b", _I)
_ON_PAD = re.compile(r"\bis\s+on\s+the\s+(?:launch\s+)?pad\b", _I)
_ASK = re.compile(r"^\s*(?:(?:confirm|verify|check)\s+(?:it\s+|that\s+|this\s+)?with|track)\s+", _I)
_CHART = r"(?:pie|line|bar|histogram|scatter|area|donut|column)s?"
_ABORT_REPEATED = re.compile(r"(?:\s-+\s*)?\babort\b(?:\s*[,!.]*\s*abort\b)*\s*[!,.:;]*\s*(?:-+\s*)?", _I)
# "Abort the 5 -" takes back a count (with its punctuation); "Abort the pie!" a chart type.
_ABORT_WHAT = re.compile(
    rf"\babort\s+(?:the\s+|that\s+)?(?:(?P<n>\d{{1,3}})\b(?:\s*[!,.;]+)?(?:\s+-+(?=\s))?|(?P<type>{_CHART})\b)",
    _I,
)
_SCRUB = re.compile(r"\babort\b.*\b(?:scrub|scratch|cancel|kill)\b", _I)
_INSTEAD = re.compile(rf"\b(?P<type>{_CHART})\s+instead\b", _I)
_SINGLE = re.compile(r"\bwhich\s+single\s+", _I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_POINTER = re.compile(r"\b(?:its|their)\b", _I)
# "Telemetry shows smokers tip more: the tip percentage ...": the claim before a colon is no request.
_CLAIM_LEAD = re.compile(r"^\s*telemetry\s+(?:shows|says|suggests|indicates|confirms)\b[^:.!?]*:\s*", _I)


def unlaunch(text: str, model: SemanticModel) -> str:
    """`text` with a flight director's countdown set aside around its request; other text is unchanged."""
    if not _VOICE.search(text) or _SCRUB.search(text):
        # A chart scrubbed entirely leaves no request: left as said, to be refused.
        return text
    read = _unabort(text)
    read = _INSTEAD.sub(lambda m: m["type"], read)
    read = _SINGLE.sub("which ", read)
    for _ in range(4):
        before = read
        read = _CALL_OUT.sub(" ", _COUNTDOWN.sub(" ", read))
        if read == before:
            break
    if _STAGE_NEXT.search(read):
        read = _STAGE_NEXT.sub(" Then ", _STAGE_ONE.sub(" First, ", read))
    # A lone stage is only a label: "Stage one: the tip by day" is the tip by day.
    read = _STAGE_ANY.sub(" ", read)
    read = _context_set_aside(tidy(read), model)
    read = tidy(read)
    return read if read.strip(" .!?,:;-") else text


def _unabort(text: str) -> str:
    """`text` with each "abort" applied to what it names (a count, a chart type) and then dropped."""
    read = text
    for m in list(_ABORT_WHAT.finditer(text))[::-1]:
        if m["type"]:
            read = read[: m.start()] + f"not a {m['type'].rstrip('s')}" + read[m.end() :]
            continue
        said = re.search(rf"\b(?:the\s+)?(?:top\s+)?{m['n']}\s+(?=[a-z])", read[: m.start()], _I)
        if said is None:
            continue
        end = _SENTENCE.search(read, said.end())
        cut = end.start() if end and end.start() < m.start() else m.start()
        # The count is taken back: every one is ranked, in the order the request asked.
        counted = read[said.end() : cut].rstrip(" .!,;")
        between = read[cut : m.start()]
        read = f"{read[: said.start()]}the {counted}, rank them all. {between} {read[m.end() :]}"
    return _ABORT_REPEATED.sub(" ", read)


def _context_set_aside(text: str, model: SemanticModel) -> str:
    """The sentences with telemetry's claims and a value "on the pad" set aside beside the request."""
    sentences = [s for s in _SENTENCE.split(text.strip()) if s.strip()]
    kept: list[str] = []
    pad: list[str] = []
    for i, sentence in enumerate(sentences):
        rest = i < len(sentences) - 1 or bool(kept)
        if rest and _CLAIM.match(sentence):
            continue
        if rest and _ON_PAD.search(sentence):
            pad.append(sentence)
            continue
        kept.append(_ASK.sub("Show ", _CLAIM_LEAD.sub("", sentence)))
    request = " ".join(kept)
    names = names_of(model)
    again = {v.lower() for v in values_named(request, names)}
    lost = [v for v in values_named(" ".join(pad), names) if v.lower() not in again]
    if lost and _POINTER.search(request):
        # "Apple is on the pad. Its weekly price in 2019": the value on the pad is the request's.
        return f"{' and '.join(lost)}: {_POINTER.sub('the', request)}"
    return request
