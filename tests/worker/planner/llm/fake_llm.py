"""A fake OpenAI-compatible chat-completions server: a real HTTP/1.1 server on loopback that answers
what a test scripts (a message, an error status, silence) and records every request it gets."""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    delay_s: float = 0.0


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, str]]:
        return list(self.body["messages"])


@dataclass
class FakeLLM:
    replies: list[Reply] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    port: int = 0
    _server: asyncio.Server | None = None
    _handlers: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def answer(
        self, content: str | dict[str, Any], prompt_tokens: int = 100, completion_tokens: int = 20
    ) -> None:
        """Queue a completion whose message text is `content` (a dict is sent as its JSON)."""
        text = content if isinstance(content, str) else json.dumps(content)
        envelope = {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "model": "fake",
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
        self.replies.append(Reply(body=json.dumps(envelope).encode()))

    def fail(self, status: int, body: str = '{"error": {"message": "boom"}}') -> None:
        self.replies.append(Reply(status=status, body=body.encode()))

    def stall(self, seconds: float) -> None:
        """Queue a reply that comes only after `seconds`: longer than the planner's timeout."""
        self.replies.append(Reply(body=b"{}", delay_s=seconds))

    async def start(self) -> FakeLLM:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self

    async def stop(self) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._handlers):
            task.cancel()
        for task in list(self._handlers):
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        try:
            # Keep-alive: httpx sends the correction round over the same connection.
            while await self._one_exchange(reader, writer):
                pass
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self._handlers.discard(task)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _one_exchange(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        head = await reader.readuntil(b"\r\n\r\n") if not reader.at_eof() else b""
        if not head:
            return False
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        self.received.append(Received(request_line.split(" ")[1], headers, json.loads(body or b"{}")))
        reply = self.replies.pop(0) if self.replies else Reply(status=500, body=b'{"error": "unscripted"}')
        if reply.delay_s:
            await asyncio.sleep(reply.delay_s)
        writer.write(
            f"HTTP/1.1 {reply.status} X\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(reply.body)}\r\n\r\n".encode()
            + reply.body
        )
        await writer.drain()
        return True
