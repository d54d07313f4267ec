"""Charts in SQL: idempotent writes for the worker, visibility-checked reads for the API (task runs:
shared.db.runs)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import load_only

from shared.auth import Principal
from shared.db.lookups import Lookups
from shared.db.tables import Chart, Message
from shared.db.upserts import UPSERTS, column_values
from shared.models import ChartDTO, TimeRangeDTO, Visibility, utcnow


def chart_to_dto(chart: Chart) -> ChartDTO:
    return ChartDTO(
        id=chart.id,
        task_id=chart.version_task_id or chart.task_id,
        message_id=chart.message_id,
        session_id=chart.session_id,
        title=chart.title,
        visibility=Visibility(chart.visibility),
        spec=chart.spec,
        figure=chart.figure,
        sql=chart.sql,
        row_count=chart.row_count,
        interpretation=chart.interpretation,
        description=chart.description if chart.description is not None else spec_description(chart.spec),
        time_range=TimeRangeDTO(start=chart.time_start, end=chart.time_end),
        data_as_of=chart.data_as_of,
        created_at=chart.created_at,
        expires_at=chart.expires_at,
        version=chart.version or 1,
        refreshed_at=chart.refreshed_at,
    )


_AGG_WORDS = {"avg": "average", "sum": "total", "median": "median", "min": "lowest", "max": "highest"}


def spec_description(spec: dict[str, Any]) -> str:
    """For a chart stored before descriptions: its plan in words, from the names in its stored spec
    ("Average life exp per continent, in 2007."); empty when the spec isn't a plan."""
    try:
        measures = [(str(m["name"]).replace("_", " "), str(m.get("agg", "avg"))) for m in spec["measures"]]
        what = " and ".join(
            f"number of rows of {name}" if agg == "count" else f"{_AGG_WORDS.get(agg, '')} {name}".strip()
            for name, agg in measures
        )
        parts = [what]
        per = [str(spec[k]).replace("_", " ") for k in ("dimension", "series") if spec.get(k)]
        parts[0] += " over time" if spec.get("use_time") else (f" per {' and '.join(per)}" if per else "")
        for f in spec.get("filters") or []:
            values = f["value"] if isinstance(f["value"], list) else [f["value"]]
            parts.append(f"{str(f['column']).replace('_', ' ')} {f['op']} {', '.join(map(str, values))}")
        time_range = spec.get("time_range") or {}
        if time_range.get("start") or time_range.get("end"):
            parts.append(
                f"from {time_range.get('start') or 'the start'} to {time_range.get('end') or 'the end'}"
            )
    except (KeyError, TypeError, AttributeError):
        return ""
    text = ", ".join(parts) + "."
    return text[:1].upper() + text[1:]


def can_view(chart: Chart, user: Principal) -> bool:
    if chart.deleted_at is not None or chart.expires_at <= utcnow():
        return False
    if chart.owner_id == user.user_id or chart.visibility == Visibility.PUBLIC:
        return True
    return chart.visibility == Visibility.ORG and bool(chart.org_id) and chart.org_id == user.org


async def get_visible_chart(db: AsyncSession, chart_id: str, user: Principal) -> Chart | None:
    chart = await db.get(Chart, chart_id)
    return chart if chart is not None and can_view(chart, user) else None


def _live_charts() -> sa.Select[Chart]:
    return sa.select(Chart).where(Chart.deleted_at.is_(None), Chart.expires_at > utcnow())


@dataclass(frozen=True)
class RequestedMessage:
    """A caller's message, and the task of the live chart already made for this request of it."""

    id: str
    session_id: str
    content: str
    chart_task_id: str | None


# Built once with bound parameters: the create endpoint's ownership check and its "already charted?"
# check in one statement, without building a query or loading ORM objects per request.
_MESSAGE_FOR_REQUEST = sa.select(
    Message.id,
    Message.session_id,
    Message.content,
    sa.select(Chart.task_id)
    .where(
        Chart.owner_id == sa.bindparam("user_id"),
        Chart.message_id == Message.id,
        Chart.request_key == sa.bindparam("request_key"),
        Chart.deleted_at.is_(None),
        Chart.expires_at > sa.bindparam("now"),
    )
    .order_by(Chart.created_at.desc())
    .limit(1)
    .scalar_subquery(),
).where(Message.id == sa.bindparam("message_id"), Message.user_id == sa.bindparam("user_id"))


