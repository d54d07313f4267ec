"""Values a question leaves out: "population by continent excluding Oceania", "every ticker except Apple and
Amazon", "without the weekend", "other than the 0-1 and 6+ strength bands", "all the stocks apart of
facebook", "leaving bronze aside", "leaving out both the 0-1 and the 6+ bands", "..., lunch excluded".
"""

from __future__ import annotations

import re

from worker.planner.entities import JOIN, Found, ordered_dimensions, winner_dimensions
from worker.planner.errors import UnchartableQuestion
from worker.planner.exclusion_kinds import excluded_codes, excluded_kinds
from worker.planner.refusals import suggest
from worker.planner.vocabulary import Scan, Vocabulary, normalize, phrases

__all__ = ["read_exclusions", "read_opposites"]

_EXCLUDING = re.compile(
    r"(?<!\w)(?:excluding|excl\.?|except(?:\s+for)?|without|w/o|other\s+than|apart\s+(?:from|of)|but\s+not|"
    r"(?:leaving|leave|setting|set|putting|put)\s+aside|(?:(?<=\bare\s)|(?<=\bis\s)|(?<=\bwas\s)|(?<=\bwere\s))not(?:\s+(?:in|from|on|at|for))?|"
    r"(?:everything|everyone|anything|all|every\s+\w+)\s+but|ignoring|disregarding|"
    r"(?<!with\s)(?<!had\s)(?<!has\s)(?<!have\s)(?<!having\s)(?<!were\s)(?<!was\s)no|"
    r"(?:leaving|leave|leaves|left)\s+out|not\s+counting|not\s+including|minus|less(?!\s+than)|"
    r"(?:(?<=\band\s)|(?<=\bbut\s)|(?<=,\s)|(?<=\bonly\s))not(?:\s+(?:in|from|on|at|for|during))?|"
    r"not\s+(?:on|during|at|from)|"
    # "every ticker that isn't GOOG or FB": the values after it left out.
    r"(?:is|are|was|were)n['\u2019]t|"
    # "all types except bronze": a word for any dimension's values, then the ones left out.
    r"(?:all|every|each)\s+(?:the\s+)?(?:types?|kinds?|sorts?|categories)\s+"
    r"(?:except(?:\s+for)?|but|other\s+than|apart\s+from|excluding))"
    r"\s+(?:both\s+(?=.*?\band\b))?(?:the\s+)?"
)


_ARTICLE = re.compile(r"the\s+")
# "not counting the districts Coderre won", "excluding districts won by Joly": the winner left out.
_WON = r"\s+(?:won|wins|win|carried|took)(?!\w)"


def _excluded_winners(scan: Scan, vocab: Vocabulary, at: int) -> tuple[Found, int]:
    """ "not counting the districts Coderre won": rows whose winner is that value, left out."""
    nouns = vocab.dims[0]
    for dim in winner_dimensions(vocab.ds):
        names = {k: v for k, (_, v) in vocab.values[1].items() if v in dim.values}
        body = phrases(names)[0]
        if body is None or nouns is None:
            continue
        # "excluding those Bergeron won", "except the ones won by Joly": a pronoun for the rows.
        rows = rf"{nouns.pattern}|those|ones|the\s+ones"
        clause = re.compile(
            rf"(?:{rows})\s+(?:(?:that|where|which)\s+)?(?P<v>{body.pattern}){_WON}|"
            rf"(?:{rows})\s+(?:won|carried|taken)\s+by\s+(?P<w>{body.pattern})",
            re.IGNORECASE,
        )
        m = clause.match(scan.text, at)
        if m is not None and scan.free(m.span()):
            return [(dim.name, names[normalize(m["v"] or m["w"])])], m.end()
    return [], at


# "leaving bronze aside", "setting Oceania aside": the values between the verb and "aside".
_ASIDE = re.compile(r"(?<!\w)(?:leaving|leave|setting|set|putting|put)\s+(?:the\s+)?")
_ASIDE_END = re.compile(r"\s+aside(?!\w)")
# "the women who are not smokers": "not" before a value whose opposite the model names ("non-smokers").
_NOT = re.compile(r"(?<!\w)not\s+(?:a\s+|an\s+)?(?P<w>[a-z]+)(?!\w)")


