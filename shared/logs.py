"""structlog setup: one line per event, key=value in dev and JSON in production. Tokens never reach a log."""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

import structlog

from shared import tracing

# A JWT anywhere, and whatever follows `access_token=` or `Bearer `. uvicorn logs every WebSocket
# handshake at INFO with its query string (`?access_token=` for browsers), whatever access_log says,
# and the websockets library logs request lines and headers at DEBUG.
_SECRET = re.compile(r"eyJ[\w-]*\.[\w-]+\.[\w-]*|(?<=access_token=)[^&\s\"']+|(?<=[Bb]earer )[^\s\"',]+")
REDACTED = "[redacted]"
# The loggers whose handlers print: the root (basicConfig) and uvicorn's own (dictConfig in uvicorn.run).
_PRINTING_LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access")


def redact(text: str) -> str:
    return _SECRET.sub(REDACTED, text)


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def _redact_event(_: Any, __: str, event: structlog.types.EventDict) -> structlog.types.EventDict:
    return {key: redact(value) if isinstance(value, str) else value for key, value in event.items()}


def configure_logging(level: str = "INFO", *, json: bool = False) -> None:
    processors: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        tracing.add_trace_ids,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        _redact_event,
    ]
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[*processors, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=True,
    )
    logging.basicConfig(level=level.upper(), stream=sys.stderr, format="%(levelname)s %(name)s %(message)s")
    # arq logs every job at INFO with "delayed=" measured from the queue score, which chartq offsets by
    # priority; the chart task logs its own start and end with the real queue wait instead.
    logging.getLogger("arq.worker").setLevel(max(logging.WARNING, logging.getLevelName(level.upper())))
    redactor = RedactTokens()
    for name in _PRINTING_LOGGERS:
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, RedactTokens) for f in handler.filters):
                handler.addFilter(redactor)
