"""Whether a Hermes gateway runs for a home, told as hermes-agent 0.19.0 tells it.

The unit tests run a stand-in gateway: a small program saved as ``hermes``
and started as ``hermes gateway run`` (so its command line is a gateway's),
which locks ``gateway.lock`` and writes ``gateway.pid`` and
``gateway_state.json`` shaped exactly as ``gateway/status.py`` writes them
(``test_the_stand_in_writes_what_hermes_writes`` holds it to that). Where
Hermes is installed, the same situations are put to Hermes' own check
(``hermes_cli.profiles._check_gateway_running``), to Hermes' own writers in a
live helper, and to a real ``hermes gateway run`` started with no messaging
platform on the test's home.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psutil
import pytest

from hermes_desktop.core.gateway import _belongs_to_home, _subcommand, gateway_status
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.procs import process_start_time
from tests.hermes_agent import hermes_env, hermes_program, hermes_python, needs_hermes, run_hermes_python

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and flock")

# The stand-in gateway. FAKE_GATEWAY (JSON) says which of Hermes' files it writes.
STAND_IN = r'''
import json, os, sys
from datetime import datetime, timezone

home = os.environ["HERMES_HOME"]
spec = json.loads(os.environ["FAKE_GATEWAY"])
pid = os.getpid()


def start_time(pid):
    try:
        with open("/proc/%d/stat" % pid, encoding="utf-8") as f:
            return int(f.read().split()[21])
    except (OSError, IndexError, ValueError):
        import psutil
        return int(round(psutil.Process(pid).create_time() * 100))


record = {"pid": pid, "kind": "hermes-gateway", "argv": list(sys.argv), "start_time": start_time(pid)}
if spec.get("lock"):
    handle = open(os.path.join(home, "gateway.lock"), "a+", encoding="utf-8")
    if sys.platform == "win32":
        import msvcrt
        handle.seek(0, os.SEEK_END)
        if handle.tell() == 0:
            handle.write("\n")
            handle.flush()
        handle.seek(1024 * 1024)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    handle.seek(0)
    handle.truncate()
    json.dump(record, handle)
    handle.flush()
if spec.get("pid_file"):
    fd = os.open(os.path.join(home, "gateway.pid"), os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(json.dumps(record))
if spec.get("state"):
    payload = dict(record, gateway_state=spec["state"], exit_reason=None, restart_requested=False,
                   active_agents=0, platforms={}, updated_at=datetime.now(timezone.utc).isoformat())
    path = os.path.join(home, "gateway_state.json")
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(payload, f, indent=None, ensure_ascii=False, separators=(",", ":"))
    os.replace(path + ".tmp", path)
print("ready", flush=True)
sys.stdin.read()
'''

# Hermes' own writers, in a helper started the same way; each line on stdin is a new gateway_state.
HERMES_WRITERS = r'''
import sys
from gateway.status import acquire_gateway_runtime_lock, write_pid_file, write_runtime_status

assert acquire_gateway_runtime_lock()
write_pid_file()
write_runtime_status(gateway_state="running")
print("ready", flush=True)
for line in sys.stdin:
    write_runtime_status(gateway_state=line.strip())
    print("ok", flush=True)
'''


def wait_until(check: Callable[[], bool], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


def snapshot(home: HermesHome) -> dict[str, tuple[bytes, int]]:
    """Every file of the home with its bytes and modification time, to show that nothing was touched."""
    return {str(p.relative_to(home.root)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(home.root.rglob("*")) if p.is_file()}


def record_for(pid: int, start_time: int | None, argv: list[str]) -> dict[str, object]:
    return {"pid": pid, "kind": "hermes-gateway", "argv": argv, "start_time": start_time}


def write_pid_record(path: Path, record: dict[str, object]) -> None:
    path.write_text(json.dumps(record), encoding="utf-8")  # gateway.pid and gateway.lock: json.dumps' spacing


def write_state(home: HermesHome, record: dict[str, object], state: str | None) -> None:
    payload = dict(record, gateway_state=state, exit_reason=None, restart_requested=False, active_agents=0,
                   platforms={}, updated_at=datetime.now(UTC).isoformat())
    home.gateway_state_file.write_text(json.dumps(payload, separators=(",", ":"), ensure_ascii=False),
                                       encoding="utf-8")


class Gateways:
    """Starts stand-in gateways (or Hermes' own writers) for a test and stops every one of them afterwards."""

    def __init__(self, tmp_path: Path) -> None:
        self.bin = tmp_path / "bin"
        self.bin.mkdir(exist_ok=True)
        self.procs: list[subprocess.Popen[str]] = []

    def start(self, home: HermesHome, *, lock: bool = True, pid_file: bool = True, state: str | None = "running",
              before: tuple[str, ...] = (), python: str = sys.executable, source: str = STAND_IN,
              env: dict[str, str] | None = None) -> subprocess.Popen[str]:
        program = self.bin / "hermes"
        program.write_text(source, encoding="utf-8")
        environ = dict(env if env is not None else os.environ)
        environ.update(HERMES_HOME=str(home.root),
                       FAKE_GATEWAY=json.dumps({"lock": lock, "pid_file": pid_file, "state": state}))
        proc = subprocess.Popen([python, str(program), *before, "gateway", "run"], env=environ, text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.procs.append(proc)
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if line.strip() != "ready":
            proc.kill()
            _, err = proc.communicate(timeout=30)
            raise AssertionError(f"the gateway stand-in did not start: {err[-2000:]}")
        return proc

    def kill(self, proc: subprocess.Popen[str]) -> None:
        proc.kill()
        proc.wait(timeout=30)

    def stop_all(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
            proc.communicate(timeout=30)  # closes its pipes and reaps it


@pytest.fixture
def gateways(tmp_path: Path) -> Iterator[Gateways]:
    made = Gateways(tmp_path)
    try:
        yield made
    finally:
        made.stop_all()


# --------------------------------------------------------------------------- situations
# Each sets up a home and says what must be reported: (running, state). Hermes is asked the same below.


@dataclass
class Expect:
    running: bool
    state: str | None = None
    pid: int | None = None
    says: str = ""  # a few words the detail must contain


def nothing(home: HermesHome, gateways: Gateways) -> Expect:
    return Expect(False, says="no gateway files")


def live(home: HermesHome, gateways: Gateways) -> Expect:
    proc = gateways.start(home)
    return Expect(True, "running", proc.pid, "gateway.pid")


def draining(home: HermesHome, gateways: Gateways) -> Expect:
    proc = gateways.start(home, state="draining")
    return Expect(True, "draining", proc.pid)


def lock_record_only(home: HermesHome, gateways: Gateways) -> Expect:
    """gateway.pid has gone, but the gateway still holds gateway.lock, whose record names it."""
    proc = gateways.start(home, pid_file=False, state=None)
    return Expect(True, None, proc.pid, "gateway.lock")


def stopping(home: HermesHome, gateways: Gateways) -> Expect:
    """A gateway that has written "stopped" but still holds its lock is still running, and says so."""
    proc = gateways.start(home, state="stopped")
    return Expect(True, "stopped", proc.pid, "gateway.pid")


def killed(home: HermesHome, gateways: Gateways) -> Expect:
    """A gateway killed outright: every file stays, naming a pid that has gone."""
    gateways.kill(gateways.start(home))
    return Expect(False, says="is not running")


def pid_reused(home: HermesHome, gateways: Gateways) -> Expect:
    """The records name a live gateway-looking process whose start time is not the one recorded."""
    proc = gateways.start(home, pid_file=False, state=None)  # holds the lock
    old = json.loads(home.gateway_lock_file.read_text(encoding="utf-8"))
    stale = dict(old, start_time=old["start_time"] - 1)
    for path in (home.gateway_pid_file, home.gateway_lock_file):
        write_pid_record(path, stale)
    write_state(home, stale, "running")
    assert proc.poll() is None
    return Expect(False, says="start time differs")


def pid_of_another_program(home: HermesHome, gateways: Gateways) -> Expect:
    """The records, start time and all, name a live process that is not a gateway (this test)."""
    gateways.start(home, pid_file=False, state=None)  # someone holds the lock
    record = record_for(os.getpid(), process_start_time(os.getpid()), [str(gateways.bin / "hermes"), "gateway", "run"])
    write_pid_record(home.gateway_pid_file, record)
    write_pid_record(home.gateway_lock_file, record)
    write_state(home, record, "running")
    return Expect(False, says="not a Hermes gateway")


def state_file_only(home: HermesHome, gateways: Gateways) -> Expect:
    """A live gateway that left only gateway_state.json (as under some service managers) runs."""
    proc = gateways.start(home, lock=False, pid_file=False, state="running")
    return Expect(True, "running", proc.pid, "gateway_state.json")


def stopped_state_without_lock(home: HermesHome, gateways: Gateways) -> Expect:
    """gateway.pid names a live gateway, but nobody holds gateway.lock and the state says stopped."""
    gateways.start(home, lock=False, pid_file=True, state="stopped")
    return Expect(False, says="no process holds gateway.lock")


def planned_stop(home: HermesHome, gateways: Gateways) -> Expect:
    """After a planned stop: gateway.pid gone, gateway.lock keeps the last record, the state says stopped."""
    proc = gateways.start(home, state="stopped")
    gateways.kill(proc)
    home.gateway_pid_file.unlink()
    return Expect(False, says="stopped")


def other_profiles_gateway(home: HermesHome, gateways: Gateways) -> Expect:
    """A profile's gateway_state.json naming a live gateway that serves another profile does not count."""
    gateways.start(home, lock=False, pid_file=False, state="running", before=("-p", "other"))
    return Expect(False, says="another profile")


def this_profiles_gateway(home: HermesHome, gateways: Gateways) -> Expect:
    proc = gateways.start(home, lock=False, pid_file=False, state="running", before=("--profile", "work"))
    return Expect(True, "running", proc.pid)


SITUATIONS: dict[str, tuple[Callable[[HermesHome, Gateways], Expect], bool]] = {
    # name: (set-up, whether the home is the profile "work")
    "nothing": (nothing, False),
    "live": (live, False),
    "draining": (draining, False),
    "lock_record_only": (lock_record_only, False),
    "stopping": (stopping, False),
    "killed": (killed, False),
    "pid_reused": (pid_reused, False),
    "pid_of_another_program": (pid_of_another_program, False),
    "state_file_only": (state_file_only, False),
    "stopped_state_without_lock": (stopped_state_without_lock, False),
    "planned_stop": (planned_stop, False),
    "other_profiles_gateway": (other_profiles_gateway, True),
    "this_profiles_gateway": (this_profiles_gateway, True),
}


def make_home(tmp_path: Path, profile: bool) -> HermesHome:
    root = HermesHome(tmp_path / "hermes-home").ensure()
    return root.profile("work").ensure() if profile else root


@posix_only
@pytest.mark.parametrize("name", list(SITUATIONS))
def test_gateway_status_in_each_situation(name: str, tmp_path: Path, gateways: Gateways) -> None:
    setup, profile = SITUATIONS[name]
    home = make_home(tmp_path, profile)
    expect = setup(home, gateways)
    before = snapshot(home)
    status = gateway_status(home)
    assert (status.running, status.state) == (expect.running, expect.state), status.detail
    if expect.running:
        assert status.pid == expect.pid
        assert status.since is not None
        created = datetime.fromtimestamp(psutil.Process(status.pid).create_time(), UTC)
        assert status.since == created
    else:
        assert status.pid is None and status.since is None
    assert expect.says in status.detail
    assert snapshot(home) == before, "reading the status changed the home's files"


@posix_only
@needs_hermes
@pytest.mark.parametrize("name", list(SITUATIONS))
def test_hermes_judges_each_situation_the_same(name: str, tmp_path: Path, gateways: Gateways) -> None:
    setup, profile = SITUATIONS[name]
    home = make_home(tmp_path, profile)
    setup(home, gateways)
    out = run_hermes_python(home.root, (
        "from pathlib import Path\nfrom hermes_cli.profiles import _check_gateway_running\n"
        f"print(_check_gateway_running(Path({str(home.root)!r})))"))
    hermes_says = out.strip().splitlines()[-1] == "True"
    assert gateway_status(home).running is hermes_says


@posix_only
def test_a_gateway_that_is_killed_stops_counting(home: HermesHome, gateways: Gateways) -> None:
    proc = gateways.start(home)
    assert gateway_status(home).running
    gateways.kill(proc)
    status = gateway_status(home)
    assert not status.running and f"pid {proc.pid} is not running" in status.detail
    assert home.gateway_pid_file.exists() and home.gateway_lock_file.exists(), "stale files are left alone"


@pytest.mark.parametrize("content", [
    b"", b"   \n", b"{not json", b"\xff\xfe\x00garbage", b"[1, 2]", b'"1234"', b"null", b'{"pid": "abc"}',
    b'{"pid": 1e999}', b'{"pid": -5}', b'{"no_pid": 1}', b"[" * 100_000, b"9" * 5000,
    b'{"pid": 1, "gateway_state": ["running"]}', b'{"pid": 1, "gateway_state": 7}',
    b" " * (2 * 1024 * 1024) + b"{}",
])
@pytest.mark.parametrize("name", ["gateway.pid", "gateway.lock", "gateway_state.json"])
def test_a_corrupt_file_means_not_running_and_never_raises(home: HermesHome, name: str, content: bytes) -> None:
    (home.root / name).write_bytes(content)
    status = gateway_status(home)
    assert not status.running and status.pid is None
    assert status.detail.startswith("not running: ")


@pytest.mark.parametrize("name", ["gateway.pid", "gateway.lock", "gateway_state.json"])
def test_a_folder_in_place_of_a_file_means_not_running(home: HermesHome, name: str) -> None:
    (home.root / name).mkdir()
    status = gateway_status(home)
    assert not status.running and name in status.detail


@posix_only
def test_a_corrupt_state_file_does_not_hide_a_live_gateway(home: HermesHome, gateways: Gateways) -> None:
    proc = gateways.start(home, state=None)
    home.gateway_state_file.write_bytes(b"{truncated")
    status = gateway_status(home)
    assert status.running and status.pid == proc.pid and status.state is None


@posix_only
@pytest.mark.parametrize(("other_pid", "other_start"), [(True, False), (False, True)])
def test_a_state_left_by_an_earlier_gateway_is_not_reported(home: HermesHome, gateways: Gateways, other_pid: bool,
                                                             other_start: bool) -> None:
    """The state of another process (another pid, or this pid when it was another process) is not this gateway's."""
    proc = gateways.start(home, state=None)
    start = process_start_time(proc.pid)
    assert start is not None
    earlier = record_for(proc.pid + 100_000 if other_pid else proc.pid, start - 1 if other_start else start,
                         ["hermes", "gateway", "run"])
    write_state(home, earlier, "draining")
    status = gateway_status(home)
    assert status.running and status.pid == proc.pid and status.state is None


@posix_only
def test_polling_never_takes_the_lock_a_starting_gateway_needs(home: HermesHome, gateways: Gateways,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """With no live gateway, a gateway starting at any instant must find gateway.lock free.

    The stale files of a killed gateway are there (what a poll reads most of
    the time); the poll runs in a loop while this test takes the lock over
    and over, as a starting gateway does once. Every lock attempt the poll
    makes is counted too: there must be none, so no instant is ever taken.
    """
    import fcntl

    gateways.kill(gateways.start(home))
    real_flock = fcntl.flock
    polled_attempts = []

    def counting_flock(fd: int, operation: int) -> None:
        if threading.current_thread() is poller:
            polled_attempts.append(operation)
        real_flock(fd, operation)

    monkeypatch.setattr(fcntl, "flock", counting_flock)
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            gateway_status(home)

    poller = threading.Thread(target=poll)
    poller.start()
    refused = 0
    try:
        deadline = time.monotonic() + 1.0
        with open(home.gateway_lock_file, "a+", encoding="utf-8") as handle:
            while time.monotonic() < deadline:
                try:
                    real_flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    refused += 1
                    continue
                real_flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        stop.set()
        poller.join()
    assert (refused, polled_attempts) == (0, [])


@posix_only
def test_a_gateway_holding_the_lock_keeps_it_while_polled(home: HermesHome, gateways: Gateways) -> None:
    """The probe sees the lock held (gateway.pid alone then decides) and leaves it with its owner."""
    import fcntl

    proc = gateways.start(home, state=None)
    for _ in range(50):
        status = gateway_status(home)
        assert (status.running, status.pid) == (True, proc.pid) and "gateway.pid" in status.detail, status.detail
    with open(home.gateway_lock_file, "a+", encoding="utf-8") as handle, pytest.raises(BlockingIOError):
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


# --------------------------------------------------------------------------- command lines

COMMAND_LINES = [
    "/usr/bin/python3 /home/u/.local/bin/hermes gateway run",
    "/usr/bin/python3 /home/u/.local/bin/hermes gateway run --replace -v",
    "hermes gateway",
    "hermes gateway restart",
    "hermes gateway status",
    "hermes gateway stop",
    "python -m hermes_cli.main gateway run",
    "python -m hermes_cli.main --profile work gateway run",
    "python -m hermes_cli.main -p gateway gateway run",
    "hermes -p=work gateway run",
    "hermes --profile=work gateway status",
    "python /opt/hermes/hermes_cli/main.py gateway run",
    "python /opt/hermes/gateway/run.py",
    '"C:\\Program Files\\Hermes\\hermes-gateway.exe"',
    "C:\\Users\\u\\AppData\\hermes.exe gateway run",
    "python -m tui_gateway",
    "/usr/bin/gateway run",
    "hermes chat",
    "hermes",
    "python 'unbalanced",
    "",
]

EXPECTED_SUBCOMMANDS = [
    "run", "run", "run", "restart", "status", "stop", "run", "run", "run", "run", "status", "run", "run", "run",
    "run", None, None, None, None, None, None,
]


@pytest.mark.parametrize(("command", "expected"), list(zip(COMMAND_LINES, EXPECTED_SUBCOMMANDS, strict=True)))
def test_which_command_lines_are_a_gateway(command: str, expected: str | None) -> None:
    assert _subcommand(command) == expected


PROFILE_CASES = [
    ("hermes gateway run", "/h/.hermes"),
    ("hermes -p work gateway run", "/h/.hermes"),
    ("hermes gateway run", "/h/.hermes/profiles/work"),
    ("hermes -p work gateway run", "/h/.hermes/profiles/work"),
    ("hermes --profile work gateway run", "/h/.hermes/profiles/work"),
    ("hermes -p other gateway run", "/h/.hermes/profiles/work"),
    ("env HERMES_HOME=/h/.hermes/profiles/work hermes gateway run", "/h/.hermes/profiles/work"),
    ("env HERMES_HOME=/elsewhere hermes gateway run", "/h/.hermes"),
    ("env HERMES_HOME=/h/.hermes hermes gateway run", "/h/.hermes"),
    ("hermes gateway run", "/h/.hermes/profiles/default"),
]


@needs_hermes
def test_command_lines_are_read_as_hermes_reads_them(tmp_path: Path) -> None:
    code = (
        "import json, sys\nfrom pathlib import Path\n"
        "from gateway.status import _gateway_command_subcommand, _command_line_belongs_to_profile\n"
        "commands, cases = json.loads(sys.stdin.read())\n"
        "print(json.dumps([[_gateway_command_subcommand(c) for c in commands],"
        " [_command_line_belongs_to_profile(c, Path(h)) for c, h in cases]]))\n")
    python = hermes_python()
    assert python is not None
    done = subprocess.run([str(python), "-c", code], input=json.dumps([COMMAND_LINES, PROFILE_CASES]),
                          capture_output=True, text=True, timeout=120, check=True,
                          env=hermes_env(tmp_path / "hermes-home"), cwd=str(tmp_path))
    theirs_sub, theirs_profile = json.loads(done.stdout.strip().splitlines()[-1])
    assert [_subcommand(c) for c in COMMAND_LINES] == theirs_sub
    assert [_belongs_to_home(c, Path(h)) for c, h in PROFILE_CASES] == theirs_profile


# --------------------------------------------------------------------------- Hermes' own writers


@posix_only
@needs_hermes
def test_the_stand_in_writes_what_hermes_writes(tmp_path: Path, gateways: Gateways) -> None:
    python = hermes_python()
    assert python is not None
    theirs = HermesHome(tmp_path / "theirs").ensure()
    ours = HermesHome(tmp_path / "ours").ensure()
    gateways.start(theirs, python=str(python), source=HERMES_WRITERS, env=hermes_env(theirs.root))
    gateways.start(ours)
    for name in ("gateway.pid", "gateway.lock", "gateway_state.json"):
        their_text = (theirs.root / name).read_text(encoding="utf-8")
        our_text = (ours.root / name).read_text(encoding="utf-8")
        their_record, our_record = json.loads(their_text), json.loads(our_text)
        assert list(our_record) == list(their_record), name
        assert [type(v) for v in our_record.values()] == [type(v) for v in their_record.values()], name
        spacing = {"separators": (",", ":")} if name == "gateway_state.json" else {}
        assert their_text == json.dumps(their_record, ensure_ascii=False, **spacing), name
        assert our_text == json.dumps(our_record, ensure_ascii=False, **spacing), name


@posix_only
@needs_hermes
def test_records_written_by_hermes_own_functions(home: HermesHome, gateways: Gateways) -> None:
    """Hermes' gateway.status writers (lock, pid file, runtime status) in a live helper named like the gateway."""
    python = hermes_python()
    assert python is not None
    proc = gateways.start(home, python=str(python), source=HERMES_WRITERS, env=hermes_env(home.root))
    status = gateway_status(home)
    assert (status.running, status.pid, status.state) == (True, proc.pid, "running"), status.detail
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("draining\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "ok"
    assert gateway_status(home).state == "draining"
    gateways.kill(proc)
    before = snapshot(home)
    status = gateway_status(home)
    assert not status.running and status.state is None, status.detail
    assert snapshot(home) == before


# --------------------------------------------------------------------------- the real gateway


@posix_only
@needs_hermes
@pytest.mark.parametrize(("stop_with", "state_left"), [(signal.SIGTERM, "running"), (signal.SIGINT, "stopped")])
def test_a_real_hermes_gateway(home: HermesHome, tmp_path: Path, stop_with: signal.Signals, state_left: str) -> None:
    """``hermes gateway run`` with no messaging platform (it stays up for cron) on the test's home.

    An unexpected SIGTERM leaves ``gateway_state.json`` at ``running`` on
    purpose; an interrupt is a planned stop and leaves ``stopped``. Neither
    may count once the process has gone.
    """
    program = hermes_program()
    assert program is not None
    log = tmp_path / "gateway.log"
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen([str(program), "gateway", "run"], stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT, env=hermes_env(home.root, TIRITH_ENABLED="false"))
    try:
        def up() -> bool:
            assert proc.poll() is None, log.read_text(encoding="utf-8")[-3000:]
            status = gateway_status(home)
            return status.running and status.state == "running"

        wait_until(up, 90, "the gateway never came up")
        status = gateway_status(home)
        assert status.pid == proc.pid and "gateway.pid" in status.detail
        assert status.since == datetime.fromtimestamp(psutil.Process(proc.pid).create_time(), UTC)
        proc.send_signal(stop_with)
        wait_until(lambda: not gateway_status(home).running, 90, "the stopped gateway still counts")
        proc.wait(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    left = json.loads(home.gateway_state_file.read_text(encoding="utf-8"))
    assert (left["gateway_state"], left["pid"]) == (state_left, proc.pid)
    assert not gateway_status(home).running
