"""The WebSocket protocol `chartq api` serves with: uvicorn's own (websockets' sans-I/O protocol), holding
less for each open socket. An idle subscriber costs its API process mostly what the server keeps per
connection (docs/performance.md, figure g), and uvicorn keeps, for the life of every socket, the
handshake's request and response with their headers (about 3 KiB, read only while accepting; websockets'
parser holds the request for the socket's life too, so its headers and path are emptied), an
asyncio.Queue for the client's messages and an asyncio.Event for flow control (three deques and one, at
0.7 KiB a deque, where a socket that follows a task holds at most one message at a time). Named by
import string in worker.cli.serve_api, so the command line never imports it."""

from __future__ import annotations

from typing import Any

from uvicorn._types import ASGISendEvent
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

from api.lean_asyncio import LeanEvent, LeanQueue


class LeanWebSocketProtocol(WebSocketsSansIOProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.queue = LeanQueue()  # type: ignore[assignment]
        self.writable = LeanEvent()  # type: ignore[assignment]
        self.writable.set()

    async def send(self, message: ASGISendEvent) -> None:
        await super().send(message)
        if self.handshake_complete and self.response is not None:
            # Read only until the handshake's answer is sent. websockets' parser keeps the request in a
            # local of its generator for the socket's life, so its headers are emptied, not just let go.
            if self.request is not None:
                self.request.headers.clear()
                self.request.path = ""  # with its query string, which may hold an access token
            self.request = self.response = None  # type: ignore[assignment]
