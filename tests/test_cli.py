from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hermes_desktop.cli import main
from hermes_desktop.core.home import HermesHome
from tests.hermes_ledger import hermes_output, hermes_row


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """In-process CLI runs share the test session's QApplication (the CLI makes a QCoreApplication otherwise)."""


def cli(capsys: pytest.CaptureFixture[str], home: HermesHome, *args: str) -> tuple[int, str, str]:
    code = main(["--home", str(home.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_edit_pause_resume_rm(capsys: pytest.CaptureFixture[str], home: HermesHome) -> None:
    code, out, _ = cli(capsys, home, "cron", "add", "weekdays at 9am", "Summarize my inbox", "--name", "brief")
    assert code == 0 and out.startswith("Created ")
    code, out, _ = cli(capsys, home, "cron", "list", "--json")
    (job,) = json.loads(out)
    assert set(job) == {"id", "name", "title", "state", "schedule", "schedule_display", "next_run_at", "last_run_at",
                        "last_status", "last_error", "prompt", "script", "no_agent", "repeat"}
    assert job["schedule"] == {"kind": "cron", "expr": "0 9 * * 1-5", "display": "weekdays at 9am"}
    assert (job["title"], job["state"]) == ("brief", "scheduled")

    assert cli(capsys, home, "cron", "edit", "brief", "--schedule", "every 2h")[0] == 0
    assert cli(capsys, home, "cron", "pause", "brief", "--reason", "away")[0] == 0
    (job,) = json.loads(cli(capsys, home, "cron", "list", "--json")[1])
    assert job["state"] == "paused" and job["schedule"]["minutes"] == 120
    assert cli(capsys, home, "cron", "resume", job["id"])[0] == 0
    assert cli(capsys, home, "cron", "rm", "brief")[0] == 0
    assert json.loads(cli(capsys, home, "cron", "list", "--json")[1]) == []


@pytest.mark.parametrize(
    "args",
    [
        ("cron", "add", "61 * * * *", "x"),
        ("cron", "add", "every 0m", "x"),
        ("cron", "add", "", "x"),
        ("cron", "add", "every 5m"),
        ("cron", "pause", "nobody"),
        ("cron", "edit", "nobody", "--name", "x"),
        ("cron", "describe", "0 9 31 2 *"),
        ("cron", "add", "every 5m", "x", "--repeat", "0"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], home: HermesHome,
                                         args: tuple[str, ...]) -> None:
    code, _out, err = cli(capsys, home, *args)
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert not home.jobs_file.exists()


def test_unreadable_jobs_file_exits_1_and_is_kept(capsys: pytest.CaptureFixture[str], home: HermesHome) -> None:
    home.jobs_file.write_text("[{oops")
    code, _, err = cli(capsys, home, "cron", "add", "every 5m", "x")
    assert code == 1 and "not valid JSON" in err
    assert cli(capsys, home, "cron", "list")[0] == 1
    assert home.jobs_file.read_text() == "[{oops"


def test_run_now_tick_and_runs(capsys: pytest.CaptureFixture[str], home: HermesHome) -> None:
    (home.scripts_dir / "hello.sh").write_text("echo hello there")
    (home.scripts_dir / "fail.sh").write_text("exit 4")
    cli(capsys, home, "cron", "add", "every 1h", "--script", "hello.sh", "--no-agent", "--name", "hello")
    cli(capsys, home, "cron", "add", "every 1h", "--script", "fail.sh", "--no-agent", "--name", "fail")

    code, out, _ = cli(capsys, home, "cron", "run", "hello", "--now")
    assert code == 0 and "hello there" in out
    code, out, _ = cli(capsys, home, "cron", "run", "fail", "--now")
    assert code == 1 and "exited with code 4" in out

    assert cli(capsys, home, "cron", "tick")[1].strip() == "Nothing was due."
    assert cli(capsys, home, "cron", "run", "hello")[0] == 0  # due at the next tick
    code, out, _ = cli(capsys, home, "cron", "tick")
    assert code == 0 and "ran" in out and "hello" in out

    code, out, _ = cli(capsys, home, "cron", "runs", "hello", "--json")
    runs = json.loads(out)
    assert len(runs) == 2 and all(r["status"] == "ok" for r in runs)
    assert set(runs[0]) == {"id", "title", "status", "started_at", "ended_at", "duration_s", "missed_count",
                            "execution_id", "source", "error", "output_file"}
    assert runs[0]["id"] > runs[1]["id"]  # newest first
    assert runs[0]["execution_id"] is None  # a run with a transcript is shown as its session, once


def test_runs_lists_what_only_hermes_ledger_knows(capsys: pytest.CaptureFixture[str], home: HermesHome) -> None:
    cli(capsys, home, "cron", "add", "every 1h", "--script", "watch.sh", "--no-agent", "--name", "watch")
    (home.scripts_dir / "watch.sh").write_text("echo from the app")
    assert cli(capsys, home, "cron", "run", "watch", "--now")[0] == 0
    job_id = json.loads(cli(capsys, home, "cron", "list", "--json")[1])[0]["id"]
    at = datetime.now().astimezone() + timedelta(minutes=5)  # a Hermes run of the job, after the app's
    path = hermes_output(home, job_id, at + timedelta(seconds=1), "from hermes")
    row = hermes_row(home, job_id, at, at, at + timedelta(seconds=1, milliseconds=5))
    failed = hermes_row(home, job_id, at + timedelta(minutes=1), status="failed", error="Dispatch claim rejected")

    code, out, _ = cli(capsys, home, "cron", "runs", "watch", "--json")
    newest, hermes, ours = json.loads(out)
    assert code == 0 and (newest["execution_id"], newest["status"]) == (failed, "error")
    assert newest["error"] == "Dispatch claim rejected" and newest["output_file"] is None
    assert hermes == {"id": f"execution:{row}", "title": None, "status": "ok", "started_at": at.isoformat(),
                      "ended_at": (at + timedelta(seconds=1, milliseconds=5)).isoformat(),
                      "duration_s": pytest.approx(1.005), "missed_count": None, "execution_id": row,
                      "source": "builtin", "error": None, "output_file": path}
    assert ours["id"].startswith("cron_") and ours["execution_id"] is None  # the app's own run, once
    code, out, _ = cli(capsys, home, "cron", "runs", "watch")
    assert code == 0 and f"execution:{row}" in out and path in out and "Dispatch claim rejected" in out


def test_describe_shows_words_zone_and_next_runs(capsys: pytest.CaptureFixture[str], home: HermesHome) -> None:
    code, out, _ = cli(capsys, home, "cron", "describe", "every monday 9am", "--count", "3")
    lines = out.strip().splitlines()
    assert code == 0
    assert lines[0] == "Every Monday at 9:00\u202fAM" or lines[0].startswith("Every Monday at 9:00")
    assert lines[1].startswith("Time zone: ")
    assert len(lines) == 5 and all(line.strip().startswith("Mon ") for line in lines[2:])


def test_module_entry_point_runs_headless(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "hermes_desktop", "--home", str(tmp_path / "h"), "cron",
                           "describe", "every 15m"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("Every 15 minute")


def test_no_display_says_how_to_run_headless(tmp_path: Path) -> None:
    env = {k: v for k, v in __import__("os").environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "hermes_desktop", "--home", str(tmp_path / "h")], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "QT_QPA_PLATFORM=offscreen" in proc.stderr and "cron" in proc.stderr
    assert proc.stderr.count("\n") == 1 and "Abort" not in proc.stderr


def test_screenshot_renders_a_png(tmp_path: Path) -> None:
    shot = tmp_path / "main.png"
    home = tmp_path / "h"
    subprocess.run([sys.executable, "-m", "hermes_desktop", "--home", str(home), "cron", "add", "every 1h", "x",
                    "--name", "visible job"], check=True, capture_output=True, timeout=60)
    proc = subprocess.run([sys.executable, "-m", "hermes_desktop", "--home", str(home), "--screenshot", str(shot),
                           "--size", "900x600"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (900, 600)


def test_prune_applies_retention_on_demand(capsys: pytest.CaptureFixture[str], home: HermesHome) -> None:
    import json as _json

    (home.scripts_dir / "a.sh").write_text("echo a")
    cli(capsys, home, "cron", "add", "every 1h", "--script", "a.sh", "--no-agent", "--name", "a")
    for _ in range(4):
        assert cli(capsys, home, "cron", "run", "a", "--now")[0] == 0
    home.settings_file.write_text(_json.dumps({"keep_runs": 1}))
    code, out, _ = cli(capsys, home, "cron", "prune")
    assert code == 0 and out.startswith("Deleted 3 old run(s)")
    assert len(_json.loads(cli(capsys, home, "cron", "runs", "a", "--json")[1])) == 1


def test_a_name_with_control_characters_prints_on_one_safe_line(home: HermesHome) -> None:
    done = subprocess.run([sys.executable, "-m", "hermes_desktop", "--home", str(home.root), "cron", "add", "every 1h",
                           "p", "--name", "two\nlines\x1b[31m"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.count("\n") == 1 and "\x1b" not in done.stdout
    assert "two\\nlines\\x1b[31m" in done.stdout
