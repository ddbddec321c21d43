"""The words Hermes stores for a job's state and a run's outcome, as enums.

They are ``StrEnum``s: each member *is* the string written in ``jobs.json``
(``JobState.PAUSED == "paused"``), so records stay Hermes' own, while code
names a state once instead of spelling it in many places.
"""

from __future__ import annotations

from enum import StrEnum


class JobState(StrEnum):
    SCHEDULED = "scheduled"
    RUNNING = "running"
    PAUSED = "paused"
    ERROR = "error"
    COMPLETED = "completed"
    DISABLED = "disabled"
    QUEUED = "queued"  # never stored: this app's word for a "Run now" waiting for its run to start

    @classmethod
    def stored(cls) -> tuple[JobState, ...]:
        """The states Hermes writes in a record."""
        return tuple(s for s in cls if s is not JobState.QUEUED)

    @property
    def will_run(self) -> bool:
        """Whether the job's next run counts: it runs when due (an error does not stop a recurring job)."""
        return self in (JobState.SCHEDULED, JobState.RUNNING, JobState.ERROR)

    @property
    def at_rest(self) -> bool:
        """Paused, completed or disabled: nothing runs until someone changes the job."""
        return self in (JobState.PAUSED, JobState.COMPLETED, JobState.DISABLED)


class RunStatus(StrEnum):
    """A run's outcome (``last_status`` of a job; a history row's status)."""

    OK = "ok"
    ERROR = "error"
    MISSED = "missed"
    RUNNING = "running"
    UNKNOWN = "unknown"  # a run in Hermes' ledger whose process ended before it said how the run went
