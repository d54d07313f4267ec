"""A TV shopping host's pitch ("But wait, there's more!", "Call now!"), set aside around its request. Read
only in a question that speaks it (a marker below: "but wait, there's more", "call now / today", a 1-800
number, "operators are standing by", "order in the next N minutes / now / by midnight", "N easy payments",
"for just $X", "act now", "not sold in stores", "satisfaction guaranteed", "money back", "as seen on TV",
"N left in stock", "limit N per household", "we'll double it", "two for the price of one", "it slices, it
dices"), so any other question reads exactly as before:
- patter adds nothing, wherever a phrase (between the start or end, ",", ":", ";", ".", "!", "?" or " - ")
  is made of it alone: "But wait, there's more (wind)!", "Call now / today / 1-800-555-0199 /
  1-800-VOTE-NOW", "Operators are standing by", "Order now / in the next ten minutes / by midnight on 31
  December", "(For just) three easy payments (of $19.99)", "one low monthly payment", "for just $9.99",
  "Act now", "Not sold in stores", "Satisfaction guaranteed (or your money back)", "As seen on TV", "only
  3 left in stock", "limit three per household", "(and if you're not happy,) we'll double it", "Two for
  the price of one", "It slices, it dices", "We ship internationally", "and it's yours", "You've seen the
  pie in our catalogue", "(It's) our Sunday-night special", "tonight's product is Saturday's", "folks":
  a price is no threshold, a count of payments, minutes or stock is no limit, a deadline is no date, and
  a value the pitch names is planned only where the request names it again;
- a lead of payments or an offer before the request ("For just three easy payments of $19.99 you get",
  "it shows you") comes off and leaves the request;
- a product that is a chart asks for it ("this beautiful pie is yours", "you'll get this gorgeous pie",
  "this gold-plated pie can be yours", "tonight it ships as bars"), unless the request names another chart
  type; its adjectives ("gold-plated") set no filter; "Not one line but two" is "two lines".
A product's sales, a second chart "free with your order", "whichever sells better", a doubled tip and
prices in other currencies are left as they are (and refused downstream as what the data cannot answer).
Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.semantic import SemanticModel

__all__ = ["unshop"]

_I = re.IGNORECASE
_A = r"['\u2019]"
_N = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty)"
)
_PRICE = r"(?:[$£€]\s?\d+(?:[.,]\d{2})?|\d+(?:\.\d{2})?\s?(?:dollars|bucks))"
_PHONE = r"(?:1-800-[A-Z0-9-]*[A-Z0-9]|\(?\d{3}\)?[-\s]\d{3}-\d{4})"
_PAYMENTS = (
    rf"(?:(?:for\s+)?(?:just|only)\s+)?(?:{_N}\s+(?:easy|low|small|simple)\s+(?:monthly\s+)?payments?"
    rf"|one\s+low\s+(?:monthly\s+)?payment)(?:\s+of\s+(?:just\s+|only\s+)?{_PRICE})?"
    rf"|(?:for\s+)?(?:just|only)\s+{_PRICE}"
)
_DEADLINE = (
    rf"(?:order|call|buy)\s+(?:now|today|tonight|(?:with)?in\s+the\s+next\s+{_N}\s+(?:minutes|hours)"
    r"|(?:by|before)\s+midnight(?:\s+tonight|\s+on\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+\w+|\w+\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\w+day))?)"
)
# What marks the voice: nothing below is read in a question without one.
_SHOP = re.compile(
    rf"\b(?:but\s+wait\s*,?\s+there{_A}s\s+more|call\s+(?:now|today|us)\b|call\s+{_PHONE}|operators\s+are\s+standing"
    rf"|{_DEADLINE}|{_N}\s+(?:easy|low)\s+(?:monthly\s+)?payments?|for\s+(?:just|only)\s+{_PRICE}|act\s+now"
    r"|not\s+(?:sold|available)\s+in\s+(?:any\s+)?stores|satisfaction\s+guaranteed|money\s+back|as\s+seen\s+on\s+tv"
    rf"|left\s+in\s+stock|limit\s+{_N}\s+per\s+(?:household|customer)|we{_A}ll\s+double\s+it"
    r"|two\s+for\s+the\s+price\s+of\s+one|it\s+slices\s*,\s*it\s+dices)",
    _I,
)
_SPECIAL = r"(?:special|product|deal|offer|bargain|steal)"
# Patter: a phrase made only of these (and the connectors) adds nothing.
_PATTER = re.compile(
    rf"(?:but\s+wait|wait|there{_A}s\s+more(?:\s+\w+)?|call\s+(?:now|today|us)|call(?:\s+us)?(?:\s+(?:at|on))?"
    rf"\s+{_PHONE}(?:\s+(?:now|today|tonight))?|{_PHONE}|operators\s+are\s+standing\s+by(?:\s+to\s+take\s+your\s+calls?)?"
    rf"|{_DEADLINE}|{_PAYMENTS}|act\s+(?:now|fast|today)|(?:not|never)\s+(?:sold|available)\s+in\s+(?:any\s+)?stores"
    r"|satisfaction\s+guaranteed|(?:or\s+)?your\s+money\s+back(?:\s+guaranteed)?|money-back\s+guarantee"
    r"|as\s+seen\s+on\s+tv|(?:only|just)\s+\w+\s+left(?:\s+in\s+stock)?|while\s+(?:stocks|supplies)\s+last"
    rf"|limit\s+{_N}\s+per\s+(?:household|customer)|(?:we{_A}ll|we\s+will)\s+double\s+it"
    rf"|if\s+you{_A}re\s+not\s+(?:completely\s+|totally\s+|100%\s+)?(?:happy|satisfied)"
    r"|two\s+for\s+the\s+price\s+of\s+one|buy\s+one\s+get\s+one\s+free|it\s+slices|it\s+dices"
    r"|we\s+ship\s+(?:internationally|worldwide|for\s+free|free)"
    rf"|it{_A}s\s+yours|it\s+(?:is|can\s+be)\s+yours|you{_A}ve\s+seen\s+(?:it|the\s+\w+|this\s+\w+)[\w\s]{{0,30}}"
    rf"|(?:it{_A}s\s+|this\s+is\s+)?(?:our|tonight{_A}s|today{_A}s|this\s+week{_A}s)\s+[\w\s'-]{{0,30}}?{_SPECIAL}"
    r"(?:\s+is\s+[\w'\u2019-]+)?)(?=\W|$)",
    _I,
)
# Patter joined to the request by "and" ("Call now and you'll get ..."): the request is what follows.
_PATTER_AND = re.compile(rf"^\s*(?:{_PATTER.pattern})\s*,?\s+and\s+(?:then\s+)?", _I)
_CONNECTOR = re.compile(
    r"\b(?:and|but|so|now|then|folks|everyone|everybody|friends|ladies\s+and\s+gentlemen|yes|tonight|today)\b",
    _I,
)
_CHART = r"(?:pie|line|bar|histogram|scatter(?:\s*plot)?|donut|doughnut)"
_ADJ = r"(?:[\w-]+\s+){0,3}?"
# A product that is a chart: "this beautiful pie is yours", "you'll get this pie", "it ships as bars".
_PRODUCT = re.compile(
    rf"(?:(?:and\s+)?you(?:{_A}ll|\s+will)?\s+(?:get|receive|take\s+home)\s+(?:this|our|a|one)\s+{_ADJ}"
    rf"(?P<a>{_CHART})s?(?:\s+chart)?|(?:this|our)\s+{_ADJ}(?P<b>{_CHART})s?(?:\s+chart)?\s+"
    rf"(?:is|can\s+be|could\s+be|will\s+be)\s+(?:all\s+)?yours|(?:it|this|they)\s+(?:ships|comes|arrives)"
    rf"(?:\s+to\s+you)?\s+as\s+(?:an?\s+)?(?P<c>{_CHART})s?(?:\s+charts?)?)"
    # Only a product announced on its own: "you'll get a line of ..." is the request itself.
    r"(?=\s*(?:[:;,.!?]|\s[-\u2013\u2014]+\s|$))",
    _I,
)
_CATALOGUE = re.compile(r"\bin\s+our\s+(?:catalogue|catalog|brochure|showroom)\b", _I)
_NAMES_CHART = re.compile(rf"\b{_CHART}s?\b", _I)
# A price the pitch asks ("for just $5", "for three easy payments") wherever it stands: never a threshold.
_PRICED = re.compile(
    rf"\s*,?\s*\bfor\s+(?:(?:just|only)\s+{_PRICE}|(?:just\s+|only\s+)?(?:{_N}|one\s+low)\s+(?:easy|low|small|simple)?\s*"
    rf"(?:monthly\s+)?payments?(?:\s+of\s+(?:just\s+|only\s+)?{_PRICE})?)(?=\W|$)",
    _I,
)
_NOT_ONE = re.compile(rf"\bnot\s+one\s+(?P<chart>{_CHART})\s+but\s+two\b", _I)
# A lead of payments or an offer: what follows it is the request.
_LEAD = re.compile(
    rf"(?:^|(?<=[.!?:]\s))\s*(?:(?:{_PAYMENTS})\s*,?\s+)?(?:and\s+)?(?:you(?:{_A}ll|\s+will)?\s+(?:get|receive)"
    r"|it\s+(?:shows|gives|brings)\s+you)\s+",
    _I,
)
# A phrase ends at a comma, colon, semicolon, sentence end or a dash between spaces; "$19.99" is one.
_PIECES = re.compile(
    r"(?P<piece>(?:(?!\s+[-\u2013\u2014]+\s)[^,:;.!?]|(?<=\d)[.,](?=\d))*)(?P<end>\s+[-\u2013\u2014]+\s+|[,:;.!?]+|$)"
)
_STOP = re.compile(r"[.!?]")
_LEADING = re.compile(r"^[\s,:;.!?\u2013\u2014-]+")
_BLANK = re.compile(r"[\s'\"()\u2019\u2013\u2014-]+")


def unshop(text: str, model: SemanticModel) -> str:
    """`text` with a TV shopping host's pitch set aside; other text is unchanged."""
    # A product alone ("tonight it comes as bars") is no marker: a sommelier serves charts that way too.
    if not (_SHOP.search(text) or _CATALOGUE.search(text)):
        return text
    asked: list[str] = []
    read = _PRODUCT.sub(lambda m: _product(m, asked), text)
    read = _NOT_ONE.sub(lambda m: f"one {m['chart'].lower()} each", read)
    read = _unpatter(_PRICED.sub("", read))
    read = _LEAD.sub("", read)
    if not read.strip(" ?!.,;:'\"-"):
        # Nothing but patter: left whole, so its refusal names its words.
        return text
    if asked and not _NAMES_CHART.search(read):
        read = f"{read.rstrip()} As {_as(asked[-1])}."
    return tidy(read) if read != text else text


def _product(found: re.Match[str], asked: list[str]) -> str:
    asked.append((found["a"] or found["b"] or found["c"]).lower())
    return " "


def _as(chart: str) -> str:
    return "bars" if chart == "bar" else f"a {chart}"


def _unpatter(text: str) -> str:
    """The text without the phrases made only of patter; the sentence end of a dropped phrase is kept."""
    kept: list[list[str]] = []
    for found in _PIECES.finditer(text):
        piece, end = found["piece"], found["end"]
        if not piece and not end:
            continue
        if not piece.strip() or _is_patter(piece):
            if kept and _STOP.search(end) and not _STOP.search(kept[-1][1]):
                kept[-1][1] = end.strip()[-1:]
            continue
        kept.append([_PATTER_AND.sub("", piece), end])
    return _LEADING.sub("", "".join(piece + end for piece, end in kept))


def _is_patter(piece: str) -> bool:
    left = _CONNECTOR.sub(" ", _PATTER.sub(" ", piece))
    return not _BLANK.sub("", left)
