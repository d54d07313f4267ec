"""What the LLM planner tells a model and how it reads the answer: exact spellings of the values a
question names, answers in the shapes real servers send, and titles that never come from the model."""

from __future__ import annotations

import json

import pytest

from worker.plan import ChartPlan
from worker.planner.llm.prompt import (
    AnswerError,
    Refusal,
    ValueFinder,
    plan_schema,
    read_answer,
    system_prompt,
)
from worker.semantic import SemanticModel

PLAN = {
    "dataset": "gapminder",
    "measures": [{"name": "gdp_per_capita", "agg": "avg"}],
    "use_time": True,
    "filters": [{"column": "country", "op": "eq", "value": "Korea, Rep."}],
    "chart_type": "line",
}


def test_the_model_learns_how_the_data_spells_what_the_question_names(
    semantic_model: SemanticModel,
) -> None:
    found = ValueFinder(semantic_model).find("GDP of South Korea vs japan on fridays")
    assert found["gapminder"]["country"] == ["Korea, Rep.", "Japan"]
    assert found["tips"]["day"] == ["Fri"]


def test_the_system_prompt_lists_every_dataset_and_samples_long_value_lists(
    semantic_model: SemanticModel,
) -> None:
    prompt = system_prompt(semantic_model)
    for ds in semantic_model.datasets:
        assert f"name: {ds.name}" in prompt
        for measure in ds.measures:
            assert f"name: {measure.name}" in prompt
    assert "value_count: 142" in prompt  # gapminder's countries: a sample, not all of them
    assert "title" not in plan_schema()["properties"]


@pytest.mark.parametrize(
    "wrap",
    [
        lambda text: text,
        lambda text: f"```json\n{text}\n```",
        lambda text: json.dumps({"plan": json.loads(text)}),
    ],
)
def test_answers_in_the_shapes_servers_send_are_read(wrap: object, semantic_model: SemanticModel) -> None:
    assert callable(wrap)
    plan = read_answer(wrap(json.dumps(PLAN)), semantic_model)
    assert isinstance(plan, ChartPlan) and plan.filters[0].value == "Korea, Rep."
    assert plan.title == "GDP per capita in Korea, Rep."


def test_a_title_in_the_answer_is_replaced_by_chartq_wording(semantic_model: SemanticModel) -> None:
    plan = read_answer(json.dumps(PLAN | {"title": "<script>alert(1)</script>"}), semantic_model)
    assert isinstance(plan, ChartPlan) and "<" not in plan.title


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        ("[1, 2]", "one JSON object"),
        (json.dumps(PLAN | {"measures": [{"name": "life_exp", "agg": "sum"}]}), "Adding up life expectancy"),
        (
            json.dumps(PLAN | {"filters": [{"column": "country", "op": "eq", "value": "Atlantis"}]}),
            "Atlantis",
        ),
        (json.dumps({"refuse": ""}), '"refuse" must be a sentence'),
    ],
)
def test_an_unusable_answer_says_what_to_fix(answer: str, error: str, semantic_model: SemanticModel) -> None:
    with pytest.raises(AnswerError, match=error):
        read_answer(answer, semantic_model)


def test_a_refusal_is_one_tidy_sentence(semantic_model: SemanticModel) -> None:
    refusal = read_answer(json.dumps({"refuse": "  no  weather\n data " + "x" * 500}), semantic_model)
    assert isinstance(refusal, Refusal)
    assert refusal.reason.startswith("no weather data x") and refusal.reason.endswith(".")
    assert len(refusal.reason) <= 301
