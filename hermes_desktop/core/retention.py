"""Retention: a job's old runs (sessions, messages, output files) go; nothing else is touched.

``keep_runs`` (newest N runs per job) and ``max_age_days`` are both off by
default. Output files keep the newest ``output_keep`` (50) per job, as Hermes
does, and never more than ``keep_runs``.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from .home import HermesHome
from .sessions import SessionStore
from .settings import Settings

_OUTPUT_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})(?:_\d+)?\.md$")


@dataclass
class RetentionReport:
    sessions: int = 0
    files: int = 0


def apply_retention(home: HermesHome, sessions: SessionStore, job_id: str, settings: Settings,
                    now: datetime) -> RetentionReport:
    report = RetentionReport()
    cutoff = now - timedelta(days=settings.max_age_days) if settings.max_age_days else None
    if settings.keep_runs or cutoff:
        report.sessions = len(sessions.delete_cron_runs(
            job_id, keep_newest=settings.keep_runs, older_than=cutoff.timestamp() if cutoff else None))
    folder = home.job_output_dir(job_id)
    if not folder.is_dir():
        return report
    files = sorted((p for p in folder.iterdir() if p.is_file() and _OUTPUT_NAME.match(p.name)),
                   key=lambda p: (p.name[:19], len(p.name), p.name), reverse=True)
    keep = settings.output_keep
    if settings.keep_runs:
        keep = min(keep, settings.keep_runs)
    doomed = files[keep:] if keep > 0 else []
    if cutoff:
        stamp = cutoff.astimezone().strftime("%Y-%m-%d_%H-%M-%S")
        doomed += [p for p in files[:keep] if p.name[:19] < stamp]
    for path in doomed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            report.files += 1
    return report


def apply_retention_all(home: HermesHome, sessions: SessionStore, job_ids: list[str], settings: Settings,
                        now: datetime) -> RetentionReport:
    total = RetentionReport()
    for job_id in job_ids:
        r = apply_retention(home, sessions, job_id, settings, now)
        total.sessions += r.sessions
        total.files += r.files
    return total
