"""A request pasted with the debris of an e-mail or a rich-text editor around it, read as its request alone.

Read line by line, before the line breaks are folded (worker.planner.chat_formatting calls it first):

- the older message: what follows a separator ("-----Original Message-----", "---------- Forwarded
  message ---------", "Begin forwarded message:", a line of underscores), a reply attribution ("On Mon, 2
  Dec 2019 at 09:14, Jo <jo@example.com> wrote:", "Le 2 déc. 2019, Jo a écrit :", "Am ... schrieb ...:")
  or a header block under the reply ("From: Pat Roy" / "Sent: ..." / "Subject: votes"), and ">" lines;
- machinery that says nothing: header lines, a subject line opening the message ("RE: wind rose",
  "Fwd: NFLX"), greetings on a line of their own ("Hi Sam,"), a sign-off ("Thanks,", "Best,", "Regards,
  Ana", "Kind regards") or a "-- " line with everything under it, "Sent from my iPhone", confidentiality
  notices, telephone lines ("Harbour Office | Tel. 555 0142"), "[image: logo.png]" placeholders, a
  sentence around a link ("The old version lives at https://... - ignore it."), and a complaint about
  the pasted picture ("The chart above has the wrong nation.");
- characters that do not show: a soft hyphen or zero-width space inside a word ("pe\u00adtal" is
  "petal"); a non-breaking space is a space.

The result is the older message and the reply; the caller keeps the reply alone, or joins both when the
reply builds on the older message (`builds_on`: "Make it a pie.", "Yes please - as a pie.", "All three
nations, please, most first.", "Also the medals by nation" - two charts, refused as such). A correction of
the older message ("Scratch my note below - not Europe, Asia.") is spelt as a written correction ("-
sorry, I meant Asia, not Europe") for worker.planner.written_corrections. A message with none of this
debris is returned as it is, with no older message.
"""

from __future__ import annotations

import re

__all__ = ["builds_on", "joined", "unpaste"]

_I = re.IGNORECASE

# Soft hyphen, zero-width space / joiners, word joiner, byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

_SEPARATOR = re.compile(
    r"^\s*(?:-{2,}\s*(?:original|forwarded)\s+message\s*-{2,}|begin\s+forwarded\s+message\s*:"
    r"|_{8,}|-{8,}|\*{8,}|original\s+message\s*:?)\s*$",
    _I,
)
# "On Mon, 2 Dec 2019 at 09:14, Jo Park <jo@x.com> wrote:", "Jo wrote:", "Le ... a écrit :", "Am ... schrieb".
_ATTRIBUTION = re.compile(
    r"^\s*(?:(?:on\s.{3,160}?\s)?\S.{0,160}?\b(?:wrote|writes|a\s+écrit|schrieb)|am\s.{3,160}?\sschrieb\s.{1,160})"
    r"\s*:\s*$",
    _I,
)
# The same opening a quoted line: "Ana wrote: life expectancy ..." (a name, not a sentence).
_INLINE_ATTRIBUTION = re.compile(r"^\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s+wrote\s*:\s*")
# "From: Jo", "Sent: 4 December 2019 14:10", "Date: Mon, 2 Dec 2019": a period asked as "From: 2019-01-01"
# or "To: 2019-06-30" is no header.
_HEADER = re.compile(
    r"^\s*(?:(?:from|sent|date|to|cc|bcc|subject|reply-to|importance)\s*:(?!\s*\d)"
    r"|(?:date|sent)\s*:.*(?:\d:\d\d|\b(?:mon|tue|wed|thu|fri|sat|sun)))",
    _I,
)
_SUBJECT = re.compile(r"^\s*(?:(?:re|fw|fwd|aw|wg|tr)\s*:\s*)+[^.?!]{0,60}$", _I)
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening)|morning)\b"
    r"(?:(?:\s+[\w.'-]+){0,3}\s*[,!:]|(?:\s+[\w'-]+)?[.!]?)\s*$",
    _I,
)
_SIGN_OFF = re.compile(
    r"^\s*(?:(?:many\s+|thanks\s+and\s+)?thanks|thank\s+you|thx|cheers|best(?:\s+wishes)?|all\s+the\s+best"
    r"|(?:kind|best|warm|warmest)\s+regards|regards|sincerely|yours(?:\s+truly|\s+sincerely)?|br)"
    r"\b(?:\s*(?:in\s+advance|again|so\s+much|a\s+lot))?[,.!]?(?:\s+(?-i:[A-Z])[\w.'-]*){0,3}\s*$",
    _I,
)
_DASHES = re.compile(r"^\s*--\s*$")
_SENT_FROM = re.compile(
    r"^\s*(?:sent\s+from\s+my\s|sent\s+from\s+(?:outlook|mail|yahoo)|get\s+outlook\s+for)", _I
)
_DISCLAIMER = re.compile(
    r"\b(?:confidential(?:ity)?|privileged|intended\s+recipient|intended\s+solely|disclaimer"
    r"|unauthori[sz]ed\s+(?:use|disclosure))\b",
    _I,
)
# "Tel. 555 0142", "+1 514 555 0199", "ext. 4411", "Mobile: ...", "Office | Team".
_CONTACT = re.compile(
    r"\b(?:tel|phone|mobile|mob|fax|cell|ext)\b\.?\s*:?\s*\+?\d|\+\d[\d ()-]{7,}\d|\S\s+\|\s+\S",
    _I,
)
_IMAGE = re.compile(r"\[(?:image|cid|inline\s+image|attachment)\s*:[^\]]*\]|<image\d*\.\w+>", _I)
_URL = re.compile(r"(?:https?://|www\.)\S+", _I)
# "The chart above has the wrong nation": about the pasted picture, not a request.
_COMPLAINT = re.compile(
    r"\b(?:chart|graph|image|picture|screenshot|one|version)\s+(?:above|below|attached|here)\b", _I
)
_SENTENCE = re.compile(r"\S.*?(?:[.?!]+(?=\s)|$)")
_LINK = "\ue000"

