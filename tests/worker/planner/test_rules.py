from __future__ import annotations

import re
import time
from typing import Any

import pytest

from worker.plan import ChartPlan, Filter
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import SemanticModel, load_semantic_model

QUESTIONS = [
    "life expectancy in Mexico and Canada since 1980",
    "Mexico vs Canada life expectancy",
    "top 5 countries by gdp per capita",
    "bottom 3 continents by life expectancy",
    "gdp per capita vs life expectancy",
    "population by continent",
    "share of population by continent",
    "apple vs google stock price",
    "average tip by day",
    "histogram of total bill",
    "total bill per day for smokers",
    "median tip by day and sex",
    "area chart of population by continent over time",
    "gold medals by nation",
    "wind frequency by direction",
    "sepal length vs petal length by species",
    "stock price of microsoft in 2019",
    "stock price last 6 months",
    "pie chart of medals by nation",
    "scatter of total bill vs tip",
    "distribution of life expectancy by continent",
    "life expectancy for each continent between 1990 and 2000",
    "bar chart of life expectancy in Japan from 1990 to 2000",
]


def filters_of(plan: ChartPlan) -> dict[str, Any]:
    return {f.column: (f.op, f.value) for f in plan.filters}


def test_the_headline_question(planner: RulePlanner) -> None:
    plan = planner.plan("life expectancy in Mexico and Canada since 1980")
    assert plan.dataset == "gapminder"
    assert [(m.name, m.agg) for m in plan.measures] == [("life_exp", "avg")]
    assert plan.use_time and plan.series == "country" and plan.chart_type == "line"
    assert filters_of(plan) == {"country": ("in", ["Mexico", "Canada"])}
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1980", None)
    assert plan.title == "Life expectancy in Mexico and Canada since 1980"


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_plan_passes_validation(
    planner: RulePlanner, semantic_model: SemanticModel, question: str
) -> None:
    semantic_model.validate_plan(planner.plan(question))


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("Life Expectancy in France", "life_exp"),
        ("lifespan in France", "life_exp"),
        ("GDP per capita of France", "gdp_per_capita"),
        ("population of France", "pop"),
        ("stock price of apple", "price"),
        ("average tip by day", "tip"),
        ("total bill by day", "total_bill"),
        ("petal width by species", "petal_width"),
    ],
)
def test_measures_are_found_by_label_or_synonym(planner: RulePlanner, question: str, measure: str) -> None:
    assert [m.name for m in planner.plan(question).measures] == [measure]


@pytest.mark.parametrize(
    ("question", "column", "expected"),
    [
        ("life expectancy in NIGER", "country", ("eq", "Niger")),
        ("life expectancy in nigeria", "country", ("eq", "Nigeria")),
        ("gdp per capita of Guinea-Bissau and Guinea", "country", ("in", ["Guinea-Bissau", "Guinea"])),
        ("life expectancy in the USA and the UK", "country", ("in", ["United States", "United Kingdom"])),
        ("population of Asia vs Europe", "continent", ("in", ["Asia", "Europe"])),
        ("apple vs google stock price", "ticker", ("in", ["AAPL", "GOOG"])),
        ("average tip on Sunday", "day", ("eq", "Sun")),
        ("average tip on sun", "day", ("eq", "Sun")),
        ("tips for non-smokers by day", "smoker", ("eq", "No")),
    ],
)
def test_entities_match_whole_words_in_any_case(
    planner: RulePlanner, question: str, column: str, expected: tuple[str, Any]
) -> None:
    assert filters_of(planner.plan(question))[column] == expected


