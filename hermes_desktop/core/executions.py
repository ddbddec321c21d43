"""Hermes' run ledger, ``cron/executions.db``: one row per run attempt, shared by Hermes and this app.

hermes-agent 0.19.0 writes one row per attempt before it starts a job
(``status`` ``claimed``, then ``running``, then ``completed``/``failed``/
``unknown``), with the owner's ``pid`` and process start time, and lists the
rows in ``hermes cron runs``. This module does three things with the file:

* :func:`hermes_running` - which jobs another live process is running now. A
  row still ``claimed``/``running`` whose owner process lives (same pid *and*
  start time, so a reused pid does not count) means the job is busy. Hermes
  writes no claim into ``jobs.json`` for a recurring run, so this is what
  tells this app that a long Hermes run is still going. Rows of this very
  process are left out: its own runs are known in memory.
* :class:`LedgerWriter` - the app's own runs, written as Hermes writes its
  rows, so ``hermes cron runs`` lists them and Hermes' recovery (which marks
  rows of dead owners ``unknown``) leaves a live run of ours alone. A write
  waits at most ``WRITE_TIMEOUT_S`` for the file's lock and never raises: a
  run is never failed or held up by its ledger row.
* :func:`ledger_runs` / :func:`ledger_run` - the rows read back as runs, for
  the history of jobs whose Hermes runs leave no ``state.db`` session
  (``no_agent`` script jobs); :func:`output_file` finds a run's output file.

The file as hermes-agent 0.19.0 makes it (created the same way when absent):
WAL journal, ``synchronous=FULL``, a 5 s busy timeout, and

    executions(id TEXT PRIMARY KEY,             -- uuid4 hex
               job_id TEXT NOT NULL, source TEXT NOT NULL,   -- source: 'builtin', 'direct', a provider
               process_id TEXT NOT NULL,        -- a uuid4 hex per writing process
               pid INTEGER NOT NULL, process_started_at INTEGER,
               status TEXT NOT NULL,            -- claimed, running, completed, failed, unknown
               claimed_at TEXT NOT NULL, started_at TEXT, finished_at TEXT,  -- isoformat() in Hermes' zone
               error TEXT)                      -- null on success
    idx_executions_job_claimed    ON executions(job_id, claimed_at DESC, id DESC)
    idx_executions_status_claimed ON executions(status, claimed_at DESC, id DESC)

Hermes keeps the newest 1,000 finished rows (all jobs together) and deletes
older ones when it finishes a run; so does this app. There is no session id
or output path in a row: a run's output file is found by its name, the time
Hermes saved it (``cron/output/{job}/{YYYY-MM-DD_HH-MM-SS}.md``, between the
row's start and finish).
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import re
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from .home import HermesHome, read_only_uri
from .procs import owner_alive, pid_alive, process_start_time
from .sessions import RETRY_PAUSE_S, is_busy_error
from .states import RunStatus

log = logging.getLogger("hermes_desktop.ticker")
T = TypeVar("T")

BUSY_TIMEOUT_S = 0.5  # reads
WRITE_TIMEOUT_S = 2.0  # the longest a run waits for the ledger's lock, once at its start and once at its end
IN_FLIGHT = ("claimed", "running")
KEEP_FINISHED = 1000  # as Hermes: the newest finished rows kept, all jobs together
SOURCE = "hermes-desktop"  # what this app writes in ``source`` (Hermes writes its scheduler's name)
PROCESS_ID = uuid.uuid4().hex  # this process, named the way Hermes names its own
RUN_REF = "execution:"  # a run known by its ledger row only: ``execution:{id}``, never a session id
LINK_S = 300  # a run's session starts within this long of the row's claim (both programs)
ABANDONED = ("This run's owner ended, or could not record the run's end, before an outcome was written; "
             "whether it finished is unknown.")

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS executions (
        id TEXT PRIMARY KEY,
        job_id TEXT NOT NULL,
        source TEXT NOT NULL,
        process_id TEXT NOT NULL,
        pid INTEGER NOT NULL,
        process_started_at INTEGER,
        status TEXT NOT NULL CHECK(status IN ('claimed','running','completed','failed','unknown')),
        claimed_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        error TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS idx_executions_job_claimed ON executions(job_id, claimed_at DESC, id DESC)",
    "CREATE INDEX IF NOT EXISTS idx_executions_status_claimed ON executions(status, claimed_at DESC, id DESC)",
)
_WALL = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})")
_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})")
_OUTPUT_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})(?:_\d+)?\.md$")


def ledger_path(home: HermesHome) -> Path:
    return home.cron_dir / "executions.db"


@contextlib.contextmanager
def _reading(home: HermesHome) -> Iterator[sqlite3.Connection | None]:
    """A read-only connection, or None when there is no ledger yet."""
    path = ledger_path(home)
    if not path.is_file():
        yield None
        return
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        yield conn
    finally:
        conn.close()


# --------------------------------------------------------------------------- who is running what


def hermes_running(home: HermesHome, job_ids: Iterable[str]) -> set[str]:
    """The ids among ``job_ids`` that another live process (Hermes, another copy of this app) is running."""
    wanted = sorted({j for j in job_ids if j})
    if not wanted:
        return set()
    busy: set[str] = set()
    try:
        with _reading(home) as conn:
            if conn is None:
                return set()
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT job_id, pid, process_started_at FROM executions "
                    f"WHERE status IN ('claimed', 'running') AND process_id != ? AND job_id IN ({marks})",
                    [PROCESS_ID, *chunk]).fetchall()
                for job_id, pid, started in rows:
                    if isinstance(pid, int) and owner_alive(pid, started if isinstance(started, int) else None):
                        busy.add(str(job_id))
    except sqlite3.Error as exc:
        log.warning("cannot read Hermes' run ledger %s (%s); its runs in flight are not known",
                    ledger_path(home), exc)
    return busy


def _owner_gone(pid: object, started: object) -> bool:
    """Whether a row's owner has provably ended (unknown means alive: a live run is never overwritten)."""
    if not isinstance(pid, int) or not pid_alive(pid):
        return True
    return isinstance(started, int) and process_start_time(pid) not in (None, started)


