"""d. Event latency: TaskStore.transition (what the worker calls at each step) -> the event arriving at
SSE and WebSocket clients of one API process, with 1, 100 and 1,000 concurrent subscribers following
one task (the broadcast case), and with 1,000 subscribers each following its own task while
`OWN_TASK_BURST` of those tasks change at once (the usual case); vs raw Redis pub/sub (PUBLISH of a
same-size envelope -> one redis-py subscriber).

The clock starts just before the transition call and stops when the client's socket delivers the
bytes (clients and publisher share this process and `time.perf_counter()`). Every subscriber's arrival
is a sample: with 1,000 subscribers one event gives 1,000 samples, and the last of them waits for the
whole fan-out (also reported per event as "last subscriber"). Events are published one at a time, the
next after every subscriber got the last; this process's garbage collector is off while they flow.
"""

from __future__ import annotations

import asyncio
import gc
import random
import time
from collections.abc import Callable

import orjson

from bench.results import FigureResult, Row, ms, summary
from bench.sizes import Sizes
from bench.stack import Stack
from bench.wire import SseClient, StreamClient, WsClient, close_many, open_many
from bench.workload import bench_store, create_task, unique
from shared.models import TaskStatus

FIGURE = "d"
TITLE = "event latency, worker publish -> SSE / WebSocket client"
PUBLISH_GAP_S = 0.003
# The usual case: how many of the followed tasks change at the same moment.
OWN_TASK_BURST = 10


class Collector:
    """Arrival times per seq across every client; signals when all clients have an event."""

    def __init__(self, clients: int) -> None:
        self.clients = clients
        self.arrivals: dict[int, list[float]] = {}
        self.waiting: tuple[int, asyncio.Event] | None = None

    def __call__(self, seq: int, arrival: float, _payload: bytes) -> None:
        arrivals = self.arrivals.setdefault(seq, [])
        arrivals.append(arrival)
        if self.waiting is not None and self.waiting[0] == seq and len(arrivals) >= self.clients:
            self.waiting[1].set()

    async def wait_all(self, seq: int, within: float) -> None:
        if len(self.arrivals.get(seq, [])) >= self.clients:
            return
        event = asyncio.Event()
        self.waiting = (seq, event)
        try:
            await asyncio.wait_for(event.wait(), within)
        finally:
            self.waiting = None


async def gateway_latency(
    stack: Stack, api_host: str, api_port: int, kind: str, subscribers: int, publishes: int
) -> tuple[list[float], list[float]]:
    """Every subscriber's latency for every event, and per event the latency of the last subscriber
    (how long the whole fan-out took)."""
    user = unique("events")
    token = stack.token(user)
    store = bench_store(stack, unique("bench:events"))  # a queue nobody reads: the task stays PENDING
    dto = await create_task(store, user, "average tip by day")
    collector = Collector(subscribers)
    make: Callable[[], StreamClient]
    if kind == "sse":
        path = f"/api/v1/analytics/charts/stream/{dto.task_id}?access_token={token}"

        def make() -> StreamClient:
            return SseClient(api_host, api_port, path, collector)
    else:
        path = f"/api/v1/analytics/charts/ws/{dto.task_id}?access_token={token}"

        def make() -> StreamClient:
            return WsClient(api_host, api_port, path, collector)

    clients = [make() for _ in range(subscribers)]
    latencies: list[float] = []
    fanouts: list[float] = []
    try:
        await open_many(clients, api_host, api_port)
        # The clients' arrival stamps must not wait for this process's garbage collector.
        gc.collect()
        gc.disable()
        task = dto.model_copy(update={"status": TaskStatus.PROCESSING})
        seq = 1
        for i in range(publishes):
            await asyncio.sleep(PUBLISH_GAP_S)
            task = task.model_copy(update={"progress": i % 100, "message": f"step {i}"})
            seq += 1
            t0 = time.perf_counter()
            outcome = await store.transition(task, user)
            if not outcome.applied or outcome.seq != seq:
                raise RuntimeError(f"transition refused or out of order: {outcome}")
            await collector.wait_all(seq, within=10)
            arrivals = collector.arrivals.pop(seq)
            latencies += [arrival - t0 for arrival in arrivals]
            fanouts.append(max(arrivals) - t0)
    finally:
        gc.enable()
        await close_many(clients)
        await store.transition(dto.model_copy(update={"status": TaskStatus.CANCELLED}), user)
    return latencies, fanouts


