"""Benchmarks that print figures: ``python -m hermes_desktop.bench``.

Budgets (design.md §5) are checked by reading these figures, never by timed
tests. Sections:

* ``sessions`` - run-history and recents pages on a state.db with 1,000,000
  cron runs over 1,000 jobs (one holding 100,000) and 10,000 ordinary
  sessions older than every cron run; then the same at 10,000 runs, so the
  growth shows.
* ``tick`` - one scheduler tick over 1,000 jobs with none due.
* ``jobs`` - idle ticks at 1,000 and 10,000 jobs, the first read of 10,000
  jobs after a profile switch (and the longest another thread waited
  meanwhile), and one job edit at 10,000 jobs beside hermes-agent's own
  ``update_job`` on the same file (when ``.hermes-venv`` holds hermes-agent).
* ``bundle`` - the packaged app's time to its first window next to the
  virtual environment's (when ``dist/hermes-desktop`` has been built).
* ``window`` - from process start to the first painted main window on a home
  with 100,000 sessions, 1,000,000 cron runs and 1,000 jobs; then the
  window's CPU use over 10 idle seconds with the cron section open.
* ``stalls`` - an event-loop probe in a fresh offscreen app per case: the
  worst GUI-thread stall while switching profiles, firing 20 due jobs among
  10,000, starting and opening the cron window at 10,000 jobs, opening 5 MB
  transcripts, scrolling 100,000 chats and typing in Settings
  (:mod:`hermes_desktop.bench_stalls`).
* ``search`` - conversation search (:mod:`hermes_desktop.core.search`) on a
  state.db made by hermes-agent's own ``SessionDB`` (so its full-text tables
  and triggers exist and fill as Hermes fills them) holding 1,000,000 cron
  runs (2,000,000 messages) and 10,000 chats: time to the first 50 results for
  a word, a phrase, a prefix, CJK of two and four characters and a rare word,
  with and without cron runs, beside ``SessionDB.search_messages`` on the same
  file; then the query plans. The file is kept in ``--dir`` and reused.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .core.home import HermesHome
from .core.sessions import SessionStore

BASE_TIME = datetime(2026, 1, 1, tzinfo=UTC)


def _timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    for _ in range(5):  # warm the page cache and the statement cache
        fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def _job_ids(n: int) -> list[str]:
    rng = random.Random(42)
    return [f"{rng.getrandbits(48):012x}" for _ in range(n)]


def build_sessions_db(path: Path, cron_runs: int, jobs: int = 1000, big_share: float = 0.1,
                      ordinary: int = 10_000) -> tuple[str, int]:
    """Fill ``path`` and return (the big job's id, its run count)."""
    store = SessionStore(path)
    conn = store._conn()
    ids = _job_ids(jobs)
    big = ids[0]
    big_count = int(cron_runs * big_share)
    per_other = (cron_runs - big_count) // (jobs - 1)

    def ordinary_rows() -> Iterator[tuple[str, str, float]]:
        for i in range(ordinary):
            yield (f"2025{i:08d}_chat", ("cli", "telegram", "desktop")[i % 3], BASE_TIME.timestamp() - 86400 - i * 60)

    def run_rows() -> Iterator[tuple[str, str, float, float, str]]:
        for job_index, job_id in enumerate(ids):
            count = big_count if job_id == big else per_other
            step = 3600 if job_id == big else 86400 // 2
            for k in range(count):
                at = BASE_TIME + timedelta(seconds=k * step + job_index)
                sid = f"cron_{job_id}_{at.strftime('%Y%m%d_%H%M%S')}"
                yield (sid, "cron", at.timestamp(), at.timestamp() + 3, "cron_complete")

    conn.execute("BEGIN")
    conn.executemany("INSERT INTO sessions (id, source, started_at, message_count) VALUES (?, ?, ?, 2)",
                     ordinary_rows())
    conn.executemany(
        "INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, ?, ?, ?)",
        ((f"2025{i:08d}_chat", role, f"{role} message {i}", BASE_TIME.timestamp() - 86400 - i * 60 + k)
         for i in range(ordinary) for k, role in enumerate(("user", "assistant"))),
    )
    conn.executemany(
        "INSERT INTO sessions (id, source, started_at, ended_at, end_reason, message_count) "
        "VALUES (?, ?, ?, ?, ?, 2)", run_rows())
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    store.close()
    return big, big_count


def bench_sessions(workdir: Path, repeat: int) -> None:
    print("== sessions: run history and recents (budget: under 2 ms, flat) ==")
    results: dict[int, dict[str, float]] = {}
    for total in (10_000, 1_000_000):
        path = workdir / f"state-{total}.db"
        t0 = time.perf_counter()
        big, big_count = build_sessions_db(path, total)
        print(f"built {total:,} cron runs ({big_count:,} for one job) + 10,000 sessions "
              f"in {time.perf_counter() - t0:.1f} s")
        store = SessionStore(path)
        deep = store._conn().execute(
            "SELECT id FROM sessions WHERE source = 'cron' AND id >= ? AND id < ? ORDER BY id DESC "
            "LIMIT 1 OFFSET ?", (f"cron_{big}_", f"cron_{big}`", int(big_count * 0.9))).fetchone()[0]
        cases: dict[str, Callable[[], object]] = {
            "cron_runs first page (big job)": lambda: store.cron_runs(big, 50),  # noqa: B023
            "cron_runs deep page (90% down)": lambda: store.cron_runs(big, 50, before=deep),  # noqa: B023
            "recent_sessions first page": lambda: store.recent_sessions(50),  # noqa: B023
            "session_count": lambda: store.session_count(),  # noqa: B023
        }
        results[total] = {}
        for name, fn in cases.items():
            assert fn() is not None
            med, p95 = _timed(fn, repeat)
            results[total][name] = med
            print(f"  {total:>9,} runs  {name:<34} median {med:7.3f} ms   p95 {p95:7.3f} ms")
        store.close()
    print("  growth 10,000 → 1,000,000 runs (median ratio):")
    for name in results[10_000]:
        print(f"    {name:<34} x{results[1_000_000][name] / results[10_000][name]:.2f}")
    bench_recents(workdir, repeat)


def bench_recents(workdir: Path, repeat: int) -> None:
    """The recents by last activity at 100,000 chats, 50 old ones continued lately."""
    path = workdir / "chats-100k.db"
    if not path.exists():
        build_sessions_db(path, 0, ordinary=100_000)
        store = SessionStore(path)
        for i in range(50):  # old chats continued: they come first
            store.append_message(f"2025{1000 + i * 1000:08d}_chat", "user", "back again", BASE_TIME.timestamp() + i)
        store.close()
    store = SessionStore(path)
    order = store.recent_order()
    total = len(order.ids)
    state = [order]

    def refresh() -> object:
        with store.reading():
            now = store.recent_order(order)
            return store.sessions_by_ids(now.ids[:50])

    def continued() -> object:  # one old chat gets a message, and the list is brought up to date
        sid = state[-1].ids[-1]
        store.append_message(sid, "user", "one more")  # stamped now: the newest message of all
        with store.reading():
            now = store.recent_order(state[-1])
            assert now.ids[0] == sid and now.came is not None
            state.append(now)
            return store.sessions_by_ids(now.ids[:50])

    cases: dict[str, Callable[[], object]] = {
        "order made afresh (at start)": lambda: store.recent_order(),
        "refresh, nothing new": refresh,
        "refresh, an old chat continued": continued,
        "page at row 99,950, by id": lambda: store.sessions_by_ids(order.ids[total - 50:]),
    }
    print(f"  recents at {total:,} chats, most recently active first:")
    for name, fn in cases.items():
        med, p95 = _timed(fn, repeat)
        print(f"    {name:<36} median {med:7.3f} ms   p95 {p95:7.3f} ms")
    store.close()


def build_jobs(home: HermesHome, count: int, now: datetime) -> list[str]:
    """``count`` Hermes-shaped jobs, none due at ``now`` (written in one go)."""
    from .core.jobs import JobStore

    store = JobStore(home, clock=lambda: now)
    shapes = ["every 30m", "0 9 * * *", "weekdays at 9am", "every 2h", "*/15 * * * *", "every monday 9am"]
    template = store.create(shapes[0], "warm-up")
    ids = [template["id"]]

    def add_all(records: list) -> None:
        from .core.schedule import next_run, parse_schedule, to_record

        for i in range(1, count):
            sched = parse_schedule(shapes[i % len(shapes)], now=now)
            rec = {**template, "id": f"{i:012x}", "name": f"job {i}", "schedule": sched,
                   "schedule_display": sched["display"], "next_run_at": to_record(next_run(sched, now) or now)}
            records.append(rec)
            ids.append(rec["id"])

    store.mutate(add_all)
    return ids


def bench_tick(workdir: Path, repeat: int) -> None:
    from .core.scheduler import Scheduler

    print("== tick: 1,000 jobs, none due (budget: under 20 ms) ==")
    home = HermesHome(workdir / "tick-home").ensure()
    now = datetime.now(UTC)
    build_jobs(home, 1000, now)
    scheduler = Scheduler(home, clock=lambda: now)
    try:
        def one() -> None:
            report = scheduler.tick()
            assert not report.dispatched and not report.error and not report.locked_out

        med, p95 = _timed(one, min(repeat, 100))
        print(f"  tick over 1,000 jobs (none due)            median {med:7.3f} ms   p95 {p95:7.3f} ms")
    finally:
        scheduler.shutdown()
    bench_busy_tick(workdir, repeat)


def bench_busy_tick(workdir: Path, repeat: int) -> None:
    """A tick while a run is in flight (a job claimed): it cannot stop at "nothing due", and looks at what the
    due index names - not at every job. While runs last the ticker ticks after each one."""
    from .core.jobs import JobStore
    from .core.scheduler import Scheduler

    home = HermesHome(workdir / "busy-tick-home").ensure()
    now = datetime.now(UTC)
    ids = build_jobs(home, 10_000, now)
    lease = (now + timedelta(days=1)).isoformat()

    def claim(records: list[Any]) -> None:
        for rec in records:
            if rec.get("id") == ids[5]:
                rec.update(state="running", run_claim={"at": now.isoformat(), "by": "elsewhere:1", "host": "elsewhere",
                                                       "pid": 1, "lease_until": lease})

    JobStore(home).mutate(claim)
    scheduler = Scheduler(home, clock=lambda: now)
    try:
        scheduler.tick()  # the first reads the file and builds the index

        def one() -> None:
            report = scheduler.tick()
            assert not report.idle and not report.dispatched and not report.error

        med, p95 = _timed(one, min(repeat, 50))
        print(f"  tick over 10,000 jobs, one run in flight    median {med:7.3f} ms   p95 {p95:7.3f} ms "
              "(was 145 ms: every job walked twice)")
    finally:
        scheduler.shutdown()


HERMES_EDIT = """
import json, statistics, sys, time
from cron.jobs import update_job
ids = json.loads(sys.argv[1])
samples = []
for i in range(int(sys.argv[2]) + 3):
    t0 = time.perf_counter()
    update_job(ids[i % len(ids)], {"name": f"renamed {i}"})
    samples.append((time.perf_counter() - t0) * 1000)
samples = sorted(samples[3:])
print(statistics.median(samples), samples[int(len(samples) * 0.95) - 1])
"""


def _probe(done: object, late: list[float]) -> None:
    """Stands in for the window: how much later than asked it gets to run, at most, until ``done`` is set."""
    while not done.is_set():  # type: ignore[attr-defined]
        t0 = time.perf_counter()
        time.sleep(0.0005)
        late[0] = max(late[0], time.perf_counter() - t0 - 0.0005)


def first_read(home: HermesHome, repeat: int) -> None:
    """A profile switch's first read of a home's jobs, as the jobs watcher makes it on the task thread:
    ``JobStore.load``, the views, the table (alone, as when the window is idle); then the same reads beside a
    thread that wakes every 0.5 ms, and the longest it waited for the interpreter. Switch interval and
    collector as the app sets them."""
    import gc
    import threading

    from .core.job_view import JobsTable, views
    from .core.jobs import JobStore
    from .ui.collector import FULL_ONLY_AFTER, GUI_SWITCH_INTERVAL_S

    interval, thresholds = sys.getswitchinterval(), gc.get_threshold()
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    gc.set_threshold(thresholds[0], thresholds[1], FULL_ONLY_AFTER)
    figures: dict[str, list[float]] = {"load": [], "views": [], "table": [], "total": [], "beside": [], "late": []}
    try:
        for i in range(2 * repeat + 2):
            beside = i > repeat  # the first of each half warms up
            done, late = threading.Event(), [0.0]
            thread = threading.Thread(target=_probe, args=(done, late))
            if beside:
                thread.start()
            store = JobStore(home)  # a new store, as a profile switch makes one
            t0 = time.perf_counter()
            snap = store.load()
            t1 = time.perf_counter()
            made = views(snap.jobs)
            t2 = time.perf_counter()
            JobsTable.of(snap.jobs, made)
            t3 = time.perf_counter()
            done.set()
            if beside:
                thread.join()
                figures["beside"].append((t3 - t0) * 1000)
                figures["late"].append(late[0] * 1000)
            elif i:
                for name, s in (("load", t1 - t0), ("views", t2 - t1), ("table", t3 - t2), ("total", t3 - t0)):
                    figures[name].append(s * 1000)
            assert not snap.error and len(snap.jobs) == len(made)
            del snap, made
            gc.collect()
    finally:
        sys.setswitchinterval(interval)
        gc.set_threshold(*thresholds)

    def span(name: str) -> str:
        ms = figures[name]
        return f"{statistics.median(ms):5.0f} ({min(ms):.0f}-{max(ms):.0f})"

    print(f"  first read of 10,000 jobs (budget: shown within 500 ms), median (range) ms: load {span('load')}   "
          f"views {span('views')}   table {span('table')}   total {span('total')}")
    print(f"  the same beside a thread waking every 0.5 ms: total {span('beside')}; that thread's longest wait "
          f"for the interpreter {max(figures['late']):.1f} ms (median of each read's longest "
          f"{statistics.median(figures['late']):.1f})")


def bench_jobs(workdir: Path, repeat: int) -> None:
    """Idle ticks at 1,000 and 10,000 jobs; one edit at 10,000 jobs beside hermes-agent's own update_job."""
    import json
    import os
    import subprocess

    from .core.jobs import JobStore
    from .core.scheduler import Scheduler

    print("== jobs: idle ticks (budget ≤ 1 ms at 1,000, ≤ 10 ms at 10,000) and one edit beside Hermes ==")
    now = datetime.now(UTC)
    for count in (1000, 10_000):
        home = HermesHome(workdir / f"jobs-{count}").ensure()
        ids = build_jobs(home, count, now)
        scheduler = Scheduler(home, clock=lambda: now)
        try:
            def one(scheduler: Scheduler = scheduler) -> None:
                report = scheduler.tick()
                assert not report.dispatched and not report.error and not report.locked_out

            med, p95 = _timed(one, min(repeat, 200))
            print(f"  tick over {count:>6,} jobs (none due)          median {med:7.3f} ms   p95 {p95:7.3f} ms")
        finally:
            scheduler.shutdown()
    first_read(home, min(repeat, 10))
    store = JobStore(home, clock=lambda: now)
    n = [0]

    def edit() -> None:
        n[0] += 1
        store.update(ids[n[0] % len(ids)], name=f"renamed {n[0]}")

    edits = min(repeat, 20)
    med, p95 = _timed(edit, edits)
    print(f"  one edit at 10,000 jobs (this app)          median {med:7.1f} ms   p95 {p95:7.1f} ms")
    hermes = Path(os.environ.get("HERMES_AGENT_PYTHON") or Path(__file__).resolve().parent.parent /
                  ".hermes-venv" / "bin" / "python")
    if not hermes.is_file():
        print("  one edit at 10,000 jobs (hermes-agent)      skipped: no .hermes-venv (see README)")
        return
    env = {**os.environ, "HERMES_HOME": str(home.root)}
    done = subprocess.run([str(hermes), "-c", HERMES_EDIT, json.dumps(ids[1:50]), str(edits)], env=env,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        print(f"  one edit at 10,000 jobs (hermes-agent)      failed: {done.stderr.strip()[-200:]}")
        return
    h_med, h_p95 = (float(x) for x in done.stdout.split()[-2:])
    print(f"  one edit at 10,000 jobs (hermes-agent)      median {h_med:7.1f} ms   p95 {h_p95:7.1f} ms")


def bench_window(workdir: Path, repeat: int) -> None:
    import os
    import subprocess

    print("== window: first paint and idle CPU (budgets: under 1.5 s; under 2 % of a core) ==")
    home = HermesHome(workdir / "window-home").ensure()
    t0 = time.perf_counter()
    build_sessions_db(home.state_db, 1_000_000, ordinary=100_000)
    build_jobs(home, 1000, datetime.now(UTC))
    print(f"built 100,000 sessions, 1,000,000 cron runs and 1,000 jobs in {time.perf_counter() - t0:.1f} s")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    firsts = []
    for i in range(3):
        started = time.time()
        out = subprocess.run([sys.executable, "-m", "hermes_desktop.bench", "--child-window", str(home.root),
                              "--child-started", repr(started), "--child-idle", "10" if i == 0 else "0"],
                             env=env, capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            print(out.stderr)
            raise SystemExit(1)
        figures = dict(line.split("=", 1) for line in out.stdout.split() if "=" in line)
        firsts.append(float(figures["first_paint_s"]))
        if "idle_cpu_percent" in figures:
            print(f"  start: settled (jobs and chats read, every ticker ticked) {float(figures['settled_s']):.2f} s "
                  f"after process start, {float(figures['start_cpu_s']):.2f} s of CPU until then")
            print(f"  idle 10 s with the cron section open, from 1 s after that: "
                  f"{float(figures['idle_cpu_percent']):.2f} % of a core, "
                  f"{figures['countdown_repaints']} countdown label repaints, "
                  f"{figures['model_signals']} model signals, "
                  f"countdown timer running: {figures['countdown_timer_active']}")
    print(f"  start to first painted window (process start, 3 runs): "
          f"{', '.join(f'{f:.2f} s' for f in firsts)}; median {statistics.median(firsts):.2f} s")


def bench_bundle(workdir: Path, repeat: int) -> None:
    """The packaged app against the virtual environment: time to first window (needs dist/, see README)."""
    import os
    import subprocess

    bundle = Path(__file__).resolve().parents[1] / "dist" / "hermes-desktop" / "hermes-desktop"
    if not bundle.exists():
        print("== bundle: no dist/hermes-desktop; build it with python tools/build_bundle.py ==")
        return
    print("== bundle: process start to first painted window, bundle vs. virtual environment (budget: 1.5 s) ==")
    home = HermesHome(workdir / "bundle-home").ensure()
    build_jobs(home, 50, datetime.now(UTC))
    venv_cmd = [sys.executable, "-m", "hermes_desktop"]
    for label, cmd in (("bundle", [str(bundle)]), ("venv", venv_cmd)):
        times = []
        for _ in range(5):
            env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   "HERMES_DESKTOP_FIRST_PAINT_SINCE": repr(time.time())}
            out = subprocess.run([*cmd, "--home", str(home.root)], env=env, capture_output=True, text=True,
                                 timeout=120)
            figures = dict(line.split("=", 1) for line in out.stdout.split() if "=" in line)
            times.append(float(figures["first_paint_s"]))
        print(f"  {label:<7} {', '.join(f'{t:.2f}' for t in times)} s; median {statistics.median(times):.2f} s")


def _child_window(root: str, started: float, idle_s: float) -> int:
    """Runs in a fresh process: start the app on ``root``, report when the window first paints, then idle."""
    import resource

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from .ui.app import create_main_window

    app = QApplication([])
    window = create_main_window(HermesHome(Path(root)), start_ticker=True)
    ticked: set[Path] = set()  # the tickers that have ticked: their first read of the jobs is behind them
    for ticker_root, ticker in window.ctx.tickers.items():  # (called on the ticker's thread)
        ticker.worker.ticked.connect(lambda _reports, r=ticker_root: ticked.add(r))
    window.resize(1100, 720)
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.time())
                QTimer.singleShot(0, lambda: app.exit(0))  # quit() would close the window
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    app.exec()
    print(f"first_paint_s={painted[0] - started:.3f}")
    window.removeEventFilter(spy)
    if idle_s > 0:
        cron, ctx, chats = window.cron, window.ctx, window.sidebar.sessions_model
        # let the start's work finish (the jobs and the chats read, every ticker's first tick), then a second
        # more; then measure a quiet stretch
        # (looked at every 20 ms from the event loop: a loop of processEvents() would keep the interpreter from
        # the threads doing that work)
        def check() -> None:
            if (window.jobs_model.rowCount() > 0 and not ctx.watcher.loading and ctx.tasks.pending() == 0
                    and chats.total > 0 and chats._flight is None and not chats._asked
                    and set(ctx.tickers) <= ticked) or time.time() > started + 60:
                app.exit(0)

        poll = QTimer()
        poll.timeout.connect(check)
        poll.start(20)
        app.exec()
        poll.stop()
        settled = time.time()
        start_cpu = resource.getrusage(resource.RUSAGE_SELF)
        print(f"settled_s={settled - started:.3f}")
        print(f"start_cpu_s={start_cpu.ru_utime + start_cpu.ru_stime:.3f}")
        QTimer.singleShot(1000, lambda: app.exit(0))
        app.exec()
        signals = [0]
        for sig in (window.jobs_model.dataChanged, window.jobs_model.rowsInserted, window.jobs_model.modelReset):
            sig.connect(lambda *a: signals.__setitem__(0, signals[0] + 1))
        repaints_before = cron.repaints
        before = resource.getrusage(resource.RUSAGE_SELF)
        wall = time.time()
        QTimer.singleShot(int(idle_s * 1000), lambda: app.exit(0))
        app.exec()
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"idle_cpu_percent={cpu / (time.time() - wall) * 100:.3f}")
        print(f"countdown_repaints={cron.repaints - repaints_before}")
        print(f"model_signals={signals[0]}")
        print(f"countdown_timer_active={cron.clock.isActive()}")
    window.close()
    return 0


