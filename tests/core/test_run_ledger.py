"""The app writes its runs into Hermes' run ledger (``cron/executions.db``) the way hermes-agent 0.19.0 does.

Without Hermes: the file is made, or written, as ``tests/hermes_ledger.py``
describes Hermes' own; a ledger that is busy or broken never fails or holds
up a run.
"""

from __future__ import annotations

import logging
import os
import select
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core import executions
from hermes_desktop.core.executions import SOURCE, hermes_running
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.procs import process_start_time
from hermes_desktop.core.scheduler import Scheduler
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings
from tests.hermes_ledger import HERMES_DDL, hermes_ledger, hermes_row

NY = ZoneInfo("America/New_York")
T0 = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self, at: datetime = T0) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sched(home: HermesHome, clock: Clock) -> Iterator[Scheduler]:
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings(job_timeout_s=60))
    yield s
    s.shutdown()


def rows(home: HermesHome, job_id: str | None = None) -> list[dict]:
    conn = sqlite3.connect(home.cron_dir / "executions.db")
    conn.row_factory = sqlite3.Row
    try:
        sql = "SELECT * FROM executions" + (" WHERE job_id = ?" if job_id else "") + " ORDER BY claimed_at, id"
        return [dict(r) for r in conn.execute(sql, (job_id,) if job_id else ())]
    finally:
        conn.close()


def script_job(home: HermesHome, clock: Clock, name: str, body: str) -> dict:
    (home.scripts_dir / name).write_text(body)
    return JobStore(home, tz=NY, clock=clock).create("every 1m", script=name, no_agent=True)


class Gate:
    """A script that reports its start through one FIFO and waits on another: no polling, no sleeping."""

    def __init__(self, home: HermesHome) -> None:
        self.started, self.release = home.root / "started.fifo", home.root / "release.fifo"
        os.mkfifo(self.started)
        os.mkfifo(self.release)
        self._fd = os.open(self.started, os.O_RDONLY | os.O_NONBLOCK)
        self.script = f'echo up > "{self.started}"\nread line < "{self.release}"\necho finished\n'

    def wait_started(self, timeout: float = 30) -> None:
        ready, _, _ = select.select([self._fd], [], [], timeout)
        assert ready, "the script did not start"
        os.close(self._fd)

    def open(self) -> None:
        with open(self.release, "w") as fifo:  # waits for the script to be reading
            fifo.write("go\n")


def test_a_missing_ledger_is_created_as_hermes_creates_it(home: HermesHome, clock: Clock, sched: Scheduler,
                                                          tmp_path: Path) -> None:
    job = script_job(home, clock, "hi.sh", "echo hi\n")
    assert not (home.cron_dir / "executions.db").exists()
    clock.at += timedelta(minutes=1)
    sched.tick().wait()
    ours = sqlite3.connect(home.cron_dir / "executions.db")
    theirs = sqlite3.connect(tmp_path / "reference.db")
    try:
        for sql in HERMES_DDL:
            theirs.execute(sql)

        def shape(conn: sqlite3.Connection) -> object:
            indexes = sorted(r[1] for r in conn.execute("PRAGMA index_list(executions)"))
            return (conn.execute("PRAGMA table_xinfo(executions)").fetchall(), indexes,
                    [conn.execute(f"PRAGMA index_xinfo({name})").fetchall() for name in indexes])

        assert shape(ours) == shape(theirs)
        assert ours.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with pytest.raises(sqlite3.IntegrityError):  # Hermes' CHECK on the status words came along
            ours.execute("INSERT INTO executions (id, job_id, source, process_id, pid, status, claimed_at) "
                         "VALUES ('x', 'j', 's', 'p', 1, 'done', 't')")
    finally:
        ours.close()
        theirs.close()
    assert [r["job_id"] for r in rows(home)] == [job["id"]]


