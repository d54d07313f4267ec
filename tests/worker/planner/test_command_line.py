"""A request written as a command line (worker.planner.command_line): the program's name and verb, a
dataset named as a word or by -d, and each flag read as the key=value request it stands for; a flag or a
word it cannot honour is refused naming it, and text that is no command line is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.command_line import uncli
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day",
        "plot the average tip by day",
        "chartq, show me the total bill by sex",
        "What is the average tip -- per day?",
        "tips by day - as a bar chart",
    ],
)
def test_text_that_is_no_command_line_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert uncli(text, semantic_model) == text


@pytest.mark.parametrize(
    ("command", "dataset", "measures", "dimension", "series", "chart_type"),
    [
        ("chartq plot tips --x day --y tip --agg mean", "tips", [("tip", "avg")], "day", None, "bar"),
        ("plot tips --x=day --y=tip --agg=sum --hue=sex", "tips", [("tip", "sum")], "day", "sex", "bar"),
        ("chartq count tips --by day --color sex", "tips", [("tip", "count")], "day", "sex", "bar"),
        (
            "chartq -d iris -t scatter -x sepal_length -y petal_length --colour species",
            "iris",
            [("sepal_length", "none"), ("petal_length", "none")],
            None,
            "species",
            "scatter",
        ),
        (
            "chartq --dataset tips -x day -y total_bill -y tip --type bar",
            "tips",
            [("total_bill", "avg"), ("tip", "avg")],
            "day",
            None,
            "bar",
        ),
        (
            "chartq pie tips --x time --y total_bill --agg sum",
            "tips",
            [("total_bill", "sum")],
            "meal",
            None,
            "pie",
        ),
        (
            "$ chartq hist iris --field petal_width",
            "iris",
            [("petal_width", "none")],
            None,
            None,
            "histogram",
        ),
    ],
)
def test_flags_are_read_as_the_request(
    planner: RulePlanner,
    command: str,
    dataset: str,
    measures: list[tuple[str, str]],
    dimension: str | None,
    series: str | None,
    chart_type: str,
) -> None:
    plan = planner.plan(command)
    assert (plan.dataset, measures_of(plan), plan.dimension, plan.series, plan.chart_type) == (
        dataset,
        measures,
        dimension,
        series,
        chart_type,
    )


@pytest.mark.parametrize(
    ("command", "filters"),
    [
        ("chartq plot tips --x size --y tip_pct --filter time=Dinner", [("meal", "eq", "Dinner")]),
        ("chartq hist iris --field petal_width --filter species!=setosa", [("species", "ne", "setosa")]),
        (
            "chartq plot wind --x strength --y frequency --filter direction=N,S",
            [("direction", "in", ["N", "S"])],
        ),
        ("chartq count stocks --by ticker --filter 'price<1'", [("price", "lt", 1)]),
        (
            "chartq plot medals --x medal --y medal_count --filter nation='South Korea'",
            [("nation", "eq", "South Korea")],
        ),
        (
            "chartq plot election --x district --y votes --filter candidate=Coderre --filter winner=Coderre",
            [("candidate", "eq", "Coderre"), ("winner", "eq", "Coderre")],
        ),
    ],
)
def test_filters_are_read(planner: RulePlanner, command: str, filters: list[tuple[str, str, object]]) -> None:
    assert sorted(filters_of(planner.plan(command)), key=str) == sorted(filters, key=str)


@pytest.mark.parametrize(
    ("command", "span"),
    [
        (
            "chartq plot stocks --y price --filter ticker=AAPL --since 2018-06 --until 2019-01",
            ("2018-06-01", "2019-01-31"),
        ),
        (
            "chartq plot stocks --x date --y price --from=2019-01-01 --to=2019-06-30",
            ("2019-01-01", "2019-06-30"),
        ),
        ("chartq plot gapminder --x year --y lifeExp --since 1972", ("1972", "2007")),
        ("chartq plot stocks --x date --y price --until 2018-03", ("2018-01-01", "2018-03-31")),
        ("chartq plot gapminder --x continent --y gdp --agg sum --year 1987", ("1987", "1987")),
    ],
)
def test_spans_are_read_whole(planner: RulePlanner, command: str, span: tuple[str, str]) -> None:
    plan = planner.plan(command)
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == span


@pytest.mark.parametrize(
    ("command", "measure", "direction", "limit"),
    [
        ("chartq plot gapminder --x country --year 2007 --top 5 --by pop", "pop", "desc", 5),
        (
            "chartq plot gapminder --x country --y gdpPercap --year 1997 --sort asc --limit 10",
            "gdp_per_capita",
            "asc",
            10,
        ),
        ("chartq plot wind --x direction --y frequency --sort desc --limit 3", "frequency", "desc", 3),
    ],
)
def test_rankings_are_read(
    planner: RulePlanner, command: str, measure: str, direction: str, limit: int
) -> None:
    plan = planner.plan(command)
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction, plan.limit) == (
        measure,
        direction,
        limit,
    )


@pytest.mark.parametrize(
    ("command", "named"),
    [
        ("chartq plot tips --x day --y tip --agg std", "std"),
        ("chartq plot stocks --y price --filter ticker=TSLA --type line", "TSLA"),
        ("chartq hist iris --field petal_length --bins 20", "--bins 20"),
        ("chartq plot gapminder --type scatter -x gdpPercap -y lifeExp --year 2007 --log-x", "--log-x"),
        ("chartq plot stocks --x date --y price --rolling 4w", "--rolling 4w"),
        (
            "chartq plot medals --x nation --y medal_count --per-capita --join gapminder.pop",
            "--join gapminder.pop",
        ),
        ("chartq plot election --x district --y votes --sort alpha", "alpha"),
        ("chartq plot wind --x month --y frequency --agg sum", "month"),
        ("chartq plot tips --x day --y tip -o out.png", "-o out.png"),
        ("chartq plot tips by day --type bar", "by"),
        ("chartq plot tips --x day --y tip --top 3 --by total_bill", "--by total_bill"),
        ("chartq plot gapminder --x country --y pop --year 1800", "1800"),
        ("chartq plot tips --x day --y tip --filter smoker=Maybe", "Maybe"),
        ("chartq plot tips --x day --y", "--y"),
    ],
)
def test_what_cannot_be_honoured_is_refused_naming_it(planner: RulePlanner, command: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(command)
    assert named.lower() in str(refused.value).lower()
