"""A horse-racing commentator (worker.planner.race_call): saddle-cloth numbers, horses' names, lengths,
odds, the race's hour, the racecourse, the silks' colours, where a horse was bred, an old Derby's year and
the crowd set nothing; a lead-in while the field settles is the request's start; what the request asks of
the race stays refused; text without the voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.race_call import unrace_call
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "They're under starter's orders at Cheltenham, 14 runners! The median tip for each party size.",
            "The median tip for each party size.",
        ),
        (
            "Number 9, Silver Arrow, is two lengths clear at the winning post! The total gold medals of each"
            " nation.",
            "The total gold medals of each nation.",
        ),
        (
            "The jockey in red and yellow silks hits the front down the home straight. The average tip on"
            " each day, dinner only.",
            "The average tip on each day, dinner only.",
        ),
        (
            "Two furlongs out, the outsider from Kenya leads by a short head! The wind frequency of each"
            " direction in the 4-5 band.",
            "The wind frequency of each direction in the 4-5 band.",
        ),
        (
            "A field of 10 horses at Epsom, and the crowd is on its feet! A histogram of sepal width.",
            "A histogram of sepal width.",
        ),
        (
            "The chestnut colt bred in France is on the rail at 8 to 1! Total votes for each candidate in the"
            " districts Joly won.",
            "Total votes for each candidate in the districts Joly won.",
        ),
    ],
)
def test_the_call_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A lead-in while the field gets ready hands over to the request.
        (
            "The 1:30 at Goodwood, the going is heavy. As they load into the stalls, the average GDP per"
            " capita of each continent in 1982.",
            "The average GDP per capita of each continent in 1982.",
        ),
        # An old race's year is no period; the request's own years are.
        (
            "Stewards' enquiry after the 1998 Derby! Now, the life expectancy of Canada since 1962, one"
            " line.",
            "The life expectancy of Canada since 1962, one line.",
        ),
        (
            "Going good to firm at Flemington, and Tech Titan is fading! Apple's weekly share price in the"
            " first half of 2019.",
            "Apple's weekly share price in the first half of 2019.",
        ),
    ],
)
def test_the_request_keeps_its_own_period(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


def test_the_lead_in_is_the_request_start(semantic_model: SemanticModel) -> None:
    question = "And they're off at Sandown! While the runners settle, the average tip by sex, please."
    assert unrace_call(question, semantic_model) == "The average tip by sex, please."


@pytest.mark.parametrize(
    "question",
    [
        "And they're off at Aintree! Chart how many fences each horse cleared.",
        "Photo finish at Longchamp! The average tip at 8 pm on each day.",
        "Going: soft. The average or the median tip by sex, whichever the jockeys pick.",
        "They're off at Ascot! Two charts: the tip by day as bars and, apart, the medals by nation as a pie.",
        "Into the home straight! Which horse should I back, the favourite or the outsider?",
        "Two lengths clear at the 4:10! Life expectancy by continent in 2015.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The favourite company by average price in 2018",
        "A field of 3 people or more, tip by day",
        "Which districts did Joly win by a nose?",
        "First past the post: show votes by candidate",
        "Life expectancy of Japan and China neck and neck since 1990, one line each",
        "A straight line of Canada's GDP since 1972",
        "The average tip at 5 to 10 people tables",
    ],
)
def test_text_without_the_commentator_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unrace_call(text, semantic_model) == text
