"""jobs.json as people really have it: a symlink into a dotfiles repo, a file bind-mounted into a container,
and temp files left behind by a writer that was killed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore


def test_a_symlinked_jobs_file_is_written_through(home: HermesHome, tmp_path: Path) -> None:
    target = tmp_path / "dotfiles" / "jobs.json"
    target.parent.mkdir()
    target.write_text('{"jobs": []}\n')
    home.jobs_file.symlink_to(target)
    job = JobStore(home).create("every 1h", "p")
    assert home.jobs_file.is_symlink() and os.readlink(home.jobs_file) == str(target)
    assert [j["id"] for j in json.loads(target.read_text())["jobs"]] == [job["id"]]


def test_a_rename_that_is_refused_falls_back_to_copying(home: HermesHome, monkeypatch: pytest.MonkeyPatch) -> None:
    store = JobStore(home)
    first = store.create("every 1h", "p")
    real_replace = os.replace

    def busy(src: str, dst: str) -> None:
        if str(dst).endswith("jobs.json"):
            raise OSError(16, "Device or resource busy")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", busy)
    second = store.create("every 2h", "q")
    assert [j["id"] for j in store.list_jobs()] == [first["id"], second["id"]]
    assert not list(home.cron_dir.glob(".jobs_*.tmp"))


@pytest.mark.skipif(not shutil.which("unshare") or os.geteuid() != 0, reason="needs root and unshare for a bind mount")
def test_a_bind_mounted_jobs_file_takes_new_jobs(home: HermesHome, tmp_path: Path) -> None:
    outside = tmp_path / "host-jobs.json"
    outside.write_text('{"jobs": []}\n')
    home.jobs_file.write_text("")
    script = (f"mount --bind {outside} {home.jobs_file} && "
              f"{sys.executable} -m hermes_desktop --home {home.root} cron add 'every 1h' 'from the container'")
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=60)
    if "mount:" in done.stderr or "unshare:" in done.stderr:
        pytest.skip(f"bind mounts are not allowed here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    assert [j["prompt"] for j in json.loads(outside.read_text())["jobs"]] == ["from the container"]


def test_temp_files_of_a_killed_writer_are_cleaned_up(home: HermesHome) -> None:
    store = JobStore(home)
    store.create("every 1h", "p")
    old = home.cron_dir / ".jobs_dead1234.tmp"
    old.write_text('{"jobs": [] ')  # half a file
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    fresh = home.cron_dir / ".jobs_live5678.tmp"  # a writer that is still at it may own this one
    fresh.write_text("")
    other = home.cron_dir / ".hb_1.tmp"  # not a jobs.json temp file: never ours to touch
    other.write_text("")
    os.utime(other, (hour_ago, hour_ago))
    store.create("every 2h", "q")
    assert not old.exists() and fresh.exists() and other.exists()
