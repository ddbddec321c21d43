"""Benchmarks that print figures: ``python -m hermes_desktop.bench``.

Budgets (design.md §5) are checked by reading these figures, never by timed
tests. Sections:

* ``sessions`` - run-history and recents pages on a state.db with 1,000,000
  cron runs over 1,000 jobs (one holding 100,000) and 10,000 ordinary
  sessions older than every cron run; then the same at 10,000 runs, so the
  growth shows.
* ``tick`` - one scheduler tick over 1,000 jobs with none due.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hermes_desktop.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="sessions,tick", help="comma-separated sections (default: all)")
    parser.add_argument("--repeat", type=int, default=300, help="timed repetitions per figure")
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one, removed after)")
    args = parser.parse_args(argv)
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="hermes-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    sections = {"sessions": bench_sessions, "tick": bench_tick}
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
