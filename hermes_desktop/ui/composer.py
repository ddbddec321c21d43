"""The composer under a transcript: write to Hermes, watch the reply stream in, stop it, retry a failed one.

:class:`Composer` is the widget (the text field, Send, Stop, and a line for a
failure with Retry). :class:`TalkBack` runs the turns (``core.chat``): the
network - or Hermes' own Python - on a worker thread, never the GUI thread.
The reply's pieces reach the GUI thread coalesced: the worker adds them to a
buffer and signals only when the buffer was empty, and the GUI takes the
buffer at most every :data:`DRAIN_MS`, so a fast stream costs a repaint per
40 ms, not one per token.

Nothing typed is lost: the text stays in the field until the turn is accepted
(the user message is saved, or Hermes has taken it); a turn that fails before
that leaves it there, and one that fails after it keeps it for Retry.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ..core.chat import ChatError, ChatProblem, Reply, Via, name_chat, new_session_id, send_turn
from ..core.home import HermesHome
from ..core.secrets_guard import known_secrets, redact
from ..core.settings import Settings, load_settings
from ..l10n import problem_text

if TYPE_CHECKING:
    from .transcript import TranscriptView

log = logging.getLogger("hermes_desktop.ui")

DRAIN_MS = 40  # the reply on screen grows at most this often


class ChatInput(QPlainTextEdit):
    """Enter (or Ctrl+Enter) sends; Shift+Enter starts a new line."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.submitted.emit()
                return
            self.insertPlainText("\n")
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    """The text field with Send and Stop, a line saying why it cannot send, and a failure line with Retry."""

    sendRequested = Signal(str)
    stopRequested = Signal()
    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.failure = QFrame(self)
        self.failure.setObjectName("chatFailure")
        self.failure.setFrameShape(QFrame.Shape.StyledPanel)
        self.error = QLabel(self.failure)
        self.error.setObjectName("chatError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton(self.tr("Retry"), self.failure)
        self.retry.setObjectName("chatRetry")
        self.retry.clicked.connect(self.retryRequested)
        row = QHBoxLayout(self.failure)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.error, 1)
        row.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignTop)
        self.failure.hide()

        self.input = ChatInput(self)
        self.input.setObjectName("chatInput")
        self.input.setAccessibleName(self.tr("Message to Hermes"))
        self.input.setPlaceholderText(self.tr("Message Hermes (Enter sends, Shift+Enter starts a new line)"))
        self.input.setTabChangesFocus(True)
        self.input.setFixedHeight(self.input.fontMetrics().lineSpacing() * 3 + 14)  # longer text scrolls
        self.input.submitted.connect(self.submit)
        self.input.textChanged.connect(self._update)
        self.send = QPushButton(self.tr("Send"), self)
        self.send.setObjectName("chatSend")
        self.send.clicked.connect(self.submit)
        self.stop = QPushButton(self.tr("Stop"), self)
        self.stop.setObjectName("chatStop")
        self.stop.clicked.connect(self.stopRequested)
        self.stop.hide()
        self.note = QLabel(self)
        self.note.setObjectName("chatNote")
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.note.hide()
        buttons = QVBoxLayout()
        buttons.addWidget(self.send)
        buttons.addWidget(self.stop)
        buttons.addStretch(1)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.input, 1)
        line.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.failure)
        layout.addWidget(self.note)
        layout.addLayout(line)
        self._blocked: str | None = None  # why nothing can be sent now (None: it can)
        self._streaming = False
        self._update()

    # ----------------------------------------------------------------- state

    def set_blocked(self, reason: str | None, *, streaming: bool = False) -> None:
        """Say why nothing can be sent now (None: it can); ``streaming`` shows Stop instead of Send."""
        self._blocked = reason
        self._streaming = streaming
        self._update()

    @property
    def can_send(self) -> bool:
        return self._blocked is None and bool(self.input.toPlainText().strip()) and not self.input.isReadOnly()

    def _update(self) -> None:
        self.send.setEnabled(self.can_send)
        self.send.setVisible(not self._streaming)
        self.stop.setVisible(self._streaming)
        self.note.setText(self._blocked or "")
        self.note.setVisible(bool(self._blocked))
        self.send.setToolTip(self._blocked or ("" if self.input.toPlainText().strip()
                                               else self.tr("Write a message first.")))

    def show_failure(self, text: str | None, retry: bool = True) -> None:
        self.error.setText(text or "")
        self.retry.setVisible(retry)
        self.failure.setVisible(bool(text))

    def submit(self) -> None:
        if self.can_send:
            self.sendRequested.emit(self.input.toPlainText())


