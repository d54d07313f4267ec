"""A zookeeper on the rounds ("Feeding the penguins at half past two, all 14 of them", "The tigers came over
from India in 2004", "Our silverback weighs 180 kilos", "The smokers' corner by the car park is next to the
reptile house", "Keeper talk at 11 on Saturdays", "The Amazon parrots squawk at every visitor before 9",
"The giraffes strip the irises by the fence, 5 metres up", "The otters were born the week of the election",
"Mucking out the hippos before 8"), whose patter is set aside around the one request it carries. Read only in
a question that carries one of the zookeeper's markers below (a zoo or its keepers, the animals of the zoo
counted, named or said as the keeper's own - the penguins, our tigers, Nandi the elephant -, the enclosures,
the aviary, the reptile or giraffe house, feeding time, mucking out, keeper talks), so any other question ("a
pandas dataframe", "the Celtic tiger", "Amazon's share price", "a bear market", "the elephant in the room",
"the lion's share", "the Lions' votes", "the Detroit Tigers", "Hong Kong's population", "the runt of the
herd", "the house of Windsor", "feed the chart the tips") reads exactly as before:
- a sentence or clause of the zoo that asks nothing comes off whole (worker.planner.voice_asides): the
  animals counted and the kilos of fish are no limit, party size or threshold; the metres an animal reaches
  and the degrees of the reptile house no unit or threshold; the hour of a feed or a talk no hour or day; the
  year an animal came no period; its country (tigers from India, red pandas from Nepal) no country; a parrot
  from the Amazon or a tortoise named Microsoft no company; the irises it eats no species; a house facing
  south-east no direction; the election it was born in no votes;
- what the zoo tells that would read as asking, in a sentence that asks nothing else: the smokers' corner
  of the grounds (no smoker), an animal "which" or "who" does something (no question);
- a lead-in while the rounds go on ("While I feed the otters,", "Between feeds:") and a hand-over after the
  patter ("Now,", "Meanwhile,") are the request's start; a "that year" points back to the year the patter
  told.
A choice left to someone ("you decide which"), a chart asked per keeper or per animal and a sentence opening
with a request's verb are the request's and stay. What the request itself asks that the data lacks (the zoos
of each continent, a bill in rupees, an hour of the tips, the most animal-friendly candidate) is left as it
is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import (
    REQUEST_VERBS,
    set_aside,
)
from worker.semantic import SemanticModel

__all__ = ["unzoo"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
# The zoo's animals, in the plural (not "pandas" alone, the dataframes' library, nor bears, bulls, eagles,
# cranes, foxes, jaguars, pumas, pythons or swans: the markets', the cars' and the other voices' words).
_ANIMALS = (
    r"penguins|tigers|lions|lionesses|giraffes|elephants|flamingos|flamingoes|otters|meerkats|parrots"
    r"|macaws|gorillas|silverbacks|chimps|chimpanzees|orangutans|lemurs|tamarins|marmosets|baboons"
    r"|(?:red|giant)\s+pandas|hippos|hippopotamuses|rhinos|zebras|sea\s+lions|tortoises|crocodiles"
    r"|alligators|iguanas|komodo\s+dragons|pheasants|peacocks|pelicans|ostriches|emus|camels|kangaroos"
    r"|wallabies|koalas|polar\s+bears|wolves|okapis|capybaras|sloths|tapirs|cheetahs|leopards|hyenas"
    r"|gibbons|bison|reptiles"
)
_ANIMAL = (
    r"penguin|tiger|lion|lioness|giraffe|elephant|flamingo|otter|meerkat|parrot|macaw|gorilla|silverback"
    r"|chimp|chimpanzee|orangutan|lemur|tamarin|hippo|rhino|zebra|sea\s+lion|tortoise|crocodile|camel"
    r"|kangaroo|koala|polar\s+bear|wolf|okapi|sloth|cheetah|leopard"
)
# Marks the zookeeper alone makes. Not "keeper" (the lighthouse's, the goal's), "house", "herd", "troop",
# "feed" or "paddock" alone (the house of Windsor, a herd of countries, feed the chart, the farmer's north
# paddock): they are the zoo's beside its animals or its own words.
_MARKS = (
    rf"zoo(?:s|keepers?(?:{_Q}s)?)?|(?:the|our|my|his|her|their|all|\d+|two|three|four|five|six|seven"
    rf"|eight|nine|ten|eleven|twelve|a\s+dozen)\s+(?:[\w-]+\s+){{0,2}}?(?-i:{_ANIMALS})"
    rf"|(?<![\w-])(?:{_ANIMALS})\s+(?:are|were|is|was|came|come|get|got|eat|ate|sleep|love|hate|strip"
    rf"|squawk|sulk|moult|breed|bred)"
    rf"|(?:(?:our|my)(?:\s+\w+)?|the\s+(?:old|baby|\w+est)|(?-i:[A-Z][a-z]+)\s+the)\s+(?-i:{_ANIMAL})"
    rf"(?!{_Q}s|\s+in\s+the\s+room)|(?:{_ANIMAL})\s+(?:house|enclosure|pond|pool|paddock)"
    r"|reptile\s+house|aviary|enclosures?|feeding\s+(?:time|the\s+\w+)|mucking\s+out|keeper\s+talks?"
    rf"|keepers{_Q}\s+rota|petting\s+(?:farm|zoo)|between\s+(?:feeds|feedings)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the zoo: a sentence or clause with one that asks nothing is the zookeeper's. One that opens with a
# request's verb ("Rank the candidates ..."), leaves a choice to someone ("you decide which") or asks for a
# chart per something ("one bar per keeper") is the request's, and stays refused.
_ZOO = re.compile(
    rf"^(?!.*\b(?:whichever|(?:you|they|he|she)\s+(?:decides?|chooses?|picks?)|up\s+to\s+\w+\s+(?:which|what"
    rf"|whether))\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|{_ANIMALS}|{_ANIMAL}|keepers?|visitors|kids|fish|kilos|troop|herd|paddock|fence"
    r"|moulting|squawk\w*|sulks|feeding|fed|born)\b",
    _I | re.DOTALL,
)
# What the zoo tells that would read as asking, in a sentence that asks nothing else: the smokers' corner of
# the grounds (no smoker asked) and an animal or a place "which" or "who" does something (no question).
_TOLD = re.compile(
    rf"\b(?:smok(?:ers|ing){_Q}?\s+(?:corner|area|shelter|bench)"
    rf"|(?:{_ANIMAL}|{_ANIMALS}|house|enclosure|aviary|pond|keeper),?\s+(?:which|who)\s+\w+)\b",
    _I,
)
_WORK = r"(?:feed\w*|fed|muck\w*|clean\w*|hos\w*|weigh\w*|rounds?)"
# A lead-in while the rounds go on, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|the)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"{_WORK}\b[^,.!?:;]{{0,40}}|between\s+(?:feeds|feedings|rounds))\s*[,:]\s*",
    _I,
)


def unzoo(text: str, model: SemanticModel) -> str:
    """`text` with a zookeeper's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _ZOO)
