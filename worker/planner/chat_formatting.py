"""A chat platform's formatting taken off a question before it is read (Slack, Teams, Discord).

A chat message wraps its request in markup the words do not need: @mentions of the bot and of colleagues
("@chartq can you ...", "(cc @maria)"), Markdown (**bold**, _italics_, `inline code` around a column or a
value, ~~struck~~ words), emoji shortcodes (":chart_with_upwards_trend:", ":flag-ca:"), emoticons (":)"),
links, "+1 to what Dana said", a quoted message ("> ...") and bullet or numbered lists whose items are
clauses of one request. They are taken off so that the words are read as they would be typed plainly; a
mention's name is never a data value. Unicode emoji and "pls", "ty", "thx" are left to worker.planner.mobile.

A quoted line is the request itself when the reply points at it ("that ^ as a line chart", "this pls",
"+1"): the reply's words are then added to it. Otherwise the quote is context and is dropped.

The planner receives a question with its line breaks already folded into spaces, so lists and quotes are
also found without them: a numbered list by its markers running 1., 2., 3. in order; a bullet list by a
" - " right after a colon ("what I need: - measure: ...") and at least one more " - " that is not a range
between two numbers; a quote by the ">" that opens the message, ending at its first sentence end, at an
@mention, or at the "^" that points back at it.

A message pasted from an e-mail is read first, with its lines (worker.planner.pasted_messages): its
headers, greetings, sign-offs and signatures come off, and its reply is joined to the message under it when
it builds on it ("Make it a pie." over an "-----Original Message-----").

Only a message with chat markup is rewritten (a mention, a shortcode, Markdown, a leading quote or "+1");
anything else - "# of tables", "w/", "vs.", "tip * 2", "> 30", "bob@example.com" - is returned as it is.
"""

from __future__ import annotations

import re

from worker.planner.pasted_messages import builds_on, joined, unpaste
from worker.semantic import SemanticModel

__all__ = ["unchat"]

_I = re.IGNORECASE

# "@chartq", "@maria.s": not after a word (an email address) or another sign; the raw forms the
# platforms send are mentions too: Slack's and Discord's "<@U024BE7LH>", Teams' "<at>chartq</at>".
_MENTION = re.compile(r"(?<![\w@.+/-])@[A-Za-z][\w.-]*(?<=\w)|<@[!&]?\w+>|<at>[^<]*</at>", _I)
# ":flag-ca:", ":chart_with_upwards_trend:", ":+1:"; at least one letter, so "10:30:00" is no shortcode.
# Discord's custom emoji are sent as "<:party_parrot:1234>".
_SHORTCODE = re.compile(r"(?<![\w:]):(?=[\w+-]*[a-z])[a-z0-9_+-]+:(?![\w:])|<a?:\w+:\d+>")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(?P<t>.+?)(?<=\S)\1")
_CODE = re.compile(r"`{1,3}(?P<t>[^`]+?)`{1,3}")
# One star or underscore around words, never inside a word ("total_bill") or spaced ("tip * 2").
_ITALIC = re.compile(
    r"(?<![\w*])\*(?=[\w'\"])(?P<t>[^*]+?)(?<=[\w'\"%+])\*(?![\w*])"
    r"|(?<!\w)_(?=[\w'\"])(?P<u>[^_]+?)(?<=[\w'\"%+])_(?!\w)"
)
# Struck words were taken back by their writer.
_STRUCK = re.compile(r"~~(?=\S).+?(?<=\S)~~")
# A quote opens the message with ">" and a word or a mention: "> 30" is a condition, not a quote.
_QUOTE = re.compile(r"^\s*>\s*(?=[A-Za-z@'\"])")
_PLUS_ONE = re.compile(r"^\s*\+1\b")

# The markup that makes a message a chat message; without any, nothing here is rewritten.
_CHAT = (_MENTION, _SHORTCODE, _BOLD, _CODE, _ITALIC, _STRUCK, _QUOTE, _PLUS_ONE)

