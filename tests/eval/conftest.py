"""The evaluation runs against the same real sample warehouse as the chart pipeline's tests."""

from tests.worker.conftest import planner, semantic_model, warehouse, warehouse_path

__all__ = ["planner", "semantic_model", "warehouse", "warehouse_path"]
