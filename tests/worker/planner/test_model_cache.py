"""What a reader builds from the model is built once per model (worker.planner.model_cache)."""

from __future__ import annotations

from worker.planner.model_cache import per_model
from worker.semantic import SemanticModel


def test_built_once_for_a_model_and_again_for_another(semantic_model: SemanticModel) -> None:
    calls: list[SemanticModel] = []

    @per_model
    def names(model: SemanticModel) -> list[str]:
        calls.append(model)
        return [ds.name for ds in model.datasets]

    other = semantic_model.model_copy(deep=True)
    assert names(semantic_model) is names(semantic_model)
    assert names(other) == names(semantic_model) and names(other) is not names(semantic_model)
    assert calls == [semantic_model, other]
