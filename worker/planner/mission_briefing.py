"""A secret agent's briefing, set aside around the chart request it carries. Read only in a question that
speaks it (a marker below: "Agent 47" / "Agent Apple", "your mission", "should you choose to accept it",
"self-destruct", "code name", "eyes only", "burn ... after reading", "rendezvous", "Operation X",
"Headquarters needs", "safe house", "cover story", "your cover"), so any other question reads exactly as
before ("estate agent" and "the operation of" are no markers):
- greetings and forms of address ("Good morning, Agent 47.", "Agent 007,", "Eyes only, Agent 50:", ", Agent.")
  come off: an agent's number is a label, never a limit, a year or a band, and an agent's name ("Agent
  Canada", "Agent Apple") is a label, never a value;
- code names and operations only label: "Code name: Virginica." comes off whole, and so does a sentence
  that only talks about the label ("Agent Apple - that is your code name, nothing more.", "Agent 1952, your
  cover name is just a number.", "Operation Sunday Lunch is a go, Agent."); a value named in a label filters
  nothing unless the request names it again;
- sign-offs come off whole: "This message / tape will self-destruct (in five seconds).", "Burn (this note)
  after reading.", "Eyes only."; so do rendezvous times ("Rendezvous at 0600 hours at the safe house."),
  which name no period and no limit;
- a lead before a colon that is the briefing's ("Your mission, should you choose to accept it:", "Operation
  Brazil Nut:", "Operation Podium, Agent 9:", "your real target is the dinner service:") comes off and the
  request after the colon is read alone; a chart type the lead asks for ("the mission calls for bars") is
  kept;
- "Your mission(, should you choose to accept it,) is to ..." and "Headquarters needs ..." introduce the
  request: "is to chart X" is "chart X", "Headquarters needs X" is "Show X".
Enemy spies, handlers' choices, the agent's own judgement and times of day are left as they are (and
refused downstream as what the data cannot answer). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.semantic import SemanticModel

__all__ = ["unbrief"]

_I = re.IGNORECASE
# An agent addressed by number or code name: a capital "Agent", so an estate agent is no marker.
_AGENT = r"(?:\bAgent\s+(?:\d{1,4}|[A-Z][\w'-]*)\b|\bAgent\b(?=\s*[.,:;!?]))"
_OPERATION = r"\bOperation(?:\s+[A-Z][\w'-]*)+"
# The voice itself: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\bAgent\s+(?:\d{{1,4}}|[A-Z][\w'-]*)\b|{_OPERATION}|"
    r"(?i:\byour\s+mission\b|\bshould\s+you\s+choose\s+to\s+accept\b|\bself[\s-]?destruct|\bcode\s*-?name\b|"
    r"\beyes\s+only\b|\bburn\b[^.!?]*\bafter\s+reading\b|\brendezvous\b|\bheadquarters\s+(?:needs|wants)\b|"
    r"\bsafe\s+house\b|\bcover\s+story\b|\byour\s+cover\b)"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_GREETING = re.compile(r"\bgood\s+(?:morning|afternoon|evening|day|night)\s*,?\s*", _I)
_ADDRESS = re.compile(
    rf"(?:^|,|\s-+|\s[\u2013\u2014])?\s*{_AGENT}\s*(?:[,:;]|\s-+(?=\s)|\s[\u2013\u2014])?\s*"
)
# Words that only talk about a label or the briefing itself: such a sentence carries no request.
_LABEL_TALK = re.compile(
    r"\b(?:code\s*-?\s*name|cover(?:\s+name|\s+story)?|briefing|nothing\s+more|just\s+a\s+number|is\s+a\s+go|"
    r"is\s+on(?=\s*[.!,]|\s*$)|begins\s+now|good\s+luck)\b",
    _I,
)
_SIGN_OFF = re.compile(
    r"^\s*(?:(?:this|the)\s+(?:message|tape|note|briefing|recording|file|letter)\s+will\s+self[\s-]?destruct\b|"
    r"burn\b[^.!?]*\bafter\s+reading\b|eyes\s+only\s*[.!]|code\s*-?\s*name\s*:[^:]*$|"
    r"good\s+luck\b[^:]*$)",
    _I,
)
_EYES_ONLY = re.compile(r"\beyes\s+only\b\s*[,;.!-]*\s*", _I)
_CHOOSE = re.compile(r",?\s*\bshould\s+you\s+choose\s+to\s+accept\s+it\b\s*,?", _I)
# A lead before a colon is the briefing's when it speaks of the mission, the agent or the label.
_LEAD_WORDS = re.compile(
    rf"{_AGENT}|{_OPERATION}|(?i:\b(?:mission|target|code\s*-?\s*name|cover|headquarters|briefing|"
    r"rendezvous|hours|eyes\s+only|orders)\b)"
)
_CHART = r"(?:pie|line|bar|histogram|scatter|area|donut|doughnut|column)"
_CALLS_FOR = re.compile(rf"\b(?:calls|asks)\s+for\s+(?:an?\s+)?(?P<type>{_CHART})(?:s|\s+charts?)?\b", _I)
_INTRO = re.compile(
    r"^\s*(?:(?:and\s+)?your\s+(?:real\s+)?(?:mission|target|task|orders?)\s*(?:,\s*)?(?:is|are)\s+(?:to\s+)?|"
    r"(?:headquarters|HQ)\s+(?:needs|wants|requires|requests|asks\s+for)\s+)",
    _I,
)
_RENDEZVOUS = re.compile(r"[,;]?\s*(?:(?:and\s+)?then\s+)?\brendezvous\s+at\s+[^.,:;!?]*", _I)


def unbrief(text: str, model: SemanticModel) -> str:
    """`text` with a secret agent's briefing set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    kept = [read for s in _SENTENCE.split(text.strip()) if (read := _sentence(s))]
    read = tidy(" ".join(kept))
    return read if read.strip(" .!?,:;-") else text


def _sentence(sentence: str) -> str:
    """The sentence's request with the briefing's words set aside; empty when it carries none."""
    if _SIGN_OFF.match(sentence):
        return ""
    read = _CHOOSE.sub("", _GREETING.sub("", sentence))
    lead, colon, rest = read.partition(":")
    if colon and rest.strip() and _LEAD_WORDS.search(lead):
        # "Operation Podium, Agent 9: South Korea's medals": the lead only labels the request after it.
        asked = _CALLS_FOR.search(lead)
        read = f"{rest.strip().rstrip('.!')}, as a {asked['type']}." if asked else rest
    elif _is_label_talk(read):
        # "Your cover is a pie shop, but the mission calls for bars.": only the chart type is asked.
        asked = _CALLS_FOR.search(read)
        return f"As a {asked['type']}." if asked else ""
    read = _RENDEZVOUS.sub("", _EYES_ONLY.sub("", read))
    read = _ADDRESS.sub(" ", read).strip(" ,;-")
    read = _INTRO.sub(_intro, read)
    return read if read.strip(" .!?,:;-") else ""


def _is_label_talk(sentence: str) -> bool:
    """Whether the sentence only talks about the agent, the label or the operation."""
    if not (re.search(_AGENT, sentence) or re.search(_OPERATION, sentence)):
        return False
    return bool(_LABEL_TALK.search(sentence)) or not _ADDRESS.sub(" ", sentence).strip(" .!?,;-")


def _intro(found: re.Match[str]) -> str:
    # "Headquarters needs the 5 most populous countries" asks to be shown them.
    return "" if re.search(r"mission|target|task|order", found[0], _I) else "Show "
