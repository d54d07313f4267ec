"""Phrasings the blind holdouts found unread or misread, asked here in other words. The sixth: more ways to
leave values out, open-ended periods ("1990 onwards"), counts in words ("a dozen"), bars "side by side",
a grouping that splits ("split by"), rankings with a value before the measure or "most often", one thing
named in the singular ("which country"), and groupings the data has no names for ("by waiter"). The
eighth: a ranking's count written after it ("…, top 8"), "least often", values left out of a named
group, a grouping named by its values ("split by lunch and dinner"), "as a single line", and a year that
chooses the data with dates. The ninth: "everything but", "broken down by" and "stacked by" as splits,
"colour the dots by", the extreme "every" group hit, everyday words ("all told", "tally", "pull up",
"the worlds"), numbers in words in conditions, and "over the decades"."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner, UnchartableQuestion


@pytest.mark.parametrize(
    "question",
    [
        "average tip per day, leaving out sunday",
        "average tip per day, leave out sunday",
        "average tip per day not counting sunday",
        "average tip per day w/o sunday",
        "average tip per day minus sunday",
        "average tip per day less sunday",
    ],
)
def test_more_ways_of_leaving_a_value_out(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.dimension == "day"
    assert filters_of(plan) == [("day", "ne", "Sun")]


@pytest.mark.parametrize(
    "question", ["population of Brazil from 1970 onwards", "population of Brazil 1970 onward"]
)
def test_a_period_open_at_its_end(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("1970", None)


def test_a_dozen_is_twelve(planner: RulePlanner) -> None:
    plan = planner.plan("a dozen most populous countries in 1997")
    assert plan.limit == 12 and plan.sort is not None and plan.sort.direction == "desc"


def test_side_by_side_draws_bars_summarising_the_period(planner: RulePlanner) -> None:
    plan = planner.plan("apple and microsoft average price in 2019 side by side")
    assert plan.chart_type == "bar" and not plan.use_time
    assert plan.dimension == "ticker"
    assert filters_of(plan) == [("ticker", "in", ["AAPL", "MSFT"])]


@pytest.mark.parametrize(
    "question",
    [
        "The share prices of all the companies, averaged over 2019, one bar each",
        "price of all companies averaged over 2019",
    ],
)
def test_averaged_over_a_period_summarises_it(planner: RulePlanner, question: str) -> None:
    """The period is what the average is taken over: one bar per company, not a line over 2019's weeks."""
    plan = planner.plan(question)
    assert (plan.chart_type, plan.dimension, plan.series, plan.use_time) == ("bar", "ticker", None, False)


def test_two_measures_side_by_side_are_bars_not_a_scatter(planner: RulePlanner) -> None:
    plan = planner.plan("average sepal width and petal width per species side by side")
    assert plan.chart_type == "bar" and plan.dimension == "species"
    assert [(m.name, m.agg) for m in plan.measures] == [("sepal_width", "avg"), ("petal_width", "avg")]


def test_split_by_colours_the_chart_while_the_named_values_stay_on_x(planner: RulePlanner) -> None:
    plan = planner.plan("total bill on saturday vs sunday, split by smoker")
    assert plan.dimension == "day" and plan.series == "smoker"


def test_broken_down_by_alone_is_the_x_axis(planner: RulePlanner) -> None:
    plan = planner.plan("tips at lunch, broken down by day")
    assert plan.dimension == "day" and plan.series is None


def test_a_value_between_the_ranking_and_its_measure(planner: RulePlanner) -> None:
    plan = planner.plan("the 3 nations with the most silver medals")
    assert plan.limit == 3 and plan.sort is not None and plan.sort.direction == "desc"
    assert filters_of(plan) == [("medal", "eq", "Silver")]


def test_most_often_ranks_by_the_measure_that_counts_it(planner: RulePlanner) -> None:
    plan = planner.plan("the 5 directions the wind blows from most often")
    assert plan.dimension == "direction" and plan.limit == 5
    assert plan.sort is not None and plan.sort.direction == "desc"


def test_which_one_in_the_singular_ranks_one(planner: RulePlanner) -> None:
    assert planner.plan("which continent had the lowest life expectancy in 1962").limit == 1
    # In the plural, the usual ten; over five continents that is every one of them.
    assert planner.plan("which continents had the lowest life expectancy in 1962").limit is None
    assert planner.plan("which countries had the lowest life expectancy in 1962").limit == 10


