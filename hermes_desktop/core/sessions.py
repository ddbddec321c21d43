"""The session store over ``state.db``, the SQLite file Hermes owns.

This app reads and writes a subset of Hermes' columns, by name. On a new file
it creates that subset in a form Hermes later opens and extends (Hermes adds
its missing columns on start); on an existing Hermes database it only adds
missing indexes and never alters or drops anything.

Every query that a window runs often is a bounded index walk:

* recents use a partial index over non-cron sessions, so a pile of cron runs
  (always the newest rows) can neither slow nor starve them;
* one job's runs are the id range ``[cron_{job}_, cron_{job}`)`` of the
  ``(source, id)`` index, walked backwards: run ids carry their start time,
  so the newest N cost N index steps whatever the job's history holds.

Writes share the file with Hermes' own writers (gateway, CLI, its cron), and
SQLite lets one writer in at a time. Every write is one ``BEGIN IMMEDIATE``
transaction, the way hermes-agent's ``SessionDB`` writes: the lock is taken up
front, SQLite's busy handler waits at most ``attempt_timeout_s`` for it, and a
refused attempt is rolled back and tried again after a random 20-150 ms pause,
so competing writers stagger instead of queueing in lock-step. Only "locked" and
"busy" errors are retried. Hermes stops after 15 attempts; this store keeps
trying until a time budget runs out (``write_budget_s``, or the deadline of a
``write_deadline`` block) and then raises ``StateDbBusy``, having written
nothing, so the caller decides what happens to the record.
"""

from __future__ import annotations

import dataclasses
import glob
import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .problems import Problem, ProblemError
from .recents import RecentOrder, recent_order
from .states import RunStatus
from .titles import (
    MAX_TITLE_LENGTH,
    AmbiguousSession,
    SessionNotFound,
    SessionRunning,
    TitleTaken,
    clean_title,
    flatten_title,
)

log = logging.getLogger("hermes_desktop.store")

T = TypeVar("T")

BUSY_TIMEOUT_MS = 5000  # reads: WAL readers are not blocked by a writer, this only covers rare recoveries
# Writes, as hermes-agent 0.19's SessionDB: a 1 s busy wait per attempt and a random 20-150 ms pause
# between attempts. Hermes gives up after 15 attempts (about 17 s at worst); the budget here is time.
ATTEMPT_TIMEOUT_S = 1.0
RETRY_PAUSE_S = (0.020, 0.150)
WRITE_BUDGET_S = 20.0
PREVIEW_CHARS = 60
ABANDONED_RUN_S = 24 * 3600  # a cron run still open after a day died with its process (timeouts are far shorter)

# Statement by statement: executescript() would commit the surrounding write transaction.
_TABLES = {
    "sessions": """CREATE TABLE IF NOT EXISTS sessions (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        model TEXT,
        parent_session_id TEXT,
        started_at REAL NOT NULL,
        ended_at REAL,
        end_reason TEXT,
        message_count INTEGER DEFAULT 0,
        title TEXT,
        FOREIGN KEY (parent_session_id) REFERENCES sessions(id)
    )""",
    "messages": """CREATE TABLE IF NOT EXISTS messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES sessions(id),
        role TEXT NOT NULL,
        content TEXT,
        timestamp REAL NOT NULL
    )""",
}

# The indexes this app's queries rely on. Names shared with Hermes are the same
# definitions Hermes creates, so neither program ever sees a conflict.
_INDEXES = {
    "idx_sessions_source_id": "CREATE INDEX IF NOT EXISTS idx_sessions_source_id ON sessions(source, id)",
    "idx_sessions_started": "CREATE INDEX IF NOT EXISTS idx_sessions_started ON sessions(started_at DESC)",
    "idx_messages_session": "CREATE INDEX IF NOT EXISTS idx_messages_session ON messages(session_id, timestamp)",
    "idx_desktop_recent_non_cron": "CREATE INDEX IF NOT EXISTS idx_desktop_recent_non_cron "
                                   "ON sessions(started_at DESC, id DESC) WHERE source != 'cron'",
}
_TITLE_INDEX_NAME = "idx_sessions_title_unique"
_TITLE_INDEX = "CREATE UNIQUE INDEX IF NOT EXISTS idx_sessions_title_unique ON sessions(title) WHERE title IS NOT NULL"

