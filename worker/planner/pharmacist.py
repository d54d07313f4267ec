"""A pharmacist at the counter ("Two tablets every 4 hours with food", "Your prescription will be ready on
Thursday after 3 o'clock", "Store below 25 degrees and out of the reach of children", "Flu jabs are only for
the over-65s this week", "The blister packs come ten to a strip", "My first dispensary opened in 1972",
"Prescription charges went up by 20 cents in January", "These vitamin C tablets come from China, 1000
milligrams apiece", "The gold capsules are the strong ones", "The label says 5 ml three times a day", "Mr
Bergeron picks up his blood pressure pills here every month"), whose patter is set aside around the one
request it carries. Read only in a question that carries one of the pharmacist's markers below (a pharmacist,
pharmacy, chemist or dispensary, a prescription or repeat, what is dispensed: tablets, capsules, pills,
lozenges, inhalers, jabs, vaccines, insulin, vitamins, remedies and the like, doses in milligrams or ml, the
label's orders: with food, on an empty stomach, store below, out of the reach of children, shake well), so
any other question ("the key countries", "a clean scale", "vitamin C content", "a dose of realism", "the
label of each bar", "every 4 hours", "twice a day", "dispense with the legend", "keep the top 6", "Canada's
remedy", "the counter of rows") reads exactly as before:
- a sentence or clause of the counter that asks nothing comes off whole (worker.planner.voice_asides): the
  hours between doses, the milligrams, ml and grams and a day's most tablets are no hour, unit, limit or
  threshold; a prescription ready on Thursday after 3 o'clock, a repeat for 28 days and pills collected every
  month no day, hour or period; the 25 degrees a medicine is stored below no unit; the over-65s and this
  week's jabs no age or period; a remedy's country and the insulin's Amazon courier no country or company;
  gold and silver capsules no medal; the pollen from the west and the north wind no direction; a dispensary's
  year and a rise in January no period; the customers named (Mr Bergeron) no candidate;
- the price or charge of medicines is no share price or bill, the meals a dose is taken with no meal and a
  repeat's days no day; the label's "Keep out of the reach of children" and "Keep that inhaler handy" are
  no request's "keep";
- a lead-in while the counter works ("While I count out your tablets,", "Between prescriptions:") and a
  hand-over after the patter ("Right,", "Now,") are the request's start; a "that year" points back to the
  year the patter told.
A choice left to someone ("whichever a doctor would trust"), a chart asked per pharmacy and a sentence opening
with a request's verb are the request's and stay. What the request itself asks that the data lacks
(prescriptions dispensed per district, a remedy's best species, Swiss medals, British pounds, an hour of the
tips) is left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import (
    REQUEST_VERBS,
    set_aside,
)
from worker.semantic import SemanticModel

__all__ = ["unpharmacy"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_DOSE = r"(?:milligrams?|micrograms?|mg|mcg|ml|millilitres?|milliliters?|grams?|drops|spoonfuls?|teaspoons?)"
_MEDICINES = (
    r"tablets?|capsules?|pills?|lozenges?|pastilles?|inhalers?|puffers?|patch(?:es)?|jabs?|vaccines?"
    r"|vaccinations?|insulin|vitamins?|remed(?:y|ies)|syrups?|ointments?|creams?|antibiotics?|antihistamines?"
    r"|paracetamol|ibuprofen|aspirin|painkillers?|medicines?|medications?|doses?|dosage|sachets?|plasters"
)
# Marks the pharmacist alone makes. Not "key", "lock", "scale", "note", "label", "counter", "box", "dose",
# "tablet", "C", "cold" or "water" alone (the key countries, a log scale, the label of a bar, a row counter,
# a box plot, a dose of realism, a tablet layout): they are the pharmacist's beside the counter's other words.
_MARKS = (
    rf"pharmac(?:ist|ists|y|ies)(?:{_Q}s)?|chemist{_Q}?s?|dispensar(?:y|ies)|dispens(?:e|ed|es|ing)(?!\s+with)"
    rf"|prescri(?:ption|ptions|bed|be)|(?:your|{_Q}s)\s+repeat\b"
    r"|(?:tablets|capsules|pills|lozenges|puffs|jabs|vaccines?|inhalers?|insulin|vitamins|remedies"
    r"|paracetamol|ibuprofen|aspirin|antibiotics|antihistamines|painkillers)"
    r"|(?:nicotine|pain|sleeping|blood\s+pressure|cough|cold|travel[-\s]sickness)\s+"
    r"(?:patch(?:es)?|pills?|tablets?|syrup|mixture|medicine|remed(?:y|ies)|sweets|relief)"
    r"|flu\s+(?:jabs?|vaccines?|shots?)|hay\s*fever|blister\s+packs?|vitamin\s+[a-e]\d*\s+(?:tablets?|capsules?)"
    rf"|\d+(?:\.\d+)?\s*{_DOSE}\s+(?:a|per|each|three|twice|once|two|apiece|every|with|in)"
    r"|with\s+(?:food|meals|a\s+glass\s+of\s+water)|(?:on\s+)?an\s+empty\s+stomach|store\s+below"
    r"|(?:out\s+of|beyond)\s+the\s+reach\s+of\s+children|shake\s+(?:the\s+bottle\s+)?well|before\s+use"
    r"|side[-\s]effects|over\s+the\s+counter|next\s+in\s+the\s+queue|between\s+prescriptions"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the counter: a sentence or clause with one that asks nothing is the pharmacist's. One that opens
# with a request's verb ("Chart the prescriptions I filled"), leaves a choice to someone ("whichever a doctor
# would trust") or asks for a chart per something ("One bar per pharmacy") is the request's, and stays
# refused. Not "label", "bottle" or "box" alone: a request's clause may say them ("a box plot").
_KEPT = (
    r"keep\s+(?:(?:it|them|out\s+of|away\s+from|cool|dry|refrigerated|in\s+(?:a|the)\s+(?:cool|fridge|dry))\b"
    rf"|(?:that|this|these|those|the|your)\s+(?:\w+\s+)?(?:{_MEDICINES})\b)"
)
_COUNTER = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?!{_KEPT})(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|(?:{_MEDICINES})|{_DOSE}|generics?|doctor|GP|surgery|counter|queue|customers?|patients?"
    r"|Mr|Mrs|Ms|Miss|label|bottle|strip|stomach|cough|flu|fever|pollen|pocket|courier|delivery|shelf"
    r"|shelves|stock|stocks|sandwich|glass\s+of\s+water|children|charges|(?:once|twice|three\s+times)\s+a\s+day"
    r"|every\s+\d+\s+hours|morning\s+and\s+night|bedtime)\b",
    _I | re.DOTALL,
)
# What the counter tells that would read as asking, in a sentence that asks nothing else: the price or charge
# of medicines (no share price or bill), meals taken with a dose and a repeat's days (no meal or day asked)
# and the customer "who smokes" (no question).
_TOLD = re.compile(
    rf"\b(?:(?:price|cost|charge)s?\s+(?:of|for)\s+(?:\w+\s+){{0,2}}?(?:prescriptions?|{_MEDICINES})"
    r"|prescription\s+(?:charges?|prices?|costs?|fees?)|(?:with|before|after)\s+(?:food|meals)"
    r"|(?:repeat|course|prescription|supply)\s+(?:is\s+|lasts\s+)?for\s+\d+\s+days"
    r"|(?:gentleman|lady|man|woman|customer|patient|chap|fellow)\s+who)\b",
    _I,
)
_WORK = r"(?:count\w*|dispens\w*|fill\w*|label\w*|pack\w*|prescri\w*|tablets?|pills?|capsules?|bottles?)"
# A lead-in while the counter works, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|the)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,30}}|between\s+prescriptions)\s*[,:]\s*",
    _I,
)


def unpharmacy(text: str, model: SemanticModel) -> str:
    """`text` with a pharmacist's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _COUNTER)
