"""A chat platform's formatting (worker.planner.chat_formatting) taken off before a question is read:
mentions, Markdown, shortcodes, links, "+1", quotes and lists; text without chat markup left as it is."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.chat_formatting import unchat
from worker.planner.rules import RulePlanner
from worker.semantic import load_semantic_model

_MODEL = load_semantic_model()


def _unchat(text: str) -> str:
    """As the planner sees a message: its line breaks folded into spaces."""
    return unchat(" ".join(text.split()), _MODEL)


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "@chartq could you chart **GDP per capita** by `continent`?",
            "could you chart GDP per capita by continent?",
        ),
        ("yo @chartq :eyes: `lifeExp` of `Brazil` thx", "yo lifeExp of Brazil thx"),
        ("@chartq tips by sex (cc @sam and @lee)", "tips by sex"),
        ("can anyone (@chartq :pray:) chart votes by district", "can anyone chart votes by district"),
        ("<@U024BE7LH> avg `petal_width` by species", "avg petal_width by species"),
        ("<at>chartq</at> wind frequency by `strength` <:wind:123>", "wind frequency by strength"),
        ("@chartq `total_bill` ~~by day~~ by sex", "total_bill by sex"),
        ("@chartq *sepal length* by __species__ :)", "sepal length by species"),
        ("+1 to what Priya said :point_up: @chartq medals by nation", "medals by nation"),
        ("@chartq price by ticker https://example.org/board/7", "price by ticker"),
    ],
)
def test_markup_is_taken_off_the_words(message: str, asked: str) -> None:
    assert _unchat(message) == asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # A numbered list's items are clauses of one request, in order.
        ("@chartq\n1. average `tip`\n2. by `sex`\n3. for lunch only", "average tip; by sex; for lunch only"),
        # Bullets after a colon; the range "1967 - 1997" inside an item is no bullet.
        (
            "@chartq what I need:\n- population\n- years 1967 - 1997\n- one line per continent",
            "what I need: population; years 1967 - 1997; one line per continent",
        ),
    ],
)
def test_list_items_are_clauses_with_or_without_line_breaks(message: str, asked: str) -> None:
    assert _unchat(message) == asked
    assert unchat(message, _MODEL) == asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # The reply points at the quote: the quote is the request, with the reply's words.
        ("> @chartq total bill by day\nsame ^ but as a pie pls", "total bill by day but as a pie pls"),
        ("> avg sepal width by species\n+1", "avg sepal width by species"),
        # The reply asks on its own: the quote was context, even when it names a value ("Friday").
        ("> the board meets on Friday\n@chartq avg tip by day", "avg tip by day"),
        ("> anyone know why it dipped?\n@chartq `price` of `FB` :chart_with_downwards_trend:", "price of FB"),
    ],
)
def test_a_quote_is_the_request_only_when_the_reply_points_at_it(message: str, asked: str) -> None:
    assert _unchat(message) == asked


@pytest.mark.parametrize(
    "text",
    [
        "# of tables by day",
        "tips w/ smokers vs. non-smokers",
        "tip * 2 by day",
        "> 30 bills by day",
        "bob@example.com wants avg tip by day",
        "quick one - top 10 countries by population",
        "total_bill by day",
        "life expectancy 1952 - 2007 by continent",
        "select count(*) from tips where tip > 5 group by day",
        "avg price at 10:30:00",
        "price 1. AAPL 2. MSFT",  # no chat markup: numbers are left to the planner
    ],
)
def test_text_without_chat_markup_is_unchanged(text: str) -> None:
    assert unchat(text, _MODEL) == text


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # One dash, not after a colon: a dash in a sentence, not a list.
        ("@chartq quick one - avg tip by day", "quick one - avg tip by day"),
        # A condition and a raw column name stay as written.
        ("@chartq tips for total_bill > 30 by day", "tips for total_bill > 30 by day"),
        # One numbered marker is no list.
        ("@chartq price above 1. by ticker", "price above 1. by ticker"),
        # "this year" does not point at a quote; the reply asks on its own.
        ("> tips are up\n@chartq total bill by sex this year", "total bill by sex this year"),
    ],
)
def test_chat_messages_are_not_over_read(message: str, asked: str) -> None:
    assert _unchat(message) == asked


def test_a_quoted_context_naming_a_value_does_not_filter(planner: RulePlanner) -> None:
    plan = planner.plan("> the board meets on Friday\n@chartq avg `tip` by `day` :moneybag:")
    assert (plan.dataset, plan.dimension, filters_of(plan)) == ("tips", "day", [])


def test_a_bulleted_request_is_read_whole(planner: RulePlanner) -> None:
    plan = planner.plan(
        "@chartq my asks:\n- measure: _population_\n- continent: `Asia`\n- year: 1982\n- top 5 countries"
    )
    assert (plan.dataset, plan.dimension, plan.limit) == ("gapminder", "country", 5)
    assert filters_of(plan) == [("continent", "eq", "Asia")]
    assert plan.time_range is not None and plan.time_range.start == "1982"


def test_a_reply_pointing_at_a_quote_changes_its_chart(planner: RulePlanner) -> None:
    plan = planner.plan("> @chartq total bill by day\nthat ^ as a pie pls :pie:")
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("tips", "day", "pie")


def test_a_mention_and_a_colleague_are_no_values(planner: RulePlanner) -> None:
    plan = planner.plan("@chartq votes per district for **Coderre** (cc @sam)")
    assert measures_of(plan) == [("votes", "sum")]
    assert filters_of(plan) == [("candidate", "eq", "Coderre")]


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # The reply builds on the original under it: one request, the original first.
        (
            "Make it a pie.\n\n-----Original Message-----\nFrom: Pat\nSubject: votes\n\n"
            "Votes by district, please.",
            "Votes by district, please. Make it a pie.",
        ),
        # A chat message pasted with a greeting and a sign-off: both come off, then the markup.
        ("Hi Sam,\n\n@chartq avg `tip` by day\n\nThanks,\nJo\nSent from my iPhone", "avg tip by day"),
    ],
)
def test_a_pasted_e_mail_is_read_before_the_chat_markup(message: str, asked: str) -> None:
    assert unchat(message, _MODEL) == asked
