"""The plain-language echo of a plan shown with every chart (issue #12)."""

from __future__ import annotations

import pytest

from worker.planner.describe import describe
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "description"),
    [
        ("average tip for parties of 4 or more, by day", "Average tip per day, party size at least 4."),
        (
            "life expectancy in Mexico and Canada since 1980",
            "Life expectancy over time, one line per country, in Mexico and Canada, since 1980.",
        ),
        ("top 5 countries by population in 1952", "Population per country, in 1952, top 5 by population."),
        ("how many tables of each size were there?", "Number of parties per party size."),
        ("share of total tips by day", "Each day's share of total tip."),
        (
            "stock price of apple and amazon in Q3 2019",
            "Stock price over time, one line per company, for AAPL and AMZN, from 2019-07-01 to 2019-09-30.",
        ),
        ("tip vs total bill for women", "Tip against total bill, one value per record, for Female."),
        ("population by continent excluding Oceania", "Total population per continent, excluding Oceania"),
        ("stock price of apple", "Stock price over time, for AAPL, all dates."),
    ],
)
def test_a_description_says_the_plan_in_words(
    planner: RulePlanner, semantic_model: SemanticModel, question: str, description: str
) -> None:
    assert describe(planner.plan(question), semantic_model).startswith(description)


def test_a_description_says_what_was_left_out(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    answer = planner.answer("Votes for Joly by district on Sundays in March")
    text = describe(answer.plan, semantic_model, answer.left_out)
    assert text.startswith("Votes per district, for Joly, largest first. Left out: ")
    assert "\u201cSundays\u201d" in text and "the election data has no dates." in text
