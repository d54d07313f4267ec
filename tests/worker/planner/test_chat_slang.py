"""Internet slang, emoji and hashtags (worker.planner.chat_slang): "ngl", "tbh", "fr fr", "no cap 🧢", "smh",
"imo", "idk", "rn", "ppl", emoji of any range (flags, ZWJ sequences, keycaps, tag sequences), hashtags read
as their words or as the dataset they name, and a lower-case value "excluded" after a comma; and where none
of them may fire (a day "fri", "no cap on ...", "# of tables", "#1", a colour) or where the question must
still be refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.chat_slang import unslang
from worker.planner.rules import RulePlanner, UnchartableQuestion


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "filters"),
    [
        (
            "ngl avg total bill per day for smokers 🚬🔥",
            [("total_bill", "avg")],
            "day",
            [("smoker", "eq", "Yes")],
        ),
        ("median tip by party size, no cap 🧢", [("tip", "median")], "party_size", []),
        ("avg tip on fri by sex tbh", [("tip", "avg")], "sex", [("day", "eq", "Fri")]),
        (
            "Tbh FR FR which continent had the highest life exp in 1982 👀",
            [("life_exp", "avg")],
            "continent",
            [],
        ),
        (
            "imo gdp per capita by country in europe 2002, top 5 smh",
            [("gdp_per_capita", "avg")],
            "country",
            [("continent", "eq", "Europe")],
        ),
    ],
)
def test_slang_that_says_nothing_is_dropped(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str,
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (measures, dimension, filters)


def test_emoji_of_every_kind_and_keycap_digits(planner: RulePlanner) -> None:
    # A ZWJ family, a subdivision flag (tag characters), a symbol drawn as emoji, a skin tone.
    assert unslang("avg tip by day 👩‍👩‍👧‍👦🏴󠁧󠁢󠁳󠁣󠁴󠁿 ▶️ 👍🏽 🇨🇦") == "avg tip by day"
    assert unslang("top 3️⃣ nations") == "top 3 nations"
    plan = planner.plan("top 3️⃣ nations by golds 🥇 fr")
    assert (plan.dimension, filters_of(plan), plan.limit) == ("nation", [("medal", "eq", "Gold")], 3)
    lines = planner.plan("idk maybe amzn vs goog in 2018 one line each rn 🤷‍♀️")
    assert (lines.chart_type, lines.series, filters_of(lines)) == (
        "line",
        "ticker",
        [("ticker", "in", ["AMZN", "GOOG"])],
    )


def test_hashtags_read_as_words_and_camel_case_is_split(planner: RulePlanner) -> None:
    assert unslang("#SundayDinner avg tip by sex") == "sunday dinner avg tip by sex"
    plan = planner.plan("#SundayDinner avg tip by sex")
    assert (plan.dimension, filters_of(plan)) == ("sex", [("day", "eq", "Sun"), ("meal", "eq", "Dinner")])
    iris = planner.plan("#iris #setosa petal length histo lol")
    assert (iris.chart_type, measures_of(iris), filters_of(iris)) == (
        "histogram",
        [("petal_length", "none")],
        [("species", "eq", "setosa")],
    )


def test_a_hashtag_naming_a_dataset_is_that_data_not_a_measure(planner: RulePlanner) -> None:
    said = unslang("#tips #thursday avg bill per sex", planner.model)
    assert said == "the tips data thursday avg bill per sex"
    plan = planner.plan(said)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (
        [("total_bill", "avg")],
        "sex",
        [("day", "eq", "Thur")],
    )
    assert unslang("#MontrealElection votes per candidate", planner.model).startswith("the election data")


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        (
            "frequency by strength for direction N, 0-1 excluded",
            [("direction", "eq", "N"), ("strength", "ne", "0-1")],
        ),
        ("avg tip by day, smokers left out 🙃", [("smoker", "ne", "Yes")]),
    ],
)
def test_a_lower_case_value_excluded_after_a_comma(
    planner: RulePlanner, question: str, filters: list[tuple[str, str, object]]
) -> None:
    assert filters_of(planner.plan(question)) == filters


@pytest.mark.parametrize(
    "text",
    [
        "# of tables per day",
        "#1 country by pop in 2007",
        "bars in #ff0000 for avg tip by day",
        "avg tip by day, no cap on the bill",
        "tip per lollipop by day",
        "frequency by fr-ca direction",
        "tip by day, with outliers excluded",
    ],
)
def test_words_that_may_be_data_are_left(text: str) -> None:
    assert unslang(text) == text


def test_ppl_is_people() -> None:
    assert unslang("why do ppl tip more on sundays smh") == "why do people tip more on sundays"


@pytest.mark.parametrize(
    "question",
    [
        "why do smokers tip more ngl",
        "avg tip per busboy lol 🤔",
        "japan's golds fr 🇯🇵",
        "gapminder pop in 2015 tbh 😅",
        "avg tip by week no cap 📅",
    ],
)
def test_refused_questions_stay_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_a_band_out_after_a_comma_is_left_out(planner: RulePlanner) -> None:
    # Read without it, "0-1 out" charted every band: a silent drop.
    plan = planner.plan("wind frequency pie by strength band, 0-1 out")
    assert filters_of(plan) == [("strength", "ne", "0-1")]