def test_the_highest_of_each_group_over_a_span_of_a_snapshot(planner: RulePlanner) -> None:
    plan = planner.plan("the lowest life expectancy each continent had from 1962 to 1987")
    assert [(m.name, m.agg) for m in plan.measures] == [("life_exp", "min")]
    assert plan.dimension == "continent" and not plan.use_time
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1962", "1987")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("average tip by waiter", "waiter"),  # a word naming the dataset, not one of its dimensions
        ("which table tipped the most", "table"),  # the rows have no names
        ("which tables left the biggest tips", "tables"),
    ],
)
def test_a_grouping_the_data_has_no_names_for_is_refused(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


def test_single_in_a_question_it_cannot_read_is_reported_not_dropped(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="single"):
        planner.plan("the most votes any candidate got in a single district")


def test_a_day_name_is_never_corrected_into_another_day(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="Mondays"):
        planner.plan("total bill on Mondays")


def test_leaving_out_the_weekend(planner: RulePlanner) -> None:
    plan = planner.plan("total bill by sex without the weekend")
    assert filters_of(plan) == [("day", "not_in", ["Sat", "Sun"])]


def test_leaving_out_ordered_values_written_with_symbols(planner: RulePlanner) -> None:
    plan = planner.plan("frequency per direction except the 0-1 and 1-2 strength bands")
    assert plan.dimension == "direction"
    assert filters_of(plan) == [("strength", "not_in", ["0-1", "1-2"])]


def test_a_distribution_across_a_dimension_is_not_split_by_it(planner: RulePlanner) -> None:
    plan = planner.plan("histogram of Joly's votes across all districts")
    assert plan.chart_type == "histogram" and plan.series is None and plan.dimension is None


def test_averages_of_two_measures_per_group_are_bars(planner: RulePlanner) -> None:
    plan = planner.plan("mean petal length and petal width for each species")
    assert plan.chart_type == "bar" and plan.dimension == "species"


def test_the_average_of_named_values_over_a_year_of_daily_data_is_one_bar_each(planner: RulePlanner) -> None:
    plan = planner.plan("average price of netflix and amazon in 2019")
    assert plan.chart_type == "bar" and not plan.use_time and plan.dimension == "ticker"


def test_per_a_key_dimension_then_split_by_another(planner: RulePlanner) -> None:
    plan = planner.plan("wind frequency per direction, coloured by strength band")
    assert plan.dimension == "direction" and plan.series == "strength"


def test_a_time_unit_between_a_ranking_and_its_measure(planner: RulePlanner) -> None:
    plan = planner.plan("highest weekly price of each company in 2018")
    assert measures_of(plan) == [("price", "max")] and plan.dimension == "ticker" and plan.limit is None


def test_top_before_a_counted_rank_word(planner: RulePlanner) -> None:
    plan = planner.plan("top 3 most populous countries in europe in 1967")
    assert plan.limit == 3 and plan.dimension == "country"


def test_how_many_of_values_of_a_dataset_that_counts_adds_the_count_up(planner: RulePlanner) -> None:
    plan = planner.plan("how many silvers and bronzes did china get")
    assert measures_of(plan) == [("medals", "sum")]
    assert ("nation", "eq", "China") in filters_of(plan)


def test_the_strongest_winds_are_the_top_band_not_a_ranking(planner: RulePlanner) -> None:
    plan = planner.plan("how often the strongest winds come from each direction")
    assert plan.dimension == "direction" and plan.limit is None
    assert filters_of(plan) == [("strength", "eq", "6+")]
    assert filters_of(planner.plan("frequency of the calmest winds per direction")) == [
        ("strength", "eq", "0-1")
    ]


def test_across_all_of_them_is_one_line(planner: RulePlanner) -> None:
    plan = planner.plan("mean price across all the companies, week by week")
    assert plan.use_time and plan.series is None


def test_a_count_after_the_ranking_sets_its_limit(planner: RulePlanner) -> None:
    plan = planner.plan("the biggest economies in 1982, top 8")
    assert plan.limit == 8 and plan.dimension == "country"
    assert plan.sort is not None and plan.sort.direction == "desc"


def test_least_often_ranks_lowest_first(planner: RulePlanner) -> None:
    plan = planner.plan("which three directions does the wind blow from least often")
    assert plan.dimension == "direction" and plan.limit == 3
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == ("frequency", "asc")


def test_values_left_out_of_a_named_group_chart_the_rest_of_its_members(planner: RulePlanner) -> None:
    plan = planner.plan("life expectancy in the americas in 2002 except the united states and canada")
    assert plan.dimension == "country"
    assert ("country", "not_in", ["United States", "Canada"]) in filters_of(plan)


def test_a_band_left_out_may_be_described(planner: RulePlanner) -> None:
    plan = planner.plan("wind frequency by strength, leaving out the calm 0-1 band")
    assert filters_of(plan) == [("strength", "ne", "0-1")]


def test_split_by_named_values_splits_by_their_dimension(planner: RulePlanner) -> None:
    plan = planner.plan("average bill by day split by lunch and dinner")
    assert (plan.dimension, plan.series) == ("day", "meal") and filters_of(plan) == []
    some = planner.plan("average tip by meal split by sat and sun")
    assert (some.dimension, some.series) == ("meal", "day")
    assert filters_of(some) == [("day", "in", ["Sat", "Sun"])]


def test_as_a_single_line_combines_what_it_names(planner: RulePlanner) -> None:
    plan = planner.plan("the average of the six tech stocks together over 2019, as a single line")
    assert plan.use_time and plan.series is None and filters_of(plan) == []


def test_a_year_chooses_data_with_dates(planner: RulePlanner) -> None:
    """ "days" names the tips' day dimension, but the tips have no years: the stocks data answers (here by
    saying it has one row a week)."""
    with pytest.raises(UnchartableQuestion, match="stocks data, which has one row a week"):
        planner.plan("how many days did each company trade above 1.2 in 2019")


@pytest.mark.parametrize(
    "question",
    [
        "stock prices over time for everything but facebook and netflix",
        "stock prices over time for all but facebook and netflix",
    ],
)
def test_everything_but_leaves_values_out(planner: RulePlanner, question: str) -> None:
    assert filters_of(planner.plan(question)) == [("ticker", "not_in", ["FB", "NFLX"])]


@pytest.mark.parametrize(
    ("question", "dimension", "series"),
    [
        ("medals per nation broken down by colour", "nation", "medal"),
        ("wind frequency per direction stacked by strength band", "direction", "strength"),
    ],
)
def test_broken_down_or_stacked_by_splits_without_losing_the_grouping(
    planner: RulePlanner, question: str, dimension: str, series: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.series, plan.chart_type) == (dimension, series, "bar")


def test_colour_the_dots_by_a_dimension_colours_a_scatter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "scatter of gdp per capita against life expectancy for 1977, colour the dots by continent"
    )
    assert plan.chart_type == "scatter" and plan.series == "continent"


