"""A quiz-master's or trivia host's framing (worker.planner.quiz_master): the round or prize comes off and
its numbers are no limit, "Guess which" and "Name the Y where ..." are a ranking with one winner, "True or
false: <claim>. Show ..." charts what the second sentence names, "Show all three" after a "which" ranks
every value, "wider sepals" is sepal width, what chartq cannot answer (a bare verdict, second place, a
margin) stays refused, and text with none of the framing is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.quiz_master import unquiz
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("quiz", "plain"),
    [
        ("Pop quiz: which nation won the most gold medals?", "which nation won the most gold medals?"),
        ("Quiz round 2, question 4: tip by day", "tip by day"),
        ("For 10 points, which company had the highest price?", "which company had the highest price?"),
        ("Question 3 of the pub quiz: medals by nation", "medals by nation"),
        ("Tie-breaker question: votes by district", "votes by district"),
        ("Guess which species has the longest petals.", "which species has the longest petals."),
        (
            "Name the district where Joly got the most votes.",
            "Which district was where Joly got the most votes.",
        ),
        ("Name the country with the most people.", "Which country had the most people."),
        ("True or false: China won more gold than silver. Show China's medals.", "Show China's medals."),
        (
            "True or false: men tip more than women. Show me the two side by side.",
            "Is it true that men tip more than women?",
        ),
        (
            "Which species has the longest petals? Show all three so the teams can check.",
            "Which species has the longest petals? Rank them all.",
        ),
        (
            "Which species has the wider sepals, setosa or virginica?",
            "Which species has the greater sepal width, setosa or virginica?",
        ),
    ],
)
def test_the_framing_is_asked_plainly(semantic_model: SemanticModel, quiz: str, plain: str) -> None:
    assert unquiz(quiz, semantic_model) == plain


def test_text_with_none_of_the_framing_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "Tip by day",
        "Name the five most populous countries in 2002.",  # a count is a list, already read
        "Name the countries with the most people.",  # a plural is a list too
        "Which species has the longest petals? Show the average.",
        "Which day did the tables spend the most on tips?",  # says what was spent
        "  Votes  by candidate ",
    ):
        assert unquiz(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "sort", "limit"),
    [
        (
            "Pop quiz: which continent had the highest average life expectancy in 2007?",
            [("life_exp", "avg")],
            "continent",
            "desc",
            1,
        ),
        (
            "For 10 points, which company reached the highest peak share price?",
            [("price", "max")],
            "ticker",
            "desc",
            1,
        ),
        (
            "For 5 points: on which day did the tables spend the most in total?",
            [("total_bill", "sum")],
            "day",
            "desc",
            1,
        ),
        (
            "Trivia night: name the five most populous countries in 2002.",
            [("pop", "sum")],
            "country",
            "desc",
            5,
        ),
        ("Name the district where Joly got the most votes.", [("votes", "sum")], "district", "desc", 1),
        (
            "Guess which iris species has the longest petals on average. "
            "Show all three so the teams can check.",
            [("petal_length", "avg")],
            "species",
            "desc",
            None,
        ),
        (
            "Pop quiz: which of the three nations won the most medals in total? "
            "Put all three in order, most first.",
            [("medals", "sum")],
            "nation",
            "desc",
            None,
        ),
    ],
)
def test_a_quiz_question_is_the_ranking_it_asks_for(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str,
    sort: str,
    limit: int | None,
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None
    assert (measures_of(plan), plan.dimension, plan.sort.direction, plan.limit) == (
        measures,
        dimension,
        sort,
        limit,
    )


def test_a_true_or_false_claim_charts_the_chart_asked_for(planner: RulePlanner) -> None:
    plan = planner.plan("True or false: China won more silver medals than gold. Show China's medals by type.")
    assert (plan.dimension, filters_of(plan)) == ("medal", [("nation", "eq", "China")])
    plan = planner.plan(
        "True or false: Saturday tables leave bigger tips on average than Sunday tables. "
        "Show me the two days side by side."
    )
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (
        [("tip", "avg")],
        "day",
        [("day", "in", ["Sat", "Sun"])],
    )


def test_wider_sepals_between_two_species_is_sepal_width(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Quiz round 2, question 4: which species has the wider sepals on average, setosa or versicolor?"
    )
    assert (measures_of(plan), plan.limit, filters_of(plan)) == (
        [("sepal_width", "avg")],
        None,
        [("species", "in", ["setosa", "versicolor"])],
    )


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "True or false: the average tip on Sundays was more than $3.50? Just answer true or false.",
            "verdict",
        ),
        ("Pop quiz: which nation came second in the gold medal count?", "came second"),
        ("For 10 points: by how many votes did Coderre beat Bergeron overall?", "difference"),
        (
            "Trivia night: name the country with the highest life expectancy in each continent in 2007.",
            "each",
        ),
        ("Name the Olympic Games at which Canada won the most medals.", "Games"),
        ("Guess which iris species has the most petals per flower.", "petals"),
    ],
)
def test_what_a_chart_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)
