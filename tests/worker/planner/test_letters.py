"""A request written as a letter or an email (worker.planner.letters): the greeting, pleasantries and
sign-off come off, a polite lead-in is read as "show me", a context clause that asks for no data goes, one
that names a value is noted on the chart, and text with nothing letter-like is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.letters import unletter
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_greeting_pleasantries_and_sign_off_come_off(semantic_model: SemanticModel) -> None:
    assert (
        unletter(
            "Dear team, could you kindly prepare a chart of tip by day? Many thanks in advance, Priya",
            semantic_model,
        )
        == "show me a chart of tip by day?"
    )
    assert (
        unletter("Hi all, hope your week is going well. Tip by day, please. Cheers, Sam", semantic_model)
        == "Tip by day, please."
    )
    assert (
        unletter(
            "Good morning! I hope this finds you well. Tip by day. Kind regards, Dr. Okafor", semantic_model
        )
        == "Tip by day."
    )
    assert unletter(
        "Hello, thank you for your help last time. Votes by district. Regards", semantic_model
    ) == ("Votes by district.")
    assert unletter("Medals by nation. Thank you. Best, Ana", semantic_model) == "Medals by nation."
    assert unletter("Dear team,\nCould you prepare tip by day?\nThanks,\nAna", semantic_model) == (
        "show me tip by day?"
    )


@pytest.mark.parametrize(
    ("lead_in", "plain"),
    [
        ("I would be most grateful for the average tip by day.", "show me the average tip by day."),
        (
            "I'd be very grateful if you could prepare the average tip by day.",
            "show me the average tip by day.",
        ),
        ("I would really appreciate the average tip by day.", "show me the average tip by day."),
        ("Would you be so kind as to send me the average tip by day?", "show me the average tip by day?"),
        ("I wonder whether you might prepare the average tip by day.", "show me the average tip by day."),
        ("Could you please produce the average tip by day?", "show me the average tip by day?"),
        ("I would love the average tip by day.", "show me the average tip by day."),
    ],
)
def test_a_polite_lead_in_is_a_plain_request(semantic_model: SemanticModel, lead_in: str, plain: str) -> None:
    assert unletter(f"Dear team, {lead_in} Best wishes, Tom", semantic_model) == plain


def test_a_context_clause_that_asks_for_no_data_goes(semantic_model: SemanticModel) -> None:
    for letter in (
        "Good morning, I am putting together a briefing and would really appreciate tip by day. Regards, Kim",
        "Hello, for a small study we are running, I would be grateful if you could prepare tip by day.",
        "Dear colleagues, we are planning some outdoor work and I would appreciate tip by day. Best, Ana",
        "Good afternoon, for our planning meeting, could you please prepare tip by day? Thanks, Jake",
        "Hi, this time I would be most grateful for tip by day. With thanks, Mark",
    ):
        assert unletter(letter, semantic_model).rstrip(".?") == "show me tip by day", letter


@pytest.mark.parametrize(
    "letter",
    [
        "Dear team, could you kindly prepare a chart of the average tip on each day? Many thanks, Priya",
        "Hope you are well! I would be most grateful for the average tip by day. Best wishes, Tom",
        "Good morning! Would you kindly prepare a bar chart of the average tip by day? Thanks so much, Luis",
        "Dear analytics team, I hope this message finds you well. I would be very grateful for a chart of "
        "the average tip by day. Warm regards, Dr. Okafor",
    ],
)
def test_the_signer_is_no_value_and_the_courtesies_no_unknown_words(
    planner: RulePlanner, letter: str
) -> None:
    plan = planner.plan(letter)
    assert (plan.dataset, measures_of(plan), plan.dimension, filters_of(plan)) == (
        "tips",
        [("tip", "avg")],
        "day",
        [],
    )


def test_the_request_keeps_its_own_data_words(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Dear team, I am writing a short note for our newsletter and would love a line chart of the average "
        "life expectancy in Asia since 1972. Many thanks in advance, Priya"
    )
    assert filters_of(plan) == [("continent", "eq", "Asia")] and plan.use_time
    plan = planner.plan(
        "Hope you are well! Could you kindly prepare a chart of the five poorest countries in the Americas "
        "by GDP per capita in 1977, lowest first? Best wishes, Tom"
    )
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("country", 5, [("continent", "eq", "Americas")])


def test_a_context_clause_that_names_a_value_is_kept(semantic_model: SemanticModel) -> None:
    # "Asia" or "Canada" may have been meant as a filter: the clause stays for the planner to read.
    assert unletter(
        "Dear team, for our Asia team I would be grateful for population by country in 2007. Regards, Kim",
        semantic_model,
    ) == ("for our Asia team, I need population by country in 2007.")
    assert unletter(
        "Hi all, we are visiting Canada and would love medals by medal type. Cheers, Sam", semantic_model
    ) == ("we are visiting Canada, I need medals by medal type.")


def test_text_with_nothing_letter_like_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "average tip by day",
        "Could you kindly prepare a chart of tip by day?",
        "Which nation did best, Canada or China?",
        "Show me votes by district, with regards to Joly",
        "For our planning meeting:  tip by day",
    ):
        assert unletter(text, semantic_model) == text


@pytest.mark.parametrize(
    ("letter", "named"),
    [
        (
            "Dear team, could you kindly prepare the average tip of tables that paid by card? "
            "Many thanks in advance, Priya",
            "card",
        ),
        (
            "Dear colleagues, would you be so kind as to send me Intel's price in 2018? Regards, Luis",
            "Intel",
        ),
        (
            "Hello team, hope all is well. I would be grateful for the wind frequency in each month. "
            "Many thanks, Kim",
            "month",
        ),
        (
            "Dear team, I hope you are well. Would you kindly prepare the stem length of each species? "
            "Thank you, Jake",
            "stem",
        ),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, letter: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named) as refused:
        planner.plan(letter)
    for signer in ("Priya", "Luis", "Kim", "Jake"):
        assert signer not in str(refused.value)
