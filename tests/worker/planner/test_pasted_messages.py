"""A request pasted with e-mail debris (worker.planner.pasted_messages): headers, quoted and forwarded
messages, greetings, sign-offs, signatures, disclaimers, links and invisible characters add nothing; a
reply building on the message under it is one request with it; a message without debris reads as typed."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.pasted_messages import unpaste
from worker.planner.rules import RulePlanner


def test_a_reply_over_an_outlook_original_changes_its_chart(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Make it a pie.\n\n-----Original Message-----\nFrom: Pat Roy\nSent: Wednesday, December 4, 2019 "
        "11:20 AM\nSubject: votes\n\nTotal votes per candidate in the majority districts please."
    )
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("election", "candidate", "pie")
    assert filters_of(plan) == [("result", "eq", "majority")]


@pytest.mark.parametrize(
    ("message", "chart"),
    [
        # Gmail's attribution above ">" lines.
        (
            "Yes please - as a pie.\n\n> On Mon, 2 Dec, Jo wrote:\n> Can we get the total population by "
            "continent for 2007?",
            "pie",
        ),
        # French and German clients' attributions.
        (
            "Same, but as a pie please.\n\nLe lun. 2 déc. 2019 à 09:14, Jo <jo@example.com> a écrit :\n"
            "> Total population by continent for 2007?",
            "pie",
        ),
        (
            "As a pie, please.\n\nAm 2. Dez. 2019 um 09:14 schrieb Jo <jo@example.de>:\n"
            "> Total population by "
            "continent for 2007?",
            "pie",
        ),
    ],
)
def test_a_reply_building_on_a_quote_is_one_request(planner: RulePlanner, message: str, chart: str) -> None:
    plan = planner.plan(message)
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("gapminder", "continent", chart)
    assert plan.time_range is not None and plan.time_range.start == "2007"


def test_a_reply_asking_on_its_own_leaves_the_quote_as_context(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Life expectancy by continent in \uff12\uff10\uff10\uff17, highest first?\n\n"
        "> On Mon, 2 Dec, Ana wrote:\n> do we have anything on how long people live?"
    )
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("life_exp", "avg")], "continent", "bar")


def test_a_reply_correcting_its_quote_replaces_only_what_it_corrects(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Scratch my note below - not Europe, Asia.\n\n> On Tue, 3 Dec, Priya wrote:\n"
        "> The 5 most populous countries in Europe in 2002?"
    )
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("country", 5, [("continent", "eq", "Asia")])


def test_a_measure_put_next_to_the_quoted_one_shares_its_chart(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Sure - and put sepal length next to it, in the same chart.\n\n> On 2 Dec 2019, at 10:02, Lee "
        "<lee@example.org> wrote:\n>\n> Average petal length per iris species?"
    )
    assert measures_of(plan) == [("petal_length", "avg"), ("sepal_length", "avg")]
    assert (plan.dimension, plan.chart_type) == ("species", "bar")


@pytest.mark.parametrize(
    "message",
    [
        # Gmail's forwarded message, greeting and sign-off.
        "---------- Forwarded message ---------\nFrom: Jo Park <jo.park@example.com>\nDate: Mon, 2 Dec 2019 "
        "at 09:14\nSubject: tips chart\nTo: Sam Lee <sam.lee@example.com>\n\nHi Sam,\nCould you do the "
        "average tip by day, dinner only?\nThanks,\nJo",
        # Apple Mail's, under a subject line, with a disclaimer.
        "Fwd: tips\n\nBegin forwarded message:\n\nFrom: Dana Cho <dana@example.com>\nDate: 5 December 2019 "
        "at 08:31:07 GMT\nSubject: tips\n\nThe average tip by day, dinner only, please.\n\nThe information "
        "contained in this message is privileged and confidential.",
        # Outlook's header block, with a signature under "-- " and a phone number.
        "From: Sam Lee\nSent: Tuesday, December 3, 2019 4:02 PM\nTo: Charts Team\nSubject: tips\n\n"
        "Average tip by day, dinner only.\n\n-- \nMia Chen\nSenior Analyst | Finance\n"
        "Mobile: +44 7700 900123",
        # Rich-text debris: a non-breaking space, a soft hyphen, an image placeholder, a phone line.
        "RE: tips\n\nAverage\u00a0tip by day, din\u00adner only.\n\n[image: logo.png]\n"
        "Front desk | Tel. 555 0142",
    ],
)
def test_mail_machinery_adds_nothing(planner: RulePlanner, message: str) -> None:
    plan = planner.plan(message)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (
        [("tip", "avg")],
        "day",
        [("meal", "eq", "Dinner")],
    )
    assert plan.time_range is None


@pytest.mark.parametrize(
    "message",
    [
        "Wind frequency by direction for the 6+ band, please. The old version lives at "
        "https://dash.example.com/d/wind-rose?orgId=1 - ignore it.\n\nBest,\nTom (ext. 4411)",
        "[image: wind_v1.png]\nThe chart above has the wrong band. "
        "Wind frequency by direction for the 6+ band.",
    ],
)
def test_sentences_about_a_link_or_a_pasted_picture_add_nothing(planner: RulePlanner, message: str) -> None:
    plan = planner.plan(message)
    assert (plan.dimension, filters_of(plan)) == ("direction", [("strength", "eq", "6+")])


@pytest.mark.parametrize(
    ("message", "words"),
    [
        # Two charts asked, in the reply and in the quote.
        (
            "Also the medals by nation, please.\n\n> On Mon, 2 Dec 2019 at 09:14, Jo Park <jo@example.com> "
            "wrote:\n> Could you chart the average tip by day?",
            "medals",
        ),
        # The request is only in a picture.
        ("Hi, can you make one like this?\n\n[image: chart.png]\n\nThanks!", "life expectancy"),
        # Neither of two proposed years is chosen.
        (
            "> Ana wrote: life expectancy by continent for 1997\n> Tom wrote: I'd rather see 2002\n\n"
            "Either is fine by me - you pick.\n--\nSent from my iPhone",
            "pick",
        ),
    ],
)
def test_a_message_with_no_single_request_is_refused(planner: RulePlanner, message: str, words: str) -> None:
    with pytest.raises(UnchartableQuestion, match=words):
        planner.plan(message)


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "> what's the average bill on each day?\n\nThis ^ but only for smokers",
        "Petal length, then width:\none dot for every iris,\ncoloured by species",
        "Same as the panel at https://dash.example.com/d/x7Yz/tips?viewPanel=4 but for lunch only. Thx",
    ],
)
def test_a_message_without_mail_debris_is_unchanged(text: str) -> None:
    assert unpaste(text) == ("", text)


def test_a_period_asked_as_from_and_to_is_no_header(planner: RulePlanner) -> None:
    plan = planner.plan("Apple share price\nFrom: 2019-01-01\nTo: 2019-06-30\nThanks!")
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("2019-01-01", "2019-06-30")


def test_a_request_opening_with_hey_is_no_greeting(planner: RulePlanner) -> None:
    plan = planner.plan("hey avg tip by day\n\nThanks,\nJo")
    assert (measures_of(plan), plan.dimension) == ([("tip", "avg")], "day")