async def message_for_request(
    lookups: Lookups, user_id: str, message_id: str, request_key: str
) -> RequestedMessage | None:
    """The message if `user_id` owns it (else None), with the task of its live chart for `request_key`."""
    params = {"user_id": user_id, "message_id": message_id, "request_key": request_key, "now": utcnow()}
    row = await lookups.first(_MESSAGE_FOR_REQUEST, params)
    if row is None:
        return None
    return RequestedMessage(row[0], row[1], row[2], row[3])


async def charts_of_message(db: AsyncSession, user_id: str, message_id: str) -> list[Chart]:
    query = (
        _live_charts()
        .where(Chart.owner_id == user_id, Chart.message_id == message_id)
        .order_by(Chart.created_at.desc())
    )
    return list(await db.scalars(query))


async def charts_of_session(db: AsyncSession, user_id: str, session_id: str, limit: int) -> list[Chart]:
    query = (
        _live_charts()
        .where(Chart.owner_id == user_id, Chart.session_id == session_id)
        .order_by(Chart.created_at.desc())
        .limit(limit)
    )
    return list(await db.scalars(query))


# Whoever changes an earlier chart needs its plan, not its figure (which holds every data point).
_PLAN_ONLY = load_only(Chart.id, Chart.spec)


async def latest_chart_of_message(db: AsyncSession, user_id: str, message_id: str) -> Chart | None:
    """The newest live chart of a message owned by `user_id`: the plan an adjustment changes."""
    query = (
        _live_charts()
        .where(Chart.owner_id == user_id, Chart.message_id == message_id)
        .order_by(Chart.created_at.desc())
        .limit(1)
        .options(_PLAN_ONLY)
    )
    return (await db.scalars(query)).first()


async def latest_chart_before_message(
    db: AsyncSession, user_id: str, session_id: str, message_id: str
) -> Chart | None:
    """The newest live chart `user_id` made in a session from a message before `message_id`: the plan a
    follow-up message ("add Brazil") changes."""
    position = sa.select(Message.message_index).where(Message.id == message_id).scalar_subquery()
    query = (
        _live_charts()
        .join(Message, Message.id == Chart.message_id)
        .where(
            Chart.owner_id == user_id,
            Chart.session_id == session_id,
            Message.session_id == session_id,
            Message.message_index < position,
        )
        .order_by(Chart.created_at.desc())
        .limit(1)
        .options(_PLAN_ONLY)
    )
    return (await db.scalars(query)).first()


async def messages_before(
    db: AsyncSession, session_id: str, message_id: str, candidates: list[str]
) -> list[str]:
    """Those of `candidates` that come before `message_id` in its session, in session order."""
    position = sa.select(Message.message_index).where(Message.id == message_id).scalar_subquery()
    query = (
        sa.select(Message.id)
        .where(Message.id.in_(candidates), Message.session_id == session_id, Message.message_index < position)
        .order_by(Message.message_index)
    )
    return list(await db.scalars(query))


async def save_chart(db: AsyncSession, chart: Chart) -> Chart:
    """Inserts the chart of a task once; a second attempt for the same task returns the first chart."""
    stored = (await insert_charts(db, [chart]))[chart.task_id]
    await db.commit()
    return stored


async def insert_charts(db: AsyncSession, charts: list[Chart]) -> dict[str, Chart]:
    """Inserts the charts of several tasks in one statement, each unless its task already has one, and
    returns per task the chart it has: its own, or the one another attempt stored first. No commit."""
    first = {chart.task_id: chart for chart in reversed(charts)}
    dialect = db.get_bind().dialect.name
    if dialect in UPSERTS:
        await db.execute(UPSERTS[dialect][0], [column_values(chart) for chart in first.values()])
    else:
        stored_before = set(await db.scalars(sa.select(Chart.task_id).where(Chart.task_id.in_(first))))
        db.add_all(chart for task_id, chart in first.items() if task_id not in stored_before)
        await db.flush()
    stored = dict(
        (await db.execute(sa.select(Chart.task_id, Chart.id).where(Chart.task_id.in_(first)))).all()
    )
    # Another attempt of the same task stored its chart first.
    others = [task_id for task_id, chart in first.items() if stored.get(task_id) != chart.id]
    if others:
        for chart in await db.scalars(sa.select(Chart).where(Chart.task_id.in_(others))):
            first[chart.task_id] = chart
    return first


async def hide_chart_of_task(db: AsyncSession, task_id: str) -> None:
    """Soft-deletes the chart of a task that did not end COMPLETED (cancelled after its chart was
    stored), so no one sees a chart for it; the row keeps the task's one chart slot."""
    live = sa.update(Chart).where(Chart.task_id == task_id, Chart.deleted_at.is_(None))
    await db.execute(live.values(deleted_at=utcnow()))
    await db.commit()
