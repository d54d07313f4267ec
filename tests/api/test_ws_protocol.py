"""An open WebSocket keeps nothing of its handshake: not its headers, not the access token in its query
string (websockets' parser holds the handshake request for the socket's whole life)."""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn
from websockets.asyncio.client import connect

from api.ws_protocol import LeanWebSocketProtocol
from worker.cli.embedded_redis import free_port


async def _hold(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "websocket":
        return
    await receive()
    await send({"type": "websocket.accept"})
    while (await receive())["type"] != "websocket.disconnect":
        pass


async def test_an_open_socket_keeps_no_handshake_header_or_token() -> None:
    port = free_port()
    config = uvicorn.Config(_hold, port=port, ws=LeanWebSocketProtocol, lifespan="off", log_level="error")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    for _ in range(1000):
        if server.started:
            break
        await asyncio.sleep(0.01)
    try:
        url = f"ws://127.0.0.1:{port}/stream?access_token=secret-token"
        async with connect(url, additional_headers={"X-Note": "secret-header"}):
            await asyncio.sleep(0.05)
            (protocol,) = server.server_state.connections
            assert isinstance(protocol, LeanWebSocketProtocol)
            held = protocol.conn.parser.gi_frame.f_locals["request"]  # type: ignore[attr-defined]
            assert held.path == ""
            assert list(held.headers.raw_items()) == []
            assert protocol.request is None
    finally:
        server.should_exit = True
        await serving
