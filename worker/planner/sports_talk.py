"""A sports fan's or commentator's request: the data talked about as a contest, with its standings, its
leader and its match day.

The fan's words spelt out as the plain request they stand for:
- an order: "leader first", "with the leader at the top", "the winner on top", "busiest first" are
  "highest first"; "quietest first" is "lowest first";
- the standings: "who topped the medal table?" is the medals by nation, highest first (only the order
  when the question asks for its own list or order after it); "the (proper, full) medal table" is the
  medals by nation; a "haul" or "tally" is the medals (in a question about medals) or the votes (a "vote
  tally"); "how do the nations stack up", "how did the candidates finish" is "compare the nations";
  "on silvers and bronzes alone" is "silvers and bronzes only", and "Forget the golds:" before such a
  choice adds nothing ("excluding golds" when the question chooses no other medals);
- the contest: "head to head" between two names already set against each other adds nothing ("a
  head-to-head of A and B" is "compare A and B"); "carve up the popular vote" is "the votes";
- a leading framing that names the contest and asks for no data: "The race for mayor:", "The mayoral
  race,", "Final whistle in the mayoral race -", "For the kick-off forecast:", "Big match day at the
  restaurant:", "Continental leaderboard:", "The tech league table for 2019:" (its year kept: "for
  2019:"), "The podium for GDP per capita in 2007:" (the podium is the top 3, unless the request names
  its own top N);
- a home ground: "Coderre's home turf: his top 5 districts" is "Coderre's top 5 districts"; "On Joly's
  own patch - the districts she won -" is "In the districts Joly won,";
- "the 2018 season" is the year 2018 (on dated data; undated data refuses the year as before);
- the weather at the ground: "blowing straight down the pitch" adds nothing to "a north wind" (the
  compass is read as before, by worker.planner.compass and the model's value synonyms); "is it blowing a
  gale - the 6+ band -" is "is the wind 6+", the user's own band. "A gale" alone is the strongest band only
  when the data's bands are on the Beaufort scale and one starts at force 8 or more (a gale); otherwise it
  is left, and refused as an unknown word;
- "split by whether the district was won by a majority or a plurality": both named are values of one
  dimension, so it is "split by result".

Elsewhere a "league table", "leaderboard" or "standings" is a ranking, and a "podium" the top 3 ("Europe's
podium for life expectancy"; "podium finishes" are medals, as the model says).

A framing that names a value of the data as a name ("The race for Canada:", "The mayoral race in
Mile-End:") is left whole: the planner reads it as context and notes it on the chart
(worker.planner.context, see newsroom.names_a_value); so is one that names a measure ("Population
race:"). What the data cannot answer stays refused: athletes, one sport, particular Games, polls, a
points table, nations not in the data, a time of day, a winning margin. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.match_day import unmatch_day
from worker.planner.newsroom import asks_for_data, names_a_value
from worker.planner.versus_names import names_of
from worker.semantic import Dataset, Dimension, SemanticModel

__all__ = ["unsport"]

_I = re.IGNORECASE
_DASH = r"[\-\u2013\u2014]"
_END = r"(?=\s*(?:[,;:.?!]|$))"

# The leader first: "leader first", "with the leader at the top", "the winners on top", "busiest first".
_LEADER_FIRST = re.compile(
    r"(?:\bwith\s+)?(?:\bthe\s+)?\b(?:leaders?|winners?|front[\s-]?runners?|top\s+(?:team|dog|scorer)s?|"
    r"champions?|busiest|biggest\s+hitters?|pace[\s-]?setters?)\s+"
    r"(?:first|at\s+the\s+top|on\s+top|up\s+top|in\s+front)\b",
    _I,
)
_LAST_FIRST = re.compile(
    r"(?:\bwith\s+)?(?:\bthe\s+)?\b(?:quietest|slowest|weakest|stragglers?|back\s+markers?|"
    r"wooden\s+spoon)\s+(?:first|at\s+the\s+top|on\s+top)\b",
    _I,
)
# The standings of a medals table.
_TABLE = r"(?:medals?\s+(?:table|standings|leaderboard|league\s+table|rankings?))"
_WHO_TOPPED = re.compile(
    r"^\W*(?:so\s*,?\s*)?(?:who|which\s+(?:nation|country|team))\s+(?:topped|tops|top|led|leads|won|heads?|headed|"
    rf"came\s+top\s+(?:of|in)|finished\s+top\s+of|(?:is|was)\s+top\s+of)\s+(?:the\s+)?{_TABLE}\s*\?\s*",
    _I,
)
_ASKS_ORDER = re.compile(
    r"\b(?:first|rank\w*|order\w*|descending|ascending|highest|lowest|top|bottom|sort\w*|all)\b", _I
)
_PROPER_TABLE = re.compile(
    rf"\b(?:the\s+)?(?:(?:proper|full|whole|overall|final|complete|official)\s+)?{_TABLE}(?!\s+by\b)", _I
)
_MEDAL_TALK = re.compile(
    r"\b(?:medals?|golds?|silvers?|bronzes?|podiums?|olympics?|olympic|nations?|teams?)\b", _I
)
# "the final tally of medals", "Canada's haul of golds": the medals named after it.
_TALLY_OF = re.compile(r"\b(?:the\s+)?(?:(?:final|total|overall|whole)\s+)?(?:haul|tally)\s+of\s+(?=\w)", _I)
# A haul or tally as a noun ("Canada's haul", "the medal tally"), not the verb ("tally the medals").
_HAUL = re.compile(
    r"\bmedal\s+(?:haul|tally|hauls|tallies)\b|(?:(?<='s\s)|(?<=s'\s)|(?<=\u2019s\s)|(?<=\bthe\s)|"
    r"(?<=\btheir\s)|(?<=\bits\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\bour\s)|(?<=\btotal\s)|(?<=\bfinal\s))"
    r"(?:haul|tally|hauls|tallies)\b",
    _I,
)
_VOTE_TALLY = re.compile(r"\b(?:vote|votes|voting)\s+(?:haul|tally|tallies|count)\b", _I)
_STACK_UP = re.compile(
    r"\bhow\s+(?P<aux>do|does|did)\s+(?P<who>(?:the\s+)?(?:(?:\w+|\d+)\s+)?[\w-]+)\s+"
    rf"(?:stack\s+up|shape\s+up|measure\s+up|finish|finished|line\s+up)(?:\s+against\s+each\s+other)?\b{_END}",
    _I,
)
_ALONE = re.compile(r"\b(?:on\s+)?(?P<what>[^,:;.?!]{1,50}?)\s+alone\b", _I)
_FORGET = re.compile(
    rf"^\W*(?:forget|ignore|never\s+mind|leave\s+out)\s+(?:about\s+)?(?:the\s+)?(?P<what>[\w\s-]{{1,30}}?)"
    rf"\s*(?:[:;,]|\s{_DASH})\s*",
    _I,
)
_ONLY = re.compile(r"\b(?:only|alone|just)\b", _I)
# A contest of two names.
_HEAD_TO_HEAD_OF = re.compile(
    r"\b(?:a\s+|the\s+)?head[\s-]to[\s-]head\s+(?:comparison\s+)?(?:of|between)\s+", _I
)
_HEAD_TO_HEAD = re.compile(
    rf"[\s,;]*(?:{_DASH}\s*)?\bhead[\s-]to[\s-]head\b\s*(?:{_DASH}\s*)?(?=[,;:.?!]|$|\s)", _I
)
_SET_AGAINST = re.compile(r"\b(?:against|versus|vs\.?|v\.?|and|or|with)\b", _I)
_CARVE_UP = re.compile(r"\b(?:carve|carving|carved|slice|divvy|divide)\s+up\s+(?=the\s|a\s|\w)", _I)
_POPULAR_VOTE = re.compile(r"\b(?:the\s+)?popular\s+vote\b", _I)
# A leading framing that names the contest.
_RACE = re.compile(
    r"^\W*(?:the\s+)?(?:(?:big\s+)?(?:mayoral|presidential|election|electoral|leadership|council)\s+(?:race|contest|"
    r"battle|showdown)|(?:race|battle|contest|fight)\s+for\s+(?:mayor|the\s+mayoralty|city\s+hall|president|"
    rf"the\s+presidency|office))\s*(?:[,:;]|\s{_DASH})\s*",
    _I,
)
_CONTEST = (
    r"(?:final\s+whistle|full[\s-]time|half[\s-]time|kick[\s-]?off|match[\s-]?day|game[\s-]?day|derby(?:\s+day)?|"
    r"big\s+match|big\s+game|showdown|race|title\s+race|contest|scoreboard|score\s*card|leaderboard|"
    r"league\s+table|standings|podium)"
)
_FRAME = re.compile(
    rf"^\W*(?P<frame>[^:;\-\u2013\u2014]{{0,60}}?\b{_CONTEST}\b[^:;]{{0,40}}?)\s*(?::|\s{_DASH})\s+(?P<rest>.+)$",
    _I | re.DOTALL,
)
# A name in a framing (a capitalised word after its first): it may be a filter, so the framing is kept.
_NAME = re.compile(r"(?<=\S)\s+(?!I\b)[A-Z]")
# The contest's words in a framing that asks for data: "The tech league table for 2019" is "for 2019".
_CONTEST_NOUN = re.compile(
    rf"^\W*(?:the\s+|our\s+|a\s+|big\s+)*(?:[\w-]+\s+){{0,2}}?{_CONTEST}\b\s*(?=(?:for|in|of|on)\b)", _I
)
# A ranking named as the contest's table, once a medal table has been read: "the life expectancy league
# table for 2002" is its ranking; "Europe's podium for life expectancy" its top 3.
_RANKING = re.compile(r"\b(?:league\s+table|leaderboard|standings)\b", _I)
_PODIUM = re.compile(r"\bpodium(?:\s+(?:places|positions|spots|steps))?\b(?!\s+(?:finish|haul))", _I)
_TOP_N = re.compile(
    r"\b(?:top|best|leading|bottom|worst)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", _I
)


def unsport(text: str, model: SemanticModel) -> str:
    """`text` with a sports fan's words spelt out as the plain request; other text is unchanged."""
    read = _unframe(text, model)
    read = _LEADER_FIRST.sub("highest first", read)
    read = _LAST_FIRST.sub("lowest first", read)
    read = _standings(read, model)
    read = _contest(read, model)
    read = _RANKING.sub("ranking", read)
    read = _PODIUM.sub("top 3", read)
    read = unmatch_day(read, model)
    if read == text:
        return text
    read = re.sub(r"\s+([,;:.?!])", r"\1", read)
    read = re.sub(r"([,;:])(?:\s*[,;])+", r"\1", read)
    read = re.sub(rf"^\W*(?:[,;:]|{_DASH})\s*", "", read)
    read = " ".join(read.split())
    return read[:1].upper() + read[1:] if text[:1].isupper() else read