def test_a_run_is_written_as_hermes_writes_its_own(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    hermes_ledger(home).close()  # Hermes' own file, already there
    good = script_job(home, clock, "hi.sh", "echo hi\n")
    bad = script_job(home, clock, "bad.sh", "exit 4\n")
    clock.at += timedelta(minutes=1)
    sched.tick().wait()
    at = clock.at.astimezone(NY).isoformat()
    (ok,), (failed,) = rows(home, good["id"]), rows(home, bad["id"])
    assert ok == {"id": ok["id"], "job_id": good["id"], "source": SOURCE, "process_id": executions.PROCESS_ID,
                  "pid": os.getpid(), "process_started_at": process_start_time(os.getpid()), "status": "completed",
                  "claimed_at": at, "started_at": at, "finished_at": at, "error": None}
    assert len(ok["id"]) == 32 and int(ok["id"], 16) >= 0 and len(executions.PROCESS_ID) == 32
    assert at.endswith("-05:00")  # times in the schedules' zone, with its offset, as Hermes writes its own
    assert failed["status"] == "failed" and "exited with code 4" in failed["error"]


def test_while_a_run_lasts_its_row_says_running_with_its_owner(home: HermesHome, clock: Clock, sched: Scheduler,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate(home)
    job = script_job(home, clock, "gated.sh", gate.script)
    clock.at += timedelta(minutes=1)
    report = sched.tick()
    try:
        gate.wait_started()
        (row,) = rows(home, job["id"])
        assert (row["status"], row["finished_at"], row["pid"]) == ("running", None, os.getpid())
        assert hermes_running(home, [job["id"]]) == set()  # this process knows its own runs
        monkeypatch.setattr(executions, "PROCESS_ID", "another-copy-of-the-app")
        assert hermes_running(home, [job["id"]]) == {job["id"]}  # any other process sees a live run
        monkeypatch.undo()
    finally:
        gate.open()
    report.wait()
    assert [r["status"] for r in rows(home, job["id"])] == ["completed"]


@pytest.mark.parametrize("broken", ["locked", "not a database"])
def test_a_busy_or_broken_ledger_never_fails_the_run(home: HermesHome, clock: Clock, sched: Scheduler,
                                                     monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
                                                     broken: str) -> None:
    monkeypatch.setattr(executions, "WRITE_TIMEOUT_S", 0.05)
    job = script_job(home, clock, "hi.sh", "echo hi\n")
    holder = None
    if broken == "locked":
        holder = hermes_ledger(home)
        holder.execute("BEGIN EXCLUSIVE")  # another writer that keeps the lock for the whole run
    else:
        (home.cron_dir / "executions.db").write_bytes(b"this is not a database " * 100)
    clock.at += timedelta(minutes=1)
    try:
        with caplog.at_level(logging.WARNING, logger="hermes_desktop.ticker"):
            (result,) = sched.tick().wait()
    finally:
        if holder is not None:
            holder.execute("ROLLBACK")
            holder.close()
    assert result is not None and result.ok and result.output == "hi\n"
    (run,) = SessionStore(home.state_db).cron_runs(job["id"])
    assert run.status == "ok"
    assert JobStore(home, tz=NY).get(job["id"])["last_status"] == "ok"
    assert any("could not record the start of a run" in r.getMessage() for r in caplog.records)
    if broken == "locked":
        assert rows(home) == []


def test_a_row_left_running_by_a_dead_owner_is_marked_unknown_when_the_job_runs_again(
    home: HermesHome, clock: Clock, sched: Scheduler
) -> None:
    job = script_job(home, clock, "hi.sh", "echo hi\n")
    dead = subprocess.Popen(["true"])
    dead.wait()
    live = subprocess.Popen(["sleep", "60"])
    try:
        gone = hermes_row(home, job["id"], T0, T0, status="running", pid=dead.pid, process_started_at=1)
        other = hermes_row(home, "another", T0, T0, status="running", pid=live.pid,
                           process_started_at=process_start_time(live.pid))
        clock.at += timedelta(minutes=1)
        sched.tick().wait()
        by_id = {r["id"]: r for r in rows(home)}
        assert by_id[gone]["status"] == "unknown" and by_id[gone]["finished_at"] is not None
        assert by_id[other]["status"] == "running"  # a live owner's run is never rewritten
        assert sorted(r["status"] for r in rows(home, job["id"])) == ["completed", "unknown"]
    finally:
        live.kill()
        live.wait()


def test_finished_rows_are_pruned_as_hermes_prunes_them(home: HermesHome, clock: Clock, sched: Scheduler,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executions, "KEEP_FINISHED", 3)
    t0 = T0.astimezone(NY)  # Hermes writes its times in its zone, the one the app reads schedules in
    old = [hermes_row(home, "other", t0 - timedelta(hours=h), t0 - timedelta(hours=h)) for h in range(1, 5)]
    in_flight = hermes_row(home, "other", t0 - timedelta(days=9), status="claimed", pid=os.getpid(),
                           process_started_at=process_start_time(os.getpid()))
    job = script_job(home, clock, "hi.sh", "echo hi\n")
    clock.at += timedelta(minutes=1)
    sched.tick().wait()
    kept = {r["id"] for r in rows(home)}
    ours = rows(home, job["id"])[0]["id"]
    assert kept == {ours, old[0], old[1], in_flight}  # the newest 3 finished rows, and what is not finished


def test_runs_starting_together_on_a_new_home_all_get_their_row(tmp_path: Path) -> None:
    """Switching a new file to WAL and creating its table refuse a second connection at once ("locked"), without
    SQLite's busy wait: the writer tries again within its time."""
    now = datetime.now(UTC)
    for attempt in range(25):
        home = HermesHome(tmp_path / f"home{attempt}")
        barrier = threading.Barrier(4)
        got: list[str | None] = []

        def start(job_id: str, home: HermesHome = home, barrier: threading.Barrier = barrier,
                  got: list[str | None] = got) -> None:
            barrier.wait()
            got.append(executions.LedgerWriter(home).start(job_id, now, now))

        threads = [threading.Thread(target=start, args=(f"job{i}",)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert None not in got and len(rows(home)) == 4, attempt
