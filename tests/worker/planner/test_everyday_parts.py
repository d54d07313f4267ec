"""The parts of things (worker.planner.everyday_parts): an iris's "outer leaves" and "how wide they are",
a company's shares; "the shares of Asia" stays a share of a whole."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.everyday_parts import company_shares, iris_parts
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("how long the flower's outer leaves are", "sepal length"),
        ("how wide the petals are against how long they are", "petal width against petal length"),
        ("the outer leaves of setosa", "the sepals of setosa"),
        # "they" with no part named before it is nobody's width.
        ("how wide they are", "how wide they are"),
    ],
)
def test_the_parts_of_an_iris(said: str, read: str) -> None:
    assert iris_parts(said) == read


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("the shares of Apple in 2019", "the share price of Apple in 2019"),
        ("AAPL's shares by month", "AAPL's share price by month"),
        ("the shares of Asia in the population", "the shares of Asia in the population"),
    ],
)
def test_a_companys_shares_are_its_share_price(semantic_model: SemanticModel, said: str, read: str) -> None:
    assert company_shares(said, semantic_model) == read


def test_how_the_shares_went_is_a_line(planner: RulePlanner) -> None:
    plan = planner.plan("how the shares of that streaming company, Netflix, did in 2019")
    assert plan.use_time and filters_of(plan) == [("ticker", "eq", "NFLX")]


def test_petals_and_they(planner: RulePlanner) -> None:
    plan = planner.plan("a picture with dots of how wide the petals are against how long they are")
    assert plan.chart_type == "scatter"
    assert measures_of(plan) == [("petal_width", "none"), ("petal_length", "none")]
