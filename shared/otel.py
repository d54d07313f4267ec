"""The OpenTelemetry SDK behind shared.tracing, imported only when traces are on: the tracer provider,
its OTLP/HTTP exporter, and the Redis and SQLAlchemy instrumentation."""

from __future__ import annotations

from collections.abc import Sequence

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.redis import RedisInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import Decision, Sampler, SamplingResult
from opentelemetry.trace import Link, SpanKind, TraceState
from opentelemetry.util.types import Attributes


class InTraceClients(Sampler):
    """Drops a client span (a Redis command, an SQL statement) that no request or task started: a
    worker polls Redis all the time, and each poll would otherwise be a trace of its own. Everything
    else is `inner`'s decision (OTEL_TRACES_SAMPLER, by default always within a sampled parent)."""

    def __init__(self, inner: Sampler) -> None:
        self.inner = inner

    def should_sample(
        self,
        parent_context: Context | None,
        trace_id: int,
        name: str,
        kind: SpanKind | None = None,
        attributes: Attributes = None,
        links: Sequence[Link] | None = None,
        trace_state: TraceState | None = None,
    ) -> SamplingResult:
        if kind == SpanKind.CLIENT and not trace.get_current_span(parent_context).get_span_context().is_valid:
            return SamplingResult(Decision.DROP)
        return self.inner.should_sample(parent_context, trace_id, name, kind, attributes, links, trace_state)

    def get_description(self) -> str:
        return f"InTraceClients{{{self.inner.get_description()}}}"


def start_provider(service_name: str) -> TracerProvider:
    """The process's tracer provider, set as the global one: it batches spans to the OTLP/HTTP endpoint
    (OTEL_EXPORTER_OTLP_*, OTEL_BSP_* honoured) and flushes them when the process exits."""
    resource = Resource.create()  # OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES
    if str(resource.attributes.get(SERVICE_NAME, "")).startswith("unknown_service"):
        resource = resource.merge(Resource({SERVICE_NAME: service_name}))
    provider = TracerProvider(resource=resource)
    provider.sampler = InTraceClients(provider.sampler)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    RedisInstrumentor().instrument(tracer_provider=provider)
    # Engines made from now on (shared.db.engine looks create_async_engine up when it is called). The
    # instrumentation declares SQLAlchemy < 2.1 and would do nothing on 2.1, whose events it uses are
    # the same (tests/shared/test_tracing.py checks the statements arrive).
    SQLAlchemyInstrumentor().instrument(tracer_provider=provider, skip_dep_check=True)
    return provider
