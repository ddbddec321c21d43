"""``cron/executions.db`` and cron output files exactly as hermes-agent 0.19.0 writes them, for tests without Hermes.

Facts from hermes-agent 0.19.0 ``cron/executions.py`` and ``cron/jobs.py``
(``save_job_output``): the table and its two indexes below, WAL, one row per
attempt with a uuid4-hex id, ``isoformat()`` times in Hermes' zone, status
``claimed`` → ``running`` → ``completed``/``failed``/``unknown``, ``error``
null on success; the output file is ``cron/output/{job}/{YYYY-MM-DD_HH-MM-SS}.md``
named by the wall-clock second it was saved (after the run, before the row is
finished), and a no-agent script run's file reads as below.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime

from hermes_desktop.core.home import HermesHome

HERMES_DDL = (
    """CREATE TABLE IF NOT EXISTS executions (
             id TEXT PRIMARY KEY,
             job_id TEXT NOT NULL,
             source TEXT NOT NULL,
             process_id TEXT NOT NULL,
             pid INTEGER NOT NULL,
             process_started_at INTEGER,
             status TEXT NOT NULL CHECK(status IN
               ('claimed','running','completed','failed','unknown')),
             claimed_at TEXT NOT NULL,
             started_at TEXT,
             finished_at TEXT,
             error TEXT
           )""",
    "CREATE INDEX IF NOT EXISTS idx_executions_job_claimed ON executions(job_id, claimed_at DESC, id DESC)",
    "CREATE INDEX IF NOT EXISTS idx_executions_status_claimed ON executions(status, claimed_at DESC, id DESC)",
)


def hermes_ledger(home: HermesHome) -> sqlite3.Connection:
    """A connection to the home's ledger, made as Hermes makes it (autocommit)."""
    home.cron_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(home.cron_dir / "executions.db", timeout=5, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    for sql in HERMES_DDL:
        conn.execute(sql)
    return conn


def hermes_row(home: HermesHome, job_id: str, claimed: datetime, started: datetime | None = None,
               finished: datetime | None = None, status: str = "completed", error: str | None = None,
               pid: int = 999_999, process_started_at: int | None = 1, source: str = "builtin") -> str:
    """One attempt as Hermes' ticker leaves it; returns its id."""
    row_id = uuid.uuid4().hex
    conn = hermes_ledger(home)
    try:
        conn.execute("INSERT INTO executions (id, job_id, source, process_id, pid, process_started_at, status, "
                     "claimed_at, started_at, finished_at, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (row_id, job_id, source, uuid.uuid4().hex, pid, process_started_at, status, claimed.isoformat(),
                      started.isoformat() if started else None, finished.isoformat() if finished else None, error))
    finally:
        conn.close()
    return row_id


def hermes_output(home: HermesHome, job_id: str, saved: datetime, stdout: str, name: str = "Watch") -> str:
    """A no-agent script run's output file, as Hermes saves it; returns its path."""
    folder = home.job_output_dir(job_id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{saved.strftime('%Y-%m-%d_%H-%M-%S')}.md"
    when = saved.strftime("%Y-%m-%d %H:%M:%S")
    path.write_text(f"# Cron Job: {name}\n\n**Job ID:** {job_id}\n**Run Time:** {when}\n"
                    f"**Mode:** no_agent (script)\n\n---\n\n{stdout}\n", encoding="utf-8")
    return str(path)
