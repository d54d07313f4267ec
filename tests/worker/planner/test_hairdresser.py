"""A hairdresser (worker.planner.hairdresser): the clipper grade, the clients counted, the client's home and
tip, the bob's year, the toner's gold and the head tilted left set nothing; the chair's own question and a
lead-in while the colour takes come off; what the request asks of the salon stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.hairdresser import unhairdress
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Same as last time, a number 3 all over? The median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "While the colour takes, the 4 most populous countries of Europe in 2002.",
            "The 4 most populous countries of Europe in 2002.",
        ),
        (
            "The gentleman in chair 2 always tips me 15 dollars - he had a skin fade in 1999. GDP per capita"
            " by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "My client from China wants a platinum blonde bob with gold foils. South Korea's medals by type.",
            "South Korea's medals by type.",
        ),
        (
            "Lean back at the basin, the water's coming from the east tap. The wind frequency of each"
            " direction in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "Shampoo and conditioner, then under the dryer for 20 minutes. The average petal length of each"
            " species.",
            "The average petal length of each species.",
        ),
        (
            "Twelve clients before lunch, so my scissors need sharpening on Monday. The highest share price"
            " each company reached in 2018.",
            "The highest share price each company reached in 2018.",
        ),
        (
            "Her fringe needs a trim - she votes for Coderre every time. Bergeron's votes in each district.",
            "Bergeron's votes in each district.",
        ),
        (
            "The 11 o'clock balayage is running late. A scatter of the tip against the total bill, coloured"
            " by sex.",
            "A scatter of the tip against the total bill, coloured by sex.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A request that names the patter's value again still gets it.
        (
            "Half-head of highlights for the bride from Kenya, and a blow-dry for her mum. Kenya's life"
            " expectancy since 1972, as a line.",
            "Kenya's life expectancy since 1972, as a line.",
        ),
        # "That year" points back to the year the patter told.
        (
            "She wants a bob like in 1962. The population of each continent that year, as a pie.",
            "The population of each continent in 1962, as a pie.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "A number 2 all over for the gentleman from Japan. Chart the perms I did each week this month.",
        "Foils in, honey blonde. The average or the median bill by day, whichever my junior prefers.",
        "Tilt your head to the left. Which hair colour is most common among the smokers?",
        "She wants a bob like Twiggy's. The population of each continent that year, as a pie.",
        "My scissors are German. Germany's medals by type.",
        "The 2 o'clock blow-dry is running late. The average tip between 1 and 3 in the afternoon.",
        "Half-head of highlights. Two charts: tips by day as bars, and a pie of medals by nation.",
        "The lady from Canada tips in cash. The average bill in Canadian dollars for each day.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip by day, cut to the top 5 days",
        "A scatter of sepal length against petal length, coloured by species",
        "Oil prices? No: Apple's share price in 2019, as a line",
        "Which engine of growth had the highest GDP in 2007?",
        "The light was dim: the tips by day at dinner",
        "Ford's share price in 2018",
        "The average tip at lunch on each day",
        "Tips by party size for the women",
        "The highlights of 2007: GDP per capita by continent",
        "The gentleman's tip at dinner, by day",
        "The pipe of votes for each candidate",
        "The high rollers' tips by day, in colour",
    ],
)
def test_text_without_the_hairdresser_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unhairdress(text, semantic_model) == text
