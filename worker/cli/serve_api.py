"""Serving one API process with uvicorn (`chartq api`): the app by its import string, never imported
here, so the command line stays the composition root."""

from __future__ import annotations

import resource
import socket

from shared.settings import Settings, dev_bind_problem
from worker.cli.errors import CliError

# Live streams never end by themselves; without a limit a SIGTERM would wait for every client.
SHUTDOWN_GRACE_SECONDS = 5
# uvicorn's httptools protocol with a header deadline and a header size limit (api/http_protocol.py).
HTTP_PROTOCOL = "api.http_protocol:GuardedHttpToolsProtocol"
WS_PROTOCOL = "api.ws_protocol:LeanWebSocketProtocol"


def serve_api(settings: Settings, *, host: str, port: int, reuse_port: bool) -> bool:
    """Runs the API until it is stopped; False when the server did not start."""
    if settings.is_dev and (problem := dev_bind_problem(host)):  # `chartq api --host` in dev mode
        raise CliError(problem)
    import uvicorn

    raise_open_files_limit()
    config = uvicorn.Config(
        "api.app:app_factory",
        factory=True,
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        access_log=False,
        proxy_headers=True,
        ws_ping_interval=settings.sse_keepalive_seconds,
        ws_ping_timeout=settings.sse_keepalive_seconds,
        timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
        http=HTTP_PROTOCOL,
        ws=WS_PROTOCOL,
        # More connections than this answer 503 at once instead of exhausting the process's files.
        limit_concurrency=settings.max_connections,
        # A client's WebSocket message is refused (1009) before the server buffers a 16 MiB frame.
        ws_max_size=settings.ws_max_message_bytes,
    )
    server = uvicorn.Server(config)
    server.run(sockets=[shared_port_socket(host, port)] if reuse_port else None)
    return bool(server.started)


def raise_open_files_limit() -> None:
    """Every open stream is a descriptor: take the hard limit, so CHARTQ_MAX_CONNECTIONS is what binds."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def shared_port_socket(host: str, port: int) -> socket.socket:
    """A socket bound with SO_REUSEPORT: the kernel spreads connections over every process bound so.

    uvicorn's Config has no reuse_port, so the socket is made here and handed to uvicorn's Server.
    """
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock
