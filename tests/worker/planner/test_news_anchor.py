"""A TV news anchor (worker.planner.news_anchor): a story's numbers, a survey's per cent, the years on air,
tonight and the hour of the news, a dateline, the presenter handed to, the guests in the studio, the weather
and shares that slide set nothing; the bulletin's turn to the request and a hand-over are its start; what the
request asks that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.news_anchor import unanchor
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Breaking news: a party of 8 in Chicago left a 50-dollar tip on Saturday. The average tip on each"
            " day.",
            "The average tip on each day.",
        ),
        (
            "Good evening and welcome to the ten o'clock news. The 5 most populous countries in 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "In Germany today, a study finds people live to 80. Life expectancy by continent in 2007.",
            "Life expectancy by continent in 2007.",
        ),
        (
            "Markets now: Netflix shares tumble 9 per cent. The lowest share price each company reached in"
            " 2018.",
            "The lowest share price each company reached in 2018.",
        ),
        (
            "Over to Tom at the weather desk: a gale from the north-east tonight. The wind frequency of each"
            " direction in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "Joly is live in the studio tonight. Coderre's votes in each district.",
            "Coderre's votes in each district.",
        ),
        (
            "After 40 years on air, tonight is my last bulletin. The average petal length of each species.",
            "The average petal length of each species.",
        ),
        (
            "Sport now, and Korea took gold in the relay. South Korea's medals by type.",
            "South Korea's medals by type.",
        ),
        (
            "Coming up after the break: sport. But first: the bill per person for each party size at lunch.",
            "The bill per person for each party size at lunch.",
        ),
        (
            "Good evening from the newsroom. Tonight, the average tip at dinner by day.",
            "The average tip at dinner by day.",
        ),
        (
            "This just in from our business desk: Amazon's weekly share price in 2019, as a line.",
            "Amazon's weekly share price in 2019, as a line.",
        ),
        (
            "Our Paris correspondent has the story. GDP per capita by continent in 1992, as bars.",
            "GDP per capita by continent in 1992, as bars.",
        ),
        (
            "The weather after the break. Anyway - the tip by day, as a pie.",
            "The tip by day, as a pie.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unanchor(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Breaking news: a table of 5 in Boston left a 20-dollar tip. The story: the smallest tip any"
            " table left, for each day.",
            "The smallest tip any table left, for each day.",
        ),
        (
            "In Kenya today, a poll says 7 in 10 people own a phone. How many tables left more than 15 per"
            " cent of their bill, by party size?",
            "How many tables left more than 15 per cent of their bill, by party size?",
        ),
        (
            "Tonight's top story comes from Peru. The 4 richest countries of the Americas in 1977, richest"
            " first.",
            "The 4 richest countries of the Americas in 1977, richest first.",
        ),
        (
            "A storm is heading in from the south tonight. The 3 directions the wind blows from most often.",
            "The 3 directions the wind blows from most often.",
        ),
        (
            "Over to Priya with the sport in a moment. The average bill for smokers, day by day.",
            "The average bill for smokers, day by day.",
        ),
        (
            "Good evening. Tonight's top story: the average tip on each day, at dinner only.",
            "The average tip on each day, at dinner only.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A request that names the dateline's place again still gets it.
        (
            "In Mexico today, the statistics office turned 75. Mexico's life expectancy from 1957 to 2002, as"
            " a line.",
            "Mexico's life expectancy from 1957 to 2002, as a line.",
        ),
        # "That year" is the year the news told.
        (
            "Breaking news from the markets in 1987: the crash. The total GDP of each continent that year.",
            "The total GDP of each continent in 1987.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Good evening from the studio. The viewers of each programme, as bars.",
        "Breaking news: Netflix's share price through 2021, month by month.",
        "Here are tonight's headlines: the 2009 mayoral race, votes for each candidate.",
        "Over to Tom with the weather: the rainfall in millimetres for each wind direction.",
        "In Britain today: the average bill for each day, in pounds.",
        "More on that after the break. Which continent had the most exciting news? Just the top one.",
        "Two stories tonight: the average tip by day as bars, and also a separate pie of the bill by meal.",
        "Good evening. The average or the median tip per day - the editor will decide after the break.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The top 5 countries by GDP in 2007",
        "Break down the tips by day and meal",
        "The story of each continent's life expectancy over time",
        "Microsoft's share price in the first quarter of 2018",
        "The weather data: wind frequency by direction",
        "Life expectancy over 50 years in Europe",
        "Canada's population today, by year",
        "Which company's shares fell the most in 2019?",
        "Show the news: votes by candidate",
        "Over to you: the average tip by day",
        "Good evening, show me the average tip by day",
        "In Canada, today's numbers: life expectancy since 1980",
        "Station by station: votes in each district",
        "The first fork of the log: median bill per person by party size",
        "The average tip of smokers in suits, by day",
        "Pipe-delimited: the sport medals of each nation",
        "As a reporter, I want the votes for each candidate in every district",
    ],
)
def test_text_without_the_anchor_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unanchor(text, semantic_model) == text