# --------------------------------------------------------------------------- writing this app's runs


class LedgerWriter:
    """Writes this app's runs into one home's ledger. Use from worker threads only (it waits on a file lock).

    Every method swallows its errors (logged) and waits at most ``timeout_s``.
    """

    def __init__(self, home: HermesHome, timeout_s: float | None = None) -> None:
        self.home = home
        self.timeout_s = WRITE_TIMEOUT_S if timeout_s is None else timeout_s

    def _connect(self, wait_s: float) -> sqlite3.Connection:
        path = ledger_path(self.home)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=wait_s, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(wait_s * 1000)}")
            if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' "
                            "AND name = 'idx_executions_status_claimed'").fetchone() is None:
                for sql in _SCHEMA:  # the table and both of Hermes' indexes, as Hermes creates them
                    conn.execute(sql)
        except BaseException:
            conn.close()
            raise
        return conn

    def _write(self, action: str, body: Callable[[sqlite3.Connection], T]) -> T | None:
        """``body`` in one ``BEGIN IMMEDIATE`` transaction, tried until ``timeout_s`` runs out; None if it failed.

        SQLite's busy handler covers a held write lock, but not every refusal:
        switching a new file to WAL, or two first connections creating the
        table at once, may say "locked" at once. Those are tried again after a
        short random pause (writers refused together do not retry in step).
        """
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                conn = self._connect(max(0.0, deadline - time.monotonic()))
                try:
                    conn.execute("BEGIN IMMEDIATE")  # the lock first: nothing read here goes stale before the write
                    try:
                        result = body(conn)
                        conn.execute("COMMIT")
                    except BaseException:
                        if conn.in_transaction:
                            conn.execute("ROLLBACK")
                        raise
                    return result
                finally:
                    conn.close()
            except Exception as exc:  # a busy, unreadable or read-only ledger never touches the run itself
                left = deadline - time.monotonic()
                if is_busy_error(exc) and left > 0:
                    time.sleep(min(left, random.uniform(*RETRY_PAUSE_S)))
                    continue
                log.warning("could not %s in %s: %s", action, ledger_path(self.home), exc)
                return None

    def start(self, job_id: str, claimed_at: datetime, started_at: datetime) -> str | None:
        """Record a run of ours as ``running`` (claimed when the tick claimed it); its row id, or None.

        Rows of the same job left ``claimed``/``running`` by an owner that has
        ended - or by this process, which is not running the job (a job never
        overlaps itself) - are first marked ``unknown``, as Hermes' recovery
        does when it starts.
        """
        execution_id = uuid.uuid4().hex
        pid = os.getpid()

        def write(conn: sqlite3.Connection) -> str:
            now = started_at.isoformat()
            stale = conn.execute("SELECT id, process_id, pid, process_started_at FROM executions "
                                 "WHERE job_id = ? AND status IN ('claimed', 'running')", (job_id,)).fetchall()
            for row_id, process_id, row_pid, row_started in stale:
                if process_id == PROCESS_ID or _owner_gone(row_pid, row_started):
                    conn.execute("UPDATE executions SET status = 'unknown', finished_at = ?, error = ? "
                                 "WHERE id = ? AND status IN ('claimed', 'running')", (now, ABANDONED, row_id))
            conn.execute(
                "INSERT INTO executions (id, job_id, source, process_id, pid, process_started_at, status, "
                "claimed_at, started_at) VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?)",
                (execution_id, job_id, SOURCE, PROCESS_ID, pid, process_start_time(pid),
                 min(claimed_at, started_at).isoformat(), now))
            return execution_id

        return self._write(f"record the start of a run of job {job_id}", write)

    def finish(self, execution_id: str, ok: bool, error: str | None, finished_at: datetime) -> bool:
        """Write the run's outcome (``completed``, or ``failed`` with its error) once; False if it was not written."""
        status = "completed" if ok else "failed"
        detail = None if ok else (error or "unknown failure")

        def write(conn: sqlite3.Connection) -> bool:
            done = conn.execute("UPDATE executions SET status = ?, finished_at = ?, error = ? "
                                "WHERE id = ? AND status IN ('claimed', 'running')",
                                (status, finished_at.isoformat(), detail, execution_id)).rowcount == 1
            if done:  # Hermes' bound: the newest KEEP_FINISHED finished rows stay
                conn.execute("DELETE FROM executions WHERE id IN (SELECT id FROM executions "
                             "WHERE status IN ('completed', 'failed', 'unknown') "
                             "ORDER BY claimed_at DESC, id DESC LIMIT -1 OFFSET ?)", (KEEP_FINISHED,))
            return done

        return self._write(f"record the end of run {execution_id}", write) is True