def test_parts_of_words_are_not_entities(planner: RulePlanner) -> None:
    # "chad" is not matched inside "chadians"; the word as a whole names the people of Chad.
    assert planner.plan("life expectancy of chadians").filters == [
        Filter(column="country", op="eq", value="Chad")
    ]
    assert planner.plan("average tip on sundays").filters == [Filter(column="day", op="eq", value="Sun")]


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("life expectancy in Mexico since 1990", "1990", None),
        ("life expectancy in Mexico after 1990", "1991", None),
        ("life expectancy in Mexico from 1990", "1990", None),
        ("life expectancy in Mexico between 1990 and 2000", "1990", "2000"),
        ("life expectancy in Mexico from 1990 to 2000", "1990", "2000"),
        ("life expectancy in Mexico 1990-2000", "1990", "2000"),
        ("life expectancy in Mexico in 2007", "2007", "2007"),
        ("life expectancy in Mexico before 1970", None, "1969"),
        ("life expectancy in Mexico in the last 10 years", "1997", "2007"),
        ("life expectancy in Mexico in the 1980s", "1980", "1989"),
        ("apple stock price in the last 3 months", "2019-09-30", "2019-12-30"),
        ("apple stock price since 2019-06-01", "2019-06-01", None),
    ],
)
def test_time_ranges(planner: RulePlanner, question: str, start: str | None, end: str | None) -> None:
    time_range = planner.plan(question).time_range
    assert time_range is not None and (time_range.start, time_range.end) == (start, end)


def test_last_years_counts_back_from_the_latest_data(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    latest = int(semantic_model.data_as_of("gapminder") or 0)
    plan = planner.plan("population of India over the last 20 years")
    assert plan.time_range is not None and plan.time_range.start == str(latest - 20)


@pytest.mark.parametrize(
    ("question", "chart_type"),
    [
        ("line chart of population by continent", "line"),
        ("bar chart of life expectancy in Mexico since 1990", "bar"),
        ("scatter of total bill vs tip", "scatter"),
        ("pie chart of medals by nation", "pie"),
        ("area chart of population of China", "area"),
        ("histogram of total bill", "histogram"),
        ("life expectancy in Mexico", "line"),
        ("average tip by day", "bar"),
        ("gdp per capita vs life expectancy", "scatter"),
        ("proportion of medals by nation", "pie"),
        ("share of population by continent in 1992", "pie"),
    ],
)
def test_chart_type_from_words_or_data(planner: RulePlanner, question: str, chart_type: str) -> None:
    assert planner.plan(question).chart_type == chart_type


def test_top_and_bottom_n(planner: RulePlanner) -> None:
    top = planner.plan("top 5 countries by gdp per capita")
    assert (top.dimension, top.limit, top.chart_type) == ("country", 5, "bar")
    assert top.sort is not None and (top.sort.by, top.sort.direction) == ("gdp_per_capita", "desc")
    assert top.time_range is not None and top.time_range.start == top.time_range.end == "2007"
    bottom = planner.plan("bottom three continents by life expectancy in 1952")
    assert (bottom.dimension, bottom.limit) == ("continent", 3)
    assert bottom.sort is not None and bottom.sort.direction == "asc"


@pytest.mark.parametrize(
    ("question", "dimension", "series"),
    [
        ("population by continent", "continent", None),
        ("average tip per day", "day", None),
        ("life expectancy for each continent since 1990", None, "continent"),
        ("median tip by day and sex", "day", "sex"),
        ("average tip by day for Male vs Female", "day", "sex"),
    ],
)
def test_grouping(planner: RulePlanner, question: str, dimension: str | None, series: str | None) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.series) == (dimension, series)


@pytest.mark.parametrize(
    "question",
    [
        "Mexico vs Canada life expectancy",
        "compare Mexico and Canada life expectancy",
        "life expectancy Mexico and Canada",
    ],
)
def test_comparisons_give_one_series_per_entity(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.series == "country" and filters_of(plan)["country"] == ("in", ["Mexico", "Canada"])


def test_two_measures_make_a_scatter_of_one_point_per_country(planner: RulePlanner) -> None:
    plan = planner.plan("gdp per capita vs life expectancy by continent")
    assert [m.name for m in plan.measures] == ["gdp_per_capita", "life_exp"]
    assert (plan.chart_type, plan.dimension, plan.series) == ("scatter", "country", "continent")
    assert plan.title == "GDP per capita vs life expectancy by country and continent in 2007"


def test_aggregation_words(planner: RulePlanner) -> None:
    assert planner.plan("median tip by day").measures[0].agg == "median"
    assert planner.plan("maximum total bill by day").measures[0].agg == "max"
    assert planner.plan("number of bills by day").measures[0].agg == "count"
    assert planner.plan("total population by continent").measures[0].agg == "sum"
    # Adding up life expectancies is meaningless, so "total" keeps the measure's own aggregation.
    assert planner.plan("total life expectancy by continent").measures[0].agg == "avg"


@pytest.mark.parametrize(
    "question",
    ["", "   ", "hello", "what's the weather tomorrow", "Mexico vs Canada", "how are you?", "((*+?" * 2000],
)
def test_unchartable_questions_explain_what_can_be_asked(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion) as caught:
        planner.plan(question)
    message = str(caught.value)
    assert "life expectancy" in message and "stock price" in message
    assert "gapminder" in message and "tips" in message
    assert message.endswith("e.g. \u201cLife expectancy in Mexico and Canada since 1980\u201d.")


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("", "The question is empty."),
        ("hello", "That question doesn't name anything chartq can measure."),
        ("Mexico vs Canada", "That question says what to compare but not what to measure."),
    ],
)
def test_unchartable_messages_start_with_the_reason(planner: RulePlanner, question: str, reason: str) -> None:
    # The API puts "The chart could not be made: " in front, so the message must not say so again.
    with pytest.raises(UnchartableQuestion) as caught:
        planner.plan(question)
    assert str(caught.value).startswith(f"{reason} Try measures such as ")
    assert "can't chart" not in str(caught.value)