def _unframe(text: str, model: SemanticModel) -> str:
    """`text` without a leading framing of the contest ("The race for mayor:", "Final whistle in the
    mayoral race -"), each tried again on what the one before leaves."""
    for _ in range(3):
        m = _RACE.match(text)
        if m is not None and len(text) > m.end():
            text = text[m.end() :]
            continue
        m = _FRAME.match(text)
        if m is None:
            return text
        frame, rest = m["frame"], m["rest"]
        if not asks_for_data(frame):
            if names_a_value(frame, model) or _NAME.search(frame) or names_of(model).measures.search(frame):
                # "The race for Canada:" may be meant as a filter, and so may "The mayoral race in
                # Mile-End:": left for the noted context reading. "Population race:" names the measure.
                return text
            text = _podium(frame, rest)
            continue
        # A framing that asks for data keeps it, without the contest's name: "for 2019: ...".
        bare = _CONTEST_NOUN.match(frame)
        if bare is None:
            return text
        kept = frame[bare.end() :]
        text = f"{kept[:1].upper()}{kept[1:]}: {_podium(frame, rest)}"
    return text


def _podium(frame: str, rest: str) -> str:
    """The request after a podium's framing asks for the top 3, unless it names its own top N."""
    if re.search(r"\bpodium\b", frame, _I) and not _TOP_N.search(rest):
        return f"the top 3: {rest}"
    return rest


