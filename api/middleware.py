"""Pure ASGI middleware (no BaseHTTPMiddleware: it would buffer SSE streams), and the static files."""

from __future__ import annotations

from pathlib import PurePosixPath

import orjson
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Every HTML response that does not set its own policy (/docs and /redoc do) gets this one: pages load
# only what this server serves; plotly.js needs inline styles for its SVG.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
_CSP = b"content-security-policy"
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


class BodySizeLimit:
    """Answers 413 for a request body over `max_bytes`, whether or not it declares Content-Length.

    The body is read up to the limit before the app runs (bodies here are small JSON documents), so
    an oversized chunked upload is refused with 413 rather than failing halfway through parsing.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away before sending its body
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._reject(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _reject(self, send: Send) -> None:
        body = orjson.dumps(
            {"detail": f"Request body over {self.max_bytes} bytes", "code": "payload_too_large"}
        )
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                # This middleware is the outermost, so SecurityHeaders never sees its answer.
                "headers": [(b"content-type", b"application/json"), *SECURITY_HEADERS],
            }
        )
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """The same headers on every response, and PAGE_CSP on every HTML one without a policy of its own,
    whatever route, mount or error handler produced it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), *SECURITY_HEADERS]
                names = {name.lower(): value for name, value in headers}
                is_html = names.get(b"content-type", b"").lower().startswith(b"text/html")
                if is_html and _CSP not in names:
                    headers.append((_CSP, PAGE_CSP.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class AssetFiles(StaticFiles):
    """The pages' scripts and styles. HTML files are not served from here: each page has its one path
    (/ and /dashboard), rendered for the server's mode, so no copy escapes its headers or rendering."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if PurePosixPath(path).suffix.lower() in (".html", ".htm"):
            raise HTTPException(status_code=404, detail="Not Found")
        return await super().get_response(path, scope)
