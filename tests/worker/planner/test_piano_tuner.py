"""A piano tuner at work (worker.planner.piano_tuner): a note's hertz, the strings' metres, the keys and
semitones counted, a piano's maker, country and year, the owners, the tuner's appointments, the
candlesticks' brass and a client's employer set nothing; what the owner says "no matter what" asks nothing;
a lead-in and a hand-over are the request's start; what the request asks that the data lacks stays refused;
text without the tuner's markers is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.piano_tuner import untune
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "The E above middle C rings at 659 hertz. Meanwhile, the median bill on each day.",
            "The median bill on each day.",
        ),
        (
            "A Bösendorfer from Vienna, restored in 1977, with 97 keys. Which 3 European countries had the"
            " highest GDP per capita in 1977?",
            "Which 3 European countries had the highest GDP per capita in 1977?",
        ),
        (
            "The bass strings are 2 metres long - I tune it to 440 every spring. The average sepal width of"
            " each species.",
            "The average sepal width of each species.",
        ),
        (
            "Two semitones flat and the hammers need new felt. As the pitch comes up, the number of tables at"
            " dinner for each party size.",
            "The number of tables at dinner for each party size.",
        ),
        (
            "Her baby grand has had four owners, no matter what the dealer claims. Canada's medals by type,"
            " as a pie.",
            "Canada's medals by type, as a pie.",
        ),
        (
            "My client works at Microsoft and keeps her Steinway in the lobby. Microsoft's share price by"
            " week in 2019, as a line.",
            "Microsoft's share price by week in 2019, as a line.",
        ),
        (
            "The brass candlesticks on the old upright are gold-plated, apparently. China's silver medals.",
            "China's silver medals.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert untune(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "My 9 o'clock is a Steinway in a flat on the west side. For winds from the east, the frequency in"
            " each strength band.",
            "For winds from the east, the frequency in each strength band.",
        ),
        (
            "The D string snapped at 5 o'clock on Friday. The average tip on each day at dinner.",
            "The average tip on each day at dinner.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


def test_that_year_is_the_year_the_patter_told(planner: RulePlanner) -> None:
    plan = planner.plan("A pianist from Kenya bought this Kawai in 1987. Kenya's population in that year.")
    asked = planner.plan("Kenya's population in 1987.")
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Which piano tuner works the most in each district? One bar per tuner.",
        "I tune every 3 months. The tip by day as a bar and, separately, a pie of the bills by sex.",
        "Eighty-eight keys and two pedals on this one. The mean or the median bill by day - whichever you"
        " think rings truer.",
        "I tuned the chapel organ in 2011. The population of each continent in that year.",
        "I finish my last piano at 6 sharp. The average bill between 6 and 8 in the evening.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Note that the scale is logarithmic, middle of the range: population by continent in 2007",
        "Tune the chart: the grand total of tips by day, as an upright bar chart",
        "A sharp drop and a flat rate: C-level pay aside, Apple's share price in 2019",
        "A string of wins, the key figures: Joly's votes in each district",
        "Lift the lid on the candlestick chart: Amazon's share price in a rolling window, clean and simple",
    ],
)
def test_text_without_the_tuner_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert untune(text, semantic_model) == text
