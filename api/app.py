"""The FastAPI application: routers, error handling, and per-process state opened in the lifespan."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from prometheus_client import CollectorRegistry

from api.errors import install_error_handlers
from api.metrics import ChartqCollector, HttpMetrics
from api.metrics import router as metrics_router
from api.middleware import AssetFiles, BodySizeLimit, SecurityHeaders
from api.routers import batches, chart_tasks, charts, docs, health, pages, queue, schedules, sessions, streams
from api.state import AppState
from api.stream_relay import StreamHandoff
from shared import tracing
from shared.collector import collect_periodically, settle_after_start
from shared.logs import configure_logging
from shared.redis_persistence import warn_if_volatile
from shared.settings import Settings, get_settings


def create_app(settings: Settings | None = None, *, freeze_after_start: bool = False) -> FastAPI:
    """The app; `freeze_after_start` (a server process, not a test embedding the app) settles the garbage
    collector once started (shared.collector): what start-up built is frozen, and collections are rarer,
    since each full one walked every open stream while the fan-out waited."""
    settings = settings or get_settings()
    registry = CollectorRegistry()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = AppState.open(settings)
        state.metrics = registry
        state.metrics_collector = ChartqCollector(state.mux)
        registry.register(state.metrics_collector)
        app.state.chartq = state
        await state.start()
        await warn_if_volatile(state.redis)
        collecting = None
        if freeze_after_start:
            settle_after_start()
            collecting = asyncio.create_task(collect_periodically(), name="chartq-collector")
        try:
            yield
        finally:
            if collecting is not None:
                collecting.cancel()
            registry.unregister(state.metrics_collector)
            await state.close()
            tracing.flush()

    app = FastAPI(
        title="chartq",
        version="0.1.0",
        description="Asynchronous chart generation: a chat message becomes a Plotly chart.",
        lifespan=lifespan,
        # /docs and /redoc are served by api.routers.docs, from assets of an installed package (no CDN).
        docs_url=None,
        redoc_url=None,
    )
    install_error_handlers(app)
    for router in (
        health.router,
        pages.router,
        docs.router,
        sessions.router,
        chart_tasks.router,
        batches.router,
        streams.router,
        charts.router,
        schedules.router,
        queue.router,
        metrics_router,
    ):
        app.include_router(router)
    app.mount(docs.ASSETS_URL, StaticFiles(directory=docs.docs_assets_dir()), name="docs-assets")
    # Scripts and styles only: each page is served at its one path (/ and /dashboard), never as a file.
    app.mount("/static", AssetFiles(directory=pages.STATIC_DIR), name="static")
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=False,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HttpMetrics, registry=registry)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    # Outermost of chartq's: a stream is relayed once the call through the others has returned.
    app.add_middleware(StreamHandoff)
    trace_requests(app)
    return app


# Probes and scrapes come every few seconds and say nothing about a task (regexes, as the env var's).
UNTRACED_URLS = "/health$,/ready$,/metrics$"


def trace_requests(app: FastAPI) -> None:
    """With OTEL_EXPORTER_OTLP_ENDPOINT set, a span for each request (shared.tracing); the instrumentation
    wraps the middleware stack, so it goes in before the app starts."""
    if not tracing.configure_tracing("chartq-api"):
        return
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    chosen = any(os.environ.get(f"OTEL_PYTHON_{kind}EXCLUDED_URLS") for kind in ("FASTAPI_", ""))
    FastAPIInstrumentor.instrument_app(
        app, excluded_urls=None if chosen else UNTRACED_URLS, exclude_spans=["receive", "send"]
    )


def app_factory() -> FastAPI:
    """Entry point for `uvicorn --factory api.app:app_factory` (what `chartq api` runs)."""
    settings = get_settings()
    configure_logging(settings.log_level, json=settings.log_json)
    return create_app(settings, freeze_after_start=True)
