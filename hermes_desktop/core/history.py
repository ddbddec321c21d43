"""One job's run history from both places a run is recorded: ``state.db`` sessions and Hermes' run ledger.

Most runs leave a cron session (``cron_{job}_{YYYYMMDD_HHMMSS}``): every run
of this app, and Hermes' agent runs. Hermes' ``no_agent`` script runs leave
none - only a row in ``cron/executions.db`` and an output file. The history
is both, merged newest first, each run once: a ledger row whose session
exists (one that started between the row's claim and its finish) is shown as
that session, which has the transcript.

Both sources are walked as keyset pages on an index, in one order: the
wall-clock second a run began, as a session id and a row's ``claimed_at``
both write it (in Hermes' zone), and within one second sessions before ledger
rows.

What the ledger adds is Hermes' runs that have no session. The app's own rows
(``source`` ``hermes-desktop``) never add a run: every run of the app is a
session, and once retention deletes that session the run is gone. A finished
Hermes run whose output file was deleted by retention (no file, and none
older either: the oldest go first) is gone as well, so ``keep_runs`` and
``max_age_days`` hold for these runs too. So a page after any row, of either kind, is two bounded index walks
(sessions by id, the ledger by ``(job_id, claimed_at, id)``) plus one short
index probe per ledger row for its session, whatever the history holds.
"""

from __future__ import annotations

from .executions import SOURCE, LedgerRun, OutputFolder, claim_bound, ledger_runs
from .home import HermesHome
from .sessions import CronRun, SessionStore

Run = CronRun | LedgerRun
_PROBE = 4  # sessions looked at per ledger row (missed-run rows in between are skipped)
_BATCH = 20  # ledger rows read at a time (a peek of 5 still reads a few at once)
_SLACK_S = 0.001  # times in the ledger are written to the microsecond, sessions' as floats


def _key(prefix: str, run: Run) -> tuple[str, int, str, str]:
    """The merge order (newest = greatest): wall-clock second, sessions before ledger rows, then each one's order."""
    if isinstance(run, LedgerRun):
        return (run.stamp, 0, run.claimed_at, run.execution_id)
    return (run.id[len(prefix):][:15], 1, run.id, "")


def has_session(sessions: SessionStore, run: LedgerRun) -> bool:
    """Whether a (not missed) session of the run's job started within the run's time: then it is that run.

    A job never runs twice at once, so a session that started after the row's
    claim and before its finish (or soon after the claim, for a row never
    finished) belongs to it. The id range finds the candidates to the second,
    their ``started_at`` decides.
    """
    prefix = f"cron_{run.job_id}_"
    low = prefix + run.stamp
    for session in sessions.cron_runs(run.job_id, _PROBE, before=prefix + run.link_until + "~"):
        if session.id < low:
            return False
        if session.status != "missed" and run.claimed_ts - _SLACK_S <= session.started_at <= run.link_ts + _SLACK_S:
            return True
    return False


def job_runs(sessions: SessionStore, home: HermesHome, job_id: str, limit: int = 50,
             after: Run | None = None) -> list[Run]:
    """One job's runs, newest first, after the run ``after`` (the previous page's last row)."""
    prefix = f"cron_{job_id}_"
    ledger_before: tuple[str, str | None] | None
    if after is None:
        session_before, ledger_before = None, None
    elif isinstance(after, LedgerRun):
        session_before = prefix + after.stamp  # sessions of the same second came before it
        ledger_before = (after.claimed_at, after.execution_id)
    else:
        session_before = after.id
        bound = claim_bound(after.id[len(prefix):])
        ledger_before = None if bound is None else (bound, None)
    outputs: OutputFolder | None = None  # listed when a ledger row first needs it
    page: list[Run] = list(sessions.cron_runs(job_id, limit, before=session_before))
    floor = _key(prefix, page[-1]) if len(page) == limit else None  # rows below the last session are not needed
    found, batch = 0, max(limit, _BATCH)
    while found < limit and not (ledger_before is not None and ledger_before[0] == ""):
        # the app's own rows are left out by SQLite, on the index walk: each of the app's runs is a session
        rows = ledger_runs(home, job_id, batch, before=ledger_before, not_from=SOURCE)
        for row in rows:
            if floor is not None and _key(prefix, row) < floor:
                rows = []
                break
            if has_session(sessions, row):
                continue  # Hermes' agent runs are their sessions
            if row.status in ("ok", "error"):
                outputs = outputs or OutputFolder(home, job_id)
                if outputs.pruned(row):
                    continue
            page.append(row)
            found += 1
        if len(rows) < batch:
            break
        ledger_before = (rows[-1].claimed_at, rows[-1].execution_id)
    page.sort(key=lambda run: _key(prefix, run), reverse=True)
    return page[:limit]
