"""When a chart's schedule is due: a 5-field cron expression read in an IANA time zone (cronsim), so
"0 8 * * 1-5" in Europe/Berlin stays at 08:00 local time across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cronsim import CronSim, CronSimError


class ScheduleError(ValueError):
    """A cron expression or time zone that cannot make a schedule; the message says why."""


def zone(timezone: str) -> ZoneInfo:
    try:
        return ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ScheduleError(
            f"Unknown time zone {timezone!r}: use an IANA name such as Europe/Berlin."
        ) from exc


def next_run(cron: str, timezone: str, after: datetime) -> datetime:
    """The first time the schedule is due strictly after `after`, in UTC; ScheduleError for a cron
    expression that is malformed (not 5 fields, a bad field) or can never fire (30 February)."""
    fields = cron.split()
    if len(fields) != 5:
        raise ScheduleError(
            f"A cron expression has 5 fields (minute hour day month weekday); {cron!r} has {len(fields)}."
        )
    try:
        due = next(CronSim(" ".join(fields), after.astimezone(zone(timezone))))
    except CronSimError as exc:
        raise ScheduleError(f"Invalid cron expression {cron!r}: {exc}.") from exc
    except StopIteration as exc:
        raise ScheduleError(f"The cron expression {cron!r} never fires.") from exc
    return due.astimezone(UTC)
