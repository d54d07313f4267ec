"""A chartq worker whose chart tasks do no chart work: `python -m bench.tracking_worker` (settings from
the CHARTQ_* environment, as `python -m worker.cli worker`).

Everything but the pipeline's work is the product's own: the worker (`worker.main.run_worker`:
ResilientWorker, wake-ups, claim script, leases, heartbeat, reaper, the fencing hook), the job function
`worker.task.run.run_chart` (job validation, running ids, span), and `ChartTask` (the task read, the
start fenced by a new attempt, one event per step, the attempt check before persisting, the end with its
SQL run record and statistics). Only `ChartTask._pipeline` is replaced: no planning, warehouse query,
figure or chart row. What the bench measures with it is chartq's own tracking cost (bench.tracking_cost).
"""

from __future__ import annotations

from shared.models import Step, TaskStatus
from shared.settings import Settings
from worker.main import run_worker
from worker.task import run as chart_run
from worker.task.state import TaskRunState


class NoopChartTask(chart_run.ChartTask):
    """The real chart task with every step's work taken out, each step still timed and announced."""

    async def _pipeline(self, state: TaskRunState) -> None:
        with self._timed(state, Step.PLANNING):
            pass
        for step in (Step.DATA_EXTRACTION, Step.SCHEMA_CREATION):
            await self._step(state, step)
            with self._timed(state, step):
                pass
        await self._pace()
        persisting = await self._enter(state, Step.PERSISTING)
        with self._timed(state, Step.PERSISTING):
            # What the real persisting step does before its SQL write: its transition said whether the
            # attempt still holds the task (else TaskGone) and whether the user asked to cancel.
            if persisting.cancel_requested:
                await self._finish(state, TaskStatus.CANCELLED)
                return
        # No chart row: COMPLETED without a chart id (the real task's _complete needs one).
        await self._finish(state, TaskStatus.COMPLETED)


def install() -> None:
    """`run_chart` builds its task from the module's `ChartTask`: make that the no-op one. Fails loudly
    if the product renamed it, rather than measuring real charts under this name."""
    if getattr(chart_run, "ChartTask", None) is not NoopChartTask.__base__:
        raise RuntimeError("worker.task.run.ChartTask is not the class NoopChartTask extends")
    chart_run.ChartTask = NoopChartTask  # type: ignore[misc]


def main() -> None:
    install()
    run_worker(Settings())


if __name__ == "__main__":
    main()
