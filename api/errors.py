"""Every error leaves the API as JSON {"detail", "code"} with the right status, never a bare 500."""

from __future__ import annotations

from typing import Any

import structlog
from fastapi import FastAPI, Request, WebSocket
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from redis.exceptions import RedisError
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import HTTPConnection
from starlette.routing import Match
from starlette.websockets import WebSocketState

from shared.models import ID_PATTERN, NO_NUL, TEXT, ErrorDTO
from shared.redis import RedisFault, redis_fault

log = structlog.get_logger("chartq.api")

RETRY_AFTER_SECONDS = 5
_STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    503: "unavailable",
}


class ApiError(Exception):
    def __init__(
        self, status_code: int, code: str, detail: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(detail)
        self.status_code, self.code, self.detail, self.headers = status_code, code, detail, headers


def not_found(what: str) -> ApiError:
    # The same answer whether the thing does not exist or belongs to someone else.
    return ApiError(404, "not_found", f"{what} not found")


def error_response(
    status_code: int, code: str, detail: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"detail": detail, "code": code}, status_code=status_code, headers=headers)


_PATTERN_MESSAGES = {
    NO_NUL: "must not contain NUL characters",
    TEXT: "must not be blank or contain NUL characters",
    ID_PATTERN: "is not an id",
}


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        kind = error.get("type", "")
        if kind == "json_invalid":
            parts.append("The request body is not valid JSON")
            continue
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
        if not where and kind in ("model_attributes_type", "dict_type", "missing"):
            parts.append("Send a JSON object with Content-Type: application/json")
            continue
        message = error.get("msg", "invalid")
        if kind == "string_pattern_mismatch":
            message = _PATTERN_MESSAGES.get(str((error.get("ctx") or {}).get("pattern")), message)
        parts.append(f"{where or 'body'}: {message}")
    return "; ".join(dict.fromkeys(parts)) or "invalid request"


_ERROR_REF = {"$ref": "#/components/schemas/ErrorDTO"}
# Errors any operation of a kind can answer, whatever its route declares: the handlers below and the
# middleware produce them. Route-specific ones (404, 409, 429, 403) are declared by the routes.
_AUTH_ERRORS = {
    401: "No, expired or invalid bearer token",
    503: "Redis or the database is unavailable; retry after Retry-After seconds",
}
_BODY_ERRORS = {
    400: "The body could not be read (not UTF-8, for instance)",
    413: "The request body is larger than CHARTQ_MAX_BODY_BYTES",
    422: "The request is invalid; detail says which field and why",
}


def is_data_error(exc: DBAPIError) -> bool:
    """SQLSTATE class 22 ("data exception": a NUL in text, a value out of range) on PostgreSQL."""
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return isinstance(code, str) and code.startswith("22")


_METHODS = ("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT")


