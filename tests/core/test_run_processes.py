"""When a script's run ends - it finishes, times out, is cancelled, or the app dies - nothing it started lives on.

Real processes in the test's own folder. A script reports the pids it starts
through files; the test then polls, with a deadline, until they are gone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hermes_desktop.core import runner
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.procs import pid_alive
from hermes_desktop.core.runner import RunError, run_script

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="real process trees, Linux")

REPO = Path(__file__).resolve().parents[2]

# How a run finds every process it started: a supervisor that is a child subreaper (Linux), a
# supervisor without one that walks the tree from the app (macOS, Windows), or no supervisor at all
# (a packaged app that finds no Python for it).
MODES = ["subreaper", "walk", "direct"]


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param != "subreaper":
        monkeypatch.setattr(runner, "SUBREAPER", False)
    if request.param == "direct":
        monkeypatch.setattr(runner, "_supervisor_python", lambda: None)
    return str(request.param)


def wait_until(condition: Callable[[], bool], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


def pid_from(path: Path, within: float = 10) -> int:
    wait_until(path.exists, within, f"{path.name} was never written")
    return int(path.read_text())


def write_pid(path: Path) -> str:
    """Python lines that write this process's pid to ``path`` atomically."""
    tmp = str(path) + ".tmp"
    return f"open({tmp!r}, 'w').write(str(os.getpid())); os.replace({tmp!r}, {str(path)!r})"


def escaping_child(pidfile: Path) -> str:
    """A script that starts a child in its own session, holding stdout and stderr open, then hangs."""
    child = f"import os, time; {write_pid(pidfile)}; time.sleep(30)"
    return textwrap.dedent(f"""\
        import os, subprocess, sys, time
        subprocess.Popen([sys.executable, "-c", {child!r}], start_new_session=True)
        print("working", flush=True)
        time.sleep(300)
        """)


def test_a_timeout_ends_the_run_even_when_an_escaped_child_holds_its_output(home: HermesHome, mode: str) -> None:
    child_pid = home.root / "child.pid"
    (home.scripts_dir / "escape.py").write_text(escaping_child(child_pid))
    started = time.monotonic()
    with pytest.raises(RunError) as info:
        run_script(home, "escape.py", 2)
    took = time.monotonic() - started
    assert took < 2 + 5, f"the run went on {took - 2:.1f} s past its 2 s timeout"
    assert str(info.value) == "escape.py was stopped after 2 s (the job timeout), along with the 1 process it started."
    child = pid_from(child_pid, within=0)
    wait_until(lambda: not pid_alive(child), 5, "the escaped child outlived the run")


def test_a_double_forked_daemon_is_stopped_when_the_script_finishes(home: HermesHome,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    daemon_pid = home.root / "daemon.pid"
    (home.scripts_dir / "daemon.py").write_text(textwrap.dedent(f"""\
        import os, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                {write_pid(daemon_pid)}
                time.sleep(30)
            os._exit(0)
        os.wait()
        while not os.path.exists({str(daemon_pid)!r}):
            time.sleep(0.01)
        print("done")
        """))
    caplog.set_level("INFO", logger="hermes_desktop.ticker")
    started = time.monotonic()
    assert run_script(home, "daemon.py", 60) == "done\n"
    assert time.monotonic() - started < 5, "the run waited on the daemon's copy of its output"
    daemon = pid_from(daemon_pid, within=0)
    wait_until(lambda: not pid_alive(daemon), 5, "the daemon outlived the script")
    assert "daemon.py left 1 process running; it was stopped" in caplog.text


def test_a_child_orphaned_mid_run_is_stopped_when_the_script_finishes(home: HermesHome, mode: str) -> None:
    # A helper starts a child in its own session and exits while the run goes on: the child's link
    # to the run is gone by the end, so only a subreaper or a record taken while it lasted finds it.
    orphan_pid = home.root / "orphan.pid"
    orphan = f"import os, time; {write_pid(orphan_pid)}; time.sleep(30)"
    helper = (f"import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', {orphan!r}], "
              "start_new_session=True); time.sleep(1)")
    (home.scripts_dir / "helper.py").write_text(textwrap.dedent(f"""\
        import subprocess, sys
        subprocess.run([sys.executable, "-c", {helper!r}])
        print("done")
        """))
    assert run_script(home, "helper.py", 60) == "done\n"
    orphan_process = pid_from(orphan_pid, within=0)
    wait_until(lambda: not pid_alive(orphan_process), 5, "the orphaned child outlived the script")


def test_cancel_stops_the_script_and_everything_it_started(home: HermesHome, mode: str) -> None:
    script_pid, child_pid = home.root / "script.pid", home.root / "child.pid"
    source = escaping_child(child_pid).replace("import os, subprocess, sys, time\n",
                                               f"import os, subprocess, sys, time\n{write_pid(script_pid)}\n")
    (home.scripts_dir / "long.py").write_text(source)
    cancel = threading.Event()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            run_script(home, "long.py", 600, cancel)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    try:
        script, child = pid_from(script_pid), pid_from(child_pid)
        cancel.set()
        worker.join(10)
        assert not worker.is_alive(), "the cancelled run did not end"
    finally:
        cancel.set()
        worker.join()
    assert len(outcome) == 1 and isinstance(outcome[0], RunError)
    assert str(outcome[0]) == "long.py was stopped because the app was closing, along with the 1 process it started."
    wait_until(lambda: not pid_alive(script) and not pid_alive(child), 5, "the script or its child outlived the cancel")


def test_killing_the_app_stops_the_script_and_everything_it_started(home: HermesHome) -> None:
    script_pid, child_pid = home.root / "script.pid", home.root / "child.pid"
    source = escaping_child(child_pid).replace("import os, subprocess, sys, time\n",
                                               f"import os, subprocess, sys, time\n{write_pid(script_pid)}\n")
    (home.scripts_dir / "long.py").write_text(source)
    app_code = ("from pathlib import Path; from hermes_desktop.core.home import HermesHome; "
                "from hermes_desktop.core.runner import run_script; "
                f"run_script(HermesHome(Path({str(home.root)!r})), 'long.py', 600)")
    app = subprocess.Popen([sys.executable, "-c", app_code], env={**os.environ, "PYTHONPATH": str(REPO)},
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        script, child = pid_from(script_pid), pid_from(child_pid)
        app.send_signal(signal.SIGKILL)
    finally:
        app.kill()
        app.wait()
    wait_until(lambda: not pid_alive(script), 5, "the script outlived the app")
    wait_until(lambda: not pid_alive(child), 5, "the script's child outlived the app")


def test_a_missing_interpreter_is_a_clear_error(home: HermesHome, mode: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (home.scripts_dir / "hi.sh").write_text("echo hi\n")
    monkeypatch.setenv("PATH", str(tmp_path / "no-bash-here"))
    with pytest.raises(RunError, match=r"^Could not start hi\.sh: No such file or directory$"):
        run_script(home, "hi.sh", 10)
