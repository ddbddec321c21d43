"""Hermes' run ledger, ``cron/executions.db``: which jobs a Hermes process is running right now.

hermes-agent 0.19.0 writes one row per attempt before it starts a job
(``status`` ``claimed``, then ``running``, then ``completed``/``failed``/
``unknown``), with the owner's ``pid`` and process start time. It writes no
claim into ``jobs.json`` for a recurring run, so this ledger is what tells
another ticker that a long Hermes run is still going: a row still
``claimed``/``running`` whose owner process lives (same pid *and* start time,
so a reused pid does not count) means the job is busy.

The file is only read here; a missing or unreadable ledger means no Hermes
run is known, and the tick goes on (a warning is logged).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable

from .home import HermesHome
from .procs import owner_alive

log = logging.getLogger("hermes_desktop.ticker")

BUSY_TIMEOUT_S = 0.5
IN_FLIGHT = ("claimed", "running")


def hermes_running(home: HermesHome, job_ids: Iterable[str]) -> set[str]:
    """The ids among ``job_ids`` that a live Hermes process has claimed or is running."""
    wanted = sorted({j for j in job_ids if j})
    path = home.cron_dir / "executions.db"
    if not wanted or not path.is_file():
        return set()
    busy: set[str] = set()
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT job_id, pid, process_started_at FROM executions "
                    f"WHERE status IN ('claimed', 'running') AND job_id IN ({marks})", chunk).fetchall()
                for job_id, pid, started in rows:
                    if isinstance(pid, int) and owner_alive(pid, started if isinstance(started, int) else None):
                        busy.add(str(job_id))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.warning("cannot read Hermes' run ledger %s (%s); its runs in flight are not known", path, exc)
    return busy
