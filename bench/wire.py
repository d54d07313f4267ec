"""Minimal HTTP/1.1, SSE and WebSocket clients on asyncio transports.

The clients share the 2 cores with the processes being measured, so they do as little as possible:
no header models, no JSON unless asked, and an arrival time taken as soon as bytes arrive
(`time.perf_counter()` in `data_received`). They speak just enough of each protocol for uvicorn.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import re
import struct
import time
from collections.abc import Callable
from typing import cast

OnSeq = Callable[[int, float, bytes], None]

_SSE_FRAME = re.compile(rb"\nid: (\d+)\ndata: ([^\n]*)\n")
_WS_SEQ = re.compile(rb'"seq":(\d+)')


class HttpConnection:
    """One keep-alive HTTP/1.1 connection; answers (status, body)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def connect(self) -> HttpConnection:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        return self

    async def request(
        self, method: str, path: str, *, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        assert self._reader is not None and self._writer is not None, "connect() first"
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        if body is not None:
            lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        self._writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b""))
        status_line = await self._reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection")
        status = int(status_line.split(b" ", 2)[1])
        length, chunked = 0, False
        while (line := await self._reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
        if not chunked:
            return status, await self._reader.readexactly(length)
        parts = []
        while (size := int((await self._reader.readline()).split(b";")[0], 16)) > 0:
            parts.append(await self._reader.readexactly(size + 2))
        await self._reader.readline()
        return status, b"".join(part[:-2] for part in parts)

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(OSError):
                await self._writer.wait_closed()


class StreamClient(asyncio.Protocol):
    """Base of the SSE and WebSocket clients: calls `on_event(seq, arrival, payload)` per event."""

    def __init__(self, on_event: OnSeq) -> None:
        self.on_event = on_event
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.upgraded = False
        self.status = 0
        self.first: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.lost: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def request(self) -> bytes:
        raise NotImplementedError

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports implement asyncio.Transport without subclassing it.
        self.transport = cast(asyncio.Transport, transport)
        self.transport.write(self.request())

    def data_received(self, data: bytes) -> None:
        arrival = time.perf_counter()
        self.buffer += data
        if not self.upgraded:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            self.status = int(bytes(self.buffer[: self.buffer.find(b"\r\n")]).split(b" ", 2)[1])
            if self.status not in (200, 101):
                self._fail(f"HTTP {self.status}: {bytes(self.buffer[:300])!r}")
                return
            self.upgraded = True
            del self.buffer[: end + 2]  # keep the "\r\n" so the first SSE frame starts with "\n"
        self.consume(arrival)

    def consume(self, arrival: float) -> None:
        raise NotImplementedError

    def emit(self, seq: int, arrival: float, payload: bytes) -> None:
        self.on_event(seq, arrival, payload)
        if not self.first.done():
            self.first.set_result(None)

    def _fail(self, reason: str) -> None:
        if not self.first.done():
            self.first.set_exception(ConnectionError(reason))
        if self.transport is not None:
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.first.done():
            self.first.set_exception(ConnectionError(f"closed before the first event ({exc!r})"))
        if not self.lost.done():
            self.lost.set_result(None)

    def close(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.close()


class SseClient(StreamClient):
    """GET an SSE stream; each `id: N` + `data:` frame is an event (chunked framing is skipped over)."""

    def __init__(self, host: str, port: int, path: str, on_event: OnSeq) -> None:
        super().__init__(on_event)
        self.host, self.port, self.path = host, port, path

    def request(self) -> bytes:
        return (
            f"GET {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: text/event-stream\r\n\r\n"
        ).encode()

    def consume(self, arrival: float) -> None:
        end = 0
        for match in _SSE_FRAME.finditer(self.buffer):
            self.emit(int(match[1]), arrival, bytes(match[2]))
            end = match.end() - 1  # keep the last "\n": the next frame's id line starts after it
        if end:
            del self.buffer[:end]
        elif len(self.buffer) > 1 << 20:
            del self.buffer[: -(1 << 16)]


class WsClient(StreamClient):
    """A WebSocket client: handshake, unmasked server frames, pong for ping, close for close."""

    def __init__(self, host: str, port: int, path: str, on_event: OnSeq) -> None:
        super().__init__(on_event)
        self.host, self.port, self.path = host, port, path

    def request(self) -> bytes:
        key = base64.b64encode(os.urandom(16)).decode()
        return (
            f"GET {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()

    def consume(self, arrival: float) -> None:
        if self.buffer[:2] == b"\r\n":
            del self.buffer[:2]
        while len(self.buffer) >= 2:
            opcode, second = self.buffer[0] & 0x0F, self.buffer[1]
            length, offset = second & 0x7F, 2
            if length == 126:
                if len(self.buffer) < 4:
                    return
                length, offset = struct.unpack_from(">H", self.buffer, 2)[0], 4
            elif length == 127:
                if len(self.buffer) < 10:
                    return
                length, offset = struct.unpack_from(">Q", self.buffer, 2)[0], 10
            if second & 0x80:
                offset += 4  # servers do not mask, but tolerate it
            if len(self.buffer) < offset + length:
                return
            payload = bytes(self.buffer[offset : offset + length])
            del self.buffer[: offset + length]
            if opcode == 0x1:
                match = _WS_SEQ.search(payload)
                if match:
                    self.emit(int(match[1]), arrival, payload)
            elif opcode == 0x9:
                self.send(0xA, payload)
            elif opcode == 0x8:
                self.send(0x8, payload[:2])
                self.close()

    def send(self, opcode: int, payload: bytes) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        mask = os.urandom(4)
        header = bytes([0x80 | opcode])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        else:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.transport.write(header + mask + masked)

    def close(self) -> None:
        self.send(0x8, struct.pack(">H", 1000))
        super().close()


async def open_stream(client: StreamClient, host: str, port: int) -> StreamClient:
    await asyncio.get_running_loop().create_connection(lambda: client, host, port)
    return client


async def open_many(clients: list[StreamClient], host: str, port: int, batch: int = 50) -> None:
    """Connects every client (in batches, so the listen backlog never overflows), and waits for each
    one's first event: the gateway sends it only after Redis confirmed the subscription."""
    for start in range(0, len(clients), batch):
        chunk = clients[start : start + batch]
        await asyncio.gather(*(open_stream(client, host, port) for client in chunk))
        await asyncio.wait_for(asyncio.gather(*(client.first for client in chunk)), 30)


async def close_many(clients: list[StreamClient]) -> None:
    for client in clients:
        client.close()
    if clients:
        await asyncio.wait([asyncio.ensure_future(client.lost) for client in clients], timeout=10)
