"""One app per Hermes home: a second start hands its view to the running app and exits 0."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket

from hermes_desktop.core.home import HermesHome
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.single_instance import InstanceServer, bring_forward, claim, server_name

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def servers() -> Iterator[list[InstanceServer]]:
    made: list[InstanceServer] = []
    yield made
    for server in made:
        server.server.close()
        server.deleteLater()


def claimed(home: HermesHome | Path, servers: list[InstanceServer], view: str = "main") -> InstanceServer | None:
    root = home.root if isinstance(home, HermesHome) else home
    server = claim(root, view)
    if server is not None:
        servers.append(server)
    return server


def test_the_name_is_the_users_and_the_homes_own(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (tmp_path / "link").symlink_to(a)
    assert server_name(a) == server_name(tmp_path / "link") == server_name(tmp_path / "b" / ".." / "a")
    assert server_name(a) != server_name(b)
    assert str(os.getuid()) in server_name(a)
    assert len(server_name(a)) < 60  # a Unix socket path has ~100 bytes in all


def test_a_second_start_hands_its_view_over_and_leaves(qtbot, home: HermesHome, servers) -> None:  # type: ignore[no-untyped-def]
    first = claimed(home, servers)
    assert first is not None and first.server.isListening()
    with qtbot.waitSignal(first.requested, timeout=5000) as got:
        assert claimed(home, servers, "cron") is None
    assert got.args == ["cron"]
    with qtbot.waitSignal(first.requested, timeout=5000) as got:
        assert claimed(home, servers) is None
    assert got.args == ["main"]


def test_another_home_is_another_app(qtbot, home: HermesHome, tmp_path: Path, servers) -> None:  # type: ignore[no-untyped-def]
    first = claimed(home, servers)
    assert first is not None
    other = claimed(tmp_path / "other-home", servers)  # None would mean it handed itself to the first
    assert other is not None and other.server.isListening()
    assert other.name != first.name


def test_a_socket_left_by_a_crash_is_taken_over(qtbot, home: HermesHome, servers) -> None:  # type: ignore[no-untyped-def]
    name = server_name(home.root)
    path = os.path.join(QDir.tempPath(), name)
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(path)  # bound and never listened on, then gone: what a killed app leaves
    dead.close()
    assert os.path.exists(path)
    probe = QLocalSocket()
    probe.connectToServer(name)
    assert not probe.waitForConnected(1000)  # nobody answers on it

    first = claimed(home, servers)
    assert first is not None and first.server.isListening()
    with qtbot.waitSignal(first.requested, timeout=5000):
        assert claimed(home, servers, "cron") is None


def test_bring_forward_raises_the_window_and_opens_cron(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.showMinimized()
    bring_forward(window, "main")
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isVisible())
    assert window.dialogs.manage is None
    bring_forward(window, "cron")
    assert window.dialogs.manage is not None and window.dialogs.manage.isVisible()


def start(home_root: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "hermes_desktop", "--home", str(home_root), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_real_second_process_opens_the_running_apps_cron_window(qtbot, window: MainWindow, home: HermesHome,  # type: ignore[no-untyped-def]
                                                                 servers) -> None:
    first = claimed(home, servers)
    assert first is not None
    first.requested.connect(lambda view: bring_forward(window, view))
    second = start(home.root, "--view", "cron")
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        _out, err = second.communicate()
        assert second.returncode == 0, err
        qtbot.waitUntil(lambda: window.dialogs.manage is not None and window.dialogs.manage.isVisible(),
                        timeout=5000)
    finally:
        if second.poll() is None:
            second.kill()
            second.communicate()


def test_a_real_start_on_another_home_runs_its_own_app(qtbot, home: HermesHome, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       servers) -> None:
    first = claimed(home, servers)
    assert first is not None
    asked: list[str] = []
    first.requested.connect(asked.append)
    other = tmp_path / "other-home"
    proc = start(other)
    try:
        def listening() -> None:
            assert proc.poll() is None, proc.communicate()
            probe = QLocalSocket()
            probe.connectToServer(server_name(other))
            assert probe.waitForConnected(200)
            probe.abort()

        qtbot.waitUntil(listening, timeout=30_000)
    finally:
        proc.terminate()  # SIGTERM closes the window the normal way
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
    assert asked == []  # the app on the first home heard nothing


def test_a_screenshot_is_not_caught(qtbot, home: HermesHome, tmp_path: Path, servers) -> None:  # type: ignore[no-untyped-def]
    first = claimed(home, servers)
    assert first is not None
    asked: list[str] = []
    first.requested.connect(asked.append)
    shot = tmp_path / "shot.png"
    proc = start(home.root, "--screenshot", str(shot), "--size", "400x300")
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=60_000)
    finally:
        if proc.poll() is None:
            proc.kill()
        _out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert shot.exists()
    assert asked == []
