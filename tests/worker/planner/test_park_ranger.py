"""A park ranger (worker.planner.park_ranger): the radio's "over", trail and campsite numbers, the rangers on
duty, the bears and elk counted, a locker's fee, dusk and the hours of the park, the park's year, the fire
risk's years, the hikers' homes, a silver-tipped grizzly, the south fork and the ridge set nothing; a lead-in
on patrol, a hand-over and a request passed on for the lodge are the request's start; a "that year" points
back to the patter's year; what the request asks that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.park_ranger import unranger
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Ranger station to the lodge, over. Trail 9 is shut past the falls. The average tip on each day,"
            " over.",
            "The average tip on each day.",
        ),
        (
            "Four elk grazing by the visitor centre this morning. The 3 most populous countries of Asia in"
            " 1997, over.",
            "The 3 most populous countries of Asia in 1997.",
        ),
        (
            "The campsites are 25 dollars a night, 40 of them booked. The tip percentage for parties of 4,"
            " over.",
            "The tip percentage for parties of 4.",
        ),
        (
            "High fire danger on the north ridge since 2019. Life expectancy in Asia from 1962 to 1982,"
            " over.",
            "Life expectancy in Asia from 1962 to 1982.",
        ),
        (
            "Gusts along the ridge from the east at 50. Wind frequency in each strength band for north-east"
            " winds, over.",
            "Wind frequency in each strength band for north-east winds.",
        ),
        (
            "Two hikers from Chile checked in at the trailhead. Chile's GDP per capita across the survey"
            " years, as a line, over.",
            "Chile's GDP per capita across the survey years, as a line.",
        ),
        (
            "Campsite 8 is empty. Back at the station: the silver medals of each nation, over.",
            "The silver medals of each nation.",
        ),
        (
            "A cougar was seen near trail 6. While I'm on patrol, the average sepal width of each species,"
            " over.",
            "The average sepal width of each species.",
        ),
        (
            "Radio from the east ridge: a black bear near campsite 12. Joly's votes in each district, fewest"
            " first, over.",
            "Joly's votes in each district, fewest first.",
        ),
        (
            "Ranger station, over - a camper says she holds Apple shares. Microsoft's weekly price in 2018,"
            " over.",
            "Microsoft's weekly price in 2018.",
        ),
        (
            "Trail 3 is muddy after the rain. The lodge wants the total tips for each party size, over.",
            "The total tips for each party size.",
        ),
        (
            "Only 2 rangers on duty this weekend, so no campfires. The bill per person for each sex on"
            " Fridays, over.",
            "The bill per person for each sex on Fridays.",
        ),
        (
            "Moose on the road by the north fork, drive slowly. Sepal length against sepal width for setosa"
            " only, as a scatter, over.",
            "Sepal length against sepal width for setosa only, as a scatter.",
        ),
        (
            "The park opened in 1962, the year the lake froze. Africa's population in that year, over.",
            "Africa's population in 1962.",
        ),
        (
            "The gates close at sunset and the ridge is 3 kilometres up. For each species, how many flowers"
            " have a sepal width above 3.5 cm, over?",
            "For each species, how many flowers have a sepal width above 3.5 cm?",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unranger(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Bear-proof lockers are 8 dollars a night, 30 of them. The 4 poorest countries of Africa in"
            " 1987.",
            "The 4 poorest countries of Africa in 1987.",
        ),
        (
            "A silver-tipped grizzly crossed trail 2 at noon. The bronze medals of each nation, over.",
            "The bronze medals of each nation.",
        ),
        (
            "Trail 6 closes at dusk, and the south fork is flooded. The median tip on each day, over.",
            "The median tip on each day.",
        ),
        (
            "Smoke over the south fork since dawn. For winds out of the west, the 3 strength bands that"
            " blow most often, over.",
            "For winds out of the west, the 3 strength bands that blow most often.",
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
            "Two hikers from Peru signed the trailhead log. Peru's life expectancy from 1967 to 1997, over.",
            "Peru's life expectancy from 1967 to 1997.",
        ),
        (
            "Fire risk is high since 2018. Apple's weekly share price in 2018, over.",
            "Apple's weekly share price in 2018.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Trail 5 closes at dusk. Chart the number of hikers on each trail last summer, over.",
        "A bear spotted near campsite 4. The 3 continents with the best camping, over.",
        "The campground's full. Two charts: the tip by day, and the medals by nation, over.",
        "The park opened in 1938. Japan's life expectancy in that year, over.",
        "Backcountry permits are free this week. The average or the median tip by day, whichever the head"
        " ranger prefers, over.",
        "The campground's full tonight. The wind speed in miles per hour for each direction, over.",
        "Smoke on the west ridge since noon. The wind from the west at 3 o'clock yesterday, over.",
        "Wild irises by the north fork. Petal width or sepal width by species - the ranger on the ridge"
        " can decide, over.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip over time, by day",
        "The top story: GDP per capita by continent in 2007",
        "A break in the line: Apple's share price over 2018",
        "The weather station's wind frequency by direction",
        "The first five countries by population in 2007",
        "A log scale of population by continent",
        "A fork of the tips data: tip by day",
        "The tips from a pipe-delimited file, by day",
        "Whichever suits: the medals of each nation",
        "Apple shares against Microsoft's in a bear market",
        "Price hike: Netflix's share price in 2019",
        "Ridge regression of petal length against sepal width",
        "Park the pie for now: bars of the tip by day",
        "The car park takings, I mean the total bill by day",
        "The audit trail of the votes in each district",
        "Fire off a quick chart of the tips by day",
        "The ELK stack logs: wind frequency by direction",
        "The Texas Rangers fans' tip by day",
        "Gold and silver medals of each nation, over and out",
        "Life expectancy for those 65 and over, by continent",
    ],
)
def test_text_without_the_ranger_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unranger(text, semantic_model) == text