# The reply builds on the older message: it answers or agrees ("Yes please", "Sure"), points at it
# ("make it", "this ^", "all three"), adds to it ("also", "and", "too") or corrects it ("scratch").
_BUILDS = re.compile(
    r"^\W*(?:yes|yep|yeah|sure|ok(?:ay)?|great|perfect|please\s+do|also|and|plus|but|instead|only|just|as\s+an?"
    r"|scratch|correction|actually|same|ditto|all\s+(?:\w+\s+)?(?:of\s+them|nations?|countries|\w+s)\b)"
    r"|\b(?:it|them|this|that|those|these)\b(?!\s+(?:year|month|week|quarter|day))|\^"
    r"|\b(?:too|as\s+well|instead|below|above)\b",
    _I,
)
# "Yes please -", "Sure -", "OK,": assent that adds nothing once the two are joined.
_ASSENT = re.compile(
    r"^\W*(?:(?:yes|yep|yeah|sure|ok(?:ay)?|great|perfect|same(?:\s+thing)?|ditto)\b[\s,!.-]*(?:please\b)?"
    r"[\s,!.:-]*)+",
    _I,
)
_SCRATCH = re.compile(
    r"^\W*(?:scratch|ignore|disregard|correction\s+to)\s+(?:my|the)\s+(?:\w+\s+)?(?:note|message|e-?mail|request"
    r"|question)(?:\s+(?:below|above))?\s*[-:,\u2013\u2014]*\s*",
    _I,
)
# "put sepal length next to it, in the same chart": the added measure beside the quoted one.
_BESIDE = re.compile(
    r"\b(?:next\s+to|beside|alongside)\s+(?:it|that|them)\b(?:\s*,?\s*(?:in|on)\s+the\s+same\s+(?:chart|graph|plot))?",
    _I,
)
_NOT_BUT = re.compile(r"^not\s+(?P<old>[^,]+?)\s*,\s*(?:but\s+)?(?P<new>[^,.!]+?)\s*[.!]*$", _I)