def _medals(model: SemanticModel) -> tuple[Dataset, Dimension] | None:
    """The medals data and its nation (a table's rows), if the model has them."""
    for ds in model.datasets:
        if any(re.search(r"\bmedal", " ".join((m.name, *m.synonyms)), _I) for m in ds.measures):
            for d in ds.dimensions:
                if {"nation", "country", "team"} & {d.name, *d.synonyms}:
                    return ds, d
    return None


def _standings(text: str, model: SemanticModel) -> str:
    """A medal table's standings, haul and tally spelt out ("who topped the medal table?")."""
    medals = _medals(model)
    if medals is None:
        return text
    ds, nation = medals
    table = f"{ds.measures[0].label.lower()} by {nation.name}"
    m = _WHO_TOPPED.match(text)
    if m is not None:
        rest = text[m.end() :]
        text = (
            f"{table.capitalize()}: {rest}"
            if rest and _ASKS_ORDER.search(rest)
            else f"{table}, highest first. {rest}"
        )
    text = _PROPER_TABLE.sub(lambda _: f"the {table}", text)
    text = _VOTE_TALLY.sub("votes", text)
    if _MEDAL_TALK.search(text):
        text = _TALLY_OF.sub("", text)
        text = _HAUL.sub(ds.measures[0].label.lower(), text)
    text = _STACK_UP.sub(lambda m: f"how {m['aux']} {m['who']} compare", text)
    forget = _FORGET.match(text)
    if forget is not None and _names_value(forget["what"].strip(), model, whole=True):
        rest = text[forget.end() :]
        text = rest if _ONLY.search(rest) else f"excluding {forget['what'].strip()}, {rest}"
    return _ALONE.sub(lambda m: f"{m['what']} only" if _names_value(m["what"], model) else m[0], text)


def _names_value(text: str, model: SemanticModel, *, whole: bool = False) -> bool:
    """Whether `text` names a value of the data, in the singular or the plural ("golds")."""
    values = names_of(model).values
    singular = re.sub(r"(?<=[a-z])s\b", "", text, flags=_I)
    if whole:
        return any(values.fullmatch(t) for t in (text, singular))
    return any(values.search(t) for t in (text, singular))


def _contest(text: str, model: SemanticModel) -> str:
    """A head to head and a carved-up vote spelt out."""
    text = _HEAD_TO_HEAD_OF.sub("compare ", text)
    if len(names_of(model).values.findall(text)) >= 2 and _SET_AGAINST.search(text):
        text = _HEAD_TO_HEAD.sub("", text)
    if _CARVE_UP.search(text):
        text = _POPULAR_VOTE.sub("the votes", _CARVE_UP.sub("", text))
    return text
