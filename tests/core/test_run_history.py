"""One job's history merges its ``state.db`` sessions with the runs only Hermes' ledger knows, each run once.

The ledger and output files are shaped as hermes-agent 0.19.0 writes them
(``tests/hermes_ledger.py``); times are in one zone, as both programs write
them (Hermes' zone).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core import executions, history
from hermes_desktop.core.executions import LedgerRun, ledger_run, output_file, parse_run_ref
from hermes_desktop.core.history import Run, job_runs
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.procs import process_start_time
from hermes_desktop.core.sessions import END_MISSED, END_OK, SessionStore
from tests.hermes_ledger import hermes_output, hermes_row

NY = ZoneInfo("America/New_York")
T0 = datetime(2026, 11, 24, 7, 0, tzinfo=NY)
JOB = "a1b2c3d4e5f6"


@pytest.fixture
def sessions(home: HermesHome) -> Iterator[SessionStore]:
    s = SessionStore(home.state_db)
    yield s
    s.close()


def session_run(sessions: SessionStore, at: datetime, seconds: float = 2, reason: str = END_OK) -> str:
    sid = sessions.create_cron_session(JOB, at.timestamp(), at.strftime("%Y%m%d_%H%M%S"))
    sessions.end_session(sid, reason, at.timestamp() + seconds)
    return sid


def app_run(home: HermesHome, sessions: SessionStore, at: datetime) -> str:
    """A run of this app: its ledger row (claimed at the tick) and its session (started just after)."""
    hermes_row(home, JOB, at, at, at + timedelta(seconds=3), source="hermes-desktop")
    return session_run(sessions, at + timedelta(milliseconds=300))


def script_run(home: HermesHome, at: datetime, seconds: int = 2, stdout: str = "hello") -> str:
    """A Hermes run of a no-agent script job: a ledger row and an output file, no session."""
    end = at + timedelta(seconds=seconds)
    hermes_output(home, JOB, end, stdout)
    return "execution:" + hermes_row(home, JOB, at, at + timedelta(milliseconds=5), end + timedelta(milliseconds=10))


def ids(runs: list[Run]) -> list[str]:
    return [r.id for r in runs]


def test_runs_of_both_kinds_merge_newest_first_each_run_once(home: HermesHome, sessions: SessionStore) -> None:
    expected = [
        app_run(home, sessions, T0),
        script_run(home, T0 + timedelta(minutes=1)),
        # a Hermes agent run: its session starts 20 s after the claim and it is shown as that session
        session_run(sessions, T0 + timedelta(minutes=2, seconds=20)),
        script_run(home, T0 + timedelta(minutes=3), seconds=600),
        session_run(sessions, T0 + timedelta(minutes=5), reason=END_MISSED),  # missed while the script ran
        app_run(home, sessions, T0 + timedelta(minutes=20)),
    ]
    hermes_row(home, JOB, T0 + timedelta(minutes=2), T0 + timedelta(minutes=2, seconds=1),
               T0 + timedelta(minutes=3), error=None)
    runs = job_runs(sessions, home, JOB)
    assert ids(runs) == expected[::-1]
    assert [type(r).__name__ for r in runs] == ["CronRun", "CronRun", "LedgerRun", "CronRun", "LedgerRun", "CronRun"]
    script = runs[4]
    assert isinstance(script, LedgerRun) and (script.status, script.source, script.duration) == ("ok", "builtin",
                                                                                                 pytest.approx(2.005))
    assert job_runs(sessions, home, "another-job") == []


def test_runs_in_one_second_are_both_shown_sessions_first(home: HermesHome, sessions: SessionStore) -> None:
    session = session_run(sessions, T0.replace(microsecond=100_000), seconds=0.3)
    script = script_run(home, T0.replace(microsecond=600_000))  # claimed in the same wall-clock second
    assert ids(job_runs(sessions, home, JOB)) == [session, script]
    top = job_runs(sessions, home, JOB, limit=1)
    assert ids(top) == [session]
    assert ids(job_runs(sessions, home, JOB, limit=1, after=top[0])) == [script]


def test_pages_of_any_size_walk_the_whole_history_without_gaps_or_repeats(home: HermesHome,
                                                                          sessions: SessionStore) -> None:
    expected: list[str] = []
    for i in range(90):
        at = T0 + timedelta(minutes=7 * i)
        expected.append(app_run(home, sessions, at) if i % 3 else script_run(home, at))
        if i % 10 == 5:
            expected.append(session_run(sessions, at + timedelta(minutes=3), reason=END_MISSED))
    expected.reverse()
    assert ids(job_runs(sessions, home, JOB, limit=1000)) == expected
    for size in (1, 2, 7, 50):
        walked: list[Run] = []
        for _ in range(len(expected) + 1):  # a cursor that does not move on fails here, not hangs
            page = job_runs(sessions, home, JOB, size, walked[-1] if walked else None)
            walked += page
            if len(page) < size:
                break
        assert ids(walked) == expected, size


def test_a_page_reads_a_bounded_part_of_the_ledger(home: HermesHome, sessions: SessionStore,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(400):  # Hermes' agent runs: every one has a ledger row and a session
        at = T0 + timedelta(minutes=i)
        hermes_row(home, JOB, at, at, at + timedelta(seconds=30))
        session_run(sessions, at + timedelta(seconds=20))
    script_run(home, T0 - timedelta(days=1))
    read: list[int] = []
    real = history.ledger_runs

    def counting(*args: object, **kwargs: object) -> list[LedgerRun]:
        got = real(*args, **kwargs)  # type: ignore[arg-type]
        read.append(len(got))
        return got

    monkeypatch.setattr(history, "ledger_runs", counting)
    page = job_runs(sessions, home, JOB, limit=20)
    assert len(page) == 20 and all(r.id.startswith("cron_") for r in page)
    assert sum(read) <= 3 * 20  # not the 400 rows below the page
    assert ids(job_runs(sessions, home, JOB, limit=1000))[-1].startswith("execution:")  # the script run is there


def test_the_ledger_is_walked_on_hermes_own_index(home: HermesHome, sessions: SessionStore,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(5):
        script_run(home, T0 + timedelta(minutes=i))
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(executions.sqlite3, "connect", traced)
    session_run(sessions, T0 + timedelta(minutes=2, seconds=30))
    first = job_runs(sessions, home, JOB, limit=2)
    job_runs(sessions, home, JOB, limit=2, after=first[-1])  # after a ledger row
    job_runs(sessions, home, JOB, limit=2, after=sessions.cron_runs(JOB)[0])  # after a session
    monkeypatch.undo()
    pages = [s for s in statements if s.startswith("SELECT") and "ORDER BY claimed_at DESC" in s]
    assert len(pages) >= 3 and any("(claimed_at, id) <" in s for s in pages) and any("claimed_at <" in s
                                                                                   for s in pages)
    conn = sqlite3.connect(home.cron_dir / "executions.db")
    try:
        for sql in pages:
            plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert "USING INDEX idx_executions_job_claimed" in plan and "TEMP B-TREE" not in plan, plan
    finally:
        conn.close()


def test_runs_in_flight_and_abandoned_ones(home: HermesHome, sessions: SessionStore) -> None:
    live = hermes_row(home, JOB, T0, T0, status="running", pid=os.getpid(),
                      process_started_at=process_start_time(os.getpid()))
    dead = hermes_row(home, JOB, T0 - timedelta(hours=1), T0 - timedelta(hours=1), status="running",
                      pid=os.getpid(), process_started_at=-1)  # the pid now belongs to another process
    recovered = hermes_row(home, JOB, T0 - timedelta(hours=2), T0 - timedelta(hours=2), T0, status="unknown",
                           error="Scheduler restarted after this execution's owner exited")
    runs = {r.id: r for r in job_runs(sessions, home, JOB)}
    assert runs["execution:" + live].status == "running" and runs["execution:" + live].ended_at is None
    assert runs["execution:" + dead].status == "unknown"
    assert runs["execution:" + recovered].status == "unknown"
    assert output_file(home, runs["execution:" + live]) is None


def test_an_app_run_that_crashed_is_still_one_run(home: HermesHome, sessions: SessionStore) -> None:
    """The app died mid-run: its row stays ``running`` (or Hermes marks it unknown later); its session shows."""
    hermes_row(home, JOB, T0, T0, status="running", pid=os.getpid(), process_started_at=-1, source="hermes-desktop")
    sid = session_run(sessions, T0 + timedelta(milliseconds=200))
    later = script_run(home, T0 + timedelta(minutes=1))
    assert ids(job_runs(sessions, home, JOB)) == [later, sid]


def test_the_output_file_is_the_one_saved_within_the_run(home: HermesHome) -> None:
    at = T0
    hermes_output(home, JOB, at - timedelta(seconds=1), "the run before")
    hermes_output(home, JOB, at + timedelta(seconds=31), "the run after")
    ref = script_run(home, at, seconds=30, stdout="this run")
    execution_id = parse_run_ref(ref)
    assert execution_id is not None
    run = ledger_run(home, execution_id)
    assert run is not None and run.id == ref
    path = output_file(home, run)
    assert path is not None and "this run" in path.read_text() and path.name == "2026-11-24_07-00-30.md"
    assert parse_run_ref("cron_a1b2c3d4e5f6_20261124_070000") is None


def test_no_ledger_means_the_sessions_alone(home: HermesHome, sessions: SessionStore) -> None:
    sid = session_run(sessions, T0)
    assert ids(job_runs(sessions, home, JOB)) == [sid]
    assert not (home.cron_dir / "executions.db").exists()  # reading never creates Hermes' file
    assert datetime.fromtimestamp(job_runs(sessions, home, JOB)[0].started_at, UTC) == T0


def test_a_session_that_started_after_a_run_finished_is_another_run(home: HermesHome,
                                                                    sessions: SessionStore) -> None:
    at = T0.replace(microsecond=100_000)
    script = script_run(home, at, seconds=0)  # finished at .110 s
    session = session_run(sessions, at.replace(microsecond=900_000))  # the next run, in the same second
    assert ids(job_runs(sessions, home, JOB)) == [session, script]


def test_runs_that_retention_deleted_stay_deleted(home: HermesHome, sessions: SessionStore) -> None:
    """Retention deletes old sessions and old output files; their ledger rows (which Hermes keeps) add nothing."""
    app = [app_run(home, sessions, T0 + timedelta(minutes=i)) for i in range(3)]
    with sqlite3.connect(home.state_db) as conn:  # keep_runs=1 deleted the two older sessions
        conn.execute("DELETE FROM sessions WHERE id IN (?, ?)", app[:2])
    pruned = script_run(home, T0 - timedelta(hours=3))
    kept_old = script_run(home, T0 - timedelta(hours=2))
    never_saved = "execution:" + hermes_row(home, JOB, T0 - timedelta(hours=1), T0 - timedelta(hours=1),
                                            T0 - timedelta(minutes=59), status="failed", error="Executor failed")
    kept = script_run(home, T0 - timedelta(minutes=30))
    for path in home.job_output_dir(JOB).iterdir():  # the oldest output file went too
        if path.name.startswith("2026-11-24_04-00"):
            path.unlink()
    newest_failure = "execution:" + hermes_row(home, JOB, T0 + timedelta(hours=1), T0 + timedelta(hours=1),
                                               T0 + timedelta(hours=1, seconds=1), status="failed", error="boom")
    assert ids(job_runs(sessions, home, JOB)) == [newest_failure, app[2], kept, never_saved, kept_old]
    assert pruned not in ids(job_runs(sessions, home, JOB))
