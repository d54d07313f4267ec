"""Names for measures beyond the model's own phrases (worker.planner.measure_words): everyday and finance
words ("headcount", "per-capita output"), phrases built with another measure's other names ("gratuity
rate" from "tip rate", "check per person" from "bill per person") and a stock's close as a noun."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.measure_words import more_names, spell_closes
from worker.planner.rules import RulePlanner


def test_a_phrase_is_said_with_another_measures_other_names() -> None:
    measures = {
        "tip": "tip",
        "gratuity": "tip",
        "tip rate": "tip_pct",
        "bill": "total_bill",
        "check": "total_bill",
        "tip as a share of the bill": "tip_pct",
    }
    found = more_names(measures, taken=set())
    assert found["gratuity rate"] == "tip_pct"
    assert found["tip as a share of the check"] == "tip_pct"
    assert "tip" not in found and "gratuity" not in found


def test_a_name_another_phrase_has_is_never_added() -> None:
    measures = {"tip": "tip", "gratuity": "tip", "tip rate": "tip_pct"}
    assert "gratuity rate" not in more_names(measures, taken={"gratuity rate"})


def test_everyday_words_name_the_measures() -> None:
    found = more_names({"gdp per capita": "gdp_per_capita", "population": "pop"}, taken=set())
    assert found["per-capita output"] == found["per capita gdp"] == "gdp_per_capita"
    assert found["headcount"] == "pop"


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("Lowest close per ticker", "Lowest closing price per ticker"),
        ("MSFT weekly closes, Q4 2019", "MSFT weekly closing prices, Q4 2019"),
        ("did each stock close above 1.5", "did each stock close above 1.5"),  # the verb
        ("how close was apple to google", "how close was apple to google"),
    ],
)
def test_the_close_as_a_noun_is_the_closing_price(said: str, written: str) -> None:
    assert spell_closes(said) == written


@pytest.mark.parametrize(
    ("question", "measures"),
    [
        ("Gratuity rate (tip as a percentage of the bill) by party size", [("tip_pct", "avg")]),
        ("South Korea's per-capita output since 1962", [("gdp_per_capita", "avg")]),
        ("per capita gdp by continent in 2007", [("gdp_per_capita", "avg")]),
        ("average check per person by day", [("bill_per_person", "avg")]),
        ("Lowest close per ticker over the full sample, excluding NFLX", [("price", "min")]),
        ("MSFT weekly closes, Q4 2019", [("price", "avg")]),
    ],
)
def test_finance_and_everyday_names_are_read(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]]
) -> None:
    assert measures_of(planner.plan(question)) == measures


def test_a_condition_on_a_measure_named_in_finance_words(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Headcount of the 8 most populous countries with per-capita output above $10,000 in 1997"
    )
    assert measures_of(plan) == [("pop", "sum")] and plan.limit == 8
    assert filters_of(plan) == [("gdp_per_capita", "gt", 10000)]
