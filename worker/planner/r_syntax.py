"""A request written in R (dplyr pipes, ggplot2, base R) spelt as the SQL-flavoured words
worker.planner.sql_syntax reads: "tips %>% group_by(day) %>% summarise(mean(tip))" is "avg(tip) from tips
group by day"; "gapminder |> filter(continent == 'Asia', year == 2007) |> slice_max(pop, n = 5) |>
ggplot(aes(country, pop)) + geomcolumn()" is "pop from gapminder where continent == 'Asia' and year == 2007
group by country order by pop desc limit 5, bar chart"; "aggregate(tip ~ day, data = tips, FUN = median)"
is "median(tip) from tips group by day"; "hist(iris$Petal.Width[iris$Species != 'setosa'])" is
"histogram of petal_width from iris where Species != 'setosa'".

Read step by step: filter() / subset() conditions (==, !=, <, >, %in% c(...), between(), year(date),
dates as text or as.Date()), group_by(), one summarise() of mean / sum / min / max / median / n(), count(),
arrange() with desc(), head(), slice_max() / slice_min(), then a ggplot() (worker.planner.r_plots), pie(),
barplot() or hist(). R's dotted names are the model's ("Sepal.Length" is sepal_length). Whatever a plan
cannot draw (mutate, joins, lag, sd(), a top per group, facets, a log scale) raises UnchartableQuestion
naming it: no call is dropped. Text without R's marks (a pipe, ggplot(), geom_*, aggregate(y ~ x), a
frame$column) is left as it is.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.r_plots import RQuery, call_args, column, geom, read_aes, spell_query, split_top
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unr"]

_R = re.compile(
    r"%>%|\|>|\bggplot\s*\(|\bgeom_\w+\s*\(|\baggregate\s*\([^()]*~|(?<![\w.$])[A-Za-z][\w.]*\$[A-Za-z]"
    r"|\bwith\s*\([\w.]+\s*,\s*(?:hist|pie|barplot)\s*\("
)
# Where the code starts: a frame piped on, or a call that opens a request.
_START = re.compile(
    r"(?<![\w.$])(?:[A-Za-z][\w.]*\s*(?:%>%|\|>)|(?:ggplot|aggregate|hist|with|pie|barplot|cor|subset|filter)"
    r"\s*\()"
)
_DOLLAR = re.compile(r"(?<![\w.])(?P<frame>[A-Za-z][\w.]*)\$(?=[A-Za-z`])")
_CALL = re.compile(r"\s*(?P<name>[A-Za-z][\w.:]*)\s*\((?P<args>.*)\)\s*", re.DOTALL)
_NAME = re.compile(r"\s*`?(?P<name>[A-Za-z][\w.]*)`?\s*")
_STR = r"'[^']*'|\"[^\"]*\""
_VALUE = rf"(?:as\.Date|ymd|as_date)\(\s*(?:{_STR})\s*\)|{_STR}|-?\d+(?:\.\d+)?"
_COL = r"`?[A-Za-z][\w.]*`?"
_OPS = r"==|!=|>=|<=|>|<"
_COMPARE = re.compile(rf"\s*(?P<col>{_COL})\s*(?P<op>{_OPS})\s*(?P<v>{_VALUE})\s*")
_YEAR = re.compile(rf"\s*(?:lubridate::)?year\(\s*{_COL}\s*\)\s*(?P<op>{_OPS})\s*(?P<v>\d{{4}})\s*")
_IN = re.compile(rf"\s*(?P<neg>!\s*)?\(?\s*(?P<col>{_COL})\s*%in%\s*c\((?P<vals>[^()]*)\)\s*\)?\s*")
_BETWEEN = re.compile(
    rf"\s*between\(\s*(?P<col>{_COL})\s*,\s*(?P<lo>{_VALUE})\s*,\s*(?P<hi>{_VALUE})\s*\)\s*"
)
_SUMMARY = re.compile(r"\s*(?:(?P<alias>[\w.]+)\s*=\s*)?(?P<fn>[\w.]+)\((?P<arg>[^()]*)\)\s*")
_AGGS = {"mean": "avg", "sum": "sum", "min": "min", "max": "max", "median": "median", "length": "count"}
# Calls a plan cannot draw, with the words naming them.
_UNDRAWABLE = {
    "mutate": "new columns computed with mutate()",
    "transmute": "new columns computed with transmute()",
    "lag": "a change between rows (lag)",
    "lead": "a change between rows (lead)",
    "sd": "a standard deviation (sd)",
    "var": "a variance (var)",
    "cor": "a correlation coefficient (cor)",
    "cov": "a covariance (cov)",
    "quantile": "a quantile",
    "n_distinct": "a count of distinct values (n_distinct)",
    "distinct": "distinct rows (distinct)",
    "cumsum": "a cumulative sum (cumsum)",
    "lm": "a fitted model (lm)",
    "pivot_longer": "a reshaped table (pivot_longer)",
    "pivot_wider": "a reshaped table (pivot_wider)",
}
_JOIN = re.compile(r"\w+_join|merge|bind_rows|bind_cols")
_UNDRAWABLE_CALL = re.compile(rf"(?<![\w.])(?P<name>{'|'.join(_UNDRAWABLE)}|{_JOIN.pattern})\s*\(")
# A base plot's arguments that name its groups or change only its look.
_BASE_LOOKS = {"labels", "names.arg", "main", "xlab", "ylab", "col", "border", "las", "horiz"}
_NEUTRAL = {"ungroup", "as_tibble", "as.data.frame", "drop_na", "na.omit", "collect", "print", "tibble"}


def unr(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    if not _R.search(text) or (start := _START.search(text)) is None:
        return text
    code = text[start.start() :].strip().rstrip(".?!; ")
    try:
        return text[: start.start()] + _read(code, model)
    except UnchartableQuestion as refusal:
        # Ended with a question that works, about the data the code names.
        raise UnchartableQuestion(with_example(str(refusal).rstrip("."), text, model)) from None


def _read(code: str, model: SemanticModel) -> str:
    _refuse_undrawable(code)
    q = RQuery()
    if m := _DOLLAR.search(code):
        q.frame = m["frame"]
    _chain(q, _DOLLAR.sub("", code))
    return spell_query(q, model)


def _refuse_undrawable(code: str) -> None:
    """The first call in `code` a plan cannot draw, named wherever it is (mutate(x = lag(price)))."""
    m = _UNDRAWABLE_CALL.search(code)
    if m is None:
        return
    if m["name"] in _UNDRAWABLE:
        raise UnchartableQuestion(f"chartq cannot chart {_UNDRAWABLE[m['name']]}")
    raise UnchartableQuestion(f"chartq charts one table at a time, not a join ({m['name']}).")


def _chain(q: RQuery, code: str) -> None:
    """A pipe of steps, the last of which may be a ggplot() with layers added."""
    pipes = split_top(code, ("%>%", "|>"))
    for i, piece in enumerate(pipes):
        layers = split_top(piece, ("+",))
        if len(layers) > 1 and i != len(pipes) - 1:
            raise UnchartableQuestion(f"chartq cannot read “{piece.strip()}” before a pipe.")
        _step(q, layers[0], piped=i > 0)
        for layer in layers[1:]:
            call = _call(layer)
            geom(q, call[0], call[1])


def _call(piece: str) -> tuple[str, str]:
    m = _CALL.fullmatch(piece)
    if m is None:
        raise UnchartableQuestion(f"chartq cannot read “{piece.strip()}” as a step written in R.")
    return m["name"].split("::")[-1], m["args"]


def _step(q: RQuery, piece: str, *, piped: bool) -> None:
    if not piped and (name := _NAME.fullmatch(piece)):
        q.frame = name["name"]
        return
    fn, args = _call(piece)
    positional, named = call_args(args)
    # Called outside a pipe, a verb takes its data first: filter(gapminder, year == 2007).
    if fn not in ("aggregate", "hist", "pie", "barplot") and not piped:
        data = named.pop("data", None) or named.pop(".data", None)
        first_is_data = positional and not positional[0].startswith("aes") and fn != "with"
        if data is None and (first_is_data or (fn == "with" and len(positional) > 1)):
            data = positional.pop(0)
        if data is not None:
            _chain(q, data)
    _verb(q, fn, positional, named)


def _verb(q: RQuery, fn: str, positional: list[str], named: dict[str, str]) -> None:
    if fn in ("filter", "subset"):
        # filter(year = 2007) is an error in R; what it means is plain.
        _filter(q, positional + [f"{k} == {v}" for k, v in named.items()])
    elif fn == "group_by":
        q.keys = [column(p) for p in positional]
    elif fn in ("summarise", "summarize"):
        _summarise(q, positional, named)
    elif fn in ("count", "tally"):
        if unknown := sorted(set(named) - {"name", "sort"}):
            raise UnchartableQuestion(f"chartq counts rows, not {unknown[0]} = {named[unknown[0]]} in {fn}()")
        q.keys = q.keys if fn == "tally" else [column(p) for p in positional]
        q.agg, q.alias = "count(*)", named.get("name", "n").strip("'\"")
        q.order = (q.alias, "desc") if named.get("sort") in ("TRUE", "T") else None
    elif fn == "arrange":
        _arrange(q, positional)
    elif fn in ("head", "slice_head"):
        q.limit = _whole(named.get("n", positional[0] if positional else "6"), fn)
    elif fn in ("slice_max", "slice_min", "top_n"):
        _slice(q, fn, positional, named)
    elif fn == "ggplot":
        aes = named.get("mapping") or (positional[0] if positional else "")
        read_aes(q, _call(aes)[1] if aes else "")
    elif fn == "with":
        inner, inner_args = _call(positional[-1])
        _verb(q, inner, *call_args(inner_args))
    elif fn in ("pie", "barplot", "hist"):
        _base_plot(q, fn, positional, named)
    elif fn == "aggregate":
        _aggregate(q, positional, named)
    elif fn not in _NEUTRAL:
        raise UnchartableQuestion(
            f"chartq reads filter, group_by, summarise, count, arrange, head, slice_max and ggplot written "
            f"in R, not {fn}()."
        )


def _filter(q: RQuery, conditions: list[str]) -> None:
    if q.agg is not None:
        raise UnchartableQuestion("chartq cannot keep groups by their summary; filter() rows before it.")
    said: list[str] = []
    for arg in conditions:
        if len(split_top(arg, ("|",))) > 1:
            raise UnchartableQuestion("chartq cannot chart conditions joined by | (or); ask for each one.")
        said += [_condition(part) for part in split_top(arg, ("&&", "&"))]
    q.where += _date_spans(said)


def _condition(part: str) -> str:
    if m := _COMPARE.fullmatch(part):
        return f"{column(m['col'])} {m['op']} {_value(m['v'])}"
    if m := _YEAR.fullmatch(part):
        return f"year {m['op']} {m['v']}"
    if m := _IN.fullmatch(part):
        values = ", ".join(_value(v) for v in split_top(m["vals"], (",",)))
        return f"{column(m['col'])} {'not in' if m['neg'] else 'in'} ({values})"
    if m := _BETWEEN.fullmatch(part):
        return f"{column(m['col'])} between {_value(m['lo'])} and {_value(m['hi'])}"
    raise UnchartableQuestion(
        f"chartq cannot read the condition “{part.strip()}”; compare a column with values."
    )


def _value(text: str) -> str:
    inner = re.fullmatch(r"\s*(?:as\.Date|ymd|as_date)\(\s*(.*?)\s*\)\s*", text)
    text = (inner[1] if inner else text).strip()
    return f"'{text[1:-1]}'" if text[:1] in "'\"" else text


def _date_spans(said: list[str]) -> list[str]:
    """date >= '2018-10-01' and date <= '2018-12-31' read as one span between the two days."""
    lows = {m[1]: (c, m[2]) for c in said if (m := re.fullmatch(r"(\w+) >= ('[^']*')", c))}
    highs = {m[1]: (c, m[2]) for c in said if (m := re.fullmatch(r"(\w+) <= ('[^']*')", c))}
    for col in lows.keys() & highs.keys():
        said = [c for c in said if c not in (lows[col][0], highs[col][0])]
        said.append(f"{col} between {lows[col][1]} and {highs[col][1]}")
    return said


def _summarise(q: RQuery, positional: list[str], named: dict[str, str]) -> None:
    args = positional + [f"{k} = {v}" for k, v in named.items() if k != ".groups"]
    if len(args) != 1 or (m := _SUMMARY.fullmatch(args[0])) is None:
        raise UnchartableQuestion("chartq charts one summary at a time, such as summarise(mean(tip)).")
    fn, arg = m["fn"], split_top(m["arg"], (",",))[0]
    if fn == "n" and not arg.strip():
        q.agg = "count(*)"
    elif fn in _AGGS and fn != "length":
        q.agg = f"{_AGGS[fn]}({column(arg)})"
    else:
        raise UnchartableQuestion(f"chartq summarises with mean, sum, min, max, median or n(), not {fn}().")
    q.alias = m["alias"]


def _arrange(q: RQuery, positional: list[str]) -> None:
    if len(positional) != 1:
        raise UnchartableQuestion("chartq sorts by one column: arrange(x) or arrange(desc(x)).")
    m = re.fullmatch(r"\s*(?:desc\((?P<d>[^()]*)\)|-(?P<m>.*)|(?P<a>.*))", positional[0])
    assert m is not None
    q.order = (column(m["d"] or m["m"] or m["a"]), "asc" if m["a"] else "desc")


def _slice(q: RQuery, fn: str, positional: list[str], named: dict[str, str]) -> None:
    if q.keys and q.agg is None:
        raise UnchartableQuestion(
            f"chartq cannot take the {fn}() within each group; summarise the groups first."
        )
    if fn == "top_n":
        n, col = [*positional, named.get("wt", "")][:2]
    else:
        col, n = [*positional, named.get("order_by", "")][0], named.get("n", "1")
    q.order, q.limit = (column(col), "asc" if fn == "slice_min" else "desc"), _whole(n, fn)


def _whole(text: str, fn: str) -> int:
    if not text.strip().isdigit():
        raise UnchartableQuestion(f"chartq takes a whole number of rows in {fn}(), such as {fn}(n = 5).")
    return int(text)


def _base_plot(q: RQuery, fn: str, positional: list[str], named: dict[str, str]) -> None:
    """pie(v, labels = k), barplot(v, names.arg = k), hist(col[condition])."""
    if unknown := sorted(set(named) - _BASE_LOOKS):
        raise UnchartableQuestion(f"chartq cannot set {unknown[0]} = {named[unknown[0]]} in {fn}()")
    if fn == "hist":
        m = re.fullmatch(
            r"\s*(?P<col>[\w.`]+)\s*(?:\[(?P<cond>.*)\])?\s*", positional[0] if positional else ""
        )
        if m is None:
            raise UnchartableQuestion("chartq draws a histogram of one column: hist(data$column).")
        q.chart, q.x = "histogram", column(m["col"])
        if m["cond"]:
            _filter(q, [m["cond"]])
        return
    labels = named.get("labels") or named.get("names.arg")
    if not positional or labels is None:
        raise UnchartableQuestion(f"chartq draws {fn}(values, labels = groups) of a summary.")
    q.chart, q.y, q.x = "pie" if fn == "pie" else "bar", column(positional[0]), column(labels)


def _aggregate(q: RQuery, positional: list[str], named: dict[str, str]) -> None:
    """aggregate(y ~ x + z, data = d, FUN = mean)."""
    formula, *rest = positional or [""]
    m = re.fullmatch(r"\s*(?P<y>[\w.`]+)\s*~\s*(?P<x>[\w.`]+(?:\s*\+\s*[\w.`]+)?)\s*", formula)
    data, fn = (
        named.get("data") or (rest[0] if rest else ""),
        named.get("FUN") or (rest[1] if len(rest) > 1 else ""),
    )
    if m is None or fn.strip() not in _AGGS:
        raise UnchartableQuestion(
            "chartq reads aggregate(y ~ x, data = d, FUN = mean | sum | min | max | median)."
        )
    if data:
        _chain(q, data)
    q.keys = [column(k) for k in m["x"].split("+")]
    q.agg = "count(*)" if fn.strip() == "length" else f"{_AGGS[fn.strip()]}({column(m['y'])})"
