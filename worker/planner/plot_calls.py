"""A request written as matplotlib, seaborn or Plotly Express calls, spelt as the pandas chain
worker.planner.pandas_syntax reads (it reads the chain later, in its turn):

- sns.barplot(data=tips, x="sex", y="total_bill", estimator="median") is
  tips.groupby('sex')['total_bill'].median().plot.bar() (the mean without an estimator; hue= adds a
  series); sns.countplot(data=tips, x="size") counts rows per size; px.bar sums the rows of each bar;
- sns.scatterplot / plt.scatter / px.scatter(x=A, y=B, hue=Z or c= or color=) is a scatter;
- sns.histplot / plt.hist / px.histogram of one column is its histogram, the frame's mask a filter;
- sns.lineplot / px.line / ax.plot(aapl.date, aapl.price) is a line (over time when x is a date);
- plt.pie(m, labels=m.index) a pie of the summary m; px.pie(D, names=N, values=V) a pie of V's sum;
- plt.bar / plt.barh(s.index, s.values) of a summary s is that summary's bar chart.

Names assigned before the call ("s = iris.groupby('species').sepal_width.mean()") stand for what they
were assigned; fig, ax = plt.subplots(), plt.show(), titles and labels add nothing; prose after the code
goes. What a plan cannot draw (a log axis, a twin axis, error bars, a regression line, densities, box
plots, facets, and every refusal of the pandas reader, such as a rolling window) is refused, ended with
a question that works. Text with no plotting call is left as it is.
"""

from __future__ import annotations

import ast
import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.pandas_syntax import unpandas
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unplot_calls"]

# A plotting library's call; any case, as a sentence's reader may have capitalised "Sns." before this.
_LIB = re.compile(r"(?<![\w.])(?i:plt|sns|px|pyplot|seaborn|ax\w*|axes|axs|fig)(?:\[\d+\])?\.\w+\s*\(")
# A pandas chain that plots ("df.groupby('day').tip.mean().plot()"): checked here, read later.
_PANDAS_PLOT = re.compile(r"[\w\])]\.(?:plot\b|hist\s*\()")
# Imports say nothing of the chart ("Import" capitalised by a sentence's reader before this).
_IMPORT = re.compile(r"(?i)(?<![\w.])(?:from\s+[\w.]+\s+)?import\s+[\w.]+(?:\s+as\s+\w+)?\s*;?\s*")
_UNDRAWABLE = [
    (
        r"[xy]scale\(\s*['\"](?:sym)?log|\bloglog\(|semilog[xy]\(|\blog(?:_[xy]|_scale|[xy])\s*=\s*True",
        "a log scale",
    ),
    (r"\btwin[xy]\(|\bsecondary_y\b", "a second y axis (twinx)"),
    (r"\b(?:errorbar|ci)\s*=\s*(?!None)|\berror_[xy]\s*=|\.errorbar\(|\b[xy]err\s*=", "error bars"),
    (r"\b(?:regplot|lmplot|residplot|polyfit)\(|\btrendline\s*=", "a fitted regression line"),
    (r"\bkdeplot\(|\bkde\s*=\s*True|\.(?:kde|density)\(", "a density curve"),
    (r"\b(?:box|boxen|violin|strip|swarm)plot\(|\.box\(", "a box, violin or strip plot"),
    (r"\b(?:heatmap|clustermap|imshow)\(", "a heatmap"),
    (
        r"\b(?:pairplot|jointplot|FacetGrid|PairGrid|catplot)\(|\b(?:col|row|facet_col|facet_row)\s*=",
        "facets",
    ),
    (r"\bsubplots\(\s*(?:[2-9]|1\s*,\s*[2-9]|n(?:rows|cols)\s*=\s*[2-9])", "several panels (subplots)"),
    (r"\b(?:axhline|axvline|hlines|vlines|fill_between|stackplot)\(", "reference lines or bands"),
]
# Calls that change nothing the plan holds.
_NEUTRAL = re.compile(
    r"show|title|suptitle|set_title|[xy]label|set_[xy]label|set_[xy]ticklabels|legend|tight_layout|savefig|"
    r"figure|subplots|[xy]ticks|set_[xy]ticks|grid|set|set_theme|set_style|set_palette|despine|"
    r"update_layout|update_traces|update_xaxes|update_yaxes|close|xlim|ylim|set_[xy]lim|bar_label|"
    r"annotate|text|margins|tick_params|write_image|write_html"
)
# Arguments that change only a chart's look.
_LOOKS = {"color", "palette", "alpha", "bins", "edgecolor", "label", "labels", "autopct", "figsize", "title"}
_LOOKS |= {"width", "height", "ax", "s", "marker", "linewidth", "linestyle", "legend", "template", "order"}
_LOOKS |= {"startangle", "errorbar", "ci", "orient", "hue_order", "markers", "dashes", "saturation"}
_LOOKS |= {"color_discrete_sequence", "shadow", "explode", "lw", "ls", "fill", "element"}
_ESTIMATORS = {"mean": "mean", "average": "mean", "median": "median", "sum": "sum", "max": "max"}
_ESTIMATORS |= {"min": "min", "len": "size", "count": "size", "size": "size"}
_KINDS = {"bar": "bar", "barh": "bar", "barplot": "bar", "pie": "pie", "plot": "line", "lineplot": "line"}
_KINDS |= {"line": "line", "scatter": "scatter", "scatterplot": "scatter", "hist": "hist"}
_KINDS |= {"histplot": "hist", "histogram": "hist", "countplot": "count", "displot": "hist"}
_KINDS |= {"relplot": "scatter"}
_TIME = {"date", "year", "month", "day_of_week", "time_period"}