def test_every_dataset_the_advice_names_comes_with_its_measures(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    with pytest.raises(UnchartableQuestion) as caught:
        planner.plan("what's the weather tomorrow")
    message = str(caught.value)
    for ds in semantic_model.datasets:
        if re.search(rf"\b{ds.name}\b", message):
            offered = [m.label for m in ds.measures if m.label.lower() in message.lower()]
            assert 1 <= len(offered) <= 2, (ds.name, message)
            assert f"{offered[-1].lower()} ({ds.name})" in message.lower()


@pytest.mark.parametrize(
    ("question", "covers", "suggestion"),
    [
        (
            "life expectancy in Mexico in 2030",
            "1952\u20132007, so \u201cin 2030\u201d",
            "life expectancy in Mexico",
        ),
        (
            "Population of India since 2010",
            "1952\u20132007, so \u201csince 2010\u201d",
            "Population of India",
        ),
        (
            "life expectancy between 1900 and 1940",
            "1952\u20132007, so \u201cbetween 1900 and 1940\u201d",
            "life expectancy",
        ),
        (
            "apple stock price in 2025",
            "2018-01-01 to 2019-12-30, so \u201cin 2025\u201d",
            "apple stock price",
        ),
        (
            "Where will Amazon's price be by the end of 2020?",
            "2018-01-01 to 2019-12-30, so \u201cof 2020\u201d",
            "Where will Amazon's price be in 2019?",
        ),
    ],
)
def test_a_period_outside_the_data_says_what_the_data_covers(
    planner: RulePlanner, question: str, covers: str, suggestion: str
) -> None:
    with pytest.raises(UnchartableQuestion) as caught:
        planner.plan(question)
    message = str(caught.value)
    dataset = planner.plan(suggestion).dataset
    assert message.startswith(f"The {dataset} data covers {covers} is outside it; the {dataset} data has ")
    assert "Try a period inside it, e.g. " in message
    suggested = message.split("\u201c")[-1].removesuffix("\u201d.")
    assert suggested.startswith(suggestion)
    # The suggestion is itself a question the planner charts, inside the data.
    plan = planner.plan(suggested)
    assert plan.dataset == dataset and plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) in {("1997", "2007"), ("2019", "2019")}


def test_share_questions_are_titled_as_shares(planner: RulePlanner) -> None:
    plan = planner.plan("share of population by continent in 2007")
    assert (plan.chart_type, plan.title) == ("pie", "Share of population by continent in 2007")
    assert planner.plan("pie chart of medals by nation").title == "Share of medals by nation"
    # A pie of averages is no share of a whole and keeps saying how the values were combined.
    assert planner.plan("pie of life expectancy by continent").title.startswith("Average life expectancy")
    assert planner.plan("total population by continent").title == "Total population by continent in 2007"


def test_sql_injected_after_a_request_refuses_the_whole_message(planner: RulePlanner) -> None:
    # Charting "life expectancy in Mexico" would silently drop what the rest asked for.
    with pytest.raises(UnchartableQuestion, match="DROP TABLE") as caught:
        planner.plan("life expectancy in Mexico'; DROP TABLE gapminder; --")
    assert "does not run commands" in str(caught.value)