def read_opposites(scan: Scan, vocab: Vocabulary) -> Found:
    """ "which are not smokers": the value named "non-smokers" (or "non smokers", "nonsmokers")."""
    found: Found = []
    for m in list(_NOT.finditer(scan.text)):
        opposite = next(
            (
                vocab.values[1][k]
                for k in (f"non-{m['w']}", f"non {m['w']}", f"non{m['w']}")
                if k in vocab.values[1]
            ),
            None,
        )
        if opposite is not None and scan.free(m.span()):
            scan.claim(m.span())
            found.append(opposite)
    return found


def read_exclusions(scan: Scan, vocab: Vocabulary) -> Found:
    """ "population by continent excluding Oceania", "every ticker except Apple and Amazon", "without the
    weekend", "other than the 0-1 and 6+ strength bands": left out."""
    values = vocab.values[0]
    found: Found = []
    for m in list(_EXCLUDING.finditer(scan.text)):
        for read in (
            _excluded_weekend,
            _excluded_symbols,
            _excluded_winners,
            _excluded_own_wins,
            excluded_codes,
            excluded_kinds,
        ):
            named, end = read(scan, vocab, m.end())
            if named:
                scan.claim((m.start(), end))
                found += named
                break
    if values is None:
        return found
    for m in list(_EXCLUDING.finditer(scan.text)):
        if not scan.free(m.span()):
            continue
        at, spans = m.end(), list[tuple[int, int]]()
        while (v := values.match(scan.text, at)) is not None and scan.free(v.span()):
            value = vocab.values[1][normalize(v[0])]
            if spans and value[0] != found[-1][0]:
                # "excluding smokers and dinner": joined to the one before, two columns' values left out
                # together; after a comma or a word of its own it starts a new condition.
                if re.fullmatch(r"\s*(?:and|or|nor|&)?\s*", scan.text[spans[-1][1] : v.start()]):
                    _refuse_combination(scan, vocab, (m.start(), v.end()))
                break  # "other than Canada, gold only": a value of another dimension starts a new condition
            spans.append(v.span())
            found.append(value)
            join = JOIN.match(scan.text, v.end())
            at = v.end() + (join.end() - join.start() if join and join.group().strip() else 0)
            at += len(scan.text[at:]) - len(scan.text[at:].lstrip())
            # "excluding the north and the south": each value after the join may have its article.
            article = _ARTICLE.match(scan.text, at) if at > v.end() else None
            at = article.end() if article and values.match(scan.text, article.end()) else at
        if spans:
            scan.claim((m.start(), spans[-1][1]))
    return found + _set_aside(scan, vocab) + _excluded_after(scan, vocab)


def _refuse_combination(scan: Scan, vocab: Vocabulary, span: tuple[int, int]) -> None:
    """ "everyone except the male smokers": the rows left out are those with both values, so the rows kept
    are the women or the non-smokers, an "or" across two columns that no plan's filters can say (each
    filter holds with the others). Refused rather than read as two exclusions, which leave out more."""
    said = scan.excerpt(span)
    raise UnchartableQuestion(
        f"chartq cannot yet leave out a combination of values from two columns (\u201c{said}\u201d): "
        "that keeps the rows having either of the other values, and its filters can only all hold together. "
        "Leave out one value (\u201cexcluding …\u201d), or keep one combination (\u201conly …\u201d). "
        f"{suggest(vocab.ds)}"
    )


def _set_aside(scan: Scan, vocab: Vocabulary) -> Found:
    """ "leaving bronze aside", "setting China and India aside": the values before "aside"."""
    values, found = vocab.values[0], []
    if values is None:
        return []
    for m in list(_ASIDE.finditer(scan.text)):
        at, named = m.end(), []
        while (v := values.match(scan.text, at)) is not None and scan.free(v.span()):
            named.append(vocab.values[1][normalize(v[0])])
            join = JOIN.match(scan.text, v.end())
            at = join.end() if join and join.group().strip() else v.end()
        end = _ASIDE_END.match(scan.text, at)
        if named and end is not None and scan.free((m.start(), end.end())):
            scan.claim((m.start(), end.end()))
            found += named
    return found


def _excluded_weekend(scan: Scan, vocab: Vocabulary, at: int) -> tuple[Found, int]:
    """ "excluding the weekend": Saturday and Sunday, when a dimension has them."""
    days = [vocab.values[1].get(d) for d in ("saturday", "sunday")]
    m = re.compile(r"week-?ends?(?!\w)").match(scan.text, at)
    if m is None or not all(days) or not scan.free(m.span()):
        return [], at
    return [d for d in days if d is not None], m.end()


