"""Missed runs, as rows of a job's run history.

Occurrences that never ran (a one-shot more than 120 s late, or the runs a
late recurring job skipped when it was fast-forwarded) are recorded as one
cron session with ``end_reason = 'cron_missed'`` whose ``started_at`` is the
first missed occurrence and whose ``ended_at`` is the last. How many there
were follows from the job's schedule over that span, so the row needs no
extra column in Hermes' database and reads the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any

from .schedule import count_due
from .sessions import CronRun

MAX_COUNTED = 1000


@dataclass(frozen=True)
class MissedSpan:
    """``count`` occurrences from ``first`` to ``last`` (UTC) did not run."""

    count: int
    first: datetime
    last: datetime


def missed_span(run: CronRun, schedule: dict[str, Any] | None, tz: tzinfo | None = None) -> MissedSpan:
    """The span a ``missed`` history row stands for (a one-shot, or a run without a schedule, counts one)."""
    first = datetime.fromtimestamp(run.started_at, UTC)
    last = datetime.fromtimestamp(run.ended_at if run.ended_at is not None else run.started_at, UTC)
    if last < first:
        last = first
    count = 1
    if isinstance(schedule, dict) and schedule.get("kind") in ("interval", "cron") and last > first:
        try:
            count = max(1, count_due(schedule, first, last, tz, limit=MAX_COUNTED))
        except Exception:  # a schedule edited into something unreadable: the span still stands
            count = 1
    return MissedSpan(count, first, last)
