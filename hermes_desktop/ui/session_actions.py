"""A session's actions: Rename…, Export as Markdown…, Copy as Markdown, Delete….

They are on the sessions list (its context menu - right click, the Menu key,
Shift+F10 - and F2 and Delete on the selected row) and in the window's
Session menu, which acts on the transcript on screen: a chat, or a cron run
opened from the cron section. Every read and write of ``state.db`` and of the
exported file runs on the task thread; the window hears back through the
``(result, error)`` callback and updates one row in place.

The rules are Hermes' own (``core/titles.py``, ``SessionStore.rename_session``
and ``delete_session``), so a title refused here is refused by ``/title`` too,
and a delete takes what ``hermes sessions delete`` takes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..core.executions import parse_run_ref
from ..core.session_export import (
    ExportRefused,
    ExportWords,
    export_filename,
    export_target,
    markdown_chunks,
    read_session,
    session_markdown,
    write_session_markdown,
)
from ..core.sessions import DeletedSession, SessionStore
from ..core.titles import SessionNotFound, SessionRunning, TitleTaken, TitleTooLong, clean_title
from ..l10n import date_time, problem_line
from .models import Role
from .shared import destructive_question
from .workers import Done

if TYPE_CHECKING:
    from .main_window import MainWindow

ROLES = ("user", "assistant", "system", "tool", "output")
STATUS_MS = 8000  # how long "Exported …" stays in the status bar


@dataclass(frozen=True)
class Target:
    """A session an action is for: its id and the name it goes by on screen."""

    session_id: str
    label: str


class RenameDialog(QDialog):
    """Asks for a title; says why one cannot be used, at once for its length and after trying for a clash.

    It stays open until the title is stored, so nothing typed is lost to a refusal. ``rename(text, done)``
    does the storing (off the GUI thread) and calls ``done(title stored, error)``.
    """

    renamed = Signal(object)  # the title stored: a str, or None when it was cleared

    def __init__(self, label: str, current: str, rename: Callable[[str, Done], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renameSession")
        self.setWindowTitle(self.tr("Rename session"))
        self._rename = rename
        prompt = QLabel(self.tr("New title for “{title}”:").format(title=label), self)
        prompt.setWordWrap(True)
        self.field = QLineEdit(current, self)
        self.field.setObjectName("renameTitle")
        self.field.setAccessibleName(self.tr("Title"))
        self.field.setPlaceholderText(self.tr("Empty: the list shows the first message"))
        self.field.selectAll()
        prompt.setBuddy(self.field)
        self.problem = QLabel(self)
        self.problem.setObjectName("renameProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(self.tr("Rename"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(self._check)
        self.resize(420, self.sizeHint().height())

    def _check(self) -> bool:
        try:
            clean_title(self.field.text())
        except TitleTooLong as exc:
            self._say(self.tr("That title is too long: {length} characters, at most {limit}.").format(
                length=exc.length, limit=exc.limit))
            self.ok.setEnabled(False)
            return False
        self._say("")
        self.ok.setEnabled(True)
        return True

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        layout = self._layout
        layout.activate()  # a reason that wraps onto more lines makes the dialog taller, never cut off
        self.resize(self.width(), max(self.height(), layout.totalHeightForWidth(self.width())))

    def _try(self) -> None:
        if not self._check():
            return
        self.ok.setEnabled(False)
        self.field.setEnabled(False)
        self._rename(self.field.text(), self._done)

    def _done(self, title: str | None, error: BaseException | None) -> None:
        self.field.setEnabled(True)
        self.ok.setEnabled(True)
        if error is None:
            self.renamed.emit(title)
            self.accept()
            return
        if isinstance(error, TitleTaken):
            self._say(self.tr("Another session already has the title “{title}”. Titles are unique, as in "
                              "Hermes.").format(title=error.title))
        elif isinstance(error, SessionNotFound):
            self._say(self.tr("This session no longer exists."))
        else:
            self._say(self.tr("Could not rename: {reason}").format(reason=problem_line(error)))
        self.field.setFocus()


class SessionActions(QObject):
    """The actions, their menus and keys; one per main window (see the module's docstring)."""

    deleted = Signal(str)  # session id, once it is gone from state.db

    def __init__(self, window: MainWindow, view: QListView) -> None:
        super().__init__(window)
        self.window = window
        self.view = view
        self.model = window.sidebar.sessions_model
        self.transcript = window.transcript
        self.rename_dialog: RenameDialog | None = None
        self.delete_box: QMessageBox | None = None  # the question on screen (tests and Escape reach it)
        self.problem_box: QMessageBox | None = None  # the last failure said
        self.export_dir = ""  # where the last export went; the next one starts there

        # the sessions list: its selected row
        self.rename_action = self._action(self.tr("Rename…"), lambda: self.rename(self.selected()), "F2")
        self.export_action = self._action(self.tr("Export as Markdown…"), lambda: self.export(self.selected()))
        self.copy_action = self._action(self.tr("Copy as Markdown"), lambda: self.copy(self.selected()))
        self.delete_action = self._action(self.tr("Delete…"), lambda: self.delete(self.selected()), "Delete")
        self.menu = QMenu(view)
        self.menu.setObjectName("sessionMenu")
        self.menu.addActions([self.rename_action, self.export_action, self.copy_action])
        self.menu.addSeparator()
        self.menu.addAction(self.delete_action)
        keyboard_menu = QAction(self)
        keyboard_menu.setShortcuts([QKeySequence(Qt.Key.Key_Menu), QKeySequence("Shift+F10")])
        keyboard_menu.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keyboard_menu.triggered.connect(lambda: self.show_menu(None))
        for action in (self.rename_action, self.export_action, self.copy_action, self.delete_action, keyboard_menu):
            view.addAction(action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_menu)

        # the window's Session menu: the transcript on screen
        self.shown_menu = window.menuBar().addMenu(self.tr("&Session"))
        self.shown_menu.setObjectName("shownSessionMenu")
        self.shown_actions = [
            self._menu_action(self.tr("Rename…"), self.rename),
            self._menu_action(self.tr("Export as Markdown…"), self.export),
            self._menu_action(self.tr("Copy as Markdown"), self.copy),
        ]
        self.shown_menu.addSeparator()
        self.shown_actions.append(self._menu_action(self.tr("Delete…"), self.delete))
        self.shown_menu.aboutToShow.connect(self._enable_shown)
        self._enable_shown()

    # ----------------------------------------------------------------- wiring

    def _action(self, text: str, slot: Callable[[], None], keys: str | None = None) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # while the list has focus
        action.triggered.connect(slot)
        return action

    def _menu_action(self, text: str, act: Callable[[Target | None], None]) -> QAction:
        action = self.shown_menu.addAction(text)
        action.triggered.connect(lambda: act(self.shown()))
        return action

    def _enable_shown(self) -> None:
        on = self.shown() is not None
        for action in self.shown_actions:
            action.setEnabled(on)

    def selected(self) -> Target | None:
        index = self.view.currentIndex()
        sid = index.data(Role.Id) if index.isValid() else None
        return Target(sid, str(index.data(Qt.ItemDataRole.DisplayRole) or sid)) if sid else None

    def shown(self) -> Target | None:
        """The session whose transcript is on screen (a run known only from Hermes' ledger is none)."""
        sid = self.transcript.session_id
        if not sid or parse_run_ref(sid) is not None:
            return None
        return Target(sid, self.transcript.title.text() or sid)

    def show_menu(self, pos: QPoint | None) -> None:
        """The context menu for the row at ``pos``, or, from the keyboard (None), for the selected row."""
        if pos is None:
            index = self.view.currentIndex()
            pos = self.view.visualRect(index).center()
        else:
            index = self.view.indexAt(pos)  # a click below the last row: no menu
        if not index.isValid() or not index.data(Role.Id):
            return
        self.view.setCurrentIndex(index)  # the row the menu is about; it is not opened
        self.menu.popup(self.view.viewport().mapToGlobal(pos))

    @property
    def store(self) -> SessionStore:
        return self.model.store  # the profile on screen's (the model follows a profile switch)

    def _task(self, work: Callable[[], Any], done: Done) -> None:
        self.model.tasks(work, done)

    def _with_info(self, target: Target, then: Callable[[dict[str, Any]], None]) -> None:
        """Read the session's row off the GUI thread, then go on with it; a session gone is said and dropped."""
        store, sid = self.store, target.session_id

        def read() -> dict[str, Any]:
            info = store.session(sid)
            if info is None:
                raise SessionNotFound(sid)
            return info

        def done(info: dict[str, Any] | None, error: BaseException | None) -> None:
            if error is not None or info is None:
                self._gone_or_failed(target, error, self.tr("Could not read “{title}”: {reason}"))
                return
            then(info)

        self._task(read, done)

    def _gone_or_failed(self, target: Target, error: BaseException | None, failed: str) -> None:
        if isinstance(error, SessionNotFound):
            self._forget(target.session_id)
            self.say_problem(self.tr("“{title}” no longer exists; another program deleted it.").format(
                title=target.label))
        else:
            self.say_problem(failed.format(title=target.label, reason=problem_line(error) if error else "?"))

    def say_problem(self, text: str) -> None:
        """A failure, in a box that does not hold the window (the next action can go on)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Session"), text, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._closed(box))
        self.problem_box = box
        box.open()

    def _closed(self, widget: QWidget) -> None:
        """A dialog closed (and is deleted): forget it."""
        if self.rename_dialog is widget:
            self.rename_dialog = None
        if self.problem_box is widget:
            self.problem_box = None

    def _title_of(self, info: dict[str, Any], target: Target) -> str:
        return str(info.get("title") or target.label)

    # ----------------------------------------------------------------- rename

    def rename(self, target: Target | None) -> None:
        if target is not None:
            self._with_info(target, lambda info: self._ask_title(target, info))

    def _ask_title(self, target: Target, info: dict[str, Any]) -> None:
        store, sid = self.store, target.session_id

        def rename(text: str, done: Done) -> None:
            self._task(lambda: store.rename_session(sid, text), done)

        dialog = RenameDialog(self._title_of(info, target), info.get("title") or "", rename, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.renamed.connect(lambda title: self._renamed(sid, title))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.rename_dialog = dialog
        dialog.open()

    def _renamed(self, session_id: str, title: str | None) -> None:
        self.model.retitle(session_id, title)
        if self.transcript.session_id == session_id:
            if title:
                self.transcript.title.setText(title)
            else:  # its title is now its first message, as read from the database
                self.transcript.show_session(session_id)
        self.window.cron.refresh_peek()  # a cron run's title shows in its job's peek

    # ----------------------------------------------------------------- delete

    def delete(self, target: Target | None) -> None:
        if target is not None:
            self._with_info(target, lambda info: self._ask_delete(target, info))

    def confirm_delete(self, title: str, count: int) -> bool:
        """Asked with the action's own word on the button: Delete / Cancel, Cancel the default."""
        box, delete = destructive_question(
            self.window, self.tr("Delete session"),
            self.tr("Delete “{title}” and its %n message(s) for good?", "", count).format(title=title),
            self.tr("Delete"))
        self.delete_box = box
        box.exec()
        self.delete_box = None
        return box.clickedButton() is delete

    def _ask_delete(self, target: Target, info: dict[str, Any]) -> None:
        title = self._title_of(info, target)
        store, sid = self.store, target.session_id  # the profile asked about, even if another is shown by the answer
        turn = self.transcript.chat.turn
        if turn is not None and turn.session_id == sid:  # its reply would land in a deleted conversation
            self.say_problem(self.tr("Hermes is still replying in “{title}”. Stop the reply, then delete it.")
                             .format(title=title))
            return
        if not self.confirm_delete(title, int(info.get("message_count") or 0)):
            return
        folder = store.path.parent / "sessions"  # Hermes' transcript files beside state.db

        def done(gone: DeletedSession | None, error: BaseException | None) -> None:
            if isinstance(error, SessionRunning):
                self.say_problem(self.tr("“{title}” is still running. Delete it once it has finished.").format(
                    title=title))
            elif error is not None and not isinstance(error, SessionNotFound):  # gone already: as good as done
                self.say_problem(self.tr("Could not delete “{title}”: {reason}").format(
                    title=title, reason=problem_line(error)))
            else:
                self._forget(sid, *(gone.children if gone else ()))
                self.deleted.emit(sid)

        self._task(lambda: store.delete_session(sid, sessions_dir=folder), done)

    def _forget(self, session_id: str, *children: str) -> None:
        """The session is gone: its row goes, and a transcript of it (or of a subagent run that went with it) is
        cleared. The list selects the row now in its place (the one above, for the last row) without opening it."""
        for sid in (session_id, *children):
            self.model.remove_session(sid)
        if self.transcript.session_id in (session_id, *children):
            self.transcript.clear()
        self.window.cron.refresh_peek()  # a cron run leaves its job's peek

    # ----------------------------------------------------------------- Markdown

    def export_words(self) -> ExportWords:
        """The words around the messages, in the UI language; role names as the transcript shows them."""
        return ExportWords(roles={role: self.transcript.role_label(role) for role in ROLES},
                           started=self.tr("Started"), source=self.tr("Source"), session=self.tr("Session"),
                           untitled=self.tr("Untitled session"), no_messages=self.tr("No messages."))

    def _started(self, info: dict[str, Any]) -> str:
        return date_time(datetime.fromtimestamp(float(info["started_at"]), UTC), with_zone=True)

    def ask_export_path(self, suggested: str) -> str:
        """Where to write (a file dialog); "" when the person cancels."""
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export as Markdown"), suggested,
                                              self.tr("Markdown (*.md);;All files (*)"))
        return path

    def export(self, target: Target | None) -> None:
        if target is not None:
            self._with_info(target, lambda info: self._export(target, info))

    def _export(self, target: Target, info: dict[str, Any]) -> None:
        title = self._title_of(info, target)
        folder = self.export_dir or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        chosen = self.ask_export_path(os.path.join(folder, export_filename(title)))
        if not chosen:
            return
        # As chosen (the suggestion ends in .md; adding one here would write over a file nobody confirmed); the
        # dialog asked before replacing a file; never a device or one of the home's own files
        path = Path(chosen)
        try:
            path = export_target(path, self.store.path.parent, replace=True)
        except ExportRefused as exc:
            reasons = {
                "not_a_file": self.tr("{path} is not a regular file; choose a file name."),
                "home_file": self.tr("{path} is one of the Hermes home's own files; choose another name."),
                "no_folder": self.tr("the folder {path} does not exist."),
            }
            reason = reasons.get(exc.kind, str(exc)).format(path=exc.path)
            self.say_problem(self.tr("Could not export “{title}”: {reason}").format(title=title, reason=reason))
            return
        self.export_dir = str(path.parent)
        store, sid, words, started = self.store, target.session_id, self.export_words(), self._started(info)

        def write() -> int:
            whole, messages = read_session(store, sid)
            write_session_markdown(path, markdown_chunks(whole, messages, started, words))
            return len(messages)

        def done(_count: int | None, error: BaseException | None) -> None:
            if error is not None:
                self._gone_or_failed(target, error, self.tr("Could not export “{title}”: {reason}"))
                return
            self.window.statusBar().showMessage(self.tr("Exported “{title}” to {path}").format(
                title=title, path=str(path)), STATUS_MS)

        self._task(write, done)

    def copy(self, target: Target | None) -> None:
        if target is not None:
            self._with_info(target, lambda info: self._copy(target, info))

    def _copy(self, target: Target, info: dict[str, Any]) -> None:
        title = self._title_of(info, target)
        store, sid, words, started = self.store, target.session_id, self.export_words(), self._started(info)

        def build() -> str:
            return session_markdown(*read_session(store, sid), started, words)

        def done(text: str | None, error: BaseException | None) -> None:
            if error is not None or text is None:
                self._gone_or_failed(target, error, self.tr("Could not copy “{title}”: {reason}"))
                return
            QApplication.clipboard().setText(text)
            self.window.statusBar().showMessage(self.tr("Copied “{title}” as Markdown").format(title=title),
                                                STATUS_MS)

        self._task(build, done)
