"""A courtroom lawyer's address to the court, set aside around the chart request it puts. Read only in a
question that speaks it (a marker below: "Your Honour", "objection", "exhibit A", "the court", "the
record", "no further questions", "witness", "jury", "counsel", "sustained", "overruled", "the defence /
prosecution", "into evidence"), so any other question reads exactly as before:
- forms of address ("Your Honour", "My Lord", "Members / Ladies and gentlemen of the jury,", "Very well,",
  "May it please the court,") and exhibit labels ("Exhibit A:", "Exhibit B,", "People's Exhibit 4 -")
  come off: an exhibit's letter is a label, never a value;
- a bare "Objection!", "Sustained.", "Overruled.", "I'll allow it." adds nothing; "Objection! Not a pie"
  keeps its prohibition ("not a pie"), and "Objection to the pie" / "I object to a pie" is "not a pie";
- closings ("No further questions.", "Nothing further.", "The defence rests.", "I rest my case.", "The
  witness may step down.", "Your witness.") come off whole;
- the court asked to look ("I direct the court's attention to", "I direct / refer / ask the court to (see
  / consider)", "show the court", "the court will note", "I move to admit into evidence", "I submit",
  "consider") is the request itself: "the court" is never a count;
- "Let the record show / reflect (that) ..." before the request is only a claim and comes off, unless
  the request points back to a value it names ("Let the record show Amazon and Netflix stand trial:
  their prices" is "Amazon and Netflix: their prices"); with no request after it, it is the request
  ("Let the record show the votes for each candidate");
- a sentence of testimony (the witness, the defendant, the prosecution, the jury, counsel, the trial)
  beside the request is context and comes off; a question that is only testimony is left to be refused.
Guilt, motives, reasons, crimes and the court's preference are left as they are (and refused downstream as
what the data cannot answer). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["uncourtroom"]

_I = re.IGNORECASE
_HONOUR_WORDS = r"(?:(?:your|my)\s+(?:hono(?:u)?r|lordship|ladyship)|my\s+lord|m'lud)"
# An exhibit's label: a capital letter or a number, so a museum's "this next exhibit" is no marker.
_LABEL = (
    r"(?i:(?:(?:people's|defen[cs]e|prosecution|state's|government's)\s+)?exhibit)\s+(?:[A-Z]{1,2}|\d{1,3})\b"
)
# A courtroom marker: nothing below is read in a question without one.
_COURT = re.compile(
    rf"(?i:\b{_HONOUR_WORDS}\b|\bobjection\b|\bI\s+object\b|\bthe\s+court\b|\bthe\s+record\s+(?:show|reflect|note)|"
    r"\bno\s+further\s+questions\b|\bnothing\s+further\b|\bwitness\b|\bjury\b|\bcounsel\b|\bsustained\b(?=\s*[!.,;])|"
    r"\boverruled\b(?=\s*[!.,;])|\bthe\s+(?:defen[cs]e|prosecution)\b|\binto\s+evidence\b|\bI\s+rest\s+my\s+case\b)|"
    rf"\b{_LABEL}"
)
_CLOSING = re.compile(
    r"(?:^|(?<=[.!?;]))\s*(?:no\s+further\s+questions|nothing\s+further|(?:the\s+)?(?:defen[cs]e|prosecution)"
    r"\s+rests|I\s+rest\s+my\s+case|(?:the\s+)?witness\s+(?:may|can)\s+step\s+down|you\s+may\s+step\s+down|"
    r"your\s+witness|so\s+ordered|I'?ll\s+allow\s+it)"
    rf"(?:\s*,?\s*(?:{_HONOUR_WORDS}|counsel))?\s*(?:[.!;]+|$)",
    _I,
)
_CHART = r"(?:pie|line|bar|histogram|scatter|area|donut|doughnut)"
_OBJECT_TO = re.compile(
    rf"\b(?:objection|I\s+object)\s+(?:to|against)\s+(?:(?:the|a|an|any)\s+)?(?P<type>{_CHART})(?:s|\s+charts?)?\b",
    _I,
)
# A bare ruling or objection: "Objection!", "Objection, Your Honour -", "Sustained.", "Overruled."
_RULING = re.compile(
    rf"\b(?:objection|sustained|overruled)\b(?:\s*,?\s*{_HONOUR_WORDS})?(?=\s*(?:[!.;:,\u2013\u2014-]|$))"
    r"\s*(?:[!.;:,]+|\s*-+|\s*[\u2013\u2014])?\s*",
    _I,
)
_HONOUR = re.compile(
    rf"(?:^|,)?\s*\b(?:{_HONOUR_WORDS}|(?:members|ladies\s+and\s+gentlemen)\s+of\s+the\s+jury)\b\s*,?", _I
)
# Not a label that is a sentence's subject ("Exhibit 22 is a weather log"): that sentence tells of it.
_EXHIBIT = re.compile(rf"\b{_LABEL}(?!\s+(?:is|was|shows|showed)\b)\s*(?:[:,.;]|-+|[\u2013\u2014])?\s*")
# Words that ask the court to look: the request follows them.
_LOOK = re.compile(
    r"\b(?:(?:I|we)\s+(?:would\s+)?(?:like\s+to\s+)?(?:direct|refer|draw|invite|ask|urge)\s+the\s+court(?:'s|\u2019s)?"
    r"(?:\s+attention)?\s+(?:to\s+)?(?:(?:see|consider|look\s+at|examine|note|review|view)\b)?|"
    r"(?:show|let)\s+the\s+court(?:\s+see)?|the\s+court\s+will\s+(?:note|see|consider|find)|"
    r"(?:I|we)\s+(?:move|wish|ask|seek|would\s+like)\s+to\s+(?:admit|enter|introduce|submit)"
    r"(?:\s+(?:into|in|as)\s+evidence)?|(?:I|we)\s+submit(?:\s+(?:into|as)\s+evidence)?|"
    r"(?:very\s+well|may\s+it\s+please\s+the\s+court|if\s+it\s+please\s+the\s+court)\s*[,:]|"
    r"^\s*consider\b)\s*",
    _I,
)
_RECORD = re.compile(
    r"^\s*let\s+the\s+record\s+(?:show|reflect|note|state)\s*(?:that\b|the\s+following\b)?\s*[,:]?\s*", _I
)
# A sentence's end: the next sentence or the part after a lead's colon.
_SPLIT = re.compile(r"(?<=[.!?])\s+|(?<=:)\s+")
_ITS = re.compile(r"\bits\b", _I)
_TESTIMONY = re.compile(
    r"\b(?:witness(?:es)?|defendants?|accused|prosecution|defen[cs]e|jury|counsel|trial|testif\w*|swears?|"
    r"swore|perjur\w*|alibi|verdict)\b",
    _I,
)


def uncourtroom(text: str, model: SemanticModel) -> str:
    """`text` with a lawyer's address to the court set aside; other text is unchanged."""
    if not _COURT.search(text):
        return text
    read = _CLOSING.sub(" ", text)
    read = _OBJECT_TO.sub(lambda m: f"not a {m['type']}", read)
    read = _RULING.sub(" ", read)
    read = _HONOUR.sub(" ", read)
    read = _EXHIBIT.sub(" ", read)
    parts = [p for p in (_LOOK.sub("", s).strip() for s in _SPLIT.split(tidy(read))) if p.strip(" .!:;,-")]
    parts = _unrecord(parts, model)
    kept = [p for p in parts if not _TESTIMONY.search(p)]
    if kept and len(kept) < len(parts):
        parts = kept
    read = tidy(" ".join(parts))
    return read if read.strip() and read != tidy(text) else text


def _unrecord(parts: list[str], model: SemanticModel) -> list[str]:
    """The parts with a "let the record show" claim set aside where a request follows it."""
    out: list[str] = []
    for i, part in enumerate(parts):
        found = _RECORD.match(part)
        if found is None:
            out.append(part)
            continue
        claim = part[found.end() :]
        rest = " ".join(parts[i + 1 :])
        if not rest.strip() or not claim.strip(" .:,"):
            # Nothing follows, or "the following:": what is shown is the request.
            out.append(claim)
            continue
        names = names_of(model)
        lost = [v for v in values_named(claim, names) if v.lower() not in rest.lower()]
        if lost and _ITS.search(rest):
            # "Let the record show Asia was the most populous: its population" is Asia's population.
            return [*out, _ITS.sub(f"{' and '.join(lost)}'s", rest, count=1)]
        pointed = points_back(rest)
        if lost and pointed:
            return [*out, f"{' and '.join(lost)}: {pointed}"]
        # Only a claim: the request after it is read alone.
    return out
