"""A stand-up comedian's routine (worker.planner.comedy_routine): the joke and the tags to the audience are
context, the request is what follows the turn back to it ("Seriously though:") or the first sentence that
asks, a chart word inside a joke is no chart type, and what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.comedy_routine import uncomedy
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_a_bar_walked_into_in_a_joke_is_no_chart_type(planner: RulePlanner) -> None:
    plan = planner.plan(
        "A horse walks into a bar. The bartender says, why the long face? But seriously, folks: "
        "the share of total tips by meal, as a pie."
    )
    assert (plan.dimension, plan.chart_type) == ("meal", "pie")
    assert measures_of(plan) == [("tip", "sum")]


def test_the_request_follows_the_last_turn_back_to_it(planner: RulePlanner) -> None:
    plan = planner.plan(
        "My therapist says I use humour to hide my feelings. Ha! Okay, jokes aside: the average petal "
        "width for each species, widest first. Tough crowd."
    )
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("iris", "species", "bar")
    assert measures_of(plan) == [("petal_width", "avg")]
    assert plan.sort is not None and plan.sort.direction == "desc"


def test_a_value_named_only_in_the_joke_is_no_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "You ever notice China wins everything? Even the jokes. All joking aside, folks: the total medals "
        "for each nation, most first. I'm here till Thursday!"
    )
    assert (plan.dimension, filters_of(plan)) == ("nation", [])


def test_tags_to_the_audience_come_off_a_plain_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Folks, show me Microsoft's weekly share price in 2018 as a line, am I right? Try the veal!"
    )
    assert (plan.chart_type, plan.use_time, period_of(plan)) == ("line", True, ("2018", "2018"))
    assert filters_of(plan) == [("ticker", "eq", "MSFT")]


def test_set_up_sentences_before_the_one_that_asks_are_context(planner: RulePlanner) -> None:
    plan = planner.plan(
        "What's the deal with the iris? Three species, and they all look like the same flower to me. "
        "Give me a histogram of sepal length, ladies and gentlemen. Ba-dum-tss."
    )
    assert (plan.chart_type, measures_of(plan)) == ("histogram", [("sepal_length", "none")])
    assert filters_of(plan) == []


def test_a_lone_deal_with_question_is_the_request(planner: RulePlanner) -> None:
    plan = planner.plan("So what's the deal with the average tip by day, folks?")
    assert (plan.dimension, measures_of(plan)) == ("day", [("tip", "avg")])


def test_a_rambling_anyway_inside_a_routine_is_the_routine_s_turn(planner: RulePlanner) -> None:
    plan = planner.plan(
        "My accountant said I needed a safer bet, so I bought a lottery ticket. Anyway: the average "
        "share price of each company in 2018, lowest first. Am I right, folks?"
    )
    assert (plan.dimension, plan.chart_type, period_of(plan)) == ("ticker", "bar", ("2018", "2018"))
    assert plan.sort is not None and plan.sort.direction == "asc"


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "What's the deal with hecklers? Seriously though: the number of hecklers at each show, "
            "one bar per show.",
            "heckler",
        ),
        (
            "I'm so old I remember when Tesla was a scientist. Seriously though: Tesla's weekly share "
            "price in 2019, as a line. I'll be here all week.",
            "Tesla",
        ),
        (
            "What's the deal with the wind on my anniversary, 3 June? Chart the wind frequency by "
            "strength on that day, folks.",
            "3",
        ),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named.lower() in str(refused.value).lower()
    assert "Try" in str(refused.value)


def test_a_value_of_the_joke_is_kept_where_the_request_points_back(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    question = "You ever notice Canada only ever wins silver? Seriously though: its medals by type, as a pie."
    assert uncomedy(question, semantic_model) == "Canada only ever wins silver: its medals by type, as a pie."
    plan = planner.plan(question)
    assert (plan.dimension, plan.chart_type) == ("medal", "pie")
    assert filters_of(plan) == [("nation", "eq", "Canada")]


@pytest.mark.parametrize(
    "text",
    [
        "the average tip by day, as bars",
        "My cousin loves bars. Anyway: the total bill by day.",
        "Is the tip right for each day? Show me tip by day.",
    ],
)
def test_text_with_no_comedian_markers_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert uncomedy(text, semantic_model) == text
