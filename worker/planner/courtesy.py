"""A polite, wordy user's courtesies, apologies and stories, set aside before the request is read.

Such a user wraps the request in courtesies ("I was wondering if you could possibly show me", "would it be at
all possible to see", "if it isn't too much trouble,", "if you'd be so kind,"), apologies ("Sorry if that's
a silly question.", "Forgive me, I'm not very good with these things, but"), thanks ("Thank you ever so
much.") and stories ("My late husband used to run a little café, you see.", "I lived in Villeray for
years.", "My grandson says smokers spend more. Is that right?"). None of it says anything about the data:
read with the request, its words are unknown ("possible", "husband"), its places become filters ("Kerala"),
and its negations ("he won't tell me", "I don't know the proper word") are read as exclusions with nothing
to exclude. So they are set aside here, before the negation readers see the text. The polite openers are
spelt as the plain "could you show me"; a courtesy title before a name ("Madame Joly") and an afterthought
"I mean" (never the mean of anything) go too.

Only what cannot restrict the data goes: a sentence told in the first person or about one's family is a
story only when it asks for nothing (no request, no "only", "except", "I mean", "interested in", no "I've
wondered how ...") and another sentence holds the request; a clause leading into the request ("I grow
irises, and could you ...") goes only when it holds no question word and no number. A story told before the
request stays when the request points back into it ("show me life expectancy there"). A negation inside
the request ("those who don't smoke") is never touched, and a gloss the user offers ("continents, I
suppose", "the money each person has, I think it's called") stays for the reader: only its hedge goes.
A message's place in the conversation before its request ("First,", "Next,", "Finally,", "Right,") goes
too. Text with nothing polite in it is returned exactly as written.
"""

from __future__ import annotations

import re

from worker.semantic import SemanticModel

__all__ = ["split_sentences", "uncourtesy"]

