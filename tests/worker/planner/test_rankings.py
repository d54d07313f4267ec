"""Rankings (worker.planner.rankings): "rank them" shows every bar in order, and the biggest economies of
each group are each group's economy."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "direction"),
    [
        ("Which days bring in the most revenue? Rank them.", "desc"),
        ("Which species has the widest petals? Rank all three.", "desc"),
        ("Which continents have the lowest life expectancy? Rank them all.", "asc"),
    ],
)
def test_rank_them_shows_every_one_in_order(planner: RulePlanner, question: str, direction: str) -> None:
    plan = planner.plan(question)
    assert plan.limit is None
    assert plan.sort is not None and plan.sort.direction == direction


def test_rank_them_keeps_a_count_said(planner: RulePlanner) -> None:
    assert planner.plan("which 3 countries are richest? rank them").limit == 3
    assert planner.plan("top 5 countries by population, rank them").limit == 5


@pytest.mark.parametrize(
    ("question", "direction"),
    [
        ("Biggest economies by continent, 2007, as a pie.", "desc"),
        ("the largest economies per continent in 1982", "desc"),
        ("smallest economies by continent", "asc"),
    ],
)
def test_the_biggest_economies_of_each_group_add_up(
    planner: RulePlanner, question: str, direction: str
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == [("gdp", "sum")] and plan.limit is None
    assert plan.sort is not None and plan.sort.direction == direction


def test_the_biggest_of_a_measure_per_group_is_still_its_maximum(planner: RulePlanner) -> None:
    assert measures_of(planner.plan("biggest bills per day")) == [("total_bill", "max")]
    assert measures_of(planner.plan("the highest votes per district")) == [("votes", "max")]


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("Which nation won the most gold?", 1),
        ("which nation won the most golds?", 1),
        ("the 2 nations with the most bronze", 2),
    ],
)
def test_a_value_ranks_by_the_only_measure(planner: RulePlanner, question: str, limit: int) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == [("medals", "sum")] and plan.limit == limit


@pytest.mark.parametrize(
    ("question", "limit", "direction"),
    [
        ("um which three directions have the most wind", 3, "desc"),
        ("the five directions with the least wind", 5, "asc"),
        ("which two strengths have the most wind", 2, "desc"),
    ],
)
def test_the_name_of_data_with_one_measure_ranks_by_it(
    planner: RulePlanner, question: str, limit: int, direction: str
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == [("frequency", "sum")]
    assert (plan.limit, plan.sort.direction if plan.sort else None) == (limit, direction)


def test_sorting_by_a_measure_the_chart_does_not_lead_with_is_refused(planner: RulePlanner) -> None:
    """It charted the sepal length beside the petal width and sorted by the petal width."""
    with pytest.raises(UnchartableQuestion, match="sorted by sepal length"):
        planner.plan("Average petal width by species, sorted by sepal length")
    plan = planner.plan("the six tech stocks ranked by their average price in 2019")
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == ("price", "desc")


@pytest.mark.parametrize(
    ("question", "direction"),
    [
        ("Average bill by sex at dinner, sorted from the highest", "desc"),
        ("median price per company in 2019, ordered from the lowest", "asc"),
        ("number of tables per party size, most tables first", "desc"),
        ("average tip by day, lowest tip first", "asc"),
    ],
)
def test_an_order_said_from_its_first_bar_sorts_by_the_measure(
    planner: RulePlanner, question: str, direction: str
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == direction, plan


@pytest.mark.parametrize(
    ("question", "ranked", "coloured", "limit"),
    [
        ("the 6 most populous countries in 1992, shaded by continent", "country", "continent", 6),
        ("top 4 days by average bill, split by smoker", "day", "smoker", 4),
        ("5 highest-voted districts, coloured by winner", "district", "winner", 5),
    ],
)
def test_what_is_ranked_is_on_x_and_what_colours_it_is_the_series(
    planner: RulePlanner, question: str, ranked: str, coloured: str, limit: int
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.series, plan.limit) == (ranked, coloured, limit)


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        # "who" asks for the leader without a count: every one ranked, the answer the first bar.
        ("Who won the most silver medals?", None),
        ("Where do winds come from most often?", None),
        # "which" with the dimension in the singular is the one; in the plural, the usual ten, which
        # over a dimension of fewer values (six strength bands) is every one of them.
        ("Which direction do winds of strength 6+ come from most often?", 1),
        ("Which countries in Europe had the highest life expectancy in 1982?", 10),
        ("Which strength bands are the most frequent for winds from the north?", None),
        # "what" with a verb in the singular asks for the one, as "which" does.
        ("What day has the highest total bill on average?", 1),
        ("What nation won the most gold medals?", 1),
    ],
)
def test_who_and_which_rank_as_many_as_they_ask(
    planner: RulePlanner, question: str, limit: int | None
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == "desc"
    assert plan.limit == limit


@pytest.mark.parametrize(
    "question",
    [
        "the best gapminder countries",
        "top 10 countries in gapminder in 2007",
        "the worst days in the tips data",
    ],
)
def test_a_ranking_with_nothing_to_rank_by_is_refused_on_data_with_several_measures(
    planner: RulePlanner, question: str
) -> None:
    with pytest.raises(UnchartableQuestion, match="names nothing to rank by"):
        planner.plan(question)


@pytest.mark.parametrize(
    ("question", "measure"),
    [("top 5 districts for Joly", "votes"), ("the 3 directions the wind blows from most often", "frequency")],
)
def test_data_with_one_measure_ranks_by_it(planner: RulePlanner, question: str, measure: str) -> None:
    plan = planner.plan(question)
    assert [m.name for m in plan.measures] == [measure] and plan.sort is not None


@pytest.mark.parametrize(
    "question",
    [
        "Which nation has the most medals? Show all three nations' medals, biggest first.",
        "nations ranked by medals",
        "the nations by medal count, highest first",
    ],
)
def test_every_nation_is_ranked_by_its_medals(planner: RulePlanner, question: str) -> None:
    """ "all three" of three nations is every one; "by medals" and "by medal count" name the measure, not
    a grouping by medal type."""
    plan = planner.plan(question)
    assert (plan.dimension, plan.limit, measures_of(plan)) == ("nation", None, [("medals", "sum")])


def test_a_count_said_again_adds_nothing(planner: RulePlanner) -> None:
    plan = planner.plan("The 3 most populous countries in 2007. Just those three.")
    assert (plan.dimension, plan.limit) == ("country", 3)
    with pytest.raises(UnchartableQuestion, match="two"):
        planner.plan("The 3 most populous countries in 2007. Just those two.")


@pytest.mark.parametrize(
    "question",
    [
        "All six companies' average share price in the first quarter of 2019, highest first.",
        "the average share price of all the companies in 2018, lowest first",
        "the companies' share price in 2019, as bars, highest first",
    ],
)
def test_an_order_by_the_measure_of_named_groups_is_bars_not_lines(
    planner: RulePlanner, question: str
) -> None:
    """Drawn as one line per company over time, the order asked for was dropped without a word."""
    plan = planner.plan(question)
    assert (plan.dimension, plan.series, plan.use_time, plan.chart_type) == ("ticker", None, False, "bar")
    assert plan.sort is not None and plan.sort.by == "price"


@pytest.mark.parametrize(
    ("question", "dimension", "agg"),
    [
        ("The companies: the highest price each one reached in 2019.", "ticker", "max"),
        ("The continents in 2007: the lowest life expectancy each of them had.", "continent", "min"),
    ],
)
def test_each_one_pointing_back_to_groups_is_each_groups_extreme(
    planner: RulePlanner, question: str, dimension: str, agg: str
) -> None:
    """Read as a ranking of the average, "the highest price each one reached" charted something else."""
    plan = planner.plan(question)
    assert (plan.dimension, plan.limit, plan.use_time, plan.measures[0].agg) == (dimension, None, False, agg)


def test_the_most_with_nothing_after_it_ranks_by_the_only_measure(planner: RulePlanner) -> None:
    plan = planner.plan("Coderre's votes in the 5 districts where he got the most.")
    assert (plan.dimension, plan.limit, measures_of(plan)) == ("district", 5, [("votes", "sum")])
    assert plan.sort is not None and plan.sort.direction == "desc"
    with pytest.raises(UnchartableQuestion):  # several measures: the most of what is not said
        planner.plan("Which country had the most in 2007?")


@pytest.mark.parametrize(
    ("question", "candidate", "limit"),
    [
        ("Bergeron's votes in his 5 strongest districts, most first.", "Bergeron", 5),
        ("Joly's votes in her 3 best districts", "Joly", 3),
    ],
)
def test_his_or_her_before_a_ranking_is_no_name(
    planner: RulePlanner, question: str, candidate: str, limit: int
) -> None:
    """ "his" was refused as a candidate the data does not have ("His isn't among them")."""
    plan = planner.plan(question)
    assert (plan.dimension, plan.limit) == ("district", limit)
    assert plan.filters[0].value == candidate


@pytest.mark.parametrize(
    ("question", "measure", "direction"),
    [
        ("every African country in 2002, poorest first", "gdp_per_capita", "asc"),
        ("The countries of Europe in 1992, richest first.", "gdp_per_capita", "desc"),
        ("Countries of the Americas in 2007, most populous first", "pop", "desc"),
    ],
)
def test_an_order_by_a_rank_word_names_its_measure(
    planner: RulePlanner, question: str, measure: str, direction: str
) -> None:
    """ "poorest first" with no measure named was life expectancy, lowest first: a chart that looked right."""
    plan = planner.plan(question)
    assert measures_of(plan)[0][0] == measure
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == (measure, direction)
    assert plan.limit is None


def test_an_order_by_another_measure_than_the_one_asked_for_is_refused(planner: RulePlanner) -> None:
    """ "life expectancy ..., richest first" was sorted by life expectancy: the order asked for was lost."""
    with pytest.raises(UnchartableQuestion, match="GDP per capita") as refusal:
        planner.plan("life expectancy of Asian countries in 2007, richest first")
    assert "life expectancy" in str(refusal.value)
    plan = planner.plan("GDP per capita of Asian countries in 2007, richest first")
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == ("gdp_per_capita", "desc")


@pytest.mark.parametrize(
    ("question", "direction", "limit"),
    [
        ("Which 2 directions does the wind come from most?", "desc", 2),
        ("Which two directions does the wind come from most, summed over every band?", "desc", 2),
        ("Which direction does the wind blow from most in the 0-1 band?", "desc", 1),
        ("Which direction does the wind blow least in the 0-1 band?", "asc", 1),
    ],
)
def test_a_bare_most_after_the_winds_verb_ranks(
    planner: RulePlanner, question: str, direction: str, limit: int
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.sort and plan.sort.direction, plan.limit) == ("direction", direction, limit)


def test_from_most_to_fewest_is_an_order_not_a_ranking(planner: RulePlanner) -> None:
    plan = planner.plan("Plot the number of gold medals won by each nation, ordered from most to fewest.")
    assert (measures_of(plan), plan.limit) == ([("medals", "sum")], None)


@pytest.mark.parametrize(
    "question",
    [
        "Which continent is richest on average in 1987?",
        "Which continent's countries are richest on average?",
        "Which continent has the richest countries?",
    ],
)
def test_which_one_asked_with_a_rank_word_is_one(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.series, plan.limit) == ("continent", None, 1)


def test_every_value_of_a_dimension_named_is_what_is_ranked(planner: RulePlanner) -> None:
    for question in (
        "whose tips are the biggest on average, men or women?",
        "which has the highest average tip, men or women?",
    ):
        plan = planner.plan(question)
        assert (plan.dimension, plan.series) == ("sex", None)


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("the richest country in Asia", 1),
        ("Which is the most populous country in the Americas?", 1),
        ("what was the poorest country in Africa in 1952", 1),
        ("the richest countries in Asia", 10),
    ],
)
def test_a_superlative_before_one_thing_is_that_one(planner: RulePlanner, question: str, limit: int) -> None:
    """ "the richest country in Asia" drew the ten richest."""
    plan = planner.plan(question)
    assert plan.limit == limit and plan.sort is not None and plan.sort.direction in ("asc", "desc")