SEARCH_DB_VERSION = "1"  # bump when the generated search database changes shape
SEARCH_QUERIES = [("word", "deployment"), ("phrase", '"overnight deployment"'), ("prefix", "deploy*"),
                  ("CJK, 2 characters", "日志"), ("CJK, 4 characters", "服务器日志"), ("rare word", "zeppelin"),
                  ("no match", "qwertyuiop")]
# hermes-agent's own SessionDB makes the file (schema, full-text tables and their triggers), then closes it.
HERMES_CREATE = """
import sys
from pathlib import Path
from hermes_state import SessionDB
SessionDB(Path(sys.argv[1])).close()
"""
HERMES_SEARCH = """
import json, statistics, sys, time
from pathlib import Path
from hermes_state import SessionDB
db = SessionDB(Path(sys.argv[1]))
out = {}
for label, query in json.loads(sys.argv[2]):
    for cron in (True, False):
        excluded = None if cron else ["cron"]
        db.search_messages(query, exclude_sources=excluded, limit=50)
        samples = []
        for _ in range(int(sys.argv[3])):
            t0 = time.perf_counter()
            db.search_messages(query, exclude_sources=excluded, limit=50)
            samples.append((time.perf_counter() - t0) * 1000)
        out[f"{label}|{cron}"] = statistics.median(samples)
print(json.dumps(out))
"""


