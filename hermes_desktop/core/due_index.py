"""Which jobs a tick must look at, found without looking at every job.

A tick used to walk every record of ``jobs.json`` twice (is anything due?
then, under the lock, which?), checking each schedule and parsing each
``next_run_at``: at 10,000 jobs 140-160 ms of Python per tick, and while runs
last the ticker ticks after each of them - time the window's thread spent
waiting for Python's lock. The index holds, for one parse of the file, each
usable job's next look: a time (its next run), "every tick" (claimed,
running, or no readable next run) or "never" (paused, disabled, done). It is
built once per parse - that is, again whenever another program wrote the
file - and kept up to date with this process's own writes, which report the
records they changed.

It belongs to one :class:`~.jobs.JobStore` and is only touched while that
store's lock (``_mutex``) is held: in its callbacks.
"""

from __future__ import annotations

import bisect
import math
from datetime import datetime, tzinfo
from typing import Any

from .jobs import Job, JobsWrite, job_next_run, job_state, record_problem, usable
from .states import JobState

NEVER = math.inf


def look_at(job: Job, tz: tzinfo) -> datetime | float | None:
    """When a tick must next look at ``job``: its next run, ``NEVER``, or None for every tick."""
    state = job_state(job)
    if job.get("run_claim") is not None or state == JobState.RUNNING:
        return None  # a claim may go stale; a running state may be left over
    if state.at_rest or not job.get("enabled", True):
        return NEVER  # (a forced run looks at its job whatever the index says)
    return job_next_run(job, tz)  # None (no readable next run): the tick works one out


def _when(entry: tuple[float, str]) -> float:
    return entry[0]


class DueIndex:
    """One parse's usable jobs by their next look (see the module's docstring)."""

    def __init__(self, records: list[Any], tz: tzinfo) -> None:
        self.records = records  # the parse it describes (the very list)
        self.size = len(records)
        self.tz = tz
        self.stale = False  # jobs came or went, or an id changed: built again before its next use
        jobs = usable(records)
        ids = {job["id"] for job in jobs}
        self.pos = {rec["id"]: at for at, rec in enumerate(records) if type(rec) is dict and rec.get("id") in ids}
        self.hot: set[str] = set()
        self.when: dict[str, float] = {}  # each job's next look, as a timestamp (sorting floats is fast) ...
        self.due_at: dict[str, datetime] = {}  # ... and the exact next run behind it
        self.timed: list[tuple[float, str]] = []  # (next run, id) of every job not hot and not at rest, sorted
        for job in jobs:
            self._place(job["id"], look_at(job, tz), sort=False)
        self.timed.sort()

    def describes(self, records: list[Any], tz: tzinfo) -> bool:
        return not self.stale and records is self.records and len(records) == self.size and tz is self.tz

    def to_look_at(self, now: float) -> list[str]:
        """The jobs a tick at ``now`` (a timestamp) looks at: every "each tick" job, then those due, soonest
        first."""
        due = bisect.bisect_right(self.timed, now, key=_when)
        return [*sorted(self.hot), *(job_id for _, job_id in self.timed[:due])]

    def anything_now(self, now: float) -> bool:
        return bool(self.hot) or (bool(self.timed) and self.timed[0][0] <= now)

    def earliest_after(self, now: float) -> datetime | None:
        """The earliest next run after ``now`` of a job that is neither claimed nor running."""
        later = bisect.bisect_right(self.timed, now, key=_when)
        return self.due_at[self.timed[later][1]] if later < len(self.timed) else None

    def written(self, write: JobsWrite) -> None:
        """This process wrote the parse: the records it changed take their new places."""
        if write.removed:
            self.stale = True
            return
        for job in write.changed:
            job_id = job["id"]
            if job_id not in self.pos:  # a new job (or a new id): positions and twins are worked out again
                self.stale = True
                return
            self._forget(job_id)
            if record_problem(job) is not None:  # no longer a job this app may run
                del self.pos[job_id]
                continue
            self._place(job_id, look_at(job, self.tz), sort=True)

    def _place(self, job_id: str, at: datetime | float | None, sort: bool) -> None:
        if at is None:
            self.hot.add(job_id)
        elif isinstance(at, datetime):
            stamp = self.when[job_id] = at.timestamp()
            self.due_at[job_id] = at
            if sort:
                bisect.insort(self.timed, (stamp, job_id))
            else:
                self.timed.append((stamp, job_id))
        else:
            self.when[job_id] = at  # NEVER

    def _forget(self, job_id: str) -> None:
        self.hot.discard(job_id)
        self.due_at.pop(job_id, None)
        old = self.when.pop(job_id, None)
        if old is not None and old != NEVER:
            at = bisect.bisect_left(self.timed, (old, job_id))
            if at < len(self.timed) and self.timed[at] == (old, job_id):
                del self.timed[at]