def test_without_warehouse_facts_value_synonyms_still_match() -> None:
    planner = RulePlanner(load_semantic_model())
    plan = planner.plan("apple vs google stock price")
    assert filters_of(plan)["ticker"] == ("in", ["AAPL", "GOOG"])


def test_planning_is_fast(planner: RulePlanner) -> None:
    started = time.perf_counter()
    for _ in range(20):
        for question in QUESTIONS:
            planner.plan(question)
    per_question_ms = (time.perf_counter() - started) * 1000 / (20 * len(QUESTIONS))
    # Typically about 0.2 ms; the bound only catches a pathological (backtracking) pattern.
    assert per_question_ms < 5


@pytest.mark.parametrize(
    ("question", "measure", "column", "value"),
    [
        ("life expectancey in canda", "life_exp", "country", "Canada"),
        ("populaton of brasil", "pop", "country", "Brazil"),
        ("sepal lenght of setosa", "sepal_length", "species", "setosa"),
        ("microsfot stock price", "price", "ticker", "MSFT"),
    ],
)
def test_typos_in_measures_and_values_are_forgiven(
    planner: RulePlanner, question: str, measure: str, column: str, value: str
) -> None:
    plan = planner.plan(question)
    assert plan.measures[0].name == measure and filters_of(plan)[column] == ("eq", value)


def test_ordinary_words_are_not_read_as_typos(planner: RulePlanner) -> None:
    # "make" is one letter from "Male", "child" from "Chile", "with" from "width".
    plan = planner.plan("make a chart of the average tip of tables with smokers by day")
    assert [(f.column, f.value) for f in plan.filters] == [("smoker", "Yes")] and [
        m.name for m in plan.measures
    ] == ["tip"]
    with pytest.raises(UnchartableQuestion, match="\u201cchild\u201d"):
        planner.plan("make a chart of the average tip of a table with a child by day")
    assert filters_of(planner.plan("life expectancy in Mali and Chad"))["country"] == ("in", ["Mali", "Chad"])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("countries with population over 100 million", ("pop", "gt", 100_000_000)),
        ("gdp per capita of countries with more than 1.5 billion people", ("pop", "gt", 1_500_000_000)),
        ("countries where life expectancy is at least 80", ("life_exp", "gte", 80)),
        ("average tip by day for bills under $20", ("total_bill", "lt", 20)),
        ("average tip for bills between 10 and 20 dollars", ("total_bill", "between", [10, 20])),
        ("average tip by sex for party size above 3", ("party_size", "gt", 3)),
        ("apple stock price when price was above 1.5", ("price", "gt", 1.5)),
    ],
)
def test_numeric_conditions_filter_a_measure_or_number(
    planner: RulePlanner, question: str, expected: tuple[str, str, Any]
) -> None:
    plan = planner.plan(question)
    column, op, value = expected
    assert Filter(column=column, op=op, value=value) in plan.filters  # type: ignore[arg-type]


def test_a_condition_never_takes_a_time_phrase(planner: RulePlanner) -> None:
    plan = planner.plan("life expectancy for each continent between 1990 and 2000")
    assert plan.filters == []
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1990", "2000")


@pytest.mark.parametrize(
    ("question", "measure", "agg"),
    [
        ("tip percentage by day", "tip_pct", "avg"),
        ("tip as a percentage of the bill by sex", "tip_pct", "avg"),
        ("tip per person by day", "tip_per_person", "avg"),
        ("median bill per person by meal", "bill_per_person", "median"),
        ("GDP of China", "gdp", "sum"),
        ("total gdp by continent", "gdp", "sum"),
        ("gdp per capita of China", "gdp_per_capita", "avg"),
    ],
)
def test_ratio_and_product_measures_of_the_model(
    planner: RulePlanner, question: str, measure: str, agg: str
) -> None:
    assert [(m.name, m.agg) for m in planner.plan(question).measures] == [(measure, agg)]


