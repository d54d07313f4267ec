"""Every word of a question is used by the plan, recognised as filler, or said to the user (issue #12):
the planner refuses what it cannot read, naming it, and a partial answer says what it left out."""

from __future__ import annotations

import pytest

from worker.planner.accounts import FILLER, left_over, partial_message
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.planner.vocabulary import Scan


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("urban population of India", "urban"),
        ("life expectancy of women in Japan", "women"),
        ("voter turnout by district", "turnout"),
        ("average tip at breakfast", "breakfast"),
        ("How volatile was Netflix stock in 2019?", "volatile"),
        ("number of districts each candidate won", "won"),
        # "the left" is a side the data does not have, not the verb of "the tips left".
        ("The wind frequency from the left, by band", "left"),
    ],
)
def test_a_word_nothing_reads_is_named_in_the_refusal(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refusal:
        planner.plan(question)
    message = str(refusal.value)
    assert f"\u201c{named}\u201d" in message.lower() and "Try" in message


@pytest.mark.parametrize(
    "question",
    [
        "Could you please plot the average sepal width per species for me?",
        "I'd like to see GDP per capita for the 5 wealthiest European countries in 2007",
        "Hey, could you graph life expectancy in Brazil for me?",
        "closing stock price of apple",
        "current population of china",
        "tech stocks in 2018",
        "weeks when the apple stock price was above 1.5",
        "What share of the time is the wind in each strength band?",
        # Verbs that ask to see: "track", "reveal", "verify", "confirm" as "show".
        "Track Brazil's life expectancy since 1980",
        "Reveal the median tip by sex",
        "Verify with the total medals per nation",
        "the average tip left by smokers on each day",
    ],
)
def test_filler_and_words_that_change_nothing_are_answered_whole(planner: RulePlanner, question: str) -> None:
    answer = planner.answer(question)
    assert answer.left_out == ()


def test_a_partial_answer_says_what_it_left_out(planner: RulePlanner) -> None:
    answer = planner.answer("Votes for Joly by district on Sundays in March")
    assert [(f.column, f.value) for f in answer.plan.filters] == [("candidate", "Joly")]
    (note,) = answer.left_out
    assert "\u201cSundays\u201d" in note and "\u201cMarch\u201d" in note and "no dates" in note
    message = partial_message(answer.left_out)
    assert message is not None and message.startswith("The chart is ready, but it leaves out")
    assert partial_message(()) is None


def test_a_grouping_coarser_than_the_data_is_answered_with_a_note(planner: RulePlanner) -> None:
    answer = planner.answer("stock price of apple by month")
    assert answer.plan.use_time
    assert any("cannot yet group by month" in note for note in answer.left_out)


def test_plan_and_answer_agree(planner: RulePlanner) -> None:
    question = "average tip for parties of 3 or more, by day"
    assert planner.plan(question) == planner.answer(question).plan


def test_an_unread_number_is_refused_not_dropped(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="\u201c7\u201d"):
        planner.plan("7 life expectancy by continent")


def test_words_left_over_are_found_with_their_spans() -> None:
    scan = Scan.of("Canada's urban population")
    scan.claim((0, 6))
    assert [w for w, _ in left_over(scan)] == ["urban", "population"]
    assert "please" in FILLER and "urban" not in FILLER


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("Average tip on Mondays", "Thur, Fri, Sat and Sun only"),
        ("medals per year", "no dates"),
        ("wind frequency over time", "no dates"),
        ("results of the 2017 Montreal mayoral election", "nothing from 2017"),
        ("gdp growth rate of china", "rates of change"),
        ("what percentage of votes went to Joly in each district", "share within each district"),
        ("What was Apple's stock price in US dollars at the end of 2019?", "does not convert units"),
        ("average wind speed in km/h for each direction", "not a number chartq can take the average of"),
        ("wind frequency in km/h by direction", "does not convert units"),
        ("average party size by day", "not a number chartq can take the average of"),
        ("average tip by day for smoker", "could not use \u201csmoker\u201d"),
        ("Apple's best week in 2019", "cannot yet rank periods"),
        ("which year had the highest population", "year with the highest"),
        ("which waiter earned the most in tips?", "\u201cwaiter\u201d to group by"),
        ("Who was the best-tipped waiter at Sunday lunch?", "\u201cwaiter\u201d to group by"),
        ("votes per party", "\u201cparty\u201d to group by"),
        ("Tell me about the irises", "nothing to chart"),
    ],
)
def test_what_cannot_be_charted_is_refused_saying_why(
    planner: RulePlanner, question: str, message: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refusal:
        planner.plan(question)
    assert message in str(refusal.value)


@pytest.mark.parametrize(
    "question",
    ["Apple price over time, highest first", "life expectancy of China over the years, sorted descending"],
)
def test_an_order_a_line_over_time_cannot_keep_is_named(planner: RulePlanner, question: str) -> None:
    """A line keeps the time order: the chart completes and says the order asked for was not used."""
    answer = planner.answer(question)
    assert answer.plan.use_time and answer.plan.sort is None
    assert any("highest first" in note and "time order" in note for note in answer.left_out)


@pytest.mark.parametrize(
    "question",
    [
        "the median weekly price of each company over the whole two years, highest first",
        "average weekly price of each company in 2019",
    ],
)
def test_an_aggregate_of_the_weekly_rows_is_no_time_axis(planner: RulePlanner, question: str) -> None:
    """On weekly prices, "the median weekly price of each company" is one bar per company, ranked."""
    plan = planner.plan(question)
    assert (plan.chart_type, plan.dimension, plan.use_time) == ("bar", "ticker", False)
    assert plan.sort is not None and plan.sort.direction == "desc"
