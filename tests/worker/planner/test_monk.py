"""A monk (worker.planner.monk): the hours rung, days of silence, brothers counted, the abbey's founding, the
bishop's visit, a brother's name, the monastery's metals and the wind over the cloister set nothing; a
request that points back to the patter's countries or year has them; what the request asks of the monastery
stays refused; text without the voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.monk import unmonk
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Pax vobiscum, brother. After compline, the median tip for each party size.",
            "The median tip for each party size.",
        ),
        (
            "Brother Tobias rang the bell for lauds 5 times. The lowest price each company reached.",
            "The lowest price each company reached.",
        ),
        (
            "Our 9 brothers fast on Fridays. The average total bill by sex, lunch only.",
            "The average total bill by sex, lunch only.",
        ),
        (
            "The novices sweep the refectory at dawn; the 4 most populous countries of Africa in 1992.",
            "The 4 most populous countries of Africa in 1992.",
        ),
        (
            "A north wind sweeps the cloister, and we pray for every country. The wind frequency of each"
            " direction in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "The abbot's rosary is of gold beads. Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "I copy psalms in the scriptorium, where the smokers never go. The average tip on each day.",
            "The average tip on each day.",
        ),
        (
            "Vows of silence since 1987 in the priory. The average petal width of each species.",
            "The average petal width of each species.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "The bell for vespers rang, and the brothers from Canada and Mexico sang. Their countries' life"
            " expectancy since 1972, one line each.",
            "The life expectancy of Canada and Mexico since 1972, one line each.",
        ),
        (
            "Our seven monks tend a vineyard in France. The population of that country since 1957.",
            "France's population since 1957.",
        ),
        # Values the request names again are its own; the patter's go.
        (
            "We rose at 3 for vigils, as the monks of Brazil do. Chile's GDP per capita since 1982.",
            "Chile's GDP per capita since 1982.",
        ),
    ],
)
def test_what_the_request_points_back_to_counts(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Peace be with you. Plot the loaves of bread each monk baked last week.",
        "The monastery was founded in 1124. The life expectancy of Spain in that year.",
        "Brother Anselm wants the average or the median tip by day, whichever the prior prefers.",
        "Compline at 9. The average tip after 9 pm on each day.",
        "Our 12 brothers pray. The total bill by day as bars, and also a pie of the votes by candidate.",
        "The bishop visits from Germany on Sunday. Germany's Olympic medals by type.",
        "I have kept silence for 30 days. Which is the most blessed nation? Just the top one.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "My brother asks for the average tip by day",
        "The bishop takes on f7 - show the tip by day",
        "Tips in silence: the median tip by sex",
        "The bell curve of the total bill, as a histogram",
        "Sunday's average tip by party size",
        "Which country had the most people at mass events in 2007?",
        "Abbott's share price across 2019",
        "Before I ring the bell: the average tip by day, dinner only.",
        "The votes of each candidate, I pray. A bar for each.",
        "Medals by type for Canada, for the office quiz",
    ],
)
def test_text_without_the_monk_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unmonk(text, semantic_model) == text
