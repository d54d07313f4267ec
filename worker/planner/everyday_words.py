"""Everyday words for the data's terms, said by a user who is not a data person, spelt out in the model's
words before the question is read (after worker.planner.courtesy has set the courtesies aside).

- Tips: "the money people leave for the waiter" and "what they left for the waiter" are the tip, and
  "who leave more for the waiter" tip more; "how much each person at the table left for the waiter" is the
  tip per person; "what the tip came to as a portion of the bill" is the tip percentage; "how much the
  tables spent on their meals" is the total bill; "how many people were sitting together" is the party
  size; "the gentlemen" / "the ladies" are the men / the women; "those who don't smoke" are non-smokers.
- Gapminder: "how long people live / lived" is life expectancy (not "how long ago"); "how many people
  lived in" is the population; "the money each person has" is GDP per capita and "the best off" the
  richest; "each part of the world" is each continent; "the longest-lived first" ranks highest first.
- Stocks: "those computer companies" are the companies; "that film company, Netflix," is Netflix; "how
  the shares of X went" is X's price over time; "the highest the share price ... ever got to" is the
  highest share price ... ever.
- Iris: the parts of the flower, and a company's shares, are in worker.planner.everyday_parts.
- Medals, wind, election: "the Olympic ones" names the medals already named; "<values>, each one
  separately" is one bar each; "in the order you'd go round a compass" is compass order; "the people
  standing for mayor" are the candidates; a title before a name ("Madame Joly") is dropped; "each
  candidate shown separately" is each candidate in its own colour.
- Chart words and colours ("a round chart", "with A and B in different colours") are in
  worker.planner.everyday_charts, read after these.

Each pattern needs the everyday phrase whole, so words with other meanings elsewhere ("round the numbers",
"leave out", an ellipsis's dots, "how long ago", "people" as a population) are left as written.
"""

from __future__ import annotations

import re

from worker.planner.everyday_charts import CHART_WORDS, recolour
from worker.planner.everyday_parts import company_shares, iris_parts
from worker.planner.everyday_verbs import unverb
from worker.semantic import SemanticModel

__all__ = ["LIVED", "spell_lived", "uneveryday"]

_I = re.IGNORECASE
_WAITER = r"(?:the\s+)?(?:waiters?|waitress(?:es)?|waiting\s+staff|servers?|staff)"
_WHO = r"(?:(?:the\s+)?(?:people|diners|customers|guests|tables?|folks?)|they|everyone)"
_LEAVE = r"(?:leave|leaves|left|give|gave|gives)"
_LIVE = r"(?:live|lived|lives|live\s+for|lived\s+for)"

