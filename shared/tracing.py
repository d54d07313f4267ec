"""OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/operations.md, "Traces").

One trace per chart task: the POST that accepted it, its wait in the queue, the worker's run and each
pipeline step, with the Redis commands and SQL statements made inside them. The API puts the trace
context (W3C traceparent) into the job (shared.job.ChartJob.trace_context); the worker continues it.

Off, nothing of OpenTelemetry is imported or started here, and each helper is a test of one global
that returns a shared no-op (bench figure h measures what the hooks of a task cost then).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.trace import Span, Tracer

# Either turns traces on; the exporter reads them (and OTEL_EXPORTER_OTLP_HEADERS, ..._TIMEOUT) itself.
ENDPOINT_VARS = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
TRACER_NAME = "chartq"
FLUSH_TIMEOUT_MS = 5000

Attributes = Mapping[str, str | bool | int | float]

OFF: AbstractContextManager[Any] = nullcontext()
_provider: TracerProvider | None = None
_tracer: Tracer | None = None


def wanted() -> bool:
    """Whether this process's environment asks for traces (OTEL_SDK_DISABLED=true still says no)."""
    if os.environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    return any(os.environ.get(name, "").strip() for name in ENDPOINT_VARS)


def enabled() -> bool:
    return _tracer is not None


def configure_tracing(service_name: str) -> bool:
    """Starts exporting spans when the environment asks for it (once per process; later calls keep the
    first service name). OTEL_SERVICE_NAME, when set, names the service instead. True when on."""
    global _provider, _tracer
    if _tracer is None and wanted():
        from shared.otel import start_provider  # the SDK is imported here, and only here

        _provider = start_provider(service_name)
        _tracer = _provider.get_tracer(TRACER_NAME)
    return _tracer is not None


def flush() -> None:
    """Sends the spans still buffered (process exit also does, through the SDK's own atexit hook)."""
    if _provider is not None:
        _provider.force_flush(FLUSH_TIMEOUT_MS)


def inject() -> dict[str, str]:
    """The current trace context as W3C headers (traceparent, tracestate), for a job; {} when off."""
    if _tracer is None:
        return {}
    from opentelemetry import propagate

    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier


def span(
    name: str,
    *,
    parent: Mapping[str, str] | None = None,
    attributes: Attributes | None = None,
    record_errors: bool = True,
) -> AbstractContextManager[Any]:
    """A span made current for the `with` block: a child of the current span, or of `parent` (what
    `inject` returned, maybe in another process). Yields the span; off, yields None."""
    if _tracer is None:
        return OFF
    return _tracer.start_as_current_span(
        name,
        context=_extract(parent),
        attributes=attributes,
        record_exception=record_errors,
        set_status_on_exception=record_errors,
    )


def record_span(
    name: str,
    *,
    start: datetime,
    end: datetime,
    parent: Mapping[str, str] | None = None,
    attributes: Attributes | None = None,
) -> None:
    """A span of something already over (a wait), from its two times; another host's clock may be
    behind this one's, so the end is never before the start."""
    if _tracer is None:
        return
    start_ns, end_ns = _ns(start), _ns(end)
    made = _tracer.start_span(name, context=_extract(parent), attributes=attributes, start_time=start_ns)
    made.end(end_time=max(start_ns, end_ns))


def add_event(name: str, attributes: Attributes) -> None:
    """An event on the current span (the request's, in the API); nothing when off."""
    if _tracer is None:
        return
    from opentelemetry import trace

    trace.get_current_span().add_event(name, attributes)


def record_error(target: Span, error: BaseException | str) -> None:
    """Marks `target` failed: an exception is recorded as an event; a string is the description."""
    from opentelemetry.trace import Status, StatusCode

    if isinstance(error, BaseException):
        target.record_exception(error)
        error = f"{type(error).__name__}: {error}"
    target.set_status(Status(StatusCode.ERROR, error))


def add_trace_ids(_: Any, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """structlog processor: a log line written inside a span names its trace and span."""
    if _tracer is None:
        return event
    from opentelemetry import trace

    context = trace.get_current_span().get_span_context()
    if context.is_valid:
        event.setdefault("trace_id", format(context.trace_id, "032x"))
        event.setdefault("span_id", format(context.span_id, "016x"))
    return event


def _extract(parent: Mapping[str, str] | None) -> Any:
    if parent is None:
        return None
    from opentelemetry import propagate

    return propagate.extract(parent)


def _ns(moment: datetime) -> int:
    return int(moment.timestamp() * 1_000_000_000)
