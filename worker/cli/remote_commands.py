"""The commands that talk to a running API: `ask`, `stats`, `workers` and `schedules` (registered on the
`chartq` app by worker.cli.app). Each takes the API's URL and a token, or mints a dev token."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import ValidationError

from shared.models import Priority
from shared.settings import MIN_SECRET_BYTES
from worker.cli.client import ApiClient, one_line
from worker.cli.config import load_settings
from worker.cli.errors import CliError

if TYPE_CHECKING:
    from shared.stats.report import QueueStats

INTERRUPTED_EXIT_CODE = 130
CLI_USER = "cli"
CLI_TOKEN_TTL_SECONDS = 3600

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
