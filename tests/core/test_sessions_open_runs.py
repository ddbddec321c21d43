"""Runs left open by an interrupted process: found per job, and ended once."""

from __future__ import annotations

from pathlib import Path

import pytest

from hermes_desktop.core.sessions import END_ERROR, END_OK, SessionStore


@pytest.fixture
def db(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "state.db")


def test_open_runs_are_one_jobs_unended_runs_newest_first(db: SessionStore) -> None:
    done = db.create_cron_session("abc", 1.0, "20261124_090000")
    db.end_session(done, END_OK)
    older = db.create_cron_session("abc", 2.0, "20261124_100000")
    newer = db.create_cron_session("abc", 3.0, "20261124_110000")
    db.create_cron_session("abcd", 4.0, "20261124_120000")  # another job whose id starts the same
    db.create_cron_session("ab", 4.0, "20261124_120000")

    assert [r.id for r in db.open_cron_runs("abc")] == [newer, older]
    assert [r.id for r in db.open_cron_runs("abc", limit=1)] == [newer]
    assert {r.status for r in db.open_cron_runs("abc")} == {"running"}


def test_ending_an_ended_run_changes_nothing(db: SessionStore) -> None:
    sid = db.create_cron_session("abc", 1.0, "20261124_090000")
    assert db.end_session(sid, END_OK, 5.0) is True
    assert db.end_session(sid, END_ERROR, 9.0) is False  # e.g. a recovery after the run ended itself
    run = db.cron_runs("abc")[0]
    assert (run.status, run.ended_at) == ("ok", 5.0)
    assert db.open_cron_runs("abc") == []
    assert db.end_session("cron_abc_gone", END_ERROR) is False
