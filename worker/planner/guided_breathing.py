"""A yoga or meditation instructor's guidance set aside around the request it frames. Read only in a
question that speaks it (breathing, "namaste", "let go of", "find your centre", a mat, a pose, a sun
salutation, meditation), so any other question reads exactly as before:
- cues name nothing and come off whole, each sentence of them: "Breathe (in the whole world)...",
  "Inhale gratitude, exhale expectation", "Inhale for four counts", "Hold this pose for five breaths"
  (counted breaths are no limit or party size), "Find your centre (, the still point within you)" (no
  district), "We begin with a sun salutation" (no Sunday), "Settle onto your mat", "Feel the breeze on
  your skin", "Be still / grateful", "Open like a flower", "Let your breath flow", "Release your
  attachment", "In this moment ...", "Namaste". A cue that leads into the request keeps what follows its
  colon or its "show me" ("Breathe in... and as you exhale, show me ...", "Exhale: ..."); softeners before
  the request ("Now, gently", "Then, softly:", "without rushing", "Still,") go too;
- "let go of X" is decided by X: where X names values of the data ("the smokers", "Sunday", "the calm
  0-1 winds", "Facebook") it is an exclusion, added to the request as "excluding X", even said in a
  sentence before it, and the request's "the other (five) companies" are then every company; where X
  names no value ("the day behind you", "your worries") it is a mantra and adds nothing;
- two exclusions left to choose ("Let go of the smokers, or maybe of Sunday - whatever feels right") are
  refused, naming them, and so is a session that breathes in the future and asks for a year after the
  data ("Breathe in the future. Exhale: Netflix's price through 2020").
"Let go of X and embrace Y" with Y no value of the data, heart rates, calm, seasons, colours and the like
are left as they are, and refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of, values_named
from worker.planner.what_if import with_example
from worker.semantic import Dataset, SemanticModel

__all__ = ["unbreathe"]

_I = re.IGNORECASE
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    r"\b(?:breath(?:e|es|ing|s)?|inhal\w*|exhal\w*|out-breath|in-breath|namaste|let\s+go\s+of|"
    r"find\s+your\s+cent(?:re|er)|sun\s+salutations?|(?:your|the)\s+(?:yoga\s+)?mat|(?:this|the)\s+pose|"
    r"yoga|meditat\w*|mantra|chakras?|mindful\w*)\b",
    _I,
)
# A sentence of guidance: it opens with a cue (after an optional "Now," / "And").
_CUE = re.compile(
    r"^\W*(?:(?:now|and|then|gently|slowly|softly)\b[\s,]*)?"
    r"(?:breath(?:e|ing)?|inhal\w*|exhal\w*|on\s+the\s+(?:out|in)-?breath|as\s+you\s+(?:inhale|exhale|breathe)|"
    r"find\s+your\s+cent(?:re|er)|settle|feel|be\s+(?:still|grateful|present|here|kind|gentle|thankful)|"
    r"open\s+(?:like|your)|let\s+(?:your|yourself|it|the\s+breath|go\b)|hold\s+(?:this|the)\s+(?:pose|breath)|"
    r"release|place\s+(?:a|your|one|both)\s+hands?|we\s+(?:begin|start|end|close|finish)|namaste|"
    r"in\s+this\s+moment|notice|relax|soften|close\s+your\s+eyes|ground\s+yourself|sink|rest\s+in|smile|"
    r"observe|allow|welcome|honou?r|come\s+back\s+to|return\s+to|om\b|count\s+with\s+me|"
    r"roll\s+out|unroll|step\s+onto|sit\s+(?:tall|comfortably|quietly|still)|lie\s+(?:down|back)|stand\s+tall|"
    r"stretch|close\s+your|bring\s+your|(?:take|draw)\s+(?:a|one|another|\w+)\s+(?:deep\s+|slow\s+|long\s+)?breaths?)\b",
    _I,
)
# The asking verb that opens a request.
_ASK = r"(?:(?:show|give|chart|plot|draw|graph)\s+(?:me|us)\b|let(?:'s|\s+us)\s+see\b)"
# Where a cue leads into the request: its colon, or the asking verb after it.
_INTO = re.compile(rf"^[^:]*?:\s*|^.*?\b(?={_ASK})", _I | re.DOTALL)
# Sentences end at . ! ? before a capital, a digit or a quote ("Breathe in... and" is one sentence).
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c(]?[A-Z0-9])")
_SOFT = re.compile(
    r"^\W*(?:(?:now|then|still|so|and)\b[\s,]*)?(?:(?:gently|softly|slowly|calmly|quietly|without\s+rushing|"
    r"with\s+ease|in\s+your\s+own\s+time)\b[\s,]*)*(?::\s*)?",
    _I,
)
_LEAD_SOFT = re.compile(r"^\W*(?:now|then|still)\s*[,:]\s*", _I)
# Cues inside a request sentence.
_INSIDE = re.compile(
    r"\s*,?\s*\b(?:after|with|following)\s+an?\s+sun\s+salutations?\b,?|"
    r"\s*,?\s*\b(?:as\s+you\s+(?:inhale|exhale|breathe(?:\s+(?:in|out))?)|on\s+the\s+(?:out|in)-?breath)\b,?",
    _I,
)
_LET_GO = re.compile(
    r"^\W*(?:now,?\s+|and\s+|gently,?\s+)?let\s+go\s+of\s+(?P<x>[^:]*?)"
    rf"(?::\s*(?P<rest>.*)|\s*(?:[-,;\u2014]\s*)?(?:(?:and|then|now)\s+)?(?P<ask>{_ASK}.*)|\s*[.!?]*\s*)$",
    _I | re.DOTALL,
)
_EMBRACE = re.compile(r"\b(?:and|to)\s+(?:embrace|welcome|hold\s+on\s+to|keep|focus\s+on|turn\s+to)\b", _I)
_EITHER = re.compile(r",?\s*\bor\s+(?:maybe|perhaps|even|else)?\s*(?:of\s+)?(?P<b>[^-,;:]+)", _I)
_WHATEVER = re.compile(r"\s*(?:[-,;]|\u2014)\s*(?:whatever|whichever)\b.*$", _I)
# After an exclusion, "the other five companies" / "the remaining ones" are all the rest.
_OTHER = re.compile(r"\bthe\s+(?:other|remaining)\s+(?:\w+\s+)?(?P<noun>(?:compan|countr)ies|\w+s)\b", _I)
_FUTURE = re.compile(
    r"\b(?:the\s+future|what\s+is\s+(?:yet\s+)?to\s+come|the\s+(?:days|years|months)\s+ahead|tomorrow)\b", _I
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def unbreathe(text: str, model: SemanticModel) -> str:
    """`text` with an instructor's guidance set aside; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    excluded: list[str] = []
    request: list[str] = []
    for sentence in _SENTENCES.split(text.strip()):
        sentence = _INSIDE.sub("", sentence)
        let_go = _LET_GO.match(sentence)
        if let_go is not None:
            if _EMBRACE.search(let_go["x"]):
                return text
            x = _WHATEVER.sub("", let_go["x"])
            _ambiguous(sentence, x, text, model)
            if values_named(x, names):
                excluded.append(x)
            if not (let_go["rest"] or let_go["ask"]):
                continue
            sentence = let_go["rest"] or let_go["ask"]
        if _CUE.match(sentence):
            into = _INTO.match(sentence)
            if into is None or not sentence[into.end() :].strip():
                continue
            sentence = sentence[into.end() :]
        sentence = _SOFT.sub("", _LEAD_SOFT.sub("", sentence), count=1)
        if sentence.strip(" .!?"):
            request.append(sentence.strip())
    if not request:
        return text
    said = " ".join(request)
    _future(text, said, model)
    if excluded:
        said = _OTHER.sub(r"all \g<noun>", said)
        said = re.sub(r"\s*[.!?]+\s*$", "", said) + ", excluding " + " and ".join(excluded) + "."
    return tidy(said)


