"""A court stenographer at the record (worker.planner.court_stenographer): a read-back of a question and its
answer, page, line, exhibit, juror and case numbers, the court's hours, words a minute, the witness's
country and the date the record reflects set nothing; a need of the court's people asks nothing; a lead-in
of the read-back is the request's start; what the request asks that the data lacks stays refused."""

from __future__ import annotations

import pytest

from worker.planner.court_stenographer import unstenograph
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Q. Where were you born? A. In Brazil, sir. The total tip by sex on Saturdays.",
            "The total tip by sex on Saturdays.",
        ),
        (
            "Read back, page 88, line 4: Q. How many guests? A. Six of us. The median bill on each day.",
            "The median bill on each day.",
        ),
        (
            "Court is in recess until 11 a.m. The average petal width of each species.",
            "The average petal width of each species.",
        ),
        (
            "Juror number 3 needs a short break. GDP per capita by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "Case number 1998-0031 is called. Coderre's votes in each district.",
            "Coderre's votes in each district.",
        ),
        (
            "Two hundred words a minute on a slow day. Canada's medals by type.",
            "Canada's medals by type.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unstenograph(question, semantic_model) == plain


@pytest.mark.parametrize(
    "question",
    [
        "Court reporter for 30 years. The number of appeals heard in each district in 2013.",
        "Strike that from the record. A bar of the tips by day, and a second chart of the bills by sex.",
        "Court resumes at 4:30 sharp. The average tip for tables seated after four in the afternoon.",
        "The transcript was sealed in 2022. Amazon's share price during 2022.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The record tip on each day",
        "In that case, the population of each continent in 2007",
        "Line 9 of the tips: the total bill by sex",
        "A stand of trees: wind frequency by direction",
        "Q4 sales: Apple's share price in 2019",
        "The bench press record: medals by nation",
        "The average tip by day. A. Smith asked.",
    ],
)
def test_text_without_the_stenographer_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unstenograph(text, semantic_model) == text


def test_an_exhibit_that_a_sentence_tells_of_is_the_records(planner: RulePlanner) -> None:
    # The courtroom reader took "Exhibit 22" off as a label, leaving "Is a weather log ...": refused.
    plan = planner.plan(
        "Exhibit 14 is a weather log from the harbour. A pie of wind frequency by strength band."
    )
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("wind", "strength", "pie")
