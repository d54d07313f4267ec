"""A request written in R (worker.planner.r_syntax, worker.planner.r_plots): dplyr pipes, ggplot2 layers and
base R are charted as the code says; what a plan cannot draw is refused naming the call, and text that is
not R is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.r_syntax import unr
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("tips %>% group_by(day) %>% summarise(mean(tip))", "avg(tip) from tips group by day"),
        ("tips |> filter(size >= 4) |> count(day)", "count(*) from tips where size >= 4 group by day"),
        ("aggregate(total_bill ~ time, data = tips, FUN = median)",
         "median(total_bill) from tips group by time"),
        ("hist(iris$Petal.Width[iris$Species != 'setosa'])",
         "histogram of petal_width from iris where Species != 'setosa'"),
        ("Can you do this in R: df %>% group_by(sex) %>% summarise(max(tip))",
         "Can you do this in R: max(tip) group by sex"),
    ],
)  # fmt: skip
def test_r_is_spelt_as_sql_words(semantic_model: SemanticModel, code: str, said: str) -> None:
    assert unr(code, semantic_model) == said


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "What is the avg tip in $ by day",
        "tip by day, filter(smoker)",
        "US$5 tips by day",
    ],
)
def test_text_that_is_not_r_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unr(text, semantic_model) == text


@pytest.mark.parametrize(
    ("code", "dataset", "measures", "dimension", "series", "filters", "chart_type"),
    [
        ("tips %>% group_by(day) %>% summarise(mean(tip))", "tips", [("tip", "avg")], "day", None, [], "bar"),
        ("tips %>% group_by(day, sex) %>% summarise(total = sum(tip)) %>% "
         "ggplot(aes(day, total, fill = sex)) + geom_col(position = 'dodge')",
         "tips", [("tip", "sum")], "day", "sex", [], "bar"),
        ("tips |> filter(day %in% c(\"Sat\", \"Sun\")) |> group_by(time, day) |> "
         "summarise(avg = mean(total_bill)) |> ggplot(aes(x = day, y = avg, colour = time)) + geom_col()"
         " + labs(title = 'Bills')",
         "tips", [("total_bill", "avg")], "day", "meal", [("day", "in", ["Sat", "Sun"])], "bar"),
        ("ggplot(tips, aes(total_bill, tip, colour = smoker)) + geom_point()",
         "tips", [("total_bill", "none"), ("tip", "none")], None, "smoker", [], "scatter"),
        ("ggplot(iris, aes(Sepal.Length, Petal.Length)) + geom_point(aes(color = Species), alpha = 0.4)",
         "iris", [("sepal_length", "none"), ("petal_length", "none")], None, "species", [], "scatter"),
        # geom_col() stacks the rows of each bar: their sum; geom_bar() counts them.
        ("ggplot(tips, aes(day, tip)) + geom_col()", "tips", [("tip", "sum")], "day", None, [], "bar"),
        ("ggplot(tips, aes(day)) + geom_bar()", "tips", [("tip", "count")], "day", None, [], "bar"),
        ("aggregate(tip ~ day + sex, tips, mean)", "tips", [("tip", "avg")], "day", "sex", [], "bar"),
        ("aggregate(frequency ~ strength, data = wind, FUN = sum)",
         "wind", [("frequency", "sum")], "strength", None, [], "bar"),
        ("election %>% group_by(candidate) %>% summarise(v = sum(votes)) %>% "
         "with(pie(v, labels = candidate))",
         "election", [("votes", "sum")], "candidate", None, [], "pie"),
        ("medals %>% filter(nation == 'Canada') %>% ggplot(aes(medal, medal_count)) + geom_col()",
         "medals", [("medals", "sum")], "medal", None, [("nation", "eq", "Canada")], "bar"),
        ("iris %>% ggplot(aes(x = Petal.Length)) + geom_histogram(fill = 'grey')",
         "iris", [("petal_length", "none")], None, None, [], "histogram"),
        ("with(iris, hist(Sepal.Width[Species == 'virginica'], main = 'Widths'))",
         "iris", [("sepal_width", "none")], None, None, [("species", "eq", "virginica")], "histogram"),
        ("ggplot(data = tips, mapping = aes(x = day)) + geom_bar()",
         "tips", [("tip", "count")], "day", None, [], "bar"),
        ("filter(tips, day = 'Sun') %>% count(sex)", "tips", [("tip", "count")], "sex", None,
         [("day", "eq", "Sun")], "bar"),
    ],
)  # fmt: skip
def test_r_is_charted_as_it_says(
    planner: RulePlanner,
    code: str,
    dataset: str,
    measures: list[tuple[str, str]],
    dimension: str | None,
    series: str | None,
    filters: list[tuple[str, str, object]],
    chart_type: str,
) -> None:
    plan = planner.plan(code)
    assert (plan.dataset, measures_of(plan), plan.dimension, plan.series) == (
        dataset,
        measures,
        dimension,
        series,
    )
    assert (filters_of(plan), plan.chart_type) == (filters, chart_type)


@pytest.mark.parametrize(
    ("code", "sort", "limit"),
    [
        ("gapminder %>% filter(continent == 'Asia', year == 2007) %>% slice_max(pop, n = 5) %>% "
         "ggplot(aes(country, pop)) + geom_col()", ("pop", "desc"), 5),
        ("gapminder %>% filter(year == 1997) %>% arrange(gdpPercap) %>% head(10) %>% "
         "ggplot(aes(country, gdpPercap)) + geom_col()", ("gdp_per_capita", "asc"), 10),
        ("tips %>% group_by(day) %>% summarise(n = n()) %>% arrange(desc(n)) %>% head(3)",
         ("tip", "desc"), 3),
        ("gapminder |> filter(year == 2002) |> group_by(continent) |> summarise(t = sum(pop)) |> "
         "slice_min(t, n = 2)",
         ("pop", "asc"), 2),
    ],
)  # fmt: skip
def test_an_order_and_a_top_few_are_kept(
    planner: RulePlanner, code: str, sort: tuple[str, str], limit: int
) -> None:
    plan = planner.plan(code)
    assert plan.sort is not None
    assert ((plan.sort.by, plan.sort.direction), plan.limit) == (sort, limit)


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("stocks %>% filter(date >= '2018-10-01', date <= '2018-12-31') %>% group_by(ticker) %>% "
         "summarise(min(price))", "2018-10-01", "2018-12-31"),
        ("stocks %>% filter(ticker == 'NFLX', between(date, as.Date('2019-04-01'), as.Date('2019-06-30')))"
         " %>% "
         "ggplot(aes(date, price)) + geom_line()", "2019-04-01", "2019-06-30"),
        ("stocks %>% filter(year(date) == 2019) %>% ggplot(aes(date, price, colour = ticker)) + geom_line()",
         "2019", "2019"),
    ],
)  # fmt: skip
def test_dates_are_a_time_range(planner: RulePlanner, code: str, start: str, end: str) -> None:
    plan = planner.plan(code)
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == (start, end)


@pytest.mark.parametrize(
    ("code", "named"),
    [
        ("tips %>% group_by(day) %>% summarise(sd(tip))", "standard deviation"),
        ("cor(iris$Sepal.Length, iris$Petal.Length)", "correlation"),
        ("ggplot(gapminder, aes(gdpPercap, lifeExp)) + geom_point() + facet_wrap(~ continent)", "facet_wrap"),
        ("gapminder %>% group_by(continent) %>% slice_max(gdpPercap, n = 1)", "within each group"),
        ("stocks %>% mutate(change = price - lag(price)) %>% ggplot(aes(date, change)) + geom_line()",
         "mutate"),
        ("medals %>% left_join(gapminder, by = c('nation' = 'country'))", "left_join"),
        ("election %>% group_by(winner) %>% summarise(n_distinct(district))", "distinct"),
        ("ggplot(wind, aes(direction, frequency, fill = strength)) + geom_col() + coord_polar()", "polar"),
        ("ggplot(gapminder, aes(gdpPercap, lifeExp)) + geom_point() + scale_x_log10()", "log scale"),
        ("iris %>% ggplot(aes(x = Sepal.Width)) + geom_histogram(bins = 20)", "bins"),
        ("hist(tips$tip, breaks = 30)", "breaks"),
        ("tips %>% count(day, wt = tip)", "wt = tip"),
        ("gapminder %>% filter(year == 2007 | continent == 'Asia') %>% count(continent)", "|"),
        ("tips %>% group_by(day) %>% summarise(mean(tip)) %>% head(2)", "name order"),
        ("tips %>% group_by(day) %>% summarise(avg = mean(tip)) %>% filter(avg > 3)", "filter() rows"),
        ("tips %>% group_by(day) %>% summarise(mean(tip), mean(total_bill))", "one summary"),
        ("ggplot(tips, aes(day, tip)) + geom_boxplot()", "box plot"),
        ("ggplot(tips, aes(day, fill = sex)) + geom_bar(position = 'fill')", "position = 'fill'"),
        ("tips %>% filter(str_detect(day, 'S')) %>% count(day)", "str_detect"),
        ("tips %>% group_by(day) %>% summarise(mean(tip)) %>% ggplot(aes(day, total_bill)) + geom_col()",
         "summary's own columns"),
    ],
)  # fmt: skip
def test_r_a_plan_cannot_draw_is_refused_naming_it(planner: RulePlanner, code: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(code)
    assert named in str(refused.value)
    assert "Try" in str(refused.value)
