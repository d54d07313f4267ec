"""An office worker's chat or email message: greetings, names, sign-offs and context dropped as framing
(worker.planner.messages), never a value of the data."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.messages import unmessage
from worker.planner.rules import RulePlanner


def test_greetings_sign_offs_and_context_are_dropped() -> None:
    said = unmessage(
        "Hi Sam! For tomorrow's board deck, could you pull the average tip by day? Thanks a lot!", set()
    )
    assert said == "show the average tip by day?"
    assert (
        unmessage("Hey, quick one before lunch: tip by day. My manager asked. Cheers", set()) == "tip by day."
    )
    assert unmessage("Morning! tip by day for the Q3 review. Thanks, Dana", set()) == "tip by day."


def test_a_message_is_charted_without_its_framing(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Hi Lee, for the lab report could you chart the average sepal width of each species? Thanks!"
    )
    assert (measures_of(plan), plan.dimension, plan.chart_type) == (
        [("sepal_width", "avg")],
        "species",
        "bar",
    )
    # Friday, lunch and 2 in the context are no filter or limit.
    plan = planner.plan(
        "Hey! Quick favour: Netflix vs Amazon stock price over 2018, one line each. "
        "Need it before the 2 o'clock call. Cheers, Tom"
    )
    assert (plan.series, plan.limit, plan.chart_type) == ("ticker", None, "line")
    assert filters_of(plan) == [("ticker", "in", ["NFLX", "AMZN"])]
    plan = planner.plan(
        "Hi! Could you plot the bill against the tip for dinner tables only? It's for Friday's meeting."
    )
    assert filters_of(plan) == [("meal", "eq", "Dinner")]
    # A request split over two sentences, and a limit said after the noun.
    plan = planner.plan(
        "Hi! I'm putting together a one-pager for our Lisbon office. I need the poorest European countries "
        "by GDP per capita in 2002 — five of them is plenty. Thanks so much"
    )
    assert (plan.limit, plan.sort and plan.sort.direction) == (5, "asc")


def test_how_much_the_tables_spent_is_the_bill(planner: RulePlanner) -> None:
    plan = planner.plan("Hey, how much did the tables spend in total at dinner on each day? Cheers")
    assert measures_of(plan) == [("total_bill", "sum")]


def test_a_value_next_to_framing_words_is_kept(planner: RulePlanner) -> None:
    # "China" after "Thanks" and "Canada" after "Hello" are values of the data, not names of people.
    assert unmessage("medals by type. Thanks, China", {"china"}) == "medals by type. Thanks, China"
    plan = planner.plan("Hello Canada, could you pull the medals by type? Thanks")
    assert filters_of(plan) == [("nation", "eq", "Canada")]
    plan = planner.plan("Hi! For the Q3 review, votes by district for Joly. Thanks")
    assert filters_of(plan) == [("candidate", "eq", "Joly")]
    # "the city's votes" are every vote of the election; a city's population is still refused.
    assert planner.plan("each candidate's share of the city's ballots, as a pie").filters == []
    with pytest.raises(UnchartableQuestion, match="city"):
        planner.plan("the city's population in 1997")
    # "for the 1987 survey" is a year of the data, no survey the chart is made for.
    survey = planner.plan("the median GDP per capita of each continent for the 1987 survey")
    assert survey.time_range is not None and (survey.time_range.start, survey.time_range.end) == (
        "1987",
        "1987",
    )


def test_a_word_not_understood_is_still_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="payment"):
        planner.plan("Hi! For the board deck, could you pull the average tip by payment method? Thanks a lot")


@pytest.mark.parametrize(
    "question", ["average bill by sex for my boss", "average bill by sex, it's for our manager. Thanks!"]
)
def test_who_the_chart_is_for_is_no_part_of_it(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("total_bill", "avg")], "sex", [])


def test_who_asks_is_kept_when_it_names_a_value_of_the_data(planner: RulePlanner) -> None:
    # "for our Asia team" was dropped whole: every country charted, and Asia never mentioned.
    assert unmessage("population by country, for our Asia team", {"asia"}).endswith("for our Asia team")
    assert unmessage("population by country, for our sales team", {"asia"}) == "population by country"
    answer = planner.answer("For our Asia team, I need population by country in 2007")
    assert any("Asia" in note for note in answer.left_out)