# End reasons this app writes on cron runs; Hermes writes 'cron_complete' for its own runs.
END_OK = "cron_complete"
END_ERROR = "cron_error"
END_MISSED = "cron_missed"


@dataclass(frozen=True)
class SessionSummary:
    id: str
    source: str
    title: str | None
    started_at: float
    last_active: float
    message_count: int
    preview: str

    @property
    def cursor(self) -> tuple[float, str]:
        """Pass as ``before`` to get the page after this row."""
        return (self.started_at, self.id)


@dataclass(frozen=True)
class CronRun:
    id: str
    title: str | None
    started_at: float
    ended_at: float | None
    end_reason: str | None
    message_count: int

    @property
    def status(self) -> RunStatus:
        if self.ended_at is None:
            return RunStatus.RUNNING
        if self.end_reason == END_ERROR:
            return RunStatus.ERROR
        if self.end_reason == END_MISSED:
            return RunStatus.MISSED
        return RunStatus.OK

    @property
    def duration(self) -> float | None:
        return None if self.ended_at is None else max(0.0, self.ended_at - self.started_at)


@dataclass(frozen=True)
class Message:
    id: int
    role: str
    content: str
    timestamp: float
    length: int = -1  # the whole message's length when ``content`` holds only its start (-1: it is whole)

    @property
    def cut(self) -> bool:
        return self.length > len(self.content)


@dataclass(frozen=True)
class DeletedSession:
    id: str
    title: str | None
    message_count: int  # its own messages that were deleted
    children: tuple[str, ...]  # its subagent runs, deleted with it


def cron_id_range(job_id: str) -> tuple[str, str]:
    """The half-open id range of one job's runs: ``cron_{id}_`` … ``cron_{id}```."""
    prefix = f"cron_{job_id}_"
    return prefix, prefix[:-1] + chr(ord("_") + 1)


class StateDbBusy(ProblemError, RuntimeError):
    """A write gave up: other programs kept ``state.db``'s write lock for the whole budget.

    Nothing of the write was applied, so it can be tried again later. ``waited_s`` is how
    long this store tried, ``attempts`` how often.
    """

    def __init__(self, path: Path, action: str, waited_s: float, attempts: int) -> None:
        super().__init__(Problem.of("state_db_busy", path=str(path), seconds=f"{waited_s:.1f}", attempts=attempts,
                                    action=action))
        self.path = path
        self.action = action
        self.waited_s = waited_s
        self.attempts = attempts


