"""Make a demo Hermes home (chats, jobs, runs) for screenshots: ``python tools/demo_home.py DIR``."""

from __future__ import annotations

import argparse
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore, apply_run_outcome
from hermes_desktop.core.runner import run_job
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings

CHATS = [
    ("cli", "How do I rotate my SSH keys without locking myself out?",
     "Generate the new key first, add it next to the old one, test a login, then remove the old key:\n\n"
     "```sh\nssh-keygen -t ed25519 -C laptop-2026\nssh-copy-id -i ~/.ssh/id_ed25519.pub server\n```"),
    ("telegram", "What did we decide about the Q3 roadmap?",
     "You agreed to ship **offline mode** first and move the plugin store to Q4."),
    ("desktop", "Draft a reply to Anna about the offsite in March",
     "Hi Anna — March works for us. Could we keep it to two days?"),
    ("cli", "Why is the build slower since Tuesday?",
     "The cache key now includes the commit hash, so every build misses the cache."),
    ("discord", "Summarise the release notes of v0.19",
     "- cron jobs fire from the desktop app\n- faster run history\n- retention settings"),
]


def build(root: Path) -> HermesHome:
    if root.exists():
        shutil.rmtree(root)
    home = HermesHome(root).ensure()
    sessions = SessionStore(home.state_db)
    now = time.time()
    for i, (source, question, answer) in enumerate(CHATS):
        sid = f"demo{i}"
        started = now - 3600 * (i * 5 + 1)
        sessions._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES (?, ?, ?)",
                                 (sid, source, started))
        sessions.append_message(sid, "user", question, started)
        sessions.append_message(sid, "assistant", answer, started + 20)
    (home.scripts_dir / "disk.sh").write_text("df -h / | tail -1\n")
    (home.scripts_dir / "backup.sh").write_text("echo 'backup target not mounted' >&2; exit 2\n")
    store = JobStore(home)
    disk = store.create("every 15m", script="disk.sh", no_agent=True, name="Disk space watch")
    backup = store.create("0 2 * * *", script="backup.sh", no_agent=True, name="Nightly backup")
    store.create("weekdays at 9am", "Summarize my inbox and flag anything urgent from my manager")
    brief = store.create("every monday 8:30am", "Plan my week from the calendar", name="Weekly plan")
    store.pause(brief["id"], "on holiday")
    store.create("in 45m", "Remind me to call the dentist", name="Dentist reminder")
    base = datetime.now(UTC) - timedelta(hours=6)
    for k in range(6):
        run_job(home, disk, sessions, Settings(), clock=lambda k=k: base + timedelta(minutes=15 * k))
    result = run_job(home, backup, sessions, Settings(), clock=lambda: base)

    def mark(records: list) -> None:
        for rec in records:
            if rec["id"] == backup["id"]:
                apply_run_outcome(rec, ok=False, error=result.error, ran_at=base, tz=UTC)

    store.mutate(mark)
    sessions.close()
    return home


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", type=Path)
    print(build(parser.parse_args().dir).root)
