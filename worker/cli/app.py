"""The `chartq` command line. Failures exit non-zero with one clear line on stderr."""

from __future__ import annotations

import asyncio
import signal
import sys
from typing import Annotated

import typer

from shared.settings import dev_bind_problem
from worker.cli import remote_commands
from worker.cli.client import ApiClientError, one_line
from worker.cli.config import load_redis_settings, load_settings
from worker.cli.errors import CliError
from worker.cli.schedules import SCHEDULES_HELP
from worker.cli.semantic import semantic_app

app = typer.Typer(
    help="chartq: asynchronous chart generation (API, workers, and tools for operators).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database schema management.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(semantic_app, name="semantic")


UVICORN_STARTUP_FAILURE = 3  # what uvicorn.run exits with when the server did not start


@app.command()
def api(
    host: Annotated[str | None, typer.Option(help="Bind address (CHARTQ_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (CHARTQ_PORT)")] = None,
    reuse_port: Annotated[
        bool,
        typer.Option(
            "--reuse-port",
            help="Share the port with other API processes (SO_REUSEPORT), as `chartq up --api-workers` does",
        ),
    ] = False,
) -> None:
    """Start one API process (REST, SSE, WebSocket, pages). Without CHARTQ_REDIS_URL, it uses the embedded
    Redis of `make run` in CHARTQ_DATA_DIR when that runs, else redis://127.0.0.1:6379/0 (with a warning)."""
    from worker.cli.serve_api import serve_api

    # Refused before anything is looked for: `--host` beyond loopback in dev mode (CHARTQ_HOST is refused
    # as the settings load).
    if host is not None and load_settings().is_dev and (problem := dev_bind_problem(host)):
        raise CliError(problem)
    settings = load_redis_settings()
    settings.signing_secret()
    if not serve_api(settings, host=host or settings.host, port=port or settings.port, reuse_port=reuse_port):
        raise typer.Exit(UVICORN_STARTUP_FAILURE)


@app.command()
def worker(
    concurrency: Annotated[int | None, typer.Option(min=1, help="Tasks run at once by this process")] = None,
) -> None:
    """Start one worker process that runs chart tasks from the queue. Without CHARTQ_REDIS_URL, it joins the
    embedded Redis of `make run` in CHARTQ_DATA_DIR when that runs, else redis://127.0.0.1:6379/0 (with a
    warning)."""
    from worker.main import run_worker

    run_worker(load_redis_settings(), concurrency)


@app.command()
def up(
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (CHARTQ_WORKERS)")] = None,
    api_workers: Annotated[
        int | None,
        typer.Option(min=1, help="API processes sharing the one port (CHARTQ_API_WORKERS, default 1)"),
    ] = None,
) -> None:
    """Start the whole system and keep it running: embedded Redis (unless CHARTQ_REDIS_URL is set), the
    API and workers. A process that dies is restarted (with backoff if it keeps dying); Ctrl-C stops all."""
    from worker.cli.launcher import Launcher

    raise typer.Exit(Launcher(load_settings(), workers, api_workers).run())


@app.command()
def token(
    user: Annotated[str, typer.Option(help="User id (the `sub` claim)")],
    org: Annotated[str, typer.Option(help="Organisation (the `org` claim)")] = "",
    role: Annotated[list[str] | None, typer.Option(help="A role, e.g. operator; repeatable")] = None,
    ttl: Annotated[int | None, typer.Option(min=60, help="Lifetime in seconds")] = None,
) -> None:
    """Print a signed JWT and nothing else."""
    from shared.auth import mint_token

    settings = load_settings()
    if not user.strip():
        raise CliError("--user must not be empty")
    if settings.is_dev and len(settings.jwt_secret) < 32 and not settings.dev_secret_exists():
        # A dev secret is made per data directory: one made here is not the one a running API uses.
        typer.echo(
            f"chartq: warning: no dev secret in {settings.data_dir.resolve()}; made a new one. Run this "
            "where you ran `make run` (or set CHARTQ_DATA_DIR / CHARTQ_JWT_SECRET) for a token it accepts.",
            err=True,
        )
    max_ttl = settings.jwt_max_ttl_seconds
    if ttl and ttl > max_ttl:
        raise CliError(f"--ttl {ttl} is over CHARTQ_JWT_MAX_TTL_SECONDS ({max_ttl}): the API would refuse it")
    typer.echo(mint_token(settings, user, org=org, roles=role or [], ttl_seconds=ttl))


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every database migration (safe to run repeatedly)."""
    from shared.db.engine import create_engine, upgrade

    settings = load_settings()

    async def run() -> None:
        engine = create_engine(settings.database_url, statement_timeout_s=None)  # migrations may take long
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(run())
    typer.echo("database is up to date", err=True)


for command, command_help in (
    (remote_commands.ask, remote_commands.ASK_HELP),
    (remote_commands.stats, remote_commands.STATS_HELP),
    (remote_commands.workers, remote_commands.WORKERS_HELP),
    (remote_commands.schedules, SCHEDULES_HELP),
):
    app.command(help=command_help)(command)


def main() -> None:
    # A shell that starts a program in the background hands it SIGINT as ignored, and Python then keeps
    # it ignored: `kill -INT` (or Ctrl-C after `fg`) must still stop `--watch`.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        app()
    except (CliError, ApiClientError) as exc:
        print(f"chartq: {one_line(str(exc))}", file=sys.stderr)
        sys.exit(1)
    except Exception as exc:  # one readable line instead of a traceback for operators
        print(f"chartq: {type(exc).__name__}: {one_line(str(exc))}", file=sys.stderr)
        sys.exit(1)