@pytest.mark.parametrize(
    ("question", "measure", "direction", "limit"),
    [
        ("the 10 richest countries", "gdp_per_capita", "desc", 10),
        ("5 poorest countries in 1952", "gdp_per_capita", "asc", 5),
        ("most populous countries in Asia", "pop", "desc", 10),
    ],
)
def test_rank_words_rank_by_their_measure(
    planner: RulePlanner, question: str, measure: str, direction: str, limit: int
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == (measure, direction)
    assert (plan.dimension, plan.limit, plan.measures[0].name) == ("country", limit, measure)


def test_counting_rows_or_adding_up_counts(planner: RulePlanner) -> None:
    countries = planner.plan("number of countries by continent")
    assert countries.measures[0].agg == "count" and countries.dimension == "continent"
    smokers = planner.plan("how many smokers by day")
    assert smokers.measures[0].agg == "count" and filters_of(smokers)["smoker"] == ("eq", "Yes")
    # People and medals are counts already: "how many" adds them up.
    assert planner.plan("how many people live in each continent").measures[0].agg == "sum"
    assert planner.plan("how many bills per day").measures[0].agg == "count"


def test_sort_words_order_the_bars(planner: RulePlanner) -> None:
    up = planner.plan("average life expectancy by continent sorted from lowest to highest")
    assert up.sort is not None and up.sort.direction == "asc" and up.limit is None
    down = planner.plan("average tip by day in descending order")
    assert down.sort is not None and (down.sort.by, down.sort.direction) == ("tip", "desc")
    # Days keep the week's order unless a sort is asked for.
    assert planner.plan("average tip by day").sort is None


def test_one_named_entity_is_a_filter_and_several_are_series(planner: RulePlanner) -> None:
    one = planner.plan("life expectancy in Japan")
    assert (one.series, filters_of(one)["country"]) == (None, ("eq", "Japan"))
    assert planner.plan("life expectancy in Japan and Korea").series == "country"


def test_a_summary_of_daily_data_is_a_bar_per_group(planner: RulePlanner) -> None:
    plan = planner.plan("average stock price by company in 2019")
    assert (plan.chart_type, plan.dimension, plan.use_time) == ("bar", "ticker", False)
    assert planner.plan("stock price by company in 2019").use_time


def test_a_dimension_phrase_wins_over_the_measure_inside_it(planner: RulePlanner) -> None:
    plan = planner.plan("medals by medal type for Canada")
    assert (plan.dimension, plan.measures[0].name) == ("medal", "medals")


def test_month_names_are_periods(planner: RulePlanner) -> None:
    plan = planner.plan("apple stock price since June 2019")
    assert plan.time_range is not None and plan.time_range.start == "2019-06"


@pytest.mark.parametrize(
    "question",
    ["delete all users", "DROP TABLE gapminder;", "'; DROP TABLE users; --", "update tips set tip = 0"],
)
def test_commands_are_refused_even_when_they_name_data(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion) as caught:
        planner.plan(question)
    assert str(caught.value).startswith("chartq only reads data to draw charts")
    # It says what can be asked: the data's measures, or an example question on the data named.
    assert "life expectancy" in str(caught.value) or "Try e.g." in str(caught.value)


@pytest.mark.parametrize(
    ("question", "series"),
    [
        ("Gold, silver, bronze per nation.", "medal"),
        ("gold and silver per nation", "medal"),
        ("Gold? All three nations.", None),
    ],
)
def test_values_of_data_with_one_measure_choose_it(
    planner: RulePlanner, question: str, series: str | None
) -> None:
    """ "nation" is a word of other data too; the medal values are only the medals data's, and its one
    measure is what they count."""
    plan = planner.plan(question)
    assert plan.dataset == "medals" and plan.dimension == "nation" and plan.series == series


def test_the_datasets_name_before_a_word_for_data_is_no_measure(planner: RulePlanner) -> None:
    """ "the tips data" names the data: the tip is not charted beside the measure asked for."""
    for question in (
        "On the tips data, average tip percentage by smoker",
        "the tips sheet: bill per person by day",
    ):
        plan = planner.plan(question)
        assert len(plan.measures) == 1 and plan.measures[0].name != "tip"
    assert [m.name for m in planner.plan("tips by day").measures] == ["tip"]


def test_a_range_holding_every_date_is_no_restriction(planner: RulePlanner) -> None:
    plan = planner.plan("Apple's weekly share price from the first week of 2018 to the end of the data")
    assert (plan.time_range, plan.chart_type) == (None, "line")
