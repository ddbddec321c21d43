"""``hermes-desktop cron …``: the jobs from a terminal or a script, no screen needed.

Exit codes: 0 success, 2 bad input (one line on stderr, no traceback),
1 a failure while running (a run that failed, an unreadable jobs.json, a lock
that stayed busy).

``--json`` output is stable:

* ``cron list --json``: a list of jobs, each ``{"id", "name", "title",
  "state", "schedule" (the stored object), "schedule_display", "next_run_at",
  "last_run_at", "last_status", "last_error", "prompt", "script",
  "no_agent", "repeat"}``; times are ISO 8601 with offset, or null.
* ``cron runs JOB --json``: a list of runs, newest first, each ``{"id",
  "title", "status" (ok, error, missed, running, unknown), "started_at",
  "ended_at", "duration_s", "missed_count", "execution_id", "source",
  "error", "output_file"}``; a missed row spans the occurrences that did not
  run (first to last) and has no duration. A run with a transcript has its
  session id as ``id`` and null for the last four; a run only Hermes' run
  ledger knows (a Hermes run of a no-agent script job) has the id
  ``execution:{execution_id}``, the ledger's ``source``, its ``error`` and
  its output file's path (null when none was saved). ``unknown``: the run's
  owner ended before it recorded an outcome.
"""

from __future__ import annotations

import argparse
import errno
import json
import logging
import sqlite3
import sys
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import Any

from .core.executions import LedgerRun, output_file
from .core.history import Run, job_runs
from .core.home import HermesHome
from .core.jobs import (
    AmbiguousJob,
    Job,
    JobError,
    JobNotFound,
    JobsFileError,
    JobStore,
    LockTimeout,
    job_state,
    job_title,
)
from .core.missed import missed_span
from .core.runner import RunResult
from .core.schedule import FORMS, ScheduleError, next_runs, parse_schedule, zone_name
from .core.scheduler import Scheduler
from .core.sessions import CronRun, SessionStore
from .core.settings import load_settings
from .core.states import RunStatus
from .core.zone import schedule_zone

log = logging.getLogger("hermes_desktop.cli")
READ_ONLY = ("the Hermes home {home} is read-only here; jobs can be listed but not added, changed, run or ticked, "
             "and the run history cannot be opened.")


class BadInput(Exception):
    pass