# Words that describe a band as it is named ("the calm 0-1 band"), read with it.
_BAND_ADJECTIVES = (
    r"(?:calm|calmest|light|lightest|gentle|weak|weakest|strong|strongest|low|lowest|top|high|highest)"
)


def _excluded_symbols(scan: Scan, vocab: Vocabulary, at: int) -> tuple[Found, int]:
    """ "other than 5-6 and 6+", "without the 0-1 strength band": ordered values written with a symbol."""
    for dim in ordered_dimensions(vocab.ds):
        values = {str(v).lower(): v for v in dim.order if re.search(r"\d[^\w\s]", str(v))}
        names = phrases((dim.label, *dim.synonyms))[0]
        if not values or names is None:
            continue
        body = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
        item = re.compile(
            rf"(?:the\s+)?(?:{_BAND_ADJECTIVES}\s+)?(?P<v>{body})(?![\w+])(?:\s+(?:{names.pattern}))?(?:\s+bands?)?",
            re.I,
        )
        found: Found = []
        end = at
        while (v := item.match(scan.text, end)) is not None and scan.free(v.span()):
            found.append((dim.name, values[v["v"].lower()]))
            end = v.end()
            join = JOIN.match(scan.text, end)
            if join is None or not join.group().strip() or item.match(scan.text, join.end()) is None:
                break
            end = join.end()
        if found:
            return found, end
    return [], at


# "..., lunch excluded", "; virginica and setosa left out": a clause of values, then the word leaving them
# out.
_CLAUSE = re.compile(r"(?:(?<=[,;:])|(?<=[,;:]\s)|(?<=\bwith\s))(?:the\s+)?")
_AFTER = re.compile(r"\s+(?:excluded|omitted|left\s+out|taken\s+out|removed)(?=\s*(?:[.,;!?)]|$))")


def _excluded_after(scan: Scan, vocab: Vocabulary) -> Found:
    """ "total tips by sex, lunch excluded", "sepal length, virginica and setosa left out": values named
    at the start of a clause and left out by the word after them."""
    values, found = vocab.values[0], []
    if values is None:
        return []
    for m in list(_CLAUSE.finditer(scan.text)):
        at, named = m.end(), Found()
        while (v := values.match(scan.text, at)) is not None and scan.free(v.span()):
            value = vocab.values[1][normalize(v[0])]
            if named and value[0] != named[-1][0]:
                break
            named.append(value)
            join = JOIN.match(scan.text, v.end())
            at = join.end() if join and join.group().strip() else v.end()
        end = _AFTER.match(scan.text, at)
        if named and end is not None and scan.free((m.start(), end.end())):
            scan.claim((m.start(), end.end()))
            found += named
    return found


# "the districts Coderre won ... excluding his majority wins": the kind of win of the winner named before.
_OWN_WINS = re.compile(
    r"(?:(?:counting|including)\s+)?(?:his|her|their)\s+(?P<v>[a-z]+)\s+(?:wins|victories)(?!\w)"
)


def _excluded_own_wins(scan: Scan, vocab: Vocabulary, at: int) -> tuple[Found, int]:
    """ "only in the districts Coderre won, and excluding his majority wins": the winner's wins of that kind
    left out (the kind is a value of another dimension: [result, ne, majority]). Only after a clause naming
    the districts a winner won, whom "his" is about; otherwise "his" may be anyone's, and nothing is read."""
    m = _OWN_WINS.match(scan.text, at)
    winners = winner_dimensions(vocab.ds)
    if m is None or not winners or not scan.free(m.span()):
        return [], at
    value = vocab.values[1].get(normalize(m["v"]))
    if value is None or any(value[0] == d.name for d in winners):
        return [], at
    for dim in winners:
        names = {k: v for k, (_, v) in vocab.values[1].items() if v in dim.values}
        body, nouns = phrases(names)[0], vocab.dims[0]
        if body is None or nouns is None:
            continue
        won = re.compile(
            rf"(?:{nouns.pattern})\s+(?:(?:that|where|which)\s+)?(?:{body.pattern}){_WON}|"
            rf"(?:{nouns.pattern})\s+(?:won|carried|taken)\s+by\s+(?:{body.pattern})",
            re.IGNORECASE,
        )
        before = list(won.finditer(scan.text, 0, at))
        # The districts a winner won, kept: not "leaving out the districts Joly won".
        left_out = (
            any(0 <= before[0].start() - e.end() <= 4 for e in _EXCLUDING.finditer(scan.text))
            if before
            else True
        )
        if len(before) == 1 and not left_out:
            return [value], m.end()
    return [], at
