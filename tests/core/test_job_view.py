"""The typed view of a job: what views ask for, computed once; the record itself kept whole."""

from __future__ import annotations

from datetime import UTC, datetime

from hermes_desktop.core.job_view import JobView
from hermes_desktop.core.states import JobState

from .test_jobs import HERMES_RECORD


def test_a_view_reads_title_state_and_next_run_and_keeps_the_record_whole() -> None:
    record = {**HERMES_RECORD, "state": "paused", "next_run_at": "2026-11-25T04:00:00-05:00"}
    view = JobView.of(record)
    assert (view.id, view.title, view.title_key) == ("3d726da5b0b1", "Morning brief", "morning brief")
    assert view.state is JobState.PAUSED
    assert view.next_run == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # one instant, in UTC
    assert view.raw is record and view.raw["future_hermes_field"] == {"nested": [1, 2, 3]}
    assert view.schedule == {"kind": "cron", "expr": "0 9 * * *", "display": "0 9 * * *"}


def test_an_unknown_state_word_reads_as_the_enabled_flag_says() -> None:
    assert JobView.of({**HERMES_RECORD, "state": "queued"}).state is JobState.SCHEDULED  # never a stored word
    assert JobView.of({**HERMES_RECORD, "state": "weird", "enabled": False}).state is JobState.DISABLED
