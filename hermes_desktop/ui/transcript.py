"""The transcript of a chat or a cron run: title, start time, outcome, and the messages by role.

Long transcripts are rendered a slice at a time between event-loop turns, so
a 5,000-message session never freezes the window. A message longer than
:data:`PREVIEW_CHARS` - a script's 5 MB output - is read from ``state.db`` only
up to that length and shown as its start, with a "Show all" link: laying out
megabytes in the transcript would hold the window for seconds and keep the
whole text in memory twice. "Show all" opens :class:`WholeMessageWindow`, a
plain-text view filled in steps. With a ``submit`` (the task thread's) the
transcript is read off the GUI thread.

A run that has no session - Hermes' run of a no-agent script job, known only
from its row in ``cron/executions.db`` - comes as the reference
``execution:{row id}`` and is shown read-only as that row and its output file.

Under every conversation (chats and cron runs alike) sits the composer
(:mod:`.composer`): a message sent there continues the session, and the reply
grows in place at the end of the transcript. Each message can be copied as
its Markdown source from the transcript's context menu.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QFont, QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.executions import LedgerRun, ledger_run, output_file, output_start, parse_run_ref
from ..core.home import HermesHome
from ..core.sessions import Message, SessionStore
from ..core.states import RunStatus
from ..l10n import date_time, problem_line, run_title
from .composer import Composer, TalkBack
from .models import run_status_text
from .workers import Submit

PREVIEW_CHARS = 20_000  # a longer message shows its start and "Show all"
SLICE_CHARS = 8_000  # rendered per event-loop turn (a longer message still goes in whole, a giant one in pieces)
PLAIN_STEP_CHARS = 4_000  # a giant message's start goes in pieces of this much
WHOLE_STEP_CHARS = 48 * 1024  # put into the whole-message view per event-loop turn (~20 ms)
VISUAL_LINE = 4_000  # a line longer than this is shown on several (a single-line 5 MB output wraps in steps)
SCRIPT_REQUEST = "Run script: "  # how a script run's first message reads (the app's and Hermes' own)
CRON_DELIVERY = "[Cron delivery:"  # how Hermes mirrors a delivered cron result into a chat (role user)


class _Span:
    """Where one message sits in the transcript's document, and its text (for "Copy message")."""

    __slots__ = ("end", "head", "message", "start")

    def __init__(self, head: int, start: int, end: int, message: Message) -> None:
        self.head, self.start, self.end, self.message = head, start, end, message  # label, text, its end