# "+1 to what Dana said", "+1 on this", "+1 to Sam": agreement with someone, no request of its own.
_AGREE = re.compile(
    r"(?:^|(?<=\s))\+1(?:\s+(?:to|on)\s+(?:what\s+\S+\s+(?:said|asked|wrote|suggested|posted)|this|that"
    r"|\S+))?[\s,.!:;-]*",
    _I,
)
# "that ^", "this ^^", "^": the reply points at the quoted message.
_POINTER = re.compile(r"(?:\b(?:that|this|same|the\s+above)\s+)?\^+", _I)
# A reply that is about the quote without "^": "+1", "same but for 2019", "can you chart this as a pie",
# "plot it pls" - "this", "that" or "it" with nothing of its own after it ("this year" is no pointer).
_REFERS = re.compile(
    r"^\+1\b|\b(?:this|that|it|same|the\s+above|ditto)(?=\s*(?:$|[,.;:!?]|(?:as|but|for|by|in|with|please"
    r"|pls|again|too|over|per)\b))",
    _I,
)
# Words a reply may say without asking anything of its own: "pls 🙏" under a quote asks for the quote.
_COURTESY = re.compile(r"\b(?:pls|plz|please|ty|thx|thanks|thank\s+you|ok|okay|hey|hi|yes)\b", _I)
_CC = re.compile(
    r"\(\s*(?:cc:?\s*)?(?:@[\w.-]+(?:[\s,&]+|\s+and\s+)?)+[^()\w]*\)"
    r"|\bcc:?\s+(?:@[\w.-]+(?:[\s,&]+|\s+and\s+)?)+",
    _I,
)
_LINK = re.compile(r"\[(?P<t>[^\]]+)\]\((?:https?://|www\.)[^)\s]*\)|<?(?:https?://|www\.)[^\s>]+>?", _I)
_EMOTICON = re.compile(r"(?<!\S)(?:[:;=]-?[()DPp/|]|<3|\^_\^)(?!\S)")

# List markers on a line of their own: "- item", "* item", "• item", "1. item", "2) item".
_ITEM_LINE = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
# The same markers once lines are folded: a numbered marker after a space ...
_NUMBER = re.compile(r"(?<!\S)(?P<n>\d{1,2})[.)]\s+")
# ... and a bullet opening the list right after a colon, then each next one not between two numbers.
_FIRST_BULLET = re.compile(r"(?:^|(?<=:))\s*[-*•]\s+(?=\S)")
_BULLET = re.compile(r"(?<=\S)\s+[-*•]\s+(?=\S)")
_RANGE_DASH = re.compile(r"\d\s+-\s+\d")


def unchat(text: str, model: SemanticModel) -> str:
    """`text` without the formatting of a chat message; unchanged when it has none."""
    del model  # the markup is the platform's, whatever the data
    older, text = unpaste(text)
    if older:
        text = _with_quote(older, text, joined(older, text) if builds_on(text) else "")
    if not any(pattern.search(text) for pattern in _CHAT):
        return text
    quote, body = _split_quote(text)
    text = _with_quote(quote, _unlist(body))
    # Links and shortcodes first: their colons are no clause ends for "+1 to Sam:" and "(cc @maria)".
    text = _LINK.sub(lambda m: m["t"] or " ", text)
    text = _SHORTCODE.sub(" ", _EMOTICON.sub(" ", _STRUCK.sub(" ", text)))
    text = _MENTION.sub(" ", _AGREE.sub(" ", _CC.sub(" ", text)))
    text = _unmark(text)
    return _tidy(text)


