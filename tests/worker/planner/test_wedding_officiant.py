"""A wedding officiant's words (worker.planner.wedding_officiant): "Dearly beloved, we are gathered here
today to join X and Y", "speak now or forever hold your peace", "I now pronounce you X", the vows, the rings
and the couple set nothing, so no period, limit, threshold or filter is read from them; a value they name is
the request's only where it points back to it ("their", "those two"); what the data lacks, a second chart
and a choice handed back stay refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.wedding_officiant import unwed
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Dearly beloved, we are gathered here today to join the tip and the day: the median tip by day.",
            ("tip", "median"),
            "day",
        ),
        (
            "If anybody objects, let them speak now or forever hold their peace. ... Good. "
            "The total votes of each candidate.",
            ("votes", "sum"),
            "candidate",
        ),
        (
            "Till death do us part: the average sepal length of each species.",
            ("sepal_length", "avg"),
            "species",
        ),
        (
            "The rings were 750 dollars each - never mind that: the lowest price of each company.",
            ("price", "min"),
            "ticker",
        ),
        (
            "To have and to hold, for better, for worse: the number of tables for each party size.",
            ("tip", "count"),
            "party_size",
        ),
        (
            "You may now kiss the bride! For richer, for poorer: the total medals for each nation.",
            ("medals", "sum"),
            "nation",
        ),
    ],
)
def test_the_ceremony_sets_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), plan.limit, period_of(plan)) == (
        [measure],
        dimension,
        [],
        None,
        None,
    )


@pytest.mark.parametrize(
    ("question", "column", "values"),
    [
        (
            "We are gathered here today to join Apple and Amazon: their share price in 2019, one line each.",
            "ticker",
            {"AAPL", "AMZN"},
        ),
        (
            "I now pronounce you Asia and Europe... their life expectancy since 1982, one line each.",
            "continent",
            {"Asia", "Europe"},
        ),
        (
            "The groom grew up in Japan and the bride in Brazil. The population of those two countries "
            "since 1967, one line each.",
            "country",
            {"Japan", "Brazil"},
        ),
    ],
)
def test_a_value_named_in_the_ceremony_is_kept_where_the_request_points_back(
    planner: RulePlanner, question: str, column: str, values: set[str]
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, [(f.column, f.op, set(f.value)) for f in plan.filters]) == (
        "line",
        [(column, "in", values)],
    )


def test_a_pronounced_winner_is_the_requests_own(planner: RulePlanner) -> None:
    plan = planner.plan(
        "I now pronounce Coderre the winner - of a few districts: Coderre's votes in each district he won."
    )
    assert (plan.dimension, set(filters_of(plan))) == (
        "district",
        {("candidate", "eq", "Coderre"), ("winner", "eq", "Coderre")},
    )


def test_a_value_named_only_by_the_ceremony_sets_nothing(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The happy couple met in Mexico. In sickness and in health: the population of each continent in 2002."
    )
    assert (plan.dimension, filters_of(plan), period_of(plan)) == ("continent", [], ("2002", "2002"))


@pytest.mark.parametrize(
    "question",
    [
        "Dearly beloved, we are gathered here today: how many guests sat at the top table?",
        "In sickness and in health: the number of doctors per country in 2007.",
        "Till death do us part: Apple's share price in 2023.",
        "I now pronounce you two charts: the median tip by day, and separately the votes per candidate.",
        "The happy couple: the tip by day as a pie or as bars, whichever the groom likes.",
        "The rings are gold: Spain's medals by type.",
        "I now pronounce you Coderre or Joly: the votes by district - whichever goes on the cake.",
    ],
)
def test_what_cannot_be_charted_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The median tip by day, not a pie",
        "Which district had the most votes for Joly? Their total, please.",
        "For the big day: the average tip by day.",
    ],
)
def test_text_without_the_officiant_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unwed(text, semantic_model) == text