def unpaste(text: str) -> tuple[str, str]:
    """The older message and the newest text of a pasted e-mail, both without debris; ("", text) for a
    message with no e-mail debris (only invisible characters taken out)."""
    text = _INVISIBLE.sub("", text).replace("\u00a0", " ")
    lines = text.splitlines()
    if len(lines) < 2 or not (_SUBJECT.match(lines[0]) or any(_is_debris(line) for line in lines)):
        return "", text
    reply, older = _split(lines)
    return _clean(older, quoted=True), _clean(reply, quoted=False)


def builds_on(reply: str) -> bool:
    """Whether `reply` refines the older message rather than asking for a chart of its own."""
    return bool(_BUILDS.search(reply)) or reply.rstrip().endswith(":")


def joined(older: str, reply: str) -> str:
    """One request of the older message and a reply that builds on it: the reply's assent dropped, a
    correction spelt as a written one."""
    if reply.rstrip().endswith(":"):  # "Forwarding from Sam:" introduces the message under it
        return f"{reply} {older}"
    scratch = _SCRATCH.match(reply)
    if scratch:
        said = reply[scratch.end() :].strip()
        swap = _NOT_BUT.match(said)
        said = f"{swap['new']}, not {swap['old']}" if swap else said
        return f"{older} - sorry, I meant {said}"
    return f"{older} {_BESIDE.sub('side by side', _ASSENT.sub('', reply))}".strip()


def _is_debris(line: str) -> bool:
    return any(
        p.search(line)
        for p in (_SEPARATOR, _ATTRIBUTION, _HEADER, _SIGN_OFF, _DASHES, _SENT_FROM, _DISCLAIMER, _IMAGE)
    ) or bool(_GREETING.match(line) and line.rstrip().endswith(","))


def _split(lines: list[str]) -> tuple[list[str], list[str]]:
    """The reply's lines and the older message's: the older one starts at a separator, an attribution or
    a header line under the reply's words; ">" lines anywhere are older."""
    reply: list[str] = []
    older: list[str] = []
    for i, line in enumerate(lines):
        starts = _SEPARATOR.match(line) or _ATTRIBUTION.match(line.lstrip("> "))
        if starts or (_HEADER.match(line) and any(_words(r) for r in reply)):
            return reply, older + lines[i + (1 if starts else 0) :]
        (older if line.lstrip().startswith(">") else reply).append(line)
    return reply, older


def _words(line: str) -> bool:
    return bool(re.search(r"[A-Za-z]{2}", line)) and not _SUBJECT.match(line) and not _HEADER.match(line)


def _clean(lines: list[str], quoted: bool) -> str:
    """The lines' words without machinery, sign-off and signature; a bullet's line kept a line."""
    kept: list[str] = []
    for line in lines:
        line = line.lstrip()[1:] if quoted and line.lstrip().startswith(">") else line
        line = _INLINE_ATTRIBUTION.sub("", line) if quoted else line
        if _SIGN_OFF.match(line) or _DASHES.match(line):
            break
        if _ATTRIBUTION.match(line) or _SEPARATOR.match(line) or _HEADER.match(line) or _GREETING.match(line):
            continue
        if _SENT_FROM.match(line) or _DISCLAIMER.search(line) or _CONTACT.search(line):
            continue
        if not kept and _SUBJECT.match(line):
            continue
        pictured = bool(_IMAGE.search(line))
        line = _IMAGE.sub(" ", line)
        if line.strip():
            kept.append(_sentences(line, pictured or any(_IMAGE.search(x) for x in lines)))
    return "\n".join(line for line in kept if line.strip()).strip()


def _sentences(line: str, pictured: bool) -> str:
    """The line without its sentences around a link, or complaining about a pasted picture; a line of
    only such sentences keeps its words (the request may be in them)."""
    marked = _URL.sub(_LINK, line)  # a link's dots and "?" end no sentence
    sentences = _SENTENCE.findall(marked)
    kept = [s for s in sentences if _LINK not in s and not (pictured and _COMPLAINT.search(s))]
    if len(kept) == len(sentences):
        return line
    if not any(re.search(r"[A-Za-z]{3}", s) for s in kept):
        return _URL.sub(" ", line)
    return " ".join(s.strip() for s in kept)
