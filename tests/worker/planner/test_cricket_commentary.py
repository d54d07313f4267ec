"""A cricket commentator (worker.planner.cricket_commentary): the score, overs, wickets, a bowler's pace, the
intervals, the ground's ends, the fielders, a bowler's years and medals and the players' names set nothing; a
lead-in and a hand-over are the request's start; what the request asks of the match stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.cricket_commentary import uncricket
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Sri Lanka are 4 for 61 after 15 overs, and the seamers are bowling from the Nursery End. The"
            " median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "The bowler comes in to bowl at 138 kilometres an hour, 5 wickets in hand for the visitors. The 5"
            " most populous countries in 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "Drinks will be taken at 3, with the side 301 all out. The lowest share price each company"
            " reached in 2018.",
            "The lowest share price each company reached in 2018.",
        ),
        (
            "Joly is bowling from the Pavilion End, and the crowd is on its feet. Coderre's votes in each"
            " district.",
            "Coderre's votes in each district.",
        ),
        (
            "He won a gold in the 1996 relay before cricket took over. Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "The breeze is from the south-west over the sightscreen, and rain has stopped play. The wind"
            " frequency of each direction in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "Caught behind for 12, his lowest since 1998! GDP per capita by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "Spinners from the Nursery End, 3 slips and a short leg. The average petal length of each"
            " species.",
            "The average petal length of each species.",
        ),
        (
            "Between overs: the average bill for each party size.",
            "The average bill for each party size.",
        ),
        (
            "Lunch is taken with Australia 3 for 140. Back to the studio: the total tip by sex on Saturdays.",
            "The total tip by sex on Saturdays.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A request that names the patter's value again still gets it.
        (
            "Kohli is bowling to a packed slip cordon, 3 wickets down since 1977. India's population since"
            " 1977, as a line.",
            "India's population since 1977, as a line.",
        ),
        (
            "Bergeron comes in to bowl from the Nursery End. Bergeron's votes in each district.",
            "Bergeron's votes in each district.",
        ),
        # "That year" points back to the year the patter told.
        (
            "Their lowest total since 1982, 98 all out. Life expectancy by continent that year.",
            "Life expectancy by continent in 1982.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Stumps at 6, with the score on 320 for 4. Chart the wickets each bowler took this season.",
        "Rain has stopped play at 3 o'clock. The median or the average tip on each day, whichever the scorer"
        " likes.",
        "Declared at 400 for 6 after 120 overs. The population of each continent in 2017.",
        "Caught at deep cover, one-handed! Which country is the best at cricket? Just the top one.",
        "The bowler is clocking 145 kilometres an hour from the Pavilion End. The wind speed in km/h for each"
        " direction.",
        "Tea will be taken at 4. The average bill between 3 and 5 in the afternoon.",
        "Lunch is taken at 1. Two charts: the tips by day, and separately the votes by candidate.",
        "A six into the stand from the Nursery End! England's gold medals.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Split the pipe-delimited tips by day: the average tip per day.",
        "Cut the population of each continent in 2007 by half, as a bar.",
        "Colour the life expectancy lines by continent, since 1952.",
        "Which company had the oil price of the tech sector, Ford included?",
        "The engine of growth: GDP per capita by continent in 2002.",
        "The average tip on each day, lunch only.",
        "Tips by day at dinner for parties of six.",
        "The light at dinner: the average bill by party size.",
        "The covers of each party size at lunch, as a pie.",
        "The runs of the share price: Apple's weekly close in 2019.",
        "Six companies' average price in 2018, from top to bottom.",
        "The stand-out nations in the medals table, gold only.",
        "Wind frequency from each end of the compass, 0-1 band.",
        "Leftovers and make-overs: count the tables by day.",
        "Votes for each candidate, bowled over by Coderre's lead.",
    ],
)
def test_text_without_the_commentator_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert uncricket(text, semantic_model) == text