# --------------------------------------------------------------------------- reading runs back


def _instant(text: object) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return at if at.tzinfo is not None else at.astimezone()


def wall_stamp(iso: str) -> str:
    """``2026-05-01T09:00:01.5+09:00`` → ``20260501_090001``: the wall-clock second, as cron session ids write it."""
    m = _WALL.match(iso)
    return f"{m[1]}{m[2]}{m[3]}_{m[4]}{m[5]}{m[6]}" if m else ""


def claim_bound(stamp: str) -> str | None:
    """The ``claimed_at`` text above every claim made in the wall-clock second ``stamp`` (and below the next).

    None when ``stamp`` is not a session stamp and sorts above every one (no bound).
    """
    m = _STAMP.match(stamp)
    if m:
        return f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6]}~"  # '~' sorts after '.', '+', '-' and 'Z'
    return None if stamp[:1] > "9" else ""


@dataclass(frozen=True)
class LedgerRun:
    """One ledger row as a run; shaped like ``sessions.CronRun`` where views read it."""

    id: str  # ``execution:{row id}``: how the app refers to this run
    execution_id: str
    job_id: str
    source: str
    status: RunStatus
    claimed_at: str  # as stored: the keyset cursor
    started_at: float
    ended_at: float | None
    error: str | None
    finished_text: str | None = None  # finished_at as stored
    started_text: str | None = None  # started_at as stored
    title: str | None = None
    message_count: int = 0

    @property
    def stamp(self) -> str:
        """The wall-clock second of the claim (``YYYYMMDD_HHMMSS``)."""
        return wall_stamp(self.claimed_at)

    @property
    def duration(self) -> float | None:
        return None if self.ended_at is None else max(0.0, self.ended_at - self.started_at)

    @property
    def claimed_ts(self) -> float:
        claim = _instant(self.claimed_at)
        return claim.timestamp() if claim else self.started_at

    @property
    def link_ts(self) -> float:
        """The latest time this run's session (if it has one) can have started: its finish, or soon after its claim."""
        soon = self.claimed_ts + LINK_S
        if self.status in ("ok", "error") and self.ended_at is not None:
            return min(soon, self.ended_at)
        return soon

    @property
    def link_until(self) -> str:
        """``link_ts`` as a wall-clock second (``YYYYMMDD_HHMMSS``) in the claim's offset."""
        claim = _instant(self.claimed_at)
        if claim is None:
            return self.stamp
        return wall_stamp(datetime.fromtimestamp(self.link_ts, claim.tzinfo).isoformat()) or self.stamp


def run_ref(execution_id: str) -> str:
    return RUN_REF + execution_id


def parse_run_ref(ref: str) -> str | None:
    """The ledger row id of a run reference, or None for a session id."""
    return ref[len(RUN_REF):] if ref.startswith(RUN_REF) and len(ref) > len(RUN_REF) else None


_COLUMNS = "id, job_id, source, pid, process_started_at, status, claimed_at, started_at, finished_at, error"