def _bounded(lo: int, hi: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``lo`` to ``hi``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{value} is not from {lo} to {hi}")
        return value
    return parse


def shown(text: object) -> str:
    """Text from a job as one safe line: control characters (line breaks, terminal escapes) become visible."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(text))


def add_parser(sub: Any) -> None:
    cron = sub.add_parser("cron", help="manage and run scheduled jobs without the window")
    cmds = cron.add_subparsers(dest="cron_cmd", required=True, metavar="COMMAND")

    p = cmds.add_parser("list", help="list the jobs")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = cmds.add_parser("add", help="create a job")
    p.add_argument("schedule", help="e.g. 'every 30m', 'weekdays at 9am', '0 9 * * *', 'in 20m'")
    p.add_argument("prompt", nargs="?", default="", help="what to ask the agent")
    p.add_argument("--name")
    p.add_argument("--script", help="a script in the home's scripts/ folder")
    p.add_argument("--no-agent", action="store_true", help="run the script only, without the agent")
    p.add_argument("--repeat", type=int, help="run this many times, then stop")

    p = cmds.add_parser("edit", help="change a job")
    p.add_argument("job", help="id or unique name")
    p.add_argument("--schedule")
    p.add_argument("--prompt")
    p.add_argument("--name")
    p.add_argument("--script")

    p = cmds.add_parser("pause", help="pause a job")
    p.add_argument("job")
    p.add_argument("--reason")

    p = cmds.add_parser("resume", help="resume a paused job")
    p.add_argument("job")

    p = cmds.add_parser("run", help="run a job at the next tick (or now, here, with --now)")
    p.add_argument("job")
    p.add_argument("--now", action="store_true", help="run it in this process and print the result")

    p = cmds.add_parser("rm", help="delete a job and its output files")
    p.add_argument("job")

    p = cmds.add_parser("runs", help="a job's run history, newest first")
    p.add_argument("job")
    p.add_argument("--limit", type=_bounded(1, 10_000), default=20, help="how many runs (1-10000)")
    p.add_argument("--json", action="store_true")

    cmds.add_parser("tick", help="run what is due once, wait for it, print what ran")

    p = cmds.add_parser("prune", help="apply the retention settings now (to one job, or to all)")
    p.add_argument("job", nargs="?")

    p = cmds.add_parser("describe", help="what the app understands a schedule to mean")
    p.add_argument("schedule")
    p.add_argument("--count", type=_bounded(0, 1000), default=5, help="how many next runs to show (0-1000)")


def _iso(value: float | None, tz: tzinfo) -> str | None:
    if value is None:
        return None
    return datetime.fromtimestamp(value, UTC).astimezone(tz).isoformat()


def job_json(job: Job) -> dict[str, Any]:
    keys = ("id", "name", "schedule", "schedule_display", "next_run_at", "last_run_at", "last_status",
            "last_error", "prompt", "script", "no_agent", "repeat")
    out = {k: job.get(k) for k in keys}
    out["title"] = job_title(job)
    out["state"] = job_state(job)
    return out


def _print_result(job: Job, result: RunResult | None) -> int:
    if result is None:
        print(f"{shown(job_title(job))}: the run could not be recorded (see the log).", file=sys.stderr)
        return 1
    status = RunStatus.OK if result.ok else RunStatus.ERROR
    print(f"{shown(job_title(job))} [{job['id']}]: {status} ({result.session_id})")
    print(result.output if result.ok else result.error)
    return 0 if result.ok else 1


def run(args: argparse.Namespace, home: HermesHome) -> int:
    """Run one ``cron`` command. Exit 0 on success, 2 for bad input, 1 for a failure - always one line."""
    try:
        _check_text_arguments(args)
        return _dispatch(args, home)
    except ScheduleError as exc:
        return _fail(f"{exc.detail} Forms that work: {'; '.join(FORMS)}.", 2)
    except (JobError, JobNotFound, AmbiguousJob, BadInput) as exc:
        return _fail(str(exc.args[0] if exc.args else exc), 2)
    except (JobsFileError, LockTimeout) as exc:
        return _fail(str(exc), 1)
    except sqlite3.Error as exc:
        if home.read_only():
            return _fail(READ_ONLY.format(home=home.root), 1)
        return _fail(f"cannot use the run history {home.state_db}: {exc}.", 1)
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) or home.read_only():
            return _fail(READ_ONLY.format(home=home.root), 1)
        return _fail(f"{exc.filename or home.root}: {exc.strerror or exc}.", 1)
    except Exception as exc:  # never a traceback: one line, and the details in the log with -v
        log.debug("cron %s failed", getattr(args, "cron_cmd", "?"), exc_info=True)
        return _fail(f"unexpected {type(exc).__name__}: {exc}", 1)


def _fail(message: str, code: int) -> int:
    print(f"error: {' '.join(message.split())}", file=sys.stderr)
    return code


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Text that is not valid UTF-8 (undecodable bytes in argv) cannot be stored; say which argument."""
    for name, value in vars(args).items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                raise BadInput(f"the {name} {shown!r} is not valid UTF-8 text") from None


def _dispatch(args: argparse.Namespace, home: HermesHome) -> int:
    tz = schedule_zone(home)
    store = JobStore(home, tz=tz)
    cmd = args.cron_cmd
    if cmd == "describe":
        from PySide6.QtCore import QCoreApplication

        from . import l10n
        from .i18n import install_translators

        app = QCoreApplication.instance() or QCoreApplication([])
        install_translators(app, getattr(args, "lang", None) or load_settings(home).language)
        sched = parse_schedule(args.schedule, tz=tz)
        print(l10n.describe_text(sched, tz))
        print(f"Time zone: {zone_name(tz)}")
        for occ in next_runs(sched, datetime.now(UTC), args.count, tz):
            mark = {"moved": "  (moved by a daylight-saving change)",
                    "ambiguous": "  (this time occurs twice that day; runs once)"}.get(occ.dst or "", "")
            shape = '%a %Y-%m-%d %H:%M:%S %Z' if occ.at.second else '%a %Y-%m-%d %H:%M %Z'
            print(f"  {occ.at.astimezone(tz).strftime(shape)}{mark}")
        return 0
    if cmd == "list":
        snap = store.load()
        if snap.error:
            raise JobsFileError(snap.error)
        if args.json:
            print(json.dumps([job_json(j) for j in snap.jobs], indent=2, ensure_ascii=False))
        else:
            if not snap.jobs and not snap.problems:
                print("No jobs. Create one with: hermes-desktop cron add 'every 1h' 'your prompt'")
            elif not snap.jobs:
                print("No job can be used (see the warnings).")
            for job in snap.jobs:
                nxt = job.get("next_run_at") or "-"
                print(f"{job['id']}  {job_state(job):<9}  {job.get('schedule_display') or '':<18}  "
                      f"next {nxt}  {shown(job_title(job))}")
        for problem in snap.problems:
            print(f"warning: {shown(problem)}", file=sys.stderr)
        return 0
    if cmd == "add":
        if args.repeat is not None and args.repeat < 1:
            raise BadInput("--repeat must be 1 or more")
        job = store.create(args.schedule, args.prompt or "", name=args.name, script=args.script,
                           no_agent=args.no_agent, repeat=args.repeat)
        print(f"Created {job['id']}: {shown(job_title(job))}; next run {job['next_run_at']}")
        return 0
    if cmd == "edit":
        changes = {k: v for k, v in (("schedule", args.schedule), ("prompt", args.prompt), ("name", args.name),
                                     ("script", args.script)) if v is not None}
        if not changes:
            raise BadInput("nothing to change: give --schedule, --prompt, --name or --script")
        job = store.update(args.job, **changes)
        print(f"Updated {job['id']}: {shown(job_title(job))}; next run {job.get('next_run_at')}")
        return 0
    if cmd == "pause":
        job = store.pause(args.job, args.reason)
        print(f"Paused {job['id']}: {shown(job_title(job))}")
        return 0
    if cmd == "resume":
        job = store.resume(args.job)
        print(f"Resumed {job['id']}: {shown(job_title(job))}; next run {job['next_run_at']}")
        return 0
    if cmd == "rm":
        job = store.remove(args.job)
        print(f"Deleted {job['id']}: {shown(job_title(job))}")
        return 0
    if cmd == "runs":
        job = store.get(args.job)
        runs = job_runs(SessionStore(home.state_db), home, job["id"], limit=args.limit)
        schedule = job.get("schedule") if isinstance(job.get("schedule"), dict) else None

        def missed(r: Run) -> int | None:
            return missed_span(r, schedule, tz).count if isinstance(r, CronRun) and r.status == RunStatus.MISSED \
                else None

        def output(r: Run) -> str | None:
            path = output_file(home, r) if isinstance(r, LedgerRun) else None
            return str(path) if path else None

        if args.json:
            print(json.dumps([{"id": r.id, "title": r.title, "status": r.status, "started_at": _iso(r.started_at, tz),
                               "ended_at": _iso(r.ended_at, tz),
                               "duration_s": None if r.status == RunStatus.MISSED else r.duration,
                               "missed_count": missed(r),
                               **({"execution_id": r.execution_id, "source": r.source, "error": r.error,
                                   "output_file": output(r)} if isinstance(r, LedgerRun) else
                                  dict.fromkeys(("execution_id", "source", "error", "output_file")))}
                              for r in runs], indent=2, ensure_ascii=False))
        else:
            if not runs:
                print(f"{shown(job_title(job))} has not run yet.")
            for r in runs:
                if r.status == RunStatus.MISSED:
                    last = datetime.fromtimestamp(r.ended_at or r.started_at, UTC).astimezone(tz)
                    what = f"{missed(r)} missed, the last due {last:%H:%M}"
                else:
                    what = f"{r.duration:.1f} s" if r.duration is not None else "-"
                print(f"{_iso(r.started_at, tz)}  {r.status:<7}  {what:>9}  {r.id}")
                if isinstance(r, LedgerRun) and (path := output(r) or r.error):
                    print(f"    {shown(path)}")  # a run without a transcript: its output file, else its error
        return 0
    if cmd == "run":
        if not args.now:
            job = store.trigger(args.job)
            print(f"{shown(job_title(job))} will run at the next tick.")
            return 0
        job = store.get(args.job)
        scheduler = Scheduler(home, tz=tz)
        try:
            report = scheduler.tick(only=job["id"], force=True)
            if report.locked_out:
                print("error: another ticker is picking jobs right now; try again in a moment.", file=sys.stderr)
                return 1
            if report.error:
                print(f"error: {report.error}", file=sys.stderr)
                return 1
            if not report.dispatched:
                print(f"error: {shown(job_title(job))} is running already.", file=sys.stderr)
                return 1
            return _print_result(job, report.wait()[0])
        finally:
            scheduler.shutdown()
    if cmd == "tick":
        return _tick(home, tz)
    if cmd == "prune":
        from .core.retention import apply_retention_all

        settings = load_settings(home)
        ids = [store.get(args.job)["id"]] if args.job else [j["id"] for j in store.list_jobs()]
        sessions = SessionStore(home.state_db)
        pruned = apply_retention_all(home, sessions, ids, settings, datetime.now(UTC))
        print(f"Deleted {pruned.sessions} old run(s) and {pruned.files} output file(s) of {len(ids)} job(s).")
        if not (settings.keep_runs or settings.max_age_days):
            print("(keep_runs and max_age_days are off: only output files beyond the newest "
                  f"{settings.output_keep} per job go)")
        return 0
    raise BadInput(f"unknown command {cmd}")  # pragma: no cover - argparse refuses it first


def _tick(home: HermesHome, tz: Any) -> int:
    settings = load_settings(home)
    scheduler = Scheduler(home, tz=tz, max_workers=settings.max_parallel)
    failures = 0
    ran = 0
    warned = False
    try:
        while True:
            report = scheduler.tick()
            if report.locked_out:
                print("Another ticker (the app or a Hermes gateway) holds the tick lock; nothing was run here.")
                return 0
            if report.error:
                print(f"error: {report.error}", file=sys.stderr)
                return 1
            if not warned:
                warned = True
                for problem in scheduler.store.load().problems:
                    print(f"warning: {shown(problem)} It is not run.", file=sys.stderr)
            for job_id in report.busy_elsewhere:
                print(f"busy    {job_id}: Hermes is still running it; not started again")
            for job_id in report.missed:
                print(f"missed  {job_id}: a one-shot was too late to run (recorded on the job)")
            for job_id in report.recovered:
                print(f"cleared {job_id}: a run that never finished (recorded on the job)")
            for dispatch, result in zip(report.dispatched, report.wait(), strict=True):
                ran += 1
                status = RunStatus.OK if result and result.ok else RunStatus.ERROR
                failures += status == RunStatus.ERROR
                detail = (result.error or "") if result and not result.ok else ""
                print(f"ran     {dispatch.job['id']}  {status:<5}  {shown(job_title(dispatch.job))}"
                      + (f"  — {detail.splitlines()[0]}" if detail else ""))
            if not report.more_due:
                break
        if ran == 0:
            print("Nothing was due.")
    finally:
        scheduler.shutdown()
    return 1 if failures else 0
