"""`make eval`: build the sample warehouse in a temporary folder, plan every question, print the scores.

Every set (scoring.SETS: questions.yaml and the blind holdouts) is scored and printed in its own section
with its silent errors (charts that answer a different question). The run fails when the main set misses
its target or answers a must-refuse question, or when any set falls below its floor in floors.yaml (fewer
exact plans or refusals, more silent errors).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from tests.eval.scoring import SETS, evaluate, load_floors, load_questions, report, score
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel, load_semantic_model
from worker.warehouse.model_facts import with_warehouse_facts
from worker.warehouse.sample import build_sample_warehouse, warehouse_engine


async def sample_model(folder: Path) -> SemanticModel:
    path = folder / "warehouse.db"
    build_sample_warehouse(path)
    engine = warehouse_engine(f"sqlite:///{path}")
    try:
        return await with_warehouse_facts(load_semantic_model(), engine)
    finally:
        await engine.dispose()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="chartq-eval-") as folder:
        model = asyncio.run(sample_model(Path(folder)))
    planner = RulePlanner(model)
    floors = load_floors()
    failures = []
    for at, each in enumerate(SETS):
        outcomes = evaluate(planner, load_questions(each.path))
        text, passed = report(outcomes, target=at == 0)
        print(f"## {each.heading} ({each.path.name})\n\n{text}\n")
        if at == 0 and not passed:
            failures.append(f"{each.key}: below the target, or a must-refuse question answered")
        failures += [f"{each.key}: {f}" for f in score(outcomes).floor_failures(floors.get(each.key, {}))]
    for failure in failures:
        print(f"FAILED {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
