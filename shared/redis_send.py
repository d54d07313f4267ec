"""Sending a Redis command without a new asyncio Task each time, packed by hiredis.

With a `socket_timeout`, redis-py sends every command from `asyncio.wait_for`, which on Python 3.11
wraps the send in a new Task: about 0.1 ms of a worker's CPU per command, most of a chart task's
sends (docs/performance.md, "Tracking cost per task"). Yet a send almost always completes at once:
the kernel takes the bytes and the transport's buffer stays empty. So the bytes are written as
redis-py writes them without a timeout, and only a send that did not go through at once (the
buffer holds bytes, the server is not reading) is waited for, under the same timeout and with the
same errors as redis-py's. Reads keep their timeout: that is where a dead server shows.

redis-py's asyncio client packs each command in Python (its sync client uses hiredis): about 20 us
for a task transition's EVALSHA, an eighth of a worker's CPU per task. hiredis packs the same bytes
(the same UTF-8, the same float and int text) in a tenth of that. An argument hiredis does not take
(a memoryview, a type Redis has no text for) goes through redis-py's packing, which keeps its errors.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

import hiredis
from redis.asyncio.connection import AbstractConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError


class QuickSend:
    """Mixed into a redis-py connection class (see `quick_send`)."""

    def pack_command(self, *args: Any) -> list[bytes]:
        connection: Any = self
        encoder = connection.encoder
        if encoder.encoding == "utf-8" and encoder.encoding_errors == "strict":
            # As redis-py does: a command name given with its subcommand ("CONFIG GET") goes as two.
            name = args[0]
            if isinstance(name, str):
                args = (*name.encode().split(), *args[1:])
            elif isinstance(name, bytes) and b" " in name:
                args = (*name.split(), *args[1:])
            try:
                return [hiredis.pack_command(args)]
            except (TypeError, UnicodeError):
                pass
        packed: list[bytes] = super().pack_command(*args)  # type: ignore[misc]
        return packed

    async def send_packed_command(
        self, command: bytes | str | Iterable[bytes], check_health: bool = True
    ) -> None:
        connection: Any = self  # an AbstractConnection, whose attributes mypy cannot see from a mixin
        if not connection.is_connected or not connection.socket_timeout:
            await super().send_packed_command(command, check_health)  # type: ignore[misc]
            return
        if check_health:
            await connection.check_health()
        if isinstance(command, str):
            command = command.encode()
        if isinstance(command, bytes):
            command = [command]
        writer: asyncio.StreamWriter = connection._writer
        try:
            writer.writelines(command)
            if writer.transport.get_write_buffer_size() == 0:
                return  # the kernel has it all: nothing to wait for
            await asyncio.wait_for(writer.drain(), connection.socket_timeout)
        except TimeoutError:
            await connection.disconnect(nowait=True)
            raise RedisTimeoutError("Timeout writing to socket") from None
        except OSError as exc:
            await connection.disconnect(nowait=True)
            raise RedisConnectionError(f"Error while writing to socket: {exc}") from exc
        except BaseException:
            # A send cut short cannot be resumed (redis-py drops the connection too).
            await connection.disconnect(nowait=True)
            raise


def quick_send(connection_class: type[AbstractConnection]) -> type[AbstractConnection]:
    """`connection_class` (plain, TLS, Unix socket or Sentinel-managed) sending as QuickSend does."""
    if issubclass(connection_class, QuickSend):
        return connection_class
    if connection_class not in _SUBCLASSES:  # one class each, so pools of one kind share it
        name = f"QuickSend{connection_class.__name__}"
        _SUBCLASSES[connection_class] = type(name, (QuickSend, connection_class), {})
    return _SUBCLASSES[connection_class]


_SUBCLASSES: dict[type[AbstractConnection], type[AbstractConnection]] = {}
