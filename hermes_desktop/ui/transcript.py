"""The transcript of a chat or a cron run: title, start time, outcome, and the messages by role.

Long transcripts are rendered a slice at a time between event-loop turns, so
a 5,000-message session or a 1 MB message never freezes the window. A message
larger than :data:`MARKDOWN_LIMIT` is shown as plain text (Markdown layout of
a megabyte takes a noticeable moment; plain text does not).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from ..core.sessions import Message, SessionStore
from ..l10n import date_time
from .models import run_status_text

MARKDOWN_LIMIT = 200_000
SLICE_CHARS = 120_000  # rendered per event-loop turn


class TranscriptView(QWidget):
    rendered = Signal(str)  # session id, once every message is on screen

    def __init__(self, store: SessionStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session_id: str | None = None
        self._queue: list[Message] = []
        self._cursor: QTextCursor | None = None
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.empty = QLabel(self.tr("Pick a conversation or a cron run on the left to read it here."), self)
        self.empty.setObjectName("transcriptEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(self.empty.foregroundRole())
        self.empty.setEnabled(False)

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
        self.browser.setOpenExternalLinks(True)
        page_layout.addWidget(self.title)
        page_layout.addWidget(self.meta)
        page_layout.addWidget(self.browser, 1)

        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_slice)

    def clear(self) -> None:
        self.session_id = None
        self._queue = []
        self._timer.stop()
        self.stack.setCurrentWidget(self.empty)

    def show_session(self, session_id: str) -> None:
        info = self.store.session(session_id)
        if info is None:
            self.clear()
            return
        self.session_id = session_id
        self.stack.setCurrentIndex(1)
        first_user = next((m.content for m in self.store.messages(session_id, limit=5) if m.role == "user"), "")
        title = info["title"] or " ".join(first_user.split())[:80] or self.tr("Untitled session")
        self.title.setText(title)
        started = datetime.fromtimestamp(info["started_at"], UTC)
        parts = [self.tr("Started {when}").format(when=date_time(started, with_zone=True))]
        if info["source"] == "cron":
            if info["ended_at"] is None:
                parts.append(run_status_text("running"))
            else:
                status = {"cron_error": "error", "cron_missed": "missed"}.get(info["end_reason"] or "", "ok")
                parts.append(run_status_text(status))
                took = max(0.0, info["ended_at"] - info["started_at"])
                parts.append(self.tr("took {seconds:.1f} s").format(seconds=took))
        else:
            parts.append(info["source"])
        parts.append(self.tr("%n message(s)", "", int(info["message_count"] or 0)))
        self.meta.setText(" · ".join(parts))
        self.browser.clear()
        self._cursor = QTextCursor(self.browser.document())
        self._queue = list(reversed(self.store.messages(session_id)))
        self._timer.start()

    def role_label(self, role: str) -> str:
        return {
            "user": self.tr("You"),
            "assistant": self.tr("Hermes"),
            "system": self.tr("System"),
            "tool": self.tr("Tool"),
        }.get(role, role)

    def _render_slice(self) -> None:
        cursor = self._cursor
        if cursor is None:
            return
        budget = SLICE_CHARS
        while self._queue and budget > 0:
            msg = self._queue.pop()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            # Each message starts a fresh block with plain formats, so nothing a message's
            # Markdown set (a heading, a code block, a list) leaks into the next one.
            header = QTextBlockFormat()
            header.setTopMargin(0 if self.browser.document().isEmpty() else 16)
            header.setBottomMargin(4)
            if not self.browser.document().isEmpty():
                cursor.insertBlock(header, QTextCharFormat())
            else:
                cursor.setBlockFormat(header)
            label = QTextCharFormat()
            label.setFontWeight(QFont.Weight.Bold)
            label.setForeground(self.palette().color(QPalette.ColorRole.Highlight if msg.role == "assistant"
                                                     else QPalette.ColorRole.WindowText))
            cursor.insertText(self.role_label(msg.role), label)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            if len(msg.content) > MARKDOWN_LIMIT:
                cursor.insertText(msg.content)
            else:
                cursor.insertMarkdown(msg.content or " ")
            budget -= max(1, len(msg.content))
        if self._queue:
            self._timer.start()
        else:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            if self.session_id:
                self.rendered.emit(self.session_id)