def _ambiguous(sentence: str, x: str, text: str, model: SemanticModel) -> None:
    """Refuse "let go of A, or maybe of B" where both name values: two exclusions left to choose."""
    either = _EITHER.search(x)
    if either is None:
        return
    first, names = x[: either.start()], names_of(model)
    if values_named(first, names) and values_named(either["b"], names):
        raise NotInTheData(
            with_example(
                f"chartq cannot tell which to leave out: \u201c{sentence.strip()}\u201d leaves both "
                f"\u201c{first.strip()}\u201d and \u201c{either['b'].strip()}\u201d open; ask again "
                "with the one to leave out (or both, with \u201cand\u201d)",
                text,
                model,
            )
        )


def _future(text: str, request: str, model: SemanticModel) -> None:
    """Refuse a session that breathes in the future and asks for a year after the data it names."""
    if not _FUTURE.search(text):
        return
    dated = [ds for ds in model.datasets if ds.time_max]
    named = [ds for ds in dated if _names(ds, request)] or dated
    last = max(int(str(ds.time_max)[:4]) for ds in named) if named else None
    late = next((int(y) for y in _YEAR.findall(request) if last is not None and int(y) > last), None)
    if late is None:
        return
    spans = ", ".join(f"the {ds.name} data ends {_on(ds.time_max)}" for ds in named)
    raise NotInTheData(
        with_example(
            f"chartq charts what the data holds, not the future: {late} is after its last date ({spans}); "
            "ask for a period inside it",
            request,
            model,
        )
    )


def _names(ds: Dataset, text: str) -> bool:
    """Whether `text` names a measure or a value of `ds`."""
    words = {s.lower() for m in ds.measures for s in (m.label, *m.synonyms)}
    words |= {str(v).lower() for d in ds.dimensions for v in (*d.values, *d.value_synonyms)}
    low = text.lower()
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low) for w in words if w)


def _on(day: object) -> str:
    return f"in {day}" if len(str(day)) == 4 else f"on {day}"
