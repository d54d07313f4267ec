"""`chartq schedules`: the caller's chart schedules (or, with --all, every user's due and failing ones,
for operators) as a table."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # rich loads only when a table is drawn: the CLI starts fast
    from rich.table import Table

    from worker.cli.client import ApiClient

SCHEDULES_HELP = (
    "Chart schedules: your recurring refreshes with their cron, time zone, next and last run and its "
    "status. With --all (operator role): every user's schedules due within the hour, and those failing "
    "or paused."
)


def fetch_schedules(client: ApiClient, everyone: bool) -> dict[str, list[dict[str, Any]]]:
    if everyone:
        return dict(client.request("GET", "/api/v1/schedules/overview"))
    return {"schedules": client.request("GET", "/api/v1/schedules")["schedules"]}


def schedules_tables(listing: dict[str, list[dict[str, Any]]]) -> list[Table]:
    return [_table(f"{name.capitalize()}: {len(rows)}", rows) for name, rows in listing.items()]


def _table(title: str, rows: list[dict[str, Any]]) -> Table:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    # What identifies a schedule stays whole on a narrow terminal; the times and states give way first.
    for name, field in (("chart", "chart_id"), ("cron", "cron"), ("timezone", "timezone")):
        table.add_column(name, no_wrap=True, min_width=max((len(r[field]) for r in rows), default=len(name)))
    for name in ("next run", "last run", "last status", "state"):
        table.add_column(name, no_wrap=True)
    for row in rows:
        state = (
            (f"paused ({row['paused_reason']})" if row.get("paused_reason") else "paused")
            if row["paused"]
            else "active"
        )
        if row.get("consecutive_failures") and not row["paused"]:
            state += f", {row['consecutive_failures']} failed in a row"
        table.add_row(
            row["chart_id"],
            row["cron"],
            row["timezone"],
            _when(row["next_run_at"]),
            _when(row["last_run_at"]),
            row["last_status"] or "-",
            state,
        )
    return table


def _when(value: str | None) -> str:
    if not value:
        return "-"
    return datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M %Z")