def _run(row: tuple[object, ...]) -> LedgerRun:
    row_id, job_id, source, pid, proc_started, status, claimed, started, finished, error = row
    begun = _instant(started) or _instant(claimed)
    ended = _instant(finished)
    shown = {"completed": RunStatus.OK, "failed": RunStatus.ERROR, "unknown": RunStatus.UNKNOWN}.get(str(status))
    if shown is None:  # claimed or running: running while its owner lives
        alive = isinstance(pid, int) and owner_alive(pid, proc_started if isinstance(proc_started, int) else None)
        shown, ended = (RunStatus.RUNNING, None) if alive else (RunStatus.UNKNOWN, None)
    return LedgerRun(id=run_ref(str(row_id)), execution_id=str(row_id), job_id=str(job_id), source=str(source),
                     status=shown, claimed_at=str(claimed), started_at=begun.timestamp() if begun else 0.0,
                     ended_at=ended.timestamp() if ended else None, error=str(error) if error else None,
                     finished_text=str(finished) if finished else None, started_text=str(started) if started else None)


def ledger_runs(home: HermesHome, job_id: str, limit: int = 50, before: tuple[str, str | None] | None = None,
                not_from: str | None = None) -> list[LedgerRun]:
    """One job's rows, newest claim first: a walk of Hermes' ``(job_id, claimed_at DESC, id DESC)`` index.

    ``before`` is ``(claimed_at, id)`` of the previous page's last row, or
    ``(bound, None)`` for rows claimed strictly below the text ``bound``;
    ``not_from`` leaves out the rows of one ``source``.
    """
    where, params = "job_id = ?", [job_id]
    if not_from is not None:
        where += " AND source != ?"
        params.append(not_from)
    if before is not None:
        if before[1] is None:
            where += " AND claimed_at < ?"
            params.append(before[0])
        else:
            where += " AND (claimed_at, id) < (?, ?)"
            params += [before[0], before[1]]
    try:
        with _reading(home) as conn:
            if conn is None:
                return []
            rows = conn.execute(f"SELECT {_COLUMNS} FROM executions WHERE {where} "
                                f" ORDER BY claimed_at DESC, id DESC LIMIT ?",
                                [*params, limit]).fetchall()
    except sqlite3.Error as exc:  # unreadable, or locked past the timeout
        log.warning("cannot read the run ledger %s: %s", ledger_path(home), exc)
        return []
    return [_run(tuple(r)) for r in rows]


def ledger_run(home: HermesHome, execution_id: str) -> LedgerRun | None:
    """One row by its id (None when it is gone, or the ledger cannot be read)."""
    try:
        with _reading(home) as conn:
            if conn is None:
                return None
            row = conn.execute(f"SELECT {_COLUMNS} FROM executions WHERE id = ?", (execution_id,)).fetchone()
    except sqlite3.Error as exc:
        log.warning("cannot read the run ledger %s: %s", ledger_path(home), exc)
        return None
    return _run(tuple(row)) if row else None


class OutputFolder:
    """One job's output files (``cron/output/{job}/``), listed once, matched to ledger runs by their names.

    Hermes names a file by the wall-clock second it saves it - after the run,
    before it finishes the row, in the zone it writes the row's times in - so a
    run's file is the one named within the run's start and finish.
    """

    def __init__(self, home: HermesHome, job_id: str) -> None:
        self.folder = home.job_output_dir(job_id)
        try:
            names = [p.name for p in self.folder.iterdir() if _OUTPUT_NAME.match(p.name)]
        except OSError:
            names = []
        self.names = sorted(names, key=lambda n: (n[:19], len(n), n))

    @staticmethod
    def _span(run: LedgerRun) -> tuple[str, str] | None:
        if run.status not in ("ok", "error") or not run.finished_text:
            return None
        first = (run.started_text or run.claimed_at)[:19].replace("T", "_").replace(":", "-")
        return first, run.finished_text[:19].replace("T", "_").replace(":", "-")

    def file_for(self, run: LedgerRun) -> Path | None:
        """The output file a finished run saved (the newest named within its time), or None."""
        span = self._span(run)
        if span is None:
            return None
        names = [n for n in self.names if span[0] <= n[:19] <= span[1]]
        return self.folder / names[-1] if names else None

    def pruned(self, run: LedgerRun) -> bool:
        """Whether a finished run's output was deleted by retention: it has no file, and neither has any run
        before it (the oldest files go first). A run that never saved one, between kept files, is not pruned."""
        span = self._span(run)
        if span is None or self.file_for(run) is not None:
            return False
        return not (self.names and self.names[0][:19] < span[0])


def output_file(home: HermesHome, run: LedgerRun) -> Path | None:
    """The output file a finished ledger run saved, or None."""
    return OutputFolder(home, run.job_id).file_for(run)


def output_start(path: Path, chars: int) -> tuple[str, int]:
    """The first ``chars`` characters of an output file, and its length: -1 when that is all of it, else its size
    in bytes (a 5 MB output is not read whole to be shown)."""
    with path.open(encoding="utf-8", errors="replace") as stream:
        text = stream.read(chars + 1)
    if len(text) <= chars:
        return text, -1
    return text[:chars], path.stat().st_size