def unplot_calls(text: str, model: SemanticModel) -> str:
    """`text` with plotting calls spelt as one pandas chain; raises UnchartableQuestion, with an example,
    for what a plan cannot draw."""
    lib = _LIB.search(text)
    if lib is None and not _PANDAS_PLOT.search(text):
        return text
    try:
        _refuse_undrawable(text)
        if lib is None:
            unpandas(text)  # only its refusals, ended here with an example: it reads the text in its turn
            return text
        text = _IMPORT.sub("", text)
        start, statements = _code(text, _LIB.search(text).start())  # type: ignore[union-attr]
        said = text[:start] + _read(statements)
        unpandas(said)
        return said
    except UnchartableQuestion as refusal:
        raise UnchartableQuestion(with_example(str(refusal).rstrip("."), text, model)) from None


def _refuse_undrawable(text: str) -> None:
    for pattern, words in _UNDRAWABLE:
        if re.search(pattern, text):
            raise UnchartableQuestion(f"chartq cannot draw {words} in a chart")


def _code(text: str, at: int) -> tuple[int, list[ast.stmt]]:
    """Where the code begins (the first of the statements that run on through the plotting call at
    `at`: the user's newlines are spaces by now) and its statements, the prose after them dropped."""
    for start in (m.start() for m in _STATEMENT.finditer(text) if m.start() <= at):
        statements, end = [], start
        while (parsed := _parse(text, end)) is not None:
            statements.append(parsed[0])
            end = _BETWEEN.match(text, parsed[1]).end()  # type: ignore[union-attr]
        if end > at:
            return start, statements
    raise UnchartableQuestion("chartq cannot read that code as Python; name the plot's columns")


# Where a statement may start: a name followed by ".", "[", "(", "=" or ", name =".
_STATEMENT = re.compile(r"(?<![\w.'\"])[A-Za-z_]\w*(?=\s*(?:[.\[(]|(?:,\s*\w+\s*)+=|=(?!=)))")
_BETWEEN = re.compile(r"[\s;]*")