_I = re.IGNORECASE
_MODAL = r"(?:could|can|would|will|might|may)"
_SOFT = r"(?:\s+(?:possibly|perhaps|please|kindly|just))*"
# The polite ways of asking for the chart, spelt as the plain request the planner reads.
_OPENERS = [
    # "I was wondering if you could possibly show me", "I wondered whether I might see".
    (
        rf"\b(?:i\s+was|i'?m|i\s+am|i)\s+(?:just\s+)?wonder(?:ing|ed)\s+(?:if|whether)\s+(?:you|i)\s+{_MODAL}{_SOFT}"
        r"\s+(?=show|see|draw|have|get|make|plot|chart)",
        "could you ",
    ),
    # "Would it be at all possible to see", "would it be possible for you to show me".
    (
        r"\b(?:would|will|is)\s+it\s+(?:at\s+all\s+|perhaps\s+|possibly\s+|ever\s+)*(?:be\s+)?(?:at\s+all\s+)?"
        r"possible(?:\s+for\s+(?:you|me))?\s+to\s+(?:see|have|get)\b",
        "could you show me",
    ),
    (
        r"\b(?:would|will|is)\s+it\s+(?:at\s+all\s+)?(?:be\s+)?(?:at\s+all\s+)?possible(?:\s+for\s+you)?\s+to\b",
        "could you",
    ),
    # "I'd be so grateful if you could draw me".
    (
        r"\bi(?:'d|\s+would)\s+be\s+(?:so\s+|very\s+|ever\s+so\s+|really\s+|most\s+|awfully\s+)?"
        rf"(?:grateful|thankful|obliged)\s+if\s+you\s+{_MODAL}{_SOFT}\s+",
        "could you ",
    ),
    # "Could you possibly show me", "could I please see": the soft word says nothing.
    (rf"\b(?P<m>{_MODAL})\s+(?P<w>you|i)(?:\s+(?:possibly|perhaps|kindly|please|just))+\s+", r"\g<m> \g<w> "),
    (r"\b(?:could|can|may|might)\s+i\s+(?:have\s+a\s+look\s+at|see)\b", "could you show me"),
    (r"\bi(?:'d|\s+would)\s+(?:love|like|really\s+like|so\s+like)\s+to\s+see\b", "could you show me"),
]
# Courtesies placed around the request: conditions that condition nothing, and thanks.
_TROUBLE = r"(?:trouble|bother|hassle|imposition|problem)"
_AROUND = [
    rf"if\s+(?:it|that|this)(?:'s|\s+is|'d\s+be|\s+would\s+be|\s+isn'?t|\s+wouldn'?t\s+be)(?:\s+(?:not|no))?"
    rf"\s+(?:too\s+much\s+|much\s+)?(?:of\s+a\s+)?{_TROUBLE}",
    r"if\s+(?:you'?d|you\s+would)\s+be\s+so\s+kind",
    r"if\s+(?:you\s+)?(?:don'?t|do\s+not|wouldn'?t)\s+mind(?:\s+me\s+asking)?",
    r"if\s+(?:that'?s|that\s+is|it'?s|it\s+is)\s+(?:at\s+all\s+)?possible(?:\s+at\s+all)?",
    r"if\s+(?:at\s+all\s+)?possible",
    r"if\s+you\s+(?:can|could)\s+manage\s+(?:it|that)",
    r"(?:thank\s+you|thanks)\s+(?:ever\s+so\s+much|so\s+much|very\s+much|kindly|a\s+lot|in\s+advance)",
    # "the money each person has, I think it's called": the hedge on a gloss, not the gloss.
    r"i\s+(?:think|believe|suppose)\s+(?:it'?s|that'?s|that\s+is|it\s+is)\s+(?:what\s+it'?s\s+)?called",
    r"(?<=\w\s)i\s+suppose(?=\s*[.?!,]|$)",
    # "Sorry, I don't know the proper word, continents": the apology goes, the word it offers stays.
    r"(?:(?:i'?m\s+)?sorry\s*,?\s*)?i\s+(?:don'?t|do\s+not)\s+know\s+the\s+(?:proper|right|correct|real|technical)"
    r"\s+(?:word|term|name)(?:\s+for\s+(?:it|them|this|that))?(?=\s*[,:\u2014-]\s*(?!but\b|and\b|so\b)\w)",
    # "The Olympic ones, I mean.": the user's afterthought, never the mean of anything.
    r"i\s+mean(?=\s*[.?!]|$)",
    r"(?:(?<=^)|(?<=[.?!]\s))i\s+mean(?=\s*,)",
    # "..., you see, so I'm curious": a filler, not a request to see.
    r"you\s+see(?=\s*[,.?!;]|$)",
]
_AROUND_RE = re.compile(rf"(?:,\s*)?\b(?:{'|'.join(_AROUND)})\b\s*,?", _I)
# A sentence or clause begins as a story or an apology: the speaker, their family, a sorry or a thanks.
_TELLER = re.compile(
    r"^\W*(?:(?:and|but|oh|well|so)\b,?\s*)?"
    r"(?:my|our|i|i'm|i'?ve|i\s+am|i\s+was|we|we'?re|we'?ve|me\s+and|sorry|so\s+sorry|apologies|forgive\s+me"
    r"|pardon\s+me|excuse\s+me|thank\s+you|thanks|many\s+thanks|hope|i\s+hope|this\s+may\s+be|it\s+may\s+be)\b",
    _I,
)
# Words by which a first-person sentence asks for something or restricts the data, so it is no story.
_ASKS = re.compile(
    r"\b(?:show\w*|chart\w*|plot\w*|graph\w*|draw\w*|display\w*|visuali[sz]\w*|compar\w*|list\w*|rank\w*"
    r"|give\s+me|let\s+me\s+see|see|look\w*\s+(?:at|for|into)|only|just\s+(?:the|for|in|at|on)|except\w*"
    r"|exclud\w*|without|leav\w+\s+out|left\s+out|ignor\w*|skip\w*|mean|meant|interest\w*|care\w*|focus\w*"
    r"|want\w*|need\w*|prefer\w*|rather|instead|especially|particularly|i'?d\s+(?:like|love)|i'?m\s+after"
    rf"|i\s+would\s+(?:like|love)|{_MODAL}\s+(?:you|i)\b)",
    _I,
)
# A claim the chart is to test ("My grandson says ...") and its check ("Is that right?").
_CHECK = re.compile(
    r"^\W*(?:(?:is|was|are)\s+(?:that|it|he|she|this|they)\s+(?:really\s+)?(?:right|true|correct|so)"
    r"|(?:is\s+)?(?:that\s+)?(?:really|true|right)|am\s+i\s+right)\W*$",
    _I,
)
# A request that points back into a story told before it needs that story.
_BACK = re.compile(
    r"\b(?:there|then|it|its|them|they|their|theirs|he|she|him|his|her|hers|both|those\s+(?:years|two|three)"
    r"|these\s+(?:two|three)|that\s+(?:year|place|country|period|time|one|day|week|month|date|season))\b",
    _I,
)
# Where a story clause leading into the request ends: ", but could you", ", and I was wondering".
_LEAD = re.compile(
    r"(?:,\s*(?:(?:but|and|so)\b\s*,?\s*)?|\s+(?:but|and|so)\s+|\s*[;:\u2014]\s*|\s-\s)"
    rf"(?=(?:{_MODAL}\s+(?:you|i)|i'?d|i\s+would|please|show|let\s+me)\b)",
    _I,
)
# "Madame Joly", "Mr Coderre": a courtesy title before a name, which the data names without it.
_TITLE = re.compile(r"\b(?:Madame|Mme|Monsieur|Mister|Mr|Mrs|Ms|Miss|Mx)\.?\s+(?=[A-Z])")
# A story that asks a question of the data itself ("I've always wondered how ...") is the request's.
_WONDERS = re.compile(
    r"\b(?:wonder\w*|curious|interested|know|find\s+out|learn|feel\s+for|idea\s+of)\s+(?:about\s+)?"
    r"(?:how|what|which|whether|why|where|who|if)\b",
    _I,
)
# A clause leading into the request carries the question when it holds a question word or a number.
_LEAD_CARRIES = re.compile(r"\b(?:how|what|which|whether|why|where|who|when)\b|\d", _I)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=\S)")
_ABBREVIATION = re.compile(r"\b(?:dr|mr|mrs|ms|st|vs|prof|approx|e\.g|i\.e|no)\.$", _I)
_OPENER_RES = [(re.compile(p, _I), said) for p, said in _OPENERS]
# "First, a pie of ...", "Next, the average tip by day", "Finally, ...": a message's place in a conversation,
# said before its one request (a second request after it is still two charts, refused downstream).
_SEQUENCE = re.compile(
    r"^\s*(?:first(?:ly)?|first\s+of\s+all|first\s+up|next(?:\s+up)?|finally|lastly|to\s+(?:start|begin)"
    r"(?:\s+with)?|right(?:\s+then)?|alright|all\s+right)\s*,\s*(?=\S)",
    _I,
)