def _split_quote(text: str) -> tuple[str, str]:
    """The quoted message and the reply: the quote is the opening ">" lines, or once lines are folded,
    the words after ">" up to a "^" pointing back, an @mention or the first sentence end."""
    if not _QUOTE.match(text):
        return "", text
    lines = text.strip().splitlines()
    if len(lines) > 1:
        quoted = [line for line in lines if line.lstrip().startswith(">")]
        rest = [line for line in lines if not line.lstrip().startswith(">")]
        return " ".join(line.lstrip()[1:] for line in quoted), "\n".join(rest)
    text = _QUOTE.sub("", text)
    ends = [m.start() for m in (_POINTER.search(text), _MENTION.search(text, 1)) if m]
    sentence = re.search(r"[.?!](?=\s)", text)
    ends += [sentence.end()] if sentence else []
    end = min(ends, default=len(text))
    return text[:end], text[end:]


def _with_quote(quote: str, reply: str, built: str = "") -> str:
    """The request: the quote with the reply's words when the reply points at it (or says nothing of its
    own), else the reply alone (the quote was context); `built` is a pasted e-mail's reply joined to the
    message it builds on (worker.planner.pasted_messages)."""
    if not quote:
        return reply
    if built:
        return built
    bare = _tidy(_COURTESY.sub(" ", _MENTION.sub(" ", _SHORTCODE.sub(" ", reply))))
    if _POINTER.search(reply) or _REFERS.search(bare) or not re.search(r"[A-Za-z]{2}", bare):
        return f"{quote.strip()} {_POINTER.sub(' ', _AGREE.sub(' ', reply))}"
    return reply


def _unlist(text: str) -> str:
    """A bullet or numbered list's items as clauses of one request, joined by ";"."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if len(lines) > 1:
        parts: list[str] = []
        for line in lines:
            item = _ITEM_LINE.match(line)
            words = (line[item.end() :] if item else line).strip()
            # An item after the list's introduction ("what I need:") follows it; the next ones are clauses.
            parts.append("; " + words if item and parts and not parts[-1].endswith(":") else " " + words)
        return "".join(parts).strip()
    return _unbullet(_unnumber(text))


def _unnumber(text: str) -> str:
    """Folded numbered markers "1. ... 2. ... 3." (in order, from 1, at least two) read as clauses."""
    run: list[re.Match[str]] = []
    for marker in _NUMBER.finditer(text):
        if int(marker["n"]) == len(run) + 1:
            run.append(marker)
    if len(run) < 2:
        return text
    for marker in reversed(run[1:]):
        text = f"{text[: marker.start()].rstrip(' ,;')}; {text[marker.end() :]}"
    return f"{text[: run[0].start()]} {text[run[0].end() :]}"


def _unbullet(text: str) -> str:
    """Folded bullets: the first right after a colon (or opening the message), then each " - " that is not a
    range between two numbers ("1967 - 1997")."""
    first = _FIRST_BULLET.search(text)
    if first is None:
        return text
    tail = text[first.end() :]
    bullets = [
        m for m in _BULLET.finditer(tail) if not _RANGE_DASH.fullmatch(tail[m.start() - 1 : m.end() + 1])
    ]
    if not bullets:
        return text
    for m in reversed(bullets):
        tail = f"{tail[: m.start()].rstrip(' ,;')}; {tail[m.end() :]}"
    return f"{text[: first.start()]} {tail}".strip()


def _unmark(text: str) -> str:
    """Bold, italics and inline code taken off their words."""
    text = _CODE.sub(lambda m: m["t"], text)
    text = _BOLD.sub(lambda m: m["t"], text)
    return _ITALIC.sub(lambda m: m["t"] or m["u"], text)


def _tidy(text: str) -> str:
    """Spaces and punctuation left where markup was: "( )", " ,", a leading comma or dash."""
    text = re.sub(r"\(\s*\)", " ", text)
    text = " ".join(text.split())
    text = re.sub(r"\s+(?=[,;:!?](?:\s|$))", "", text)
    text = re.sub(r"([,;:])(?:\s*[,;])+", r"\1", text)
    return re.sub(r"^[\s,;:.!-]+", "", text).strip()