def _read(statements: list[ast.stmt]) -> str:
    """The pandas chain the code's plotting call draws."""
    env: dict[str, ast.expr] = {}
    chart: str | None = None
    for node in statements:
        if isinstance(node, ast.Assign) and not _is_plot(node.value):
            env.update({t.id: _resolved(node.value, env) for t in node.targets if isinstance(t, ast.Name)})
        elif isinstance(node, (ast.Assign, ast.Expr)) and (drawn := _plot(node.value, env)):
            if chart is not None:
                raise UnchartableQuestion("chartq draws one chart at a time; ask for each plot")
            chart = drawn
    if chart is None:
        raise UnchartableQuestion("chartq found no chart drawn in that code (plt.bar, sns.barplot, px.line)")
    return chart


def _parse(text: str, at: int) -> tuple[ast.stmt, int] | None:
    """The statement at `at` and where it ends: the shortest code that parses and that what follows does
    not continue; None at prose ("- how many tables"), which is no assignment, call or import."""
    for end in range(at + 1, len(text) + 1):
        ch = text[end - 1]
        if not (ch in ")]'\"" or ch.isalnum() or ch == "_") or _CONTINUED.match(text, end):
            continue
        try:
            body = ast.parse(text[at:end]).body
        except SyntaxError:
            continue
        node = body[0] if len(body) == 1 else None
        if isinstance(node, ast.Assign) or (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
            return node, end
        return None
    return None


# What goes on with the code: a method, index, call, operator, or a minus before a name ("- df.x")
_CONTINUED = re.compile(r"[\w'\"]|\s*(?:[.\[(=,*/%<>&|+!]|-\s*[\w.]+\s*(?:[.\[(]|$))")


def _is_plot(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and bool(_LIB.match(ast.unparse(node.func) + "("))


def _resolved(node: ast.expr, env: dict[str, ast.expr]) -> ast.expr:
    """`node` with each name assigned before replaced by what it was assigned."""

    class _Names(ast.NodeTransformer):
        def visit_Name(self, name: ast.Name) -> ast.expr:
            return env.get(name.id, name)

    copied: ast.expr = _Names().visit(ast.parse(ast.unparse(node), mode="eval").body)
    return copied


def _plot(node: ast.expr, env: dict[str, ast.expr]) -> str | None:
    """The chain one plotting call draws; None for a call that draws nothing of the plan's."""
    if not _is_plot(node):
        return None
    assert isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    name, lib = node.func.attr, ast.unparse(node.func.value)
    if _NEUTRAL.fullmatch(name):
        return None
    if name not in _KINDS:
        raise UnchartableQuestion(f"chartq reads bar, line, scatter, histogram and pie plots, not {name}()")
    args = [_resolved(a, env) for a in node.args]
    kwargs = {k.arg: _resolved(k.value, env) for k in node.keywords if k.arg}
    if lib.lower() in ("sns", "seaborn", "px"):
        return _frame_plot(_KINDS[name], args, kwargs, lib.lower() == "px")
    return _matplotlib(_KINDS[name], name, args, kwargs)


def _frame_plot(kind: str, args: list[ast.expr], kwargs: dict[str, ast.expr], px: bool) -> str:
    """A seaborn or Plotly Express call: a frame and the names of its columns."""
    data = kwargs.pop("data_frame" if px else "data", None) or (args.pop(0) if args else None)
    if data is None:
        raise UnchartableQuestion("chartq needs the data the plot draws, such as data=tips")
    frame = ast.unparse(data)
    if px and args:
        kwargs.update(zip(("x", "y"), args, strict=False))
    names = {k: _column(kwargs.pop(k)) for k in ("x", "y", "hue", "names", "values") if k in kwargs}
    # Plotly's color= is the series; "colour=" is hue= as an old-English reader spells it before this.
    for key in ("colour", "color") if px else ("colour",):
        if key in kwargs:
            names["hue"] = _column(kwargs.pop(key))
    est = _estimator(kwargs.pop("estimator", None), "sum" if px else "mean")
    _refuse_unknown(kwargs)
    x, y, hue = names.get("x"), names.get("y"), names.get("hue")
    if kind == "pie" and "names" in names:
        # px.pie(names=N, values=V) adds up V per slice; without values it counts rows.
        return _summary(frame, names["names"], None, y := names.get("values"), "sum" if y else "size", "pie")
    if kind == "scatter":
        return f"{frame}.plot.scatter(x={x!r}, y={y!r}{_also('c', hue)})"
    if kind == "hist":
        if hue or not (x or y) or (x and y):
            raise UnchartableQuestion("chartq draws a histogram of one column (x=...), not split by hue")
        return f"{frame}[{x or y!r}].plot.hist()"
    if kind == "count":
        return _summary(frame, x or y, hue, None, "size", "bar")
    if x is None or y is None:
        raise UnchartableQuestion("chartq plots a column y over a column x: name both")
    if kind == "line" and x in _TIME:
        return f"{frame}.plot(x={x!r}, y={y!r}{_also('hue', hue)})"
    return _summary(frame, x, hue, y, est, kind)


def _summary(frame: str, x: str | None, hue: str | None, y: str | None, est: str, kind: str) -> str:
    """The chain of `est` of `y` per `x` (and `hue`), drawn as `kind`."""
    keys = repr(x) if hue is None else repr([x, hue])
    column = "" if est == "size" else f"[{y!r}]"
    unstack = "" if hue is None else ".unstack()"
    return f"{frame}.groupby({keys}){column}.{est}(){unstack}.plot{'' if kind == 'line' else '.' + kind}()"


def _matplotlib(kind: str, name: str, args: list[ast.expr], kwargs: dict[str, ast.expr]) -> str:
    """A matplotlib call on arrays: a summary's index and values, or two columns of one frame."""
    colour = kwargs.pop("c", None)
    _refuse_unknown(kwargs)
    plot = {"bar": ".plot.bar", "line": ".plot", "scatter": ".plot.scatter", "pie": ".plot.pie"}
    plot["hist"] = ".plot.hist"
    if len(args) == 1 and kind != "scatter":
        return ast.unparse(args[0]) + plot[kind] + "()"
    if len(args) == 2 and kind in ("bar", "line", "scatter"):
        (fx, x), (fy, y) = (_parts(a) for a in args)
        if x == "index" and fx and fx == (fy if y == "values" else ast.unparse(args[1])):
            return fx + plot[kind] + "()"
        if fx and fx == fy and x and y:
            c = _column(colour) if colour is not None else None
            return f"{fx}{plot[kind]}(x={x!r}, y={y!r}{_also('c', c)})"
    said = ", ".join(ast.unparse(a) for a in args)
    raise UnchartableQuestion(
        f"chartq cannot tell which columns {name}({said}) draws; name the data's columns"
    )


def _parts(node: ast.expr) -> tuple[str | None, str | None]:
    """A frame's column as (frame, column): aapl.price and aapl["price"] are ("aapl", "price")."""
    if isinstance(node, ast.Attribute):
        return ast.unparse(node.value), node.attr
    if (
        isinstance(node, ast.Subscript)
        and isinstance(c := node.slice, ast.Constant)
        and isinstance(c.value, str)
    ):
        return ast.unparse(node.value), c.value
    return None, None


def _column(node: ast.expr) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if (col := _parts(node)[1]) is not None:
        return col
    raise UnchartableQuestion(f"chartq cannot read “{ast.unparse(node)}” as a column; name it in quotes")


def _estimator(node: ast.expr | None, default: str) -> str:
    said = default if node is None else ast.unparse(node).strip("'\"").split(".")[-1]
    if said not in _ESTIMATORS:
        raise UnchartableQuestion(
            f"chartq aggregates with the mean, median, sum, max, min or a count, not {said}"
        )
    return _ESTIMATORS[said]


def _refuse_unknown(kwargs: dict[str, ast.expr]) -> None:
    if unknown := sorted(set(kwargs) - _LOOKS):
        said = ast.unparse(kwargs[unknown[0]])
        raise UnchartableQuestion(f"chartq cannot set {unknown[0]}={said} on a chart")


def _also(key: str, value: str | None) -> str:
    return f", {key}={value!r}" if value else ""
