"""A lifeguard at the pool (worker.planner.lifeguard): the shouts, their depths, lanes, minutes, "closed" and
a wind blowing the flags set nothing; what the request asks of the pool stays refused; other text is
unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.lifeguard import unlifeguard
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("shouted", "plain"),
    [
        ("No diving by the pool! Now, the median tip on each day.", "The median tip on each day."),
        (
            "Lane 5 is closed for the swim team. The total medals of each nation.",
            "The total medals of each nation.",
        ),
        (
            "Walk, don't run - the shallow end is 1 metre! The average sepal width of each species.",
            "The average sepal width of each species.",
        ),
        (
            "Everybody out of the pool! Whistle! The total votes of each candidate, top 3.",
            "The total votes of each candidate, top 3.",
        ),
        (
            "Stay between the flags - the wind blows the flags east. The wind frequency for each direction.",
            "The wind frequency for each direction.",
        ),
        (
            "Lane 7 is closed. Canada and China: their medals by type, split by nation.",
            "Canada and China: their medals by type, split by nation.",
        ),
        (
            "Swim between the flags! The 3 countries of Asia with the highest GDP per capita in 1997.",
            "The 3 countries of Asia with the highest GDP per capita in 1997.",
        ),
        (
            "Whistle! AAPL and MSFT: their daily share prices over both years, one line each.",
            "AAPL and MSFT: their daily share prices over both years, one line each.",
        ),
        (
            "Adult swim in 20 minutes. Canada's population from 1962 to 1982, as a line.",
            "Canada's population from 1962 to 1982, as a line.",
        ),
    ],
)
def test_the_shouts_set_nothing(planner: RulePlanner, shouted: str, plain: str) -> None:
    assert chart_of(planner.plan(shouted)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Whistle! Lane 2 is closed. The tips by day.", "The tips by day."),
        ("The deep end is 4 metres - the total bill by meal", "The total bill by meal"),
        (
            "No running! Swim between the flags, the wind is blowing them west. Votes by candidate.",
            "Votes by candidate.",
        ),
    ],
)
def test_the_request_is_what_is_left(semantic_model: SemanticModel, text: str, read: str) -> None:
    assert unlifeguard(text, semantic_model) == read


@pytest.mark.parametrize(
    "question",
    [
        "The deep end is 2 metres. How many lengths did each lane swim?",
        "Lifeguard on duty. The pool water temperature by day.",
        "Whistle! The number of swimmers in each lane.",
        "No running by the pool! GOOG's share price in 2022.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip by day, pooled over both meals",
        "Wind frequency for the north lane, closed to traffic",
        "Weeks where GOOG closed above 1000, out of the whole two years",
        "Countries whose flags are red, west of Greenwich",
        "The final whistle: total medals by nation",
        "Which day had the most tips?",
    ],
)
def test_text_without_the_lifeguard_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unlifeguard(text, semantic_model) == text
