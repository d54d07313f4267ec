"""What one API process holds for its lifetime: settings, Redis, the database and the task store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from arq.connections import ArqRedis
from prometheus_client import CollectorRegistry
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from api.pending_estimates import PendingEstimates
from api.pubsub import PubSubMultiplexer
from shared.db.engine import create_engine, session_factory
from shared.db.lookups import Lookups
from shared.redis import create_pubsub_redis, create_redis
from shared.settings import Settings
from shared.stats.store import StatsStore
from shared.task_store import TaskStore


@dataclass
class AppState:
    settings: Settings
    redis: ArqRedis
    engine: AsyncEngine
    sessions: async_sessionmaker[Any]
    # The create endpoint's message lookup, on the event loop with SQLite (shared.db.lookups).
    lookups: Lookups
    store: TaskStore
    mux: PubSubMultiplexer
    stats: StatsStore
    jwt_secret: str
    metrics: CollectorRegistry = field(default_factory=CollectorRegistry)
    metrics_collector: Any = None
    pending_estimates: PendingEstimates = field(init=False)

    def __post_init__(self) -> None:
        self.pending_estimates = PendingEstimates(self.store)

    @classmethod
    def open(cls, settings: Settings) -> AppState:
        redis = create_redis(settings.redis_url)
        engine = create_engine(settings.database_url)
        # Its own client, with no read timeout: a pub/sub connection is idle most of the time.
        pubsub_redis = create_pubsub_redis(settings.redis_url)
        return cls(
            settings=settings,
            redis=redis,
            engine=engine,
            sessions=session_factory(engine),
            lookups=Lookups(engine),
            store=TaskStore(redis, settings),
            stats=StatsStore(redis, settings.queue_name),
            mux=PubSubMultiplexer(pubsub_redis, buffer_size=settings.subscriber_buffer),
            jwt_secret=settings.signing_secret(),
        )

    async def start(self) -> None:
        await self.mux.start()

    async def close(self) -> None:
        await self.mux.close()
        await self.redis.aclose()
        self.lookups.close()
        await self.engine.dispose()
