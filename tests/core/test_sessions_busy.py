"""state.db shared with busy Hermes writers: the app's writes wait their turn, and say so when they can't.

The writers on the other side are hermes-agent's own ``SessionDB`` (run with the Python
it is installed in) or, where that is missing, a second SQLite connection.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import queue
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar, Protocol

import pytest

from hermes_desktop.core.sessions import END_OK, SessionStore, StateDbBusy

HERMES_PYTHON = Path(os.environ.get("HERMES_AGENT_PYTHON", "/work/hermes-venv/bin/python"))
needs_hermes = pytest.mark.skipif(
    not HERMES_PYTHON.exists(),
    reason=f"hermes-agent's Python not found at {HERMES_PYTHON} (set HERMES_AGENT_PYTHON to run against SessionDB)",
)

# Runs inside hermes-agent's Python. "hold" keeps SessionDB's write transaction open until a line
# arrives on stdin. "write" is a Hermes process that, once told to go, writes sessions a few ms apart,
# every `slow_every` rounds with one slow write (an FTS merge or a long transcript holds the lock so).
HERMES_HELPER = r"""
import json, random, sys, time
from pathlib import Path
from hermes_state import SessionDB

mode, db_path = sys.argv[1], Path(sys.argv[2])
db = SessionDB(db_path)
if mode == "hold":
    def hold(conn):
        conn.execute("INSERT INTO sessions (id, source, started_at) VALUES ('hermes_holder', 'cli', ?)",
                     (time.time(),))
        print("holding", flush=True)
        sys.stdin.readline()
    db._execute_write(hold)
    print("released", flush=True)
else:
    name, rounds, slow_every, slow_s, pause_s = sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), \
        float(sys.argv[6]), float(sys.argv[7])
    failures = 0
    print("ready", flush=True)
    sys.stdin.readline()
    for n in range(1, rounds + 1):
        sid = f"{name}_{n}"
        try:
            db.create_session(sid, "cli")
            db.append_message(sid, "user", "hello " * 50)
            if n % slow_every == 0:
                def slow(conn):
                    conn.execute("UPDATE sessions SET title = ? WHERE id = ?", (sid, sid))
                    time.sleep(slow_s)
                db._execute_write(slow)
            db.append_message(sid, "assistant", "hi " * 50)
            db.end_session(sid, "done")
        except Exception as exc:
            failures += 1
            print(f"error: {exc!r}", file=sys.stderr, flush=True)
        time.sleep(random.uniform(0, pause_s))
    db.close()
    print(json.dumps({"rounds": rounds, "failures": failures}), flush=True)
