"""English mixed with Spanish, French, German, Portuguese or Italian words (worker.planner.code_switching):
a measure, an aggregation, a grouping, a value, a chart or a period word is read as the English word meant,
accents or not, with an aggregation written after its noun put before it; articles and prepositions are
read only beside such a word, and a value of the data is never translated. A false friend is not read as
the word it resembles, a sentence wholly in another language is refused saying chartq reads English, what
the data lacks stays refused, and English text is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.code_switching import uncode_switch
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("mixed", "english"),
    [
        ("El promedio de tips por día, please.", "The average of tips by day, please."),
        ("Show me la moyenne du total bill par sexe.", "Show me the average of the total bill by sex."),
        ("El precio máximo of each company", "The maximum price of each company"),
        ("Netflix vs Amazon, prix moyen in 2018", "Netflix vs Amazon, average price in 2018"),
        ("Les médailles d'or by nation", "The gold medals by nation"),
        ("Anzahl der Tische by day", "Number of the tables by day"),
        ("Life expectancy in Japan depuis 1980", "Life expectancy in Japan since 1980"),
        ("Top 5 paises by population", "Top 5 countries by population"),  # the accent is optional
        ("votes by candidate, du plus petit au plus grand", "votes by candidate, from smallest to largest"),
    ],
)
def test_foreign_words_are_spelt_in_english(semantic_model: SemanticModel, mixed: str, english: str) -> None:
    assert uncode_switch(mixed, semantic_model) == english


def test_english_text_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "Average tip by day",
        "Average tip per diner by day",  # "dîner" is read only with its accent
        "If I only ever ate lunch out, what would the total bills look like?",
        "El Salvador life expectancy since 1990",  # a value of the data
        "Votes in du Canal by candidate",
        "media coverage of tips by day",  # English alone: "media" is not the Spanish word
        "Who pays the most tips, la la la",
        "population by continent 2007 -oceania pie",
    ):
        assert uncode_switch(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "series", "chart_type"),
    [
        ("La propina media by day", [("tip", "avg")], "day", None, "bar"),
        (
            "Durchschnittliche Lebenserwartung by continent in 2007",
            [("life_exp", "avg")],
            "continent",
            None,
            "bar",
        ),
        ("Medallas por país, as a pie", [("medals", "sum")], "nation", None, "pie"),
        ("Tips by jour, split by sexe", [("tip", "avg")], "day", "sex", "bar"),
        ("La largeur moyenne des sépales by species", [("sepal_width", "avg")], "species", None, "bar"),
        ("Número de mesas by party size", [("tip", "count")], "party_size", None, "bar"),
        ("Un istogramma of sepal width, please", [("sepal_width", "none")], None, None, "histogram"),
        ("Die Summe der Stimmen by candidate", [("votes", "sum")], "candidate", None, "bar"),
    ],
)
def test_the_mixed_question_is_charted(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str | None,
    series: str | None,
    chart_type: str,
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.series, plan.chart_type) == (
        measures,
        dimension,
        series,
        chart_type,
    )


def test_values_and_periods_are_read(planner: RulePlanner) -> None:
    plan = planner.plan("Die Bevölkerung of Asien seit 1990")
    assert (plan.dataset, plan.use_time, measures_of(plan)) == ("gapminder", True, [("pop", "sum")])
    assert filters_of(plan) == [("continent", "eq", "Asia")]
    assert plan.time_range is not None and plan.time_range.start == "1990"
    plan = planner.plan("What was the average tip on domingo?")
    assert filters_of(plan) == [("day", "eq", "Sun")]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("¿Cuál fue el promedio de la propina por día de la semana en el restaurante?", "English"),
        ("Lebenserwartung von Deutschland seit 1952", "English"),
        ("Show me the average Rente by continent in 2007", "pension"),  # not rent
        ("La temperatura del viento by direction", "temperature"),
        ("Las medallas de Japón by type", "Japan"),
        ("La participation électorale by district", "turnout"),
        ("Average Trinkgeld per Kellner", "waiter"),
        ("Lebenserwartung by continent im Jahr 2015", "2015"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named.lower() in str(refused.value).lower()