def _hermes_python() -> Path | None:
    import os

    named = os.environ.get("HERMES_AGENT_PYTHON")
    path = Path(named) if named else Path(__file__).resolve().parent.parent / ".hermes-venv" / "bin" / "python"
    return path if path.is_file() else None


def _chat_text(i: int) -> str:
    """Ordinary chats: a few mention the bench's words, some are Chinese or Japanese."""
    if i % 1000 == 7:
        return f"Book the zeppelin tour for {i}"
    if i % 10 == 3:
        return f"请帮我检查服务器日志，第 {i} 次"
    if i % 10 == 5:
        return f"東京のサーバー移行について、{i} 件目"
    if i % 10 == 1:
        return f"Plan the deployment of service {i} for next week"
    return f"Notes on meeting {i}: budget, hiring and the roadmap"


def build_search_db(path: Path) -> None:
    """The search bench's state.db (see the module docstring), made once and reused while its marker fits."""
    import os
    import subprocess

    marker = path.with_name(path.name + ".done")
    if path.exists() and marker.exists() and marker.read_text() == SEARCH_DB_VERSION:
        print(f"using {path} (made earlier; delete it to make it again)")
        return
    for stale in (path, marker, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    t0 = time.perf_counter()
    hermes = _hermes_python()
    if hermes is not None:
        subprocess.run([str(hermes), "-c", HERMES_CREATE, str(path)], check=True, timeout=300,
                       env={**os.environ, "HERMES_HOME": str(path.parent)})
    else:  # no Hermes here: the same two tables and insert triggers, made by hand
        print("  (no hermes-agent: full-text tables made by hand in Hermes' shape; no Hermes figures)")
        conn = SessionStore(path)._conn()
        for table, tokenize in (("messages_fts", ""), ("messages_fts_trigram", ", tokenize='trigram'")):
            conn.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(content{tokenize})")
            conn.execute(f"CREATE TRIGGER {table}_insert AFTER INSERT ON messages BEGIN INSERT INTO {table}"
                         f"(rowid, content) VALUES (new.id, COALESCE(new.content, '') || ' '); END")
            conn.execute(f"CREATE TRIGGER {table}_update AFTER UPDATE ON messages BEGIN DELETE FROM {table} "
                         f"WHERE rowid = old.id; INSERT INTO {table}(rowid, content) "
                         f"VALUES (new.id, COALESCE(new.content, '') || ' '); END")
    build_sessions_db(path, 1_000_000)  # sessions, and the chats' messages (the oldest rows)
    store = SessionStore(path)
    conn = store._conn()
    # A page cache that holds the indexes: with SQLite's 2 MB default, two million trigger-fed index inserts
    # in one transaction spill and rewrite the same pages for the better part of an hour.
    conn.execute("PRAGMA cache_size = -2000000")
    conn.execute("BEGIN")
    conn.execute("UPDATE messages SET content = 'About: ' || content WHERE role = 'assistant'")
    for (i,) in conn.execute("SELECT id FROM messages WHERE role = 'user' ORDER BY id").fetchall():
        conn.execute("UPDATE messages SET content = ? WHERE id = ?", (_chat_text(i), i))
    # Each run's prompt and reply, written in the order the runs happened (message ids follow time).
    prompts = ["Summarize the overnight deployment logs and flag failures",
               "每天早上总结服务器日志并报告异常", "Check disk usage on every host"]

    def run_messages() -> Iterator[tuple[str, str, str, float]]:
        for n, (sid, at) in enumerate(conn.execute(
                "SELECT id, started_at FROM sessions WHERE source = 'cron' ORDER BY started_at, id").fetchall()):
            kind = 0 if n % 10 < 8 else (1 if n % 10 == 8 else 2)
            yield sid, "user", prompts[kind], at
            yield sid, "assistant", f"Run {n}: all {n % 97} checks passed.", at + 3

    conn.executemany("INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, ?, ?, ?)",
                     run_messages())
    conn.execute("COMMIT")
    for table in ("messages_fts", "messages_fts_trigram"):  # merged, as Hermes keeps them (optimize_fts)
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    conn.execute("ANALYZE")
    store.close()
    marker.write_text(SEARCH_DB_VERSION)
    print(f"built 1,000,000 cron runs (2,000,000 messages) + 10,000 chats with Hermes' indexes "
          f"in {time.perf_counter() - t0:.0f} s")


def bench_search(workdir: Path, repeat: int) -> None:
    import json
    import os
    import sqlite3
    import subprocess

    from .core.search import SessionSearch

    print("== search: first 50 results among 2,000,000 messages (budget: 50 ms) ==")
    path = workdir / "search-state.db"
    build_search_db(path)
    search = SessionSearch(path)
    ours: dict[str, float] = {}
    counts: dict[str, str] = {}
    for label, query in SEARCH_QUERIES:
        for cron in (True, False):
            result = search.search(query, include_cron=cron)
            counts[f"{label}|{cron}"] = f"{len(result.hits)}{'' if result.complete else ' (stopped early)'}"
            def one(q: str = query, c: bool = cron) -> object:
                return search.search(q, include_cron=c)

            med, _p95 = _timed(one, min(repeat, 30))
            ours[f"{label}|{cron}"] = med
    theirs: dict[str, float] = {}
    hermes = _hermes_python()
    if hermes is not None:
        done = subprocess.run([str(hermes), "-c", HERMES_SEARCH, str(path), json.dumps(SEARCH_QUERIES), "3"],
                              env={**os.environ, "HERMES_HOME": str(path.parent)},
                              capture_output=True, text=True, timeout=1800)
        if done.returncode == 0:
            theirs = json.loads(done.stdout.strip().splitlines()[-1])
        else:
            print(f"  hermes-agent search failed: {done.stderr.strip()[-300:]}")
    print(f"  {'query':<34} {'cron':<5} {'this app':>10} {'hermes-agent':>13}  hits")
    for label, query in SEARCH_QUERIES:
        for cron in (True, False):
            key = f"{label}|{cron}"
            hermes_ms = f"{theirs[key]:10.1f} ms" if key in theirs else "         -"
            print(f"  {label + ' ' + query:<34} {'with' if cron else 'none':<5} {ours[key]:7.2f} ms "
                  f"{hermes_ms}  {counts[key]}")
    print("  query plans (this app):")
    conn = search._reader()
    assert conn is not None
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    for _label, query in SEARCH_QUERIES[:4]:
        for cron in (True, False):
            search.search(query, include_cron=cron)
    conn.set_trace_callback(None)
    seen = set()
    for sql in statements:
        shape = " ".join(sql.split())[:60]
        if not sql.lstrip().upper().startswith("SELECT") or shape in seen or "sqlite_master" in sql:
            continue
        seen.add(shape)
        try:
            plan = conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        except sqlite3.Error:
            continue
        print(f"    {' '.join(sql.split())[:110]}")
        for row in plan:
            print(f"      {row[3]}")
    search.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hermes_desktop.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child-window", help=argparse.SUPPRESS)
    parser.add_argument("--child-started", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--child-idle", type=float, default=10, help=argparse.SUPPRESS)
    parser.add_argument("--only", default="sessions,tick,jobs,window",
                        help="comma-separated sections (default: all but bundle)")
    parser.add_argument("--repeat", type=int, default=300, help="timed repetitions per figure")
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one, removed after)")
    args = parser.parse_args(argv)
    if args.child_window:
        return _child_window(args.child_window, args.child_started, args.child_idle)
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="hermes-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    from .bench_stalls import bench_stalls

    sections = {"sessions": bench_sessions, "tick": bench_tick, "jobs": bench_jobs, "window": bench_window,
                "bundle": bench_bundle, "stalls": bench_stalls, "search": bench_search}
    try:
        for name in args.only.split(","):
            if name not in sections:
                print(f"unknown section {name!r}; choose from {', '.join(sections)}", file=sys.stderr)
                return 2
            sections[name](workdir, args.repeat)
    finally:
        if args.dir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["HermesHome", "build_sessions_db", "main"]