@dataclass
class _Turn:
    """One turn in flight: its session, what was sent, and what has arrived."""

    session_id: str
    prompt: str
    retry: bool
    new: bool  # the session row is made by this turn
    cancel: threading.Event = field(default_factory=threading.Event)
    accepted: bool = False
    text: str = ""  # the reply as shown
    stopping: bool = False
    buffer: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Bridge(QObject):
    """Signals from the turn's worker thread; the receiver lives in the GUI thread, so they arrive queued."""

    accepted = Signal(object)  # _Turn
    pieces = Signal(object)  # _Turn: its buffer went from empty to not
    finished = Signal(object, list)  # _Turn, [Reply | None, BaseException | None]
    titled = Signal(str, str)  # session id, the title generated for it


def _emit(signal: SignalInstance, *args: object) -> None:
    with contextlib.suppress(RuntimeError):  # the window was closed for good meanwhile
        signal.emit(*args)


class TalkBack(QObject):
    """Runs one turn at a time for the transcript's conversation and keeps the composer honest about it."""

    conversationChanged = Signal(str)  # session id: a turn saved messages (the sessions list moves it up)
    turnFinished = Signal(str)  # session id, once a turn is over (replied, stopped or failed)
    sessionTitled = Signal(str, str)  # session id, title: a chat answered through the endpoint got its name

    def __init__(self, view: TranscriptView, composer: Composer) -> None:
        super().__init__(view)
        self.view = view
        self.composer = composer
        self.settings: Callable[[], Settings] = lambda: load_settings(HermesHome(view.store.path.parent))
        self.turn: _Turn | None = None
        self.failed: _Turn | None = None  # the last turn, when it failed (Retry sends it again)
        self._failure = ""  # what went wrong with it, as shown
        self._shown: str | None = None  # the session on screen that the composer writes to
        self._new = False  # the screen is a new chat with no session yet
        self._ready = False  # the transcript on screen is fully rendered
        self._last_drain = 0.0
        self._bridge = _Bridge(self)
        self._bridge.accepted.connect(self._accepted)
        self._bridge.pieces.connect(self._pieces)
        self._bridge.finished.connect(self._finished)
        self._bridge.titled.connect(self.sessionTitled)
        self._drain_timer = QTimer(self)
        self._drain_timer.setSingleShot(True)
        self._drain_timer.timeout.connect(self._drain)
        self._threads: list[threading.Thread] = []
        composer.sendRequested.connect(self.send)
        composer.stopRequested.connect(self.stop)
        composer.retryRequested.connect(self.retry)
        self.show_nothing()

    # ----------------------------------------------------------------- what the transcript shows

    def show_nothing(self, reason: str | None = None) -> None:
        self._shown, self._new, self._ready = None, False, False
        self.composer.setVisible(reason is not None)
        self._refresh_state(reason)

    def show_loading(self, session_id: str) -> None:
        self._shown, self._new, self._ready = session_id, False, False
        self.composer.setVisible(True)
        self._refresh_state()

    def show_new_chat(self) -> None:
        self._shown, self._new, self._ready = None, True, True
        self.composer.setVisible(True)
        self._refresh_state()
        self.composer.input.setFocus()

    def rendered(self, session_id: str) -> None:
        """The transcript of ``session_id`` is on screen: a turn still streaming into it shows again."""
        if session_id != self._shown:
            return
        self._ready = True
        turn = self.turn
        if turn is not None and turn.session_id == session_id and turn.accepted:
            self.view.begin_reply()
            self.view.update_reply(turn.text)
        self._refresh_state()

    def _refresh_state(self, reason: str | None = None) -> None:
        composer = self.composer
        turn = self.turn
        if reason is not None:
            composer.set_blocked(reason)
        elif turn is not None and (turn.session_id == self._shown or (self._new and turn.new)):
            composer.set_blocked(self.tr("Hermes is replying… Stop ends the reply and keeps what has arrived.")
                                 if turn.accepted else self.tr("Sending…"), streaming=True)
        elif turn is not None:
            composer.set_blocked(self.tr("Hermes is replying in another conversation; wait for it or stop it there."))
        elif not self._ready:
            composer.set_blocked(self.tr("Loading the conversation…"))
        else:
            composer.set_blocked(None)
        failed = self.failed
        here = failed is not None and (failed.session_id == self._shown or (self._new and failed.new))
        composer.show_failure(self._failure if here else None)

    # ----------------------------------------------------------------- sending

    def send(self, text: str) -> None:
        if self.turn is not None or not text.strip() or not (self._shown or self._new):
            return
        session_id = self._shown or new_session_id()
        self._start(_Turn(session_id, text, retry=False, new=self._shown is None))

    def retry(self) -> None:
        failed = self.failed
        if failed is None or self.turn is not None:
            return
        if failed.accepted:  # the user message is saved; only the reply is asked for again
            self._start(_Turn(failed.session_id, failed.prompt, retry=True, new=False))
        else:
            self.composer.submit()

    def stop(self) -> None:
        turn = self.turn
        if turn is not None:
            turn.stopping = True
            turn.cancel.set()
            self.composer.set_blocked(self.tr("Stopping…"), streaming=False)

    def _start(self, turn: _Turn) -> None:
        self.turn = turn
        self.failed = None
        self.composer.show_failure(None)
        self.composer.input.setReadOnly(True)  # what was sent stays in the field until it is accepted
        self._refresh_state()
        store, settings, home = self.view.store, self.settings, HermesHome(self.view.store.path.parent)
        bridge = self._bridge

        def on_event(kind: str, text: str) -> None:
            if kind == "accepted":
                _emit(bridge.accepted, turn)
            elif kind == "delta" and text:
                with turn.lock:
                    was_empty = not turn.buffer
                    turn.buffer.append(text)
                if was_empty:
                    _emit(bridge.pieces, turn)

        def work() -> None:
            reply: Reply | None = None
            error: BaseException | None = None
            try:
                reply = send_turn(store, home, settings(), turn.session_id, turn.prompt, retry=turn.retry,
                                  on_event=on_event, cancel=turn.cancel, new=turn.new)
            except Exception as exc:  # the exception itself goes to the GUI thread
                error = exc
                if not isinstance(exc, ChatError):
                    log.warning("a chat turn failed: %s", redact(str(exc), *known_secrets()))
            finally:
                store.close()  # this thread's connection
            _emit(bridge.finished, turn, [reply, error])
            if reply is not None and reply.via == Via.ENDPOINT and reply.text and not reply.stopped:
                try:  # after the reply, as Hermes names the chats it answers: one more short request
                    title = name_chat(store, settings(), turn.session_id)
                finally:
                    store.close()
                if title:
                    _emit(bridge.titled, turn.session_id, title)

        thread = threading.Thread(target=work, name="hermes-chat", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    # ----------------------------------------------------------------- what comes back

    def _on_screen(self, turn: _Turn) -> bool:
        return self._ready and (turn.session_id == self._shown or (self._new and turn.new))

    def _accepted(self, turn: _Turn) -> None:
        if turn is not self.turn:
            return
        turn.accepted = True
        if turn.new and self._new:
            self._new = False
            self._shown = turn.session_id
            self.view.adopt_session(turn.session_id, turn.prompt)
        if self._on_screen(turn):
            if not turn.retry:
                self.view.append_message("user", turn.prompt)
            self.view.begin_reply()
        self.composer.input.setReadOnly(False)
        if not turn.retry:
            self.composer.input.clear()
        self._refresh_state()
        self.conversationChanged.emit(turn.session_id)

    def _pieces(self, turn: _Turn) -> None:
        if self._drain_timer.isActive():
            return
        wait = DRAIN_MS - (time.monotonic() - self._last_drain) * 1000
        self._drain_timer.start(max(0, int(wait)))

    def _drain(self) -> None:
        self._last_drain = time.monotonic()
        turn = self.turn
        if turn is None:
            return
        with turn.lock:
            pieces, turn.buffer = turn.buffer, []
        if not pieces or turn.stopping:
            return
        turn.text += "".join(pieces)
        if self._on_screen(turn):
            self.view.update_reply(turn.text)

    def _finished(self, turn: _Turn, box: list[object]) -> None:
        reply, error = box
        if turn is not self.turn:
            return
        self.turn = None
        self._drain_timer.stop()
        self.composer.input.setReadOnly(False)
        on_screen = self._on_screen(turn)
        if isinstance(reply, Reply):
            turn.text = reply.text
            if on_screen:
                if reply.text or not reply.stopped:
                    self.view.update_reply(reply.text)
                else:
                    self.view.drop_reply()
        else:
            if on_screen and turn.accepted:
                self.view.drop_reply()
            self.failed = turn  # a new chat refused before it started is still new: Retry sends the field's text
            self._failure = self.failure_text(error)
        self._refresh_state()
        if turn.accepted:
            self.conversationChanged.emit(turn.session_id)
        self.turnFinished.emit(turn.session_id)

    def failure_text(self, error: object) -> str:
        if isinstance(error, ChatError):
            if error.problem == ChatProblem.NO_ENDPOINT:
                return self.tr("No model to answer: set a model endpoint in Settings, or install Hermes.")
            reason = problem_text(error.said) if error.said is not None else redact(str(error), *known_secrets())
            return self.tr("The reply failed: {reason}").format(reason=reason)
        reason = redact(str(error), *known_secrets()) if error else ""
        return self.tr("The message could not be sent: {reason}").format(reason=reason or type(error).__name__)

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Stop a turn in flight and wait (bounded) for its thread: the app is closing."""
        if self.turn is not None:
            self.turn.cancel.set()
        for thread in self._threads:
            thread.join(timeout_s)
        self._threads = []
