"""A typed, read-only view of one job record, for whoever shows jobs.

The record itself stays a plain dict (``raw``): every field Hermes or a newer
app wrote survives a write untouched. The view holds what views ask for
again and again - the title, the state as a :class:`JobState`, the next run
as a UTC instant - computed once, where the record was read (off the GUI
thread), instead of parsed again for every sort comparison and repaint.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any

from .jobs import _STATE_OF_WORD, Job, job_state, job_title, utc_instant
from .states import JobState

_WILL_RUN = frozenset(s for s in JobState if s.will_run)


@dataclass(frozen=True, slots=True, eq=False)
class JobView:
    raw: Job
    id: str
    title: str  # the name, else the prompt clipped, else the script, else the id
    state: JobState  # as stored (this app's Running/Queued are the model's, not the record's)
    next_run: datetime | None  # UTC; None when absent or unreadable
    title_key: str  # the title folded for sorting
    by_title: tuple[str, str]  # sort key: by title, then id
    soonest: tuple[float, str, str]  # sort key: soonest next run first, those that will not run last
    search: str  # what a search looks in: title, prompt, schedule, script and id, lower case

    @classmethod
    def of(cls, raw: Job) -> JobView:
        # What job_title, job_state, job_next_run, soonest_key and search_text give, in one pass of plain
        # look-ups for the usual record (a read of 10,000 jobs makes 10,000 of these); others ask them.
        get = raw.get
        name = get("name")
        title = name.strip() if type(name) is str else ""
        if not title:
            title = job_title(raw)
        word = get("state")
        state = _STATE_OF_WORD.get(word) if type(word) is str else None
        if state is None:
            state = job_state(raw)
        next_run = utc_instant(get("next_run_at"))
        key = title.casefold()
        job_id = raw["id"]
        soonest = (next_run.timestamp() if next_run is not None and state in _WILL_RUN else math.inf, key, job_id)
        schedule = get("schedule")
        expr = schedule.get("expr") if type(schedule) is dict else None
        search = " ".join((title, str(get("prompt") or ""), str(get("schedule_display") or ""), str(expr or ""),
                           str(get("script") or ""), str(job_id))).lower()
        return cls(raw, job_id, title, state, next_run, key, (key, job_id), soonest, search)

    @property
    def schedule(self) -> dict[str, Any] | None:
        schedule = self.raw.get("schedule")
        return schedule if isinstance(schedule, dict) else None


def search_text(job: Job, title: str | None = None) -> str:
    """What a job search looks in: title, prompt, schedule (as written and its expression), script and id."""
    sched = job["schedule"] if isinstance(job.get("schedule"), dict) else {}
    parts = [job_title(job) if title is None else title, str(job.get("prompt") or ""),
             str(job.get("schedule_display") or ""), str(sched.get("expr") or ""), str(job.get("script") or ""),
             str(job["id"])]
    return " ".join(parts).lower()


def soonest_key(next_run: datetime | None, title_key: str, job_id: str) -> tuple[float, str, str]:
    """Soonest next run first; jobs without one (paused, completed …: pass None) last; then by title.
    (A timestamp, not the datetime: sorting 10,000 floats is several times faster than aware datetimes.)"""
    return (next_run.timestamp() if next_run is not None else math.inf, title_key, job_id)


def views(jobs: list[Job]) -> list[JobView]:
    return [JobView.of(job) for job in jobs]


@dataclass(frozen=True, eq=False)
class Ordered:
    """Jobs in one order, made ready for a view: the ids in that order, each id's row and sort key, and (for
    searching) each job's search text in that order."""

    ids: list[str]
    rows: dict[str, int]
    key_of: dict[str, Any]
    search: list[str]


@dataclass(frozen=True, eq=False)
class JobsTable:
    """A whole read of jobs.json made ready for the window where it was read (off the GUI thread).

    At 10,000 jobs each of these - the views, each id's row, the sidebar's and
    the cron window's orders - is a pass of Python over the jobs; made on the
    GUI thread they held the window 50-100 ms when a profile with that many
    jobs appeared. The model takes them as they are, as long as it holds the
    very jobs they were made from.
    """

    jobs: list[Job]
    views: list[JobView]
    by_id: dict[str, JobView]
    rows: dict[str, int]
    orders: dict[str, Ordered]  # by the name of the JobView attribute that gives the key

    @classmethod
    def of(cls, jobs: list[Job], made: list[JobView] | None = None,
           orders: tuple[str, ...] = ("soonest", "by_title")) -> JobsTable:
        made = made if made is not None else views(jobs)
        ids = [v.id for v in made]
        ready: dict[str, Ordered] = {}
        for name in orders:
            ranked = sorted(made, key=attrgetter(name))
            ordered_ids = [v.id for v in ranked]
            keys = [getattr(v, name) for v in ranked]
            ready[name] = Ordered(ordered_ids, dict(zip(ordered_ids, range(len(ranked)), strict=True)),
                                  dict(zip(ordered_ids, keys, strict=True)), [v.search for v in ranked])
        return cls(jobs, made, dict(zip(ids, made, strict=True)), dict(zip(ids, range(len(ids)), strict=True)),
                   ready)