def allowed_methods(request: Request) -> str:
    """Every method some route accepts on the request's path, for the Allow header of a 405.

    Starlette names only the methods of the first route that matches the path, but GET and DELETE
    /api/v1/sessions/{id} are two routes, so its 405 said `Allow: GET` and hid DELETE. Each route is
    asked through the public `matches` (FastAPI nests included routers), once per method.
    """
    routes = request.app.router.routes
    allowed = [
        method
        for method in _METHODS
        if any(
            route.matches({**request.scope, "type": "http", "method": method})[0] == Match.FULL
            for route in routes
        )
    ]
    return ", ".join(allowed)


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Make the OpenAPI document say what the handlers send: every error body is an ErrorDTO.

    FastAPI documents 422 as its HTTPValidationError (`detail` a list), but `_invalid` below answers
    {"detail": "...", "code": "validation_error"}; operations behind the bearer scheme can answer 401
    and, since they read Redis or the database, 503; operations with a body can answer 413 (from
    BodySizeLimit) and 422. Idempotent.
    """
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("ErrorDTO", ErrorDTO.model_json_schema(ref_template="#/components/schemas/{model}"))
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses: dict[str, Any] = operation.setdefault("responses", {})
            wanted: dict[int, str] = {}
            if operation.get("security"):
                wanted |= _AUTH_ERRORS
            if "requestBody" in operation:
                wanted |= _BODY_ERRORS
            for code, description in wanted.items():
                responses.setdefault(str(code), {"description": description})
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    response["content"] = {"application/json": {"schema": dict(_ERROR_REF)}}
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    return schema


def unavailable(code: str, what: str, why: str = "is unavailable") -> JSONResponse:
    """503 with Retry-After: something chartq depends on is down, and the request may be sent again."""
    return error_response(
        503, code, f"{what} {why}; try again shortly.", {"Retry-After": str(RETRY_AFTER_SECONDS)}
    )


# Redis up or not, it cannot serve for now (redis_fault): the code and what the client is told.
REDIS_FAULTS: dict[RedisFault, tuple[str, str]] = {
    "unavailable": ("redis_unavailable", "is unavailable"),
    "read_only": ("redis_read_only", "is read-only for now (Redis is a replica, as during a failover)"),
    "out_of_memory": ("redis_out_of_memory", "is full for now (Redis is out of memory)"),
}
# RFC 6455 1013 "Try Again Later", for a socket that was already accepted when Redis failed.
WS_TRY_AGAIN_LATER = 1013


async def _refuse_socket(websocket: WebSocket, response: JSONResponse, reason: str) -> None:
    """A WebSocket handshake is answered with the same 503 as HTTP (the denial-response extension);
    an accepted socket, or a server without that extension, is closed with 1013 "try again later"."""
    if websocket.application_state == WebSocketState.CONNECTING:
        try:
            await websocket.send_denial_response(response)
            return
        except RuntimeError:
            pass
    if websocket.application_state != WebSocketState.DISCONNECTED:
        await websocket.close(code=WS_TRY_AGAIN_LATER, reason=reason[:120])


def install_error_handlers(app: FastAPI) -> None:
    generate_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        # FastAPI caches the document (regenerating it when routes change); patching is idempotent.
        return document_errors(generate_openapi())

    app.openapi = openapi  # type: ignore[method-assign]

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status_code, exc.code, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "validation_error", _validation_detail(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "error")
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405 and (allowed := allowed_methods(request)):
            headers["Allow"] = allowed
        return error_response(exc.status_code, code, str(exc.detail), headers or None)

    # Every RedisError, for Redis fails in more ways than a lost connection: a failover leaves it a
    # read-only replica, a full memory refuses writes, a load or a long script answers LOADING or BUSY.
    # HTTP routes and WebSockets alike (Starlette hands this handler either).
    @app.exception_handler(RedisError)
    async def _redis_fault(conn: HTTPConnection, exc: RedisError) -> JSONResponse | None:
        fault = redis_fault(exc)
        if fault is None:
            raise exc  # a bug, not an outage: the 500 of _unexpected, logged with its traceback
        code, why = REDIS_FAULTS[fault]
        log.warning("redis cannot serve", code=code, error=str(exc))
        response = unavailable(code, "The task queue", why)
        if isinstance(conn, WebSocket):
            await _refuse_socket(conn, response, f"{code}: try again shortly")
            return None
        return response

    @app.exception_handler(DBAPIError)
    async def _database_error(_: Request, exc: DBAPIError) -> JSONResponse:
        if is_data_error(exc):
            # The database refused a value of the request (SQLSTATE class 22): bad input, not an outage,
            # so no 503 + Retry-After that would make clients send it again and again.
            log.info("database refused a value", error=str(exc.orig))
            return error_response(422, "validation_error", "The request holds a value that cannot be stored")
        log.warning("database error", error=str(exc.orig))
        return unavailable("database_unavailable", "The database")

    # asyncpg's connection failures reach us unwrapped by SQLAlchemy (redis-py wraps its own, which the
    # Redis handler above answers first), so a refused or dropped connection here is the database.
    @app.exception_handler(ConnectionError)
    @app.exception_handler(TimeoutError)
    async def _database_unreachable(_: Request, exc: Exception) -> JSONResponse:
        log.warning("database unreachable", error=repr(exc))
        return unavailable("database_unavailable", "The database")

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return error_response(500, "internal_error", "Internal error")
