"""A request told with its circumstances (worker.planner.context): the circumstances are set aside and
named in the chart's description, never read as conditions; a clause that asks for something is never
set aside."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.accounts import partial_message
from worker.planner.context import told_with
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_numbers_dates_and_names_before_the_request_are_no_filter(planner: RulePlanner) -> None:
    answer = planner.answer(
        "Shift report 17, 5 waiters on, closing at 23:00 - average bill per person by day, dinner only."
    )
    plan = answer.plan
    assert (measures_of(plan), plan.dimension, plan.limit) == ([("bill_per_person", "avg")], "day", None)
    assert filters_of(plan) == [("meal", "eq", "Dinner")]
    # The user is told what was set aside, in the task's final message.
    message = partial_message(answer.left_out)
    assert message is not None
    assert "Shift report 17, 5 waiters on, closing at 23:00" in message and "context" in message


def test_a_year_outside_the_data_in_the_context_does_not_refuse_the_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "My uncle moved to Chile in 1948, so I'd like Chile's life expectancy from 1957 to 1997 as a line."
    )
    assert filters_of(plan) == [("country", "eq", "Chile")]
    assert plan.use_time
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1957", "1997")


def test_a_handover_word_starts_the_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Our book club of 9 readers (founded 2016) wants the 4 richest countries in Africa in 2002"
    )
    assert (plan.limit, plan.sort and plan.sort.direction) == (4, "desc")
    assert filters_of(plan) == [("continent", "eq", "Africa")]
    plan = planner.plan("Expense claim 5512 aside, I need the total of the bills on each day")
    assert (measures_of(plan), plan.dimension) == ([("total_bill", "sum")], "day")


def test_a_clause_that_asks_for_something_is_never_context() -> None:
    # A condition, an operation or a chart word before the cut: the question stays whole (and is refused
    # or read whole by the planner), never cut to its tail.
    assert list(told_with("Excluding the outliers: tips by day")) == []
    assert list(told_with("As a percent of the total - tips by day")) == []
    assert list(told_with("Forecast for 2020; stock price by company")) == []
    assert list(told_with("Only for smokers, so show tips by day")) == []
    assert list(told_with("Ticket 12: tips by day")) == [("Ticket 12", "tips by day")]
    # Neighbours are a scope the data cannot give, not circumstances to set aside.
    assert list(told_with("Countries next to Germany: life expectancy in 2007")) == []


def test_an_unchartable_request_is_still_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan("Board pack 3 of 5, due 30 June: the median household income by continent in 2007")
    with pytest.raises(UnchartableQuestion):
        planner.plan("For slide 2 (Kim's deck): the country with the highest GDP in each continent in 1987")


@pytest.mark.parametrize(
    "question",
    [
        "for Japan, show me the medals by medal type",
        "Japan: medals by medal type",
        "for Kerala, show me the average life expectancy",
        "from January 2017 to June 2018, show me Microsoft's weekly price",
    ],
)
def test_a_scope_said_before_the_request_is_never_set_aside(planner: RulePlanner, question: str) -> None:
    """ "for Japan," restricts the request: charted without it, the chart is of every nation."""
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_a_clause_naming_a_value_the_request_leaves_unsaid_is_never_set_aside(planner: RulePlanner) -> None:
    """Charted without it, the request would be of every country: the value said is kept, or refused."""
    with pytest.raises(UnchartableQuestion):
        planner.plan("The Congo, no idea which one: life expectancy over time.")
    plan = planner.plan(
        "The Asia continent, or however it is spelt in there: the 5 most populous countries in 2007"
    )
    assert filters_of(plan) == [("continent", "eq", "Asia")]
    plan = planner.plan("Korea, the one in the Olympics data - medals by type")
    assert filters_of(plan) == [("nation", "eq", "South Korea")]


def test_a_value_opening_the_context_is_kept_unless_the_request_says_it_again() -> None:
    values = frozenset({"chile", "portugal"})
    assert list(told_with("Chile, I think: show Chile's life expectancy", values)) == [
        ("Chile, I think", "show Chile's life expectancy")
    ]
    assert list(told_with("Chile, I think: show the life expectancy by continent", values)) == []
    # A value told as a circumstance, not as what the question is about, is context.
    assert list(told_with("I lived in Chile, so show the life expectancy by continent", values)) == [
        ("I lived in Chile", "show the life expectancy by continent")
    ]


def test_a_request_pointing_back_with_its_keeps_what_it_points_to() -> None:
    # "its" is Facebook's: setting the first sentence aside would chart every company.
    text = "Did Facebook fall in H2 2018? Just show me its weekly price line"
    assert list(told_with(text)) == []
    # After a filler word too: the first sentence set aside charted every company, Tesla dropped.
    assert list(told_with("Stoked on Tesla! Like, its weekly share price across 2019.")) == []
    # "its" with its own antecedent in the request points at nothing before it.
    assert list(told_with("I work at a bank. Show each stock's price against its January 2018 level")) == [
        ("I work at a bank", "Show each stock's price against its January 2018 level")
    ]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Tesla's weekly share price across 2019, as a line. Going once, going twice...", "Tesla"),
        ("Somebody lied about Russia's life expectancy in 1997. Show me the bars.", "Russia"),
    ],
)
def test_a_request_naming_nothing_does_not_hide_the_better_refusal(
    planner: RulePlanner, question: str, named: str
) -> None:
    """The refusal names what of the question cannot be charted, not the patter of its last sentence."""
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


def test_a_request_pointing_back_to_the_contexts_time_keeps_it(planner: RulePlanner) -> None:
    """ "back then" is the year the context named: set aside, the chart showed every year."""
    with pytest.raises(UnchartableQuestion):
        planner.plan("This old map dates from 1890: the population of Europe back then.")
    with pytest.raises(UnchartableQuestion):  # never every year
        planner.plan("The photograph was taken in 1977. Life expectancy by continent back then.")


@pytest.mark.parametrize(
    "question",
    [
        "Not a pie! The share of medals each nation won.",
        "Not a pie: bars. The share of total GDP by continent in 2007.",
    ],
)
def test_a_chart_type_ruled_out_is_never_set_aside(planner: RulePlanner, question: str) -> None:
    """Set aside as context, "Not a pie!" left the share to be drawn as the pie it ruled out."""
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)