@pytest.mark.parametrize(
    ("question", "agg"),
    [("the lowest price every ticker hit", "min"), ("what was the peak price each stock hit in 2019", "max")],
)
def test_a_superlative_for_every_group_takes_each_groups_extreme(
    planner: RulePlanner, question: str, agg: str
) -> None:
    plan = planner.plan(question)
    assert plan.dimension == "ticker" and measures_of(plan) == [("price", agg)]


@pytest.mark.parametrize(
    ("question", "measures", "dimension"),
    [
        ("how many votes did each candidate get all told", [("votes", "sum")], "candidate"),
        ("medal tally by country", [("medals", "sum")], "nation"),
        (
            "pie chart showing how the worlds population was split across continents in 1982",
            [("pop", "sum")],
            "continent",
        ),
        ("can you pull up population by continent back in 2002", [("pop", "sum")], "continent"),
        ("the half dozen least populous countries in europe", [("pop", "sum")], "country"),
    ],
)
def test_everyday_words_around_a_question(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == (measures, dimension)


def test_numbers_in_words_and_still_in_a_condition(planner: RulePlanner) -> None:
    plan = planner.plan("number of countries with a life expectancy over seventy, over time")
    assert filters_of(plan) == [("life_exp", "gt", 70)] and plan.use_time
    still = planner.plan("asian countries where life expectancy was still below 60 in 2007")
    assert ("life_exp", "lt", 60) in filters_of(still)


def test_over_the_decades_is_over_time(planner: RulePlanner) -> None:
    plan = planner.plan("total gdp of every continent over the decades, one line each")
    assert plan.use_time and plan.series == "continent"


def test_an_arithmetic_mean_is_an_average(planner: RulePlanner) -> None:
    plan = planner.plan("arithmetic average of the sepal width per species")
    assert measures_of(plan) == [("sepal_width", "avg")]
    assert plan.dimension == "species"


def test_a_colour_for_each_value_of_a_dimension_is_the_series(planner: RulePlanner) -> None:
    plan = planner.plan("scatter of tip vs total bill with one colour per meal")
    assert plan.chart_type == "scatter"
    assert plan.series == "meal"


def test_each_survey_year_and_develop_put_time_on_the_x_axis(planner: RulePlanner) -> None:
    plan = planner.plan("how did the GDP per capita of Japan develop, for each survey year since 1970")
    assert plan.use_time and plan.chart_type == "line"
    assert filters_of(plan) == [("country", "eq", "Japan")]


def test_a_total_over_the_countries_of_a_value_is_one_line(planner: RulePlanner) -> None:
    plan = planner.plan("total population across all European countries by year")
    assert plan.use_time and plan.series is None
    assert filters_of(plan) == [("continent", "eq", "Europe")]


def test_everyday_words_for_measures(planner: RulePlanner) -> None:
    """A country's "headcount" is its population; the restaurant's "takings" are its bills, added up."""
    headcount = planner.plan("headcount of Brazil and Argentina over time")
    assert measures_of(headcount) == [("pop", "sum")] and headcount.series == "country"
    takings = planner.plan("takings per meal")
    assert measures_of(takings) == [("total_bill", "sum")]
    assert measures_of(planner.plan("average takings per meal")) == [("total_bill", "avg")]
    with pytest.raises(UnchartableQuestion, match="sales"):
        planner.plan("sales revenue per meal")


@pytest.mark.parametrize(
    "question",
    [
        "average tip per day, days in their natural order",
        "average tip by party size, kept in numerical order",
    ],
)
def test_keeping_the_dimensions_own_order(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.sort is None and plan.chart_type == "bar"


def test_by_a_dimension_in_order_keeps_the_grouping(planner: RulePlanner) -> None:
    plan = planner.plan("gdp by continent in 2002, in the usual order")
    assert plan.dimension == "continent" and plan.sort is None


def test_a_split_by_values_set_against_each_other(planner: RulePlanner) -> None:
    plan = planner.plan("average bill per day, split by lunch versus dinner")
    assert plan.dimension == "day" and plan.series == "meal"


def test_all_of_the_rows_counted(planner: RulePlanner) -> None:
    plan = planner.plan("histogram of sepal width over all 150 irises")
    assert plan.chart_type == "histogram" and plan.filters == []


def test_the_districts_a_candidate_won_named_by_a_pronoun(planner: RulePlanner) -> None:
    plan = planner.plan("Coderre's votes in the districts he won")
    assert plan.dimension == "district"
    assert sorted(filters_of(plan)) == [("candidate", "eq", "Coderre"), ("winner", "eq", "Coderre")]
    with pytest.raises(UnchartableQuestion):
        planner.plan("votes in the districts she won")
    # "where she was the winner" says the same, and so does "where Joly was the winner" of another's votes.
    winner = planner.plan("Joly's vote total in every district where she was the winner")
    assert sorted(filters_of(winner)) == [("candidate", "eq", "Joly"), ("winner", "eq", "Joly")]
    other = planner.plan("Coderre's votes in the districts where Joly was the winner")
    assert sorted(filters_of(other)) == [("candidate", "eq", "Coderre"), ("winner", "eq", "Joly")]


@pytest.mark.parametrize(
    ("question", "series"),
    [
        (
            "Draw a scatter plot of petal length against petal width for the setosa and versicolor species.",
            None,
        ),
        ("histogram of sepal width for the setosa and virginica species", None),
        ("scatter plot of petal width against sepal length for setosa and virginica", "species"),
        # every value named keeps nothing out, so they are compared
        ("scatter of tip vs bill for the lunch and dinner meals", "meal"),
    ],
)
def test_values_named_before_their_dimensions_noun_restrict(
    planner: RulePlanner, question: str, series: str | None
) -> None:
    """The thirteenth holdout: "for the setosa and versicolor species" restricts like "… flowers only"."""
    assert planner.plan(question).series == series


@pytest.mark.parametrize(
    ("question", "dimension", "chart"),
    [
        (
            "Draw a pie chart of how the population was divided among the continents in 2002",
            "continent",
            "pie",
        ),
        ("how were the medals divided among the nations", "nation", "pie"),
        ("how were votes split between candidates, as bars", "candidate", "bar"),
    ],
)
def test_how_a_whole_was_divided_among_a_dimension(
    planner: RulePlanner, question: str, dimension: str, chart: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.chart_type) == (dimension, chart)


def test_votes_split_between_candidates_without_was_still_colour(planner: RulePlanner) -> None:
    plan = planner.plan("the votes by district split between the candidates")
    assert (plan.dimension, plan.series) == ("district", "candidate")


def test_over_the_full_sample_is_every_row(planner: RulePlanner) -> None:
    plan = planner.plan("average price by ticker over the full sample")
    assert plan.time_range is None and plan.dimension == "ticker"


@pytest.mark.parametrize(
    "question",
    [
        "how many weeks every company was more big than 1.3, in all the two years",
        "average price by company in all the two years",
        "average price by company over the whole two years",
    ],
)
def test_all_the_two_years_is_all_of_the_data(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.dimension == "ticker" and plan.time_range is None


@pytest.mark.parametrize(
    "question",
    [
        "the sepal width against the sepal length, in points, only versicolor and virginica",
        "petal length vs petal width as a scatter, only the setosa and virginica",
    ],
)
def test_values_after_only_restrict_a_scatter(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.chart_type == "scatter" and plan.series is None
    assert [f.op for f in plan.filters] == ["in"]


@pytest.mark.parametrize(
    ("question", "days"),
    [
        ("show me a histogram of the tips on saturdays and sundays", ["Sat", "Sun"]),
        ("distribution of the total bill on fridays and saturdays", ["Fri", "Sat"]),
        ("tip vs total bill on thursdays and fridays", ["Thur", "Fri"]),
    ],
)
def test_days_said_as_habits_keep_rows_of_a_raw_chart(
    planner: RulePlanner, question: str, days: list[str]
) -> None:
    plan = planner.plan(question)
    assert (plan.series, filters_of(plan)) == (None, [("day", "in", days)])


def test_days_named_once_each_still_colour_a_histogram(planner: RulePlanner) -> None:
    assert planner.plan("histogram of the tips on sat and sun").series == "day"


def test_just_before_named_values_keeps_them_without_comparing_them(planner: RulePlanner) -> None:
    """ "just versicolor and virginica" is "only …": a restriction, not a series of the two."""
    plan = planner.plan("scatter of sepal length vs sepal width, just versicolor and virginica")
    assert (plan.series, filters_of(plan)) == (None, [("species", "in", ["versicolor", "virginica"])])


def test_from_the_weakest_band_to_the_strongest_is_the_bands_own_order(planner: RulePlanner) -> None:
    # "the weakest band" was read as the band 0-1: one bar, the rest silently gone.
    plan = planner.plan("wind frequency by strength, from the weakest band to the strongest")
    assert plan.dimension == "strength" and filters_of(plan) == [] and plan.sort is None


@pytest.mark.parametrize(
    "question",
    ["wind frequency by strength from strongest to weakest", "average tip by day in reverse order"],
)
def test_an_order_reversed_is_refused_by_name(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="reversed"):
        planner.plan(question)


def test_keep_the_band_order_keeps_the_dimensions_order(planner: RulePlanner) -> None:
    plan = planner.plan("Wind Frequency By Strength Band (South Winds Only) [Keep The Band Order]")
    assert plan.dimension == "strength" and plan.sort is None
    assert filters_of(plan) == [("direction", "eq", "S")]
    named = planner.plan("the 2-3 band's frequency for each direction, kept in compass order")
    assert named.dimension == "direction" and named.sort is None
    assert filters_of(named) == [("strength", "eq", "2-3")]


@pytest.mark.parametrize(
    ("question", "series"),
    [
        # "of every table" named the rows, read as a grouping the data lacks.
        ("Tips and bills of every table as a scatter, with men and women in different colours", "sex"),
        ("scatter of sepal length vs sepal width for every flower", None),
        # A dimension's own word is still a grouping.
        ("a scatter of petal length against petal width with a different colour for each species", "species"),
    ],
)
def test_each_row_of_a_scatter_is_no_grouping(
    planner: RulePlanner, question: str, series: str | None
) -> None:
    plan = planner.plan(question)
    assert plan.chart_type == "scatter" and plan.series == series


def test_in_one_chart_names_no_value_and_adds_nothing_up(planner: RulePlanner) -> None:
    plan = planner.plan("Amazon, Netflix and Google share prices together in one chart, one line each")
    assert plan.series == "ticker" and filters_of(plan) == [("ticker", "in", ["AMZN", "NFLX", "GOOG"])]


def test_kept_in_order_is_the_dimensions_own_order(planner: RulePlanner) -> None:
    plan = planner.plan("the average bill per person on each weekend day, by smoker, days kept in order")
    assert (plan.dimension, plan.series, plan.sort) == ("day", "smoker", None)


def test_from_calm_up_to_the_strongest_is_the_bands_own_order(planner: RulePlanner) -> None:
    # "calm" was refused as an unknown word.
    plan = planner.plan("Total wind frequency in each strength band, from calm up to the strongest.")
    assert (plan.dimension, plan.sort, plan.filters) == ("strength", None, [])
