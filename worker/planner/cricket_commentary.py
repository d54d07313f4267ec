"""A cricket commentator on the radio ("They're 3 for 87 after 20 overs", "India need 45 off 30 balls, with 6
wickets in hand", "Lunch is taken at 1 o'clock", "Tea will be taken at 4, stumps at half past 6", "Rain
stopped play, and the covers are on", "A maiden over from the Pavilion End", "Caught at silly mid-off!", "Out
for a duck, third ball of the morning", "A six over long-on brings up the 200 partnership", "Declared at 450
for 7", "The umpires are conferring"), whose patter is set aside around the one request it carries. Read only
in a question that carries one of the commentator's markers below (cricket, overs, wickets, an innings, a side
all out, a batsman or bowler, the umpires, stumps, an interval "taken", rain stopping play, the ground's ends,
the fielding positions, a duck, a partnership, runs off balls, the sightscreen), so any other question
("pipe-delimited", "cut the population", "colour it by year", "the oil price", "the engine of growth", "Ford",
"lunch only", "tips by day", "the light at dinner", "six companies", "the covers of each party",
"bowled over") reads exactly as before:
- a sentence or clause of the match that asks nothing comes off whole (worker.planner.voice_asides): a score
  ("2 for 113", "210 all out"), overs, balls, wickets, runs, a partnership and a batsman's 50 are no limit,
  threshold, party size or band; a bowler's pace in kilometres an hour no wind speed; lunch, tea, stumps and
  the hours of play no meal or hour; the covers on till Saturday no day; a bowler's best since 2004 no period,
  his bronze in a relay and a gold chain no medal; England, India and a bowler called Bergeron no country or
  candidate; the wind from the north-west and the sightscreen moved to the left no direction; the smokers in
  the stand no smoker filter;
- a lead-in while play goes on ("Between overs:", "As the bowler runs in,") and a hand-over after the patter
  ("Back to the studio:", "Anyway -") are the request's start; a "that year" points back to the year the
  patter told.
A choice left to someone ("whichever the scorer prefers") and a sentence opening with a request's verb ("Chart
the runs each batsman scored") are the request's and stay. What the request itself asks that the data lacks
(the runs of each batsman, India's medals, the best continent, a wind speed in km/h, an hour of the tips) is
left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import (
    ASKS,
    HANDOVER,
    REQUEST_VERBS,
    request_read_in_year,
    untold,
    without_asides,
)
from worker.semantic import SemanticModel

__all__ = ["uncricket"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
# Marks the commentator alone makes. Not "ball", "six", "four", "lunch", "tea", "light", "covers", "stand",
# "pitch", "end" or a bare "3 for 87" ("six companies", "lunch only", "covers of each party", "3 for 5
# dollars"): they are the match's beside its other words. Not "batter" (the baker's) nor a lone "umpire"
# (the tennis chair's).
_MARKS = (
    r"cricket(?:ers?)?|(?<![-\w])overs|maiden\s+overs?|wickets?|innings|\d+\s+all\s+out|stumps|batsm[ae]n"
    r"|bowlers?|(?:in|on)\s+to\s+bowl|bowls\s+with|bowling\s+(?:from|at|to|with)|bowled\s+(?:him|out|for)"
    r"|umpires|third\s+umpire|run-outs?|\d+\s+not\s+out|(?:golden\s+)?duck\s+for\s+the|(?:out\s+for|a\s+golden)"
    r"\s+duck|lbw|caught\s+(?:at\s+(?:silly|deep|long|mid|short|square|fine|slip|gully|cover|point)|behind"
    r"|and\s+bowled|in\s+the\s+slips)|silly\s+(?:mid-o(?:n|ff)|point)|(?:long|mid)-(?:on|off)"
    r"|(?:deep\s+)?(?:square|fine)\s+leg|(?:\d|two|three|four)\s+slips\s+and|sightscreen|spinners?|seamers?"
    rf"|(?:pavilion|nursery)\s+end|lord{_Q}s|(?:rain|bad\s+light)\s+(?:has\s+)?stopped\s+play"
    r"|(?:lunch|tea|drinks)\s+(?:is|will\s+be|was)\s+taken|declared\s+at\s+\d+|\d+\s+partnership"
    r"|\d+\s+off\s+\d+\s+balls|faced\s+\d+\s+balls|(?:first|second|third|last|next)\s+ball\s+of\s+the"
    r"|out\s+first\s+ball|the\s+ball\s+is\s+swinging|through\s+the\s+covers|(?:won|lost)\s+the\s+toss"
    r"|a\s+six\s+(?:over|into|onto)\s+(?:the\s+)?(?:long-\w+|mid-\w+|stand|rope|boundary|pavilion)"
    r"|yorkers?|googly|no-balls?|(?:leg|off)[-\s]spin|(?-i:Test)\s+match"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the match: a sentence or clause with one that asks nothing is the commentator's. One that opens
# with a request's verb ("Chart the runs each batsman scored") or leaves a choice to someone ("whichever the
# scorer prefers") is the request's, and stays refused.
_MATCH = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b).*?\b(?:{_MARKS}|runs?|overs?|balls?|bowls?|umpires?|tea"
    r"|lunch|taken|stand|pitch|covers|play|rain|light|ends?|slips|partnership|six|four|duck|caught|catch"
    r"|out|figures|opener|score[ds]?|yards|footballers|boxes|flags|flapping|conferring|maiden|swinging"
    r"|relay|chain|need|kilometres\s+an\s+hour|crowd|stands|scoreboard|test|pace|delivery|deliveries"
    rf"|spell|session|morning|afternoon|(?:are|were|they{_Q}re|it{_Q}s)\s+\d+\s+(?:down|for\s+\d+))\b",
    _I | re.DOTALL,
)
# What asks beyond voice_asides' ASKS: an operation on the data. A sentence with a marker of the match and
# without one asks nothing, whatever data words it names ("the smokers in the stand are lighting up").
_OPERATES = re.compile(
    rf"\b(?:{REQUEST_VERBS}|average|mean|median|total|number\s+of|per|each|every|by|versus|vs|against|top|bottom"
    r"|most|least|highest|lowest|biggest|smallest|sorted|only|between|histogram|scatter|pie|line)\b",
    _I,
)
# A lead-in while play goes on, and the commentator's hand-over to the request. Not "at lunch" or "after
# tea": a meal a request may name ("At lunch on Fridays, the tips").
_WORK = r"(?:overs|drinks|the\s+(?:break|interval|over)|play|the\s+\w+\s+(?:runs\s+in|comes\s+in))"
_LEAD_IN = re.compile(
    r"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|during|before|after|between)\s+[^,.!?:;]{0,30}?\b"
    rf"{_WORK}[^,.!?:;]{{0,15}}|back\s+to\s+(?:the\s+studio|you)|over\s+to\s+you(?:\s+\w+)?)\s*[,:]\s*",
    _I,
)


def uncricket(text: str, model: SemanticModel) -> str:
    """`text` with a cricket commentator's patter set aside around the request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    told = tidy(text)
    read = untold(_LEAD_IN.sub(" ", told).strip(), _told)
    read = tidy(HANDOVER.sub("", without_asides(read, _MATCH, names_of(model))))
    if read == told:
        return text
    return request_read_in_year(text, read, told, model)


def _told(sentence: str) -> bool:
    """Whether `sentence` is the match's (a marker of it), asking nothing of the data."""
    return bool(_VOICE.search(sentence) and _MATCH.search(sentence)) and not (
        ASKS.search(sentence) or _OPERATES.search(sentence)
    )
