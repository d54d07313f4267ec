"""A polite, wordy user's courtesies, apologies and stories (worker.planner.courtesy): set aside before the
request is read, so their words are not unknown, their places not filters and their negations not
exclusions; a negation or a gloss inside the request itself is left for the reader."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.courtesy import uncourtesy
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "I was wondering whether you might possibly show me the average tip by day. Many thanks in advance.",
        "Would it at all be possible to see the average tip by day, if that's not too much trouble?",
        "If it's no bother, could I please see the average tip by day? I hope that's clear.",
        "I'd be ever so grateful if you could show me the average tip by day. Thanks so much.",
        "Sorry to be a nuisance, but could you show me the average tip by day? Sorry if that's daft.",
    ],
)
def test_courtesies_around_a_request_leave_the_request(planner: RulePlanner, question: str) -> None:
    assert planner.plan(question) == planner.plan("average tip by day")


def test_a_negation_inside_a_courtesy_or_story_is_no_exclusion(planner: RulePlanner) -> None:
    for question in (
        "My daughter won't say, but could you show me Apple's price in 2019?",
        "I'm afraid I don't understand shares at all, but could you show me Apple's price in 2019?",
        "Would it be possible to see Apple's price in 2019? My nephew bought some and never tells me.",
    ):
        plan = planner.plan(question)
        assert filters_of(plan) == [("ticker", "eq", "AAPL")]
        assert plan.use_time and plan.chart_type == "line"


def test_a_place_in_a_story_is_no_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "My cousin moved to Japan last spring. Could I see life expectancy by country in Asia in 2007?"
    )
    assert filters_of(plan) == [("continent", "eq", "Asia")]
    assert plan.dimension == "country"


def test_a_story_after_the_request_is_set_aside(planner: RulePlanner) -> None:
    plan = planner.plan(
        "I used to live in Kenya, you see. Would it be at all possible to see the population of Africa "
        "over the years? Thanks so much."
    )
    assert filters_of(plan) == [("continent", "eq", "Africa")]
    assert measures_of(plan) == [("pop", "sum")] and plan.use_time


def test_a_claim_and_its_check_are_not_filters(planner: RulePlanner) -> None:
    plan = planner.plan(
        "My sister reckons Canada got more bronze than anyone. Is she right? "
        "Could I see the bronze medals by nation?"
    )
    assert ("nation", "eq", "Canada") not in filters_of(plan)
    assert plan.dimension == "nation"


def test_an_afterthought_i_mean_is_no_average(planner: RulePlanner) -> None:
    plan = planner.plan("Could you show me the total medals by nation? The Olympic ones, I mean.")
    assert measures_of(plan) == [("medals", "sum")]


def test_a_story_told_with_a_negation_keeps_the_requests_own_negation(planner: RulePlanner) -> None:
    polite = planner.plan(
        "I'm afraid I'm no good with figures, but could I see the average bill of those who don't smoke?"
    )
    assert polite == planner.plan("the average bill of those who don't smoke")
    assert ("smoker", "eq", "No") in filters_of(polite)


def test_a_lead_that_carries_the_question_is_kept(planner: RulePlanner) -> None:
    # "I've always wondered how ..." is the question itself, told before "could you".
    plan = planner.plan(
        "I've always wondered how tips vary between lunch and dinner, could you draw it as bars?"
    )
    assert plan.dimension == "meal"


def test_a_courtesy_title_before_a_name_is_dropped(planner: RulePlanner) -> None:
    plan = planner.plan("Could I see Monsieur Coderre's votes by district, if you'd be so kind?")
    assert filters_of(plan) == [("candidate", "eq", "Coderre")]


def test_the_apology_goes_but_the_offered_word_stays(semantic_model: SemanticModel) -> None:
    said = uncourtesy(
        "Could you show me the bills by sex? Sorry, I don't know the proper word, gender I suppose.",
        semantic_model,
    )
    assert said == "Could you show me the bills by sex? gender."


@pytest.mark.parametrize(
    "question",
    [
        # The negation restricts the data: it is the request's, not a courtesy's.
        "Forgive me, I'm hopeless with computers, but could I see the bill for those who don't smoke?",
        # The request points back into the story told before it, which is then needed.
        "My grandmother was born in Portugal. Could you show me life expectancy there?",
        "My mother grew up in Ireland, so could you show me life expectancy there?",
        # "I only want Asia" restricts the chart: no story.
        "I only want Asia. Could you show me life expectancy by country?",
    ],
)
def test_what_restricts_the_data_is_kept(semantic_model: SemanticModel, question: str) -> None:
    said = uncourtesy(question, semantic_model)
    for words in ("don't smoke", "Portugal", "there", "only want Asia"):
        if words in question:
            assert words in said


@pytest.mark.parametrize(
    "question",
    [
        "I hope this isn't a cheeky question, but could you tell me how much to tip on a 40 dollar bill?",
        "Sorry to trouble you, but would it be possible to see how long people in Peru will live in 2060?",
        "If it's no bother, could you show me the bills in euros by day? I'm over from Spain, you see.",
    ],
)
def test_polite_questions_chartq_cannot_answer_stay_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "My cousin lives in Kenya, so show me its life expectancy.",
        "I once visited Kenya. Show me its life expectancy over the years.",
        "My aunt always voted for Joly. Show me her votes by district.",
    ],
)
def test_a_request_pointing_back_with_its_or_her_keeps_the_story(planner: RulePlanner, question: str) -> None:
    """With the story set aside, "its life expectancy" was the whole world's: a chart that looked right."""
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    ["First, average tip by day.", "Next, average tip by day.", "Finally, average tip by day."],
)
def test_a_messages_place_in_the_conversation_is_no_word_of_the_request(
    planner: RulePlanner, question: str
) -> None:
    """ "First," was refused as a word chartq does not know; "First: ..." dropped the chart form with it."""
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == ([("tip", "avg")], "day")
    pie = planner.plan("First, a pie of the tips by day.")
    assert pie.chart_type == "pie"
    with pytest.raises(UnchartableQuestion, match="asks for two"):
        planner.plan("First, the average tip by day, then the bill by day.")