class TranscriptView(QWidget):
    rendered = Signal(str)  # session id, once every message is on screen
    conversationChanged = Signal(str)  # session id: a message was sent or answered here (the list moves it up)

    def __init__(self, store: SessionStore, parent: QWidget | None = None, submit: Submit | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._submit = submit
        self._generation = 0  # a transcript read for a session no longer shown is dropped on arrival
        self.whole: WholeMessageWindow | None = None
        self.session_id: str | None = None
        self.wanted: str | None = None  # the conversation last asked for: on screen, or still being read
        self._output: Path | None = None  # the output file of the ledger run shown
        self._queue: list[Message] = []
        self._cursor: QTextCursor | None = None
        self._steps: Iterator[int] | None = None  # the message going in a piece a turn (see _message_steps)
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        # Page 0, while nothing is open: the upcoming runs (``set_home``) and the hint, centred when alone.
        self.empty = QWidget(self)
        self.home_layout = QVBoxLayout(self.empty)
        self.home_layout.setContentsMargins(0, 0, 0, 16)
        self.hint = QLabel(self.tr("Pick a conversation or a cron run on the left to read it here."), self.empty)
        self.hint.setObjectName("transcriptEmpty")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        self.home_layout.addWidget(self.hint, 1)

        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(16, 12, 16, 8)
        self.title = QLabel(page)
        self.title.setObjectName("transcriptTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel(page)
        self.meta.setObjectName("transcriptMeta")
        self.meta.setEnabled(False)
        self.browser = QTextBrowser(page)
        self.browser.setObjectName("transcriptView")
        self.browser.setAccessibleName(self.tr("Transcript"))
        self.browser.setOpenLinks(False)  # "Show all" links are ours; web links open in the browser
        self.browser.anchorClicked.connect(self._link)
        self.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.browser.customContextMenuRequested.connect(self._context_menu)
        self._spans: list[_Span] = []
        self._reply: _Span | None = None  # the reply growing at the end
        self._source = ""  # the source of the session shown ("cron", "cli", "desktop", ...)
        self._script_run = False  # a cron run of a script (no agent): its reply is the script's output
        self.composer = Composer(page)
        self.chat = TalkBack(self, self.composer)
        self.chat.conversationChanged.connect(self.conversationChanged)
        self.chat.conversationChanged.connect(self._recount)
        self.chat.sessionTitled.connect(self._titled)
        self.rendered.connect(self.chat.rendered)
        page_layout.addWidget(self.title)
        page_layout.addWidget(self.meta)
        page_layout.addWidget(self.browser, 1)
        page_layout.addWidget(self.composer)

        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_slice)

    def set_home(self, panel: QWidget, shown: Callable[[], bool]) -> Callable[..., None]:
        """Put ``panel`` on the empty page above the hint, shown while ``shown()``; returns the check to call
        when that may have changed (the hint then sits under it instead of in the middle). The check runs on
        the next turn of the event loop: showing the panel is layout work best kept out of a burst of changes."""
        self.home_layout.insertWidget(0, panel, 1)

        def check() -> None:
            on = shown()
            if on != panel.isVisibleTo(self.empty):
                panel.setVisible(on)
                self.home_layout.setStretchFactor(self.hint, 0 if on else 1)

        later = QTimer(self)
        later.setSingleShot(True)
        later.setInterval(0)
        later.timeout.connect(check)
        panel.setVisible(False)
        check()
        return lambda *_: later.start()

    def set_store(self, store: SessionStore) -> None:
        """Another profile's conversations: what was open belonged to the old one."""
        self.store = store
        self.clear()

    def clear(self) -> None:
        self.session_id, self.wanted, self._output = None, None, None
        self._stop_rendering()
        self._spans, self._reply = [], None
        self.chat.show_nothing()
        self.stack.setCurrentWidget(self.empty)

    def show_session(self, session_id: str) -> None:
        self.wanted = session_id
        self._generation += 1
        generation = self._generation
        store = self.store
        execution_id = parse_run_ref(session_id)
        if execution_id is not None:
            self.chat.show_nothing(self.tr("This run was recorded without a conversation, so it cannot be "
                                           "continued."))
            self._read_execution(session_id, execution_id, generation)
            return
        self.chat.show_loading(session_id)

        def read() -> tuple[dict[str, Any] | None, list[Message]]:
            info = store.session(session_id)
            return info, (store.messages(session_id, max_chars=PREVIEW_CHARS) if info else [])

        if self._submit is None:
            self._show(session_id, *read())
        else:
            def finished(result: tuple[dict[str, Any] | None, list[Message]] | None,
                         _error: BaseException | None) -> None:
                if generation == self._generation:
                    self._show(session_id, *(result or (None, [])))

            self._submit(read, finished)

    def _read_execution(self, ref: str, execution_id: str, generation: int) -> None:
        home = HermesHome(self.store.path.parent)

        def read() -> tuple[LedgerRun | None, Path | None, str, int]:
            run = ledger_run(home, execution_id)
            path = output_file(home, run) if run is not None else None
            text, length = output_start(path, PREVIEW_CHARS) if path is not None else ("", -1)
            return run, path, text, length

        if self._submit is None:
            self._show_execution(ref, *read())
        else:
            def finished(result: tuple[LedgerRun | None, Path | None, str, int] | None,
                         _error: BaseException | None) -> None:
                if generation == self._generation:
                    self._show_execution(ref, *(result or (None, None, "", -1)))

            self._submit(read, finished)

    def _show_execution(self, ref: str, run: LedgerRun | None, path: Path | None, text: str, length: int) -> None:
        """A run known from the ledger only: its row, and its output file's text as one read-only message."""
        if run is None:
            self.clear()
            return
        self.session_id, self._output = ref, path
        self.stack.setCurrentIndex(1)
        heading = text.split("\n", 1)[0]
        title = heading[2:].strip() if heading.startswith("# ") else ""  # Hermes' output starts "# Cron Job: …"
        title = run_title(title, datetime.fromtimestamp(run.started_at, UTC)) or ""  # ours: "name · Nov 25 09:00"
        self.title.setText(title or self.tr("Run of job {job}").format(job=run.job_id))
        parts = [self.tr("Started {when}").format(when=date_time(datetime.fromtimestamp(run.started_at, UTC),
                                                                    with_zone=True)),
                 run_status_text(run.status)]
        if run.duration is not None:
            parts.append(self.tr("took {seconds:.1f} s").format(seconds=run.duration))
        parts.append(self.tr("Hermes run ({source})").format(source=run.source))  # builtin: its own ticker
        self.meta.setText(" · ".join(parts))
        at = run.ended_at or run.started_at
        if path is not None:
            messages = [Message(0, "output", text, at, length)]
        elif run.error:
            messages = [Message(0, "system", run.error, at)]
        elif run.status != "running":
            messages = [Message(0, "system", self.tr("No output file was found for this run."), at)]
        else:
            messages = []
        self.browser.clear()
        self.browser.setPlaceholderText("")
        self._spans, self._reply, self._source, self._script_run = [], None, "", False
        self._render(messages)

    def _show(self, session_id: str, info: dict[str, Any] | None, messages: list[Message]) -> None:
        if info is None:
            self.clear()
            return
        self.session_id, self._output = session_id, None
        self.stack.setCurrentIndex(1)
        if info["source"] == "cron" and info["ended_at"] is None:  # the runner still writes to it
            turn = self.chat.turn
            if turn is None or turn.session_id != session_id:
                self.chat.show_nothing(self.tr("This run is still going; you can reply once it has finished."))
        first_user = next((m.content for m in messages[:5] if m.role == "user"), "")
        started = datetime.fromtimestamp(info["started_at"], UTC)
        shown = run_title(info["title"], started) if info["source"] == "cron" else info["title"]
        title = shown or " ".join(first_user.split())[:80] or self.tr("Untitled session")
        self.title.setText(title)
        self._show_meta(info)
        self.browser.clear()
        # shown while the document stays empty: only for a conversation with nothing in it, never while one loads
        self.browser.setPlaceholderText("" if messages else self.tr("No messages yet."))
        self._spans, self._reply = [], None
        self._source = str(info["source"] or "")
        self._script_run = self._source == "cron" and any(m.role == "user" and m.content.startswith(SCRIPT_REQUEST)
                                                          for m in messages[:3])
        self._render(messages)

    def _show_meta(self, info: dict[str, Any]) -> None:
        """The line under the title: when it started, its source or outcome, how many messages."""
        started = datetime.fromtimestamp(info["started_at"], UTC)
        parts = [self.tr("Started {when}").format(when=date_time(started, with_zone=True))]
        if info["source"] == "cron":
            if info["ended_at"] is None:
                parts.append(run_status_text(RunStatus.RUNNING))
            else:
                status = {"cron_error": RunStatus.ERROR, "cron_missed": RunStatus.MISSED}.get(info["end_reason"] or "",
                                                                                           RunStatus.OK)
                parts.append(run_status_text(status))
                took = max(0.0, info["ended_at"] - info["started_at"])
                parts.append(self.tr("took {seconds:.1f} s").format(seconds=took))
        else:
            parts.append(info["source"])
        parts.append(self.tr("%n message(s)", "", int(info["message_count"] or 0)))
        self.meta.setText(" · ".join(parts))

    def _titled(self, session_id: str, title: str) -> None:
        if session_id == self.session_id:
            self.title.setText(title)

    def _recount(self, session_id: str) -> None:
        """A turn here stored messages: the line under the title counts them again (read off the GUI thread)."""
        if session_id != self.session_id:
            return
        store, generation = self.store, self._generation

        def shown(info: dict[str, Any] | None, _error: BaseException | None = None) -> None:
            if info is not None and generation == self._generation and session_id == self.session_id:
                self._show_meta(info)

        if self._submit is None:
            shown(store.session(session_id))
        else:
            self._submit(lambda: store.session(session_id), shown)

    def role_label(self, role: str, content: str = "") -> str:
        """Who a message is from, by what it is: in a cron run nobody typed the first message - it is the job's
        prompt, or the request to run its script, whose reply is the script's output."""
        if self._source == "cron":
            if role == "user":
                return self.tr("Script") if content.startswith(SCRIPT_REQUEST) else self.tr("Job prompt")
            if role == "assistant" and self._script_run:
                return self.tr("Script output")
        if role == "user" and content.startswith(CRON_DELIVERY):
            return self.tr("Cron delivery")
        return {
            "user": self.tr("You"),
            "assistant": self.tr("Hermes"),
            "system": self.tr("System"),
            "tool": self.tr("Tool"),
            "output": self.tr("Output"),
        }.get(role, role)

    def _render(self, messages: list[Message]) -> None:
        """Put ``messages`` into the (cleared) document, SLICE_CHARS an event-loop turn; ``rendered`` is emitted
        when they are all in (at the next turn for none: an empty conversation is shown too)."""
        self._cursor = QTextCursor(self.browser.document())
        self._queue = list(reversed(messages))
        self._steps = None
        self._timer.start()

    def _stop_rendering(self) -> None:
        """Nothing more goes into the document (what was open is gone)."""
        self._cursor, self._queue, self._steps = None, [], None
        self._timer.stop()

    def _render_slice(self) -> None:
        cursor = self._cursor
        if cursor is None:
            return
        budget = SLICE_CHARS
        while budget > 0 and (self._steps is not None or self._queue):
            if self._steps is None:
                self._steps = self._message_steps(cursor, self._queue.pop())
            put = next(self._steps, None)
            if put is None:
                self._steps = None
            else:
                budget -= max(1, put)
        if self._queue or self._steps is not None:
            self._timer.start()
        else:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            if self.session_id:
                self.rendered.emit(self.session_id)

    def _insert_message(self, cursor: QTextCursor, msg: Message) -> _Span:
        """Put one message at the end, all at once."""
        for _ in self._message_steps(cursor, msg):
            pass
        return self._spans[-1]

    def _message_steps(self, cursor: QTextCursor, msg: Message) -> Iterator[int]:
        """Put one message at the end: its label, then its text as Markdown (a giant one: its start, as plain
        text). Yields how many characters each piece put in: the caller may let the event loop turn between
        pieces (laying out text costs ~1-2 ms per 1,000 characters, so a giant's 20,000 went in over several
        turns, not in one 40-60 ms event); the message's span is recorded after the last."""
        cursor.movePosition(QTextCursor.MoveOperation.End)
        # Each message starts a fresh block with plain formats, so nothing a message's
        # Markdown set (a heading, a code block, a list) leaks into the next one.
        header = QTextBlockFormat()
        header.setTopMargin(0 if self.browser.document().isEmpty() else 16)
        header.setBottomMargin(4)
        start = cursor.position()
        if not self.browser.document().isEmpty():
            cursor.insertBlock(header, QTextCharFormat())
        else:
            cursor.setBlockFormat(header)
        label = QTextCharFormat()
        label.setFontWeight(QFont.Weight.Bold)
        label.setForeground(self.palette().color(QPalette.ColorRole.Highlight if msg.role == "assistant"
                                                 else QPalette.ColorRole.WindowText))
        cursor.insertText(self.role_label(msg.role, msg.content), label)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        body = cursor.position()
        if msg.cut:
            yield from self._start_steps(cursor, msg)
        else:
            cursor.insertMarkdown(msg.content or " ")
            yield len(msg.content)
        self._spans.append(_Span(start, body, cursor.position(), msg))

    # ----------------------------------------------------------------- talking back

    def start_new_chat(self) -> None:
        """An empty conversation with the composer: its session is made when the first message is sent."""
        self._generation += 1  # a transcript still being read is no longer wanted
        self.session_id, self.wanted, self._output = None, None, None
        self._stop_rendering()
        self._spans, self._reply = [], None
        self._source, self._script_run = "", False
        self.stack.setCurrentIndex(1)
        self.title.setText(self.tr("New chat"))
        self.meta.setText(self.tr("Your first message starts the conversation."))
        self.browser.clear()
        self.browser.setPlaceholderText("")
        self.chat.show_new_chat()

    def adopt_session(self, session_id: str, first_message: str) -> None:
        """The new chat on screen has its session now."""
        self.session_id = self.wanted = session_id
        self._source = "desktop"
        self.title.setText(" ".join(first_message.split())[:80] or self.tr("Untitled session"))
        self.meta.setText(self.tr("Started {when}").format(when=date_time(datetime.now(UTC), with_zone=True)))

    def append_message(self, role: str, content: str) -> None:
        """A message just sent, at the end of the transcript."""
        self._insert_message(QTextCursor(self.browser.document()), Message(0, role, content, time.time()))
        self._scroll_to_end()

    def begin_reply(self) -> None:
        """Hermes' label at the end, with an empty reply under it that :meth:`update_reply` fills."""
        self._reply = self._insert_message(QTextCursor(self.browser.document()),
                                           Message(0, "assistant", "", time.time()))
        self.update_reply("")

    def update_reply(self, text: str) -> None:
        """The reply so far, in place: rendered as Markdown like every message (a giant one as plain text)."""
        span = self._reply
        if span is None:
            return
        following = self._at_end()
        cursor = QTextCursor(self.browser.document())
        shown = span.message.content
        if len(shown) > PREVIEW_CHARS and text.startswith(shown):  # a giant reply grows at its end only
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(text[len(shown):])
            span.end = cursor.position()
            span.message = Message(0, "assistant", text, span.message.timestamp)
            if following:
                self._scroll_to_end()
            return
        # From the end of the label on, so the reply starts again in a fresh block: one left in place would
        # keep what the last rendering made of it (a list item, a code block).
        cursor.setPosition(span.start - 1)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if len(text) > PREVIEW_CHARS:
            cursor.insertText(visual_lines(text))
        else:
            cursor.insertMarkdown(text or " ")
        span.end = cursor.position()
        span.message = Message(0, "assistant", text, span.message.timestamp)
        if following:
            self._scroll_to_end()

    def drop_reply(self) -> None:
        """Take out a reply that failed (the failure is said under the composer, with Retry)."""
        if self._reply is None:
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self._reply.head)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._spans.remove(self._reply)
        self._reply = None

    def _at_end(self) -> bool:
        bar = self.browser.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _scroll_to_end(self) -> None:
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.maximum())

    # ----------------------------------------------------------------- copying a message

    def message_at(self, position: int) -> Message | None:
        """The message whose label or text is at ``position`` in the document."""
        found = None
        for span in self._spans:
            if span.head > position:
                break
            found = span
        return found.message if found is not None else None

    def copy_message(self, message: Message) -> None:
        """Copy one message's text, as its Markdown source (a long one is read whole, off the GUI thread)."""
        if not message.cut:
            QApplication.clipboard().setText(message.content)
            return
        store = self.store
        if self._submit is None or message.id <= 0:
            QApplication.clipboard().setText(message.content if message.id <= 0 else store.message_text(message.id))
            return
        self._submit(lambda: store.message_text(message.id),
                     lambda text, _error: QApplication.clipboard().setText(text if isinstance(text, str)
                                                                           else message.content))

    def message_menu(self, point: QPoint) -> QMenu:
        """The transcript's context menu at ``point`` (in the view's viewport): "Copy message" first."""
        menu = self.browser.createStandardContextMenu(point)
        message = self.message_at(self.browser.cursorForPosition(point).position())
        if message is not None:
            copy = QAction(self.tr("Copy message"), menu)
            copy.setObjectName("copyMessage")
            copy.triggered.connect(lambda: self.copy_message(message))
            first = menu.actions()[0] if menu.actions() else None
            if first is None:
                menu.addAction(copy)
            else:
                menu.insertAction(first, copy)
                menu.insertSeparator(first)
        return menu

    def _context_menu(self, point: QPoint) -> None:
        menu = self.message_menu(point)
        menu.exec(self.browser.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _start_steps(self, cursor: QTextCursor, msg: Message) -> Iterator[int]:
        """A giant message: its start as plain text, PLAIN_STEP_CHARS a piece (cut at a line's end where there
        is one), then how long it is in all and a "Show all" link."""
        text = visual_lines(msg.content).rstrip() + " …"
        at = 0
        while at < len(text):
            end = min(len(text), at + PLAIN_STEP_CHARS)
            if end < len(text):
                newline = text.rfind("\n", at, end)
                end = newline + 1 if newline > at else end
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(text[at:end])
            yield end - at
            at = end
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        note = QTextCharFormat()
        note.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        size = QLocale().formattedDataSize(msg.length, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
        cursor.insertText(self.tr("Showing the first {shown} characters of {size}.").format(
            shown=QLocale().toString(len(msg.content)), size=size) + " ", note)
        link = QTextCharFormat()
        link.setAnchor(True)
        link.setAnchorHref("hermes-output:" if msg.role == "output" else f"hermes-message:{msg.id}")
        link.setForeground(self.palette().color(QPalette.ColorRole.Link))
        link.setFontUnderline(True)
        cursor.insertText(self.tr("Show all"), link)
        cursor.setCharFormat(QTextCharFormat())

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "hermes-message":
            self.show_whole(int(url.path()))
        elif url.scheme() == "hermes-output" and self._output is not None:
            path = self._output
            self._open_whole(lambda: path.read_text(encoding="utf-8", errors="replace"))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def show_whole(self, message_id: int) -> WholeMessageWindow:
        """Open one message's whole text in its own window, read off the GUI thread and filled in steps."""
        store = self.store
        return self._open_whole(lambda: store.message_text(message_id))

    def _open_whole(self, load: Callable[[], str]) -> WholeMessageWindow:
        window = WholeMessageWindow(self.title.text(), self)
        self.whole = window
        window.show()
        if self._submit is None:
            window.set_text(load())
        else:
            self._submit(load, lambda text, error: window.set_text(
                text if isinstance(text, str) else problem_line(error) if error else ""))
        return window


def visual_lines(text: str, width: int = VISUAL_LINE) -> str:
    """``text`` with lines longer than ``width`` broken for display (a 5 MB single line cannot be wrapped
    in one go without holding the window); copying uses the original text."""
    if "\n" in text and max((len(line) for line in text.split("\n")), default=0) <= width:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(line[i : i + width] for i in range(0, max(1, len(line)), width))
    return "\n".join(out)


class WholeMessageWindow(QWidget):
    """One message's whole text, read-only and plain, put in a step at a time; "Copy all" copies it as it is."""

    filled = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("wholeMessage")
        self.setWindowTitle(title)
        self.resize(900, 640)
        self.text = ""
        self.view = QPlainTextEdit(self)
        self.view.setObjectName("wholeMessageText")
        self.view.setAccessibleName(self.tr("Whole message"))
        self.view.setReadOnly(True)
        self.view.setPlaceholderText(self.tr("Loading…"))
        self.view.setUndoRedoEnabled(False)
        self.copy = QPushButton(self.tr("Copy all"), self)
        self.copy.setEnabled(False)
        self.copy.clicked.connect(lambda: QApplication.clipboard().setText(self.text))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._pending = ""
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def set_text(self, text: str) -> None:
        self.text = text
        self._pending = visual_lines(text)
        self.view.clear()
        self._timer.start()

    def _step(self) -> None:
        cut = self._pending.rfind("\n", 0, WHOLE_STEP_CHARS) if len(self._pending) > WHOLE_STEP_CHARS else -1
        chunk, self._pending = (self._pending[:cut], self._pending[cut + 1 :]) if cut > 0 else (self._pending, "")
        self.view.appendPlainText(chunk)
        if not self._pending:
            self._timer.stop()
            self.view.moveCursor(QTextCursor.MoveOperation.Start)
            self.copy.setEnabled(True)
            self.filled.emit()
