"""Domain experts' jargon (worker.planner.jargon): finance, hospitality, botany, politics and demography
words read as the model's measures, dimensions and values."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner


def test_the_faang_names_are_five_tickers(planner: RulePlanner) -> None:
    for question in (
        "Chart the closing prices of the FAANG names over H1 2019, one line per ticker.",
        "FAANG stocks weekly closes in 2018, a line each",
    ):
        plan = planner.plan(question)
        assert plan.series == "ticker"
        assert filters_of(plan) == [("ticker", "in", ["FB", "AAPL", "AMZN", "NFLX", "GOOG"])]


@pytest.mark.parametrize(
    ("question", "measures", "dimension"),
    [
        ("Trough close per name from October through December 2018.", [("price", "min")], "ticker"),
        ("trough price per name in 2019", [("price", "min")], "ticker"),
        ("Average check size by service, lunch vs dinner.", [("total_bill", "avg")], "meal"),
        ("Mean bill size per day", [("total_bill", "avg")], "day"),
        (
            "Gratuity per cover by party size, excluding solo diners.",
            [("tip_per_person", "avg")],
            "party_size",
        ),
        ("Total gross revenue by day of the week, as a pie.", [("total_bill", "sum")], "day"),
        ("Mean petal width per taxon.", [("petal_width", "avg")], "species"),
        ("Specimen counts per taxon with petal length over 4.5 cm.", [("petal_length", "count")], "species"),
        ("Bergeron's ten strongest ridings by raw vote.", [("votes", "sum")], "district"),
        ("Aggregate population by continent in 1977", [("pop", "sum")], "continent"),
    ],
)
def test_jargon_names_the_models_words(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == (measures, dimension)


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        ("Average tip percentage per day for party sizes of 2 to 4", [("party_size", "between", [2, 4])]),
        ("Average bill per day for table sizes between 3 and 5", [("party_size", "between", [3, 5])]),
        ("Gratuity by day, excluding solo diners", [("party_size", "ne", 1)]),
    ],
)
def test_party_sizes_and_solo_diners(
    planner: RulePlanner, question: str, filters: list[tuple[str, str, object]]
) -> None:
    assert filters_of(planner.plan(question)) == filters


@pytest.mark.parametrize(
    "question",
    [
        "Sepal morphology: sepal length vs sepal width across all specimens, one colour per taxon.",
        "petal length against petal width for all specimens, colour it by taxon",
    ],
)
def test_botany_scatter(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.series) == ("scatter", "species")


@pytest.mark.parametrize(
    "question",
    [
        "Vote share by candidate across the whole city, as a pie.",
        "The mayoral race: raw vote by candidate as a pie",
    ],
)
def test_the_whole_city_and_the_race_name_all_the_election(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.chart_type, plan.filters) == ("candidate", "pie", [])


@pytest.mark.parametrize(
    "question",
    [
        "Performance since the start of 2018 for AAPL and NFLX, weekly closes, a line each.",
        "msft price since the beginning of 2018",
    ],
)
def test_since_the_start_of_the_data_is_no_restriction(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.use_time and plan.time_range is None


def test_since_a_later_start_still_restricts(planner: RulePlanner) -> None:
    plan = planner.plan("msft price since the start of 2019")
    assert plan.time_range is not None and plan.time_range.start == "2019"