def is_busy_error(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" / "database table is locked" (SQLITE_BUSY, SQLITE_LOCKED)."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    message = str(exc).lower()
    return "locked" in message or "busy" in message


class SessionStore:
    """One SQLite connection per thread (never shared), WAL, writes that wait their turn.

    A write waits for the file's write lock up to ``write_budget_s`` seconds (settable on
    the instance), or, inside a ``write_deadline(deadline)`` block, until that deadline;
    then it raises ``StateDbBusy``. ``attempt_timeout_s`` is SQLite's busy wait per attempt.
    """

    def __init__(self, path: Path | str, *, write_budget_s: float = WRITE_BUDGET_S,
                 attempt_timeout_s: float = ATTEMPT_TIMEOUT_S) -> None:
        self.path = Path(path)
        self.write_budget_s = write_budget_s
        self.attempt_timeout_s = attempt_timeout_s
        self._local = threading.local()
        self._schema_lock = threading.Lock()
        self._schema_ready = False
        self._active_column = False

    # ----------------------------------------------------------------- connections

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            try:
                self._setup(conn)
            except BaseException:
                conn.close()
                raise
            self._local.conn = conn
            self._local.token = object()  # this connection, for as long as it is open
        return conn

    def _setup(self, conn: sqlite3.Connection) -> None:
        # Switching to WAL needs a moment alone with the file: two first connections at once,
        # or a Hermes writer, can refuse it with "database is locked", so it waits like a write.
        self._retrying(conn, "set up its tables", _use_wal)
        self._ensure_schema(conn)

    def close(self) -> None:
        """Close this thread's connection (other threads close their own)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _ensure_schema(self, conn: sqlite3.Connection) -> None:
        with self._schema_lock:
            if not self._schema_ready:
                present = {row[0] for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")}
                wanted = {*_TABLES, *_INDEXES, _TITLE_INDEX_NAME}
                if not wanted <= present:  # an up-to-date file costs no write lock
                    self._retrying(conn, "set up its tables", lambda c: _transaction(c, _create_schema))
                self._schema_ready = True
            cols = {row["name"] for row in conn.execute("PRAGMA table_info(messages)")}
            self._active_column = "active" in cols

    @contextmanager
    def write_deadline(self, deadline: float) -> Iterator[None]:
        """Writes made by this thread inside the block may wait until ``deadline`` (a ``time.monotonic()``).

        It replaces ``write_budget_s`` for them, longer or shorter; a deadline already past
        still allows one attempt that does not wait. Blocks nest; the inner deadline applies.
        """
        outer = getattr(self._local, "deadline", None)
        self._local.deadline = deadline
        try:
            yield
        finally:
            self._local.deadline = outer

    def _retrying(self, conn: sqlite3.Connection, action: str, attempt: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``attempt`` until it is not refused for a lock, or raise ``StateDbBusy`` at the deadline.

        ``attempt`` must leave nothing behind when it fails (one transaction, rolled back).
        """
        started = time.monotonic()
        deadline = getattr(self._local, "deadline", None)
        if deadline is None:
            deadline = started + self.write_budget_s
        attempts = 0
        while True:
            attempts += 1
            wait_s = max(0.0, min(self.attempt_timeout_s, deadline - time.monotonic()))
            conn.execute(f"PRAGMA busy_timeout = {int(wait_s * 1000)}")
            try:
                return attempt(conn)
            except sqlite3.OperationalError as exc:
                if not is_busy_error(exc):
                    raise
                refused = exc
            finally:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            left = deadline - time.monotonic()
            if left <= 0:
                busy = StateDbBusy(self.path, action, time.monotonic() - started, attempts)
                log.warning("%s", busy)
                raise busy from refused
            log.debug("state.db refused attempt %d to %s (%s); trying again", attempts, action, refused)
            # A random pause staggers the writers that were refused together (Hermes does the same).
            time.sleep(min(left, random.uniform(*RETRY_PAUSE_S)))

    def _execute_write(self, action: str, body: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``body`` in one write transaction, waiting for the lock; ``action`` names it in errors.

        ``body`` may run more than once: a refused attempt is rolled back and run again.
        """
        conn = self._conn()
        return self._retrying(conn, action, lambda c: _transaction(c, body))

    # ----------------------------------------------------------------- reading

    def _active_clause(self, alias: str = "m") -> str:
        if not self._active_column:  # Hermes adds the column when it first opens a file this app made
            cols = {row["name"] for row in self._conn().execute("PRAGMA table_info(messages)")}
            self._active_column = "active" in cols
        return f" AND {alias}.active = 1" if self._active_column else ""

    def recent_sessions(self, limit: int = 50, before: tuple[float, str] | None = None) -> list[SessionSummary]:
        """Non-cron sessions by start, newest first; ``before`` is the previous page's last ``cursor``."""
        where, params = "s.source != 'cron'", []
        if before is not None:
            where += " AND (s.started_at, s.id) < (?, ?)"  # a row value: an index range, at any depth
            params += [before[0], before[1]]
        return self._summaries(f"INDEXED BY idx_desktop_recent_non_cron WHERE {where} "
                               "ORDER BY s.started_at DESC, s.id DESC LIMIT ?", [*params, limit])

    def sessions_by_ids(self, ids: Sequence[str]) -> list[SessionSummary]:
        """These sessions' rows, in the order given (ones that no longer exist are left out)."""
        found: dict[str, SessionSummary] = {}
        for i in range(0, len(ids), 500):
            chunk = list(ids[i:i + 500])
            for s in self._summaries(f"WHERE s.id IN ({','.join('?' * len(chunk))})", chunk):
                found[s.id] = s
        return [found[sid] for sid in ids if sid in found]

    def _summaries(self, rest: str, params: list[Any]) -> list[SessionSummary]:
        act = self._active_clause()
        sql = f"""
            SELECT s.id, s.source, s.title, s.started_at, COALESCE(s.message_count, 0) AS message_count,
                   COALESCE((SELECT MAX(m.timestamp) FROM messages m WHERE m.session_id = s.id),
                            s.started_at) AS last_active,
                   COALESCE((SELECT substr(m.content, 1, 200) FROM messages m
                             WHERE m.session_id = s.id AND m.role = 'user'{act}
                             ORDER BY m.timestamp, m.id LIMIT 1), '') AS preview
            FROM sessions s {rest}
        """
        return [
            SessionSummary(
                id=r["id"], source=r["source"], title=r["title"], started_at=r["started_at"],
                last_active=r["last_active"], message_count=r["message_count"], preview=_one_line(r["preview"]),
            )
            for r in self._conn().execute(sql, params).fetchall()
        ]

    def recent_order(self, previous: RecentOrder | None = None) -> RecentOrder:
        """Every chat's id, most recently active first (``core.recents``), brought up to date from ``previous``.

        When nothing has been written to the file since ``previous`` was read on this thread, it is
        returned as it is (unchanged), without a query.
        """
        conn = self._conn()
        seen = (self._local.token, conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
        if previous is not None and previous.seen == seen:
            return dataclasses.replace(previous, came=())
        return dataclasses.replace(recent_order(conn, previous), seen=seen)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """The reads inside see one state of the file (one read transaction), whatever is written meanwhile."""
        conn = self._conn()
        conn.execute("BEGIN")
        try:
            yield
        finally:
            conn.execute("COMMIT")

    def session_count(self, exclude_sources: Iterable[str] = ("cron",)) -> int:
        excluded = sorted(set(exclude_sources))
        conn = self._conn()
        if excluded == ["cron"]:
            sql = "SELECT COUNT(*) FROM sessions INDEXED BY idx_desktop_recent_non_cron WHERE source != 'cron'"
            return int(conn.execute(sql).fetchone()[0])
        if not excluded:
            return int(conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])
        marks = ",".join("?" * len(excluded))
        return int(conn.execute(f"SELECT COUNT(*) FROM sessions WHERE source NOT IN ({marks})", excluded).fetchone()[0])

    def cron_runs(self, job_id: str, limit: int = 50, before: str | None = None) -> list[CronRun]:
        """One job's runs, newest first; ``before`` is the last run id of the previous page."""
        lo, hi = cron_id_range(job_id)
        if before is not None:
            hi = min(hi, before)
        return self._runs_in_range(lo, hi, "", limit)

    def cron_runs_since(self, job_id: str, since: float, limit: int = 10) -> list[CronRun]:
        """The job's runs that started at ``since`` or later, oldest first (from its newest ``limit`` runs)."""
        lo, hi = cron_id_range(job_id)
        runs = [run for run in self._runs_in_range(lo, hi, "", limit) if run.started_at >= since]
        return sorted(runs, key=lambda run: (run.started_at, run.id))

    def open_cron_runs(self, job_id: str, limit: int | None = None) -> list[CronRun]:
        """One job's runs that never ended (``ended_at IS NULL``), newest first.

        While no process runs the job, such a run was interrupted; end it with ``end_session``.
        This walks the job's whole id range, so it costs as much as the job has runs.
        """
        lo, hi = cron_id_range(job_id)
        return self._runs_in_range(lo, hi, " AND ended_at IS NULL", -1 if limit is None else limit)

    def _runs_in_range(self, lo: str, hi: str, extra_where: str, limit: int) -> list[CronRun]:
        sql = f"""
            SELECT id, title, started_at, ended_at, end_reason, COALESCE(message_count, 0) AS message_count
            FROM sessions INDEXED BY idx_sessions_source_id
            WHERE source = 'cron' AND id >= ? AND id < ?{extra_where}
            ORDER BY id DESC
            LIMIT ?
        """
        rows = self._conn().execute(sql, (lo, hi, limit)).fetchall()
        return [CronRun(r["id"], r["title"], r["started_at"], r["ended_at"], r["end_reason"], r["message_count"])
                for r in rows]

    def session(self, session_id: str) -> dict[str, Any] | None:
        row = self._conn().execute(
            "SELECT id, source, title, started_at, ended_at, end_reason, COALESCE(message_count, 0) AS message_count "
            "FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        return dict(row) if row else None

    def messages(self, session_id: str, limit: int | None = None, after_id: int = 0,
                 max_chars: int | None = None) -> list[Message]:
        """A session's messages in order. With ``max_chars`` a longer message comes as its start only (and its
        ``length``): a 5 MB tool output is not read whole to show a transcript."""
        act = self._active_clause("messages")
        content = "COALESCE(content, '')"
        if max_chars is not None:
            content = f"substr({content}, 1, {int(max_chars)})"
        sql = (f"SELECT id, role, {content} AS content, length(content) AS length, timestamp FROM messages "
               f"WHERE session_id = ? AND id > ?{act} ORDER BY timestamp, id")
        params: list[Any] = [session_id, after_id]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [Message(r["id"], r["role"], r["content"], r["timestamp"], r["length"] or 0)
                for r in self._conn().execute(sql, params)]

    def message_text(self, message_id: int) -> str:
        """One message's whole text."""
        row = self._conn().execute("SELECT COALESCE(content, '') FROM messages WHERE id = ?", (message_id,)).fetchone()
        return str(row[0]) if row else ""

    # ----------------------------------------------------------------- cron runs

    def create_cron_session(self, job_id: str, started_at: float, stamp: str, model: str | None = None) -> str:
        """Insert a run session ``cron_{job}_{stamp}``; a second run in the same second gets ``_2``, ``_3`` …"""
        base = f"cron_{job_id}_{stamp}"

        def insert(conn: sqlite3.Connection) -> str:
            for n in range(1, 1000):
                sid = base if n == 1 else f"{base}_{n}"
                cur = conn.execute(
                    "INSERT OR IGNORE INTO sessions (id, source, model, started_at, message_count) "
                    "VALUES (?, 'cron', ?, ?, 0)", (sid, model, started_at)
                )
                if cur.rowcount == 1:
                    return sid
            raise RuntimeError(f"Could not create a session id for {base}")  # pragma: no cover

        return self._execute_write(f"record a run of job {job_id}", insert)

    def append_message(self, session_id: str, role: str, content: str, timestamp: float | None = None) -> int:
        at = timestamp if timestamp is not None else time.time()

        def insert(conn: sqlite3.Connection) -> int:
            # Only into a session that exists: one deleted meanwhile (a chat deleted while its reply arrived)
            # must not get messages without a session row (nothing enforces the foreign key)
            cur = conn.execute("INSERT INTO messages (session_id, role, content, timestamp) SELECT ?, ?, ?, ? "
                               "WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?)",
                               (session_id, role, content, at, session_id))
            if cur.rowcount == 0:
                raise SessionNotFound(session_id)
            conn.execute("UPDATE sessions SET message_count = COALESCE(message_count, 0) + 1 WHERE id = ?",
                         (session_id,))
            return int(cur.lastrowid or 0)

        return self._execute_write(f"add a message to session {session_id}", insert)

    def end_session(self, session_id: str, reason: str, ended_at: float | None = None) -> bool:
        """Mark a session ended; the first reason wins (as in Hermes).

        Ending a session that is already ended (or gone) changes nothing and returns False.
        """
        at = ended_at if ended_at is not None else time.time()

        def update(conn: sqlite3.Connection) -> bool:
            cur = conn.execute("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
                               (at, reason, session_id))
            return cur.rowcount == 1

        return self._execute_write(f"end session {session_id}", update)

    def set_end_reason(self, session_id: str, reason: str, ended_at: float | None = None) -> bool:
        """Set why a session ended, also when it has ended already (then its end time stays)."""
        at = ended_at if ended_at is not None else time.time()

        def update(conn: sqlite3.Connection) -> bool:
            cur = conn.execute("UPDATE sessions SET end_reason = ?, ended_at = COALESCE(ended_at, ?) WHERE id = ?",
                               (reason, at, session_id))
            return cur.rowcount == 1

        return self._execute_write(f"end session {session_id}", update)

    def set_unique_title(self, session_id: str, title: str) -> str:
        """Set an automatic title (a cron run's), adding `` #2``, `` #3`` … when another session holds it.

        The title is cleaned as Hermes cleans one and cut so that, suffix included, it keeps within
        Hermes' 100 characters. Returns the title set.
        """
        return self._unique_title(session_id, title, if_untitled=False) or ""

    def title_untitled(self, session_id: str, title: str) -> str | None:
        """``set_unique_title`` for a session that still has no title; None (nothing written) otherwise.

        A generated title arrives a moment after the reply: a name the user gave meanwhile stays.
        """
        return self._unique_title(session_id, title, if_untitled=True)

    def _unique_title(self, session_id: str, title: str, *, if_untitled: bool) -> str | None:
        base = flatten_title(title)
        only = " AND title IS NULL" if if_untitled else ""

        def update(conn: sqlite3.Connection) -> str | None:
            for n in range(1, 10_000):
                suffix = "" if n == 1 else f" #{n}"
                candidate = base[: MAX_TITLE_LENGTH - len(suffix)].rstrip() + suffix
                try:
                    done = conn.execute(f"UPDATE sessions SET title = ? WHERE id = ?{only}", (candidate, session_id))
                    return candidate if done.rowcount or not if_untitled else None
                except sqlite3.IntegrityError:
                    continue
            raise RuntimeError(f"No free title for {base!r}")  # pragma: no cover

        return self._execute_write(f"set the title of session {session_id}", update)

    # ----------------------------------------------------------------- the user's session actions

    def resolve_session_id(self, text: str) -> str:
        """The session ``text`` names: its id, or the one id that starts with it (as ``hermes sessions`` reads it).

        Raises ``SessionNotFound`` or ``AmbiguousSession``.
        """
        conn = self._conn()
        if text and conn.execute("SELECT 1 FROM sessions WHERE id = ?", (text,)).fetchone():
            return text
        matches: list[str] = []
        if text:  # an id range on the primary key, never a scan
            hi = text[:-1] + chr(ord(text[-1]) + 1)
            matches = [r[0] for r in conn.execute("SELECT id FROM sessions WHERE id >= ? AND id < ? ORDER BY id "
                                                  "LIMIT 3", (text, hi))]
        if not matches:
            raise SessionNotFound(text)
        if len(matches) > 1:
            raise AmbiguousSession(text, matches[:2])
        return matches[0]

    def rename_session(self, session_id: str, title: str | None) -> str | None:
        """Set the title a person typed, by Hermes' rule (see ``core/titles.py``); returns what was stored.

        An empty title clears it (None). Raises ``TitleTooLong``, ``TitleTaken`` (nothing is changed) or
        ``SessionNotFound``. A title held by this session's compressed predecessor (hidden behind it in
        Hermes) moves over to it, as in Hermes.
        """
        cleaned = clean_title(title)

        def update(conn: sqlite3.Connection) -> str | None:
            if cleaned is not None:
                holder = conn.execute("SELECT id FROM sessions WHERE title = ? AND id != ?",
                                      (cleaned, session_id)).fetchone()
                if holder is not None:
                    if not _compressed_ancestor(conn, holder[0], session_id):
                        raise TitleTaken(cleaned, holder[0])
                    conn.execute("UPDATE sessions SET title = NULL WHERE id = ?", (holder[0],))
            if conn.execute("UPDATE sessions SET title = ? WHERE id = ?", (cleaned, session_id)).rowcount != 1:
                raise SessionNotFound(session_id)
            return cleaned

        return self._execute_write(f"rename session {session_id}", update)

    def delete_session(self, session_id: str, sessions_dir: Path | None = None) -> DeletedSession:
        """Delete a session and its messages as Hermes' ``delete_session`` does.

        Its subagent runs (rows marked ``model_config._delegate_from``, recursively) go with it; other
        children (branches, compression continuations) stay, detached. Hermes' search index follows
        through its own triggers, and its per-session usage rows (``ON DELETE CASCADE`` there) are
        deleted here too, since this connection does not enforce foreign keys. With ``sessions_dir``,
        the transcript files Hermes keeps there for each deleted session go as well.

        A cron run still in flight is refused (``SessionRunning``): its runner is still writing to it. One never
        ended that started over ``ABANDONED_RUN_S`` ago is not in flight - every run ends by its job timeout - but
        was left by a process that died, and can go.
        """
        def delete(conn: sqlite3.Connection) -> DeletedSession:
            row = conn.execute("SELECT title, source, ended_at, started_at FROM sessions WHERE id = ?",
                               (session_id,)).fetchone()
            if row is None:
                raise SessionNotFound(session_id)
            if row[1] == "cron" and row[2] is None and time.time() - float(row[3] or 0) < ABANDONED_RUN_S:
                raise SessionRunning(session_id)  # (one never ended that started long ago died with its process)
            own = int(conn.execute("SELECT COUNT(*) FROM messages WHERE session_id = ?", (session_id,)).fetchone()[0])
            children = _delegate_children(conn, session_id)
            doomed = [*children, session_id]
            usage = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'session_model_usage'"
                                 ).fetchone() is not None
            for i in range(0, len(doomed), 500):
                chunk = doomed[i : i + 500]
                marks = ",".join("?" * len(chunk))
                conn.execute(f"DELETE FROM messages WHERE session_id IN ({marks})", chunk)
                if usage:
                    conn.execute(f"DELETE FROM session_model_usage WHERE session_id IN ({marks})", chunk)
                conn.execute(f"UPDATE sessions SET parent_session_id = NULL WHERE parent_session_id IN ({marks})",
                             chunk)
                conn.execute(f"DELETE FROM sessions WHERE id IN ({marks})", chunk)
            return DeletedSession(session_id, row[0], own, tuple(children))

        gone = self._execute_write(f"delete session {session_id}", delete)
        if sessions_dir is not None:
            for sid in (*gone.children, gone.id):
                _remove_session_files(sessions_dir, sid)
        return gone

    # ----------------------------------------------------------------- retention

    def _delete_ids(self, conn: sqlite3.Connection, ids: list[str]) -> int:
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            conn.execute(f"DELETE FROM messages WHERE session_id IN ({marks})", chunk)
            conn.execute(f"DELETE FROM sessions WHERE id IN ({marks}) AND source = 'cron'", chunk)
        return len(ids)

    def delete_cron_runs(self, job_id: str, *, keep_newest: int | None = None,
                         older_than: float | None = None) -> list[str]:
        """Delete one job's finished runs beyond the newest ``keep_newest`` and/or started before ``older_than``.

        Runs still in flight are never deleted, nor runs continued as a conversation (a message after the
        run ended). Returns the deleted session ids.
        """
        lo, hi = cron_id_range(job_id)
        doomed: set[str] = set()
        conn = self._conn()
        if keep_newest is not None:
            rows = conn.execute(
                "SELECT id FROM sessions INDEXED BY idx_sessions_source_id WHERE source = 'cron' AND id >= ? "
                "AND id < ? AND ended_at IS NOT NULL ORDER BY id DESC LIMIT -1 OFFSET ?", (lo, hi, max(0, keep_newest))
            ).fetchall()
            doomed.update(r[0] for r in rows)
        if older_than is not None:
            rows = conn.execute(
                "SELECT id FROM sessions INDEXED BY idx_sessions_source_id WHERE source = 'cron' AND id >= ? "
                "AND id < ? AND ended_at IS NOT NULL AND started_at < ?", (lo, hi, older_than)
            ).fetchall()
            doomed.update(r[0] for r in rows)
        # A run someone went on talking in (a message after it ended) is a conversation now: kept
        doomed -= {sid for sid in doomed if conn.execute(
            "SELECT 1 FROM messages WHERE session_id = ? AND timestamp > "
            "(SELECT ended_at FROM sessions WHERE id = ?) + 1 LIMIT 1", (sid, sid)).fetchone()}
        if not doomed:
            return []
        ids = sorted(doomed)
        self._execute_write(f"delete {len(ids)} old runs of job {job_id}", lambda c: self._delete_ids(c, ids))
        return ids

    # ----------------------------------------------------------------- conversations (talk back)

    def create_chat_session(self, session_id: str, source: str, started_at: float | None = None,
                            model: str | None = None) -> str:
        """Insert a new, empty conversation row, as Hermes' ``SessionDB.create_session`` starts one.

        Hermes fills in its other columns (system prompt, model config, cwd) when its agent first
        runs the session; an existing row is left as it is.
        """
        at = started_at if started_at is not None else time.time()

        def insert(conn: sqlite3.Connection) -> str:
            conn.execute("INSERT OR IGNORE INTO sessions (id, source, model, started_at, message_count) "
                         "VALUES (?, ?, ?, ?, 0)", (session_id, source, model, at))
            return session_id

        return self._execute_write(f"start session {session_id}", insert)


def _compressed_ancestor(conn: sqlite3.Connection, ancestor: str, session_id: str) -> bool:
    """Whether ``ancestor`` is reached from ``session_id`` going up through parents that ended by compression."""
    row = conn.execute("""
        WITH RECURSIVE up(id) AS (
            SELECT ?
            UNION
            SELECT parent.id FROM up
            JOIN sessions child ON child.id = up.id
            JOIN sessions parent ON parent.id = child.parent_session_id AND parent.end_reason = 'compression'
        )
        SELECT 1 FROM up WHERE id = ? AND id != ? LIMIT 1""", (session_id, ancestor, session_id)).fetchone()
    return row is not None


def _delegate_children(conn: sqlite3.Connection, session_id: str) -> list[str]:
    """The subagent runs under ``session_id``, at any depth: rows whose ``model_config`` names a delegating
    session in the set (Hermes' ``_delegate_from`` marker). Without that column (a database this app
    made) there are none."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(sessions)")}
    if "model_config" not in cols:
        return []
    marker = "json_extract(COALESCE(model_config, '{}'), '$._delegate_from')"
    found = {session_id}
    frontier = [session_id]
    while frontier:
        marks = ",".join("?" * len(frontier))
        try:
            rows = conn.execute(f"SELECT id FROM sessions WHERE {marker} IN ({marks}) "
                                f"OR (parent_session_id IN ({marks}) AND {marker} IS NOT NULL)",
                                frontier + frontier).fetchall()
        except sqlite3.OperationalError as exc:  # a malformed model_config: treat it as unmarked, as JSON1 can't
            log.warning("could not read subagent markers in state.db: %s", exc)
            return sorted(found - {session_id})
        frontier = [r[0] for r in rows if r[0] not in found]
        found.update(frontier)
    return sorted(found - {session_id})


def _remove_session_files(folder: Path, session_id: str) -> None:
    """Hermes' transcript files of one session (``{id}.json``, ``{id}.jsonl``, ``request_dump_{id}_*.json``);
    one that cannot be removed is logged, never fatal: the session itself is gone already."""
    paths = [folder / f"{session_id}.json", folder / f"{session_id}.jsonl"]
    with suppress(OSError):  # an unreadable folder: the two named files are still tried
        paths += folder.glob(f"request_dump_{glob.escape(session_id)}_*.json")
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", path, exc)


def _use_wal(conn: sqlite3.Connection) -> None:
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")


def _create_schema(conn: sqlite3.Connection) -> None:
    for sql in (*_TABLES.values(), *_INDEXES.values()):  # no-ops on an existing Hermes database
        conn.execute(sql)
    try:
        conn.execute(_TITLE_INDEX)
    except sqlite3.IntegrityError:  # old duplicate titles: leave them, titles stay best-effort
        log.warning("state.db has duplicate session titles; unique title index not added")


def _transaction(conn: sqlite3.Connection, body: Callable[[sqlite3.Connection], T]) -> T:
    """``body`` in one ``BEGIN IMMEDIATE`` transaction: the write lock is taken before anything is read."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = body(conn)
        conn.execute("COMMIT")  # may be refused too (rollback-journal files); then it all rolls back
    except BaseException:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error as exc:  # keep the error that matters
                log.warning("rollback on state.db failed: %s", exc)
        raise
    return result


def _one_line(text: str | None) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1].rstrip() + "…"
