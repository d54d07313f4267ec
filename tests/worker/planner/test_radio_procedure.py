"""A radio operator's messages (worker.planner.radio_procedure, worker.planner.phonetic_spelling): the call
sign, procedure words and repeats come off, code words spell the data's values and radio numerals are
numbers, so the request is charted; a spelling of no value, or what the data cannot answer, stays refused
by name; a question without radio procedure reads exactly as before."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.radio_procedure import unradio
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def _range(question: str, planner: RulePlanner) -> tuple[str | None, str | None] | None:
    plan = planner.plan(question)
    return None if plan.time_range is None else (plan.time_range.start, plan.time_range.end)


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("Base, this is Golf Three. Request total medals by nation, top tree. Over.", 3),
        ("Tower, Echo Niner. Requesting total medals per nation, top fife, most first. Over and out.", 5),
        ("Control, Delta Two. Request total medals by nation, most first. Over.", None),
    ],
)
def test_a_call_sign_sets_no_limit_and_radio_counts_do(
    planner: RulePlanner, question: str, limit: int | None
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, plan.dimension, plan.limit, filters_of(plan)) == ("medals", "nation", limit, [])


@pytest.mark.parametrize(
    ("question", "dimension", "wanted"),
    [
        (
            "Control, Oscar Two. Request average tip per day for Foxtrot-Romeo-India and "
            "Tango-Hotel-Uniform-Romeo only. Over.",
            "day",
            [("day", "in", ["Fri", "Thur"])],
        ),
        (
            "HQ, this is Papa Six. Request mean petal length by species, species "
            "Sierra-Echo-Tango-Oscar-Sierra-Alpha only. Over.",
            "species",
            [("species", "eq", "setosa")],
        ),
        (
            "Control, Kilo Four. Request medals by nation for medal type "
            "Sierra-India-Lima-Victor-Echo-Romeo. Over.",
            "nation",
            [("medal", "eq", "Silver")],
        ),
    ],
)
def test_code_words_spell_the_value_of_the_data(
    planner: RulePlanner, question: str, dimension: str, wanted: list[tuple[str, str, object]]
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, filters_of(plan)) == (dimension, wanted)


def test_digits_said_one_by_one_are_a_year(planner: RulePlanner) -> None:
    question = (
        "Station, this is Whiskey Niner. Request average life expectancy by continent for year "
        "one-niner-seven-seven. Break. Lowest first. Out."
    )
    plan = planner.plan(question)
    assert _range(question, planner) == ("1977", "1977")
    assert (plan.dimension, plan.sort is not None and plan.sort.direction) == ("continent", "asc")


def test_a_spelled_ticker_and_year_make_its_line(planner: RulePlanner) -> None:
    question = (
        "Control, Sierra Four. Request weekly price of Golf-Oscar-Oscar-Golf in two-zero-one-niner. Over."
    )
    plan = planner.plan(question)
    assert (plan.use_time, filters_of(plan)) == (True, [("ticker", "eq", "GOOG")])
    assert _range(question, planner) == ("2019", "2019")


@pytest.mark.parametrize(("said", "band"), [("fife-six", "5-6"), ("six-plus", "6+")])
def test_a_band_said_on_the_radio_is_the_band(planner: RulePlanner, said: str, band: str) -> None:
    plan = planner.plan(
        f"Control, Victor One. Request wind frequency by direction for the {said} band. Over."
    )
    assert filters_of(plan) == [("strength", "eq", band)]


def test_a_negative_said_again_rules_the_type_out(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Roger, Base. Request mean sepal width by species. "
        "Negative bars, I say again, negative bars: pie. Over."
    )
    assert (plan.chart_type, measures_of(plan)) == ("pie", [("sepal_width", "avg")])


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "Control, Bravo Two. Request weekly price of India-Bravo-Mike for two-zero-one-niner. Over.",
            "Bravo",
        ),
        (
            "Control, Echo One. Request total medals by type for nation Foxtrot-Romeo-Alpha-November. Over.",
            "Foxtrot",
        ),
        ("Control, Delta Five. Request population by continent for year one-niner-fife-zero. Over.", "1950"),
        (
            "Control, Delta Five. Request average tip by day. Break. Request histogram of petal width. Over.",
            "petal",
        ),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Average life expectancy in India, Delta region excluded.",
        "Show total medals for Golf events by nation",
        "Plot weekly price of Alpha stocks over 2019",
        "Population over time, top three countries",
        "Tips by day for Sat and Sun only",
    ],
)
def test_text_with_no_radio_procedure_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unradio(text, semantic_model) == text


def test_a_radio_check_opening_the_message_adds_nothing(planner: RulePlanner) -> None:
    # "Radio" was refused as an unknown word.
    plan = planner.plan("Radio check, over and out. The average tip by day.")
    assert (measures_of(plan), plan.dimension) == ([("tip", "avg")], "day")