async def own_task_latency(
    stack: Stack, api_host: str, api_port: int, kind: str, subscribers: int, bursts: int
) -> list[float]:
    """Each subscriber follows its own task; each round, OWN_TASK_BURST of the tasks take a step at once
    (as that many workers would) and each event's latency to its one subscriber is a sample."""
    user = unique("own-events")
    token = stack.token(user)
    store = bench_store(stack, unique("bench:own-events"))  # nobody runs them: they stay PENDING
    tasks = [await create_task(store, user, "average tip by day") for _ in range(subscribers)]
    arrived: dict[tuple[int, int], float] = {}

    def on_event(index: int) -> Callable[[int, float, bytes], None]:
        def record(seq: int, arrival: float, _payload: bytes) -> None:
            arrived[(index, seq)] = arrival

        return record

    route = "stream" if kind == "sse" else "ws"
    client_type = SseClient if kind == "sse" else WsClient
    clients: list[StreamClient] = [
        client_type(
            api_host,
            api_port,
            f"/api/v1/analytics/charts/{route}/{t.task_id}?access_token={token}",
            on_event(i),
        )
        for i, t in enumerate(tasks)
    ]
    seqs = [1] * subscribers
    current = [t.model_copy(update={"status": TaskStatus.PROCESSING}) for t in tasks]
    latencies: list[float] = []
    try:
        await open_many(clients, api_host, api_port)
        gc.collect()
        gc.disable()
        for round_ in range(bursts):
            await asyncio.sleep(PUBLISH_GAP_S)
            chosen = random.sample(range(subscribers), OWN_TASK_BURST)
            for i in chosen:
                current[i] = current[i].model_copy(
                    update={"progress": round_ % 100, "message": f"step {round_}"}
                )
                seqs[i] += 1
            t0 = time.perf_counter()
            await asyncio.gather(*(store.transition(current[i], user) for i in chosen))
            deadline = time.monotonic() + 10
            while not all((i, seqs[i]) in arrived for i in chosen):
                if time.monotonic() > deadline:
                    raise RuntimeError("an event did not reach its subscriber within 10 s")
                await asyncio.sleep(0.0005)
            latencies += [arrived.pop((i, seqs[i])) - t0 for i in chosen]
    finally:
        gc.enable()
        await close_many(clients)
        for t in current:
            await store.transition(t.model_copy(update={"status": TaskStatus.CANCELLED}), user)
    return latencies


async def raw_pubsub_latency(stack: Stack, samples: int) -> list[float]:
    """PUBLISH -> a redis-py subscriber, with an envelope the size of chartq's."""
    channel = unique("bench:raw-channel")
    pubsub = stack.r.pubsub()
    await pubsub.subscribe(channel)
    await pubsub.get_message(timeout=1.0)  # the subscribe confirmation
    padding = "x" * 900  # a status_update envelope is about 1 kB
    latencies: list[float] = []
    try:
        for seq in range(samples + 20):
            await asyncio.sleep(PUBLISH_GAP_S)
            t0 = time.perf_counter()
            await stack.r.publish(channel, orjson.dumps({"seq": seq, "data": padding}))
            message = None
            while message is None:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=5.0)
            arrival = time.perf_counter()
            if orjson.loads(message["data"])["seq"] != seq:
                raise RuntimeError("raw pub/sub delivered out of order")
            if seq >= 20:  # the first ones warm the connection
                latencies.append(arrival - t0)
    finally:
        await pubsub.aclose()  # type: ignore[no-untyped-call]
    return latencies


def event_rows(
    what: str, latency: dict[str, float], raw: dict[str, float]
) -> Callable[[float | None], list[Row]]:
    """The p50 and p99 rows of one case; the p99 row carries the target, if any."""

    def rows(target: float | None) -> list[Row]:
        made = []
        for stat in ("p50", "p99"):
            goal = target if stat == "p99" else None
            made.append(
                Row(
                    FIGURE,
                    f"event {stat}, {what}",
                    "ms",
                    latency[stat],
                    baseline_name=f"raw Redis pub/sub {stat}, 1 redis-py subscriber",
                    baseline=raw[stat],
                    target=f"<= {goal:g} ms" if goal is not None else "",
                    target_op="<=" if goal is not None else "",
                    target_value=goal,
                    note=f"{int(latency['n'])} samples",
                )
            )
        return made

    return rows


async def run(stack: Stack, sizes: Sizes) -> FigureResult:
    result = FigureResult(FIGURE, TITLE)
    raw = summary(ms(await raw_pubsub_latency(stack, sizes.raw_pubsub_samples)))
    result.details["raw_pubsub_ms"] = raw
    api = await stack.start_api("events-api", {"CHARTQ_QUEUE_NAME": unique("bench:events-api")})
    try:
        for kind in ("sse", "ws"):
            await gateway_latency(stack, api.host, api.port, kind, 5, 5)  # warm-up
            for count, publishes in zip(sizes.event_counts, sizes.event_publishes, strict=True):
                latencies, fanouts = await gateway_latency(stack, api.host, api.port, kind, count, publishes)
                latency = summary(ms(latencies))
                result.details[f"{kind}_{count}_ms"] = latency
                # How long until the last subscriber had each event: the whole fan-out.
                result.details[f"{kind}_{count}_last_subscriber_ms"] = summary(ms(fanouts))
                label = "SSE" if kind == "sse" else "WebSocket"
                # Issue 14's target for the broadcast case (1,000 subscribers on one task): p99 <= 50 ms.
                target = 50.0 if count == max(sizes.event_counts) else None
                rows = event_rows(
                    f"{label}, {count} subscriber{'s' if count > 1 else ''} on one task", latency, raw
                )
                result.rows += rows(target)
            count = sizes.own_task_subscribers
            own = summary(
                ms(await own_task_latency(stack, api.host, api.port, kind, count, sizes.own_task_rounds))
            )
            result.details[f"{kind}_{count}_own_tasks_ms"] = own
            # The usual case: p99 <= 10 ms.
            own_label = f"{label}, {count} subscribers each on its own task ({OWN_TASK_BURST} steps at once)"
            result.rows += event_rows(own_label, own, raw)(10.0)
    finally:
        stack.stop(api.process)
    return result
