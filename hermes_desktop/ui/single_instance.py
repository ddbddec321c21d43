"""One window per Hermes home: a second start hands its request to the running app and leaves.

Two windows on one home would run two tickers over the same jobs and show two
copies of everything. So the first start listens on a local socket named after
the home, and a later start on that home connects, says which window it wanted
(``main`` or ``cron``) and exits; the running app raises its window instead.

The name is a short hash of the home's resolved path plus the user, so two
homes, or two users on one machine, never meet. A socket file left behind by a
crash answers no one: it is removed and the new start takes the name over.
Two starts at the same moment take turns under a lock file beside the socket.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger("hermes_desktop.ui")

CONNECT_MS = 1000  # a running app accepts at once (the kernel queues the connection); a stale name refuses at once
VIEWS = ("main", "cron")


def server_name(home_root: Path) -> str:
    """The local socket name for one user's one home."""
    resolved = str(Path(home_root).expanduser().resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    user = str(os.getuid()) if hasattr(os, "getuid") else getpass.getuser()
    return f"hermes-desktop-{user}-{digest}"


def tell_running(name: str, view: str) -> bool:
    """Ask the app listening on ``name`` to show ``view``; False when no app listens there."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(CONNECT_MS):
        return False
    sock.write(f"{view}\n".encode())
    sock.waitForBytesWritten(CONNECT_MS)
    sock.disconnectFromServer()
    if sock.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        sock.waitForDisconnected(CONNECT_MS)
    return True


class InstanceServer(QObject):
    """The running app's end: ``requested`` says which window a later start asked for."""

    requested = Signal(str)  # "main" or "cron"

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # this user only
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        return self.server.listen(self.name)

    def _accept(self) -> None:
        while (sock := self.server.nextPendingConnection()) is not None:
            sock.setParent(self)
            buffer = bytearray()

            def read(sock: QLocalSocket = sock, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(sock.readAll().data()))
                if b"\n" in buffer:
                    view = bytes(buffer).split(b"\n", 1)[0].decode("utf-8", "replace").strip()
                    buffer.clear()
                    sock.disconnectFromServer()
                    self.requested.emit(view if view in VIEWS else "main")

            sock.readyRead.connect(read)
            sock.disconnected.connect(sock.deleteLater)
            if sock.bytesAvailable():
                read()


def claim(home_root: Path, view: str = "main") -> InstanceServer | None:
    """Become the one app on ``home_root``, or hand ``view`` to the one already running (None: leave).

    Two starts at the same moment take turns under a lock file, so exactly one of them listens. A start that
    cannot listen at all (no temp folder, say) still runs, without the guard.
    """
    name = server_name(home_root)
    turn = QLockFile(os.path.join(QDir.tempPath(), f"{name}.lock"))  # a lock left by a crash is taken over
    turn.tryLock(5 * CONNECT_MS)
    try:
        if tell_running(name, view):
            return None
        # Nobody answers: a socket file left by a crash goes. (With UserAccessOption Qt on Unix also renames its
        # new socket over an old one; this covers the platforms and options where it does not.)
        QLocalServer.removeServer(name)
        server = InstanceServer(name)
        if not server.listen():
            log.warning("cannot listen on %s (%s); a second window on this home will not be caught",
                        name, server.server.errorString())
        return server
    finally:
        if turn.isLocked():
            turn.unlock()


def bring_forward(window: MainWindow, view: str) -> None:
    """What a second start asked for: the window up front, and the cron window when it said ``cron``."""
    if window.isMinimized() or not window.isVisible():
        window.showNormal()  # a maximised window stays maximised
    window.raise_()
    window.activateWindow()
    if view == "cron":
        window.dialogs.open_manage("")
