"""The model's names as the rewrites read them (worker.planner.versus_names): the values a text names, the
ones named as proper names are, and values said as a list in a sentence."""

from __future__ import annotations

import pytest

from worker.planner.versus_names import capitalised_values, listed, names_of, values_named
from worker.semantic import SemanticModel


def test_values_are_named_in_order_once_without_a_possessive(semantic_model: SemanticModel) -> None:
    text = "Canada's medals next to France, and Canada again"
    assert values_named(text, names_of(semantic_model)) == ["Canada", "France"]


def test_only_values_said_with_a_capital_are_proper_names(semantic_model: SemanticModel) -> None:
    names = names_of(semantic_model)
    # "gold" is a medal value said as a word; Canada is a name.
    assert "gold" in [v.lower() for v in values_named("gold for Canada", names)]
    assert capitalised_values("gold for Canada", names) == ["Canada"]


@pytest.mark.parametrize(
    ("values", "said"),
    [
        (["Apple"], "Apple"),
        (["Apple", "Microsoft"], "Apple and Microsoft"),
        (["Apple", "Google", "Amazon"], "Apple, Google and Amazon"),
    ],
)
def test_values_listed_as_in_a_sentence(values: list[str], said: str) -> None:
    assert listed(values) == said