# The rewrites in order: the ones that read a longer phrase come before those of its words.
_SAID: list[tuple[str, str]] = [
    # "the mean sepal width beside the mean petal length": both measures, side by side.
    (r"\s+(?:beside|next\s+to|alongside)\s+(?=the\s+(?:mean|average|median|total)\s)", " and "),
    # "the lowest ... Just the one at the bottom" (or "the bottom one"): the one ranked, at the end asked for.
    (
        r"(?P<low>\b(?:lowest|fewest|least|smallest|poorest|worst|shortest|weakest)\b[^\n]*?)\b(?P<j>just|only)\s+"
        r"the\s+(?:one\s+at\s+the\s+bottom|bottom\s+one)\b",
        r"\g<low>\g<j> the one",
    ),
    # "one dot per country" on a scatter: the rows are the countries (or flowers, tables, districts) anyway.
    # A chart described by its axes ("Horizontal axis: ..., one dot per country") is read by chart_grammar.
    (
        r"^(?P<pre>(?![^\n]*\baxis\b)[^\n]*?),?\s*(?:with\s+)?one\s+(?:dot|point|marker)\s+(?:per|for\s+each"
        r"|for\s+every|a)\s+(?:country|nation|flower|table|district)\b",
        r"\g<pre>",
    ),
    # Tips. "the gentlemen" and "the ladies" first, so that "the ladies who leave" reads as "the women who".
    # "the tables seating at least three people": with that many.
    (
        r"\bseating\s+(?=(?:at\s+least|at\s+most|more\s+than|fewer\s+than|over|under|up\s+to|exactly|\d+|one|two"
        r"|three|four|five|six)\b)",
        "with ",
    ),
    # "tables that ran up a bill of more than 40 dollars": had a bill of.
    (r"\b(?:ran|run|runs|running)\s+up\s+(?=(?:a|the|their|its)\s+(?:bill|tab|total)\b)", "had "),
    (r"\bgentlemen\b", "men"),
    (r"\bgentleman\b", "man"),
    (r"\bladies\b", "women"),
    (r"\blady\b", "woman"),
    # "how much each person at the table left for the waiter": the tip per person.
    (
        rf"\b(?:how\s+much|what)\s+each\s+(?:person|diner|guest|customer)(?:\s+at\s+the\s+tables?)?\s+"
        rf"{_LEAVE}\s+(?:(?:for|to)\s+)?{_WAITER}",
        "tip per person",
    ),
    # "the money people leave for the waiter", "the money left for the waiter", "what they left for the
    # waiter": the tip ("how much I ought to leave" is advice, and has no such subject).
    (
        rf"\b(?:the\s+)?(?:money|amount|cash)\s+(?:that\s+)?(?:{_WHO}\s+)?{_LEAVE}\s+(?:(?:for|to)\s+)?{_WAITER}",
        "tip",
    ),
    (rf"\b(?:what|how\s+much)\s+{_WHO}\s+{_LEAVE}\s+(?:(?:for|to)\s+)?{_WAITER}", "tip"),
    # "who leave more for the waiter": who tip more.
    (
        rf"\b(?P<w>who|that|{_WHO}|men|women|smokers|non-smokers)\s+{_LEAVE}"
        rf"(?P<m>\s+(?:more|less|most|least))?\s+(?:for|to)\s+{_WAITER}",
        r"\g<w> tip\g<m>",
    ),
    # "the most generous tips": the highest (before "leave": "leave more generous tips").
    (r"\bmost\s+generous\s+(?=tips?\b)", "highest "),
    (r"\bmore\s+generous\s+(?=tips?\b)", "higher "),
    # "tables leave the bigger tip percentage", "do men leave bigger tips": they have the higher tip.
    (
        rf"\b(?P<w>{_WHO}|who|men|women|smokers|non-smokers|(?:which|what)\s+[a-z]+(?:\s+size)?)\s+{_LEAVE}\s+"
        r"(?P<a>(?:a|the)\s+)?"
        r"(?P<m>bigger|higher|larger|smaller|lower|biggest|highest|largest|smallest|lowest)\s+"
        r"(?P<t>tips?(?:\s+percentages?)?)\b",
        r"\g<w> have \g<a>\g<m> \g<t>",
    ),
    # "the biggest tips on average": the highest average tip, ranked (not the average of the biggest tips).
    (
        r"\b(?P<s>biggest|largest|highest|smallest|lowest)\s+(?P<m>(?!average\b)[a-z%-]+"
        r"(?:\s+(?:percentages?|per\s+(?:person|head)))?)\s*,?\s+on\s+average\b",
        r"\g<s> average \g<m>",
    ),
    # "what percent of the bill do people tip": the tip percentage; "... do men tip": theirs.
    *(
        (
            rf"\b(?:what|which)\s+(?:percent(?:age)?|per\s*cent|%|share|proportion|fraction)\s+of\s+(?:the|their)\s+"
            rf"(?:bills?|meals?|checks?)\s+(?:do|did|does)\s+{who}\s+(?:tip|leave|give)\b"
            r"(?:\s+(?:as\s+(?:a\s+)?|in\s+)tips?\b)?",
            said,
        )
        for who, said in (
            (_WHO, "the tip percentage"),
            (r"(?P<w>men|women|smokers|non-smokers)", r"the tip percentage of \g<w>"),
        )
    ),
    # "what the tip came to as a portion of the bill": the tip percentage.
    (
        r"\b(?:what\s+)?(?:the\s+)?tips?\s+(?:(?:came|comes|come|amounted|amounts)\s+to\s+)?as\s+an?\s+"
        r"(?:portion|proportion|fraction|part|share|percentage|percent)\s+of\s+(?:the\s+)?(?:bills?|meals?)",
        "tip percentage",
    ),
    # "how much the tables spent on their meals": the total bill.
    (
        rf"\bhow\s+much\s+{_WHO}\s+(?:spent|spend|paid|pay)\s+(?:on|for)\s+(?:their|the)\s+"
        r"(?:meals?|food)\b",
        "the total bill",
    ),
    # "which day do people tip the most (on average)": the day with the highest tip; what they spend or pay
    # is the bill. Before these, "the most" after the verb was read as nothing and the ranking was lost.
    *(
        (
            rf"\b(?:which|what)\s+(?P<g>[a-z]+(?:\s+size)?)\s+(?:do|does|did)\s+{_WHO}\s+{verb}\s+"
            rf"(?:the\s+)?{end}\b",
            rf"which \g<g> has the {said} {measure}",
        )
        for verb, measure in (("tip", "tip"), ("(?:spend|pay)", "total bill"))
        for end, said in (("most", "highest"), ("least", "lowest"))
    ),
    # "which day brought in the most tips", "the most money in tips": the highest total of the tips, ranked
    # (read as the average tip, unranked, or as each day's biggest tip).
    (
        r"\b(?:the\s+)?most\s+(?:money\s+in\s+)?tips\b(?!\s+(?:per|percentage|as|of\s+the\s+bill)\b)",
        "the highest total tips",
    ),
    (
        r"\b(?:the\s+)?(?:fewest|least)\s+(?:money\s+in\s+)?tips\b(?!\s+(?:per|percentage|as|of\s+the\s+bill)\b)",
        "the lowest total tips",
    ),
    # "depending on how many people were sitting together": by party size.
    (
        r"\b(?:depending\s+on|according\s+to)\s+how\s+many\s+(?:people|diners|guests)\s+(?:were|are|was|is)\s+"
        r"(?:sitting|eating|dining|seated)(?:\s+(?:together|at\s+the\s+tables?|at\s+each\s+table))?",
        "by party size",
    ),
    (
        r"\bhow\s+many\s+(?:people|diners|guests)\s+(?:were|are)\s+(?:sitting|eating|dining|seated)\s+"
        r"(?:together|at\s+the\s+tables?|at\s+each\s+table)",
        "party size",
    ),
    (
        r"\b(?:those|people|the\s+ones|customers|diners|guests|tables)\s+(?:who|that)\s+"
        r"(?:don't|do\s+not|didn't|did\s+not|never)\s+smoke\b",
        "non-smokers",
    ),
    # Gapminder. "how long people live": life expectancy (never "how long ago").
    (
        rf"\bhow\s+long\s+(?:(?:could|can|would|did|do|might)\s+)?(?:the\s+|its\s+|their\s+)?(?:people|folk|folks"
        rf"|citizens|residents|inhabitants)\s+(?:(?:expect|hope)\s+to\s+)?{_LIVE}\b",
        "life expectancy",
    ),
    # "how rich a country is": GDP per capita (its wealth per person, not its total GDP).
    (
        r"\bhow\s+(?:rich|wealthy|well[\s-]off)\s+(?:a|each|the)\s+(?:country|countries|nation)\s+(?:is|are|was|were)\b",
        "GDP per capita",
    ),
    (r"\b(?:the\s+)?longest[\s-]lived\s+first\b", "highest first"),
    # "the longest life expectancy": a life is long, its expectancy is high.
    (r"\blongest(?=\s+(?:average\s+)?(?:life\s+expectanc|lifespan|life\s+span))", "highest"),
    (r"\bshortest(?=\s+(?:average\s+)?(?:life\s+expectanc|lifespan|life\s+span))", "lowest"),
    (r"\b(?:the\s+)?shortest[\s-]lived\s+first\b", "lowest first"),
    (
        r"\bhow\s+many\s+people\s+(?:lived|live|were\s+living|are\s+living|lives)\s+(?=in\b|on\b)",
        "the population ",
    ),
    # "the share of the population that lives in each continent": where the population is, not a verb to read.
    (r"\b(?<=population\s)(?:that\s+|who\s+)?(?:lives|lived|live|living)\s+(?=in\b)", ""),
    (
        r"\b(?:the\s+)?(?:money|income)\s+(?:each|every|a|per)\s+person\s+(?:has|had|earns|earned|makes|made)\b",
        "GDP per capita",
    ),
    # "which single day had the most": which one day ("the largest single bill" is one bill's value, "a
    # single line" a chart form, and "the single X with the ..." is read by worker.planner.ordinals).
    (r"\bwhich\s+single\s+(?!(?:line|series|bar|colou?r|chart|pie|one)\b)", "which one "),
    # "the largest tip any single table left": any one table, never a party of one.
    (r"\bany\s+single\s+(?=(?:table|party|diner|customer|guest|bill|day)\b)", "any "),
    (r"\bbest[\s-]off\b", "richest"),
    # "which country has the richest people": the richest country, not its population ranked.
    (
        r"\b(?P<v>has|have|had)\s+the\s+(?P<r>richest|poorest|wealthiest)\s+(?:people|citizens|inhabitants"
        r"|residents|population)\b",
        r"\g<v> the \g<r>",
    ),
    (r"\bworst[\s-]off\b", "poorest"),
    (r"\b(?P<e>each|every|which)\s+part\s+of\s+the\s+world\b", r"\g<e> continent"),
    (r"\bparts\s+of\s+the\s+world\b", "continents"),
    # Stocks. "Microsoft's closes week by week": its closing prices.
    (r"(?P<own>['\u2019]s)\s+closes\b", r"\g<own> closing prices"),
    (
        r"\b(?:those|these|the)\s+(?P<n>six\s+)?(?:computer|tech|technology|internet)\s+(?:companies|names|stocks"
        r"|firms)\b",
        r"the \g<n>companies",
    ),
    (
        r"\b(?:that|the|this)\s+(?:film|movie|streaming|computer|tech|phone|search|shopping|software|"
        r"internet|online)\s+(?:company|firm|business),?\s+(?P<name>(?-i:[A-Z])[\w.]*),?",
        r"\g<name>",
    ),
    (
        r"\bhow\s+(?:the\s+)?(?:shares|share\s+price|stock|stock\s+price)\s+(?:of|in)\s+(?P<name>(?-i:[A-Z])[\w.]*)\s+"
        r"(?:went|did|moved|performed|fared|got\s+on)\b",
        r"the price of \g<name> over time",
    ),
    (
        r"\bthe\s+(?P<end>highest|lowest)\s+the\s+(?P<what>(?:share\s+|stock\s+)?prices?)\b(?P<of>[^?.!]*?)\s+"
        r"ever\s+(?:got|went|reached|rose|fell|dropped|sank)(?:\s+(?:up\s+|down\s+)?to)?\b",
        r"the \g<end> \g<what>\g<of> ever",
    ),
    # Medals, wind, election.
    # "Slice China's medal haul into gold, silver and bronze": how it splits into them.
    (r"\bslice\s+(?P<x>[^,.;:!?]{1,40}?)\s+(?=into\s)", r"\g<x> split "),
    # "every nation's medal total broken into gold, silver and bronze": split into them.
    (r"\bbroken(?:\s+(?:up|down))?\s+(?=into\s)", "split "),
    # "How many bronzes did each nation take?": a "take" ending the question is a win ("take out" stays).
    (r"\b(?P<did>did|do|does)\s+(?P<who>[^?.!,;]{1,50}?)\s+take\s*(?=[?.!]|$)", r"\g<did> \g<who> win"),
    # "How many votes did Joly take in the districts ...": the votes she got there (not a win, which would
    # read as the districts she won). "bring home" a medal is to win it.
    (
        r"\b(?P<did>did|do|does)\s+(?P<who>[^?.!,;]{1,50}?)\s+take(?=\s+(?:in|at|from|across|during|over)\b)",
        r"\g<did> \g<who> get",
    ),
    (r"\b(?:bring|brings|brought)\s+home\b", "win"),
    (r"(?:^|(?<=[.?!]))\s*the\s+olympic\s+ones(?:,\s+I\s+mean)?\s*[.!]?", ""),
    (r"\bthe\s+olympic\s+ones\b", "the Olympic medals"),
    (r",?\s+(?:each\s+(?:one|of\s+them)|all\s+three|all\s+of\s+them)\s+separately\b", ", one bar each"),
    (
        r"\b(?:in\s+the\s+order\s+(?:you'd|you\s+would|one\s+would|you)\s+(?:go|travel|move|read|turn)|going)\s+"
        r"(?:round|around)\s+(?:a|the)\s+compass(?:\s+from\s+(?:the\s+)?north)?\b",
        "in compass order",
    ),
    (
        r"\b(?:the\s+)?(?:people|persons|men\s+and\s+women|ones|folk)\s+(?:who\s+(?:were\s+|are\s+)?)?"
        r"(?:standing|running|stood|ran)\s+(?:for|as)\s+(?:mayor|election|office)\b",
        "the candidates",
    ),
    # A title before a capitalised name ("Madame Joly"), never the verb ("did Apple miss ...").
    (r"(?-i:\b(?:Madame|Mme|Monsieur|Mister|Mr|Mrs|Ms|Miss|Mx)\.?\s+(?=[A-Z]))", ""),
    (
        r"\b(?P<e>each|every)\s+(?P<d>[a-z]+)\s+(?:shown|drawn|displayed|plotted)\s+separately\b",
        r"\g<e> \g<d> in its own colour",
    ),
    # "life expectancy as well as GDP per capita": both ("as well" alone is read where it is said).
    (r"\bas\s+well\s+as\b", "and"),
    # "nowadays": now, which the readers take as the data's latest period.
    (r"\bnowadays\b", "now"),
]
_EVERYDAY = [(re.compile(pattern, _I), said) for pattern, said in _SAID]
# "the 5 longest-lived countries of the Americas": the countries with the highest life expectancy.
LIVED = re.compile(
    r"\b(?P<head>(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)?\s*)"
    r"(?P<which>longest|shortest)[\s-]lived\s+(?P<what>(?:[A-Z][\w-]*\s+)?(?:countries|continents|nations))\b"
    r"(?P<where>\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w-]*)?",
    _I,
)


def spell_lived(text: str) -> str:
    """ "the 5 longest-lived countries of the Americas" as the countries of the Americas with the highest
    life expectancy (the shortest-lived, the lowest)."""
    return LIVED.sub(_lived, text)


def _lived(said: re.Match[str]) -> str:
    level = "highest" if said["which"].lower() == "longest" else "lowest"
    return f"{said['head']}{said['what']}{said['where'] or ''} with the {level} life expectancy"


# "the tables that sat down at dinner", "sitting in the smoking section": the verb, never Saturday.
_SAT = re.compile(r"\b(?:(?i:sat|sit|sits|sitting)\s+down|sat|sits|sitting)\s+(?=(?:at|to|for|in|on)\s)")


def uneveryday(text: str, model: SemanticModel) -> str:
    """`text` with a lay user's everyday words for the data's terms in the words the model knows."""
    for pattern, said in (*_EVERYDAY, *CHART_WORDS):
        text = pattern.sub(said, text)
    text = _SAT.sub("", unverb(text))
    text = spell_lived(text)
    text = iris_parts(company_shares(text, model))
    return recolour(text, model)
