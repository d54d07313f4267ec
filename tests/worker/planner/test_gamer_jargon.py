"""A gamer's words (worker.planner.gamer_jargon): rankings, the MVP, a nerf or buff, loot and rarity,
spawning winds and game framings are charted as the plain request they stand for; the one value a claim
names is what the request's "its" charts; what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.gamer_jargon import ungamer
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def _range(question: str, planner: RulePlanner) -> tuple[str | None, str | None] | None:
    plan = planner.plan(question)
    return None if plan.time_range is None else (plan.time_range.start, plan.time_range.end)


@pytest.mark.parametrize(
    ("question", "ticker", "period"),
    [
        (
            "Did Facebook get nerfed in the second half of 2018? "
            "Just show me its weekly price line for H2 2018.",
            "FB",
            ("2018-07-01", "2018-12-31"),
        ),
        (
            "Apple got buffed patch after patch in 2019. Show Apple's weekly share price across 2019.",
            "AAPL",
            None,
        ),
        ("Amazon got nerfed hard in Q4 2018. Show me its weekly stock price for Q4 2018.", "AMZN", None),
        ("Microsoft got buffed in 2019, right? Chart their weekly price in 2019.", "MSFT", None),
    ],
)
def test_a_nerf_or_buff_is_a_claim_and_its_line_is_the_company_it_names(
    planner: RulePlanner, question: str, ticker: str, period: tuple[str, str] | None
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.use_time, plan.series) == ("line", True, None)
    assert filters_of(plan) == [("ticker", "eq", ticker)]
    if period is not None:
        assert _range(question, planner) == period


def test_patch_notes_for_a_period_keep_the_period(planner: RulePlanner) -> None:
    question = "Patch notes for Q1 2018: Amazon vs Google weekly prices, one line each."
    plan = planner.plan(question)
    assert _range(question, planner) == ("2018-01-01", "2018-03-31")
    assert (plan.series, filters_of(plan)) == ("ticker", [("ticker", "in", ["AMZN", "GOOG"])])


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Who's the MVP day for tips? Rank the days by average tip and give me just the MVP.",
            ("tip", "avg"),
            "day",
        ),
        (
            "Which iris species is OP on average petal length? Just the one that's most OP.",
            ("petal_length", "avg"),
            "species",
        ),
        ("Which species is the MVP on sepal width? Just the MVP.", ("sepal_width", "avg"), "species"),
        ("Which candidate is most OP on votes? Only the most OP.", ("votes", "sum"), "candidate"),
    ],
)
def test_the_mvp_of_a_named_measure_is_the_single_top_value(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == [measure]
    assert plan.dimension == dimension
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == (measure[0], "desc")
    assert plan.limit == 1


@pytest.mark.parametrize(
    ("question", "direction", "limit"),
    [
        ("Ranked ladder of the continents by total population in 1987 — top 3 only.", "desc", 3),
        (
            "High-score table for the six tech stocks: "
            "the peak price each one hit over both years, highest first.",
            "desc",
            None,
        ),
        ("Bottom-tier economies: the 5 poorest countries in Asia in 1982, poorest first.", "asc", 5),
        ("Leaderboard: life expectancy by country in 2007, top 10.", "desc", 10),
        ("The top-tier 5 countries by population in 2007.", "desc", 5),
        ("Which directions does the 6+ wind spawn from most often? Top 3, ranked.", "desc", 3),
        ("Bergeron's top 5 districts by votes — his best maps, basically.", "desc", 5),
        ("Coderre's top 3 districts by votes - his favourite maps.", "desc", 3),
    ],
)
def test_ladders_tables_and_tiers_are_rankings(
    planner: RulePlanner, question: str, direction: str, limit: int | None
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == direction
    assert plan.limit == limit


@pytest.mark.parametrize(
    ("question", "nation"),
    [
        (
            "South Korea's medal loot by rarity — gold, silver, bronze, in that order. Bars pls.",
            "South Korea",
        ),
        ("Canada's loot by rarity, gold, silver and bronze in that order.", "Canada"),
        ("China's medal haul by rarity.", "China"),
    ],
)
def test_a_nations_loot_by_rarity_is_its_medals_by_type(
    planner: RulePlanner, question: str, nation: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == ([("medals", "sum")], "medal")
    assert filters_of(plan) == [("nation", "eq", nation)]


@pytest.mark.parametrize(
    ("question", "measure", "dimension", "filters"),
    [
        (
            "Loot table for dinner: total tips per day at dinner, all summed up.",
            ("tip", "sum"),
            "day",
            [("meal", "eq", "Dinner")],
        ),
        (
            "Party-size meta: how many tables of each party size showed up? Keep the sizes in order.",
            ("tip", "count"),
            "party_size",
            [],
        ),
    ],
)
def test_a_game_framing_adds_nothing_to_the_request(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str, filters: list[object]
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([measure], dimension, filters)


def test_character_select_frames_a_scatter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Character select: the three iris species. "
        "Scatter petal width against sepal width, one colour per species."
    )
    assert (plan.chart_type, plan.series, filters_of(plan)) == ("scatter", "species", [])


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Who is OP in the gapminder data? Just show me the OP countries.", "OP"),
        ("Show me the MVP player of the tips data — the waiter who pulled in the biggest tips.", "player"),
        (
            "Make a tier list of the countries in 2007 — S, A, B and C tiers — "
            "and chart how many countries land in each tier.",
            "gapminder",
        ),
        (
            "How hard did Apple get nerfed in Q4 2018? "
            "Give me the percentage drop from the start to the end of the quarter.",
            "percentage",
        ),
        ("What's the respawn timer on the 6+ wind — how many hours between gusts from the north?", "hours"),
        ("Loot-box odds: within each nation's haul, what percent of the drops were gold?", "percent"),
        ("What will the meta look like next patch? Forecast Netflix's price for 2020.", "2020"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Did Facebook fall in the second half of 2018? Just show me its weekly price line for H2 2018.",
        "Show me Meta's weekly price in 2019.",
        "Meta: Facebook's weekly price in 2019.",
        "Top 5 districts by votes for Bergeron",
        "Average tip by day",
    ],
)
def test_text_with_no_gamer_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert ungamer(text, semantic_model) == text