def uncourtesy(text: str, model: SemanticModel) -> str:
    """`text` without a polite user's courtesies, apologies and stories, with the request plainly asked."""
    del model  # the rules read only the words of courtesy, never the data's
    polite = _SEQUENCE.sub("", text)
    for pattern, said in _OPENER_RES:
        polite = pattern.sub(said, polite)
    polite = _TITLE.sub("", _AROUND_RE.sub(" ", polite))
    # A sentence left with no word ("Thank you ever so much." gone) leaves nothing behind.
    sentences = [s for s in split_sentences(polite) if re.search(r"\w", s)]
    kept = [_without_lead(s) for s in _without_stories(sentences)]
    if polite == text and kept == split_sentences(text):
        return text  # nothing polite: the text is left exactly as written (its lines, its marks)
    polite = " ".join(kept)
    polite = re.sub(r"^[\s,;:.\u2013\u2014]+(?=\w)|\s+(?=[,.?!])|(?<=[,.?!]),+|,(?=\s*[.?!])", "", polite)
    return " ".join(polite.split())


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`; a stop after an abbreviation ("Mr.", "Dr.") ends none."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if parts and _ABBREVIATION.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts


def _is_story(sentence: str) -> bool:
    """A sentence told by the speaker (or a sorry, a thanks) that asks for nothing and is no question."""
    return (
        bool(_TELLER.match(sentence))
        and not _ASKS.search(sentence)
        and not _WONDERS.search(sentence)
        and not sentence.rstrip().endswith("?")
    )


def _is_request(sentence: str) -> bool:
    return bool(_ASKS.search(sentence)) or (sentence.rstrip().endswith("?") and not _CHECK.match(sentence))


def _without_stories(sentences: list[str]) -> list[str]:
    """`sentences` without the stories and apologies told around the request, and a claim's check."""
    if not any(_is_request(s) and not _is_story(s) for s in sentences):
        return sentences  # nothing is asked besides: the reader names what it cannot read
    kept: list[str] = []
    dropped_before = told_first = False
    for sentence in sentences:
        if _is_story(sentence) or (dropped_before and _CHECK.match(sentence)):
            # A story, or the check after a claim set aside ("Is that right?").
            dropped_before = True
            told_first = told_first or not kept
            continue
        kept.append(_without_story_clause(sentence))
        dropped_before = False
    if told_first and any(_BACK.search(s) for s in kept):
        return sentences  # the request points back into the story told before it
    return kept


def _without_story_clause(sentence: str) -> str:
    """`sentence` without a trailing clause about the teller (", my mother's side came from there.")."""
    m = re.search(r",\s*(?P<c>(?:my|our)\s[^,.?!]+)(?P<end>[.?!]*)\s*$", sentence, _I)
    if m is None or _ASKS.search(m["c"]) or len(m["c"].split()) < 3:
        return sentence
    return sentence[: m.start()] + (m["end"] or ".")


def _without_lead(sentence: str) -> str:
    """`sentence` without a story or apology clause leading into its request ("Sorry to be a bother, but")."""
    if not _TELLER.match(sentence):
        return sentence
    for m in _LEAD.finditer(sentence):
        if m.start() == 0:
            continue
        lead = sentence[: m.start()]
        if _ASKS.search(lead) or _LEAD_CARRIES.search(lead) or _BACK.search(sentence, m.end()):
            return sentence  # the lead asks, carries or is pointed back to: it is part of the request
        return sentence[m.end() :]
    return sentence
