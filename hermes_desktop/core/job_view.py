"""A typed, read-only view of one job record, for whoever shows jobs.

The record itself stays a plain dict (``raw``): every field Hermes or a newer
app wrote survives a write untouched. The view holds what views ask for
again and again - the title, the state as a :class:`JobState`, the next run
as a UTC instant - computed once, where the record was read (off the GUI
thread), instead of parsed again for every sort comparison and repaint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .jobs import Job, job_next_run, job_state, job_title
from .states import JobState


@dataclass(frozen=True, slots=True, eq=False)
class JobView:
    raw: Job
    id: str
    title: str  # the name, else the prompt clipped, else the script, else the id
    state: JobState  # as stored (this app's Running/Queued are the model's, not the record's)
    next_run: datetime | None  # UTC; None when absent or unreadable
    title_key: str  # the title folded for sorting

    @classmethod
    def of(cls, raw: Job) -> JobView:
        title = job_title(raw)
        return cls(raw, raw["id"], title, job_state(raw), job_next_run(raw), title.casefold())

    @property
    def schedule(self) -> dict[str, Any] | None:
        schedule = self.raw.get("schedule")
        return schedule if isinstance(schedule, dict) else None


def views(jobs: list[Job]) -> list[JobView]:
    return [JobView.of(job) for job in jobs]
