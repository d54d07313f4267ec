"""What a reader builds from the semantic model (its patterns, its lexicon), built once per model.

A model is a pydantic object and not hashable, so `functools.cache` cannot key on it; the model is kept
beside what was built from it, so an id that Python reuses for a later model is never taken for it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from worker.semantic import SemanticModel

__all__ = ["per_model"]

_T = TypeVar("_T")
# A planner holds one model; tests build a few. More than this and the oldest are simply rebuilt.
_KEPT = 8


def per_model(build: Callable[[SemanticModel], _T]) -> Callable[[SemanticModel], _T]:
    """`build`, run once for each model it is given."""
    kept: dict[int, tuple[SemanticModel, _T]] = {}

    @functools.wraps(build)
    def built(model: SemanticModel) -> _T:
        hit = kept.get(id(model))
        if hit is None or hit[0] is not model:
            if len(kept) >= _KEPT:
                kept.clear()
            hit = kept[id(model)] = (model, build(model))
        return hit[1]

    return built
