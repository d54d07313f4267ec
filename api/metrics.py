"""Prometheus metrics (`GET /metrics`, operator role).

Queue depth, workers, outcomes, durations and events are cluster-wide (read from Redis at scrape time,
the same in every API process: aggregate them with max(), not sum()). Stream subscribers and HTTP
request metrics belong to the process that serves the scrape.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator

from fastapi import APIRouter, Response
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.batch_views import sweep
from api.deps import OperatorUser, StateDep
from api.pubsub import PubSubMultiplexer
from shared.models import BatchStats
from shared.schedule_store import DueSchedules
from shared.stats.bins import prometheus_buckets
from shared.stats.store import OUTCOMES, QueueDepth
from shared.worker_registry import live_workers

router = APIRouter(tags=["operations"])
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class Snapshot:
    """Cluster-wide values read from Redis for one scrape."""

    def __init__(
        self,
        depth: QueueDepth,
        totals: dict[str, float],
        workers: int,
        batches: BatchStats | None = None,
        schedules: ScheduleCounts | None = None,
    ) -> None:
        self.depth, self.totals, self.workers, self.batches = depth, totals, workers, batches
        self.schedules = schedules


class ScheduleCounts:
    """Schedules due now, and their runs fired and failed (worker.runtime.scheduler counts them)."""

    def __init__(self, due: int, runs: dict[str, int]) -> None:
        self.due, self.runs = due, runs

    @classmethod
    async def read(cls, schedules: DueSchedules) -> ScheduleCounts:
        return cls(await schedules.count_due(), await schedules.run_totals())

    def metrics(self) -> Iterator[Metric]:
        yield GaugeMetricFamily(
            "chartq_schedules_due", "Chart schedules due and not yet fired", value=self.due
        )
        for outcome in ("fired", "failed"):
            yield CounterMetricFamily(
                f"chartq_schedule_runs_{outcome}",
                f"Scheduled chart refreshes {outcome}"
                + (" (runs that did not complete)" if outcome == "failed" else ""),
                value=self.runs.get(outcome, 0),
            )


class ChartqCollector(Collector):
    def __init__(self, mux: PubSubMultiplexer) -> None:
        self.mux = mux
        self.snapshot: Snapshot | None = None

    def collect(self) -> Iterator[Metric]:
        yield GaugeMetricFamily(
            "chartq_stream_subscribers",
            "Open SSE and WebSocket subscriptions (this process)",
            value=self.mux.subscribers,
        )
        yield GaugeMetricFamily(
            "chartq_pubsub_channels",
            "Redis channels subscribed for clients (this process)",
            value=self.mux.channels,
        )
        yield CounterMetricFamily(
            "chartq_stream_events_delivered",
            "Events handed to subscribers (this process)",
            value=self.mux.delivered,
        )
        if self.snapshot is None:
            return
        depth, totals = self.snapshot.depth, self.snapshot.totals
        queued = GaugeMetricFamily(
            "chartq_queue_depth", "Tasks waiting to start, by priority", labels=["priority"]
        )
        for priority, count in depth.queued.items():
            queued.add_metric([priority], count)
        yield queued
        yield GaugeMetricFamily("chartq_queue_deferred", "Tasks waiting for a retry", value=depth.deferred)
        yield GaugeMetricFamily("chartq_tasks_processing", "Tasks running now", value=depth.processing)
        yield GaugeMetricFamily(
            "chartq_workers_alive", "Worker processes heartbeating", value=self.snapshot.workers
        )
        yield GaugeMetricFamily(
            "chartq_queue_oldest_age_seconds",
            "Age of the oldest waiting task",
            value=depth.oldest_queued_age_s or 0.0,
        )
        outcomes = CounterMetricFamily("chartq_tasks", "Tasks that ended, by outcome", labels=["outcome"])
        for outcome in OUTCOMES:
            outcomes.add_metric([outcome], totals.get(outcome, 0.0))
        yield outcomes
        yield CounterMetricFamily(
            "chartq_events_published", "status_update events published", value=totals.get("events", 0.0)
        )
        yield from _duration_histograms(totals)
        if self.snapshot.batches is not None:
            yield from _batch_metrics(self.snapshot.batches)
        if self.snapshot.schedules is not None:
            yield from self.snapshot.schedules.metrics()


def _batch_metrics(stats: BatchStats) -> Iterator[Metric]:
    yield CounterMetricFamily("chartq_batches_created", "Batches of chart tasks created", value=stats.created)
    yield CounterMetricFamily("chartq_batch_tasks", "Tasks asked for in batches", value=stats.tasks)
    yield GaugeMetricFamily(
        "chartq_batches_active", "Batches with a task still PENDING or PROCESSING", value=stats.active
    )
    finished = CounterMetricFamily(
        "chartq_batches_finished", "Batches that ended, by status", labels=["status"]
    )
    for status in ("COMPLETED", "PARTIAL", "FAILED", "CANCELLED"):
        finished.add_metric([status], getattr(stats, status.lower()))
    yield finished


def _duration_histograms(totals: dict[str, float]) -> Iterator[Metric]:
    bins: dict[str, dict[int, int]] = defaultdict(dict)
    for name, value in totals.items():
        if name.startswith("h:"):
            _, series, index = name.split(":")
            bins[series][int(index)] = int(value)
    histogram = HistogramMetricFamily(
        "chartq_task_duration_seconds",
        "Step, queue-wait and end-to-end durations of completed tasks",
        labels=["step"],
    )
    for series, counts in sorted(bins.items()):
        buckets = [
            (("+Inf" if le == float("inf") else f"{le:.6g}"), n) for le, n in prometheus_buckets(counts)
        ]
        histogram.add_metric([series], buckets, sum_value=totals.get(f"sum:{series}", 0.0))
    yield histogram


class HttpMetrics:
    """Request counts and latency per route template (not per URL, to keep label sets small)."""

    def __init__(self, app: ASGIApp, registry: CollectorRegistry) -> None:
        self.app = app
        self.requests = Counter(
            "chartq_http_requests", "HTTP requests", ["method", "route", "status"], registry=registry
        )
        self.latency = Histogram(
            "chartq_http_request_duration_seconds",
            "Time to the response headers",
            ["method", "route"],
            registry=registry,
        )
        # The labelled children, looked up once each: `labels()` validates and locks on every call, a
        # few percent of a POST's CPU. Label sets are few (route templates), so the dict stays small.
        self._series: dict[tuple[str, str, int], tuple[Histogram, Counter]] = {}

    def series(self, method: str, route: str, status: int) -> tuple[Histogram, Counter]:
        key = (method, route, status)
        found = self._series.get(key)
        if found is None:
            found = self.latency.labels(method, route), self.requests.labels(method, route, str(status))
            self._series[key] = found
        return found

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def observe(message: Message) -> None:
            if message["type"] == "http.response.start":
                latency, requests = self.series(scope["method"], route_label(scope), message["status"])
                latency.observe(time.perf_counter() - started)
                requests.inc()
            await send(message)

        await self.app(scope, receive, observe)


def route_label(scope: Scope) -> str:
    """The route's path template; a mounted app (the pages' static files, the docs' assets) sets no
    route, so its mount point stands for it: one series per mount, not an "unmatched" that hid them."""
    route = scope.get("route")
    if route is not None:
        return str(route.path)
    mounted = str(scope.get("root_path", ""))
    return f"{mounted}/{{path}}" if mounted else "unmatched"


@router.get(
    "/metrics",
    response_class=Response,
    responses={
        200: {"content": {CONTENT_TYPE: {}}},
        401: {"description": "No or invalid token"},
        403: {"description": "The operator role is required"},
    },
)
async def metrics(_: OperatorUser, state: StateDep) -> Response:
    collector: ChartqCollector = state.metrics_collector
    depth = await state.stats.depth()
    totals = await state.stats.totals()
    workers = len(await live_workers(state.redis, state.settings.queue_name))
    schedules = await ScheduleCounts.read(DueSchedules(state.redis, state.settings.queue_name))
    collector.snapshot = Snapshot(depth, totals, workers, await sweep(state), schedules)
    return Response(generate_latest(state.metrics), media_type=CONTENT_TYPE)
