"""The `chartq` command line. Failures exit non-zero with one clear line on stderr."""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import ValidationError

from shared.models import Priority
from shared.settings import MIN_SECRET_BYTES, Settings
from worker.cli.client import ApiClient, ApiClientError, one_line
from worker.cli.errors import CliError
from worker.cli.schedules import SCHEDULES_HELP
from worker.cli.semantic import semantic_app

if TYPE_CHECKING:
    from shared.stats.report import QueueStats

app = typer.Typer(
    help="chartq: asynchronous chart generation (API, workers, and tools for operators).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database schema management.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(semantic_app, name="semantic")


INTERRUPTED_EXIT_CODE = 130
UVICORN_STARTUP_FAILURE = 3  # what uvicorn.run exits with when the server did not start
CLI_USER = "cli"
CLI_TOKEN_TTL_SECONDS = 3600


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CliError(f"configuration: {first['msg']}") from exc


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
    """Start one API process (REST, SSE, WebSocket, pages)."""
    from worker.cli.serve_api import serve_api

    settings = load_settings()
    settings.signing_secret()
    if not serve_api(settings, host=host or settings.host, port=port or settings.port, reuse_port=reuse_port):
        raise typer.Exit(UVICORN_STARTUP_FAILURE)


@app.command()
def worker(
    concurrency: Annotated[int | None, typer.Option(min=1, help="Tasks run at once by this process")] = None,
) -> None:
    """Start one worker process that runs chart tasks from the queue."""
    from worker.main import run_worker

    run_worker(load_settings(), concurrency)


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
        engine = create_engine(settings.database_url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(run())
    typer.echo("database is up to date", err=True)


ApiOption = Annotated[
    str | None,
    typer.Option(
        "--api",
        envvar="CHARTQ_API_URL",
        show_envvar=False,
        help="The API's base URL (CHARTQ_API_URL; default http://CHARTQ_HOST:CHARTQ_PORT).",
    ),
]
TokenOption = Annotated[
    str | None,
    typer.Option(
        "--token",
        envvar="CHARTQ_TOKEN",
        show_envvar=False,
        help="A JWT (CHARTQ_TOKEN). Without one, dev mode mints an operator token for user "
        '"cli" from the dev secret in CHARTQ_DATA_DIR: run chartq where `make run` keeps .data.',
    ),
]


def api_base_url(api: str | None) -> str:
    if api:
        return (api if "://" in api else f"http://{api}").rstrip("/")
    settings = load_settings()
    host = "127.0.0.1" if settings.host in ("", "0.0.0.0", "::") else settings.host
    return f"http://{f'[{host}]' if ':' in host else host}:{settings.port}"


def api_token(token: str | None) -> str:
    if token:
        return token
    from shared.auth import OPERATOR_ROLE, mint_token

    settings = load_settings()
    hint = "pass --token or set CHARTQ_TOKEN (see `chartq token --help`)"
    if not settings.is_dev:
        raise CliError(f"no token: {hint}")
    if len(settings.jwt_secret.encode()) < MIN_SECRET_BYTES and not settings.dev_secret_exists():
        raise CliError(
            f"no token and no dev secret in {settings.data_dir.resolve()}: run chartq where `make run` "
            f"keeps .data, or {hint}"
        )
    return mint_token(settings, CLI_USER, roles=[OPERATOR_ROLE], ttl_seconds=CLI_TOKEN_TTL_SECONDS)


def api_client(api: str | None, token: str | None) -> ApiClient:
    return ApiClient(api_base_url(api), api_token(token))


ASK_HELP = (
    "Ask a question: post it as a chat message and start a chart task for it.\n\n"
    "Prints the task id and its status URL. With --watch, follows the task to the end: "
    "exit 0 when the chart is made, 1 when it fails (error code and message on stderr) or is cancelled."
)
STATS_HELP = (
    "Queue statistics (operator role): depth by priority, workers, outcomes, throughput, "
    "step latencies, oldest queued task, estimated wait and recent failures."
)
WORKERS_HELP = (
    "The live workers (operator role): id, host, pid, concurrency, running, completed, failed "
    "and when each was last seen."
)


@app.command(help=ASK_HELP)
def ask(
    question: Annotated[
        str,
        typer.Argument(metavar="QUESTION", help='What to chart, e.g. "life expectancy in Japan since 1990"'),
    ],
    watch: Annotated[
        bool, typer.Option("--watch", help="Show live progress, then the chart's title and URL")
    ] = False,
    session: Annotated[
        str | None, typer.Option(help="Ask in this chat session (default: a new session)")
    ] = None,
    priority: Annotated[
        Priority, typer.Option(case_sensitive=False, help="Queue priority")
    ] = Priority.NORMAL,
    api: ApiOption = None,
    token: TokenOption = None,
) -> None:
    from worker.cli.render import watch_task

    if not question.strip():
        raise CliError("the question must not be empty")
    with api_client(api, token) as client:
        session_id = session or client.create_session(title=one_line(question)[:80])["id"]
        message = client.create_message(session_id, question)
        task = client.create_task(message["id"], priority)
        if not watch:
            typer.echo(task.task_id)
            typer.echo(client.url(client.status_path(task.task_id)))
            return
        try:
            final = watch_task(client, task)
        except KeyboardInterrupt:
            typer.echo(f"chartq: stopped watching; task {task.task_id} goes on", err=True)
            raise typer.Exit(INTERRUPTED_EXIT_CODE) from None
    if final.status == "FAILED":
        raise CliError(f"the chart could not be made [{final.error_code}]: {final.error_message or ''}")
    if final.status == "CANCELLED":
        raise CliError(f"task {final.task_id} was cancelled")


def _queue_stats(client: ApiClient) -> tuple[dict[str, Any], QueueStats]:
    from shared.stats.report import QueueStats

    raw = client.queue_stats()
    try:
        return raw, QueueStats.model_validate(raw)
    except ValidationError as exc:
        raise CliError(f"unexpected queue statistics from the API: {exc.errors()[0]['msg']}") from exc


@app.command(help=STATS_HELP)
def stats(
    watch: Annotated[bool, typer.Option("--watch", help="Refresh in place until Ctrl-C")] = False,
    interval: Annotated[float, typer.Option(min=0.2, help="Seconds between refreshes")] = 2.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the API's JSON once")] = False,
    api: ApiOption = None,
    token: TokenOption = None,
) -> None:
    from worker.cli.render import make_console, stats_view, watch_stats

    with api_client(api, token) as client:
        raw, parsed = _queue_stats(client)
        if as_json:
            typer.echo(json.dumps(raw, indent=2))
        elif watch:
            watch_stats(lambda: _queue_stats(client)[1], parsed, interval)
        else:
            make_console().print(stats_view(parsed))


@app.command(help=WORKERS_HELP)
def workers(
    as_json: Annotated[bool, typer.Option("--json", help="Print the workers as JSON")] = False,
    api: ApiOption = None,
    token: TokenOption = None,
) -> None:
    from worker.cli.render import make_console, workers_table

    with api_client(api, token) as client:
        raw, parsed = _queue_stats(client)
    if as_json:
        typer.echo(json.dumps(raw["workers"], indent=2))
        return
    console = make_console()
    console.print(workers_table(parsed))
    if not parsed.workers:
        console.print("No worker is alive: start one with `chartq worker` (or `make run`).")


@app.command(help=SCHEDULES_HELP)
def schedules(
    everyone: Annotated[bool, typer.Option("--all", help="Every user's due and failing (operator)")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the API's JSON")] = False,
    api: ApiOption = None,
    token: TokenOption = None,
) -> None:
    from worker.cli.render import make_console
    from worker.cli.schedules import fetch_schedules, schedules_tables

    with api_client(api, token) as client:
        listing = fetch_schedules(client, everyone)
    if as_json:
        typer.echo(json.dumps(listing, indent=2))
        return
    console = make_console()
    for table in schedules_tables(listing):
        console.print(table)


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
