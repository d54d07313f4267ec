"""A plumber (worker.planner.plumber): pipe sizes, a boiler's bar, the call-out fee, the jobs done, the
years on the tools, a boiler's home, gold taps and the walls' directions set nothing; a lead-in while the
work goes on is the request's start; what the request asks of the job stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.plumber import unplumb
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Swapped the washer on a leaking tap at number 9, then bled the radiators at 11. The median tip"
            " on each day.",
            "The median tip on each day.",
        ),
        (
            "The combi boiler in flat 3 dropped to 0.8 bar on Monday. The 5 most populous countries in 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "Call-out charge is 60 euros, plus 30 an hour after that. The lowest share price each company"
            " reached in 2018.",
            "The lowest share price each company reached in 2018.",
        ),
        (
            "22 mm copper pipe, four elbows and a stopcock from Italy. GDP per capita by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "Brass taps for the vicarage, fitted in 1987, and a silver van outside. Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "The cold tap on the west wall has been dripping since Thursday. The wind frequency of each"
            " direction in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "Four jobs before noon in Rosemont, all blocked drains. Coderre's votes in each district.",
            "Coderre's votes in each district.",
        ),
        (
            "The price of copper fittings went up again in 2019. Each company's highest share price, as"
            " bars.",
            "Each company's highest share price, as bars.",
        ),
        (
            "Plumbing since 1991. While the solder sets, the average petal length of each species.",
            "The average petal length of each species.",
        ),
        (
            "The U-bend was clogged with hair, so I skipped dinner. Meanwhile: the total bill by sex, as a"
            " pie.",
            "The total bill by sex, as a pie.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "A boiler from Japan, on the tools since 1985. Japan's population since 1972, as a line.",
            "Japan's population since 1972, as a line.",
        ),
        (
            "Two elbows on the hot tap, done by Friday. Count the tables of 2 people on Friday at dinner.",
            "Count the tables of 2 people on Friday at dinner.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "The boiler's sorted. Chart the radiators I bled on each day this month.",
        "Two elbows and a tee. The average or the median tip by day - whichever the apprentice prefers.",
        "A stopcock from Germany, the best you can buy. Germany's gold medals.",
        "On the tools since 1985. The population of each continent in 2015.",
        "The hot tap's fixed now. Two charts: the votes by candidate, and separately the tip by day.",
        "The stopcock won't budge. Which company is the best to work for as a plumber? Just the top one.",
        "Burst pipe at number 12. The average bill between 6 and 8 in the evening on each day.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip on each day, lunch only",
        "Ford's weekly share price, one line",
        "The oil price of each company in 2019",
        "A pipe-delimited list of the tips by day",
        "Cut the population by continent and colour it by year",
        "The engine of growth: GDP per capita by continent",
        "The lights of Tokyo: Japan's population since 1952",
        "The pressure on Coderre: his votes in each district, as a bar chart",
        "Sink or swim: the lowest share price each company touched",
        "A leak in the numbers? The total tips by sex",
        "Tips by day on tap, with a bar for each meal",
    ],
)
def test_text_without_the_plumber_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unplumb(text, semantic_model) == text
