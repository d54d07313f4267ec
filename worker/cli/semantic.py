"""`chartq semantic init|check`: draft a semantic model from a warehouse's schema, and validate one.

The worker modules are imported inside the commands so that `chartq --help` and the other commands do
not pay for SQLAlchemy's reflection and the planner.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from pydantic import ValidationError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from shared.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

semantic_app = typer.Typer(
    help="Semantic models: what chartq may chart from a warehouse (see docs/semantic-model.md).",
    no_args_is_help=True,
)

UrlOption = Annotated[
    str | None,
    typer.Option(
        "--url",
        help="The warehouse, e.g. postgresql+asyncpg://reader@db/shop or sqlite:///shop.db "
        "(default: CHARTQ_WAREHOUSE_URL, else the sample warehouse in CHARTQ_DATA_DIR).",
    ),
]


def _fail(message: str) -> NoReturn:
    print(f"chartq: {message}", file=sys.stderr)
    raise typer.Exit(1)


def _settings() -> Settings:
    try:
        # Only the warehouse and model settings matter here: a production environment without its JWT
        # secret may still draft and check models.
        return Settings(env="dev")
    except ValidationError as exc:
        _fail(f"configuration: {exc.errors()[0]['msg']}")


def _shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _open(url: str) -> AsyncEngine:
    from worker.warehouse.sample import warehouse_engine

    try:
        parsed = make_url(url)
    except ArgumentError:
        _fail(f"not a database URL: {url!r} (e.g. postgresql+asyncpg://user@host/db or sqlite:///file.db)")
    if parsed.get_backend_name() == "sqlite" and parsed.database and not Path(parsed.database).exists():
        # The warehouse opens read-only, so SQLite would only say "unable to open database file".
        _fail(f"no SQLite database at {parsed.database}")
    try:
        return warehouse_engine(url)
    except ValueError as exc:
        _fail(str(exc))


@semantic_app.command("init")
def init(
    url: UrlOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the model here (default: standard output)")
    ] = None,
    tables: Annotated[
        str | None, typer.Option("--tables", help="Only these tables or views, comma-separated: t1,t2")
    ] = None,
) -> None:
    """Draft a semantic model from the warehouse's schema: a starting point to edit, then `check`."""
    import sqlalchemy as sa

    from worker.warehouse.draft import draft_semantic_model
    from worker.warehouse.sql_text import first_error_line

    url = url or _settings().warehouse_url
    only = [t.strip() for t in tables.split(",") if t.strip()] if tables else None
    if out is not None and out.exists():
        _fail(f"{out} already exists: pass another --out, or remove it first")

    async def run() -> str:
        engine = _open(url)
        try:
            return await draft_semantic_model(engine, _shown(url), only)
        finally:
            await engine.dispose()

    try:
        text = asyncio.run(run())
    except (LookupError, ValueError) as exc:
        _fail(str(exc))
    except (sa.exc.SQLAlchemyError, OSError) as exc:
        _fail(f"cannot read the warehouse {_shown(url)}: {first_error_line(exc)}")
    if out is None:
        sys.stdout.write(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, "utf-8")
    typer.echo(
        f"wrote {out}: edit the TODOs, then run `chartq semantic check --model {out} --url ...`", err=True
    )


@semantic_app.command("check")
def check(
    model: Annotated[
        Path | None,
        typer.Option(
            "--model",
            help="The model file (default: CHARTQ_SEMANTIC_MODEL_PATH, else the bundled sample model)",
        ),
    ] = None,
    url: UrlOption = None,
) -> None:
    """Validate a semantic model against the warehouse; exit 1 when it has problems.

    Checks every table and column, that measures are numbers and the time column dates or years, reads
    dimension values and time spans as a worker does, and charts a sample question per dataset.
    """
    from worker.semantic import load_semantic_model
    from worker.warehouse.check import check_model
    from worker.warehouse.model_file import ModelLoadError, load_model

    settings = _settings()
    url = url or settings.warehouse_url
    path = model or settings.semantic_model_path
    try:
        loaded = load_model(path) if path is not None else load_semantic_model(None)
    except ModelLoadError as exc:
        _fail(str(exc))
    source = str(path) if path is not None else "(bundled sample model)"

    async def run() -> str:
        engine = _open(url)
        try:
            report = await check_model(loaded, engine, source=source, warehouse=_shown(url))
        finally:
            await engine.dispose()
        sys.stdout.write(report.render())
        return "" if report.ok else report.problems[0]

    first_problem = asyncio.run(run())
    if first_problem:
        _fail(f"the semantic model has problems; the first: {first_problem}")