"""

WAIT_S = 15.0  # generous deadline for things that normally happen within a second


def wait_until(condition: Callable[[], bool], what: str, timeout: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


class HermesProcess:
    """hermes-agent's Python running HERMES_HELPER, its stdout read line by line with deadlines."""

    def __init__(self, script: Path, home: Path, *args: str) -> None:
        env = {**os.environ, "HERMES_HOME": str(home)}
        env.pop("PYTHONPATH", None)
        self.proc = subprocess.Popen([str(HERMES_PYTHON), str(script), *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        self.stderr: list[str] = []
        self.pumps = [threading.Thread(target=self._pump, args=(self.proc.stdout, self.lines.put)),
                      threading.Thread(target=self._pump, args=(self.proc.stderr, self.stderr.append))]
        for pump in self.pumps:
            pump.start()

    @staticmethod
    def _pump(stream: Any, sink: Callable[[str], None]) -> None:
        for line in stream:
            sink(line.rstrip("\n"))

    def expect(self, prefix: str = "") -> str:
        try:
            line = self.lines.get(timeout=WAIT_S)
        except queue.Empty:
            raise AssertionError(f"Hermes helper said nothing; stderr: {self.stderr[-5:]}") from None
        assert line.startswith(prefix), (line, self.stderr[-5:])
        return line

    def tell(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=WAIT_S)
        for pump in self.pumps:
            pump.join(WAIT_S)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def hermes_processes(tmp_path: Path) -> Iterator[Callable[..., HermesProcess]]:
    script = tmp_path / "hermes_helper.py"
    script.write_text(HERMES_HELPER, encoding="utf-8")
    started: list[HermesProcess] = []

    def start(*args: str) -> HermesProcess:
        started.append(HermesProcess(script, tmp_path / "hermes-home", *args))
        return started[-1]

    yield start
    for proc in started:
        proc.stop()


class LockHolder(Protocol):
    def take(self) -> None: ...
    def release(self) -> None: ...


class SqliteHolder:
    """A second connection in this process that keeps the write lock."""

    def __init__(self, db_path: Path) -> None:
        self.conn = sqlite3.connect(db_path, isolation_level=None)

    def take(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO sessions (id, source, started_at) VALUES ('other_holder', 'cli', 1.0)")

    def release(self) -> None:
        self.conn.execute("COMMIT")


class HermesHolder:
    """hermes-agent's SessionDB in another process, inside its own write transaction."""

    def __init__(self, start: Callable[..., HermesProcess], db_path: Path) -> None:
        self.start, self.db_path = start, db_path

    def take(self) -> None:
        self.proc = self.start("hold", str(self.db_path))
        self.proc.expect("holding")

    def release(self) -> None:
        self.proc.tell("release")
        self.proc.expect("released")


@pytest.fixture(params=["sqlite", pytest.param("hermes", marks=needs_hermes)])
def holder(request: pytest.FixtureRequest, db_path: Path) -> Iterator[LockHolder]:
    if request.param == "hermes":
        yield HermesHolder(request.getfixturevalue("hermes_processes"), db_path)
        return
    held = SqliteHolder(db_path)
    yield held
    held.conn.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "hermes-home" / "state.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def refusals(caplog: pytest.LogCaptureFixture) -> Callable[[], int]:
    """How many of the app's write attempts state.db has refused so far."""
    caplog.set_level(logging.DEBUG, logger="hermes_desktop.store")
    return lambda: sum("refused attempt" in r.getMessage() for r in list(caplog.records))


class Call(threading.Thread):
    """Runs ``fn`` in a thread (the way the scheduler's runs write) and keeps its result or error."""

    started: ClassVar[list[Call]] = []  # joined after each test

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.result: Any = None
        self.error: BaseException | None = None

    def start(self) -> None:
        Call.started.append(self)
        super().start()

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:
            self.error = exc

    def outcome(self) -> Any:
        self.join(WAIT_S)
        assert not self.is_alive()
        if self.error is not None:
            raise self.error
        return self.result


@pytest.fixture(autouse=True)
def _join_calls() -> Iterator[None]:
    yield
    while Call.started:
        Call.started.pop().join(WAIT_S)


def test_a_write_waits_while_another_writer_holds_the_lock(db_path: Path, holder: LockHolder,
                                                           refusals: Callable[[], int]) -> None:
    store = SessionStore(db_path, attempt_timeout_s=0.05)
    store.session_count()
    holder.take()
    call = Call(lambda: store.create_cron_session("abc", 1.0, "20261124_090000"))
    call.start()
    try:
        wait_until(lambda: refusals() >= 3, "the app's write to be refused three times")
    finally:
        holder.release()
    sid = call.outcome()
    assert [r.id for r in store.open_cron_runs("abc")] == [sid]
    assert store.end_session(sid, END_OK) is True
    assert store.open_cron_runs("abc") == []


def test_setting_up_the_schema_waits_too(db_path: Path, holder: LockHolder, refusals: Callable[[], int]) -> None:
    SessionStore(db_path).session_count()
    conn = sqlite3.connect(db_path)  # a home Hermes made: the app's own index is still missing
    conn.execute("DROP INDEX idx_desktop_recent_non_cron")
    conn.close()
    holder.take()
    store = SessionStore(db_path, attempt_timeout_s=0.05)
    call = Call(store.recent_sessions)
    call.start()
    try:
        wait_until(lambda: refusals() >= 3, "the app's schema setup to be refused three times")
    finally:
        holder.release()
    assert [s.id for s in call.outcome()] == [s.id for s in SessionStore(db_path).recent_sessions()]
    assert "idx_desktop_recent_non_cron" in {r[0] for r in store._conn().execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_lock_held_past_the_budget_raises_a_clear_error(db_path: Path, holder: LockHolder) -> None:
    store = SessionStore(db_path, write_budget_s=0.3, attempt_timeout_s=0.05)
    store.session_count()
    holder.take()
    try:
        began = time.monotonic()
        with pytest.raises(StateDbBusy) as raised:
            store.create_cron_session("abc", 1.0, "20261124_090000")
        took = time.monotonic() - began
    finally:
        holder.release()
    busy = raised.value
    assert 0.3 <= busy.waited_s <= took < 3.0
    assert busy.attempts > 1
    assert str(busy) == (f"{db_path} stayed locked by another writer for {busy.waited_s:.1f} s "
                         f"({busy.attempts} attempts), so this app could not record a run of job abc.")
    assert store.cron_runs("abc") == []  # nothing half-written


def test_a_write_deadline_replaces_the_budget_both_ways(db_path: Path, holder: LockHolder,
                                                        refusals: Callable[[], int]) -> None:
    store = SessionStore(db_path, write_budget_s=0.1, attempt_timeout_s=0.02)
    sid = store.create_cron_session("abc", 1.0, "20261124_090000")
    holder.take()
    try:
        with pytest.raises(StateDbBusy) as raised, store.write_deadline(time.monotonic()):
            store.end_session(sid, END_OK)
        assert raised.value.attempts == 1  # a deadline already past allows one attempt, not the budget's

        def end_with_a_long_deadline() -> bool:
            with store.write_deadline(time.monotonic() + WAIT_S):
                return store.end_session(sid, END_OK)

        call = Call(end_with_a_long_deadline)
        call.start()
        # Five refusals of 20 ms, 20 ms apart at least, outlast the 0.1 s budget: only the deadline keeps it waiting.
        wait_until(lambda: refusals() >= 5, "the app's write to outlast its budget")
    finally:
        holder.release()
    assert call.outcome() is True
    assert store.open_cron_runs("abc") == []


def test_other_errors_are_not_retried(db_path: Path, refusals: Callable[[], int]) -> None:
    store = SessionStore(db_path)  # the default budget: a retried error would take 20 s
    sid = store.create_cron_session("abc", 1.0, "20261124_090000")
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TRIGGER broken AFTER INSERT ON messages BEGIN INSERT INTO nowhere VALUES (1); END")
    conn.commit()
    conn.close()
    began = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        store.append_message(sid, "user", "prompt")
    assert time.monotonic() - began < 1.0
    assert refusals() == 0
    assert store.messages(sid) == []


@needs_hermes
def test_runs_beside_busy_hermes_writers_all_record_and_end(
        db_path: Path, hermes_processes: Callable[..., HermesProcess], refusals: Callable[[], int]) -> None:
    # One attempt waits less than a slow Hermes write holds the lock, so only retrying gets through.
    store = SessionStore(db_path, write_budget_s=WAIT_S, attempt_timeout_s=0.03)
    store.session_count()
    writers = []
    for i in range(3):  # set up one at a time: SessionDB's own schema setup does not retry a lock
        # 8 rounds, each with a 40 ms write, up to 10 ms apart
        writers.append(hermes_processes("write", str(db_path), f"hermes{i}", "8", "1", "0.04", "0.01"))
        writers[-1].expect("ready")
    jobs, rounds = ["job0", "job1"], 10

    def cycles(job_id: str) -> None:
        try:
            for n in range(rounds):
                sid = store.create_cron_session(job_id, float(n), f"20261124_0900{n:02d}")
                store.append_message(sid, "user", "prompt")
                store.append_message(sid, "assistant", "result")
                store.set_unique_title(sid, f"{job_id} run {n}")
                store.end_session(sid, END_OK)
        finally:
            store.close()

    for writer in writers:
        writer.tell("go")
    wait_until(lambda: store.session_count() > 0, "Hermes to start writing")
    calls = [Call(functools.partial(cycles, job_id)) for job_id in jobs]
    for call in calls:
        call.start()
    for call in calls:
        call.outcome()  # raises the app's first failure, if any
    results = [json.loads(writer.expect("{")) for writer in writers]

    assert refusals() > 0  # the writers really did get in the app's way
    assert all(r["failures"] == 0 for r in results), results
    for job_id in jobs:
        runs = store.cron_runs(job_id)
        assert len(runs) == rounds
        assert {(r.status, r.message_count) for r in runs} == {("ok", 2)}
        assert store.open_cron_runs(job_id) == []
