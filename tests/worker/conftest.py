"""Fixtures for the chart pipeline: one sample warehouse per session, built from plotly's CSVs."""

from __future__ import annotations

import csv
import gzip
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel, load_semantic_model
from worker.warehouse.model_facts import with_warehouse_facts
from worker.warehouse.sample import build_sample_warehouse, sample_datasets_dir, warehouse_engine

CsvRows = list[dict[str, str]]


@pytest.fixture(scope="session")
def warehouse_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("warehouse") / "sample.db"
    assert build_sample_warehouse(path)
    return path


@pytest.fixture(scope="session")
async def warehouse(warehouse_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = warehouse_engine(f"sqlite:///{warehouse_path}")
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
async def semantic_model(warehouse: AsyncEngine) -> SemanticModel:
    return await with_warehouse_facts(load_semantic_model(), warehouse)


@pytest.fixture(scope="session")
def planner(semantic_model: SemanticModel) -> RulePlanner:
    return RulePlanner(semantic_model)


@pytest.fixture(scope="session")
def read_csv() -> Callable[[str], CsvRows]:
    """The raw rows of one of plotly's sample CSVs, the ground truth every result is checked against."""
    cache: dict[str, CsvRows] = {}

    def read(name: str) -> CsvRows:
        if name not in cache:
            with gzip.open(sample_datasets_dir() / f"{name}.csv.gz", "rt", newline="") as fh:
                cache[name] = list(csv.DictReader(fh))
        return cache[name]

    return read
